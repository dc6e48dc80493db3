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
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any

import attrs
from dateutil.easter import easter  # type: ignore[import-untyped]
from mitimeline import When

from .languages import LEXICONS, Lexicon

__all__ = ["FEW", "Phrase", "find_phrases", "resolve", "warm_up"]

FEW = -1
"""``Phrase.count`` of a vague count ("a few", "qualche", "einige"): 2 to 5 units."""
_FEW_RANGE = (2, 5)

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
    "this" when the words say so; ``third`` is "early", "mid" or "late".
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
    anchored: bool = False  # relative to an earlier date of the text ("zwei Tage später");
    # its ``edge`` is "event" when it counts from an event ("vier Monate nach Drehbeginn")

    @property
    def needs_base(self) -> bool:
        """True when the phrase can only be placed against a publication date."""
        if self.form in ("relative", "weekday", "yearly", "monthday"):
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
        return {"last": "past", "next": "future"}.get(self.direction or "")


# -- finding -------------------------------------------------------------------------------


def find_phrases(sentence: str, language: str, *, every: bool = False) -> list[Phrase]:
    """The date phrases of ``sentence``, left to right, never overlapping.

    ``every`` adds, for a lexicon that opts into them, the years with no context word
    ("1996 zog sie um"), holidays ("zu Ostern") and phrases relative to an earlier date
    of the text ("zwei Tage später", ``anchored``): :func:`.tagger.find_dates` reports
    them, the event extractor leaves them out (a lone year is too weak a cue for an
    event, a holiday in a release phrase names a season, not a day, and the extractor
    places every phrase against the publication date).
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
    elif not every:
        found = [p for p in found if not p.anchored]
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


class _CalendarFinder:
    """Calendar phrases built around a month name or a numeric date, and lone weekdays."""

    def __init__(self, lexicon: Lexicon, names: _Names) -> None:
        self.lexicon = lexicon
        self.names = names
        full = r"(?:" + "|".join(re.escape(m) for m in names.months_full) + r")\b"
        abbr = r"(?:" + "|".join(re.escape(m) for m in names.months_abbr) + r")\b\.?"
        month = r"(?:" + full + "|" + abbr + ")"
        weekday = (r"(?:(?:" + "|".join(re.escape(w) for w in _by_length(list(names.weekdays)))
                   + r")\b,?\s+(?:the\s+|den\s+)?)?")
        forms = [
            r"\d{4}-\d{2}-\d{2}\b",
            r"\b\d{1,2}[./]\d{1,2}[./](?:" + _YEAR + r"|\d{2})(?!\d)",
            weekday + r"(?:the\s+)?\b" + _DAY + r"\s*(?:of\s+|de\s+)?" + month
            + r"(?:,?\s+" + _YEAR + r"\b)?",
            weekday + r"\b" + month + r"\s+" + _DAY + r"(?![\d:])(?:,?\s+" + _YEAR + r"\b)?",
            r"\b" + full + r",?\s+(?:of\s+|del\s+)?" + _YEAR + r"\b",
            r"\b" + abbr + r"\s+" + _YEAR + r"\b",
            r"\b" + full,
        ]
        self.pattern = re.compile(r"(?:" + "|".join(forms) + r")", re.IGNORECASE)
        link = r"\s*(?:–|—|-|to|and|through|al|all['’]|e|bis(?:\s+zum)?)\s*(?:the\s+)?"
        year = r"(?:,?\s+(?P<year>" + _YEAR + r")\b)?"
        self.ranges = (
            re.compile(r"\b(?P<d1>" + _DAY + r")" + link + r"(?P<d2>" + _DAY + r")\s*(?:of\s+)?"
                       r"(?P<month>" + month + r")" + year, re.IGNORECASE),
            re.compile(r"\b(?P<month>" + month + r")\s+(?P<d1>" + _DAY + r")" + link
                       + r"(?P<d2>" + _DAY + r")(?![\d:])" + year, re.IGNORECASE),
        )
        self.weekday = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in _by_length(list(names.weekdays)))
            + r")\b", re.IGNORECASE)
        self.before = _before(lexicon)
        self.context = _context(lexicon)
        self.ambiguous = re.compile(
            r"^(?:" + "|".join(re.escape(m) for m in sorted(lexicon.ambiguous_months)) + r")$",
            re.IGNORECASE) if lexicon.ambiguous_months else None

    def find(self, sentence: str) -> list[Phrase]:
        found = self._ranges(sentence)
        taken: list[tuple[int, int]] = [(p.start, p.end) for p in found]
        for match in self.pattern.finditer(sentence):
            if any(a <= match.start() < b for a, b in taken):
                continue
            core = match.group().strip().rstrip(",")
            if re.search(r"\d\.$", core):  # "until July 21." ends the sentence
                core = core[:-1]
            if self._rejected(sentence, match.start(), core):
                continue
            end = match.start() + len(core)
            start, end, third, direction = _modifiers(
                self.lexicon, self.before, sentence, match.start(), end)
            # dateparser reads "Sonntag, 4. Oktober", not "Sonntag, den 4. Oktober"
            found.append(Phrase(start, end, sentence[start:end], "calendar",
                                core=re.sub(r"\s+den\s+", " ", core),
                                third=third, direction=direction))
            taken.append((match.start(), end))
        for match in self.weekday.finditer(sentence):
            if any(a <= match.start() < b for a, b in taken):
                continue
            start, end, _, direction = _modifiers(
                self.lexicon, self.before, sentence, match.start(), match.end())
            found.append(Phrase(start, end, sentence[start:end], "weekday",
                                weekday=self.names.weekdays[match.group().lower()],
                                direction=direction))
        return found

    def _ranges(self, sentence: str) -> list[Phrase]:
        """"6-24 September", "dal 6 al 24 settembre", "6. bis 20. Oktober", "July 6-24"."""
        found = []
        for pattern in self.ranges:
            for match in pattern.finditer(sentence):
                month, year = match.group("month"), match.group("year")
                tail = f" {year}" if year else ""
                d1, d2 = match.group("d1"), match.group("d2")
                if pattern is self.ranges[0]:
                    first, last = f"{d1} {month}{tail}", f"{d2} {month}{tail}"
                else:
                    first, last = f"{month} {d1}{tail}", f"{month} {d2}{tail}"
                found.append(Phrase(match.start(), match.end(), match.group(), "calendar",
                                    core=last, first=first))
        return found

    def _rejected(self, sentence: str, start: int, core: str) -> bool:
        """A lone month name that is also an everyday word ("may", "march") counts only
        when capitalised and after a context word ("in May") or a modifier."""
        if self.ambiguous is None or not self.ambiguous.match(core):
            return False
        if not core[0].isupper():
            return True
        before = sentence[max(0, start - 25):start]
        return not (self.context.search(before) or self.before.search(before))


class _RelativeFinder:
    """Relative phrases from the lexicon's patterns, plus its day words."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        counts = [*lexicon.few, *lexicon.numbers]
        fills = {
            "<DIR>": _alternation(lexicon.directions),
            "<UNIT>": _alternation(lexicon.units),
            "<N>": _alternation(counts),
            "<THIRD>": _alternation(lexicon.thirds),
            "<EDGE>": _alternation(lexicon.edges),
        }
        patterns = []
        for pattern in lexicon.relative:
            for placeholder, alternation in fills.items():
                pattern = pattern.replace(placeholder, alternation)
            patterns.append(re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)", re.IGNORECASE))
        self.patterns = tuple(patterns)
        self.day_words = re.compile(r"\b(?:" + _alternation(lexicon.day_words) + r")\b",
                                    re.IGNORECASE)

    def find(self, sentence: str) -> list[Phrase]:
        found = []
        for pattern in self.patterns:
            for match in pattern.finditer(sentence):
                phrase = self._phrase(match)
                if phrase is not None:
                    found.append(phrase)
        for match in self.day_words.finditer(sentence):
            found.append(Phrase(match.start(), match.end(), match.group(), "relative",
                                unit="day", offset=self.lexicon.day_words[match.group().lower()]))
        return found

    def _phrase(self, match: re.Match[str]) -> Phrase | None:
        groups = {k: v for k, v in match.groupdict().items() if v}
        lexicon = self.lexicon
        unit = lexicon.units.get(_norm(groups.get("unit", "")))
        if unit is None:
            return None
        count = None
        if "n" in groups:
            word = _norm(groups["n"])
            count = int(word) if word.isdigit() else (
                FEW if word in lexicon.few else lexicon.numbers.get(word))
            if count is None:
                return None
        sign = -1 if "ago" in groups else 1 if "ahead" in groups else 0
        direction = lexicon.directions.get(_norm(groups.get("dir", "")))
        edge = lexicon.edges.get(_norm(groups.get("edge", "")))
        third = lexicon.thirds.get(_norm(groups.get("third", "")))
        if count is not None and not sign:
            return None
        return Phrase(match.start(), match.end(), match.group(), "relative", unit=unit,
                      count=count, sign=sign, edge=edge, third=third,
                      direction=direction or ("this" if edge or third else None))


