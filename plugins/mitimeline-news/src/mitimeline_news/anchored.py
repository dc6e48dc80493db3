"""What an expression counted from an earlier date of the text means: "two days later",
"the following week", "il giorno dopo", "zwei Tage später", "am 24.".

One mechanism for every language: the ``anchored`` patterns of each language's
:class:`.languages.TimexWords` find the expressions (:mod:`.timex`), the tagger picks
the date each counts from (:func:`.tagger.find_dates`), and :func:`resolve_anchored`
says what it means, with the answers its docstring states.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from mitimeline import When

from .dates.names import _norm
from .dates.phrase import FEW, few_range
from .languages import LEXICONS, Lexicon
from .timex import Timex, _add_months, _int, shift_months

__all__ = ["anchored_unit", "resolve_anchored", "same_time"]


def resolve_anchored(timex: Timex, language: str, ref: When | None) -> When | None:
    """"two days later", "the following week", "am Tag danach", "il giorno dopo", "the same
    period last year": counted from ``ref``, in one way for every language.

    A count of days or weeks from a day is that day ("two days later", "a week later");
    from a wider date (a month) it is that date moved, approximate. A count of months or
    years from whole months, quarters or years keeps that precision ("a year earlier" than
    February 2013 is February 2012); from a day it is about that month or year ("four
    months later" than 4 May 2015 is about September 2015, "a year later" about 2016). A
    vague count ("a few days later") is the approximate span of two to
    five units. A step ("the next day", "the following week", "the same month") is that
    unit of the calendar next to (or at) the anchor's; "the next day" needs a day. A
    day of the month ("am 24.") is that day of the anchor's month.
    """
    if ref is None:
        return None
    lexicon = LEXICONS[language]
    unit = anchored_unit(timex, lexicon)
    if timex.group("yearback"):
        return shift_months(ref, -12)
    if timex.group("ending"):  # "the quarter ended Sept. 30": the months up to that day
        return _ending(unit, ref)
    if timex.group("dom"):  # "am 24.": that day of the anchor's month
        try:
            return When(ref.lower.replace(day=int(timex.group("dom") or 1)).isoformat())
        except ValueError:  # "am 31." of a month of 30 days
            return None
    count = _count(timex, lexicon)
    if count is not None:
        return _counted_from(ref, unit, count, -1 if timex.group("earlier") else 1)
    if timex.group("n"):
        return None
    step = _step(timex, lexicon)
    if unit == "day":
        if ref.lower == ref.upper:
            return When((ref.lower + timedelta(days=step)).isoformat())
        return ref if not step else None  # "the next day" after a month: no particular day
    if unit == "week":
        monday = ref.lower - timedelta(days=ref.lower.weekday()) + timedelta(weeks=step)
        return When(f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}")
    if unit == "weekend":
        saturday = ref.lower - timedelta(days=ref.lower.weekday()) + timedelta(weeks=step,
                                                                                days=5)
        return When(f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}")
    if unit == "month":
        day = _add_months(ref.lower, step)
        return When(f"{day.year:04d}-{day.month:02d}")
    if unit == "year":
        return When(f"{ref.lower.year + step:04d}")
    return None


def _ending(unit: str, ref: When) -> When | None:
    """The quarter, half, year or month that ends on the day ``ref``."""
    months = {"quarter": 3, "half": 6, "year": 12, "month": 1}.get(unit)
    if months is None or ref.lower != ref.upper:
        return None
    day = ref.lower
    if day.day == calendar.monthrange(day.year, day.month)[1]:  # whole months
        first = _add_months(day.replace(day=1), 1 - months)
    else:
        first = _add_months(day, -months) + timedelta(days=1)
    return When(f"{first.isoformat()}/{day.isoformat()}")


def _counted_from(ref: When, unit: str, count: int, sign: int) -> When | None:
    """``count`` units (:data:`.dates.FEW`: as many as :func:`.dates.phrase.few_range`
    says) after (``sign`` 1) or before (-1) ``ref``, at the precision
    :func:`resolve_anchored` states."""
    if unit not in ("day", "week", "month", "year"):
        return None
    low, high = few_range(unit) if count == FEW else (count, count)
    near_low, near_high = _shift(ref.lower, unit, sign * low), _shift(ref.upper, unit, sign * low)
    far_low, far_high = _shift(ref.lower, unit, sign * high), _shift(ref.upper, unit, sign * high)
    first, last = min(near_low, far_low), max(near_high, far_high)
    if unit in ("day", "week"):
        if first == last:
            return When(first.isoformat())
        return When(f"{first.isoformat()}~/{last.isoformat()}~")
    whole_months = ref.lower.day == 1 and \
        ref.upper.day == calendar.monthrange(ref.upper.year, ref.upper.month)[1]
    if count != FEW and whole_months:
        return shift_months(ref, sign * count * (12 if unit == "year" else 1))
    if unit == "year":
        if first.year == last.year:
            return When(f"{first.year:04d}~")
        return When(f"{first.year:04d}~/{last.year:04d}~")
    if (first.year, first.month) == (last.year, last.month):
        return When(f"{first.year:04d}-{first.month:02d}~")
    return When(f"{first.year:04d}-{first.month:02d}~/{last.year:04d}-{last.month:02d}~")


def _shift(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` days, weeks, months or years (a month keeps the day, clipped)."""
    if unit in ("day", "week"):
        return day + timedelta(days=count * (7 if unit == "week" else 1))
    return _add_months(day, count * (12 if unit == "year" else 1))


def anchored_unit(timex: Timex, lexicon: Lexicon) -> str:
    """The unit an anchored expression counts in: "day", "week", "month", ... (a German
    genitive "tags", "jahrs" is its noun's)."""
    word = _norm(timex.group("unit") or "")
    if not word:  # "l'indomani"
        return "day"
    unit = lexicon.timex.units.get(word) or lexicon.units.get(word) \
        or lexicon.units.get(word.removesuffix("s"))
    if unit is None:
        return "weekend" if word == "weekend" else "period"
    return unit


def _count(timex: Timex, lexicon: Lexicon) -> int | None:
    """The count of "two days later" (:data:`.dates.FEW` for "a few"), ``None`` without one."""
    word = _norm(timex.group("n") or "")
    if not word:
        return None
    if word in lexicon.few:
        return FEW
    return _int(word) or lexicon.numbers.get(word)


def _step(timex: Timex, lexicon: Lexicon) -> int:
    """How many units from the anchor without a count: 1 "later"/"after", -1 "earlier", or
    the step word's ("following" 1, "same" 0)."""
    if timex.group("later"):
        return 1
    if timex.group("earlier"):
        return -1
    return lexicon.timex.steps.get(_norm(timex.group("step") or "same"), 0)


def same_time(timex: Timex, language: str) -> bool:
    """Does an anchored expression name its anchor's own time ("the same day", "that week",
    "am selben Tag", "for the day"), so that with no earlier date it can only be the
    publication's?"""
    if timex.group("n") or timex.group("later") or timex.group("earlier") \
            or timex.group("yearback"):
        return False
    step = timex.group("step")
    return step is None or LEXICONS[language].timex.steps.get(_norm(step)) == 0
