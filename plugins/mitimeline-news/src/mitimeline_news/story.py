"""The story a text tells: the year it last named.

In a story of the past (a history, an obituary: most of its years two or more before
publication) a date without a year ("am 3. September") takes the year the text last
named. :func:`place` applies the rule and falls back to the publication date.
"""

from __future__ import annotations

import re
from datetime import date

import attrs
from mitimeline import When

from .dates import Phrase, resolve
from .mention import Anchor, DateMention
from .timex import ANCHORED_KINDS, Timex, needs_base
from .timex import resolve as resolve_timex

__all__ = ["STORY_KINDS", "Story", "place", "place_timex", "tells_the_past"]

STORY_KINDS = frozenset({"holiday", "part"})
"""The :mod:`.timex` kinds the story places and follows, as it does the phrases of the
same forms ("Weihnachten", "im ersten Quartal", "Christmas", "the first quarter")."""


_YEAR_IN = re.compile(r"(?<!\d)(?:1\d|20)\d\d(?!\d)")


def tells_the_past(items: list[Phrase | Timex], base: date | None) -> bool:
    """Is the text a story of the past (a history, an obituary)? True when most of the
    years its dates name (four fifths, at least three) are two or more years before
    publication."""
    if base is None:
        return True
    years = [int(m.group()) for item in items if _dated(item)
             for m in _YEAR_IN.finditer(item.text)]
    old = sum(1 for year in years if year <= base.year - 2)
    return len(years) >= 3 and old >= 0.8 * len(years)


def _dated(item: Phrase | Timex) -> bool:
    """Does ``item`` name its own year, as a date the story counts (not a decade)?"""
    if isinstance(item, Phrase):
        return not item.needs_base
    return item.kind in STORY_KINDS and not needs_base(item)


@attrs.define
class Story:
    """What the text has said so far: the last year it named (mutable: :func:`find_dates`
    walks the text once and updates it as it goes)."""

    past: bool = False  # a story of the past: its own years place its dates
    year: DateMention | None = None

    def follow(self, phrase: Phrase | Timex, found: list[DateMention], length: int) -> None:
        """Remember the placed mentions of ``phrase`` (and its year if it names one) in a
        sentence of ``length`` characters. A story moves on to a year named relatively
        only forwards ("im neuen Jahr"), never back ("im Vorjahr" is a look back)."""
        for mention in found:
            if mention.when is None or mention.type != "date":
                continue
            if isinstance(phrase, Timex):
                own = _dated(phrase) or (self.past and phrase.kind in ANCHORED_KINDS
                                         and _later_year(mention))
            else:
                own = (not phrase.needs_base and _sets_the_year(phrase, length)) or (
                    self.past and phrase.form == "relative" and phrase.unit == "year"
                    and (phrase.direction == "next" or phrase.sign > 0)
                    and mention.anchor is not None and mention.anchor.kind == "mention")
            if own and mention.when.lower.year == mention.when.upper.year:
                self.year = mention


def _later_year(mention: DateMention) -> bool:
    """Is an anchored mention in a year after its anchor's ("ein Jahr später", "im
    Folgejahr", "two months later" than December)?"""
    anchor = mention.anchor
    return (anchor is not None and anchor.kind == "mention" and mention.when is not None
            and mention.when.lower.year > anchor.when.upper.year)


def _sets_the_year(phrase: Phrase, length: int) -> bool:
    """Does a phrase with its own year move the story to that year? A date or season
    does; a lone year only at the head of its sentence ("1975 begann"), at the end of a
    heading ("Chronik 1975"), with a word ("im Jahr 1975", "Anfang 1975"), not in
    passing ("die seit 1975 geltenden Regeln")."""
    if phrase.form != "year":
        return True
    heading = phrase.end == length and length <= _HEADING
    return (phrase.start == 0 or heading or phrase.third is not None
            or not phrase.text[:1].isdigit())


_HEADING = 60
"""The longest sentence read as a heading when it ends with a year."""


_STORY_FORMS = ("calendar", "season")


def place(phrase: Phrase, code: str, base: date | None, base_when: When | None,
          tense: str | None, story: Story) -> tuple[When | None, Anchor | None]:
    """The meaning of ``phrase`` and what it was placed against.

    In a story of the past, a date without a year ("am 3. September") is placed against
    the year the text last named; every other relative phrase against the publication
    date. (Dates counted from an earlier date, "zwei Tage später", "am 24.", are
    :mod:`.timex`'s ``anchored`` expressions, placed by :func:`.tagger.find_dates`.)
    """
    named = story.year
    if named is not None and named.when is not None and _in_story_year(phrase, base, story):
        return (resolve(phrase, code, _middle(named.when), None),
                Anchor("mention", named.when, named.start, named.end))
    when = resolve(phrase, code, base, tense)
    anchor = None
    if when is not None and phrase.needs_base and base_when is not None:
        anchor = Anchor("published", base_when)
    return when, anchor


def place_timex(timex: Timex, code: str, base: date | None, base_when: When | None,
                tense: str | None, story: Story, day_first: bool | None
                ) -> tuple[When | None, Anchor | None]:
    """The meaning of a (not anchored) :mod:`.timex` expression and what it was placed
    against: a holiday or quarter without a year in a story of the past against the
    year the story last named (as :func:`place` does a phrase), else the publication."""
    named = story.year
    if timex.kind in STORY_KINDS and named is not None and named.when is not None \
            and _in_the_past(needs_base(timex), base, story):
        return (resolve_timex(timex, code, _middle(named.when), None, day_first=day_first),
                Anchor("mention", named.when, named.start, named.end))
    when = resolve_timex(timex, code, base, tense, day_first=day_first)
    anchor = None
    if when is not None and needs_base(timex) and base_when is not None:
        anchor = Anchor("published", base_when)
    return when, anchor


def _middle(year: When) -> date:
    """The day a date without a year is placed against in the story's year."""
    return date(year.lower.year, 7, 2)


def _in_the_past(relative: bool, base: date | None, story: Story) -> bool:
    """Is an expression that needs a base (``relative``) placed in the story's year: in a
    story of the past whose named year is two or more years before publication?"""
    named = story.year
    if not (story.past and relative and named is not None and named.when is not None):
        return False
    return base is None or named.when.upper.year <= base.year - 2


def _in_story_year(phrase: Phrase, base: date | None, story: Story) -> bool:
    """Does ``phrase`` take the year the story last named: a date, season, part of a
    year or holiday without a year, or a year named relatively ("dieses Jahres", "Ende
    des Jahres", "im neuen Jahr"), in a story of the past whose named year is two or more
    years before publication?"""
    if not _in_the_past(phrase.needs_base, base, story):
        return False
    if phrase.form in _STORY_FORMS:
        return True
    return (phrase.form == "relative" and phrase.unit == "year" and phrase.count is None
            and phrase.edge in (None, "this"))


