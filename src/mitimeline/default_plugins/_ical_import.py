"""iCalendar bytes → ``Timeline``: decoding, the file's calendars, recurring series, ids.

One timeline per file, whatever the number of VCALENDARs in it: their events in file order
(a recurring series where its first VEVENT is), the title and description of the first that
has them. Each VEVENT is read by :mod:`._ical_event`; series are expanded by
:mod:`._ical_recurrence`. A file that is not iCalendar at all raises ParseError; anything
else that is wrong becomes a finding (or, with ``strict``, a ParseError).
"""

from __future__ import annotations

import json
import warnings
from collections import Counter
from datetime import date, datetime, tzinfo
from typing import Any

from ..errors import InvalidEventError, ParseError
from ..model import Event, Production, Source
from ..timeline import Timeline
from ._ical_event import EventReader, Read, label_of
from ._ical_findings import Findings, ICalFinding
from ._ical_lexer import Component, Document, lex
from ._ical_options import ImportOptions
from ._ical_recurrence import RecurrenceError, expand
from ._ical_syntax import unescape_text
from ._ical_values import parse_date, parse_datetime
from ._ical_zones import ZoneResolver, known_zone

__all__ = ["read_calendar"]

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SKIPPED_KINDS = ("VTODO", "VJOURNAL", "VFREEBUSY", "VAVAILABILITY")
_SERIES = ("RRULE", "RDATE", "RECURRENCE-ID")
_RECURRENCE_FLOOR = date(1970, 1, 1)
"""Where expansion starts when no VEVENT of a series has a readable DTSTART."""


def read_calendar(raw: bytes, options: ImportOptions) -> tuple[Timeline, list[ICalFinding]]:
    """The timeline in ``raw`` and the findings, sorted by line.

    Raise ParseError when ``raw`` holds no VCALENDAR (nor a bare VEVENT), or, with
    ``options.strict``, at the first finding.
    """
    text, decode_problem = _decode(raw)
    document = lex(text)
    findings = Findings(options.strict, document.line_of)
    if decode_problem is not None:
        findings.add_line(decode_problem[0], "", decode_problem[1], skipped=False)
    calendars = [c for c in document.components if c.name == "VCALENDAR"]
    loose = [c for c in document.components if c.name == "VEVENT"]
    if not calendars and not loose:
        raise _not_icalendar(document)
    for index, name, message in document.problems:
        findings.add(index, name, message, skipped=False)
    for component in document.components:
        if component.name not in ("VCALENDAR", "VEVENT"):
            findings.add(component.begin, component.name, f"a {component.name} outside any "
                         "VCALENDAR is not a calendar; not imported", skipped=True)
    if loose:
        findings.add(loose[0].begin, "VEVENT", f"{len(loose)} VEVENT{'s' if len(loose) > 1 else ''}"
                     " outside any VCALENDAR; imported as if inside one", skipped=False)
    reads: list[Read] = []
    for calendar in calendars:
        reads += _CalendarReader(document, calendar, calendar.children, options,
                                 findings).read()
    if loose:
        reads += _CalendarReader(document, None, loose, options, findings).read()
    header = _Header(calendars, findings)
    try:
        timeline = Timeline(header.title, _unique_ids(reads), header.sources,
                            header.production, header.description)
    except InvalidEventError as exc:  # cannot happen with the checks above; never escape raw
        raise ParseError(str(exc), format="ical") from None
    findings.items.sort(key=lambda finding: finding.line or 0)
    return timeline, findings.items


