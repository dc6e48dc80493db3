"""Date expressions that :func:`mitimeline_news.find_dates` reads beyond :mod:`.dates`.

The phrase finder of :mod:`.dates` serves the event extractor: calendar dates, weekdays,
seasons, years and relative phrases. A date tagger also has to know quarters and halves,
holidays, decades and centuries, weekends, references ("now", "damals"), durations, sets
("every Monday", "täglich"), clock times and parts of a day, dates anchored to an earlier
date of the text ("two days later", "il giorno dopo"), ranges of years and months, and
numeric dates whose order depends on the outlet. The patterns and their words are each
language's :class:`.languages.TimexWords` (``Lexicon.timex``); this module compiles them
once per language, finds the expressions (:func:`find_timexes`) and resolves them
(:func:`resolve`), in one way for every language.

Kinds and the named groups each reads (``span`` narrows the extent to that group):

* ``part``: ``ord``/``dir``/``qn``, ``part``, ``year``/``yy``/``ydir`` ("the first quarter of 2021")
* ``holiday``: ``name``, ``year``, ``dir`` ("Christmas 2020", "Pasqua")
* ``decade``: ``cc`` and ``d``, ``d2`` or ``word`` ("the 1990s", "gli anni Novanta", "die 90er")
* ``century``: ``cn``, ``cword``, ``roman``, ``crel``/``cthis`` ("the 20th century",
  "il Novecento", "des vorigen Jahrhunderts")
* ``shortyear``: ``yy`` ("since '82")
* ``duration``: ``n``, ``unit``, ``recent`` ("six weeks", "the past nine days")
* ``anchored``: ``n``/``step``/``yearback``, ``unit``, ``later``/``earlier`` ("two days later"),
  ``event``, ``ending``, ``dom`` ("am 24.")
* ``set``, ``ref`` (``word``), ``weekend`` (``dir``/``dir2``)
* ``time``: ``clock``, ``weekday``, ``dayword`` ("Friday morning", "alle 15")
* ``monthyear``: ``month``, ``day``, ``third``, ``ydir``/``ago``/``this``/``ystep``
  ("January next year", "3. März dieses Jahres")
* ``yearmod``: ``year`` ("the 2008 election"); ``yearrange``: ``y1``, ``y2``
* ``isoweek``: ``wk``/``wk2``, ``year`` ("die 17. Kalenderwoche 2024", "KW 17")
* ``monthrange``: ``m1``, ``m2``, ``year``; ``numeric``: ``a``, ``b``, ``y`` ("03/04/2021")
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from datetime import date, timedelta

import attrs
from mitimeline import When

from .dates.names import _locale_names, _norm
from .dates.resolving import _pick, _read_calendar, _weekday, _with_third, holiday_day
from .languages import LEXICONS, Lexicon

__all__ = ["ANCHORED_KINDS", "Timex", "find_timexes", "kind_type", "needs_base", "resolve",
           "shift_months", "warm_up"]

ANCHORED_KINDS = frozenset({"anchored"})
"""Kinds resolved against an earlier date of the text (or the publication date)."""

_YEAR = r"(?<!\d)(?:1[89]|20)\d\d(?!\d)"
_CLOCK = (r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.m\.|[ap]m\b)|\d{1,2}:\d{2}(?![\d:])|"
          r"\d{1,2}\s*(?:[ap]\.m\.|[ap]m\b)|noon|midnight|midday)"
          r"(?:\s+(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|local\s+time|(?:Eastern|Central|"
          r"Pacific|Mountain)(?:\s+(?:standard|daylight))?\s+time)\b)?")
_TYPES = {"duration": "duration", "set": "set", "time": "time"}
_ONE = frozenset({"a", "an", "un", "una", "uno", "un'"})
_ONE_CONTEXT = re.compile(r"(?:^|\W)(?:for|over|within|about|nearly|almost|than|around|"
                          r"roughly|only|just|past|last|per|da|in|tra|fra|circa|quasi|"
                          r"oltre|di|entro)\s+$", re.IGNORECASE)


@attrs.frozen
class Timex:
    """An expression found in a sentence: offsets into the sentence, its kind and the
    named groups of the pattern that found it."""

    start: int
    end: int
    text: str
    kind: str
    groups: tuple[tuple[str, str], ...] = ()

    def group(self, name: str) -> str | None:
        """The text of the named group ``name``, or ``None`` when it did not match."""
        for key, value in self.groups:
            if key == name:
                return value
        return None


def kind_type(kind: str) -> str:
    """The :class:`DateMention` type of a kind: "duration", "set", "time" or "date"."""
    return _TYPES.get(kind, "date")


@attrs.frozen
class _Compiled:
    """One language's patterns, compiled, with the lexicon they read."""

    lexicon: Lexicon
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    not_duration: re.Pattern[str]
    age_before: re.Pattern[str]


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first; spaces match any run of spaces."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)


