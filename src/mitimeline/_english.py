"""Everyday English dates, rewritten as EDTF text.

:func:`english_to_edtf` returns the EDTF string for phrases such as "September 2020",
"Sep 6, 2020", "6 September 2020", "early October 2020", "autumn 2020", "c. 2019",
"2020-09-06 to 2020-10-05", or ``None`` when it does not recognise the phrase. It never
guesses a missing year or invents a day: precision stays what the text says.
"""

from __future__ import annotations

import calendar
import re

from ._edtf import parse_edtf

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

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_THIRD = r"(?P<third>early|mid|late|beginning\s+of|start\s+of|middle\s+of|end\s+of)[\s-]*"

_SINGLE_FORMS = [
    ("day_month_year", re.compile(_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR)),
    ("month_day_year", re.compile(_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR)),
    ("third_month", re.compile(_THIRD + _MONTH + r",?\s+" + _YEAR)),
    ("third_year", re.compile(_THIRD + _YEAR)),
    ("month_year", re.compile(_MONTH + r",?\s+(?:of\s+)?" + _YEAR)),
    ("season", re.compile(r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + _YEAR)),
    ("iso_datetime",
     re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})[ t](?P<time>\d{2}:\d{2}(?::\d{2})?)")),
]
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
