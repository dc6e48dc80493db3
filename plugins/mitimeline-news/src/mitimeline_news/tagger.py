"""``find_dates``: every date expression of a text, placed on the calendar where it can be.

The public face of :mod:`.dates`: it splits the text into sentences, finds the date
phrases of each (:func:`.dates.find_phrases`), reads the tense of each phrase's clause
(:mod:`.cues`), and resolves the phrase (:func:`.dates.resolve`) against the publication
date or an earlier date of the text. The event extractor is built on the same steps.
"""

from __future__ import annotations

import functools
import re
from datetime import date

import attrs
from mitimeline import DateParseError, When

from .cues import choose_tense, cues_for
from .dates import Phrase, find_phrases, resolve
from .languages import LEXICONS, detect_language
from .sentences import MAX_TEXT, clause_bounds, split_sentences

__all__ = ["MAX_TEXT", "Anchor", "DateMention", "find_dates"]

TYPES = ("date", "time", "duration", "set")


@attrs.frozen
class Anchor:
    """What a relative expression was resolved against.

    ``kind`` is ``"published"`` (the publication date) or ``"mention"`` (an earlier date
    of the text, whose offsets are ``start``/``end``); ``when`` is that date.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(("published", "mention")))
    when: When
    start: int | None = None
    end: int | None = None


@attrs.frozen
class DateMention:
    """A date expression of a text: offsets into the text, its type and what it means.

    ``type`` is ``"date"``, ``"time"``, ``"duration"`` or ``"set"``; ``when`` is ``None``
    when the expression can't be placed (a relative date without a publication date);
    ``anchor`` says what a relative expression was resolved against (``None`` for an
    expression that carries its own year, or one that could not be placed).
    """

    start: int
    end: int
    text: str
    type: str = attrs.field(validator=attrs.validators.in_(TYPES))
    when: When | None
    anchor: Anchor | None = None


def find_dates(text: str, *, published: str | date | When | None = None,
               language: str = "auto") -> list[DateMention]:
    """The date expressions of ``text`` in text order, never overlapping.

    ``published`` (a date, EDTF or English text) places relative expressions and dates
    without a year; ``None`` places only the ones that carry their own year. ``language``
    is ``"en"``, ``"de"``, ``"it"`` or ``"auto"`` (English when the text is too short to
    tell). Raises ``TypeError`` for text that is not ``str`` and ``ValueError`` for an
    unknown language, a ``published`` that does not parse, or text over :data:`MAX_TEXT`.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates: expected text as str, got {type(text).__name__}")
    if len(text) > MAX_TEXT:
        raise ValueError(f"find_dates: text of {len(text):,} characters is longer than the "
                         f"{MAX_TEXT:,} it reads; split it (by report or paragraph)")
    code = _language(language, text)
    base, base_when = _base(published)
    cues = cues_for(code)
    mentions: list[DateMention] = []
    found_in = [(sentence, find_phrases(sentence.text, code, every=True))
                for sentence in split_sentences(text)]
    story = _Story(past=_tells_the_past([p for _, ps in found_in for p in ps], base))
    for sentence, phrases in found_in:
        if not phrases:
            continue
        markers = cues.tense_markers(sentence.text)
        for phrase in phrases:
            first, last = clause_bounds(sentence.text, phrase.start, phrase.end, cues.clauses)
            local = [m for m in markers if first <= m.start < last]
            before = sentence.text[first:phrase.start]
            tense = phrase.intrinsic_tense or ("past" if cues.since.search(before) else None) \
                or choose_tense(local or markers, phrase.start, phrase.end)
            when, anchor = _place(phrase, code, base, base_when, tense, story)
            found = _mentions(_without_leading(phrase, code), sentence.start, when, anchor)
            story.follow(phrase, found, len(sentence.text))
            mentions.extend(found)
    return mentions


_YEAR_IN = re.compile(r"(?<!\d)(?:1\d|20)\d\d(?!\d)")


def _tells_the_past(phrases: list[Phrase], base: date | None) -> bool:
    """Is the text a story of the past (a history, an obituary)? True when most of the
    years it names (four fifths, at least three) are two or more years before publication."""
    if base is None:
        return True
    years = [int(m.group()) for p in phrases if not p.needs_base and p.form != "fixed"
             for m in _YEAR_IN.finditer(p.text)]
    old = sum(1 for year in years if year <= base.year - 2)
    return len(years) >= 3 and old >= 0.8 * len(years)


@attrs.define
class _Story:
    """What the text has said so far: its last placed date and the last year it named
    (mutable: :func:`find_dates` walks the text once and updates it as it goes)."""

    past: bool = False  # a story of the past: its own years place its dates
    last: DateMention | None = None
    year: DateMention | None = None

    def follow(self, phrase: Phrase, found: list[DateMention], length: int) -> None:
        """Remember the placed mentions of ``phrase`` (and its year if it names one) in a
        sentence of ``length`` characters. A story moves on to a year named relatively
        only forwards ("im neuen Jahr"), never back ("im Vorjahr" is a look back)."""
        for mention in found:
            if mention.when is None or mention.type != "date":
                continue
            self.last = mention
            own = (not phrase.needs_base and _sets_the_year(phrase, length)) or (
                self.past and phrase.form == "relative" and phrase.unit == "year"
                and (phrase.direction == "next" or phrase.sign > 0)
                and mention.anchor is not None and mention.anchor.kind == "mention")
            if own and mention.when.lower.year == mention.when.upper.year:
                self.year = mention


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


_STORY_FORMS = ("calendar", "season", "part", "holiday")
_PRECISION_DAYS = {"day": 0, "week": 6, "month": 30, "year": 365}


