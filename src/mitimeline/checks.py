"""Checks over a whole timeline: ``validate()`` findings and the ``conflicts()`` sweep.

Both return records instead of raising, so a notebook can show every problem at once.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

import attrs

from .model import Event, Place

if TYPE_CHECKING:
    from .timeline import Timeline

__all__ = ["Conflict", "Finding", "find_conflicts", "validate"]

SEVERITIES = ("error", "warning", "info")


@attrs.frozen
class Finding:
    """One problem found by :meth:`Timeline.validate`.

    ``code`` is a stable slug (``"duplicate-event-id"``, ``"unknown-source"``,
    ``"end-before-start"``, ``"duplicate-source-id"``, ``"unsourced-event"``,
    ``"unused-source"``, and from claims ``"contradiction"``, ``"rescheduled"``,
    ``"place-variant"``, ``"outside-claim"``); ``event`` and ``field`` locate it when they
    apply, and ``position`` (the event's index in ``Timeline.events``) is set when the
    event's id is not unique, so the id alone does not say which event it is.
    """

    severity: str = attrs.field(validator=attrs.validators.in_(SEVERITIES))
    code: str
    message: str
    event: str | None = None
    field: str | None = None
    position: int | None = None

    def __str__(self) -> str:
        at = f" (events[{self.position}])" if self.position is not None else ""
        where = f"{self.event}{at}: " if self.event else ""
        return f"{self.severity}: {where}{self.message} [{self.code}]"


@attrs.frozen
class Conflict:
    """The same ``person`` booked at two different places at overlapping times.

    ``certain`` is True when both dates are exact (day or time precision, not approximate or
    uncertain, not one of a set; multiple dates whose members are all days are exact, and
    collide only on their days); otherwise the overlap is only possible.
    """

    person: str
    first: Event
    second: Event
    certain: bool

    def __str__(self) -> str:
        how = "overlap" if self.certain else "may overlap"
        return (f"{self.person}: {self.first.id} ({self.first.place}, {self.first.when}) {how} "
                f"{self.second.id} ({self.second.place}, {self.second.when})")


def validate(timeline: Timeline) -> list[Finding]:
    """Everything wrong or doubtful in ``timeline``; errors first, then in event order."""
    findings: list[Finding] = []
    positions: dict[str, list[int]] = defaultdict(list)
    for index, event in enumerate(timeline.events):
        positions[event.id].append(index)
    for event_id, found in positions.items():
        if len(found) > 1:
            where = ", ".join(f"events[{index}]" for index in found)
            findings.append(Finding("error", "duplicate-event-id",
                                    f"event id used {len(found)} times: {where}", event_id, "id"))
    source_ids = Counter(source.id for source in timeline.sources)
    for source_id, count in source_ids.items():
        if count > 1:
            findings.append(Finding("error", "duplicate-source-id",
                                    f"source id {source_id!r} used {count} times", None, "sources"))
    # Here, not at the top: claims (difflib, unicodedata, its classes) was 5 ms of
    # `import mitimeline`, and only validate() needs it.
    from .claims import review

    cited: set[str] = set()
    published = {source.id: source.published for source in timeline.sources}
    for index, event in enumerate(timeline.events):
        position = index if len(positions[event.id]) > 1 else None
        notes = [(note.severity, note.code, note.message, note.field)
                 for note in review(event, published)]
        cited.update(event.sources)
        notes.extend(("error", "unknown-source", f"cites unknown source {source_id!r}", "sources")
                     for source_id in event.sources if source_id not in source_ids)
        start, end = event.when.start, event.when.end
        if event.when.ends_before_start:
            notes.append(("error", "end-before-start", f"ends ({end}) before it starts ({start})",
                          "when"))
        if not event.sources:
            notes.append(("warning", "unsourced-event", "cites no source", "sources"))
        findings.extend(Finding(severity, code, message, event.id, field, position)
                        for severity, code, message, field in notes)
    for source in timeline.sources:
        if source.id not in cited:
            findings.append(Finding("info", "unused-source",
                                    f"source {source.id!r} is cited by no event", None, "sources"))
    findings.sort(key=lambda f: SEVERITIES.index(f.severity))
    return findings


def _place_key(place: Place) -> tuple[str, str | None]:
    return (place.name.casefold(), place.country)


def _exact(event: Event) -> bool:
    """Day or time precision (every member's, for multiple dates), not qualified, and not one
    of a set (which day is unknown)."""
    when = event.when
    return (when.precision in ("day", "time") and not (when.approximate or when.uncertain)
            and not when.is_one_of and all(m.precision == "day" for m in when.members))


def find_conflicts(events: Sequence[Event]) -> list[Conflict]:
    """People at two different places at overlapping times, by a sweep per person.

    Events without a place are ignored. Places differ when their (name, country) differ,
    case-insensitively. Runs in O(n log n + c) for c conflicts: each person's events are
    swept in start order while the events still running are kept in a heap (by end) and
    grouped by place, so events at the same place are never compared.
    """
    by_person: dict[str, list[tuple[str, Event]]] = defaultdict(list)
    for event in events:
        if event.place is None:
            continue
        for name in {credit.name.casefold(): credit.name for credit in event.people}.items():
            by_person[name[0]].append((name[1], event))
    conflicts: list[Conflict] = []
    for entries in by_person.values():
        conflicts.extend(_sweep(entries))
    return conflicts


def _sweep(entries: Iterable[tuple[str, Event]]) -> list[Conflict]:
    ordered = sorted(enumerate(entries), key=lambda item: (item[1][1].when.sort_key(), item[0]))
    running: list[tuple[date, int]] = []  # heap of (upper, position) of events still running
    place_of: dict[int, tuple[str, str | None]] = {}
    by_place: dict[tuple[str, str | None], dict[int, Event]] = {}
    conflicts = []
    for position, (name, event) in ordered:
        while running and running[0][0] < event.when.lower:
            _, done = heapq.heappop(running)
            group = by_place[place_of[done]]
            del group[done]
            if not group:
                del by_place[place_of[done]]
        assert event.place is not None
        key = place_of[position] = _place_key(event.place)
        for place, group in by_place.items():
            if place == key:
                continue
            for other in group.values():
                if other.when.overlaps(event.when):
                    conflicts.append(Conflict(name, other, event, _exact(other) and _exact(event)))
        by_place.setdefault(key, {})[position] = event
        heapq.heappush(running, (event.when.upper, position))
    return conflicts
