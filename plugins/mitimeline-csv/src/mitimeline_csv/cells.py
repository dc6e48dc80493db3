"""Cell text: lists, people, numbers and spreadsheet-formula neutralisation, both ways.

List cells (``people``, ``sources``, ``tags``) hold items separated by ``;``. White space
around an item and empty items are ignored. A backslash keeps the next character literal
when it is ``\\``, ``;``, ``(``, ``)`` or white space; before anything else it is an
ordinary backslash. A person is ``Name`` or ``Name (role)``.

A cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return is a formula to a
spreadsheet. :func:`neutralise` prefixes such a cell with ``'`` (unless it is a plain
number); :func:`restore` removes the prefix again. Cells that already start with ``'``
before such a character get one more, so the two are exact inverses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "format_number",
    "join_list",
    "join_people",
    "neutralise",
    "parse_number",
    "restore",
    "split_list",
    "split_people",
]

_ESCAPABLE = frozenset("\\;()")
_TRIGGERS = "=+-@\t\r"
_NEEDS_PREFIX = re.compile(f"'*[{re.escape(_TRIGGERS)}]")
_HAS_PREFIX = re.compile(f"'+[{re.escape(_TRIGGERS)}]")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")

Char = tuple[str, bool]
"""A character of a list cell and whether it was escaped."""


# -- formulas ---------------------------------------------------------------------------


def neutralise(cell: str) -> str:
    """``cell`` made safe to open in a spreadsheet: ``'`` before a formula character."""
    if _NEEDS_PREFIX.match(cell) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def restore(cell: str) -> str:
    """The inverse of :func:`neutralise`: one ``'`` fewer before a formula character."""
    return cell[1:] if _HAS_PREFIX.match(cell) else cell


# -- numbers ----------------------------------------------------------------------------


def format_number(value: float) -> str:
    """The shortest text that reads back as exactly ``value``."""
    return repr(value)


def parse_number(cell: str) -> float | None:
    """A decimal number (``62.31``, ``-6.95``, ``1e-3``, or ``62,31`` with a decimal comma);
    ``None`` if ``cell`` is not one."""
    text = cell.strip()
    if not _NUMBER.fullmatch(text):
        return None
    return float(text.replace(",", "."))


# -- lists ------------------------------------------------------------------------------


def _escape(item: str, special: frozenset[str]) -> str:
    """``item`` with backslash escapes, white space at its ends escaped too."""
    chars = [("\\" + c) if c in special else c for c in item]
    for indices in (range(len(item)), range(len(item) - 1, -1, -1)):
        for index in indices:
            if not item[index].isspace():
                break
            chars[index] = "\\" + item[index]
    return "".join(chars)


def _unescape(cell: str) -> list[Char]:
    chars: list[Char] = []
    index = 0
    while index < len(cell):
        char = cell[index]
        following = cell[index + 1:index + 2]
        if char == "\\" and following and (following in _ESCAPABLE or following.isspace()):
            chars.append((following, True))
            index += 2
        else:
            chars.append((char, False))
            index += 1
    return chars


def _strip(chars: list[Char]) -> list[Char]:
    """Drop unescaped white space at both ends."""
    start, end = 0, len(chars)
    while start < end and not chars[start][1] and chars[start][0].isspace():
        start += 1
    while end > start and not chars[end - 1][1] and chars[end - 1][0].isspace():
        end -= 1
    return chars[start:end]


def _text(chars: list[Char]) -> str:
    return "".join(char for char, _escaped in chars)


def _items(cell: str) -> list[list[Char]]:
    """The non-empty items of a list cell, split at unescaped ``;`` and stripped."""
    items: list[list[Char]] = [[]]
    for char, escaped in _unescape(cell):
        if char == ";" and not escaped:
            items.append([])
        else:
            items[-1].append((char, escaped))
    return [item for item in map(_strip, items) if item]


def join_list(values: Iterable[str]) -> str:
    """Items as one cell: ``"a; b"``."""
    return "; ".join(_escape(value, frozenset("\\;")) for value in values)


def split_list(cell: str) -> list[str]:
    """The items of a list cell (see the module docstring)."""
    return [_text(item) for item in _items(cell)]


def join_people(people: Iterable[tuple[str, str | None]]) -> str:
    """People as one cell: ``"Tom Cruise (actor); Hayley Atwell"``."""
    special = frozenset(_ESCAPABLE)
    return "; ".join(
        _escape(name, special) + (f" ({_escape(role, special)})" if role else "")
        for name, role in people
    )


def split_people(cell: str) -> list[tuple[str, str | None]]:
    """``(name, role)`` pairs of a people cell; raises ``ValueError`` naming a bad item.

    The role is in the parentheses that close the item, matched by nesting, so
    ``"Tom (Jr.) Cruise (actor (stunts))"`` is ``("Tom (Jr.) Cruise", "actor (stunts)")``;
    an item that does not end with ``)`` is all name. An empty role ``"Name ()"`` is no role.
    """
    people: list[tuple[str, str | None]] = []
    for item in _items(cell):
        opening = _role_start(item)
        if opening is None:
            people.append((_text(item), None))
            continue
        name, role = _strip(item[:opening]), _strip(item[opening + 1:-1])
        people.append((_text(name), _text(role) or None))
    return people


def _role_start(item: list[Char]) -> int | None:
    """Index of the ``(`` matching a final unescaped ``)``; ``None`` when there is none."""
    if item[-1] != (")", False):
        return None
    depth = 0
    for index in range(len(item) - 1, -1, -1):
        char, escaped = item[index]
        if escaped or char not in "()":
            continue
        depth += 1 if char == ")" else -1
        if depth == 0:
            return index
    raise ValueError(f"expected 'Name' or 'Name (role)', got {_text(item)!r}: "
                     "the closing ')' has no matching '('")
