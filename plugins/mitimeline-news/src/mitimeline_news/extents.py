"""From a placed phrase or expression to :class:`.DateMention` objects: extents and ranges.

One range convention for every language, the one TimeML gold follows: a closed range
("from 5 to 20 May", "vom 5. bis 20. Mai", "dal 5 al 20 maggio", "2009 to 2011") is two
mentions, its start (``bound="start"``) and its end (``bound="end"``), both carrying the
whole interval as ``span``; an open range ("since January", "bis Ende Februar", "dal 5
maggio") is one mention with its ``bound`` and the open ``span``. A mention drops a
leading preposition as TimeML extents do ("im Vorjahr" -> "Vorjahr").
"""

from __future__ import annotations

import functools
import re
from typing import TypeVar

import attrs
from mitimeline import When

from .dates import Phrase
from .languages import LEXICONS
from .mention import Anchor, DateMention
from .timex import Timex, shift_months

_Item = TypeVar("_Item", Phrase, Timex)

__all__ = ["bound_of", "joined", "split_phrase", "split_timex", "without_leading"]


def without_leading(phrase: _Item, language: str) -> _Item:
    """``phrase`` without a leading preposition ("im Vorjahr" -> "Vorjahr", "in der
    Zukunft" -> "der Zukunft", "um 20 Uhr" -> "20 Uhr"), as TimeML marks extents; a
    counted phrase ("in zwei Wochen") keeps it, since there it is part of the meaning."""
    if isinstance(phrase, Phrase) and phrase.count is not None:
        return phrase
    match = _leading(language).match(phrase.text)
    if match is None or match.end() == len(phrase.text):
        return phrase
    return attrs.evolve(phrase, start=phrase.start + match.end(), text=phrase.text[match.end():])


@functools.cache
def _leading(language: str) -> re.Pattern[str]:
    """The leading prepositions of ``language``, compiled once."""
    return re.compile(r"(?:" + LEXICONS[language].timex.leading_re + r")\s+", re.IGNORECASE)


def bound_of(sentence: str, start: int, language: str) -> str | None:
    """"start" after "since"/"seit"/"dal", "end" after "until"/"bis"/"entro", else ``None``."""
    opens, closes = _bound_patterns(language)
    before = sentence[max(0, start - 30):start]
    if opens.search(before):
        return "start"
    return "end" if closes.search(before) else None


@functools.cache
def _bound_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The language's patterns before a date that opens or closes an interval."""
    words = LEXICONS[language].timex
    return (re.compile(words.bound_start_re, re.IGNORECASE),
            re.compile(words.bound_end_re, re.IGNORECASE))


def _open_span(when: When | None, bound: str | None) -> When | None:
    """The open interval ``when`` starts ("since January": ``2021-01/..``) or ends."""
    if when is None or bound is None:
        return None
    if bound == "start":
        return When.interval(when.start or when, None)
    return When.interval(None, when.end or when)


def single(start: int, end: int, text: str, kind: str, when: When | None,
           anchor: Anchor | None, bound: str | None) -> DateMention:
    """One mention; a date with a ``bound`` spans the open interval it starts or ends."""
    bound = bound if kind == "date" and when is not None else None
    return DateMention(start, end, text, kind, when, anchor, bound, _open_span(when, bound))


def _pair(first: tuple[int, int, str], second: tuple[int, int, str], kind: str,
          when: When, anchor: Anchor | None) -> list[DateMention]:
    """The two mentions of a closed range ``when``: its start and its end."""
    start = when.start or When(when.lower.isoformat())
    end = when.end or When(when.upper.isoformat())
    return [DateMention(*first, kind, start, anchor, "start", when),
            DateMention(*second, kind, end, anchor, "end", when)]


_RANGE_LINK = re.compile(r"\d\.?(?=\s*(?:–|—|-|to\b|and\b|through\b|al\b|all['’]|e\b|"
                         r"bis\b))", re.IGNORECASE)
"""The end of a calendar range's first day: the words are those of the range finder's link."""
_RANGE_GAP = re.compile(r"^\s*(?:–|—|-|to|and|through|al|all['’]|e|bis(?:\s+zum)?)\s*"
                        r"(?:the\s+)?", re.IGNORECASE)


