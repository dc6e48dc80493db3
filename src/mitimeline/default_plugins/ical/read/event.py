"""One VEVENT → one ``Event``: the import mapping (docs/ical.md has the tables).

Standard properties are read as any client writes them. Our own X-MITIMELINE-* properties
restore exactly what was exported, but only where the standard property still says what we
wrote: an event moved, renamed, re-placed or re-categorised in a calendar app keeps that
change. A value that cannot be read is a finding; the event is skipped only without a
usable DTSTART, and a field the model rejects is dropped (reported) rather than the event.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, TypeVar

import attrs

from mitimeline.default_plugins.ical.dates import Moment, calendar_spans, same_span, when_from_span
from mitimeline.default_plugins.ical.mapping import (
    KIND_OF_CATEGORY,
    NO_TITLE,
    STATUS_OF_ICAL,
    X,
    ical_status,
    visible_categories,
)
from mitimeline.default_plugins.ical.rfc5545.lexer import Component, Property
from mitimeline.default_plugins.ical.rfc5545.text import (
    split_text_list,
    unescape_text,
    visible_line,
    visible_text,
)
from mitimeline.default_plugins.ical.rfc5545.values import (
    format_geo,
    parse_date,
    parse_datetime,
    parse_duration,
    parse_geo,
)
from mitimeline.default_plugins.ical.series import without_series
from mitimeline.errors import DateParseError, InvalidEventError, ParseError
from mitimeline.jsonio import claims_from_data
from mitimeline.model import ID_SLUG, KINDS, STATUSES, Claim, Credit, Event, Place
from mitimeline.when import When

__all__ = ["UNTITLED", "EventReader", "Read", "Report", "label_of", "slug_of"]

Report = Callable[[int, str, str, bool], None]
"""``report(file line, component label, message, skipped)``."""

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_DAY = timedelta(days=1)
T = TypeVar("T")
UNTITLED = NO_TITLE
"""The title of an event without SUMMARY (or with a blank one)."""


@attrs.frozen
class Read:
    """An event read from a VEVENT. ``keep_id``: its id is the exported X-MITIMELINE-ID,
    kept as is; otherwise the id is a slug made from the UID, to be made unique."""

    event: Event
    keep_id: bool
    run: int = 1
    """Which run of days of exported multiple dates it was read from (``X-MITIMELINE-RUN``);
    1 for every other VEVENT."""


class EventReader:
    """Reads the VEVENTs of one VCALENDAR.

    ``resolve(tzid)`` gives a zone or None; ``x_wr_zone`` is the calendar's X-WR-TIMEZONE
    (floating and UTC times are read in it, as ``x-wr-timezone`` does).
    """

    def __init__(self, resolve: Callable[[str], tzinfo | None], x_wr_zone: tzinfo | None,
                 report: Report) -> None:
        self.resolve = resolve
        self.x_wr_zone = x_wr_zone
        self.report = report
        self.places: dict[str, Place | None] = {}
        self.people: dict[str, tuple[Credit, ...] | None] = {}
        self.cached_problem = False
        """True once a cached value (a place, people) was reported as a problem: reported
        once, at the first event read that has it, so reading order matters then."""

    def read(self, component: Component, anchor: int | None = None,
             occurrence: bool = False) -> Read | None:
        """The event of ``component``, or None (reported) when it has no usable DTSTART.

        ``anchor``: report every finding at this file line (for occurrences, whose text
        is not the file's); ``occurrence``: the id gets the occurrence's start appended.
        """
        return _Event(self, component, anchor, occurrence).read()


class _Event:
    """The reading of one VEVENT."""

    def __init__(self, reader: EventReader, component: Component, anchor: int | None,
                 occurrence: bool) -> None:
        self.reader = reader
        self.component = component
        self.anchor = anchor
        self.occurrence = occurrence
        props: dict[str, list[Property]] = {}
        for prop in component.properties:
            props.setdefault(prop.name, []).append(prop)
        self.props = props
        self.label = label_of(component)
        self.reported = 0

    # -- reporting --------------------------------------------------------------------------

    def report(self, prop: Property | None, message: str, skipped: bool = False) -> None:
        line = self.anchor if self.anchor is not None else (
            prop.position if prop is not None else self.component.begin)
        self.reported += 1
        self.reader.report(line, self.label, message, skipped)

    def first(self, name: str) -> Property | None:
        found = self.props.get(name)
        return found[0] if found else None

    def text(self, name: str) -> str | None:
        prop = self.first(name)
        return None if prop is None else unescape_text(prop.value)

    def lossless(self, name: str, kind: type) -> Any:
        """The JSON value of the property ``name`` (an X-MITIMELINE-* one) if present and of
        type ``kind``."""
        prop = self.first(name)
        if prop is None:
            return None
        try:
            value = json.loads(unescape_text(prop.value))
        except (ValueError, RecursionError):
            self.report(prop, f"{name} is not valid JSON; ignored")
            return None
        if not isinstance(value, kind):
            self.report(prop, f"{name} should hold a JSON {kind.__name__}; "
                              "ignored")
            return None
        return value

    # -- the event --------------------------------------------------------------------------

    def read(self) -> Read | None:
        start_prop = self.first("DTSTART")
        if start_prop is None:
            self.report(None, "no DTSTART, so no date: not imported", skipped=True)
            return None
        try:
            start = self.moment(start_prop)
        except ParseError:  # strict: a finding inside (an unknown TZID) already raised
            raise
        except ValueError as exc:
            self.report(start_prop, f"DTSTART: {exc}: not imported", skipped=True)
            return None
        ours = self.first(X.ID) is not None
        run = self.run() if ours else 1
        place = self.place(ours)
        # an occurrence of an exported series has its own dates, not the series' EDTF
        when = self.when(start, place.timezone if place else None, ours and not self.occurrence,
                         run)
        if when is None:
            return None
        kind, tags = self.categories(ours)
        fields: dict[str, Any] = {
            "kind": kind, "place": place, "status": self.status(when, ours), "tags": tags,
        }
        if ours:
            fields.update(self.lossless_fields())
            if self.occurrence and "extra" in fields:
                fields["extra"] = without_series(fields["extra"])
        else:
            fields["description"] = self.text("DESCRIPTION")
            fields["extra"] = self.foreign_extra(start)
        event_id, keep = self.identity(ours, start)
        event = self.build(event_id, self.title(ours), when, fields)
        return None if event is None else Read(event, keep, run)

    def run(self) -> int:
        """The run of days of multiple dates this VEVENT is (``X-MITIMELINE-RUN``), else 1."""
        prop = self.first(X.RUN)
        if prop is None:
            return 1
        value = prop.value.strip()
        if value.isascii() and value.isdigit() and 2 <= int(value) <= 1_000_000:
            return int(value)
        self.report(prop, f"{X.RUN}: expected a whole number from 2, got {value!r}; ignored")
        return 1

    def build(self, event_id: str, title: str, when: When, fields: dict[str, Any]) -> Event | None:
        """The Event; a field the model rejects is reported and left at its default."""
        while True:
            try:
                return Event(event_id, title, when, **fields)
            except InvalidEventError as exc:
                name = exc.field.removeprefix("Event.").split("[")[0].split(".")[0]
                if name not in fields:
                    self.report(None, f"{exc}: not imported", skipped=True)
                    return None
                self.report(None, f"{exc}; {name} left out")
                del fields[name]

    def moment(self, prop: Property) -> Moment:
        """A DATE or DATE-TIME value in the zone it names (reported if unknown)."""
        value = prop.value
        params = prop.params or {}
        if params.get("VALUE", "").upper() == "DATE" or len(value.strip()) == 8:
            return parse_date(value)
        zone = None
        tzid = params.get("TZID")
        if tzid is not None:
            zone = self.reader.resolve(tzid)
            if zone is None:
                self.report(prop, f"{prop.name}: unknown time zone TZID={tzid!r} (no "
                                  "VTIMEZONE, not an IANA or Windows name); read as floating")
        moment = parse_datetime(value, zone)
        x_wr = self.reader.x_wr_zone
        if x_wr is not None and tzid is None:
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=x_wr)
            elif moment.tzinfo is timezone.utc:
                try:
                    moment = moment.astimezone(x_wr)
                except OverflowError:
                    raise ValueError(f"{value.strip()!r} is out of range in "
                                     "X-WR-TIMEZONE") from None
        return moment

    def when(self, start: Moment, zone: str | None, ours: bool, run: int = 1) -> When | None:
        end = self.end(start)
        try:
            when, problems = when_from_span(start, end)
        except (ValueError, OverflowError, DateParseError) as exc:
            self.report(self.first("DTSTART"), f"dates out of range ({exc}): not imported",
                        skipped=True)
            return None
        for problem in problems:
            self.report(self.first("DTEND") or self.first("DTSTART"), problem)
        if ours:
            return self.lossless_when(when, zone, run)
        return when

    def end(self, start: Moment) -> Moment | None:
        end_prop, duration_prop = self.first("DTEND"), self.first("DURATION")
        if end_prop is not None:
            if duration_prop is not None:
                self.report(duration_prop, "both DTEND and DURATION; DURATION ignored")
            try:
                return self.moment(end_prop)
            except ParseError:
                raise
            except ValueError as exc:
                self.report(end_prop, f"DTEND: {exc}; ignored")
                return None
        if duration_prop is None:
            return None
        try:
            length = parse_duration(duration_prop.value)
        except ValueError as exc:
            self.report(duration_prop, f"DURATION: {exc}; ignored")
            return None
        if length <= timedelta(0):
            self.report(duration_prop, f"DURATION {duration_prop.value.strip()} is not "
                                       "positive; ignored")
            return None
        if not isinstance(start, datetime) and length % _DAY:
            self.report(duration_prop, f"DURATION {duration_prop.value.strip()} of an all-day "
                                       "event is not whole days; rounded up")
            length = _DAY * (length // _DAY + 1)
        try:
            return start + length
        except OverflowError:
            self.report(duration_prop, "DURATION reaches beyond the year 9999; ignored")
            return None

    def lossless_when(self, when: When, zone: str | None, run: int) -> When:
        """The exported X-MITIMELINE-EDTF while the VEVENT's dates still fill the span it was
        written with (for multiple dates, that of its ``run`` of days), else ``when``."""
        prop = self.first(X.EDTF)
        if prop is None:
            return when
        try:
            exported = When(unescape_text(prop.value).strip())
            spans = calendar_spans(exported, zone)
            expected = when_from_span(*spans[run - 1])[0] if run <= len(spans) else None
        except (DateParseError, ValueError, OverflowError) as exc:
            self.report(prop, f"{X.EDTF}: {exc}; the calendar's dates were used")
            return when
        if expected is not None and same_span(expected, when):
            return exported
        self.report(prop, f"the calendar's dates ({when}) differ from the exported "
                          f"{X.EDTF} {exported} (moved in a calendar app?); the "
                          "calendar's dates were used")
        return when

    def title(self, ours: bool) -> str:
        summary = self.text("SUMMARY")
        exported = self.lossless(X.TITLE, str) if ours else None
        shown: tuple[str | None, ...] = ()
        if exported:
            visible = visible_line(exported) if visible_line(exported).strip() else NO_TITLE
            shown = (visible, f"c. {visible}", None)
        if exported is not None and exported.strip() and summary in shown:
            return str(exported)
        if summary is None or not summary.strip():
            return UNTITLED
        return summary

    def place(self, ours: bool) -> Place | None:
        written = self.text("LOCATION")  # as written: a blank one may still be ours
        location = written if written and written.strip() else None
        geo_prop = self.first("GEO")
        coordinates = None
        if geo_prop is not None:
            try:
                coordinates = parse_geo(geo_prop.value)
            except ValueError as exc:
                self.report(geo_prop, f"GEO: {exc}; ignored")
        if ours:
            exported = self.exported_place()
            if exported is not None and _same_place(exported, written, coordinates):
                return exported
        if location is None and coordinates is None:
            return None
        name = location or f"{coordinates[0]}, {coordinates[1]}"  # type: ignore[index]
        latitude, longitude = coordinates or (None, None)
        return Place(name, latitude=latitude, longitude=longitude)

    def exported_place(self) -> Place | None:
        return self.exported(X.PLACE, dict, self.reader.places, lambda data: Place(**data))

    def status(self, when: When, ours: bool) -> str:
        prop = self.first("STATUS")
        value = prop.value.strip().upper() if prop is not None else None
        exported = self.text(X.STATUS) if ours else None
        if exported in STATUSES and value in (None, ical_status(str(exported), when.uncertain)):
            return str(exported)
        if value is None:
            return "confirmed"
        if value not in STATUS_OF_ICAL:
            self.report(prop, f"STATUS:{value} is not a VEVENT status (TENTATIVE, CONFIRMED, "
                              "CANCELLED); read as confirmed")
            return "confirmed"
        return STATUS_OF_ICAL[value]

    def categories(self, ours: bool) -> tuple[str, list[str]]:
        items: list[str] = []
        for prop in self.props.get("CATEGORIES", ()):
            items += split_text_list(prop.value)
        if ours:
            exported = self.text(X.KIND)
            if exported in KINDS:
                kind = str(exported)
                tags = self.lossless(X.TAGS, list)
                if (tags is not None and all(isinstance(tag, str) for tag in tags)
                        and items == visible_categories(kind, tuple(tags))):
                    return kind, tags
                if items[:1] == [kind]:
                    return kind, [item for item in items[1:] if item.strip()]
        items = [item for item in items if item.strip()]
        for position, item in enumerate(items):
            known = KIND_OF_CATEGORY.get(item.strip().casefold())
            if known is not None:
                return known, items[:position] + items[position + 1:]
        return "other", items

    def lossless_fields(self) -> dict[str, Any]:
        """Our lossless X-MITIMELINE-* values of the fields the standard properties don't
        carry exactly, read in this order (so findings come in it); absent ones left out."""
        fields = {
            "description": self.lossless(X.DESCRIPTION, str),
            "people": self.exported_people() or None,
            "unit": self.lossless(X.UNIT, str),
            "region": self.text(X.REGION),
            "sources": self.lossless(X.SOURCES, list),
            "extra": self.lossless(X.EXTRA, dict),
            "claims": self.exported_claims() or None,
        }
        return {name: value for name, value in fields.items() if value is not None}

    def exported_people(self) -> tuple[Credit, ...] | None:
        return self.exported(X.PEOPLE, list, self.reader.people,
                             lambda data: tuple(Credit(**item) for item in data))

    def exported_claims(self) -> tuple[Claim, ...] | None:
        """X-MITIMELINE-CLAIMS read as the JSON format reads ``claims`` (not cached: claims
        are seldom shared, and memory should follow the events kept)."""
        prop = self.first(X.CLAIMS)
        return None if prop is None else self.built(prop, list, claims_from_data)

    def exported(self, name: str, kind: type, cache: dict[str, T | None],
                 build: Callable[[Any], T]) -> T | None:
        """Our JSON property ``name`` built into a value by ``build``, or None; cached by its
        text, as a calendar repeats one place or cast on many events. A value ``build``
        rejects is reported and ignored."""
        prop = self.first(name)
        if prop is None:
            return None
        if prop.value in cache:
            return cache[prop.value]
        reported = self.reported
        value = cache[prop.value] = self.built(prop, kind, build)
        self.reader.cached_problem |= self.reported > reported
        return value

    def built(self, prop: Property, kind: type, build: Callable[[Any], T]) -> T | None:
        """Our JSON property ``prop`` built into a value by ``build``, or None: a value that
        is not JSON of type ``kind``, or that ``build`` rejects, is reported and ignored."""
        data = self.lossless(prop.name, kind)
        if data is None:
            return None
        try:
            return build(data)
        except (TypeError, ValueError) as exc:  # ValueError: InvalidEventError, ParseError
            self.report(prop, f"{prop.name}: {exc}; ignored")
            return None

    def foreign_extra(self, start: Moment) -> dict[str, Any]:
        meta: dict[str, Any] = {}
        uid = self.text("UID")
        if uid:
            meta["uid"] = uid
        if self.occurrence:
            recurrence = self.first("RECURRENCE-ID") or self.first("DTSTART")
            if recurrence is not None:
                meta["recurrence_id"] = recurrence.value.strip()
        url = self.first("URL")
        if url is not None and url.value.strip():
            meta["url"] = url.value.strip()
        sequence = self.first("SEQUENCE")
        if sequence is not None and sequence.value.strip().isdigit():
            meta["sequence"] = int(sequence.value.strip())
        return {"ical": meta} if meta else {}

    def identity(self, ours: bool, start: Moment) -> tuple[str, bool]:
        """(id, keep): the exported id for ours (kept), else a slug of the UID (plus the
        start of an occurrence), to be made unique."""
        if ours:
            exported = self.text(X.ID) or ""
            if ID_SLUG.fullmatch(exported) and self.occurrence:
                return f"{exported}-{_stamp(start)}", False
            if ID_SLUG.fullmatch(exported):
                return exported, True
            self.report(self.first(X.ID),
                        f"{X.ID} {exported!r} is not a valid id; a new one is made")
        hint = slug_of(self.text("UID") or "") or "event"
        if self.occurrence:
            hint = f"{hint}-{_stamp(start)}"
        return hint, False


def label_of(component: Component) -> str:
    """``VEVENT "Summary" (UID x)``: how findings name a component."""
    summary = component.first("SUMMARY")
    uid = component.first("UID")
    parts = [component.name]
    if summary is not None:
        text = unescape_text(summary.value).strip()
        parts.append(json.dumps(text if len(text) <= 40 else text[:37] + "...",
                                ensure_ascii=False))
    if uid is not None:
        parts.append(f"(UID {unescape_text(uid.value).strip()})")
    return " ".join(parts)


def slug_of(text: str, size: int = 60) -> str:
    """An id from any text: lower-case letters and digits joined by ``-``."""
    slug = _NOT_SLUG.sub("-", text.lower()).strip("-")
    if len(slug) > size:
        digest = hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:8]
        slug = f"{slug[:size].rstrip('-')}-{digest}"
    return slug


def _stamp(start: Moment) -> str:
    day = f"{start.year:04d}{start.month:02d}{start.day:02d}"
    if isinstance(start, datetime):
        return f"{day}t{start.hour:02d}{start.minute:02d}{start.second:02d}"
    return day


def _same_place(place: Place, location: str | None,
                coordinates: tuple[float, float] | None) -> bool:
    """Whether LOCATION and GEO still say what we wrote for ``place``."""
    if (location or "") != visible_text(str(place)):
        return False
    if place.latitude is None or place.longitude is None:
        return coordinates is None
    return coordinates is not None and format_geo(*coordinates) == format_geo(
        place.latitude, place.longitude)

