"""Generated calendars of the three shapes of issue 16, built at run time (no data copied).

Each mimics what Apple Calendar exports (VALARMs, X-APPLE-* properties, DTSTAMP/CREATED,
CRLF, folded lines), with made-up names:

- :func:`history_calendar`: ~100 KB, 431 yearly open-ended all-day series (historical
  anniversaries), nothing else;
- :func:`birthday_calendar`: ~414 KB, 1,321 yearly open-ended all-day series (birthdays);
- :func:`mixed_calendar`: ~1 MB, 714 series of a working life (weekly, monthly, yearly;
  timed in a TZID with its VTIMEZONE), a third finite (UNTIL or COUNT), some with EXDATEs
  and RECURRENCE-ID overrides, plus one-off events.

Deterministic: the same arguments give the same bytes.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

__all__ = ["SHAPES", "birthday_calendar", "history_calendar", "mixed_calendar"]

_HEAD = ("BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nVERSION:2.0\r\n"
         "X-WR-CALNAME:{name}\r\nPRODID:-//Apple Inc.//macOS 13.4//EN\r\n"
         "X-APPLE-CALENDAR-COLOR:#1BADF8\r\nX-WR-TIMEZONE:Europe/Berlin\r\n"
         "CALSCALE:GREGORIAN\r\n")
_BERLIN = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
DTSTART:19810329T020000
TZNAME:CEST
TZOFFSETTO:+0200
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
DTSTART:19961027T030000
TZNAME:CET
TZOFFSETTO:+0100
END:STANDARD
END:VTIMEZONE
""".replace("\n", "\r\n")
_NAMES = ("Anna", "Bernd", "Clara", "Dieter", "Eva", "Felix", "Greta", "Hans", "Ilse", "Jonas",
          "Karin", "Lukas", "Marta", "Nils", "Olga", "Paul", "Rita", "Stefan", "Tina", "Uwe")
_SURNAMES = ("Albers", "Brandt", "Conrad", "Dietz", "Engel", "Fuchs", "Graf", "Hahn", "Imhof",
             "Jung", "Kraus", "Lang", "Maier", "Neumann", "Otto", "Peters", "Roth", "Seidel")
_EVENTS = ("Treaty signed", "Battle fought", "City founded", "King crowned", "Bridge opened",
           "Revolution began", "Republic proclaimed", "Cathedral consecrated")


def _uid(rng: random.Random) -> str:
    digits = f"{rng.getrandbits(128):032X}"
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def _stamp(rng: random.Random) -> str:
    moment = datetime(2015, 1, 1) + timedelta(seconds=rng.randrange(8 * 365 * 86400))
    return moment.strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> str:
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start = [], 0
    while start < len(line):
        width = 75 if start == 0 else 74
        parts.append(line[start:start + width])
        start += width
    return "\r\n ".join(parts)


def _event(lines: list[str]) -> str:
    return "".join(_fold(line) + "\r\n" for line in ["BEGIN:VEVENT", *lines, "END:VEVENT"])


def _alarm(rng: random.Random) -> list[str]:
    return ["BEGIN:VALARM", f"X-WR-ALARMUID:{_uid(rng)}", f"UID:{_uid(rng)}",
            "TRIGGER;VALUE=DURATION:-PT15H", "ATTACH;VALUE=URI:Chord", "ACTION:AUDIO",
            "X-APPLE-DEFAULT-ALARM:TRUE", "END:VALARM"]


def _yearly(rng: random.Random, day: date, summary: str, extra: list[str],
            lean: bool = False) -> str:
    stamp = _stamp(rng)
    lines = [f"UID:{_uid(rng)}", "RRULE:FREQ=YEARLY", f"DTEND;VALUE=DATE:"
             f"{(day + timedelta(days=1)):%Y%m%d}", "TRANSP:TRANSPARENT", f"SUMMARY:{summary}",
             f"DTSTAMP:{stamp}", f"DTSTART;VALUE=DATE:{day:%Y%m%d}", "SEQUENCE:0", *extra]
    if not lean:
        lines[:0] = [f"CREATED:{stamp}", f"LAST-MODIFIED:{stamp}"]
    return _event(lines)


def history_calendar(series: int = 431, seed: int = 16) -> bytes:
    """~100 KB: ``series`` yearly open-ended all-day anniversaries from 1000 to 1990."""
    rng = random.Random(seed)
    parts = [_HEAD.format(name="History")]
    for _ in range(series):
        day = date(rng.randrange(1000, 1990), rng.randrange(1, 13), rng.randrange(1, 29))
        parts.append(_yearly(rng, day, f"{rng.choice(_EVENTS)} ({day.year})", [], lean=True))
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts).encode("utf-8")