def split_phrase(phrase: Phrase, sentence: str, offset: int, when: When | None,
                 anchor: Anchor | None, language: str) -> list[DateMention]:
    """The mentions of a phrase of ``sentence`` (which starts at ``offset`` in the text):
    two for a calendar range ("5. bis 9. Juni"), else one, bounded by the words before it."""
    start, end = offset + phrase.start, offset + phrase.end
    split = _RANGE_LINK.search(phrase.text) if phrase.first is not None else None
    if split is None or when is None or when.start is None or when.end is None:
        return [single(start, end, phrase.text, "date", when, anchor,
                       bound_of(sentence, phrase.start, language))]
    rest = phrase.text[split.end():]
    gap = len(rest) - len(_RANGE_GAP.sub("", rest))
    middle = start + split.end()
    return _pair((start, middle, phrase.text[:split.end()]),
                 (middle + gap, end, phrase.text[split.end() + gap:]), "date", when, anchor)


_RANGE_KINDS = frozenset({"monthrange", "yearrange"})


def split_timex(timex: Timex, sentence: str, offset: int, kind: str, when: When | None,
                anchor: Anchor | None, language: str) -> list[DateMention]:
    """The mentions of an expression: two for a range of months or of four-digit years
    ("between March and June", "2009 to 2011"), one for a season ("2012/13") or anything else."""
    start, end = offset + timex.start, offset + timex.end
    first = timex.group("m1") or timex.group("y1") or ""
    last = timex.group("m2") or timex.group("y2") or ""
    is_range = timex.kind in _RANGE_KINDS and when is not None and len(last) > 2
    if not is_range or when is None:
        bound = None if timex.kind in _RANGE_KINDS else bound_of(sentence, timex.start, language)
        return [single(start, end, timex.text, kind, when, anchor, bound)]
    second = timex.text.rfind(last)
    return _pair((start, start + len(first), first),
                 (start + second, end, timex.text[second:]), kind, when, anchor)


def joined(found: list[DateMention], text: str, language: str) -> list[DateMention]:
    """Neighbours read together: two dates linked as a range ("from 5 May to 20 June",
    "von 1975 bis 1990") become its start and end; a clock time and the day beside it
    ("3 pm on Monday") one time."""
    out: list[DateMention] = []
    for mention in found:
        previous = out[-1] if out else None
        merged = _joined_pair(previous, mention, text, language) if previous else None
        if merged is not None:
            out[-1:] = merged
        else:
            out.append(mention)
    return out


def _joined_pair(first: DateMention, second: DateMention, text: str,
                 language: str) -> list[DateMention] | None:
    """``first`` and ``second`` read together (a range, a time and its day), or ``None``."""
    gap = text[first.end:second.start]
    if "\n" in gap or len(gap) > 12:
        return None
    ranged = _range(first, second, gap, text, language)
    if ranged is not None:
        return ranged
    times = {first.type, second.type}
    if "time" in times and times <= {"time", "date"} \
            and re.fullmatch(r"\s*,?\s*(?:on|at|of|del|di|alle|all['’])?\s*", gap):
        clock = first if first.type == "time" and first.when is None else second
        day = second if clock is first else first
        if clock.when is None and day.when is not None and day.type == "date":
            return [DateMention(first.start, second.end, text[first.start:second.end], "time",
                                day.when, day.anchor)]
    return None


def _range(first: DateMention, second: DateMention, gap: str, text: str,
           language: str) -> list[DateMention] | None:
    """``first`` and ``second`` as the start and end of a range, or ``None``."""
    if not (first.type == second.type == "date" and first.when and second.when):
        return None
    link, opened = _range_patterns(language)
    dash = re.fullmatch(r"\s*[-–—]\s*", gap) is not None
    if not (link.fullmatch(gap) and (dash or opened.search(text[max(0, first.start - 20):
                                                                first.start]))):
        return None
    start = _in_year_of(first, second.when)
    if start.lower > second.when.upper:
        return None
    anchor = second.anchor if start is not first.when else first.anchor or second.anchor
    span = When.interval(start.start or start, second.when.end or second.when)
    return [DateMention(first.start, first.end, first.text, "date", start, anchor, "start",
                        span),
            DateMention(second.start, second.end, second.text, "date", second.when,
                        second.anchor, "end", span)]


def _in_year_of(first: DateMention, end: When) -> When:
    """The start of a range without its own year ("May 5" of "May 5 to June 20, 2019")
    moved into the year of the range's end."""
    assert first.when is not None
    years = end.lower.year - first.when.lower.year
    if first.anchor is None or first.anchor.kind != "published" or not years:
        return first.when
    moved = shift_months(first.when, 12 * years)
    return moved if moved.lower <= end.upper else first.when


@functools.cache
def _range_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The language's range link ("to", "al", "bis") and opening ("from", "dal", "von")."""
    words = LEXICONS[language].timex
    link = re.compile(r"\s*(?:" + words.range_link_re + r")\s*(?:the\s+|il\s+)?",
                      re.IGNORECASE)
    return link, re.compile(words.range_open_re, re.IGNORECASE)
