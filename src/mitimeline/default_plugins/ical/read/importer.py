"""iCalendar bytes → ``Timeline``, streamed: the file's calendars, then ids made unique.

One timeline per file, whatever the number of VCALENDARs in it: their events in file order
(a recurring series where its first VEVENT is), then the VEVENTs found outside any
VCALENDAR; the title and description of the first calendar that has them
(:mod:`.header`). Content lines come from :mod:`.rfc5545.stream` and are lexed as they
come (:mod:`.rfc5545.lexer`); each top-level VCALENDAR's children go to a
:class:`.calendar.CalendarReader`, which reads most VEVENTs as soon as they end, so
memory follows the events kept, not the file. A file that breaks what reading early
assumes is read a second time with every VEVENT kept until its calendar ends, as is a
strict import (so the ParseError is the first finding in the order of the whole-file
reader: bad UTF-8, structure, components outside a calendar, then events). A file that
is not iCalendar at all raises ParseError; anything else that is wrong becomes a finding
(with ``strict``, a ParseError).
"""

from __future__ import annotations

from typing import IO, BinaryIO

from mitimeline.default_plugins.ical.findings import Findings, ICalFinding
from mitimeline.default_plugins.ical.options import ImportOptions
from mitimeline.default_plugins.ical.read.calendar import CalendarReader, Restart
from mitimeline.default_plugins.ical.read.event import Read
from mitimeline.default_plugins.ical.read.header import Header
from mitimeline.default_plugins.ical.read.recurrence import expand
from mitimeline.default_plugins.ical.read.window import Tally
from mitimeline.default_plugins.ical.rfc5545.lexer import Component, Lexer
from mitimeline.default_plugins.ical.rfc5545.stream import Source, content_lines
from mitimeline.errors import InvalidEventError, ParseError
from mitimeline.model import Event
from mitimeline.timeline import Timeline

__all__ = ["read_calendar"]


def read_calendar(stream: IO[bytes] | BinaryIO,
                  options: ImportOptions) -> tuple[Timeline, list[ICalFinding]]:
    """The timeline in the binary ``stream`` (read to its end) and the findings, sorted by
    line.

    Raise ParseError when it holds no VCALENDAR (nor a bare VEVENT), or, with
    ``options.strict``, at the first finding.
    """
    with Source(stream) as source:
        try:
            return _read(source, options, eager=not options.strict)
        except Restart:
            source.rewind()
            return _read(source, options, eager=False)


def _read(source: Source, options: ImportOptions,
          eager: bool) -> tuple[Timeline, list[ICalFinding]]:
    findings = Findings(options.strict, holding=True)
    document = _Document(options, findings, eager)
    lexer = Lexer(document)
    lexer.feed(content_lines(source.read, lambda line, message: findings.add(
        line, "", message, False, Findings.DECODE)))
    lexer.finish()
    findings.release(below=Findings.LEX)  # strict: bad UTF-8 is the first problem
    if not document.calendars and document.loose is None:
        raise _not_icalendar(lexer.first_text)
    if document.loose is not None:
        count = document.loose_count
        findings.add(document.loose_begin, "VEVENT", f"{count} VEVENT{'s' if count > 1 else ''}"
                     " outside any VCALENDAR; imported as if inside one", False, Findings.LOOSE)
    findings.release()
    reads = document.reads()
    _report_cuts(document.tally, options, findings)
    header = Header(document.calendars, findings)
    try:
        timeline = Timeline(header.title, _unique_ids(_joined_runs(reads)), header.sources,
                            header.production, header.description)
    except InvalidEventError as exc:  # cannot happen with the checks above; never escape raw
        raise ParseError(str(exc), format="ical") from None
    return timeline, findings.sort()


def _report_cuts(tally: Tally, options: ImportOptions, findings: Findings) -> None:
    """The one finding of the file that says what the recurrence options left out; raised
    in strict mode only when a series was cut at ``max_occurrences``."""
    message = tally.message(options.expand, options.max_occurrences, options.expand_until)
    if message is None:
        return
    if tally.truncated:
        findings.add(None, "VCALENDAR", message, False, Findings.HEADER)
    else:
        findings.note(None, "VCALENDAR", message)


def _not_icalendar(first: tuple[int, str] | None) -> ParseError:
    if first is not None:
        number, line = first
        shown = line if len(line) <= 40 else line[:37] + "..."
        return ParseError(f"not an iCalendar file: expected BEGIN:VCALENDAR, found "
                          f"{shown!r}", location=f"line {number}", format="ical")
    return ParseError("not an iCalendar file: it is empty (expected BEGIN:VCALENDAR)",
                      format="ical")


class _Document:
    """The lexer's sink: sends each top-level VCALENDAR's children to its reader, and
    VEVENTs outside any VCALENDAR to a reader of their own (``loose``)."""

    def __init__(self, options: ImportOptions, findings: Findings, eager: bool) -> None:
        self.options = options
        self.findings = findings
        self.eager = eager
        self.calendars: list[Component] = []
        self.readers: list[CalendarReader] = []
        self.done: list[Read] = []
        self.current: CalendarReader | None = None
        self.loose: CalendarReader | None = None
        self.loose_count = self.loose_begin = 0
        self.tally = Tally()

    def opened(self, component: Component, parent: Component | None) -> None:
        if parent is None:
            if component.name == "VCALENDAR":
                component.prop_lines = []
                self.calendars.append(component)
                self.current = CalendarReader(component, self.options, self.findings,
                                              self.eager, expand, self.tally)
                self.readers.append(self.current)
            elif component.name == "VEVENT":
                component.lines = []
                if self.loose is None:
                    self.loose = CalendarReader(None, self.options, self.findings, self.eager,
                                                expand, self.tally)
                    self.loose_begin = component.begin
                self.loose_count += 1
            else:
                self.findings.add(component.begin, component.name, f"a {component.name} "
                                  "outside any VCALENDAR is not a calendar; not imported", True,
                                  Findings.OUTSIDE)
        elif (self.current is not None and parent is self.current.calendar
              and component.name in ("VEVENT", "VTIMEZONE")):
            component.lines = []

    def closed(self, component: Component, parent: Component | None) -> None:
        current = self.current
        if parent is None:
            if current is not None and component is current.calendar:
                if self.eager:
                    self.done += current.finish()
                self.current = None
            elif component.name == "VEVENT" and self.loose is not None:
                self.loose.add(component)
        elif current is not None and parent is current.calendar:
            current.add(component)

    def problem(self, line: int, component: str, message: str) -> None:
        self.findings.add(line, component, message, False, Findings.LEX)

    def reads(self) -> list[Read]:
        """Every event, calendars first: read by now when eager, else read here."""
        reads = self.done
        if not self.eager:
            for reader in self.readers:
                reads += reader.finish()
        if self.loose is not None:
            reads += self.loose.finish()
        return reads


def _joined_runs(reads: list[Read]) -> list[Read]:
    """The reads without the later runs of exported multiple dates (``X-MITIMELINE-RUN``) that
    read back as the very event of an earlier VEVENT: one event again. A run moved or edited
    in a calendar app reads as something else and stays an event of its own."""
    firsts: dict[str, list[Event]] = {}
    for read in reads:
        if read.run == 1 and read.event.when.is_multiple:
            firsts.setdefault(read.event.id, []).append(read.event)
    return [read for read in reads
            if read.run == 1 or read.event not in firsts.get(read.event.id, ())]


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
