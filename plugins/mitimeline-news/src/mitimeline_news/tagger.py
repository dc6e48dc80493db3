"""``find_dates``: every date expression of a text, placed on the calendar where it can be.

The public face of :mod:`.dates`: it splits the text into sentences, finds the date
phrases of each (:func:`.dates.find_phrases`), reads the tense of each phrase's clause
(:mod:`.cues`), and resolves the phrase (:func:`.dates.resolve`) against the publication
date or an earlier date of the text. The event extractor is built on the same steps.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from datetime import date

import attrs
from mitimeline import DateParseError, When

from .cues import Cue, Cues, choose_tense, cues_for
from .dates import Phrase, find_phrases, resolve
from .languages import LEXICONS, Lexicon, detect_language
from .sentences import Sentence, split_sentences
from .timex import ANCHORED_KINDS, Timex, find_timexes, kind_type, needs_base, shift_months
from .timex import resolve as resolve_timex

__all__ = ["MAX_TEXT", "Anchor", "DateMention", "find_dates"]

MAX_TEXT = 10_000_000
"""The longest text :func:`find_dates` reads, in characters (about 10 MB of prose)."""

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
    when the expression can't be placed (a relative date without a publication date, an
    ambiguous numeric date, a duration or set); ``anchor`` says what a relative expression
    was resolved against (``None`` for an expression that carries its own year, or one that
    could not be placed). ``bound`` is ``"start"`` when the words before the date open an
    interval that runs on from it ("since January", "dal 5 maggio") and ``"end"`` when they
    close one at it ("until the end of February", "entro Natale"); ``when`` is still the
    date itself, :attr:`interval` the open interval.
    """

    start: int
    end: int
    text: str
    type: str = attrs.field(validator=attrs.validators.in_(TYPES))
    when: When | None
    anchor: Anchor | None = None
    bound: str | None = attrs.field(default=None,
                                    validator=attrs.validators.in_((None, "start", "end")))

    @property
    def interval(self) -> When | None:
        """``when`` opened by ``bound``: "since January" is ``2021-01/..``; else ``when``."""
        if self.when is None or self.bound is None:
            return self.when
        if self.bound == "start":
            return When.interval(self.when.start or self.when, None)
        return When.interval(None, self.when.end or self.when)