class _SeasonFinder:
    """Seasons: with a year ("summer 2019", "Frühjahr 2020"), a direction ("this
    summer", "l'estate scorsa") or a context word ("in the summer", "im Sommer")."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.pattern = re.compile(
            r"\b(?P<season>" + _alternation(lexicon.seasons) + r")\b(?:\s+(?:of\s+|del\s+|"
            r"des\s+jahres\s+)?(?P<year>" + _YEAR + r")\b)?",
            re.IGNORECASE)
        self.before = _before(lexicon)
        self.context = re.compile(
            r"(?:^|\W)(?:" + lexicon.context_re + r"|in the|during the|nell['’]|d['’]|l['’]|"
            r"quest['’])\s*$", re.IGNORECASE)

    def find(self, sentence: str) -> list[Phrase]:
        found = []
        for match in self.pattern.finditer(sentence):
            start, end, third, direction = _modifiers(
                self.lexicon, self.before, sentence, match.start(), match.end())
            year = match.group("year")
            if not (year or direction or third
                    or self.context.search(sentence[max(0, start - 25):start])):
                continue
            if direction is None and re.search(r"quest['’]\s*$", sentence[:start]):
                direction = "this"
            found.append(Phrase(start, end, sentence[start:end], "season",
                                season=self.lexicon.seasons[match.group("season").lower()],
                                year=int(year) if year else None, third=third,
                                direction=direction))
        return found


class _YearFinder:
    """A bare year after a context word ("in 2022", "nel 2022", "im Jahr 2022") or a
    third ("early 2021", "Anfang 2021"); never "2018's" or "2020-year"."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.pattern = re.compile(r"(?<![\d$€£.,/])(?<!\d-)\b(?P<year>" + _YEAR
                                  + r")\b(?!['’]s|\s*-|[.,]\d|/|%)")
        self.before = _before(lexicon)
        self.context = _context(lexicon)

    def find(self, sentence: str) -> list[Phrase]:
        found = []
        for match in self.pattern.finditer(sentence):
            start, end, third, _ = _modifiers(
                self.lexicon, self.before, sentence, match.start(), match.end())
            if third is None and not self.context.search(sentence[max(0, start - 25):start]):
                continue
            found.append(Phrase(start, end, sentence[start:end], "year",
                                year=int(match.group("year")), third=third))
        return found


