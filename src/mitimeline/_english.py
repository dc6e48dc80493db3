"""Everyday English dates, rewritten as EDTF text.

:func:`english_to_edtf` returns the EDTF string for phrases such as "September 2020",
"Sep 6, 2020", "6 September 2020", "early October 2020", "autumn 2020", "c. 2019",
"2020-09-06 to 2020-10-05", "Q1 2021", "first half of 2021", "southern winter 2021",
"Christmas 2020", "before Christmas 2020", "no earlier than 2021", "on 3, 5 and 9 October
2020", "June or August 2020", or ``None`` when it does not recognise the phrase. It never
guesses a missing year or invents a day: precision stays what the text says.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.easter import easter  # type: ignore[import-untyped]

from ._edtf import parse_edtf, parse_plain

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9

SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
"""Day ranges of the thirds of a month; ``late`` is clipped to the month's length."""

YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

HEMISPHERE_SEASONS = {
    ("northern", 21): 25, ("northern", 22): 26, ("northern", 23): 27, ("northern", 24): 28,
    ("southern", 21): 29, ("southern", 22): 30, ("southern", 23): 31, ("southern", 24): 32,
}
"""(hemisphere, season 21-24) -> EDTF's season of that hemisphere (25-32)."""

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "last": 0}
"""An ordinal word; ``last`` as 0, resolved against the count of parts."""

HOLIDAYS = ("christmas", "christmas day", "christmas eve", "boxing day", "new year's day",
            "new year's eve", "easter", "easter sunday", "thanksgiving")
"""The holidays :func:`holiday` knows, by their English names (Thanksgiving: the US one)."""

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_THIRD = r"(?P<third>early|mid|late|beginning\s+of|start\s+of|middle\s+of|end\s+of)[\s-]*"

_ORDINAL = r"(?P<ordinal>" + "|".join(_ORDINALS) + r")"
_HOLIDAY = r"(?P<holiday>" + "|".join(sorted(HOLIDAYS, key=len, reverse=True)) + r")"

_SINGLE_FORMS = [
    ("quarter", re.compile(r"(?:the\s+)?(?:q(?P<q>[1-4])|" + _ORDINAL + r"\s+quarter)\s+(?:of\s+)?"
                           + _YEAR)),
    ("half", re.compile(r"(?:the\s+)?(?:h(?P<h>[12])|" + _ORDINAL + r"\s+half)\s+(?:of\s+)?"
                        + _YEAR)),
    ("hemisphere_season", re.compile(
        r"(?:the\s+)?(?P<hemisphere>northern|southern)(?:[\s-]+hemisphere)?\s+"
        r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + _YEAR)),
    ("holiday", re.compile(_HOLIDAY + r",?\s+(?:of\s+)?" + _YEAR)),
    ("day_month_year", re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR)),
    ("month_day_year", re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR)),
    ("third_month", re.compile(_THIRD + _MONTH + r",?\s+" + _YEAR)),
    ("third_year", re.compile(_THIRD + _YEAR)),
    ("month_year", re.compile(_MONTH + r",?\s+(?:of\s+)?" + _YEAR)),
    ("season", re.compile(r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + _YEAR)),
    ("iso_datetime",
     re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})[ t](?P<time>\d{2}:\d{2}(?::\d{2})?)")),
]

def _day_list(word: str) -> str:
    """Days "3, 5 and 9" (``word`` "and") or "3 or 5" (``word`` "or") as group ``days``."""
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    return rf"(?P<days>{day}(?:\s*,\s*{day})*,?\s+(?:{word})\s+{day})"


def _days_of_month(word: str) -> list[re.Pattern[str]]:
    return [
        re.compile(r"(?:on\s+|either\s+)?" + _day_list(word) + r"\s+(?:of\s+)?" + _MONTH
                   + r",?\s+" + _YEAR),
        re.compile(r"(?:on\s+|either\s+)?" + _MONTH + r"\s+" + _day_list(word) + r",?\s+"
                   + _YEAR),
    ]


_MULTIPLE_DAYS = _days_of_month("and|&")
""""on 3, 5 and 9 October 2020", "October 3, 5 and 9, 2020": multiple dates."""
_ONE_OF_DAYS = _days_of_month("or")
""""on 3 or 5 October 2020", "October 3, 5 or 9, 2020": one of a set."""
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_ONE_OF_MONTHS = re.compile(
    rf"(?:in\s+|either\s+)?(?P<months>(?:{_MONTH_NAMES})\.?(?:\s*,\s*(?:{_MONTH_NAMES})\.?)*"
    rf",?\s+or\s+(?:{_MONTH_NAMES})\.?),?\s+" + _YEAR)
