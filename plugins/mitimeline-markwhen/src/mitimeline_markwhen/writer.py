"""A ``Timeline`` as Markwhen text.

The header holds the title, description and time zone (and the production and ``Source``
records), each a quoted value. Each event is an event line (:func:`dates.date_part`, the
title on one line, ``#tags``, a ``[Place](location)`` link), its properties, and its
description when that is plain text. A property is written whenever the line alone would
not read back to the event's exact value (:func:`lines.read_title_line` decides), so the
reader gets every field back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mitimeline
from mitimeline.jsonio import claim_data, place_data, production_data, source_data

from .dates import date_part
from .lines import display, is_plain_description, read_title_line, slug
from .values import credit_value, encode

__all__ = ["GROUPS", "write"]

GROUPS: dict[str, Callable[[mitimeline.Event], str | None]] = {
    "place": lambda event: event.place.name if event.place else None,
    "country": lambda event: event.place.country if event.place else None,
    "unit": lambda event: event.unit,
    "kind": lambda event: event.kind,
}
"""``group_by`` values: what names each event's ``#`` section."""


def write(timeline: mitimeline.Timeline, timezone: str, group_by: str | None) -> str:
    """The Markwhen document for ``timeline``, its header naming ``timezone``; with
    ``group_by``, events under ``#`` sections, the ungrouped ones before the first."""
    parts = ["\n".join(_header(timeline, timezone)) + "\n"]
    for label, events in _sections(timeline, group_by):
        if label is not None:
            parts.append(f"# {label}\n")
        parts += ["\n".join(_event(event, label is not None)) + "\n" for event in events]
    return "\n".join(parts)


def _header(timeline: mitimeline.Timeline, timezone: str) -> list[str]:
    lines = [f"title: {encode(timeline.title)}"]
    if timeline.description is not None:
        lines.append(f"description: {encode(timeline.description)}")
    lines.append(f"timezone: {encode(timezone)}")
    if timeline.production is not None:
        lines.append(f"production: {encode(production_data(timeline.production))}")
    if timeline.sources:
        lines.append("sources:")
        lines += [f"  - {encode(source_data(source))}" for source in timeline.sources]
    return lines


def _sections(
    timeline: mitimeline.Timeline, group_by: str | None
) -> list[tuple[str | None, list[mitimeline.Event]]]:
    """``(label, events)`` in first-seen order; label ``None`` (first) for ungrouped ones."""
    if group_by is None:
        return [(None, list(timeline))]
    sections: dict[str | None, list[mitimeline.Event]] = {None: []}
    for event in timeline:
        label = display(GROUPS[group_by](event) or "") or None
        sections.setdefault(label, []).append(event)
    return [(label, events) for label, events in sections.items() if events]


def _event(event: mitimeline.Event, in_section: bool) -> list[str]:
    text = " ".join(part for part in (
        display(event.title), *(f"#{slug(tag)}" for tag in event.tags),
        _link(event.place)) if part)
    seen = read_title_line(text)
    properties: list[tuple[str, Any]] = [("id", event.id), ("edtf", event.when.edtf)]
    if seen.title != event.title:
        properties.append(("title", event.title))
    if event.kind != "other":
        properties.append(("kind", event.kind))
    if event.status != "confirmed":
        properties.append(("status", event.status))
    if event.place is not None:
        place = place_data(event.place)
        if seen.locations != (event.place.name,) or place != {"name": event.place.name}:
            properties.append(("place", place))
    if event.people:
        properties.append(("people", [credit_value(credit) for credit in event.people]))
    for key, value in (("unit", event.unit), ("region", event.region)):
        if value is not None:
            properties.append((key, value))
    if event.sources:
        properties.append(("sources", list(event.sources)))
    if seen.tags != event.tags or in_section:
        properties.append(("tags", list(event.tags)))
    plain = event.description is not None and is_plain_description(event.description)
    if event.description is not None and not plain:
        properties.append(("description", event.description))
    if event.extra:
        properties.append(("extra", event.extra))
    if event.claims:
        properties.append(("claims", [claim_data(claim) for claim in event.claims]))
    lines = [f"{date_part(event.when)}: {text}".rstrip(" ")]
    lines += [f"{key}: {encode(value)}" for key, value in properties]
    if plain:
        assert event.description is not None
        lines += event.description.split("\n")
    return lines


def _link(place: mitimeline.Place | None) -> str:
    """``[Name](location)``, or nothing when the name cannot be a link's text."""
    if place is None:
        return ""
    name = display(place.name)
    return f"[{name}](location)" if name and "]" not in name else ""