@functools.cache
def _compiled(language: str) -> _Compiled:
    """The compiled patterns of ``language`` (built once; loads dateparser's names)."""
    lexicon = LEXICONS[language]
    words = lexicon.timex
    if not words.patterns:
        return _Compiled(lexicon, (), re.compile(r"(?!)"), re.compile(r"(?!)"))
    names = _locale_names(language)
    fills = {
        "<N>": _alternation([*lexicon.numbers, *lexicon.few]),
        "<ORD>": _alternation(list(words.ordinals)),
        "<PART>": _alternation(list(words.parts)),
        "<UNIT>": _alternation(list(words.units)),
        "<YEAR>": _YEAR,
        "<MONTH>": r"(?:" + _alternation(list(names.months_full)) + r"|(?:"
                   + _alternation(list(names.months_abbr)) + r")\.?)",
        "<WEEKDAY>": _alternation(list(names.weekdays)),
        "<HOLIDAY>": _alternation(list(words.holidays)),
        "<DECADE>": _alternation(list(words.decades)) or r"(?!)",
        "<DIR>": _alternation(list(lexicon.directions)),
        "<THIRD>": _alternation(list(lexicon.thirds)),
        "<YEARSTEP>": "|".join(f"(?:{pattern})" for pattern in _year_steps(lexicon)) or r"(?!)",
        "<CLOCK>": _CLOCK,
    }
    patterns = []
    for kind, pattern in words.patterns:
        for placeholder, alternation in fills.items():
            pattern = pattern.replace(placeholder, "(?:" + alternation + ")")
        patterns.append((kind, re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)",
                                          re.IGNORECASE)))
    return _Compiled(lexicon, tuple(patterns), re.compile(words.not_duration_re, re.IGNORECASE),
                     re.compile(words.age_before_re, re.IGNORECASE))


def _year_steps(lexicon: Lexicon) -> dict[str, int]:
    """The ``periods`` that name a whole year relatively ("dieses Jahres" 0, "des
    Vorjahres" -1): pattern -> step."""
    return {pattern: step for pattern, (unit, step, third) in lexicon.timex.periods.items()
            if unit == "year" and third is None}


def warm_up(languages: tuple[str, ...] = tuple(LEXICONS)) -> None:
    """Compile every language's patterns now instead of on the first text."""
    for language in languages:
        _compiled(language)


def find_timexes(sentence: str, language: str) -> list[Timex]:
    """Every expression of ``sentence`` the patterns of ``language`` find (they may overlap;
    the caller keeps the longest)."""
    return list(_find_cached(sentence, language))


@functools.lru_cache(maxsize=8192)
def _find_cached(sentence: str, language: str) -> tuple[Timex, ...]:
    """The expressions of ``sentence``, cached per sentence and language."""
    compiled = _compiled(language)
    found = []
    for kind, pattern in compiled.patterns:
        for match in pattern.finditer(sentence):
            timex = _timex(kind, match, sentence, compiled)
            if timex is not None:
                found.append(timex)
    return tuple(found)