# -- phrases a lexicon opts into (German news) ---------------------------------------------

_EXTRA_FORMS = frozenset({"yearly", "monthday", "bc"})
"""Forms only :class:`_ExtraFinder` makes: "yearly" (a day or month of a year named
relatively: ``core``, and the year step in ``count``), "monthday" (the day ``count`` of
the month of the date it is placed against: "am 24.") and "bc" (a date with no calendar
value). References ("damals"), quarters and halves, holidays, decades, centuries,
weekends, durations, sets and clock times are :mod:`.timex` patterns, as in every
language."""

_ANY_YEAR = r"(?:1[0-9]|20)\d\d"
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR_BEFORE = re.compile(_ANY_YEAR + r"\s*[-–/]\s*$")
_PAIRED_NUMBER = re.compile(r"\s+[^\W\d_]{2,5}\s+\d[\d.,]*")


@functools.cache
def _extra(language: str) -> _ExtraFinder | None:
    """The finder of the lexicon's optional fields, built once; ``None`` without them."""
    lexicon = LEXICONS[language]
    words = lexicon.timex
    if not (words.bare_years or words.periods or words.anchored):
        return None
    return _ExtraFinder(lexicon, _locale_names(language))


class _ExtraFinder:
    """Bare years, years before Christ, named periods ("heuer"), dates relative to an
    earlier date, lists of days, numeric days without a year, months of a year named
    relatively ("März dieses Jahres")."""

    def __init__(self, lexicon: Lexicon, names: _Names) -> None:
        self.lexicon = lexicon
        self.weekdays = names.weekdays
        flags = re.IGNORECASE
        self.before = _before(lexicon)
        fills = {
            "<N>": _alternation([*lexicon.few, *lexicon.numbers]),
            "<UNIT>": _alternation(lexicon.units),
            "<WEEKDAY>": _alternation(names.weekdays),
        }
        self.year = re.compile(r"(?<![\d$€£.,:])\b(?P<year>" + _ANY_YEAR + r")\b")
        self.amount_before = re.compile(r"(?:^|\W)(?:" + lexicon.timex.amount_before_re
                                        + r")\s*$", flags)
        self.season_before = re.compile(r"(?:" + lexicon.timex.year_pair_season_re
                                        + r")\s*$", flags)
        self.year_range = re.compile(r"[-–/]\s*(?:" + _ANY_YEAR + r"|\d\d)\b")
        self.quantity_after_cs = re.compile(r"\s*(?:-\s*[^\W\d]|[.,]\d|%|\s+(?:"
                                            + lexicon.timex.quantity_re + r")(?!\w))")
        self.year_word = re.compile(r"(?<!\w)(?:" + lexicon.timex.year_words_re + r")\s+(?P<year>"
                                    + _ANY_YEAR + r")\b", flags)
        self.bc = re.compile(r"(?<![\d.,])\b(?P<first>\d{1,4})(?:\s*[–-]\s*(?P<second>\d{1,4}))?"
                             + lexicon.timex.bc_re, flags)
        self.monthday = re.compile(
            r"(?<!\w)(?:" + lexicon.timex.lone_day_re + r")\s+(?P<d>" + _DAY_NUMBER
            + r")\.(?=\s+(?-i:[a-zäöü])|\s*[,;:)]|\s*$)", flags)
        self.short_year = re.compile(r"\s*[/–-]\s*(?P<yy>\d\d)(?![\d.,])")
        self.periods = [(re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)", flags), meaning)
                        for pattern, meaning in lexicon.timex.periods.items()]
        self.anchored = [re.compile(r"(?<!\w)(?:" + _fill(pattern, fills) + r")(?!\w)", flags)
                         for pattern in lexicon.timex.anchored]
        month = r"(?:" + "|".join(re.escape(m) for m in names.months_full) + r")\b"
        self.day_list = re.compile(
            r"\b(?P<list>(?:" + _DAY_NUMBER + r"\.(?:\s*,\s*(?:(?:" + lexicon.timex.list_link_re
            + r")\s+)?(?:(?:" + lexicon.timex.list_article_re + r")\s+)?|\s*/\s*|\s+(?:"
            + lexicon.timex.list_link_re + r")\s+(?:(?:" + lexicon.timex.list_article_re
            + r")\s+)?))+)"
            r"(?P<last>" + _DAY_NUMBER + r"\.\s*(?P<month>" + month + r")(?:\s+(?P<year>"
            + _YEAR + r")\b)?)", flags)
        self.day_month = re.compile(r"(?<![\d.])\b(?P<d>" + _DAY_NUMBER
                                    + r")\.(?P<m>1[0-2]|0?[1-9])\.(?!\d)")
        year_steps = [(pattern, step) for pattern, (unit, step, third)
                      in lexicon.timex.periods.items() if unit == "year" and third is None]
        self.year_steps = [step for _, step in year_steps]
        self.yearly = re.compile(
            r"(?<!\w)(?P<core>(?:" + _DAY_NUMBER + r"\.?\s*)?" + month + r")\s+(?:"
            + "|".join(f"(?P<y{i}>{pattern})" for i, (pattern, _) in enumerate(year_steps))
            + r")(?!\w)", flags) if year_steps else re.compile(r"(?!)")
        self.month_of_year = re.compile(
            r"(?<!\w)(?P<core>(?:" + _DAY_NUMBER + r"\.?\s*)?" + month + r")\s+(?:"
            + lexicon.timex.of_year_re + r")\s+(?P<year>" + _YEAR + r")\b", flags)
        every = _Gate(())
        self.groups: tuple[tuple[_Gate, Callable[[str], list[Phrase]]], ...] = (
            (_gate([self.bc.pattern, self.year_word.pattern]), self._years),
            (_gate([p.pattern for p, _ in self.periods]), self._periods),
            (_gate([p.pattern for p in self.anchored]), self._anchored),
            (every, self._days),
            (_gate([self.yearly.pattern, self.month_of_year.pattern]), self._yearly),
        )

    def find(self, sentence: str) -> list[Phrase]:
        """Every phrase of the lexicon's optional kinds in ``sentence`` (may overlap)."""
        lower = sentence.lower()
        found: list[Phrase] = []
        for gate, finder in self.groups:
            if gate.open(lower):
                found.extend(finder(sentence))
        return found

    def _years(self, sentence: str) -> list[Phrase]:
        """"im Jahr 2010", "264 v. Chr."."""
        found = []
        for match in self.bc.finditer(sentence):
            if match.group("second"):  # "264–260 v. Chr.": two years
                found.append(Phrase(match.start(), match.end("first"), match.group("first"),
                                    "bc"))
                start = match.start("second")
                found.append(Phrase(start, match.end(), sentence[start:match.end()], "bc"))
                continue
            found.append(Phrase(match.start(), match.end(), match.group(), "bc"))
        for match in self.year_word.finditer(sentence):
            found.append(Phrase(match.start(), match.end(), match.group(), "year",
                                year=int(match.group("year"))))
        return found

    def tagger_only(self, sentence: str) -> list[Phrase]:
        """Bare years (see :func:`find_phrases`)."""
        return self._bare_years(sentence)

    def _bare_years(self, sentence: str) -> list[Phrase]:
        """"1996 zog sie um", "2009-2011"; not "2000 Euro", "rund 1900 Menschen"."""
        found: list[Phrase] = []
        if not self.lexicon.timex.bare_years:
            return found
        for match in self.year.finditer(sentence):
            start, end = match.start(), match.end()
            year = int(match.group("year"))
            after = sentence[end:end + 30]
            short = self.short_year.match(sentence, end)
            if (year < 1800 and short is None) or self._quantity(sentence, start, after):
                continue
            start, end, third, _ = _modifiers(self.lexicon, self.before, sentence, start, end)
            found.append(Phrase(start, end, sentence[start:end], "year", year=year, third=third))
            if short is not None and not self.season_before.search(sentence[max(0, start - 25):
                                                                             start]):
                # "1870/71", "1926–28": the second year of a pair (not of "Saison 2019/20")
                second = year // 100 * 100 + int(short.group("yy"))
                found.append(Phrase(short.start("yy"), short.end("yy"), short.group("yy"),
                                    "year", year=second if second > year else second + 100))
        return found

    def _quantity(self, sentence: str, start: int, after: str) -> bool:
        """Is the number at ``start`` a count or an amount rather than a year?"""
        if start and sentence[start - 1] in "-–/" and not _YEAR_BEFORE.search(sentence[:start]):
            return True
        if self.year_range.match(after):
            return False
        pair = _PAIRED_NUMBER.match(after)  # "1800 bis 2000 Euro": both are amounts
        if pair is not None and self.quantity_after_cs.match(after, pair.end()):
            return True
        return bool(self.quantity_after_cs.match(after)
                    or self.amount_before.search(sentence[max(0, start - 20):start]))

    def _periods(self, sentence: str) -> list[Phrase]:
        """"heuer", "im Vorjahr", "Jahresende": the current, last or next year or month."""
        found: list[Phrase] = []
        for pattern, (unit, step, third) in self.periods:
            for match in pattern.finditer(sentence):
                if unit == "day":  # "morgen": a day word
                    found.append(Phrase(match.start(), match.end(), match.group(), "relative",
                                        unit=unit, offset=step))
                    continue
                found.append(Phrase(match.start(), match.end(), match.group(), "relative",
                                    unit=unit, third=third,
                                    direction=("last", "this", "next")[step + 1]))
        return found

    def _anchored(self, sentence: str) -> list[Phrase]:
        """"zwei Tage später", "am selben Tag", "tags darauf": relative to an earlier date."""
        found: list[Phrase] = []
        for pattern in self.anchored:
            for match in pattern.finditer(sentence):
                phrase = self._anchored_phrase(match)
                if phrase is not None:
                    found.append(phrase)
        return found

    def _anchored_phrase(self, match: re.Match[str]) -> Phrase | None:
        groups = {k: v for k, v in match.groupdict().items() if v}
        word = _norm(groups.get("unit", ""))
        unit = self.lexicon.units.get(word) or self.lexicon.units.get(word.rstrip("s"))
        if unit is None:
            return None
        sign = -1 if "ago" in groups else 1 if "ahead" in groups else 0
        count: int | None = None
        if "n" in groups:
            number = _norm(groups["n"])
            count = int(number) if number.isdigit() else (
                FEW if number in self.lexicon.few else self.lexicon.numbers.get(number))
            if count is None:
                return None
        elif unit in ("day", "week"):
            count = abs(sign)
        if count is not None:  # edge "event": after an event, not after a date
            return Phrase(match.start(), match.end(), match.group(), "relative", unit=unit,
                          count=count, sign=sign or 1, anchored=True,
                          edge="event" if "event" in groups else None)
        direction = ("last", "this", "next")[sign + 1]
        return Phrase(match.start(), match.end(), match.group(), "relative", unit=unit,
                      direction=direction, anchored=True)

    def _days(self, sentence: str) -> list[Phrase]:
        """The days of a list ("am 3., 4. und 5. Oktober") and "12.03." without a year."""
        found = []
        for match in self.day_list.finditer(sentence):
            tail = f" {match.group('month')}" + (f" {match.group('year')}"
                                                 if match.group("year") else "")
            offset = match.start("list")
            for day in re.finditer(_DAY_NUMBER + r"\.", match.group("list")):
                found.append(Phrase(offset + day.start(), offset + day.end(), day.group(),
                                    "calendar", core=day.group()[:-1] + tail))
        for match in self.monthday.finditer(sentence):  # "am 24." of the month last named
            start = match.start("d")
            found.append(Phrase(start, match.end(), sentence[start:match.end()], "monthday",
                                unit="month", count=int(match.group("d")), anchored=True))
        for match in self.day_month.finditer(sentence):
            core = f"{int(match.group('d'))}.{int(match.group('m'))}."
            found.append(Phrase(match.start(), match.end(), match.group(), "calendar",
                                core=core))
        return found

    def _yearly(self, sentence: str) -> list[Phrase]:
        """"3. März dieses Jahres", "im April vorigen Jahres", "Juli des Vorjahres", and
        "April des Jahres 1918" (a calendar phrase)."""
        found = [Phrase(m.start(), m.end(), m.group(), "calendar",
                        core=f"{m.group('core')} {m.group('year')}")
                 for m in self.month_of_year.finditer(sentence)]
        for match in self.yearly.finditer(sentence):
            index = next(int(k[1:]) for k, v in match.groupdict().items()
                         if v and k.startswith("y"))
            start, end, third, _ = _modifiers(self.lexicon, self.before, sentence,
                                              match.start(), match.end())
            found.append(Phrase(start, end, sentence[start:end], "yearly",
                                core=match.group("core"), count=self.year_steps[index],
                                third=third))
        return found