def _place(phrase: Phrase, code: str, base: date | None, base_when: When | None,
           tense: str | None, story: _Story) -> tuple[When | None, Anchor | None]:
    """The meaning of ``phrase`` and what it was placed against.

    A phrase relative to an earlier date ("zwei Tage später") is placed against the
    text's last placed date (unplaced if it counts from an event and there is none); in
    a story of the past, a date without a year ("am 3. September") against the year the
    text last named; every other relative phrase against the publication date.
    """
    if phrase.anchored:
        placed = _after_last_date(phrase, code, tense, story)
        if placed is not None or phrase.edge == "event" or story.past:
            # a story of the past does not count "am selben Tag" from publication
            return placed or (None, None)
    named = story.year
    if named is not None and named.when is not None and _in_story_year(phrase, base, story):
        middle = date(named.when.lower.year, 7, 2)
        return (resolve(phrase, code, middle, None),
                Anchor("mention", named.when, named.start, named.end))
    when = resolve(phrase, code, base, tense)
    anchor = None
    if when is not None and phrase.needs_base and base_when is not None:
        anchor = Anchor("published", base_when)
    return when, anchor


def _after_last_date(phrase: Phrase, code: str, tense: str | None,
                     story: _Story) -> tuple[When | None, Anchor] | None:
    """``phrase`` placed against the text's last date, if that date is precise enough
    for the phrase's unit (a day for "am Tag danach", a month for "am 24.")."""
    last = story.last
    if last is None or last.when is None:
        return None
    ref = last.when
    if (ref.upper - ref.lower).days > _PRECISION_DAYS.get(phrase.unit or "day", 0):
        return None
    return resolve(phrase, code, ref.lower, tense), Anchor("mention", ref, last.start, last.end)


def _in_story_year(phrase: Phrase, base: date | None, story: _Story) -> bool:
    """Does ``phrase`` take the year the story last named: a date, season, part of a
    year or holiday without a year, or a year named relatively ("dieses Jahres", "Ende
    des Jahres", "im neuen Jahr"), in a story of the past whose named year is two or more
    years before publication?"""
    named = story.year
    if not (story.past and phrase.needs_base and named is not None and named.when is not None):
        return False
    if base is not None and named.when.upper.year > base.year - 2:
        return False
    if phrase.form in _STORY_FORMS:
        return True
    return (phrase.form == "relative" and phrase.unit == "year" and phrase.count is None
            and phrase.edge in (None, "this"))


def _without_leading(phrase: Phrase, code: str) -> Phrase:
    """``phrase`` without a leading preposition ("im Vorjahr" -> "Vorjahr", "in der
    Zukunft" -> "der Zukunft"), as TimeML marks extents; a counted phrase ("in zwei
    Wochen") keeps it, since there it is part of the meaning."""
    if phrase.count is not None and not phrase.anchored:
        return phrase
    match = _leading(code).match(phrase.text)
    if match is None or match.end() == len(phrase.text):
        return phrase
    return attrs.evolve(phrase, start=phrase.start + match.end(), text=phrase.text[match.end():])


@functools.cache
def _leading(code: str) -> re.Pattern[str]:
    """The leading prepositions of ``code``, compiled once."""
    return re.compile(r"(?:" + LEXICONS[code].leading_re + r")\s+", re.IGNORECASE)


_RANGE_LINK = re.compile(r"\d\.?(?=\s*(?:–|—|-|to\b|and\b|through\b|al\b|all['’]|e\b|"
                         r"bis\b))", re.IGNORECASE)
"""The end of a calendar range's first day: the words are those of the range finder's link."""
_RANGE_GAP = re.compile(r"^\s*(?:–|—|-|to|and|through|al|all['’]|e|bis(?:\s+zum)?)\s*"
                        r"(?:the\s+)?", re.IGNORECASE)


def _mentions(phrase: Phrase, offset: int, when: When | None,
              anchor: Anchor | None) -> list[DateMention]:
    """The mentions of a phrase: one, or two for a calendar range ("5. bis 9. Juni"),
    which TimeML marks as two dates."""
    start, end = offset + phrase.start, offset + phrase.end
    split = _RANGE_LINK.search(phrase.text) if phrase.first is not None else None
    if split is None or when is None or when.start is None or when.end is None:
        return [DateMention(start, end, phrase.text, phrase.kind, when, anchor)]
    rest = phrase.text[split.end():]
    gap = len(rest) - len(_RANGE_GAP.sub("", rest))
    middle = start + split.end()
    return [DateMention(start, middle, phrase.text[:split.end()], phrase.kind, when.start,
                        anchor),
            DateMention(middle + gap, end, phrase.text[split.end() + gap:], phrase.kind,
                        when.end, anchor)]


def _language(language: object, text: str) -> str:
    if not isinstance(language, str) or language.lower() not in ("auto", *LEXICONS):
        raise ValueError(f"find_dates: expected language 'auto', "
                         f"{', '.join(repr(c) for c in LEXICONS)}, got {language!r}")
    if language.lower() != "auto":
        return language.lower()
    return detect_language(text) or "en"


def _base(published: object) -> tuple[date | None, When | None]:
    if published is None:
        return None, None
    if not isinstance(published, (str, date, When)):
        raise ValueError(f"find_dates: expected published as a date, EDTF or text, "
                         f"got {published!r}")
    try:
        when = When.coerce(published)
    except DateParseError as exc:
        raise ValueError(f"find_dates: published {published!r} is not a date: {exc}") \
            from None
    if when.open_start or when.open_end:
        raise ValueError(f"find_dates: published must have both ends known, got {when.edtf!r}")
    middle = date.fromordinal((when.lower.toordinal() + when.upper.toordinal()) // 2)
    return middle, when