def _timex(kind: str, match: re.Match[str], sentence: str, compiled: _Compiled) -> Timex | None:
    """The expression ``match`` found, or ``None`` when a check rejects it."""
    groups = tuple((k, v) for k, v in match.groupdict().items() if v)
    narrowed = "span" in match.re.groupindex and match.group("span") is not None
    start, end = match.span("span") if narrowed else match.span()
    timex = Timex(start, end, sentence[start:end], kind, groups)
    if _rejected(timex, sentence, compiled):
        return None
    return timex


def _rejected(timex: Timex, sentence: str, compiled: _Compiled) -> bool:
    """Ages, lower-case ambiguous month names ("may"), counts of "a" without a cue, and
    numeric dates inside longer numbers."""
    lexicon = compiled.lexicon
    for name in ("month", "m1", "m2"):
        month = timex.group(name)
        if month and month.lower() in lexicon.ambiguous_months and not month[0].isupper():
            return True
    if timex.kind == "duration":
        after, before = sentence[timex.end:timex.end + 20], sentence[:timex.start]
        if compiled.not_duration.match(after) or compiled.age_before.search(before[-40:]):
            return True
        count = (timex.group("n") or "").lower()
        if count in _ONE and not timex.group("recent") and (
                not _ONE_CONTEXT.search(before[-20:])
                or lexicon.timex.units.get(_norm(timex.group("unit") or "")) == "quarter"):
            return True
    if timex.kind == "numeric":
        around = sentence[max(0, timex.start - 1):timex.start] + sentence[timex.end:timex.end + 2]
        if re.search(r"^[\d/.-]|[/-]\d|[.,]\d", around):
            return True
        if timex.group("sep") == "-" and len(timex.group("y") or "") != 4:
            return True
    return timex.kind == "yearmod" and (timex.group("year") or "").endswith("00")


def needs_base(timex: Timex) -> bool:
    """True when the expression can only be placed against a publication (or earlier) date."""
    kind = timex.kind
    if kind in ("holiday", "holidayseason", "part", "monthrange", "dayone"):
        return timex.group("year") is None and timex.group("yy") is None
    if kind == "duration":
        return timex.group("recent") is not None
    if kind == "time":
        return timex.group("weekday") is not None or timex.group("dayword") is not None
    if kind == "ref":
        return True
    if kind == "century":
        return timex.group("crel") is not None or timex.group("cthis") is not None
    if kind == "isoweek":
        return timex.group("year") is None
    return kind in ("weekend", "monthyear", "anchored", "yearthird", "weekdayday")


# -- resolving -----------------------------------------------------------------------------


def resolve(timex: Timex, language: str, base: date | None, tense: str | None, *,
            day_first: bool | None = None) -> When | None:
    """What ``timex`` means, or ``None`` when it can't be placed (or is a set, a duration
    without an end, a clock time without a day, an ambiguous numeric date, an ``anchored``
    expression: :func:`.anchored.resolve_anchored` reads those).

    ``base`` is the publication day; ``tense`` picks the year or week of an expression
    without one; ``day_first`` the order of a numeric date (``None``: the language's
    default, then ambiguity).
    """
    if needs_base(timex) and base is None:
        return None
    lexicon = LEXICONS[language]
    if timex.kind == "numeric":
        order = day_first if day_first is not None else lexicon.timex.day_first
        return _numeric(timex, order)
    resolver = _RESOLVERS.get(timex.kind)
    if resolver is None:  # sets
        return None
    return resolver(timex, lexicon, base, _mode(timex, lexicon, tense))


def _mode(timex: Timex, lexicon: Lexicon, tense: str | None) -> str | None:
    """The expression's own direction ("last", "next", "this") or else ``tense``."""
    direction = timex.group("dir") or timex.group("dir2")
    if direction:
        word = _norm(direction).removeprefix("the ")
        return lexicon.directions.get(word, {"latest": "last", "coming": "next"}.get(word))
    return tense


