"""Month and weekday names from dateparser's locale data, and the regex helpers built on
words: alternations, modifiers ("early", "last") and context words before a phrase."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import attrs

from ..languages import LEXICONS, Lexicon


@attrs.frozen
class _Names:
    """Month and weekday names from dateparser's locale data, split into full names and
    abbreviations (a prefix of the month's longest name: "sep", "set")."""

    months_full: tuple[str, ...]
    months_abbr: tuple[str, ...]
    weekdays: dict[str, int]


_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _locale_names(language: str) -> _Names:
    from dateparser.languages.loader import default_loader  # type: ignore[import-untyped]

    info: dict[str, Any] = default_loader.get_locale(language).info
    full: set[str] = set()
    abbr: set[str] = set()
    for key in _MONTH_KEYS:
        names = {n.lower() for n in info[key] if len(n) >= 3}
        for name in names:
            (abbr if _shortens(name, names) else full).add(name)
    weekdays = {}
    for number, key in enumerate(_WEEKDAY_KEYS):
        names = {n.lower() for n in info[key]}
        weekdays.update({n: number for n in names if not _shortens(n, names)})
    return _Names(_by_length(full), _by_length(abbr), weekdays)


def _shortens(name: str, names: set[str]) -> bool:
    """Is ``name`` a shortening of another of ``names`` ("jan" of "januar")? Checked
    against every name, not the longest only: "jänner" and "januar" are equally long,
    and which one ``max`` picks would change with the string hash seed."""
    return any(other != name and other.startswith(name) for other in names)


def _by_length(words: set[str] | list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in _by_length(list(words)))


def _before(lexicon: Lexicon) -> re.Pattern[str]:
    """Matches a third ("early") or a direction ("last") right before a date core."""
    return re.compile(
        r"(?<!\w)(?:(?P<third>" + _alternation(lexicon.thirds) + r")\s*|(?P<dir>"
        + _alternation(lexicon.directions) + r")\s*)$",
        re.IGNORECASE,
    )


@functools.cache
def _postfix(language: str) -> re.Pattern[str]:
    """A direction right after a date core, for languages that put it there ("lunedì
    scorso"); never matches for the others."""
    lexicon = LEXICONS[language]
    if not lexicon.postfix_directions:
        return re.compile(r"(?!)")
    words = [w for w, meaning in lexicon.directions.items() if meaning != "this"]
    return re.compile(r"^\s+(?P<dir>" + _alternation(words) + r")\b", re.IGNORECASE)


def _modifiers(lexicon: Lexicon, before: re.Pattern[str], sentence: str, start: int,
               end: int) -> tuple[int, int, str | None, str | None]:
    """Widen ``[start, end)`` over a leading third/direction (and Italian trailing
    direction); return the new bounds, the third and the direction."""
    third = direction = None
    match = before.search(sentence, max(0, start - 25), start)
    if match:
        if match.group("third"):
            third = lexicon.thirds[_norm(match.group("third"))]
        else:
            direction = lexicon.directions[_norm(match.group("dir"))]
        start = match.start()
    if direction is None:
        after = _postfix(lexicon.code).match(sentence[end:end + 20])
        if after:
            direction = lexicon.directions[after.group("dir").lower()]
            end += after.end()
    return start, end, third, direction


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).replace("’", "'")


def _context(lexicon: Lexicon) -> re.Pattern[str]:
    """Matches a context word ("in", "since", "nel", "seit") right before a phrase."""
    return re.compile(r"(?:^|\W)(?:" + lexicon.context_re + r")\s*$", re.IGNORECASE)