@attrs.frozen
class _Gate:
    """Letter runs of some patterns, one of which is in every text they match: a sentence
    with none of them is skipped without running the patterns (no runs: never skipped)."""

    hints: tuple[str, ...]
    search: Callable[[str], object] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """One compiled search over all the hints (faster than a loop of ``in`` tests)."""
        pattern = re.compile("|".join(re.escape(h) for h in self.hints)) if self.hints \
            else re.compile("")
        object.__setattr__(self, "search", pattern.search)

    def open(self, lower: str) -> bool:
        """Might the patterns match the lower-cased sentence ``lower``?"""
        return self.search(lower) is not None


def _gate(patterns: list[str]) -> _Gate:
    """The gate of ``patterns``: every run of three or more letters in their source.

    Sound for patterns whose every alternative holds such a run (a word of the lexicon),
    which is why the decades ("90er") and numeric days are not gated.
    """
    runs: set[str] = set()
    for pattern in patterns:
        source = re.sub(r"\\.", " ", pattern)
        source = re.sub(r"\(\?(?:P<\w+>|[-\w]*:|<?[!=])", "(", source)
        while True:  # optional groups ("(im\s+|am\s+)?") need not be in the text
            shorter = re.sub(r"\([^()]*\)[?*]|\[[^\]]*\][?*]", " ", source)
            if shorter == source:
                break
            source = shorter
        runs.update(run.lower() for run in re.findall(r"[^\W\d_]{3,}", source))
    return _Gate(tuple(sorted(runs)))