def _int(text: str | None) -> int | None:
    """``text`` as an int when it is all digits, else ``None``."""
    return int(text) if text and text.isdigit() else None


def _year_from(timex: Timex, lexicon: Lexicon, base: date | None) -> int | None:
    """The year the expression names: a year, "'21", or "this/last/next year"."""
    year = _int(timex.group("year"))
    if year is not None:
        return year
    short = _int(timex.group("yy"))
    if short is not None:
        return 2000 + short if short < 50 else 1900 + short
    if base is None:
        return None
    ydir = timex.group("ydir")
    if ydir:
        step = {"last": -1, "next": 1}.get(lexicon.directions.get(_norm(ydir), "this"), 0)
        return base.year + step
    if timex.group("this") or timex.group("ago"):
        return base.year - (1 if timex.group("ago") else 0)
    ystep = timex.group("ystep")
    if ystep:
        return base.year + next((step for pattern, step in _year_steps(lexicon).items()
                                 if re.fullmatch(pattern, ystep, re.IGNORECASE)), 0)
    return None


def _by_year(make: Callable[[int], When | None], base: date | None, mode: str | None,
             year: int | None) -> When | None:
    """``make(year)`` for the named year, or for the year around ``base`` the mode picks."""
    if year is not None:
        return make(year)
    if base is None:
        return None
    candidates = [w for y in (base.year - 1, base.year, base.year + 1)
                  if (w := make(y)) is not None]
    return _pick(candidates, base, mode)


