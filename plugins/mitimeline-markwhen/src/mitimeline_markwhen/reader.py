"""Markwhen text as a ``Timeline``: the part of Markwhen people write by hand.

Read: the header (``title``, ``description``; ``production`` and ``sources`` as the exporter
writes them), event lines with level-0 EDTF dates and ranges or any date ``When.parse``
reads (``Sep 6, 2020 - Oct 5, 2020``), ``#`` sections and ``group``/``section`` blocks
(their titles become the events' tags), ``#tags``, a ``[Place](location)`` link,
properties and descriptions. An ``edtf`` property wins over the date part, a ``tags``,
``title`` or ``place`` property over the line. Properties the model has no field for go
into ``extra``. Anything not supported (relative dates, recurrence, ``now``, a
``dateFormat``) raises :class:`mitimeline.ParseError` at its line: no event is dropped.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import mitimeline
from mitimeline.jsonio import claims_from_data

from . import lines as shape
from .dates import looks_like_a_date, read_date_part
from .values import decode, read_credit, text_list, text_value

__all__ = ["read"]

_DATE_END = re.compile(r":(?=\s|$)")
_PLACE_KEYS = ("name", "locality", "region", "country", "latitude", "longitude", "timezone")
_SOURCE_KEYS = ("id", "title", "publisher", "url", "published", "language")
_PRODUCTION_KEYS = ("title", "working_title", "studios", "wikidata")


@attrs.define
class _Draft:
    """An event being read: its line, date, text and the lines that follow it."""

    number: int
    when: mitimeline.When
    text: str
    groups: tuple[tuple[str, tuple[str, ...]], ...]
    properties: dict[str, tuple[Any, int]] = attrs.field(factory=dict)
    description: list[str] = attrs.field(factory=list)
    in_properties: bool = True


def read(text: str) -> mitimeline.Timeline:
    """Read a Markwhen document; raise :class:`mitimeline.ParseError` at ``line N``."""
    rows = [row.removesuffix("\r") for row in text.split("\n")]
    start = next((index for index, row in enumerate(rows) if _starts_body(row, index + 1)),
                 len(rows))
    header = _header(rows[:start])
    drafts = _body(rows, start)
    return mitimeline.Timeline(events=_events(drafts), **header)


# -- header -----------------------------------------------------------------------------


def _starts_body(row: str, number: int) -> bool:
    if shape.COMMENT.match(row):
        return False
    try:
        dated = _date_text(row, number) is not None
    except mitimeline.ParseError:  # an event line, whose error _body raises after the header
        dated = True
    return dated or bool(shape.SECTION.fullmatch(row)) or bool(shape.GROUP_START.fullmatch(row))


def _header(rows: list[str]) -> dict[str, Any]:
    import yaml  # type: ignore[import-untyped]  # PyYAML, ~15 ms: only reading needs it

    kept = ["" if shape.COMMENT.match(row) else row for row in rows]
    try:
        data = yaml.load("\n".join(kept), Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 1 if mark is None else mark.line + 1
        problem = getattr(exc, "problem", None) or "not YAML"
        raise mitimeline.ParseError(
            f"expected a header of 'key: value' lines (YAML), got {problem}; quote values "
            "holding ': ' (title: \"Mission: Impossible 7\"), which Markwhen otherwise "
            "reads as an empty header", location=f"line {line}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise mitimeline.ParseError(
            f"expected a header of 'key: value' lines, got {rows[0][:40]!r}", location="line 1")
    if "dateFormat" in data:
        raise mitimeline.ParseError(
            "custom date formats (dateFormat) are not supported: write dates as "
            "2020-09-06", location=f"line {_line_of(rows, 'dateFormat')}")
    header: dict[str, Any] = {}
    for key in ("title", "description"):
        if key in data:
            header[key] = text_value(data[key], key, f"line {_line_of(rows, key)}")
    if "production" in data:
        where = f"line {_line_of(rows, 'production')}"
        header["production"] = _record(mitimeline.Production, data["production"],
                                       _PRODUCTION_KEYS, "production", where)
    if "sources" in data:
        where = f"line {_line_of(rows, 'sources')}"
        if not isinstance(data["sources"], list):
            raise mitimeline.ParseError("expected a list of sources", location=where)
        header["sources"] = [_record(mitimeline.Source, item, _SOURCE_KEYS, "sources", where)
                             for item in data["sources"]]
    return header


def _line_of(rows: list[str], key: str) -> int:
    return next((n for n, row in enumerate(rows, start=1) if row.startswith(f"{key}:")), 1)


def _record(cls: Any, data: Any, keys: tuple[str, ...], name: str, where: str) -> Any:
    """``cls(**data)`` for a mapping with only ``keys``; model errors at ``where``."""
    if not isinstance(data, dict) or not set(data) <= set(keys):
        raise mitimeline.ParseError(
            f"expected {name} as a mapping of {', '.join(keys)}, got {data!r}", location=where)
    try:
        return cls(**data)
    except (mitimeline.InvalidEventError, TypeError) as exc:
        raise mitimeline.ParseError(f"{name}: {exc}", location=where) from None


# -- body -------------------------------------------------------------------------------


def _date_text(row: str, number: int) -> tuple[mitimeline.When, str] | None:
    """The date and text of an event line, ``None`` for any other line."""
    match = _DATE_END.search(row)
    if match is None or not looks_like_a_date(row[:match.start()]):
        return None
    when = read_date_part(row[:match.start()], f"line {number}")
    return when, row[match.end():]


def _body(rows: list[str], start: int) -> list[_Draft]:
    """The events after the header, each with the sections it is in."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    heading_properties = False  # a heading's own properties (colour, style) are skipped
    sections: list[tuple[int, str, tuple[str, ...]]] = []  # (level, title, tags)
    for number, row in enumerate(rows[start:], start=start + 1):
        if shape.COMMENT.match(row):
            if current is not None:
                current.in_properties = False
            heading_properties = False
            continue
        dated = _date_text(row, number)
        if dated is not None:
            groups = tuple((title, tags) for _, title, tags in sections)
            current = _Draft(number, dated[0], dated[1], groups)
            drafts.append(current)
            continue
        heading = _heading_level(row, number, sections)
        if heading:
            current, heading_properties = None, True
            continue
        if current is not None and current.in_properties and row.startswith("---"):
            raise mitimeline.ParseError(
                "'---' property blocks are not supported: write each property as "
                "'key: value' directly below the event line", location=f"line {number}")
        prop = shape.PROPERTY.fullmatch(row)
        if prop is not None and current is not None and current.in_properties:
            _property(current, prop.group(1), prop.group(2) or "", number)
        elif prop is not None and heading_properties:
            continue
        elif current is not None:
            current.in_properties = False
            current.description.append(row)
        elif row.strip():
            raise mitimeline.ParseError(
                f"expected an event line such as '2020-09-06: Ramp jump', got {row[:40]!r}",
                location=f"line {number}")
        else:
            heading_properties = False
    return drafts