""""June or August 2020", "in May, June or July 2021": one of a set."""

_ON_OR_BEFORE = re.compile(r"(?:on\s+or\s+before|no\s+later\s+than|not\s+later\s+than|"
                           r"at\s+the\s+latest\s+(?:on|in|by)|by)\s+")
_BEFORE = re.compile(r"(?:before|prior\s+to)\s+")
_ON_OR_AFTER = re.compile(r"(?:on\s+or\s+after|no\s+earlier\s+than|not\s+earlier\s+than|"
                          r"not\s+before|at\s+the\s+earliest\s+(?:on|in))\s+")
_AFTER = re.compile(r"after\s+")

_THIRD_ALIASES = {
    "beginning of": "early", "start of": "early", "middle of": "mid", "end of": "late",
}

_APPROXIMATE = re.compile(
    r"^(?:c\.|ca\.|circa|around|about|approximately|approx\.|roughly|some\s+time\s+in)\s*"
)
_RANGE_SEPARATORS = re.compile(r"\s+(?:to|until|till|through|thru)\s+|\s*[–—]\s*|\s+-\s+")
_BETWEEN = re.compile(
    r"^(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|until|till|through)\s+(?P<b>.+)$"
)


def english_to_edtf(text: str) -> str | None:
    """Return EDTF for an everyday-English date phrase, or ``None`` if it is not one."""
    cleaned = " ".join(text.strip().lower().split()).rstrip(".")
    if not cleaned:
        return None
    bounded = _bounded(cleaned)
    if bounded is not None:
        return bounded
    for pattern in _MULTIPLE_DAYS:
        days = pattern.fullmatch(cleaned)
        if days:
            return _days_set(days, "{}")
    for pattern in _ONE_OF_DAYS:
        days = pattern.fullmatch(cleaned)
        if days:
            return _days_set(days, "[]")
    months = _ONE_OF_MONTHS.fullmatch(cleaned)
    if months:
        numbers = sorted({MONTHS[name.rstrip(".")]
                          for name in re.findall(r"[a-z]+\.?", months.group("months"))
                          if name.rstrip(".") in MONTHS})
        year = months.group("year")
        return "[" + ",".join(f"{year}-{number:02d}" for number in numbers) + "]"
    between = _BETWEEN.match(cleaned)
    if between:
        return _range(between.group("a"), between.group("b"))
    parts = _RANGE_SEPARATORS.split(cleaned)
    if len(parts) == 2:
        return _range(parts[0], parts[1])
    return _single(cleaned)


def _range(first: str, second: str) -> str | None:
    ends = []
    for part in (first, second):
        edtf = _single(part) or _plain_edtf(part)
        if edtf is None or ("/" in edtf and not _is_third(edtf)):
            return None
        ends.append(edtf)
    start = ends[0].split("/")[0] if "/" in ends[0] else ends[0]
    end = ends[1].split("/")[-1] if "/" in ends[1] else ends[1]
    try:
        parse_edtf(f"{start}/{end}")
    except ValueError:
        return None
    return f"{start}/{end}"


def _bounded(text: str) -> str | None:
    """"before X" / "no later than X" / "after X" / "no earlier than X" as one of a set open
    at one end (``[..d]``, ``[d..]``); "before X" ends the day (month, year) before X."""
    for pattern, after, strict in ((_ON_OR_BEFORE, False, False), (_BEFORE, False, True),
                                   (_ON_OR_AFTER, True, False), (_AFTER, True, True)):
        match = pattern.match(text)
        if match is None:
            continue
        inner = _single(text[match.end():]) or _plain_edtf(text[match.end():])
        if inner is None or "/" in inner or inner[:1] in "[{":
            return None
        end = _end_for_set(inner, after, strict)
        if end is None:
            return None
        return f"[{end}..]" if after else f"[..{end}]"
    return None


def _end_for_set(edtf: str, after: bool, strict: bool) -> str | None:
    """The plain date a set's open range ends at: ``edtf`` itself, or for ``strict`` ("before",
    "after") its neighbour at the same precision; a day for anything but a plain date."""
    plain = parse_plain(edtf)
    try:
        if plain is not None and plain.edtf[-1] not in "?~%" and plain.moment is None:
            if not strict:
                return plain.edtf
            if plain.precision == "year":
                year = int(edtf) + (1 if after else -1)
                return f"{year:04d}" if 1 <= year <= 9999 else None
            if plain.precision == "month":
                nearby = (plain.upper + timedelta(days=1) if after
                          else plain.lower - timedelta(days=1))
                return nearby.isoformat()[:7]
        parsed = parse_edtf(edtf)
        if after:
            return (parsed.upper + timedelta(days=1) if strict else parsed.lower).isoformat()
        return (parsed.lower - timedelta(days=1) if strict else parsed.upper).isoformat()
    except (OverflowError, ValueError):  # beyond year 1 or 9999: not a date we can hold
        return None