def find_dates(text: str, *, published: str | date | When | None = None,
               language: str = "auto", day_first: bool | None = None) -> list[DateMention]:
    """The date expressions of ``text`` in text order, never overlapping.

    ``published`` (a date, EDTF or English text) places relative expressions and dates
    without a year; ``None`` places only the ones that carry their own year. ``language``
    is ``"en"``, ``"de"``, ``"it"`` or ``"auto"`` (English when the text is too short to
    tell). ``day_first`` says how the outlet writes numeric dates: ``True`` for 03/04/2021
    = 3 April (UK, Italy), ``False`` for 4 March (US), ``None`` for the language's habit
    (Italian: day first; English: undecided, so an ambiguous numeric date gets
    ``when=None`` unless one reading is impossible). Raises ``TypeError`` for text that
    is not ``str`` or a ``day_first`` that is not a bool or ``None``, and ``ValueError``
    for an unknown language, a ``published`` that does not parse, or text over
    :data:`MAX_TEXT`.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates: expected text as str, got {type(text).__name__}")
    if day_first is not None and not isinstance(day_first, bool):
        raise TypeError(f"find_dates: expected day_first as bool or None, got {day_first!r}")
    if len(text) > MAX_TEXT:
        raise ValueError(f"find_dates: text of {len(text):,} characters is longer than the "
                         f"{MAX_TEXT:,} it reads; split it (by report or paragraph)")
    code = _language(language, text)
    base, base_when = _base(published)
    context = _Context(code, base, base_when, day_first, cues_for(code), text)
    mentions: list[DateMention] = []
    for sentence in split_sentences(text):
        items = _items(sentence.text, code)
        if items:
            found = _sentence_mentions(sentence, items, context, mentions)
            mentions.extend(_joined(found, text, LEXICONS[code]))
    return mentions


@attrs.frozen
class _Context:
    """What every sentence of one call resolves against."""

    language: str
    base: date | None
    base_when: When | None
    day_first: bool | None
    cues: Cues
    text: str


def _items(sentence: str, language: str) -> list[Phrase | Timex]:
    """The phrases and tagger expressions of a sentence, the longest of overlapping ones
    kept (a tagger expression wins a tie: it is the more specific reading)."""
    amount = _amount(language)
    found: list[Phrase | Timex] = [
        *(p for p in find_phrases(sentence, language)
          if not (p.form == "year" and amount.match(sentence, p.end))),
        *find_timexes(sentence, language)]
    found.sort(key=lambda p: (p.start, -(p.end - p.start), isinstance(p, Phrase)))
    kept: list[Phrase | Timex] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def _sentence_mentions(sentence: Sentence, items: list[Phrase | Timex], context: _Context,
                       earlier: list[DateMention]) -> list[DateMention]:
    """The mentions of one sentence: anchored expressions after the others, so "two days
    after May 5" can count from the date that follows it."""
    clauses = _Clauses.of(sentence.text, context.cues)
    done: dict[int, DateMention] = {}
    for index, item in enumerate(items):
        if not (isinstance(item, Timex) and item.kind in ANCHORED_KINDS):
            done[index] = _mention(sentence, item, context, clauses)
    first_dated = min(done, default=len(items))
    for index, item in enumerate(items):
        if index not in done:
            assert isinstance(item, Timex)
            following = _following(sentence.text, items, index, done)
            if first_dated < index and following is None and _relational(sentence.text, item):
                done[index] = DateMention(sentence.start + item.start, sentence.start + item.end,
                                          item.text, "duration", None)
                continue
            done[index] = _anchored(sentence, item, context, _candidates(done, index, earlier),
                                    following)
    return [done[i] for i in range(len(items))]


def _same_time(item: Timex) -> bool:
    """Does the expression name its anchor's own time ("the same day", "that week", "for
    the day"), so that with no earlier date it can only be the publication's?"""
    if item.group("n") or item.group("later") or item.group("earlier") \
            or item.group("yearback"):
        return False
    step = item.group("step")
    return step is None or _norm(step) in _SAME_STEPS


_SAME_STEPS = frozenset({"same", "that", "that same", "entire", "whole", "full", "stesso",
                         "stessa", "quel", "quella", "quell'", "quello stesso"})


def _relational(text: str, item: Timex) -> bool:
    """Does "two weeks after a crew member fell ill" relate a date already given in the
    sentence to another event (a span between the two, not a new date)?"""
    word = _norm(item.group("later") or item.group("earlier") or "")
    return word in _BEFORE_AFTER and re.match(r"\s+[^\W\d_]", text[item.end:]) is not None


def _candidates(done: dict[int, DateMention], index: int,
                earlier: list[DateMention]) -> Iterator[DateMention]:
    """The mentions before item ``index``, latest first: this sentence's, then earlier ones
    (at most :data:`_LOOK_BACK` of them: an anchor is a date the text has just named)."""
    before = (done[i] for i in range(index - 1, -1, -1) if i in done)
    yield from itertools.islice(itertools.chain(before, reversed(earlier)), _LOOK_BACK)


_LOOK_BACK = 50


_NEAR_BEFORE, _NEAR_AFTER = 300, 150
"""How far from a date (in characters) tense markers are weighed one by one; beyond that
only the nearest marker on each side counts (the same choice, in log time)."""