def _decode(raw: bytes) -> tuple[str, tuple[int, str] | None]:
    """Text with LF line ends; a BOM is dropped; bad UTF-8 is replaced and reported."""
    problem = None
    if raw.startswith(_UTF16_BOMS):
        text = raw.decode("utf-16", "replace")
    else:
        if raw.startswith(_BOM):
            raw = raw[len(_BOM):]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            problem = (line, f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset "
                             f"{exc.start}; undecodable bytes read as U+FFFD")
            text = raw.decode("utf-8", "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problem


def _not_icalendar(document: Document) -> ParseError:
    for index, line in enumerate(document.lines):
        if line.strip():
            shown = line if len(line) <= 40 else line[:37] + "..."
            return ParseError(f"not an iCalendar file: expected BEGIN:VCALENDAR, found "
                              f"{shown!r}", location=f"line {document.line_of(index)}",
                              format="ical")
    return ParseError("not an iCalendar file: it is empty (expected BEGIN:VCALENDAR)",
                      format="ical")


class _CalendarReader:
    """The events of one VCALENDAR (or of VEVENTs found outside any, ``calendar`` None)."""

    def __init__(self, document: Document, calendar: Component | None,
                 children: list[Component], options: ImportOptions,
                 findings: Findings) -> None:
        self.document = document
        self.calendar = calendar
        self.children = children
        self.options = options
        self.findings = findings
        self.timezones = [c for c in children if c.name == "VTIMEZONE"]
        definitions: dict[str, str] = {}
        for component in self.timezones:
            tzid = component.first("TZID")
            if tzid is not None:
                definitions.setdefault(tzid.value.strip(), document.raw(component))
        self.zones = ZoneResolver(definitions, self._zone_problem)
        self.reader = EventReader(self.zones.resolve, self._x_wr_zone(), self.report)

    def report(self, index: int, component: str, message: str, skipped: bool) -> None:
        self.findings.add(index, component, message, skipped)

    def _zone_problem(self, tzid: str, message: str) -> None:
        for component in self.timezones:
            found = component.first("TZID")
            if found is not None and found.value.strip() == tzid:
                self.report(component.begin, f"VTIMEZONE {tzid}", message, False)
                return

    def _x_wr_zone(self) -> tzinfo | None:
        prop = None if self.calendar is None else self.calendar.first("X-WR-TIMEZONE")
        if prop is None:
            return None
        name = unescape_text(prop.value).strip()
        zone = known_zone(name)
        if zone is None:
            self.report(prop.position, "VCALENDAR", f"X-WR-TIMEZONE {name!r} is not a known "
                        "time zone; ignored", False)
        return zone

    def read(self) -> list[Read]:
        events = [c for c in self.children if c.name == "VEVENT"]
        self._report_other_components()
        series = self._series(events)
        reads: list[Read] = []
        expanded: set[str] = set()
        for component in events:
            uid = _uid(component)
            if uid is not None and uid in series:
                if uid not in expanded:
                    expanded.add(uid)
                    reads += self._expand(series[uid])
                continue
            if uid is None and _recurs(component):
                reads += self._expand([component])
                continue
            read = self.reader.read(component)
            if read is not None:
                reads.append(read)
        return reads

    def _report_other_components(self) -> None:
        counts = Counter(c.name for c in self.children if c.name in _SKIPPED_KINDS)
        for name, count in counts.items():
            first = next(c for c in self.children if c.name == name)
            self.report(first.begin, name, f"{count} {name} component{'s' if count > 1 else ''}"
                        " not imported (mitimeline imports VEVENTs only)", True)

    def _series(self, events: list[Component]) -> dict[str, list[Component]]:
        """UID → its VEVENTs, for every UID with a recurrence rule, date or override."""
        groups: dict[str, list[Component]] = {}
        for component in events:
            uid = _uid(component)
            if uid is not None:
                groups.setdefault(uid, []).append(component)
        return {uid: members for uid, members in groups.items()
                if any(_recurs(member) for member in members)}

    def _expand(self, members: list[Component]) -> list[Read]:
        master = members[0]
        label = label_of(master)
        options = self.options
        start = options.expand_from or self._first_day(members)
        try:
            expansion = expand(self._series_text(members), start, options.expand_until,
                               options.max_occurrences)
        except RecurrenceError as exc:
            self.report(master.begin, label, f"the recurrence could not be expanded ({exc}); "
                        "each VEVENT of the series imported once", False)
            return [read for read in map(self.reader.read, members) if read is not None]
        if expansion.truncated:
            self.report(master.begin, label, f"more than {options.max_occurrences} occurrences;"
                        f" the first {options.max_occurrences} imported (set max_occurrences or"
                        " expand_until to change this)", False)
        reads = []
        for text in expansion.occurrences:
            occurrence = _occurrence_component(text)
            if occurrence is None:
                self.report(master.begin, label, "an occurrence could not be read back; "
                            "not imported", True)
                continue
            read = self.reader.read(occurrence, anchor=master.begin, occurrence=True)
            if read is not None:
                reads.append(read)
        return reads

    def _series_text(self, members: list[Component]) -> str:
        lines = ["BEGIN:VCALENDAR"]
        if self.calendar is not None:
            lines += [self.document.lines[prop.position] for prop in self.calendar.properties]
        lines += [self.document.raw(component) for component in self.timezones]
        lines += [self.document.raw(component) for component in members]
        lines.append("END:VCALENDAR")
        return "\r\n".join(lines)

    def _first_day(self, members: list[Component]) -> date:
        days = []
        for component in members:
            prop = component.first("DTSTART")
            if prop is None:
                continue
            try:
                value = prop.value.strip()
                moment = parse_date(value) if len(value) == 8 else parse_datetime(value, None)
            except ValueError:
                continue
            day = moment.date() if isinstance(moment, datetime) else moment
            days.append(day)
        return min(days, default=_RECURRENCE_FLOOR)


class _Header:
    """Title, description, production and sources: from X-MITIMELINE-* when present, else
    NAME / X-WR-CALNAME and DESCRIPTION / X-WR-CALDESC of the first calendar having them."""

    def __init__(self, calendars: list[Component], findings: Findings) -> None:
        self.findings = findings
        self.title = "Untitled timeline"
        self.description: str | None = None
        self.production: Production | None = None
        self.sources: list[Source] = []
        title_found = description_found = False
        for calendar in calendars:
            if not title_found:
                title = self._text(calendar, "TITLE", ("NAME", "X-WR-CALNAME"))
                if title is not None:
                    self.title, title_found = title, True
            if not description_found:
                self.description = self._text(calendar, "DESCRIPTION",
                                              ("DESCRIPTION", "X-WR-CALDESC"))
                description_found = self.description is not None
            for prop in calendar.properties:
                if prop.name == "X-MITIMELINE-PRODUCTION" and self.production is None:
                    self.production = self._build(prop, Production)
                elif prop.name == "X-MITIMELINE-SOURCE":
                    source = self._build(prop, Source)
                    if source is not None:
                        self.sources.append(source)

    def _text(self, calendar: Component, lossless: str, names: tuple[str, ...]) -> str | None:
        prop = calendar.first(f"X-MITIMELINE-{lossless}")
        if prop is not None:
            value = self._json(prop)
            if isinstance(value, str):
                return value
            self.findings.add(prop.position, "VCALENDAR", f"{prop.name} should hold JSON text; "
                              "ignored", skipped=False)
        for name in names:
            prop = calendar.first(name)
            if prop is not None:
                return unescape_text(prop.value)
        return None

    def _json(self, prop: Any) -> Any:
        try:
            return json.loads(unescape_text(prop.value))
        except (ValueError, RecursionError):
            return None

    def _build(self, prop: Any, kind: type[Production] | type[Source]) -> Any:
        data = self._json(prop)
        try:
            if not isinstance(data, dict):
                raise TypeError("expected a JSON object")
            if kind is Production and isinstance(data.get("studios"), list):
                data["studios"] = tuple(data["studios"])
            return kind(**data)
        except (TypeError, InvalidEventError) as exc:
            self.findings.add(prop.position, "VCALENDAR", f"{prop.name}: {exc}; ignored",
                              skipped=False)
            return None


def _uid(component: Component) -> str | None:
    prop = component.first("UID")
    if prop is None:
        return None
    return unescape_text(prop.value).strip() or None


def _recurs(component: Component) -> bool:
    return any(prop.name in _SERIES for prop in component.properties)


def _occurrence_component(text: str) -> Component | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = lex(text.replace("\r\n", "\n"))
    found = [c for c in document.components if c.name == "VEVENT"]
    return found[0] if found else None


def _unique_ids(reads: list[Read]) -> list[Event]:
    """The events, with made-up ids (from UIDs) changed where they collide with any other
    id (``-2``, ``-3``, ...); exported ids are kept, repeated or not."""
    taken = {read.event.id for read in reads if read.keep_id}
    events = []
    for read in reads:
        event = read.event
        if not read.keep_id:
            base, number = event.id, 1
            candidate = base
            while candidate in taken:
                number += 1
                candidate = f"{base}-{number}"
            taken.add(candidate)
            if candidate != event.id:
                event = Event(candidate, event.title, event.when, event.kind, event.place,
                              event.people, event.unit, event.status, event.region,
                              event.sources, event.description, event.tags, event.extra)
        events.append(event)
    return events
