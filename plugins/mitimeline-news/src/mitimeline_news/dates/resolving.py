"""What a phrase means: a :class:`mitimeline.When` placed against the publication date
and the tense, with calendar arithmetic (and the day of a holiday rule)."""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, datetime, timedelta
from typing import Any

import attrs
from dateutil.easter import easter  # type: ignore[import-untyped]
from mitimeline import When

from .names import _locale_names
from .optional import _EXTRA_FORMS
from .phrase import FEW, Phrase, few_range


def resolve(phrase: Phrase, language: str, base: date | None, tense: str | None) -> When | None:
    """What ``phrase`` means, or ``None`` when it can't be placed (no publication date for
    a relative phrase, or a calendar phrase dateparser can't read).

    ``base`` is the publication day; ``tense`` ("past", "future" or ``None``) picks the
    year of "19 novembre" or the week of "on Wednesday" when the phrase itself does not.
    """
    if phrase.needs_base and base is None:
        return None
    mode = phrase.direction or phrase.intrinsic_tense or tense
    if phrase.form in _EXTRA_FORMS:  # "bc": no calendar value
        return None
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
        if phrase.week is not None:  # "Monday next week": that day of the week named
            monday = base - timedelta(days=base.weekday())
            return When((monday + timedelta(weeks=phrase.week, days=phrase.weekday)).isoformat())
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
    index = year * 12 + first_month - 1 + {"early": 0, "start": 0, "mid": 1, "late": 2,
                                           "end": 2}[third]
    return When(f"{index // 12:04d}-{index % 12 + 1:02d}~")



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
    weekday = _named_weekday(language, phrase.core) if precision == "day" else None
    matching = [w for w in candidates if w.lower.weekday() == weekday]
    return _pick(matching or candidates, _month_of(base, mode), mode)


def _named_weekday(language: str, core: str) -> int | None:
    """The weekday (0-6) a calendar date names ("Wednesday, April 13th"), if it names one:
    the year of a yearless date is one where the day falls on it."""
    names, words = _weekday_words(language)
    match = words.search(core)
    return None if match is None else names[match.group().lower()]


@functools.cache
def _weekday_words(language: str) -> tuple[dict[str, int], re.Pattern[str]]:
    """The weekday names of ``language`` (name -> 0-6) and a pattern of them as words."""
    names = dict(_locale_names(language).weekdays)
    longest = sorted(names, key=len, reverse=True)
    return names, re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, longest)) + r")(?!\w)",
                             re.IGNORECASE)


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
    """``edtf`` as is, or the part of it ``third`` names: of a month, its first or last ten
    days ("early"/"start", "late"/"end") or about its 15th ("mid"); of a year, a third
    ("early 2021": January to April, as mitimeline reads it) or, for its very start or end
    ("Anfang 2021", "the end of 2021"), its first or last two months."""
    if third is None:
        return When(edtf)
    if month is None:
        if third == "start":
            return When(f"{year:04d}-01~/{year:04d}-02~")
        if third == "end":
            return When(f"{year:04d}-11~/{year:04d}-12~")
        return When.parse(f"{third} {year}")
    if third == "mid":
        return When(f"{year:04d}-{month:02d}-15~")
    word = {"start": "early", "end": "late"}.get(third, third)
    return When.parse(f"{word} {calendar.month_name[month]} {year}")


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
        if phrase.edge in ("later", "rest"):
            return _span(base, monday + timedelta(days=6), "day")
        return _span(monday, monday + timedelta(days=6), "day")
    # "earlier this month/year" is read as the month or year itself, as TimeML does: the
    # words place the event in it and say little more.
    if unit == "month":
        first = _add_months(base.replace(day=1), step)
        if phrase.edge in ("later", "rest"):
            last = _add_months(first, 1) - timedelta(days=1)
            return _span(base, last, "day")
        return _with_third(f"{first.year:04d}-{first.month:02d}", phrase.third,
                           first.year, first.month)
    year = base.year + step
    if phrase.edge == "later":
        return _span(base, date(year, 12, 31), "month")
    if phrase.edge == "rest":  # "noch in diesem Jahr", "entro quest'anno": what is left of it
        return _span(base, date(year, 12, 31), "day")
    return _with_third(f"{year:04d}", phrase.third, year, None)


def _counted(unit: str, count: int, sign: int, base: date) -> When:
    """"two weeks ago", "in a few months": exact for days, approximate otherwise."""
    low, high = few_range(unit) if count == FEW else (count, count)
    near, far = _shift(base, unit, sign * low), _shift(base, unit, sign * high)
    first, last = sorted((near, far))
    if unit == "day":
        return When(first.isoformat()) if first == last else _span(first, last, "day")
    if unit == "week":
        pad = timedelta(days=0 if count == FEW else 3)
        return _span(first - pad, last + pad, "day")
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