_GROUP = 7
"""The level of a ``group``/``section`` block, below every ``#`` heading level (1-6)."""


def _heading_level(row: str, number: int, sections: list[tuple[int, str, tuple[str, ...]]],
                   ) -> bool:
    """Apply a ``#`` heading, ``group``/``section`` line or its end to ``sections``;
    ``False`` when ``row`` is none of these."""
    section = shape.SECTION.fullmatch(row)
    if section is not None:
        level = len(section.group(1))
        while sections and level <= sections[-1][0] < _GROUP:
            sections.pop()
        sections.append((level, *_heading(section.group(2))))
        return True
    group = shape.GROUP_START.fullmatch(row)
    if group is not None:
        sections.append((_GROUP, *_heading(group.group(1) or "")))
        return True
    if shape.GROUP_END.fullmatch(row):
        while sections and sections[-1][0] < _GROUP:
            sections.pop()
        if not sections:
            raise mitimeline.ParseError(
                f"expected a 'group' or 'section' line before {row.strip()!r}",
                location=f"line {number}")
        sections.pop()
        return True
    return False


def _heading(text: str) -> tuple[str, tuple[str, ...]]:
    """A heading's title and ``#tags``."""
    seen = shape.read_title_line(text)
    return seen.title, seen.tags


def _property(draft: _Draft, key: str, value: str, number: int) -> None:
    if key in draft.properties:
        raise mitimeline.ParseError(
            f"property {key!r} appears twice (first at line {draft.properties[key][1]})",
            location=f"line {number}")
    draft.properties[key] = (decode(value, f"line {number}") if value.strip() else None,
                             number)


# -- events -----------------------------------------------------------------------------


def _events(drafts: list[_Draft]) -> list[mitimeline.Event]:
    given = {text_value(draft.properties["id"][0], "id", f"line {draft.properties['id'][1]}")
             for draft in drafts if "id" in draft.properties}
    events = []
    for draft in drafts:
        fields = _fields(draft)
        if "id" not in fields:
            fields["id"] = _new_id(fields["title"], given)
            given.add(fields["id"])
        try:
            events.append(mitimeline.Event(**fields))
        except mitimeline.InvalidEventError as exc:
            raise mitimeline.ParseError(str(exc), location=f"line {draft.number}") from None
    return events


def _new_id(title: str, taken: set[str]) -> str:
    """An id made from ``title`` (``Ramp jump`` → ``ramp-jump``), unused so far."""
    base = "-".join(re.findall(r"[a-z0-9]+", shape.slug(title).lower())) or "event"
    candidate, count = base, 1
    while candidate in taken:
        count += 1
        candidate = f"{base}-{count}"
    return candidate


