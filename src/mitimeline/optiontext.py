"""Option values typed on the command line (``-o KEY=VALUE``, ``-i KEY=VALUE``): one rule for
every format, reading the text as the type of the ``Options`` field it sets.

:class:`OptionText` carries the text to :func:`~mitimeline.formats.make_options`, which knows
the format's ``Options`` class and calls :func:`read_option`. The same module says in words
what each type expects (:func:`expected`) and writes a value as it would be typed
(:func:`as_text`), for error messages and ``mitimeline formats FORMAT``.
"""

from __future__ import annotations

import collections.abc
import json
import types
import typing
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import attrs

from .errors import DateParseError, MitimelineError
from .when import When

__all__ = [
    "NONE_WORDS", "OptionText", "as_text", "expected", "field_types", "option_words", "read_option",
]

TRUE_WORDS = ("true", "yes", "on", "1")
FALSE_WORDS = ("false", "no", "off", "0")
NONE_WORDS = ("none", "null")
"""The words (any case) that mean "no value" for an optional field."""

_COLLECTIONS = {
    list: list, tuple: tuple, set: frozenset, frozenset: frozenset,
    collections.abc.Sequence: tuple, collections.abc.Collection: tuple,
    collections.abc.Iterable: tuple, collections.abc.Set: frozenset,
}
"""The collection types a value can be read as (comma-separated items or a JSON array),
and what is built for each."""


@attrs.frozen
class OptionText:
    """An option's value as typed on the command line, still text: ``make_options`` reads it
    as the type of the field it sets (:func:`read_option`)."""

    text: str = attrs.field(validator=attrs.validators.instance_of(str))


class _Unreadable(ValueError):
    """``text`` is not a value of the type tried."""


def field_types(options_class: type[Any]) -> dict[str, Any]:
    """The type of each field of the attrs class ``options_class``, by name; empty when its
    annotations cannot be resolved at run time (a name imported only for type checking),
    and then every value is read by the fallback rule of :func:`read_option`."""
    try:
        return typing.get_type_hints(options_class)
    except Exception:  # NameError, or a TypeError from an annotation Python cannot evaluate
        return {}


def read_option(hint: Any, text: str) -> Any:
    """``text`` as a value of the type ``hint``; ``ValueError`` saying what was expected.

    ``str``: the text (in double quotes it is read as a JSON string, for text such as
    ``"none"`` that would otherwise mean something else); ``bool``: ``true``/``false``,
    ``yes``/``no``, ``on``/``off``, ``1``/``0``; ``int``, ``float``: a number;
    ``datetime.date``: any date text :meth:`When.parse` reads, meaning its first day;
    ``datetime.datetime``: ISO 8601 with a UTC offset or ``Z``; ``When``: any date text;
    a list, tuple or set: a JSON array or comma-separated items; ``X | None``: also
    ``none`` or ``null``; a union: its types in the order declared. Any other type (or none
    known): JSON if the text parses as JSON, else the text.
    """
    try:
        return _read(hint, text)
    except _Unreadable:
        raise ValueError(f"expected {expected(hint)}, got {text!r}") from None


def _read(hint: Any, text: str) -> Any:
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return _read_union(typing.get_args(hint), text)
    if origin is typing.Literal:
        for choice in typing.get_args(hint):
            if str(choice) == text.strip():
                return choice
        raise _Unreadable(text)
    if origin in _COLLECTIONS:
        return _read_collection(origin, typing.get_args(hint), text)
    reader = _READERS.get(hint)
    if reader is not None:
        return reader(text)
    return _read_json_or_text(text)


def _read_union(members: tuple[Any, ...], text: str) -> Any:
    if type(None) in members and text.strip().lower() in NONE_WORDS:
        return None
    for member in members:  # in the order declared: text, taking anything, ends the search
        if member is type(None):
            continue
        try:
            return _read(member, text)
        except _Unreadable:
            continue
    raise _Unreadable(text)


def _read_collection(origin: Any, arguments: tuple[Any, ...], text: str) -> Any:
    item = arguments[0] if arguments and (len(arguments) == 1 or arguments[1] is ...) else Any
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            values = json.loads(stripped)
        except json.JSONDecodeError:
            raise _Unreadable(text) from None
        if not isinstance(values, list):
            raise _Unreadable(text)
        items = [_read(item, value) if isinstance(value, str) else value for value in values]
    else:
        items = [_read(item, part.strip()) for part in stripped.split(",")] if stripped else []
    return _COLLECTIONS[origin](items)


def _read_text(text: str) -> str:
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            return text
        return value if isinstance(value, str) else text
    return text


def _read_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise _Unreadable(text)


def _read_int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise _Unreadable(text) from None


def _read_float(text: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        raise _Unreadable(text) from None


def _read_when(text: str) -> When:
    try:
        return When.parse(text)
    except DateParseError:
        raise _Unreadable(text) from None


def _read_date(text: str) -> date:
    when = _read_when(text)
    if when.open_start or when.lower == date.min:
        raise _Unreadable(text)
    return when.lower


def _read_datetime(text: str) -> datetime:
    stripped = text.strip()
    if stripped[-1:] in ("Z", "z"):
        stripped = stripped[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(stripped)
    except ValueError:
        raise _Unreadable(text) from None
    if moment.utcoffset() is None:
        raise _Unreadable(text)
    return moment


def _read_json_or_text(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


_READERS: dict[Any, Any] = {
    str: _read_text, bool: _read_bool, int: _read_int, float: _read_float,
    date: _read_date, datetime: _read_datetime, When: _read_when,
}

_WORDS: dict[Any, str] = {
    str: "text",
    bool: "true or false (also yes/no, on/off, 1/0)",
    int: "a whole number",
    float: "a number",
    date: "a date such as 2019-06-30 (text such as 2019 means its first day)",
    datetime: "a date-time with its UTC offset such as 2020-10-05T12:00:00Z",
    When: "a date such as 2020-09, 2020-09-06/2020-09-08 or 'early October 2020'",
}


def expected(hint: Any) -> str:
    """What :func:`read_option` accepts for the type ``hint``, in words: ``a whole number
    or none``."""
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        members = typing.get_args(hint)
        words = [expected(m) for m in members if m is not type(None)]
        if type(None) in members:
            words.append("none")
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    if origin is typing.Literal:
        return "one of " + ", ".join(str(choice) for choice in typing.get_args(hint))
    if origin in _COLLECTIONS:
        arguments = typing.get_args(hint)
        item = arguments[0] if arguments else Any
        what = "values" if item is Any else expected(item)
        return f"a list of {what} (comma-separated, or a JSON array)"
    return _WORDS.get(hint, "a JSON value, or text")


def as_text(value: object) -> str:
    """``value`` as it would be typed on the command line: ``none``, ``true``, ``2019-06-30``,
    ``stunt,shoot``; text as it is (``repr`` when it holds control characters, or is
    empty)."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value if value and value.isprintable() else repr(value)
    if isinstance(value, (date, When)):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ",".join(sorted(map(as_text, value)) if isinstance(value, (set, frozenset))
                        else map(as_text, value))
    return repr(value)


def option_words(pairs: Iterable[str]) -> dict[str, OptionText]:
    """``KEY=VALUE`` words from the command line as options, each value kept as
    :class:`OptionText` for the format to read by its field's type; a word without ``=``
    or without a key raises :class:`~mitimeline.MitimelineError`."""
    options: dict[str, OptionText] = {}
    for pair in pairs:
        key, equals, text = pair.partition("=")
        if not (equals and key):
            raise MitimelineError(f"option {pair!r} is not of the form KEY=VALUE")
        options[key] = OptionText(text)
    return options