def birthday_calendar(series: int = 1_321, seed: int = 17) -> bytes:
    """~414 KB: ``series`` yearly open-ended all-day birthdays (1930-2015), each with an
    alarm."""
    rng = random.Random(seed)
    parts = [_HEAD.format(name="Birthdays")]
    for _ in range(series):
        day = date(rng.randrange(1930, 2015), rng.randrange(1, 13), rng.randrange(1, 29))
        name = f"{rng.choice(_NAMES)} {rng.choice(_SURNAMES)}"
        parts.append(_yearly(rng, day, f"{name}'s birthday",
                             [f"X-APPLE-UNIVERSAL-ID:{_uid(rng)}"]))
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts).encode("utf-8")


def _timed(rng: random.Random, start: datetime, minutes: int, summary: str,
           rule: str | None, more: list[str]) -> list[str]:
    stamp = _stamp(rng)
    lines = [f"CREATED:{stamp}", f"UID:{_uid(rng)}"]
    if rule is not None:
        lines.append(f"RRULE:{rule}")
    lines += [f"DTEND;TZID=Europe/Berlin:{start + timedelta(minutes=minutes):%Y%m%dT%H%M%S}",
              "TRANSP:OPAQUE", "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
              f"SUMMARY:{summary}", f"LAST-MODIFIED:{stamp}", f"DTSTAMP:{stamp}",
              f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}", "SEQUENCE:1",
              f"LOCATION:Room {rng.randrange(100, 400)}\\, Building {rng.choice('ABCDE')}\\, "
              "Hauptstraße 12\\, 10115 Berlin",
              "DESCRIPTION:" + "Agenda: status\\, planning\\, questions. " * rng.randrange(7, 23),
              *more]
    return lines


def mixed_calendar(series: int = 714, singles: int = 120, seed: int = 18) -> bytes:
    """~1 MB: ``series`` yearly series from 2005 to 2019 (anniversaries, reviews, renewals;
    half of them timed in Europe/Berlin with its VTIMEZONE), one in six ending (UNTIL),
    one in twelve with EXDATEs and one in ten with RECURRENCE-ID overrides (a year moved);
    one in twenty is a finite weekly series (COUNT); and ``singles`` one-off events."""
    rng = random.Random(seed)
    parts = [_HEAD.format(name="Work"), _BERLIN]
    for index in range(singles):
        start = datetime(2010, 1, 4, 9) + timedelta(days=rng.randrange(9 * 365),
                                                    hours=rng.randrange(9))
        parts.append(_event(_timed(rng, start, 60, f"Appointment {index}", None,
                                   _alarm(rng))))
    for index in range(series):
        start = datetime(2005, 1, 3, 8) + timedelta(days=rng.randrange(14 * 365),
                                                    hours=rng.randrange(10))
        if rng.random() < 0.05:
            rule = f"FREQ=WEEKLY;COUNT={rng.randrange(3, 40)}"
            parts.append(_event(_timed(rng, start, 60, f"Course {index}", rule, _alarm(rng))))
            continue
        rule = "FREQ=YEARLY"
        if rng.random() < 1 / 6:
            rule += f";UNTIL={start.year + rng.randrange(1, 8)}{start:%m%d}T235959Z"
        more = _alarm(rng)
        if rng.random() < 1 / 12:
            more.append(f"EXDATE;TZID=Europe/Berlin:{start.year + rng.randrange(1, 4)}"
                        f"{start:%m%dT%H%M%S}")
        if rng.random() < 0.5:
            parts.append(_yearly(rng, start.date(), f"Anniversary {index}", more))
            continue
        lines = _timed(rng, start, rng.choice((30, 60, 90)), f"Yearly review {index}", rule,
                       more)
        parts.append(_event(lines))
        if rng.random() < 0.10:
            for year in sorted(rng.sample(range(1, 6), 2)):
                moved = start.replace(year=start.year + year)
                override = _timed(rng, moved + timedelta(days=1, hours=2), 60,
                                  f"Yearly review {index} (moved)", None, [])
                override[1] = lines[1]
                override.append(f"RECURRENCE-ID;TZID=Europe/Berlin:{moved:%Y%m%dT%H%M%S}")
                parts.append(_event(override))
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts).encode("utf-8")


SHAPES = {
    "history (431 yearly series)": history_calendar,
    "birthdays (1,321 yearly series)": birthday_calendar,
    "mixed (714 series, UNTIL, overrides)": mixed_calendar,
}
"""The three calendars of issue 16, by description."""