def _fill(pattern: str, fills: dict[str, str]) -> str:
    """``pattern`` with its placeholders ("<N>", "<UNIT>") replaced by alternations."""
    for placeholder, alternation in fills.items():
        pattern = pattern.replace(placeholder, alternation)
    return pattern


# -- resolving -----------------------------------------------------------------------------


def resolve(phrase: Phrase, language: str, base: date | None, tense: str | None) -> When | None:
    """What ``phrase`` means, or ``None`` when it can't be placed (no publication date for
    a relative phrase, or a calendar phrase dateparser can't read).

    ``base`` is the publication day; ``tense`` ("past", "future" or ``None``) picks the
    year of "19 novembre" or the week of "on Wednesday" when the phrase itself does not.
    """
    if phrase.needs_base and base is None:
        return None
    mode = phrase.direction or phrase.intrinsic_tense or tense
    if phrase.form in _EXTRA_FORMS:
        return _resolve_extra(phrase, language, base, mode)
    if phrase.form == "calendar":
        return _calendar(phrase, language, base, mode)
    if phrase.form == "year":
        assert phrase.year is not None
        return _with_third(str(phrase.year), phrase.third, phrase.year, None)
    if phrase.form == "season" and phrase.year is not None:  # needs no base
        return _season(phrase.year, phrase.season, phrase.third)
    assert base is not None
    if phrase.form == "weekday":
        assert phrase.weekday is not None
        return When(_weekday(phrase.weekday, base, mode).isoformat())
    if phrase.form == "season":
        assert phrase.season is not None
        if phrase.direction == "this":  # "this fall" in February: the fall of this year
            year = base.year - 1 if phrase.season == 24 and base.month <= 2 else base.year
            return _season(year, phrase.season, phrase.third)
        candidates = [_season(year, phrase.season, phrase.third) for year in _years(base)]
        return _pick(candidates, base, mode)
    return _relative(phrase, base)


