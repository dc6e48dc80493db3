"""Typed access to decoded JSON, every failure a :class:`mitimeline.ParseError` located at the
value's JSON path (``$.universalScheduleStandard.breakdowns[3].type``).

Each reader takes the object holding a field, the field's name and the object's path, and
returns the field's value or raises saying what was expected and what was found. A missing
field and a ``null`` one are the same: USS writers are told to write every key, ``null``
when unknown.
"""

from __future__ import annotations

import math
import reprlib
from typing import Any

import mitimeline

__all__ = ["ROOT", "describe", "fail", "integer", "items", "member", "number", "obj", "text",
           "texts"]

ROOT = "$.universalScheduleStandard"
"""The path of the schedule object inside the file."""

_SHORT = reprlib.Repr()
_SHORT.maxstring = 40
_SHORT.maxother = 40


def member(path: str, key: str) -> str:
    """The path of field ``key`` of the object at ``path``."""
    return f"{path}.{key}"


def describe(value: object) -> str:
    """A JSON value as a message names it: ``the text 'x'``, ``a list``, ``null``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"the text {_SHORT.repr(value)}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return "an object"


def fail(path: str, expected: str, found: object) -> mitimeline.ParseError:
    """The error for the value ``found`` at ``path`` that is not ``expected``."""
    return mitimeline.ParseError(f"expected {expected}, found {describe(found)}", location=path)


def obj(value: object, path: str) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an error at ``path``."""
    if not isinstance(value, dict):
        raise fail(path, "an object", value)
    return value


def items(parent: dict[str, Any], key: str, path: str) -> list[tuple[Any, str]]:
    """The entries of the list ``parent[key]`` with their paths; missing or null: none."""
    value = parent.get(key)
    where = member(path, key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail(where, "a list", value)
    return [(item, f"{where}[{index}]") for index, item in enumerate(value)]


def text(parent: dict[str, Any], key: str, path: str, required: bool = False) -> str | None:
    """The text ``parent[key]``; missing, null or blank gives None, or an error if
    ``required``."""
    value = parent.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise fail(member(path, key), "non-empty text", value)
        return None
    if not isinstance(value, str):
        raise fail(member(path, key), "text", value)
    return value.strip()


def texts(parent: dict[str, Any], key: str, path: str) -> tuple[tuple[str, str], ...]:
    """The list of texts ``parent[key]``, each with its path; missing or null: none."""
    found = []
    for item, where in items(parent, key, path):
        if not isinstance(item, str) or not item.strip():
            raise fail(where, "non-empty text", item)
        found.append((item.strip(), where))
    return tuple(found)


def number(parent: dict[str, Any], key: str, path: str) -> float | None:
    """The number ``parent[key]``, 0 or more and finite (not true/false); missing or null
    gives None."""
    value = parent.get(key)
    if value is None:
        return None
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value) or value < 0):
        raise fail(member(path, key), "a number of 0 or more", value)
    return float(value)


def integer(value: object, path: str, low: int, high: int | None = None) -> int:
    """``value`` if it is a whole number from ``low`` to ``high``, else an error at ``path``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    top = "" if high is None else f" to {high}"
    if (isinstance(value, bool) or not isinstance(value, int) or value < low
            or (high is not None and value > high)):
        raise fail(path, f"a whole number from {low}{top}", value)
    return value
