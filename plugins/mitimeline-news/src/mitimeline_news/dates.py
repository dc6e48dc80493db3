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
from mitimeline import When

from .languages import LEXICONS, Lexicon

__all__ = ["FEW", "Phrase", "find_phrases", "resolve", "warm_up"]

FEW = -1
"""``Phrase.count`` of a vague count ("a few", "qualche", "einige"): 2 to 5 units."""
_FEW_RANGE = (2, 5)

_YEAR = r"(?:1[89]|20)\d\d"
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
        return {"last": "past", "next": "future"}.get(self.direction or "")


# -- finding -------------------------------------------------------------------------------


def find_phrases(sentence: str, language: str) -> list[Phrase]:
    """The date phrases of ``sentence``, left to right, never overlapping."""
    return list(_find_cached(sentence, language))


@functools.lru_cache(maxsize=8192)
def _find_cached(sentence: str, language: str) -> tuple[Phrase, ...]:
    found: list[Phrase] = []
    for finder in _patterns(language):
        found.extend(finder(sentence))
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
        longest = max(names, key=len)
        for name in names:
            is_abbreviation = name != longest and longest.startswith(name)
            (abbr if is_abbreviation else full).add(name)
    weekdays = {}
    for number, key in enumerate(_WEEKDAY_KEYS):
        names = {n.lower() for n in info[key]}
        longest = max(names, key=len)
        weekdays.update({n: number for n in names if not (n != longest
                                                           and longest.startswith(n))})
    return _Names(_by_length(full), _by_length(abbr), weekdays)


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
                   + r")\b,?\s+(?:the\s+)?)?")
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
        link = r"\s*(?:–|—|-|to|and|through|al|all['’]|e|bis(?:\s+zum)?|und)\s*(?:the\s+)?"
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
            found.append(Phrase(start, end, sentence[start:end], "calendar", core=core,
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
        return _with_precision(day, precision, phrase.third)
    assert base is not None
    candidates = []
    for year in _years(base):
        try:
            candidates.append(_with_precision(day.replace(year=year), precision, phrase.third))
        except ValueError:  # 29 February in a common year
            continue
    return _pick(candidates, base, mode)


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