def _season(year: int, season: int | None, third: str | None) -> When:
    """A season of ``year`` (EDTF 21-24), or its early/mid/late month ("a fine estate")."""
    if third is None or season is None:
        return When(f"{year}-{season}")
    first_month = {21: 3, 22: 6, 23: 9, 24: 12}[season]
    index = year * 12 + first_month - 1 + {"early": 0, "mid": 1, "late": 2}[third]
    return When(f"{index // 12:04d}-{index % 12 + 1:02d}~")


def warm_up(languages: tuple[str, ...] = tuple(LEXICONS)) -> None:
    """Load dateparser and build the patterns now instead of on the first report."""
    for language in languages:
        _patterns(language)
        _read_calendar(language, "1 " + _locale_names(language).months_full[0] + " 2020")


def _calendar(phrase: Phrase, language: str, base: date | None, mode: str | None) -> When | None:
    if phrase.first is not None:
        start = _calendar(attrs.evolve(phrase, core=phrase.first, first=None), language,
                          base, mode)
        end = _calendar(attrs.evolve(phrase, first=None), language, base, mode)
        if start is None or end is None or start.lower > end.upper:
            return None
        return When.interval(start, end)
    read = _read_calendar(language, phrase.core)
    if read is None:
        return None
    day, period = read
    if period not in ("day", "month", "year", "time"):
        return None
    precision = "day" if period == "time" else period
    if not phrase.needs_base:
        return _with_precision(_century(day, phrase.core, base), precision, phrase.third)
    assert base is not None
    candidates = []
    for year in _years(base):
        try:
            candidates.append(_with_precision(day.replace(year=year), precision, phrase.third))
        except ValueError:  # 29 February in a common year
            continue
    return _pick(candidates, _month_of(base, mode), mode)