@attrs.frozen
class _Clauses:
    """A sentence's clause breaks and tense markers, indexed once for all its dates."""

    text: str
    break_starts: tuple[int, ...]
    break_ends: tuple[int, ...]
    markers: tuple[Cue, ...]
    marker_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str, cues: Cues) -> _Clauses:
        """Index ``text``'s breaks (as :func:`.sentences.clause_bounds` finds them) and markers."""
        breaks = [m.span() for m in cues.clauses.finditer(text)]
        markers = tuple(cues.tense_markers(text))
        return cls(text, tuple(b[0] for b in breaks), tuple(b[1] for b in breaks), markers,
                   tuple(m.start for m in markers))

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``[start, end)``, as :func:`.sentences.clause_bounds` says."""
        before = bisect.bisect_right(self.break_ends, start) - 1
        first = self.break_ends[before] if before >= 0 else 0
        after = bisect.bisect_left(self.break_starts, end)
        last = self.break_starts[after] if after < len(self.break_starts) else len(self.text)
        return first, last

    def near(self, low: int, high: int, start: int, end: int) -> list[Cue]:
        """The markers starting in ``[low, high)`` that may be the nearest to ``[start, end)``."""
        first = bisect.bisect_left(self.marker_starts, max(low, start - _NEAR_BEFORE))
        last = bisect.bisect_left(self.marker_starts, min(high, end + _NEAR_AFTER))
        floor = bisect.bisect_left(self.marker_starts, low)
        ceiling = bisect.bisect_left(self.marker_starts, high)
        chosen = list(self.markers[first:last])
        if first > floor:
            chosen.insert(0, self.markers[first - 1])
        if last < ceiling:
            chosen.append(self.markers[last])
        return chosen


def _tense(text: str, item: Phrase | Timex, context: _Context, clauses: _Clauses) -> str | None:
    """The tense of the item's clause: the phrase's own, "since" (past), or the nearest marker
    (in the clause if it has one, else in the sentence)."""
    cues = context.cues
    first, last = clauses.bounds(item.start, item.end)
    near = clauses.near(first, last, item.start, item.end) \
        or clauses.near(0, len(text), item.start, item.end)
    own = item.intrinsic_tense if isinstance(item, Phrase) else None
    if own is None and isinstance(item, Phrase) and item.form == "weekday" \
            and _until(context.language).search(text[max(0, item.start - 20):item.start]):
        own = "future"  # "closed until Friday": a weekday still to come
    ranged = isinstance(item, Timex) and item.kind in ("monthrange", "yearrange")
    since = not ranged and cues.since.search(_window(text, first, item.start)) is not None
    return own or ("past" if since else None) or choose_tense(near, item.start, item.end)


def _window(text: str, first: int, end: int, size: int = 40) -> str:
    """The last ``size`` characters of ``text[first:end]``, widened to a word start."""
    cut = max(first, end - size)
    while cut > first and cut > end - 2 * size and text[cut - 1].isalnum():
        cut -= 1
    return text[cut:end]


def _mention(sentence: Sentence, item: Phrase | Timex, context: _Context,
             clauses: _Clauses) -> DateMention:
    """The mention of a phrase or a (not anchored) tagger expression."""
    tense = _tense(sentence.text, item, context, clauses)
    if isinstance(item, Phrase):
        when = resolve(item, context.language, context.base, tense)
        needs, kind = item.needs_base, "date"
    else:
        when = resolve_timex(item, context.language, context.base, tense,
                             day_first=context.day_first)
        needs, kind = needs_base(item), kind_type(item.kind)
    anchor = None
    if when is not None and needs and context.base_when is not None:
        anchor = Anchor("published", context.base_when)
    ranged = item.first is not None if isinstance(item, Phrase) else \
        item.kind in ("monthrange", "yearrange")
    bound = _bound(sentence.text, item.start, context.language) \
        if kind == "date" and not ranged else None
    return DateMention(sentence.start + item.start, sentence.start + item.end, item.text,
                       kind, when, anchor, bound)


def _bound(text: str, start: int, language: str) -> str | None:
    """"start" after "since"/"dal", "end" after "until"/"entro", else ``None``."""
    opens, closes = _bound_patterns(language)
    before = text[max(0, start - 30):start]
    if opens.search(before):
        return "start"
    return "end" if closes.search(before) else None


@functools.cache
def _bound_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The language's patterns before a date that opens or closes an interval."""
    words = LEXICONS[language].timex
    return (re.compile(words.bound_start_re, re.IGNORECASE),
            re.compile(words.bound_end_re, re.IGNORECASE))


