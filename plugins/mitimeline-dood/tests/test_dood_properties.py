"""Hypothesis: whatever the schedule, a day-out-of-days starts each worked person exactly
once, counts exactly their work events, and keeps its totals consistent."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from mitimeline import Event, Timeline

from mitimeline_dood import CODES, day_out_of_days
from mitimeline_dood.codes import DROP, PICKUP, PICKUP_FINISH, START, START_FINISH, WORK_CODES

BASE = date(2024, 1, 1)
PEOPLE = ("Ann", "Bo", "Cy", "Di", "Ed")
SPAN = 60

days = st.sets(st.integers(0, SPAN - 1), max_size=25)


@st.composite
def schedules(draw: st.DrawFn) -> tuple[Timeline, dict[str, int]]:
    """A random schedule: one shoot event per day crediting who works it, some days off,
    moves and personal travel; and each person's number of work events."""
    work = {name: draw(days) for name in draw(st.lists(st.sampled_from(PEOPLE), min_size=1,
                                                        max_size=5, unique=True))}
    events = []
    for offset in sorted(set().union(*work.values())):
        people = [name for name, worked in work.items() if offset in worked]
        events.append(Event(id=f"day-{offset}", title="Shoot", kind="shoot",
                            when=BASE + timedelta(days=offset), people=people))
    for offset in draw(days):
        events.append(Event(id=f"off-{offset}", title="Off", kind="hiatus",
                            when=BASE + timedelta(days=offset)))
    for offset in draw(st.sets(st.integers(0, SPAN - 1), max_size=3)):
        events.append(Event(id=f"move-{offset}", title="Move", kind="move",
                            when=BASE + timedelta(days=offset),
                            people=draw(st.lists(st.sampled_from(sorted(work)), unique=True))))
    for name in work:
        for offset in draw(st.sets(st.integers(0, SPAN - 1), max_size=3)):
            tag = draw(st.sampled_from(["travel", "rehearsal", "fitting"]))
            events.append(Event(id=f"{tag}-{name.lower()}-{offset}", title=tag, kind="other",
                                tags=[tag], when=BASE + timedelta(days=offset), people=[name]))
    return Timeline(events=events), {name: len(worked) for name, worked in work.items()}


@given(schedules(), st.one_of(st.none(), st.integers(1, 30)))
def test_one_start_per_worked_person_and_work_totals_count_work_events(
    schedule: tuple[Timeline, dict[str, int]], drop_days: int | None
) -> None:
    timeline, work_events = schedule
    grid = day_out_of_days(timeline, drop_days=drop_days)
    listed = {row.name: row for row in grid.rows}
    for name, count in work_events.items():
        if count == 0:
            continue
        row = listed[name]
        assert row.cells.count(START) + row.cells.count(START_FINISH) == 1, row
        assert row.totals.work == count, row
        assert row.cells.count(PICKUP) + row.cells.count(PICKUP_FINISH) <= 1, row
        assert row.cells.count(DROP) <= 1, row
    for row in grid.rows:
        assert set(row.cells) <= set(CODES) | {""}
        totals = row.totals
        assert totals.total == (totals.work + totals.travel + totals.rehearsal
                                + totals.fitting + totals.hold + totals.holiday)
        if work_events.get(row.name, 0) == 0:
            assert totals.work == totals.hold == totals.idle == 0
    assert sum(grid.working) == sum(row.totals.work for row in grid.rows)
    for index, count in enumerate(grid.working):
        assert count == sum(row.cells[index] in WORK_CODES for row in grid.rows)