def _fields(draft: _Draft) -> dict[str, Any]:
    """The ``Event`` keywords of ``draft``: properties win over the line."""
    seen = shape.read_title_line(draft.text)
    props = dict(draft.properties)
    line = f"line {draft.number}"

    def take(key: str) -> tuple[Any, str] | None:
        if key not in props:
            return None
        value, number = props.pop(key)
        return value, f"line {number}"

    fields: dict[str, Any] = {"when": draft.when, "title": seen.title}
    if (edtf := take("edtf")) is not None:
        fields["when"] = _edtf(text_value(edtf[0], "edtf", edtf[1]), edtf[1])
    for key in ("id", "title", "kind", "status", "unit", "region"):
        if (item := take(key)) is not None and item[0] is not None:
            fields[key] = text_value(item[0], key, item[1])
    if not fields["title"]:
        raise mitimeline.ParseError("expected a title after the date", location=line)
    if (sources := take("sources")) is not None and sources[0] is not None:
        fields["sources"] = text_list(sources[0], "sources", sources[1])
    if (people := take("people")) is not None and people[0] is not None:
        items = people[0] if isinstance(people[0], list) else [people[0]]
        fields["people"] = [read_credit(item, "people", people[1]) for item in items]
    tags = take("tags")
    fields["tags"] = (text_list(tags[0] or [], "tags", tags[1]) if tags is not None
                      else _tags(seen.tags, draft.groups))
    fields["place"] = _place(take("place"), seen.locations, line)
    fields["description"] = _description(take("description"), draft.description)
    if (claims := take("claims")) is not None:
        fields["claims"] = _claims(claims[0], claims[1])
    extra = take("extra")
    fields["extra"] = _extra(extra, props)
    return fields


def _edtf(text: str, where: str) -> mitimeline.When:
    try:
        return mitimeline.When(text)
    except mitimeline.DateParseError as exc:
        raise mitimeline.ParseError(f"edtf: expected an EDTF date: {exc}",
                                    location=where) from None


def _tags(line_tags: tuple[str, ...],
          groups: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...]:
    """The line's tags, then each enclosing section's title and tags."""
    found = [*line_tags]
    for title, tags in groups:
        found += [title, *tags] if title else [*tags]
    return tuple(dict.fromkeys(found))


def _place(prop: tuple[Any, str] | None, locations: tuple[str, ...],
           line: str) -> mitimeline.Place | None:
    if prop is not None and prop[0] is not None:
        data = prop[0] if isinstance(prop[0], dict) else {"name": text_value(
            prop[0], "place", prop[1])}
        data = {key: _number(value) if key in ("latitude", "longitude") else value
                for key, value in data.items()}
        return _record(mitimeline.Place, data, _PLACE_KEYS, "place", prop[1])  # type: ignore[no-any-return]
    if len(locations) > 1:
        raise mitimeline.ParseError(
            f"expected at most one [Place](location) link, got {len(locations)}",
            location=line)
    return mitimeline.Place(locations[0].strip()) if locations and locations[0].strip() else None


def _number(value: Any) -> Any:
    """A coordinate written by hand (``latitude: 62.1``, text to YAML's base loader)."""
    try:
        return float(value) if isinstance(value, str) else value
    except ValueError:
        return value


def _description(prop: tuple[Any, str] | None, rows: list[str]) -> str | None:
    text = "\n".join(rows).strip("\n")
    text = text if text.strip() else ""
    if prop is not None and prop[0] is not None:
        if text:
            raise mitimeline.ParseError(
                "expected the description as a 'description' property or as text lines, "
                "not both", location=prop[1])
        return text_value(prop[0], "description", prop[1])
    return text or None


def _claims(value: Any, where: str) -> tuple[mitimeline.Claim, ...]:
    try:
        return claims_from_data(value)
    except mitimeline.ParseError as exc:
        raise mitimeline.ParseError(f"claims: {exc.location}: {exc.reason}",
                                    location=where) from None


def _extra(prop: tuple[Any, str] | None, others: dict[str, tuple[Any, int]]) -> dict[str, Any]:
    """The ``extra`` property, plus every property the model has no field for."""
    extra: dict[str, Any] = {}
    if prop is not None and prop[0] is not None:
        if not isinstance(prop[0], dict):
            raise mitimeline.ParseError(f"extra: expected a mapping, got {prop[0]!r}",
                                        location=prop[1])
        extra.update(prop[0])
    for key, (value, number) in others.items():
        if key in extra:
            raise mitimeline.ParseError(
                f"property {key!r} is also a key of the 'extra' property",
                location=f"line {number}")
        extra[key] = value
    return extra
