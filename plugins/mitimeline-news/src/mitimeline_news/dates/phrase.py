"""The date phrase a finder reports: its offsets, its form and the words that place it."""

from __future__ import annotations

import re

import attrs

FEW = -1
"""``Phrase.count`` of a vague count ("a few", "qualche", "einige"): see :func:`few_range`."""


def few_range(unit: str) -> tuple[int, int]:
    """How many ``unit`` "a few" means: 2 to 5, but 1 to 7 days ("a few days ago" is
    within the past week; further back one says "last week")."""
    return (1, 7) if unit == "day" else (2, 5)


_YEAR = r"(?:1[5-9]|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|°|º|\.)?"
_HAS_YEAR = re.compile(r"(?<!\d)" + _YEAR + r"(?!\d)|\d{1,2}[./]\d{1,2}[./]\d{2}(?!\d)")


@attrs.frozen
class Phrase:
    """A date phrase found in a sentence (offsets into the sentence) and its form.

    ``form`` is ``"calendar"`` (``core`` is the text dateparser reads), ``"weekday"``
    (``weekday`` 0-6), ``"season"`` (``season`` 21-24, ``year`` if given), ``"year"`` or
    ``"relative"`` (``unit``, and ``count``/``sign`` for "two weeks ago", ``edge`` for
    "earlier this year", ``offset`` for "yesterday"). ``direction`` is "last", "next" or
    "this" when the words say so; ``third`` is "early", "mid" or "late". The event
    extractor gives an expression of :mod:`.timex` the form ``"timex"`` (offsets and text
    only; it is never resolved).
    """

    start: int
    end: int
    text: str
    form: str
    core: str = ""
    weekday: int | None = None
    season: int | None = None
    year: int | None = None
    unit: str | None = None
    count: int | None = None
    sign: int = 0
    edge: str | None = None
    offset: int | None = None
    direction: str | None = None
    third: str | None = None
    first: str | None = None  # a calendar range's start, "6 September" of "6-24 September"
    week: int | None = None  # a weekday's week said after it: "Monday next week" -> 1

    @property
    def needs_base(self) -> bool:
        """True when the phrase can only be placed against a publication date."""
        if self.form in ("relative", "weekday"):
            return True
        if self.form == "season":
            return self.year is None
        return self.form == "calendar" and not _HAS_YEAR.search(self.core)

    @property
    def intrinsic_tense(self) -> str | None:
        """"past" or "future" when the phrase itself says so ("last", "ago", "next")."""
        if self.sign:
            return "past" if self.sign < 0 else "future"
        if self.offset:
            return "past" if self.offset < 0 else "future"
        if self.week:
            return "past" if self.week < 0 else "future"
        return {"last": "past", "next": "future"}.get(self.direction or "")