def _days_set(match: re.Match[str], brackets: str) -> str | None:
    """``{...}`` (``brackets``) for "3, 5 and 9 October 2020", ``[...]`` for "3 or 5 October
    2020"; None when a day does not exist."""
    year, month = int(match.group("year")), MONTHS[match.group("month")]
    days = [int(day) for day in re.findall(r"\d{1,2}", match.group("days"))]
    try:
        texts = [date(year, month, day).isoformat() for day in days]
    except ValueError:
        return None
    return brackets[0] + ",".join(texts) + brackets[1]


def holiday(name: str, year: int) -> date:
    """The day of holiday ``name`` (one of :data:`HOLIDAYS`) in ``year``: Christmas, Easter
    (Western, ``dateutil.easter``), US Thanksgiving (the fourth Thursday of November), ..."""
    if name.startswith("easter"):
        sunday: date = easter(year)
        return sunday
    if name == "thanksgiving":
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    month, day = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                  "boxing day": (12, 26), "new year's day": (1, 1),
                  "new year's eve": (12, 31)}[name]
    return date(year, month, day)


def _is_third(edtf: str) -> bool:
    return edtf.count("/") == 1 and edtf.endswith("~")


def _plain_edtf(text: str) -> str | None:
    try:
        return parse_edtf(text.upper()).edtf if "/" not in text else None
    except ValueError:
        return None


def _single(text: str) -> str | None:
    qualifier = ""
    if text.endswith("?"):
        text, qualifier = text[:-1].rstrip(), "?"
    approximate = _APPROXIMATE.match(text)
    if approximate:
        text = text[approximate.end():]
        qualifier = "%" if qualifier else "~"
    for name, pattern in _SINGLE_FORMS:
        match = pattern.fullmatch(text)
        if match:
            return _render(name, match, qualifier)
    if qualifier:
        plain = _plain_edtf(text)
        if plain is not None and plain[-1] not in "?~%" and "T" not in plain:
            return plain + qualifier
    return None


def _render(form: str, match: re.Match[str], qualifier: str) -> str | None:
    groups = match.groupdict()
    year = groups.get("year")
    month = MONTHS.get(groups.get("month") or "", 0)
    if form in ("quarter", "half"):
        if qualifier:
            return None  # EDTF does not qualify its sub-year groupings 25-41
        parts = 4 if form == "quarter" else 2
        number = int(groups["q" if form == "quarter" else "h"] or 0) or _ORDINALS[
            groups["ordinal"] or ""] or parts
        if number > parts:
            return None
        return f"{year}-{(33 if parts == 4 else 40) + number - 1}"
    if form == "hemisphere_season":
        season = HEMISPHERE_SEASONS[(groups["hemisphere"], SEASONS[groups["season"]])]
        return None if qualifier else f"{year}-{season}"
    if form == "holiday":
        if year is None or not 1 <= int(year) <= 9999:
            return None
        return holiday(groups["holiday"], int(year)).isoformat() + qualifier
    if form in ("day_month_year", "month_day_year"):
        return f"{year}-{month:02d}-{int(groups['day']):02d}{qualifier}"
    if form == "month_year":
        return f"{year}-{month:02d}{qualifier}"
    if form == "season":
        return f"{year}-{SEASONS[groups['season']]}{qualifier}"
    if form == "iso_datetime":
        time = groups["time"] if groups["time"].count(":") == 2 else groups["time"] + ":00"
        return None if qualifier else f"{groups['date']}T{time}"
    third = " ".join(groups["third"].split())
    third = _THIRD_ALIASES.get(third, third)
    mark = "%" if qualifier in ("?", "%") else "~"
    if form == "third_month":
        first, last = THIRDS[third]
        last = min(last, calendar.monthrange(int(year or 1), month)[1])
        return f"{year}-{month:02d}-{first:02d}{mark}/{year}-{month:02d}-{last:02d}{mark}"
    first, last = YEAR_THIRDS[third]
    return f"{year}-{first:02d}{mark}/{year}-{last:02d}{mark}"
