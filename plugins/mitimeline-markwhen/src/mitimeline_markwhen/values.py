"""Property and header values: written as JSON (which YAML reads), read as JSON or YAML.

Markwhen reads a property line ``key: value`` with the npm ``yaml`` package (YAML 1.2), after
turning every ``#word`` on the line into ``)word`` (its colour-tag syntax), even inside quotes.
So every value is written as JSON with ``#`` and the characters YAML may not hold raw
(C1 controls, U+FFFE/FFFF, line and paragraph separators) as ``\\uXXXX`` escapes, which
JSON and YAML double-quoted strings both read. Hand-written values are YAML (``kind: stunt``,
``sources: [a, b]``): a value that is not JSON is read with PyYAML's ``BaseLoader``, which
keeps every scalar as text (``region: NO`` is Norway, not ``false``).
"""

from __future__ import annotations

import json
import re
from typing import Any

import mitimeline

__all__ = ["credit_value", "decode", "encode", "read_credit", "text_list", "text_value"]

_UNSAFE = re.compile("[#\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def encode(value: Any) -> str:
    """``value`` (JSON data) as one line of JSON that Markwhen's property reader keeps intact."""
    text = json.dumps(value, ensure_ascii=False)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def decode(text: str, location: str) -> Any:
    """A property value as written: JSON if it is JSON, else YAML with every scalar as text;
    a number alone is kept as the text written (``id: 007``, ``id: 1e5``)."""
    try:
        value = json.loads(text)
    except ValueError:
        pass
    else:
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        return text.strip() if number else value
    import yaml  # type: ignore[import-untyped]  # PyYAML, ~15 ms: only read values need it

    try:
        return yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        raise mitimeline.ParseError(
            f"expected a YAML value, got {text!r}: {problem} (quote text holding ': ', "
            "'#' or brackets)", location=location) from None


def text_value(value: Any, key: str, location: str) -> str:
    """A text property."""
    if not isinstance(value, str):
        raise mitimeline.ParseError(
            f"expected text in property {key!r}, got {_kind(value)}", location=location)
    return value


def text_list(value: Any, key: str, location: str) -> tuple[str, ...]:
    """A list property of text items (``[a, b]``); a single text is a list of one."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list):
        raise mitimeline.ParseError(
            f"expected a list of text in property {key!r} such as [a, b], got {_kind(value)}",
            location=location)
    return tuple(text_value(item, key, location) for item in value)


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", bool: "true/false", type(None): "null"}
    return names.get(type(value), repr(value))


_CREDIT_TEXT = re.compile(r"(.+) \(([^()]+)\)", re.DOTALL)


def credit_value(credit: mitimeline.Credit) -> str | dict[str, str]:
    """A credit as a ``people`` item: ``"Name (role)"`` or ``"Name"`` when that reads back
    as the same credit, else ``{"name": ..., "role": ...}``."""
    text = str(credit)
    try:
        if read_credit(text, "", "") == credit:
            return text
    except mitimeline.ParseError:  # "  (x)" reads as a blank name
        pass
    return {"name": credit.name} if credit.role is None else {
        "name": credit.name, "role": credit.role}


def read_credit(item: Any, key: str, location: str) -> mitimeline.Credit:
    """A ``people`` item: ``"Name (role)"``, ``"Name"`` or a ``{name, role}`` mapping."""
    if isinstance(item, dict):
        unknown = set(item) - {"name", "role"}
        if unknown or "name" not in item:
            raise mitimeline.ParseError(
                f"expected a person in {key!r} as 'Name (role)' or {{name: ..., role: ...}}, "
                f"got {item!r}", location=location)
        name = text_value(item["name"], key, location)
        role = None if item.get("role") is None else text_value(item["role"], key, location)
        return _credit(name, role, location)
    text = text_value(item, key, location)
    match = _CREDIT_TEXT.fullmatch(text)
    return _credit(match.group(1), match.group(2), location) if match else _credit(
        text, None, location)


def _credit(name: str, role: str | None, location: str) -> mitimeline.Credit:
    try:
        return mitimeline.Credit(name, role)
    except mitimeline.InvalidEventError as exc:
        raise mitimeline.ParseError(f"people: {exc}", location=location) from None