def _following(text: str, items: list[Phrase | Timex], index: int,
               done: dict[int, DateMention]) -> DateMention | None:
    """The date right after "two days after"/"tre giorni prima di", or after "the quarter
    ended"/"il trimestre chiuso al", if there is one."""
    item = items[index]
    if index + 1 not in done or not isinstance(item, Timex):
        return None
    gap = text[item.end:items[index + 1].start]
    if item.group("ending"):
        return done[index + 1] if _ENDING_GAP.fullmatch(gap) else None
    word = item.group("later") or item.group("earlier") or ""
    if _norm(word) not in _BEFORE_AFTER:
        return None
    return done[index + 1] if re.fullmatch(r"\s*(?:the|il|la|l['’]|di|del|dal)?\s*", gap) \
        else None


_ENDING_GAP = re.compile(r"\s+(?:that\s+|which\s+|che\s+)?(?:ended|ending|ends|chius[oa]|"
                         r"terminat[oa]|conclus[oa])\s+(?:on\s+|il\s+|al\s+|all['’]\s*)?",
                         re.IGNORECASE)


_BEFORE_AFTER = frozenset({"after", "before", "dopo", "prima"})


def _anchored(sentence: Sentence, item: Timex, context: _Context,
              earlier: Iterator[DateMention], following: DateMention | None) -> DateMention:
    """An expression counted from an earlier date of the text ("two days later"), or from
    the publication date when the text has none before it."""
    day = (item.group("unit") or "day").lower() in ("day", "giorno") and not item.group("n")
    usable = [m for m in earlier if _can_anchor(m, day)]
    after = sentence.text[item.end:item.end + 60]
    target = following or _same_event(after, usable, context) \
        or next(iter(usable), None)
    anchor: Anchor | None = None
    ref = None
    if target is not None and target.when is not None:
        ref = target.when
        anchor = Anchor("mention", target.when, target.start, target.end)
    elif context.base is not None and context.base_when is not None and _same_time(item):
        ref = When(context.base.isoformat())  # "ending the day", "that week": publication's
        anchor = Anchor("published", context.base_when)
    when = resolve_timex(item, context.language, context.base, None, ref=ref)
    return DateMention(sentence.start + item.start, sentence.start + item.end, item.text,
                       "date", when, anchor if when is not None else None)


_CONTENT = re.compile(r"[^\W\d_]{4,}")


def _same_event(after: str, usable: list[DateMention], context: _Context) -> DateMention | None:
    """For "four months after filming began": the latest earlier date whose surroundings
    share a content word (by its first five letters) with the words after the expression."""
    stop = LEXICONS[context.language].stopwords
    words = {w.lower()[:5] for w in _CONTENT.findall(after)[:4] if w.lower() not in stop}
    if not words:
        return None
    for mention in usable:
        around = _sentence_around(context.text, mention.start, mention.end)
        if words & {w.lower()[:5] for w in _CONTENT.findall(around)}:
            return mention
    return None


def _sentence_around(text: str, start: int, end: int, reach: int = 160) -> str:
    """The text around ``[start, end)`` up to the nearest sentence stop or line break."""
    window_start = max(0, start - reach)
    left = max(text.rfind(". ", window_start, start), text.rfind("\n", window_start, start))
    stops = [i for i in (text.find(". ", end, end + reach), text.find("\n", end, end + reach))
             if i >= 0]
    return text[left + 1 if left >= 0 else window_start:min(stops, default=end + reach)]