def _month_of(base: date, mode: str | None) -> date:
    """The day a yearless date is compared with: for a tense, the publication month's
    last (past) or first (future) day, so a date in that month keeps its year whatever
    the tense ("die Halle wurde für den 18. Dezember geplant", published 16 December)."""
    if mode == "past":
        return base.replace(day=calendar.monthrange(base.year, base.month)[1])
    if mode == "future":
        return base.replace(day=1)
    return base


_TWO_DIGIT_YEAR = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2}(?!\d)")


def _century(day: date, core: str, base: date | None) -> date:
    """``day`` read from "1.9.39": a two-digit year more than ten years after publication
    (or after 2030 with none) is in the century before (1939, not 2039)."""
    latest = (base.year if base else 2020) + 10
    if day.year > latest and _TWO_DIGIT_YEAR.fullmatch(core.strip()):
        try:
            return day.replace(year=day.year - 100)
        except ValueError:  # 29 February
            return day
    return day


def _with_precision(day: date, precision: str, third: str | None) -> When:
    if precision == "year":
        return _with_third(f"{day.year:04d}", third, day.year, None)
    if precision == "month":
        return _with_third(f"{day.year:04d}-{day.month:02d}", third, day.year, day.month)
    return When(day.isoformat())


def _with_third(edtf: str, third: str | None, year: int, month: int | None) -> When:
    """``edtf`` as is, or its early/mid/late third (through mitimeline's English reader)."""
    if third is None:
        return When(edtf)
    if month is None:
        return When.parse(f"{third} {year}")
    return When.parse(f"{third} {calendar.month_name[month]} {year}")


@functools.cache
def _date_parser(language: str) -> Any:
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    # A fixed leap-year base: a phrase without a year comes back in 2000 and the year is
    # chosen afterwards from the publication date and tense, so results can be cached.
    return DateDataParser(languages=[language], settings={
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "PREFER_DATES_FROM": "current_period",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    })


@functools.lru_cache(maxsize=16384)
def _read_calendar(language: str, text: str) -> tuple[date, str] | None:
    data = _date_parser(language).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period)


def _years(base: date) -> tuple[int, int, int]:
    return (base.year - 1, base.year, base.year + 1)


def _pick(candidates: list[When], base: date, mode: str | None) -> When | None:
    """The candidate the mode asks for: "past"/"future" allow the current period,
    "last"/"next" exclude it, "this" wants the one containing (or nearest to) ``base``."""
    if not candidates:
        return None
    ordered = sorted(candidates, key=lambda w: w.lower)
    if mode == "past":
        before = [w for w in ordered if w.lower <= base]
        return before[-1] if before else ordered[0]
    if mode == "future":
        after = [w for w in ordered if w.upper >= base]
        return after[0] if after else ordered[-1]
    if mode == "last":
        before = [w for w in ordered if w.upper < base]
        return before[-1] if before else ordered[0]
    if mode == "next":
        after = [w for w in ordered if w.lower > base]
        return after[0] if after else ordered[-1]
    return min(ordered, key=lambda w: (_distance(w, base), -w.lower.toordinal()))


def _distance(when: When, base: date) -> int:
    if when.lower <= base <= when.upper:
        return 0
    return min(abs((when.lower - base).days), abs((when.upper - base).days))


def _weekday(weekday: int, base: date, mode: str | None) -> date:
    """That weekday in the publication week, or the week before/after as the mode says."""
    day = base + timedelta(days=weekday - base.weekday())
    if (mode == "last" and day >= base) or (mode == "past" and day > base):
        day -= timedelta(days=7)
    elif (mode == "next" and day <= base) or (mode == "future" and day < base):
        day += timedelta(days=7)
    return day