def _part(timex: Timex, lexicon: Lexicon, base: date | None, mode: str | None) -> When | None:
    """Quarters and halves: "the first quarter of 2021", "Q3", "il secondo semestre"."""
    words = lexicon.timex
    code = timex.group("qn")
    if code:
        kind, number = ("quarter" if code[0].upper() == "Q" else "half"), int(code[1])
    else:
        kind = words.parts.get(_norm(timex.group("part") or ""), "quarter")
        number = words.ordinals.get(_norm(timex.group("ord") or ""), 0)
    size = 3 if kind == "quarter" else 6
    count = 12 // size
    if number > count:
        return None
    year = _year_from(timex, lexicon, base)

    def make(y: int, n: int) -> When:
        first = (n - 1) * size + 1
        return When(f"{y:04d}-{first:02d}/{y:04d}-{first + size - 1:02d}")

    if number == -1:  # "the last quarter": of the named year, or the last one before base
        if year is not None:
            return make(year, count)
        if base is None:
            return None
        candidates = [make(y, n) for y in (base.year - 1, base.year) for n in range(1, count + 1)]
        return _pick(candidates, base, "last")
    if number == 0:  # "this quarter", "next quarter", "the previous quarter", "the quarter"
        if base is None:
            return None
        current = make(base.year, (base.month - 1) // size + 1)
        if timex.group("bare"):  # reported in the past: the last completed one
            mode = "last" if mode == "past" else "this"
        if mode == "next":
            later = current.upper + timedelta(days=1)
            return make(later.year, (later.month - 1) // size + 1)
        if mode == "last":
            earlier = current.lower - timedelta(days=1)
            return make(earlier.year, (earlier.month - 1) // size + 1)
        return current
    return _by_year(lambda y: make(y, number), base, mode, year)


def _holiday(timex: Timex, lexicon: Lexicon, base: date | None, mode: str | None) -> When | None:
    """A holiday of the named year, or of the year around ``base`` the mode picks."""
    rule = lexicon.timex.holidays.get(_norm(timex.group("name") or ""))
    if rule is None:
        return None

    def make(y: int) -> When | None:
        day = holiday_day(rule, y)
        return When(day.isoformat()) if day else None

    return _by_year(make, base, mode, _year_from(timex, lexicon, base))


def _holiday_season(timex: Timex, lexicon: Lexicon, base: date | None,
                    mode: str | None) -> When | None:
    """The (US) holiday season of the named year or of the year the mode picks: about
    November and December."""
    return _by_year(lambda y: When(f"{y:04d}-11~/{y:04d}-12~"), base, mode,
                    _year_from(timex, lexicon, base))


def _decade(timex: Timex, lexicon: Lexicon, base: date | None, mode: str | None) -> When | None:
    """"the 1990s", "'90s", "the eighties", "gli anni Novanta", "die 90er Jahre": ten
    years, as EDTF writes them ("199X")."""
    word = timex.group("word")
    if word:
        first = lexicon.timex.decades.get(_norm(word))
        if first is None:
            return None
    else:
        century = _int(timex.group("cc"))
        digit = _int(timex.group("d") or timex.group("d2"))
        if digit is None:
            return None
        if century is None:  # "die 10er Jahre" are this century's, "'90s" the last
            century = 20 if digit < 2 else 19
        first = century * 100 + digit * 10
    return When(f"{first // 10:03d}X")  # EDTF's decade, TimeML's "199"


def _shortyear(timex: Timex, lexicon: Lexicon, base: date | None,
               mode: str | None) -> When | None:
    """"'82": 1982, or 20xx when that is not after the publication year."""
    short = _int(timex.group("yy"))
    if short is None:
        return None
    century = 2000 if base is not None and 2000 + short <= base.year else 1900
    return When(f"{century + short:04d}")


def _duration(timex: Timex, lexicon: Lexicon, base: date | None,
              mode: str | None) -> When | None:
    """Only "the past nine days" is placed: an approximate span ending at ``base``."""
    if not timex.group("recent") or base is None:
        return None
    unit = lexicon.timex.units.get(_norm(timex.group("unit") or ""), "")
    word = _norm(timex.group("n") or "")
    count = _int(word) or lexicon.numbers.get(word) or 1
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
    if unit in ("day", "week"):
        first = base - timedelta(days=count * (7 if unit == "week" else 1))
    elif unit in months:
        first = _add_months(base, -count * months[unit])
    else:
        return None
    return When(f"{first.isoformat()}~/{base.isoformat()}")


def _add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` months (the day clipped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1,
                       day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def _yearthird(timex: Timex, lexicon: Lexicon, base: date | None,
               mode: str | None) -> When | None:
    """"the beginning of the year", "a fine mese": a third of the publication year or month."""
    if base is None:
        return None
    word = _norm(timex.group("third") or "")
    third = lexicon.thirds.get(word) or {"the beginning of": "start", "the start of": "start",
                                         "the middle of": "mid", "the end of": "end"}.get(word)
    if third is None:
        return None
    if lexicon.units.get(_norm(timex.group("unit") or "")) == "month":
        return _with_third("", third, base.year, base.month)
    return _with_third("", third, base.year, None)


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _century(timex: Timex, lexicon: Lexicon, base: date | None,
             mode: str | None) -> When | None:
    """"the 20th century", "il XX secolo", "il Novecento", "des vorigen Jahrhunderts":
    its hundred years."""
    number = _int(timex.group("cn"))
    if timex.group("crel") or timex.group("cthis"):
        if base is None:
            return None
        number = (base.year - 1) // 100 + (0 if timex.group("crel") else 1)
    word, roman = timex.group("cword"), timex.group("roman")
    if word:
        number = lexicon.timex.centuries.get(_norm(word))
    elif roman:
        values = [_ROMAN[c] for c in roman]
        number = sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
    if not number or number > 30:
        return None
    # as news and TimeML count it: the 20th century is 1900-1999, EDTF "19XX"
    return When(f"{number - 1:02d}XX")


def _ref(timex: Timex, lexicon: Lexicon, base: date | None, mode: str | None) -> When | None:
    """"now", "attualmente": the publication day; "recently", "the future": not placed."""
    meaning = lexicon.timex.refs.get(_norm(timex.group("word") or ""))
    if meaning == "present" and base is not None:
        return When(base.isoformat())
    return None


def _weekend(timex: Timex, lexicon: Lexicon, base: date | None,
             mode: str | None) -> When | None:
    """Saturday and Sunday of the weekend the mode picks around ``base``: with neither a
    direction nor a tense, the last one (news report the weekend just gone), with "this"
    the nearest."""
    if base is None:
        return None
    if mode is None:
        mode = "past"
    saturday = base - timedelta(days=base.weekday()) + timedelta(days=5)
    candidates = [When(f"{(saturday + timedelta(weeks=k)).isoformat()}/"
                       f"{(saturday + timedelta(weeks=k, days=1)).isoformat()}")
                  for k in (-1, 0, 1)]
    if mode == "this":
        mode = None
    return _pick(candidates, base, mode)


def _time(timex: Timex, lexicon: Lexicon, base: date | None, mode: str | None) -> When | None:
    """The day of a clock time or part of a day ("Friday morning"); ``None`` without one."""
    if base is None:
        return None
    weekday = timex.group("weekday")
    if weekday:
        number = _locale_names(lexicon.code).weekdays.get(weekday.lower())
        if number is None:
            return None
        return When(_weekday(number, base, mode).isoformat())
    word = timex.group("dayword")
    if word:
        offset = lexicon.timex.day_parts.get(_norm(word), lexicon.day_words.get(_norm(word)))
        if offset is None:
            return None
        return When((base + timedelta(days=offset)).isoformat())
    return None


def _month_number(lexicon: Lexicon, text: str | None) -> int | None:
    """The month (1-12) a month name means in the lexicon's language."""
    if not text:
        return None
    read = _read_calendar(lexicon.code, "1 " + text.rstrip(".") + " 2000")
    return read[0].month if read else None


def _monthyear(timex: Timex, lexicon: Lexicon, base: date | None,
               mode: str | None) -> When | None:
    """A month (or a day of it, or its early/mid/late third) of a year named relatively:
    "January next year", "ottobre dell'anno scorso", "3. März dieses Jahres", "Anfang
    April vorigen Jahres"."""
    month = _month_number(lexicon, timex.group("month"))
    year = _year_from(timex, lexicon, base)
    if month is None or year is None:
        return None
    day = _int(timex.group("day"))
    if day is not None:
        try:
            return When(date(year, month, day).isoformat())
        except ValueError:  # 29 February in a common year
            return None
    third = lexicon.thirds.get(_norm(timex.group("third") or ""))
    return _with_third(f"{year:04d}-{month:02d}", third, year, month)


def _weekdayday(timex: Timex, lexicon: Lexicon, base: date | None,
                mode: str | None) -> When | None:
    """"sabato 12", "Friday the 13th": the nearby month whose day has that weekday."""
    weekday = _locale_names(lexicon.code).weekdays.get((timex.group("weekday") or "").lower())
    day = _int(timex.group("day"))
    if base is None or weekday is None or day is None:
        return None
    candidates = []
    for months in range(-3, 4):
        first = _add_months(base.replace(day=1), months)
        if day <= calendar.monthrange(first.year, first.month)[1] \
                and first.replace(day=day).weekday() == weekday:
            candidates.append(When(first.replace(day=day).isoformat()))
    return _pick(candidates, base, mode)


def _dayone(timex: Timex, lexicon: Lexicon, base: date | None,
            mode: str | None) -> When | None:
    """"il primo maggio": the first day of the month."""
    month = _month_number(lexicon, timex.group("month"))
    if month is None:
        return None
    return _by_year(lambda y: When(f"{y:04d}-{month:02d}-01"), base, mode,
                    _int(timex.group("year")))


def _isoweek(timex: Timex, lexicon: Lexicon, base: date | None,
             mode: str | None) -> When | None:
    """"die 17. Kalenderwoche 2024", "KW 17": Monday to Sunday of that ISO week, in the
    named year or the one around ``base`` the mode picks."""
    week = _int(timex.group("wk") or timex.group("wk2"))
    if week is None:
        return None

    def make(y: int) -> When | None:
        try:
            monday = date.fromisocalendar(y, week, 1)
        except ValueError:
            return None
        return When(f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}")

    return _by_year(make, base, mode, _int(timex.group("year")))


def _yearmod(timex: Timex, lexicon: Lexicon, base: date | None,
             mode: str | None) -> When | None:
    """"the 2008 election", "fiscal 2020": that year."""
    year = _int(timex.group("year"))
    return When(f"{year:04d}") if year else None


def _yearrange(timex: Timex, lexicon: Lexicon, base: date | None,
               mode: str | None) -> When | None:
    """"2009 to 2011", "2012-13": the years from the first to the last."""
    first, last = _int(timex.group("y1")), timex.group("y2") or ""
    if first is None or not last.isdigit():
        return None
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if end <= first:
        return None
    return When(f"{first:04d}/{end:04d}")


def _monthrange(timex: Timex, lexicon: Lexicon, base: date | None,
                mode: str | None) -> When | None:
    """"between March and June": the months, in the named or the mode's year."""
    first = _month_number(lexicon, timex.group("m1"))
    last = _month_number(lexicon, timex.group("m2"))
    if first is None or last is None or first == last:
        return None
    wraps = last < first

    def make(y: int) -> When:
        start_year = y - 1 if wraps else y
        return When(f"{start_year:04d}-{first:02d}/{y:04d}-{last:02d}")

    return _by_year(make, base, mode, _int(timex.group("year")))


def _numeric(timex: Timex, day_first: bool | None) -> When | None:
    """"03/04/2021": day first, month first, or ``None`` when nothing decides and both
    readings are real dates."""
    a, b, y = _int(timex.group("a")), _int(timex.group("b")), timex.group("y") or ""
    if a is None or b is None or not y.isdigit():
        return None
    year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
    readings: list[date | None] = []
    for day, month in ((a, b), (b, a)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            readings.append(None)
    day_month, month_day = readings
    if day_first is True and day_month:
        return When(day_month.isoformat())
    if day_first is False and month_day:
        return When(month_day.isoformat())
    options = {r for r in readings if r is not None}
    return When(options.pop().isoformat()) if len(options) == 1 else None


def shift_months(when: When, months: int) -> When:
    """``when`` moved by ``months`` months, keeping its precision (day, month or year)."""
    low, high = when.lower, when.upper
    if low == high:
        return When(_add_months(low, months).isoformat())
    first, last = _add_months(low, months), _add_months(high, months)
    if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31):
        return When(f"{first.year:04d}") if first.year == last.year else \
            When(f"{first.year:04d}/{last.year:04d}")
    if low.day == 1 and high.day == calendar.monthrange(high.year, high.month)[1]:
        if (first.year, first.month) == (last.year, last.month):
            return When(f"{first.year:04d}-{first.month:02d}")
        return When(f"{first.year:04d}-{first.month:02d}/{last.year:04d}-{last.month:02d}")
    return When(f"{first.isoformat()}/{last.isoformat()}")


_RESOLVERS: dict[str, Callable[[Timex, Lexicon, date | None, str | None], When | None]] = {
    "part": _part, "holiday": _holiday, "holidayseason": _holiday_season, "decade": _decade,
    "shortyear": _shortyear,
    "duration": _duration, "ref": _ref, "weekend": _weekend, "time": _time,
    "monthyear": _monthyear, "yearmod": _yearmod, "yearrange": _yearrange,
    "monthrange": _monthrange, "yearthird": _yearthird, "weekdayday": _weekdayday,
    "dayone": _dayone, "century": _century, "isoweek": _isoweek,
}
