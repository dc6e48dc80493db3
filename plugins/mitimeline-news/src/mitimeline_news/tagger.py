"""``find_dates``: every date expression of a text, placed on the calendar where it can be.

One pipeline for every language. It splits the text into sentences and finds, in each,
the phrases of :mod:`.dates` (the calendar dates, weekdays, seasons, years and relative
phrases the event extractor also reads, plus the tagger-only phrases a lexicon opts into)
and the expressions of :mod:`.timex` (quarters, holidays, durations, sets, clock times,
anchored dates and ranges written with the patterns of ``Lexicon.timex``), keeping the
longest of overlapping ones. It reads the tense of each one's clause (:mod:`.cues`), places
it against the publication date, the story's year (:mod:`.story`) or an earlier date of the
text (:func:`_anchored`, :mod:`.anchored`), and turns it into :class:`.DateMention`
objects: a closed range becomes two (start and end, as TimeML marks it), a date after
"since"/"until" one bounded mention (:mod:`.extents`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from datetime import date

import attrs
from mitimeline import When

from .anchored import anchored_unit, resolve_anchored, same_time
from .cues import Cue, Cues, choose_tense, cues_for
from .dates import Phrase, _norm, find_phrases
from .extents import joined, split_phrase, split_timex, without_leading
from .languages import LEXICONS, detect_language
from .mention import TYPES, Anchor, DateMention
from .published import PublishedError, middle_day, read_published
from .sentences import MAX_TEXT, Sentence, split_sentences
from .story import STORY_KINDS, Story, place, place_timex, tells_the_past
from .timex import ANCHORED_KINDS, Timex, find_timexes, kind_type

__all__ = ["MAX_TEXT", "TYPES", "Anchor", "DateMention", "Tagged", "find_dates", "tag_items"]


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
    mentions: list[DateMention] = []
    for tagged in _tag(text, published, code, day_first):
        mentions.extend(joined([m for one in tagged for m in one.mentions], text, code))
    return mentions


@attrs.frozen
class Tagged:
    """One expression the tagger found: the sentence it is in (its index in
    :func:`.sentences.split_sentences`), the :mod:`.dates` phrase or :mod:`.timex`
    expression (offsets into that sentence), its mentions (offsets into the text, before
    neighbours are read together as ranges) and the tense its clause states ("past",
    "future", ``None``: none, or an anchored expression)."""

    sentence: int
    item: Phrase | Timex
    mentions: tuple[DateMention, ...]
    tense: str | None


def tag_items(text: str, *, published: date | None, language: str,
              day_first: bool | None = None,
              sentences: list[Sentence] | None = None) -> list[Tagged]:
    """What :func:`find_dates` reads, per expression, for the event extractor: ``language``
    a known code, ``text`` within :data:`MAX_TEXT`; the same placing and tenses.
    ``sentences``: ``split_sentences(text)``, when the caller has it already."""
    return [one for tagged in _tag(text, published, language, day_first, sentences)
            for one in tagged]


def _tag(text: str, published: str | date | When | None, code: str,
         day_first: bool | None, sentences: list[Sentence] | None = None,
         ) -> Iterator[list[Tagged]]:
    """The expressions of each sentence of ``text`` that has any, placed in text order."""
    base, base_when = _base(published)
    context = _Context(code, base, base_when, day_first, cues_for(code), text)
    found_in = [(sentence, _items(sentence.text, code))
                for sentence in (split_sentences(text) if sentences is None else sentences)]
    story = Story(past=tells_the_past([item for _, items in found_in for item in items], base))
    earlier: list[DateMention] = []
    for index, (sentence, items) in enumerate(found_in):
        if items:
            found = _sentence_mentions(sentence, items, context, story, earlier)
            earlier.extend(joined([m for _, ms, _ in found for m in ms], text, code))
            yield [Tagged(index, item, tuple(ms), tense) for item, ms, tense in found]


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
        *(p for p in find_phrases(sentence, language, every=True)
          if not (p.form == "year" and amount.match(sentence, p.end))),
        *find_timexes(sentence, language)]
    found = [item for item in found if not _yields_to_week(item, found)]
    found.sort(key=lambda p: (p.start, -(p.end - p.start), isinstance(p, Phrase)))
    kept: list[Phrase | Timex] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def _yields_to_week(item: Phrase | Timex, found: list[Phrase | Timex]) -> bool:
    """Is ``item`` a clock time on a weekday whose week is said after it ("10pm on Monday
    and Thursday next week")? The weekday's phrase, which knows the week, is kept."""
    return isinstance(item, Timex) and item.kind == "time" and bool(item.group("weekday")) \
        and any(isinstance(other, Phrase) and other.week is not None
                and item.start <= other.start < item.end for other in found)


def _sentence_mentions(sentence: Sentence, items: list[Phrase | Timex], context: _Context,
                       story: Story, earlier: list[DateMention]
                       ) -> list[tuple[Phrase | Timex, list[DateMention], str | None]]:
    """The mentions of one sentence, per item, with the tense of its clause: anchored
    expressions placed after the others, so "two days after May 5" can count from the
    date that follows it."""
    clauses = _Clauses.of(sentence.text, context.cues)
    done: dict[int, list[DateMention]] = {}
    tenses: dict[int, str | None] = {}
    for index, item in enumerate(items):
        if isinstance(item, Phrase) or item.kind not in ANCHORED_KINDS:
            tenses[index] = _tense(sentence.text, item, context, clauses)
        if isinstance(item, Phrase):
            done[index] = _phrase_mentions(sentence, item, context, tenses[index], story)
        elif item.kind not in ANCHORED_KINDS:
            done[index] = _timex_mentions(sentence, item, context, tenses[index], story)
    first_dated = min(done, default=len(items))
    for index, item in enumerate(items):
        if index not in done:
            assert isinstance(item, Timex)
            following = _following(sentence.text, items, index, done, context.language)
            if first_dated < index and following is None \
                    and _relational(sentence.text, item, context.language):
                done[index] = [DateMention(sentence.start + item.start,
                                           sentence.start + item.end, item.text, "duration",
                                           None)]
                continue
            done[index] = [_anchored(sentence, item, context, _candidates(done, index, earlier),
                                     following, story.past)]
            story.follow(item, done[index], len(sentence.text))
    return [(items[index], done[index], tenses.get(index)) for index in range(len(items))]


def _relational(text: str, item: Timex, language: str) -> bool:
    """Does "two weeks after a crew member fell ill" relate a date already given in the
    sentence to another event (a span between the two, not a new date)?"""
    return _takes_an_object(item, language) \
        and re.match(r"\s+[^\W\d_]", text[item.end:]) is not None


def _takes_an_object(item: Timex, language: str) -> bool:
    """Is the expression's "later"/"earlier" word one of the language's ``anchor_words``
    ("after", "dopo"), followed by what it counts from?"""
    word = _norm(item.group("later") or item.group("earlier") or "")
    return word in LEXICONS[language].timex.anchor_words


def _candidates(done: dict[int, list[DateMention]], index: int,
                earlier: list[DateMention]) -> Iterator[DateMention]:
    """The mentions before item ``index``, latest first: this sentence's, then earlier ones
    (at most :data:`_LOOK_BACK` of them: an anchor is a date the text has just named)."""
    before = (mention for i in range(index - 1, -1, -1) if i in done
              for mention in reversed(done[i]))
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


def _phrase_mentions(sentence: Sentence, phrase: Phrase, context: _Context,
                     tense: str | None, story: Story) -> list[DateMention]:
    """The mentions of a phrase of :mod:`.dates` in a clause of ``tense``, placed as
    :func:`.story.place` says."""
    when, anchor = place(phrase, context.language, context.base, context.base_when, tense,
                         story)
    found = split_phrase(without_leading(phrase, context.language), sentence.text,
                         sentence.start, when, anchor, context.language)
    story.follow(phrase, found, len(sentence.text))
    return found


def _timex_mentions(sentence: Sentence, item: Timex, context: _Context,
                    tense: str | None, story: Story) -> list[DateMention]:
    """The mentions of a (not anchored) expression of :mod:`.timex` in a clause of
    ``tense``."""
    when, anchor = place_timex(item, context.language, context.base, context.base_when, tense,
                               story, context.day_first)
    found = split_timex(without_leading(item, context.language), sentence.text,
                        sentence.start, kind_type(item.kind), when, anchor, context.language)
    if item.kind in STORY_KINDS:
        story.follow(item, found, len(sentence.text))
    return found


def _following(text: str, items: list[Phrase | Timex], index: int,
               done: dict[int, list[DateMention]], language: str) -> DateMention | None:
    """The date right after "two days after"/"tre giorni prima di", or after "the quarter
    ended"/"il trimestre chiuso al", if there is one."""
    item = items[index]
    if index + 1 not in done or not isinstance(item, Timex):
        return None
    after = done[index + 1][0]
    gap = text[item.end:items[index + 1].start]
    ending_gap, anchor_gap = _gaps(language)
    if item.group("ending"):
        return after if ending_gap.fullmatch(gap) else None
    if not _takes_an_object(item, language):
        return None
    return after if anchor_gap.fullmatch(gap) else None


@functools.cache
def _gaps(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may stand between "the quarter" and the day it ends, and between "two days
    after" and its date, in ``language``."""
    words = LEXICONS[language].timex
    return (re.compile(words.ending_gap_re, re.IGNORECASE),
            re.compile(r"\s*(?:" + words.anchor_gap_re + r")?\s*"))


def _anchored(sentence: Sentence, item: Timex, context: _Context,
              earlier: Iterator[DateMention], following: DateMention | None,
              past: bool) -> DateMention:
    """An expression counted from an earlier date of the text ("two days later", "zwei
    Tage später"): the date right after "two days after", else the latest earlier date of
    the same event ("four months after filming began", "vier Monate nach Drehbeginn"),
    else the latest earlier date precise enough (a day for "the next day"). With none, an
    expression of the anchor's own time ("that day") is the publication's, except in a
    story of the past; any other is not placed."""
    widest = _widest_anchor(anchored_unit(item, LEXICONS[context.language]), item)
    usable = [m for m in earlier if _can_anchor(m, widest)]
    event = _event_words(sentence.text, item, context.language)
    target = following or _same_event(event, usable, context) or next(iter(usable), None)
    anchor: Anchor | None = None
    ref = None
    if target is not None and target.when is not None:
        ref = target.when
        anchor = Anchor("mention", target.when, target.start, target.end)
    elif context.base is not None and context.base_when is not None and not past \
            and same_time(item, context.language):
        ref = When(context.base.isoformat())  # "ending the day", "that week": publication's
        anchor = Anchor("published", context.base_when)
    when = resolve_anchored(item, context.language, ref)
    shown = without_leading(item, context.language)
    return DateMention(sentence.start + shown.start, sentence.start + shown.end, shown.text,
                       "date", when, anchor if when is not None else None)


def _event_words(text: str, item: Timex, language: str) -> str:
    """The event an expression counts from: its own ("vier Monate nach Drehbeginn") or the
    words after "after"/"dopo" ("four months after filming began"); "" for "two days later"."""
    if item.group("event"):
        return item.group("event") or ""
    if _takes_an_object(item, language):
        return text[item.end:item.end + 60]
    return ""


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


def _widest_anchor(unit: str, item: Timex) -> int | None:
    """How many days wide the date an expression counts from may be: a day for "the next
    day", a month for "two days later" or "a week later" (then approximate), any width
    for months and years ("a year earlier" than a quarter)."""
    if item.group("dom"):  # "am 24.": a month or finer
        return 31
    if unit == "day" and not item.group("n"):
        return 0
    return 31 if unit in ("day", "week") else None


def _can_anchor(mention: DateMention, widest: int | None) -> bool:
    """Is ``mention`` a date another can count from, at most ``widest`` days wide?"""
    when = mention.when
    if when is None or mention.type not in ("date", "time") or when.open_start \
            or when.open_end:
        return False
    return widest is None or (when.upper - when.lower).days <= widest


@functools.cache
def _amount(language: str) -> re.Pattern[str]:
    """A currency or unit right after a number: "2020 euro" is an amount, not a year."""
    return re.compile(LEXICONS[language].timex.amount_after_re, re.IGNORECASE)


@functools.cache
def _until(language: str) -> re.Pattern[str]:
    """The language's "until" right before a date."""
    return re.compile(LEXICONS[language].timex.until_re, re.IGNORECASE)


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
    try:
        when = read_published(published)
    except PublishedError as exc:
        raise ValueError(f"find_dates: published: {exc}") from None
    return (None, None) if when is None else (middle_day(when), when)
