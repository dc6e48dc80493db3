"""Timeline → iCalendar content lines: the export mapping (docs/ical.md has the tables).

:func:`calendar_lines` yields unfolded, escaped content lines, one VCALENDAR; the writer
folds and encodes them. Nothing depends on the clock or on randomness: UIDs are uuid5 of
the UID scope and the event id, DTSTAMP comes from the sources' dates.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timezone
from typing import Any

from mitimeline.default_plugins.ical.dates import Moment, calendar_span, calendar_spans
from mitimeline.default_plugins.ical.mapping import (
    FORMAT_VERSION,
    NO_TITLE,
    X,
    ical_status,
    visible_categories,
)
from mitimeline.default_plugins.ical.options import ExportOptions
from mitimeline.default_plugins.ical.rfc5545.text import (
    escape_text,
    json_text,
    visible_line,
    visible_text,
)
from mitimeline.default_plugins.ical.rfc5545.values import format_date, format_datetime, format_geo
from mitimeline.default_plugins.ical.series import KeptSeries, kept_series, without_series
from mitimeline.default_plugins.ical.write.description import Describer
from mitimeline.jsonio import claim_data, credit_data, place_data, production_data, source_data
from mitimeline.model import Credit, Event, Place, Source
from mitimeline.timeline import Timeline
from mitimeline.when import When

__all__ = [
    "EPOCH",
    "PRODID",
    "UID_NAMESPACE",
    "calendar_lines",
    "exported_events",
    "summary_of",
    "uuid5",
]

PRODID = "-//mitimeline//mitimeline iCalendar export 1//EN"
UID_NAMESPACE = uuid.UUID("10cf4c17-3749-5972-a633-45dbd521457d")
"""uuid5 namespace of event UIDs: ``uuid5(UID_NAMESPACE, f"{scope}\\n{event id}")``."""
_NAMESPACE_BYTES = UID_NAMESPACE.bytes
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
"""DTSTAMP of events when no source in the timeline has a publication date."""

_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[!#-;=?-\[\]_a-z~]+")
_SAFE_UID = re.compile("[^\x00-\x1f\x7f-\x9f\u2028\u2029]+")
"""A foreign UID written as is: no control character, nothing ``str.splitlines`` splits at."""
_MAX_INTEGER = 2**31 - 1
_NAME = re.compile(r"[A-Za-z0-9_.-]+")


def _with_uid(component: tuple[str, ...], uid: str) -> list[str]:
    """The lines of a kept override VEVENT with its own UID (not its alarms') set to
    ``uid``, the UID its series is exported with."""
    lines, depth = [], 0
    for line in component:
        match = _NAME.match(line)
        name = match.group(0).upper() if match else ""
        depth += (name == "BEGIN") - (name == "END")
        lines.append(f"UID:{uid}" if name == "UID" and depth == 1 else line)
    return lines


"""RFC 5545 INTEGER is 32-bit signed."""


def calendar_lines(timeline: Timeline, options: ExportOptions) -> Iterator[list[str]]:
    """The content lines of the calendar for ``timeline``, BEGIN to END, in groups: the
    calendar's own lines, then one group per VEVENT, then the END line."""
    yield _header(timeline, options)
    writer = _EventLines(timeline, options)
    events = exported_events(timeline, options)
    zones = _series_timezones(events)
    if zones:
        yield zones
    for event in events:
        yield writer.lines(event)
    yield ["END:VCALENDAR"]


def exported_events(timeline: Timeline, options: ExportOptions) -> list[Event]:
    """The events of ``timeline`` the calendar holds: those of the ``kinds`` chosen."""
    kinds = options.kinds
    return [event for event in timeline.events if kinds is None or event.kind in kinds]


def _series_timezones(events: list[Event]) -> list[str]:
    """The VTIMEZONEs that the kept series of ``events`` name, each TZID once."""
    seen: dict[str, tuple[str, ...]] = {}
    for event in events:
        if "ical" not in event.extra:
            continue
        series = kept_series(event.extra)
        for lines in series.timezones if series is not None else ():
            tzid = next((line.partition(":")[2].strip() for line in lines
                         if line.upper().startswith("TZID")), "")
            seen.setdefault(tzid, lines)
    return [line for lines in seen.values() for line in lines]


def _header(timeline: Timeline, options: ExportOptions) -> list[str]:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    name = visible_text(timeline.title if options.calendar_name is None
                        else options.calendar_name)
    if name:
        lines += (f"NAME:{escape_text(name)}", f"X-WR-CALNAME:{escape_text(name)}")
    about = None if timeline.description is None else visible_text(timeline.description)
    if about:
        lines += (f"DESCRIPTION:{escape_text(about)}", f"X-WR-CALDESC:{escape_text(about)}")
    if options.refresh is not None:  # RFC 7986 §5.7, and its older Microsoft name
        lines += (f"REFRESH-INTERVAL;VALUE=DURATION:{options.refresh}",
                  f"X-PUBLISHED-TTL:{options.refresh}")
    if options.lossless:
        lines.append(f"{X.FORMAT}:{FORMAT_VERSION}")
        if timeline.title != (name or None):
            lines.append(f"{X.TITLE}:{_json(timeline.title)}")
        if timeline.description is not None and timeline.description != (about or None):
            lines.append(f"{X.DESCRIPTION}:{_json(timeline.description)}")
        if timeline.production is not None:
            lines.append(f"{X.PRODUCTION}:{_json(production_data(timeline.production))}")
        lines += (f"{X.SOURCE}:{_json(source_data(source))}"
                  for source in timeline.sources)
    return lines


def summary_of(event: Event, mark_approximate: bool) -> str:
    """SUMMARY text before escaping: the title on one line, ``"c. "`` first for an
    approximate date; :data:`NO_TITLE` when nothing of the title would show."""
    title = visible_line(event.title)
    if not title.strip():
        title = NO_TITLE
    return f"c. {title}" if mark_approximate and event.when.approximate else title


def _json(value: Any) -> str:
    """Compact JSON as an escaped TEXT value."""
    return escape_text(json_text(value))


class _EventLines:
    """The VEVENT lines of one export: UIDs kept unique, shared values cached."""

    def __init__(self, timeline: Timeline, options: ExportOptions) -> None:
        self.options = options
        self.scope = timeline.title if options.uid_scope is None else options.uid_scope
        self.used_uids: set[str] = set()
        self.describer = (None if options.description_template is None else
                          Describer(timeline, options.description_template,
                                    options.include_sources))
        self.sources: dict[str, Source] = {}
        for source in timeline.sources:
            self.sources.setdefault(source.id, source)
        published = {source.id: _publication_day(source) for source in timeline.sources}
        self.source_days = {key: day for key, day in published.items() if day is not None}
        latest = max(self.source_days.values(), default=None)
        self.default_stamp = EPOCH if latest is None else _midnight(latest)
        self.fixed_stamp = (None if options.stamp is None
                            else format_datetime(options.stamp.astimezone(timezone.utc)))
        self.places: dict[Place, list[str]] = {}
        self.people: dict[tuple[Credit, ...], str] = {}
        self.stamps: dict[tuple[str, ...], str] = {}
        self.source_lists: dict[tuple[str, ...], str] = {}

    def lines(self, event: Event) -> list[str]:
        """The VEVENT (or VEVENTs) of ``event``: one, except for multiple dates, which get one
        per run of days, each with the event's lines; the second and later have their own
        UID, ``RELATED-TO;RELTYPE=SIBLING`` the first's and ``X-MITIMELINE-RUN`` their number."""
        raw_uid = self._uid(event)
        uid = escape_text(raw_uid)
        series = kept_series(event.extra) if "ical" in event.extra else None
        zone = event.place.timezone if event.place else None
        if not event.when.is_multiple:  # a kept series is never multiple dates
            return self._vevent(event, uid, series, _span_lines(event.when, zone), 1)
        lines: list[str] = []
        for run, (start, end) in enumerate(calendar_spans(event.when, zone), start=1):
            run_uid = uid if run == 1 else escape_text(self._run_uid(raw_uid, run))
            lines += self._vevent(event, run_uid, None, _moment_lines(start, end), run,
                                  related=uid)
        return lines

    def _vevent(self, event: Event, uid: str, series: KeptSeries | None, span: list[str],
                run: int, related: str | None = None) -> list[str]:
        """One VEVENT of ``event``: ``span`` its DTSTART/DTEND lines, ``run`` its number
        among the runs of multiple dates (1 for every other event)."""
        options = self.options
        stamp = self.fixed_stamp or self._stamp(event)
        place = event.place
        lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}"]
        if series is not None and series.edtf == event.when.edtf:
            lines += series.start
        else:
            lines += span
        if series is not None:
            lines += series.rule
        if run > 1:
            lines.append(f"RELATED-TO;RELTYPE=SIBLING:{related}")
        summary = summary_of(event, options.mark_approximate)
        lines.append(f"SUMMARY:{escape_text(summary)}")
        if place is not None:
            lines += self._place_lines(place)[:-1]
        if self.describer is not None:
            text = visible_text(self.describer.render(event))
        else:
            text = visible_text(event.description or "")
        if text:
            lines.append(f"DESCRIPTION:{escape_text(text)}")
        url = self._url(event) if options.include_sources else None
        if url is not None:
            lines.append(f"URL:{url}")
        categories = visible_categories(event.kind, event.tags)
        lines.append(f"CATEGORIES:{','.join(map(escape_text, categories))}")
        lines += (f"STATUS:{ical_status(event.status, event.when.uncertain)}", "TRANSP:TRANSPARENT",
                  f"SEQUENCE:{_sequence(event)}", f"LAST-MODIFIED:{stamp}")
        if options.lossless:
            lines += self._lossless_lines(event, summary, categories, series is not None)
            if run > 1:
                lines.append(f"{X.RUN}:{run}")
        lines.append("END:VEVENT")
        if series is not None:
            for override in series.overrides:
                lines += _with_uid(override, uid)
        return lines

    def _lossless_lines(self, event: Event, summary: str, categories: list[str],
                        recurring: bool) -> list[str]:
        """The X-MITIMELINE lines; ``recurring``: the event is written as its kept series,
        whose lines the import keeps again, so X-MITIMELINE-EXTRA leaves the series out."""
        lines = [f"{X.ID}:{event.id}", f"{X.EDTF}:{escape_text(event.when.edtf)}",
                 f"{X.KIND}:{event.kind}", f"{X.STATUS}:{event.status}"]
        if summary != event.title:
            lines.append(f"{X.TITLE}:{_json(event.title)}")
        if event.description is not None:
            lines.append(f"{X.DESCRIPTION}:{_json(event.description)}")
        if event.place is not None:
            lines.append(self._place_lines(event.place)[-1])
        if event.people:
            people = self.people.get(event.people)
            if people is None:
                people = self.people[event.people] = _json(list(map(credit_data, event.people)))
            lines.append(f"{X.PEOPLE}:{people}")
        if event.unit is not None:
            lines.append(f"{X.UNIT}:{_json(event.unit)}")
        if event.region is not None:
            lines.append(f"{X.REGION}:{event.region}")
        if event.sources:
            sources = self.source_lists.get(event.sources)
            if sources is None:
                sources = self.source_lists[event.sources] = _json(list(event.sources))
            lines.append(f"{X.SOURCES}:{sources}")
        if categories[1:] != list(event.tags):
            lines.append(f"{X.TAGS}:{_json(list(event.tags))}")
        extra = without_series(event.extra) if recurring else event.extra
        if extra:
            lines.append(f"{X.EXTRA}:{_json(extra)}")
        if event.claims:
            lines.append(f"{X.CLAIMS}:{_json(list(map(claim_data, event.claims)))}")
        return lines

    def _place_lines(self, place: Place) -> list[str]:
        """LOCATION and GEO as they apply, then always the X-MITIMELINE-PLACE line (last)."""
        lines = self.places.get(place)
        if lines is None:
            lines = []
            location = visible_text(str(place))
            if location:
                lines.append(f"LOCATION:{escape_text(location)}")
            if place.latitude is not None and place.longitude is not None:
                lines.append(f"GEO:{format_geo(place.latitude, place.longitude)}")
            lines.append(f"{X.PLACE}:{_json(place_data(place))}")
            self.places[place] = lines
        return lines

    def _uid(self, event: Event) -> str:
        base = _foreign_uid(event) or uuid5(f"{self.scope}\n{event.id}")
        uid, copy = base, 1
        while uid in self.used_uids:  # a repeated event id (or foreign UID)
            copy += 1
            uid = uuid5(f"{self.scope}\n{event.id}\n{copy}")
        self.used_uids.add(uid)
        return uid

    def _run_uid(self, uid: str, run: int) -> str:
        """The UID of the ``run``-th VEVENT of multiple dates whose first has ``uid``."""
        candidate, copy = f"{uid}-run-{run}", 1
        while candidate in self.used_uids:
            copy += 1
            candidate = f"{uid}-run-{run}-{copy}"
        self.used_uids.add(candidate)
        return candidate

    def _stamp(self, event: Event) -> str:
        stamp = self.stamps.get(event.sources)
        if stamp is None:
            days = [self.source_days[key] for key in event.sources if key in self.source_days]
            stamp = format_datetime(_midnight(max(days)) if days else self.default_stamp)
            self.stamps[event.sources] = stamp
        return stamp

    def _url(self, event: Event) -> str | None:
        for key in event.sources:
            source = self.sources.get(key)
            if source is not None and source.url and _URI.fullmatch(source.url):
                return source.url
        return None