def _can_anchor(mention: DateMention, day: bool) -> bool:
    """Is ``mention`` a date another can count from (a single day when ``day``)?"""
    when = mention.when
    if when is None or mention.type not in ("date", "time") or when.open_start \
            or when.open_end:
        return False
    return when.lower == when.upper if day else True


def _joined(found: list[DateMention], text: str, lexicon: Lexicon) -> list[DateMention]:
    """Join neighbours: "from 5 May to 20 June" into one interval, a clock time and the
    day beside it ("3 pm on Monday") into one time."""
    joined: list[DateMention] = []
    for mention in found:
        previous = joined[-1] if joined else None
        merged = _joined_pair(previous, mention, text, lexicon) if previous else None
        if merged is not None:
            joined[-1] = merged
        else:
            joined.append(mention)
    return joined


def _joined_pair(first: DateMention, second: DateMention, text: str,
                 lexicon: Lexicon) -> DateMention | None:
    """``first`` and ``second`` as one mention (a range, a time and its day), or ``None``."""
    gap = text[first.end:second.start]
    if "\n" in gap or len(gap) > 12:
        return None
    span = text[first.start:second.end]
    if first.type == "date" and second.type == "date" and first.when and second.when:
        link, opened = _range_patterns(lexicon.code)
        dash = re.fullmatch(r"\s*[-–—]\s*", gap) is not None
        if not (link.fullmatch(gap) and (dash or opened.search(text[max(0, first.start - 20):
                                                                    first.start]))):
            return None
        start = _in_year_of(first, second.when)
        if start.lower > second.when.upper:
            return None
        anchor = second.anchor if start is not first.when else first.anchor or second.anchor
        return DateMention(first.start, second.end, span, "date",
                           When.interval(start.start or start, second.when.end or second.when),
                           anchor)
    times = {first.type, second.type}
    if "time" in times and times <= {"time", "date"} \
            and re.fullmatch(r"\s*,?\s*(?:on|at|of|del|di|alle|all['’])?\s*", gap):
        clock = first if first.type == "time" and first.when is None else second
        day = second if clock is first else first
        if clock.when is None and day.when is not None and day.type == "date":
            return DateMention(first.start, second.end, span, "time", day.when, day.anchor)
    return None


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
def _amount(language: str) -> re.Pattern[str]:
    """A currency or unit right after a number: "2020 euro" is an amount, not a year."""
    return re.compile(LEXICONS[language].timex.amount_after_re, re.IGNORECASE)


@functools.cache
def _until(language: str) -> re.Pattern[str]:
    """The language's "until" right before a date."""
    return re.compile(LEXICONS[language].timex.until_re, re.IGNORECASE)


@functools.cache
def _range_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The language's range link ("to", "al") and opening ("from", "dal") patterns."""
    words = LEXICONS[language].timex
    link = re.compile(r"\s*(?:" + words.range_link_re + r")\s*(?:the\s+|il\s+)?",
                      re.IGNORECASE)
    return link, re.compile(words.range_open_re, re.IGNORECASE)


def _norm(text: str) -> str:
    """``text`` lower-cased, with single spaces and straight apostrophes."""
    return " ".join(text.lower().split()).replace("’", "'")


def _language(language: object, text: str) -> str:
    """The language code to use: ``language`` checked, or detected for "auto"."""
    if not isinstance(language, str) or language.lower() not in ("auto", *LEXICONS):
        raise ValueError(f"find_dates: expected language 'auto', "
                         f"{', '.join(repr(c) for c in LEXICONS)}, got {language!r}")
    if language.lower() != "auto":
        return language.lower()
    return detect_language(text) or "en"


def _base(published: object) -> tuple[date | None, When | None]:
    """The publication day (the middle of a span) and its ``When``; raises ValueError."""
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
