"""Date phrases in a sentence, and what they mean given the publication date.

Two steps, kept apart so each is testable:

1. :func:`find_phrases` finds the phrases and says what *form* each has: a calendar
   phrase ("Sep 6, 2020", "19 novembre", "18. November"), a weekday, a season, a bare
   year, or a relative phrase ("last month", "vor zwei Wochen", "la settimana scorsa").
   Month and weekday names come from dateparser's locale data; only phrases built around
   such a name, a number in a date shape, or a relative pattern from :mod:`.languages`
   are candidates, which is what keeps "die", "Mit", "set" or "58-year-old" out.
2. :func:`resolve` turns a phrase into a :class:`mitimeline.When` with the precision the
   text gives. dateparser reads the calendar phrases; the year of a phrase without one,
   weekdays, seasons and relative phrases are placed against the publication date and
   the tense (``"past"``, ``"future"`` or ``None``), with calendar arithmetic.

Nothing here invents precision: "September" is a month, "next week" an approximate
week, "a few weeks ago" an approximate span of weeks.

The modules: :mod:`.phrase` (the :class:`Phrase` value), :mod:`.names` (locale names and
word patterns), :mod:`.finders` (the finders of every language), :mod:`.optional` (the
finder a lexicon opts into), :mod:`.resolving` (:func:`resolve` and calendar arithmetic).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..languages import LEXICONS
from .finders import _CalendarFinder, _RelativeFinder, _SeasonFinder, _YearFinder
from .names import _locale_names
from .names import _norm as _norm
from .optional import _extra
from .phrase import FEW, Phrase
from .resolving import _read_calendar, resolve

__all__ = ["FEW", "Phrase", "find_phrases", "resolve", "warm_up"]


def find_phrases(sentence: str, language: str, *, every: bool = False) -> list[Phrase]:
    """The date phrases of ``sentence``, left to right, never overlapping.

    ``every`` adds, for a lexicon that opts into them, the years with no context word
    ("1996 zog sie um"): :func:`.tagger.find_dates` reports them, the event extractor
    leaves them out (a lone year is too weak a cue for an event).
    """
    return list(_find_cached(sentence, language, every))


@functools.lru_cache(maxsize=8192)
def _find_cached(sentence: str, language: str, every: bool = False) -> tuple[Phrase, ...]:
    found: list[Phrase] = []
    for finder in _patterns(language):
        found.extend(finder(sentence))
    extra = _extra(language)
    if every and extra is not None:
        found.extend(extra.tagger_only(sentence))
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[Phrase] = []
    for phrase in found:
        if kept and phrase.start < kept[-1].end:
            continue
        kept.append(phrase)
    return tuple(kept)


@functools.cache
def _patterns(language: str) -> tuple[Callable[[str], list[Phrase]], ...]:
    """The phrase finders of ``language``, built once (this loads dateparser's locale)."""
    lexicon = LEXICONS[language]
    names = _locale_names(language)
    return (
        _CalendarFinder(lexicon, names).find,
        _RelativeFinder(lexicon).find,
        _SeasonFinder(lexicon).find,
        _YearFinder(lexicon).find,
        *((extra.find,) if (extra := _extra(language)) else ()),
    )


def warm_up(languages: tuple[str, ...] = tuple(LEXICONS)) -> None:
    """Load dateparser and build the patterns now instead of on the first report."""
    for language in languages:
        _patterns(language)
        _read_calendar(language, "1 " + _locale_names(language).months_full[0] + " 2020")

