"""The events of one VCALENDAR, given its children as they end: each VEVENT read early
when that cannot change it, else when the calendar ends.

A VEVENT is read as soon as it ends unless it may belong to a recurring series (RRULE,
RDATE, RECURRENCE-ID, or the UID of one; series are kept as one event, :mod:`.series`, or
expanded together by ``expand``, i.e. :func:`.recurrence.expand`, in the windows
:mod:`.window` sets, counted in a :class:`.window.Tally`) or names a TZID that no
VTIMEZONE seen so far defines
(one may come later). Those are kept and read when the calendar ends, in file order (a
series where its first VEVENT is). What early reading cannot undo raises
:class:`Restart`: a recurring VEVENT whose UID an event already read has, an
X-WR-TIMEZONE after events read, or a value reported only once (a bad place or people)
read early while kept events wait. With ``eager`` False every VEVENT is kept, so events
are read exactly in file order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, tzinfo

from mitimeline.default_plugins.ical.findings import Findings
from mitimeline.default_plugins.ical.options import ImportOptions
from mitimeline.default_plugins.ical.read.event import EventReader, Read, label_of
from mitimeline.default_plugins.ical.read.recurrence import (
    Expansion,
    Occurrence,
    RecurrenceError,
    skeleton,
)
from mitimeline.default_plugins.ical.read.series import keep_series
from mitimeline.default_plugins.ical.read.window import (
    Tally,
    Window,
    is_open_ended,
    latest_day,
    open_until,
)
from mitimeline.default_plugins.ical.rfc5545.lexer import Component, Property
from mitimeline.default_plugins.ical.rfc5545.text import unescape_text
from mitimeline.default_plugins.ical.rfc5545.values import parse_date, parse_datetime
from mitimeline.default_plugins.ical.rfc5545.zones import ZoneResolver, known_zone

__all__ = ["CalendarReader", "Expand", "Restart"]

Expand = Callable[[str, Sequence[Sequence[Sequence[str]]], Sequence[Window]],
                  "list[Expansion | RecurrenceError]"]
"""``expand(calendar head, series, windows)``, as :func:`.recurrence.expand`."""
_OCCURRENCE_DATES = frozenset(("DTSTART", "DTEND", "DURATION"))

_SKIPPED_KINDS = ("VTODO", "VJOURNAL", "VFREEBUSY", "VAVAILABILITY")
_SERIES = ("RRULE", "RDATE", "RECURRENCE-ID")


class Restart(Exception):
    """Reading early went wrong for this file: read it again with ``eager`` False."""


class CalendarReader:
    """The events of one VCALENDAR (or of VEVENTs found outside any, ``calendar`` None),
    given its children as they end (:meth:`add`), returned by :meth:`finish`."""

    def __init__(self, calendar: Component | None, options: ImportOptions,
                 findings: Findings, eager: bool, expand: Expand, tally: Tally) -> None:
        self.calendar = calendar
        self.tally = tally
        self.expand = expand
        self.options = options
        self.findings = findings
        self.eager = eager
        self.timezones: list[tuple[str | None, int, str]] = []  # (TZID, line, text)
        self.definitions: dict[str, str] = {}
        self.zones = ZoneResolver(self.definitions, self._zone_problem)
        self._reader: EventReader | None = None
        self._x_wr_seen = False
        # In file order: an event read, a VEVENT kept, a series (its VEVENTs), or a gap.
        self.slots: list[Read | Component | list[Component] | None] = []
        self.series: dict[str, list[Component]] = {}  # UID → its series
        self.waiting: dict[str, int | list[int]] = {}  # UID → slot(s) of VEVENTs kept
        self.read_uids: set[int] = set()  # hashes of the UIDs of plain VEVENTs read early
        self.skipped: dict[str, list[int]] = {}  # kind → [count, first line]

    @property
    def reader(self) -> EventReader:
        """The event reader, made at the first event (X-WR-TIMEZONE is read then)."""
        if self._reader is None:
            zone = self._x_wr_zone()
            self._reader = EventReader(self.zones.resolve, zone, self.report)
        return self._reader

    def report(self, line: int, component: str, message: str, skipped: bool) -> None:
        self.findings.add(line, component, message, skipped)

    def _zone_problem(self, tzid: str, message: str) -> None:
        for found, line, _text in self.timezones:
            if found == tzid:
                self.report(line, f"VTIMEZONE {tzid}", message, False)
                return

    def _x_wr_zone(self) -> tzinfo | None:
        prop = None if self.calendar is None else self.calendar.first("X-WR-TIMEZONE")
        if prop is None:
            return None
        self._x_wr_seen = True
        name = unescape_text(prop.value).strip()
        zone = known_zone(name)
        if zone is None:
            self.report(prop.position, "VCALENDAR", f"X-WR-TIMEZONE {name!r} is not a known "
                        "time zone; ignored", False)
        return zone

    # -- children as they end -----------------------------------------------------------------

    def add(self, component: Component) -> None:
        """A child of the calendar has ended."""
        name = component.name
        if name == "VEVENT":
            self._event(component)
        elif name == "VTIMEZONE":
            tzid = component.first("TZID")
            key = None if tzid is None else tzid.value.strip()
            text = component.raw()
            self.timezones.append((key, component.begin, text))
            if key is not None:
                self.definitions.setdefault(key, text)
        elif name in _SKIPPED_KINDS:
            self.skipped.setdefault(name, [0, component.begin])[0] += 1

    def _event(self, component: Component) -> None:
        uid = _uid(component)
        if uid is not None and uid in self.series:
            self.series[uid].append(_kept(component))
            return
        if _recurs(component):
            series = [_kept(component)]
            if uid is not None:
                if hash(uid) in self.read_uids:
                    raise Restart  # the series of an event already read
                self.series[uid] = series
                earlier = self.waiting.pop(uid, None)
                if earlier is not None:
                    slots = [earlier] if isinstance(earlier, int) else earlier
                    series[:0] = [self._take(slot) for slot in slots]
                    self.slots[slots[0]] = series
                    return
            self.slots.append(series)
            return
        if not self.eager or self._unresolved(component):
            if uid is not None:
                self._wait(uid, len(self.slots))
            self.slots.append(_kept(component))
            return
        if uid is not None:
            self.read_uids.add(hash(uid))
        read = self.reader.read(component)
        if read is not None:
            self.slots.append(read)

    def _wait(self, uid: str, slot: int) -> None:
        earlier = self.waiting.get(uid)
        if earlier is None:
            self.waiting[uid] = slot
        elif isinstance(earlier, int):
            self.waiting[uid] = [earlier, slot]
        else:
            earlier.append(slot)

    def _take(self, slot: int) -> Component:
        kept = self.slots[slot]
        assert isinstance(kept, Component)
        self.slots[slot] = None
        return kept

    def _unresolved(self, component: Component) -> bool:
        """Whether it names a TZID that a VTIMEZONE later in the calendar may define."""
        if self.calendar is None:
            return False
        for prop in component.properties:
            tzid = prop.params.get("TZID") if prop.params else None
            if tzid is not None and tzid not in self.definitions and known_zone(tzid) is None:
                return True
        return False

    # -- the end of the calendar --------------------------------------------------------------

    def finish(self) -> list[Read]:
        """The calendar's events, in file order (a series where its first VEVENT is)."""
        early = self._reader
        if early is not None and (
                (not self._x_wr_seen and self.calendar is not None
                 and self.calendar.first("X-WR-TIMEZONE") is not None)
                or (early.cached_problem and any(isinstance(slot, (Component, list))
                                                 for slot in self.slots))):
            # events were read without the X-WR-TIMEZONE that follows them, or before
            # earlier ones that may share a value reported once, where first read
            raise Restart
        reader = self.reader
        for name, (count, line) in self.skipped.items():
            self.report(line, name, f"{count} {name} component{'s' if count > 1 else ''}"
                        " not imported (mitimeline imports VEVENTs only)", True)
        slots, self.slots = self.slots, []
        results: list[list[Read]] = [[] for _slot in slots]
        series: list[tuple[int, list[Component]]] = []
        for index, slot in enumerate(slots):
            if isinstance(slot, Read):
                results[index].append(slot)
            elif isinstance(slot, list):
                series.append((index, slot))
            elif slot is not None:
                read = reader.read(slot)
                if read is not None:
                    results[index].append(read)
        if series:
            self._series(series, results)
        return [read for group in results for read in group]

    def _series(self, items: list[tuple[int, list[Component]]],
                results: list[list[Read]]) -> None:
        """Fill ``results`` at each series' slot: the series kept as one event
        (``expand="none"``) or its occurrences in its window (:mod:`.window`): finite
        series first, then open-ended ones up to the horizon the others reach."""
        options, tally = self.options, self.tally
        tally.series += len(items)
        if options.expand == "none":
            for index, members in items:
                results[index] = keep_series(self.reader, members, self.timezones)
                tally.kept += 1
            return
        finite: list[tuple[int, list[Component], Window]] = []
        endless: list[tuple[int, list[Component], date]] = []
        for index, members in items:
            first = self._first_day(members)
            if first is None:  # a DTSTART that cannot be read: each VEVENT once (reported)
                self._once(index, members, results, "a DTSTART cannot be read")
                continue
            start = options.expand_from or first
            if is_open_ended(members):
                endless.append((index, members, start))
            else:
                finite.append((index, members, Window(start, options.expand_until,
                                                      options.max_occurrences)))
        self._expand(finite, results, limited=False)
        if not endless:
            return
        until = options.expand_until
        if until is None and options.expand == "window":
            days = [latest_day(read.event.when) for group in results for read in group]
            horizon = max((day for day in days if day is not None), default=None)
            windows = [Window(start, open_until(horizon, start), options.max_occurrences)
                       for _index, _members, start in endless]
        else:
            windows = [Window(start, until, options.max_occurrences)
                       for _index, _members, start in endless]
        self._expand([(index, members, window) for (index, members, _start), window
                      in zip(endless, windows, strict=True)], results, limited=True)

    def _expand(self, group: list[tuple[int, list[Component], Window]],
                results: list[list[Read]], limited: bool) -> None:
        """Expand a group of series together; ``limited``: open-ended ones, whose window
        end (when they have one) leaves occurrences out."""
        if not group:
            return
        expansions = self.expand(self._head(), [[skeleton(member) for member in members]
                                                for _index, members, _window in group],
                                 [window for _index, _members, window in group])
        tally = self.tally
        for (index, members, window), expansion in zip(group, expansions, strict=True):
            if isinstance(expansion, RecurrenceError):
                self._once(index, members, results, str(expansion))
                continue
            tally.truncated += expansion.truncated
            tally.limited += limited and window.until is not None and not expansion.truncated
            reads = results[index]
            for occurrence in expansion.occurrences:
                read = self._occurrence(members[occurrence.member], occurrence)
                if read is not None:
                    reads.append(read)
            tally.occurrences += len(reads)

    def _once(self, index: int, members: list[Component], results: list[list[Read]],
              why: str) -> None:
        master = members[0]
        self.report(master.begin, label_of(master), f"the recurrence could not be expanded "
                    f"({why}); each VEVENT of the series imported once", False)
        results[index] = [read for read in map(self.reader.read, members) if read is not None]

    def _occurrence(self, member: Component, occurrence: Occurrence) -> Read | None:
        """The event of one occurrence: ``member``, the VEVENT it comes from, with the
        occurrence's DTSTART and DTEND."""
        found = member.first("DTSTART")
        line = found.position if found is not None else member.begin
        component = Component("VEVENT", member.begin)
        component.closed = True
        component.properties = [prop for prop in member.properties
                                if prop.name not in _OCCURRENCE_DATES]
        component.properties += (
            Property("DTSTART", occurrence.start_params, occurrence.start, line),
            Property("DTEND", occurrence.end_params, occurrence.end, line))
        return self.reader.read(component, anchor=member.begin, occurrence=True)

    def _head(self) -> str:
        """The calendar's text before its VEVENTs: its own properties and VTIMEZONEs."""
        lines = ["BEGIN:VCALENDAR"]
        if self.calendar is not None:
            lines += self.calendar.prop_lines or ()
        lines += [text for _tzid, _line, text in self.timezones]
        return "\r\n".join(lines) + "\r\n"

    def _first_day(self, members: list[Component]) -> date | None:
        """The first day of the series (its earliest DTSTART), or None when a VEVENT has no
        DTSTART that can be read."""
        days = []
        for component in members:
            prop = component.first("DTSTART")
            if prop is None:
                return None
            try:
                value = prop.value.strip()
                moment = parse_date(value) if len(value) == 8 else parse_datetime(value, None)
            except ValueError:
                return None
            day = moment.date() if isinstance(moment, datetime) else moment
            days.append(day)
        return min(days, default=None)


def _kept(component: Component) -> Component:
    """``component``, its lines joined into one text (fewer objects to keep)."""
    component.text = component.raw(closing=False)
    component.lines = None
    return component


def _uid(component: Component) -> str | None:
    prop = component.first("UID")
    if prop is None:
        return None
    return unescape_text(prop.value).strip() or None


def _recurs(component: Component) -> bool:
    return any(prop.name in _SERIES for prop in component.properties)
