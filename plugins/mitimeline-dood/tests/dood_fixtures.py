"""Three schedules built as mitimeline timelines, each with its day-out-of-days worked out
by hand (docs/production-office.md explains every code).

Expected rows are written a week to a string, Sunday to Saturday as the industry prints
them, ``.`` for an empty cell; :func:`cells` turns them into the grid's cell tuple.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import mitimeline
from mitimeline import Event, Place, Timeline

LA = Place("Stage 5", locality="Los Angeles", country="US")
LEEDS = Place("Studio 2", locality="Leeds", country="GB")


def cells(*weeks: str) -> tuple[str, ...]:
    """``"TR SW W . /"`` week strings → the cell tuple (``.`` is an empty cell)."""
    return tuple("" if token == "." else token for week in weeks for token in week.split())


def day_range(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def shoot_days(schedule: dict[date, list[tuple[str, str]]], boards: dict[str, int],
               place: Place, prefix: str = "day") -> list[Event]:
    """One ``shoot`` event per day, crediting the people who work that day, with the board
    numbers of the cast it credits in ``extra``."""
    events = []
    for number, (day, people) in enumerate(sorted(schedule.items()), start=1):
        names = {name for name, _role in people}
        extra: dict[str, Any] = {"board_numbers": {n: b for n, b in boards.items()
                                                   if n in names}}
        events.append(Event(id=f"{prefix}-{number}", title=f"Shoot day {number}",
                            kind="shoot", when=day, place=place, people=people,
                            extra=extra if extra["board_numbers"] else {},
                            sources=["call-sheets"]))
    return events


def _schedule(workers: dict[tuple[str, str], Iterable[date]]) -> dict[date, list[tuple[str, str]]]:
    by_day: dict[date, list[tuple[str, str]]] = {}
    for person, days in workers.items():
        for day in days:
            by_day.setdefault(day, []).append(person)
    return by_day


SOURCES = [mitimeline.Source("call-sheets", "Call sheets", publisher="Production office")]

# -- 1. a five-day shoot ----------------------------------------------------------------

MON = date(2024, 3, 4)
WEEK = day_range(MON, MON + timedelta(days=4))
FIVE_DAY = Timeline(
    title="Five-day shoot",
    sources=SOURCES,
    events=shoot_days(_schedule({
        ("Ava Stone", "actor"): WEEK,
        ("Ben Cole", "actor"): WEEK[0::2],
        ("Cy Diaz", "stunt performer"): [WEEK[3]],
        ("Dee Park", "director"): WEEK,
    }), {"Ava Stone": 1, "Ben Cole": 2}, LA),
)
FIVE_DAY_EXPECTED = {
    "days": tuple(WEEK),
    "company": cells(". . . . ."),
    "shoot_days": (1, 2, 3, 4, 5),
    "working": (3, 2, 3, 3, 3),
    "drop_days": 10,  # every event is in the US
    "rows": [
        # name, board, cells, (work, travel, rehearsal, fitting, hold, holiday, idle,
        # possible, total)
        ("Ava Stone", 1, cells("SW W W W WF"), (5, 0, 0, 0, 0, 0, 0, 0, 5)),
        ("Ben Cole", 2, cells("SW H W H WF"), (3, 0, 0, 0, 2, 0, 0, 0, 5)),
        ("Cy Diaz", None, cells(". . . SWF ."), (1, 0, 0, 0, 0, 0, 0, 0, 1)),
        ("Dee Park", None, cells("SW W W W WF"), (5, 0, 0, 0, 0, 0, 0, 0, 5)),
    ],
}

# -- 2. a forty-day shoot: weekends and a holiday off, travel, a move, drops ------------

JAN6 = date(2025, 1, 6)
HOLIDAY = date(2025, 2, 17)
LAST = date(2025, 3, 3)
WORK_DAYS = [d for d in day_range(JAN6, LAST) if d.isoweekday() <= 5 and d != HOLIDAY]
assert len(WORK_DAYS) == 40


def _between(first: date, last: date) -> list[date]:
    return [d for d in WORK_DAYS if first <= d <= last]


def _forty_day() -> Timeline:
    ben = _between(JAN6, date(2025, 1, 10)) + _between(date(2025, 2, 24), LAST)
    cy = (_between(date(2025, 1, 13), date(2025, 1, 17))
          + _between(date(2025, 1, 27), date(2025, 1, 31)) + [date(2025, 2, 10)])
    eve = [date(2025, 1, 8), date(2025, 1, 29), date(2025, 2, 26)]
    events = shoot_days(_schedule({
        ("Ava Stone", "actor"): WORK_DAYS,
        ("Ben Cole", "actor"): ben,
        ("Cy Diaz", "actor"): cy,
        ("Dee Park", "director"): WORK_DAYS,
        ("Eve Hart", "stunt performer"): eve,
    }), {"Ava Stone": 1, "Ben Cole": 2, "Cy Diaz": 3}, LEEDS)
    saturdays = [d for d in day_range(date(2025, 1, 4), LAST) if d.isoweekday() == 6]
    events += [Event(id=f"weekend-{n}", title="Weekend", kind="hiatus",
                     when=f"{sat}/{sat + timedelta(days=1)}", sources=["call-sheets"])
               for n, sat in enumerate(saturdays, start=1)]
    events += [
        Event(id="bank-holiday", title="Bank holiday", kind="hiatus", when=HOLIDAY,
              sources=["call-sheets"]),
        Event(id="ava-flies-in", title="Ava Stone flies in", kind="other", tags=["travel"],
              when="2025-01-05", people=[("Ava Stone", "actor")], sources=["call-sheets"]),
        Event(id="ben-rehearsal", title="Read-through", kind="other", tags=["Rehearsal"],
              when="2025-01-04", people=[("Ben Cole", "actor")], sources=["call-sheets"]),
        Event(id="cy-fitting", title="Costume fitting", kind="other", tags=["fitting"],
              when="2025-01-10", people=[("Cy Diaz", "actor")], sources=["call-sheets"]),
        Event(id="ben-fitting", title="Costume fitting", kind="other", tags=["fitting"],
              when="2025-02-21", people=[("Ben Cole", "actor")], sources=["call-sheets"]),
        Event(id="move-to-york", title="Company moves to York", kind="move",
              when="2025-02-01", people=[("Ava Stone", "actor")], sources=["call-sheets"],
              place=Place("York", country="GB")),
    ]
    return Timeline(title="Forty-day shoot", sources=SOURCES, events=events)


FORTY_DAY = _forty_day()
FORTY_DAY_EXPECTED = {
    "days": tuple(day_range(date(2025, 1, 4), LAST)),
    # weeks:       Sat 4 | Sun 5 ... Sat 11 | 12-18 | 19-25 | 26-Feb 1 | 2-8 | 9-15 |
    #              16-22 | 23-Mar 1 | Mar 2-3
    "company": cells("/", "/ . . . . . /", "/ . . . . . /", "/ . . . . . /", "/ . . . . . M",
                     "/ . . . . . /", "/ . . . . . /", "/ / . . . . /", "/ . . . . . /",
                     "/ ."),
    "working": tuple(int(n) for n in " ".join([
        "0", "0 3 3 4 3 3 0", "0 3 3 3 3 3 0", "0 2 2 2 2 2 0", "0 3 3 4 3 3 0",
        "0 2 2 2 2 2 0", "0 3 2 2 2 2 0", "0 0 2 2 2 2 0", "0 3 3 4 3 3 0", "0 3"]).split()),
    "drop_days": 14,  # shot in Great Britain
    "rows": [
        ("Ava Stone", 1, cells(".", "TR SW W W W W /", "/ W W W W W /", "/ W W W W W /",
                               "/ W W W W W TR", "/ W W W W W /", "/ W W W W W /",
                               "/ / W W W W /", "/ W W W W W /", "/ WF"),
         (40, 2, 0, 0, 0, 16, 0, 0, 58)),
        # dropped after 10 January (44 days to the pick-up on 24 February)
        ("Ben Cole", 2, cells("R", ". SW W W W W D", ". . . . . . .", ". . . . . . .",
                              ". . . . . . .", ". . . . . . .", ". . . . . . .",
                              ". . . . . FT .", ". PW W W W W /", "/ WF"),
         (11, 0, 1, 1, 0, 2, 43, 0, 15)),
        # gaps of 9 days: held, not dropped; on the company move day held too
        ("Cy Diaz", 3, cells(".", ". . . . . FT .", ". SW W W W W /", "/ H H H H H /",
                             "/ W W W W W H", "/ H H H H H /", "/ WF . . . . .",
                             ". . . . . . .", ". . . . . . .", ". ."),
         (11, 0, 0, 1, 11, 7, 0, 0, 30)),
        ("Dee Park", None, cells(".", ". SW W W W W /", "/ W W W W W /", "/ W W W W W /",
                                 "/ W W W W W H", "/ W W W W W /", "/ W W W W W /",
                                 "/ / W W W W /", "/ W W W W W /", "/ WF"),
         (40, 0, 0, 0, 1, 16, 0, 0, 57)),
        # two long gaps: only the first is a drop (once per production), the second holds
        ("Eve Hart", None, cells(".", ". . . SW D . .", ". . . . . . .", ". . . . . . .",
                                 ". . . PW H H H", "/ H H H H H /", "/ H H H H H /",
                                 "/ / H H H H /", "/ H H WF . . .", ". ."),
         (3, 0, 0, 0, 19, 8, 20, 0, 30)),
    ],
}

# -- 3. edge cases ----------------------------------------------------------------------

EDGE = Timeline(
    title="Edge cases",
    sources=SOURCES,
    events=[
        Event(id="block", title="Three-day block", kind="shoot", when="2024-05-01/2024-05-03",
              people=[("Ann Lee", "actor")], extra={"board_numbers": {"Ann Lee": 1}},
              place=LA, sources=["call-sheets"]),
        Event(id="weekend", title="Weekend", kind="hiatus", when="2024-05-04/2024-05-05",
              sources=["call-sheets"]),
        # work on a company day off; the name in another case is the same person
        Event(id="saturday-pickup-shot", title="Pick-up shot", kind="stunt",
              when="2024-05-04", people=[("ann lee", "actor")], place=LA),
        # a move and work on one day: the work wins the cell, the column says M
        Event(id="move", title="Company move", kind="move", when="2024-05-06",
              people=[("Ann Lee", "actor")], place=LA),
        Event(id="night-shot", title="Night shot", kind="shoot", when="2024-05-06T22:00:00Z",
              people=[("Ann Lee", "actor")], place=LA),
        Event(id="cancelled", title="Cancelled day", kind="shoot", when="2024-05-07",
              status="cancelled", people=[("Ann Lee", "actor")], place=LA),
        # travel on the first day of the drop: D goes on the next free day
        Event(id="flies-home", title="Ann flies home", kind="other", tags=["travel"],
              when="2024-05-07", people=[("Ann Lee", "actor")], place=LA),
        # picked up on the last day: PWF
        Event(id="reshoot", title="Reshoot", kind="shoot", when="2024-05-20",
              people=[("Ann Lee", "actor")], place=LA),
        Event(id="cat-day", title="Director's day", kind="shoot", when="2024-05-02",
              people=[("Cat Moe", "director")], place=LA),
        # not day-exact: unplaceable (W? with probable=True)
        Event(id="bob-stunts", title="Stunt days, some time in May", kind="stunt",
              when="2024-05~", people=[("Bob Ray", "stunt performer")], place=LA,
              sources=["call-sheets", "not-a-source"]),
        Event(id="cat-maybe", title="Second-unit day", kind="shoot", when="2024-05-03~",
              people=[("Cat Moe", "director")], place=LA),
        Event(id="announcement", title="Press day", kind="announcement", when="2024-05-09",
              people=[("Ann Lee", "actor")]),
    ],
)
EDGE_EXPECTED = {
    "days": tuple(day_range(date(2024, 5, 1), date(2024, 5, 20))),
    # weeks: Wed 1 - Sat 4 | Sun 5 - Sat 11 | 12 - 18 | Sun 19 - Mon 20
    "company": cells(". . . /", "/ M . . . . .", ". . . . . . .", ". ."),
    "shoot_days": (1, 2, 3, 4, None, 5, *[None] * 13, 6),
    "working": (1, 2, 1, 1, 0, 1, *[0] * 13, 1),
    "drop_days": 10,
    "rows": [
        ("Ann Lee", 1, cells("SW W W W", "/ W TR D . . .", ". . . . . . .", ". PWF"),
         (6, 1, 0, 0, 0, 1, 12, 0, 8)),
        ("Bob Ray", None, cells(". . . .", ". . . . . . .", ". . . . . . .", ". ."),
         (0, 0, 0, 0, 0, 0, 0, 0, 0)),
        ("Cat Moe", None, cells(". SWF . .", ". . . . . . .", ". . . . . . .", ". ."),
         (1, 0, 0, 0, 0, 0, 0, 0, 1)),
    ],
}
EDGE_PROBABLE_ROWS = {
    # May 1 (Wed) to 31 (Fri): Bob's possible days reach the end of May
    "Bob Ray": cells("W? W? W? W?", *["W? W? W? W? W? W? W?"] * 3, "W? W? W? W? W? W?"),
    "Cat Moe": cells(". SWF W? .", *[". . . . . . ."] * 3, ". . . . . ."),
    "Ann Lee": cells("SW W W W", "/ W TR D . . .", ". . . . . . .", ". PWF . . . . .",
                     ". . . . . ."),
}

# -- hostile text --------------------------------------------------------------------

HOSTILE_NAME = "=HYPERLINK(\"x\")<script>alert(1)</script> & \"Bo\""
HOSTILE = Timeline(
    title="<b>Title</b> & <!-- x --> </table>",
    events=[Event(id="a", title="<img src=x onerror=alert(1)>", kind="shoot",
                  when="2024-01-02", people=[(HOSTILE_NAME, "<i>role</i>")], place=LA),
            Event(id="b", title="-2+3 & <u>later</u>", kind="shoot", when="2024-01~",
                  people=[("@SUM(A1)", None)], place=LA)],
)