def _relative(phrase: Phrase, base: date) -> When:
    unit = phrase.unit
    if phrase.offset is not None:
        return When((base + timedelta(days=phrase.offset)).isoformat())
    if phrase.count is not None:
        return _counted(unit or "day", phrase.count, phrase.sign, base)
    step = {"last": -1, "next": 1}.get(phrase.direction or "", 0)
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=step)
        if phrase.edge == "earlier":
            return _span(monday, base, "day")
        if phrase.edge == "later":
            return _span(base, monday + timedelta(days=6), "day")
        return _span(monday, monday + timedelta(days=6), "day")
    if unit == "month":
        first = _add_months(base.replace(day=1), step)
        if phrase.edge in ("earlier", "later"):
            last = _add_months(first, 1) - timedelta(days=1)
            return _span(first, base, "day") if phrase.edge == "earlier" else \
                _span(base, last, "day")
        return _with_third(f"{first.year:04d}-{first.month:02d}", phrase.third,
                           first.year, first.month)
    year = base.year + step
    if phrase.edge == "earlier":
        return _span(date(year, 1, 1), base, "month")
    if phrase.edge == "later":
        return _span(base, date(year, 12, 31), "month")
    return _with_third(f"{year:04d}", phrase.third, year, None)


def _counted(unit: str, count: int, sign: int, base: date) -> When:
    """"two weeks ago", "in a few months": exact for days, approximate otherwise."""
    low, high = _FEW_RANGE if count == FEW else (count, count)
    near, far = _shift(base, unit, sign * low), _shift(base, unit, sign * high)
    first, last = sorted((near, far))
    if unit == "day":
        return When(first.isoformat()) if first == last else _span(first, last, "day")
    if unit == "week":
        return _span(first - timedelta(days=3), last + timedelta(days=3), "day")
    if unit == "month":
        if first.replace(day=1) == last.replace(day=1):
            return When(f"{first.year:04d}-{first.month:02d}~")
        return _span(first, last, "month")
    if first.year == last.year:
        return When(f"{first.year:04d}~")
    return _span(first, last, "year")


def _shift(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` units (a month or year step keeps the day, clipped)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    return _add_months(day, count * (12 if unit == "year" else 1))


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1,
                       day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def _span(first: date, last: date, precision: str) -> When:
    """An approximate interval from ``first`` to ``last`` at ``precision``."""
    if precision == "year":
        return When(f"{first.year:04d}~/{last.year:04d}~")
    if precision == "month":
        return When(f"{first.year:04d}-{first.month:02d}~/{last.year:04d}-{last.month:02d}~")
    return When(f"{first.isoformat()}~/{last.isoformat()}~")


# -- resolving the lexicon's optional forms ------------------------------------------------


def _resolve_extra(phrase: Phrase, language: str, base: date | None,
                   mode: str | None) -> When | None:
    """What a phrase of :data:`_EXTRA_FORMS` means; ``None`` for one with no calendar value."""
    if phrase.form == "yearly":
        assert base is not None
        read = _read_calendar(language, phrase.core)
        if read is None or read[1] not in ("day", "month"):
            return None
        try:
            day = read[0].replace(year=base.year + (phrase.count or 0))
        except ValueError:  # 29 February in a common year
            return None
        return _with_precision(day, read[1], phrase.third)
    if phrase.form == "monthday":
        assert base is not None
        try:
            return When(base.replace(day=phrase.count or 1).isoformat())
        except ValueError:  # "am 31." of a month of 30 days
            return None
    return None


def holiday_day(rule: str, year: int) -> date | None:
    """The day of a holiday rule in ``year``: "12-25", "easter+1", "nth-11-3-4" (the 4th
    Thursday of November; -1 is the last), each with an optional "+N"/"-N" days."""
    match = re.fullmatch(r"(?:(?P<md>\d\d-\d\d)|(?P<easter>easter)|nth-(?P<m>\d\d)-(?P<wd>\d)-"
                         r"(?P<k>-?\d))(?P<shift>[+-]\d+)?", rule)
    if match is None:
        return None
    if match.group("md"):
        month, day = (int(x) for x in match.group("md").split("-"))
        found = date(year, month, day)
    elif match.group("easter"):
        found = easter(year)
    else:
        month, weekday, k = int(match.group("m")), int(match.group("wd")), int(match.group("k"))
        days = [d for d in calendar.Calendar().itermonthdates(year, month)
                if d.month == month and d.weekday() == weekday]
        found = days[k - 1] if k > 0 else days[k]
    return found + timedelta(days=int(match.group("shift") or 0))