def uuid5(name: str) -> str:
    """``str(uuid.uuid5(UID_NAMESPACE, name))``, computed directly (three times faster).

    A lone surrogate in ``name`` (from the title) is hashed as such, so the writer is the one
    to report it, naming the property."""
    data = name.encode("utf-8", "surrogatepass")
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + data).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _span_lines(when: When, zone: str | None) -> list[str]:
    return _moment_lines(*calendar_span(when, zone))


def _moment_lines(start: Moment, end: Moment | None) -> list[str]:
    lines = [_moment_line("DTSTART", start)]
    if end is not None:
        lines.append(_moment_line("DTEND", end))
    return lines


def _moment_line(name: str, moment: date) -> str:
    if isinstance(moment, datetime):
        return f"{name}:{format_datetime(moment)}"
    return f"{name};VALUE=DATE:{format_date(moment)}"


def _foreign_uid(event: Event) -> str | None:
    """The UID an imported event came with (``extra["ical"]["uid"]``), unless it was one
    occurrence of a recurring series (then it is not unique)."""
    meta = event.extra.get("ical")
    if not isinstance(meta, dict) or "recurrence_id" in meta:
        return None
    uid = meta.get("uid")
    if isinstance(uid, str) and _SAFE_UID.fullmatch(uid):
        return uid
    return None


def _sequence(event: Event) -> int:
    meta = event.extra.get("ical")
    value = meta.get("sequence") if isinstance(meta, dict) else None
    return value if type(value) is int and 0 <= value <= _MAX_INTEGER else 0


def _publication_day(source: Source) -> date | None:
    published = source.published
    if published is None:
        return None
    if not published.open_start:
        return published.lower
    return None if published.open_end else published.upper


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
