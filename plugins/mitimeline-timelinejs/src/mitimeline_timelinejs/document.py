"""A ``Timeline`` as a TimelineJS 3 JSON document (a dict of plain JSON values).

One slide per event, in the timeline's order (TimelineJS sorts them by date itself), a
title slide, optional ``group`` labels and ``eras``. Every piece of the timeline's text goes
through :mod:`.html`, so none of it is ever read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mitimeline
from mitimeline.claimtext import verdict, who_says_what

from . import html
from .dates import SlideDates, describe, slide_dates

__all__ = ["ERAS", "GROUPS", "build"]

GROUPS: dict[str, Callable[[mitimeline.Event], str | None]] = {
    "place": lambda event: event.place.name if event.place else None,
    "country": lambda event: event.place.country if event.place else None,
    "unit": lambda event: event.unit,
    "kind": lambda event: event.kind,
}
"""``group_by`` values: what labels each event's row in the time navigation."""

ERAS = ("shoots", "units", "none")
"""``eras`` values: an era per multi-day shoot, per unit, or none."""


def build(timeline: mitimeline.Timeline, group_by: str | None, eras: str) -> dict[str, Any]:
    """The TimelineJS document for ``timeline`` (at least one event: the caller checks)."""
    dated = [(event, slide_dates(event.when)) for event in timeline]
    sources = {source.id: source for source in reversed(timeline.sources)}  # first id wins
    document: dict[str, Any] = {}
    title = _title_slide(timeline)
    if title is not None:
        document["title"] = title
    document["events"] = [
        _slide(event, dates, sources, GROUPS[group_by] if group_by else None)
        for event, dates in dated
    ]
    era_list = []
    if eras == "shoots":
        era_list = _shoot_eras(dated)
    elif eras == "units":
        era_list = _unit_eras(dated)
    if era_list:
        document["eras"] = era_list
    return document


# -- slides -----------------------------------------------------------------------------


def _title_slide(timeline: mitimeline.Timeline) -> dict[str, Any] | None:
    body = html.paragraphs(timeline.description or "")
    production = timeline.production
    if production is not None:
        about = production.title
        if production.working_title:
            about += f" (working title: {production.working_title})"
        if production.studios:
            about += f"; {', '.join(production.studios)}"
        body += f"<p>{html.text(about)}</p>"
    if not timeline.title.strip() and not body:
        return None
    return {"text": {"headline": html.text(timeline.title), "text": body}, "autolink": False}


def _slide(
    event: mitimeline.Event,
    dates: SlideDates,
    sources: dict[str, mitimeline.Source],
    group: Callable[[mitimeline.Event], str | None] | None,
) -> dict[str, Any]:
    slide: dict[str, Any] = {"start_date": dates.start}
    if dates.end is not None:
        slide["end_date"] = dates.end
    if dates.display is not None:
        slide["display_date"] = html.label(dates.display)
    slide["text"] = {"headline": html.text(event.title), "text": _slide_text(event, sources)}
    label = html.trim(group(event) or "") if group else ""
    if label:
        slide["group"] = html.label(label)
    slide["unique_id"] = event.id
    slide["autolink"] = False
    return slide


def _slide_text(event: mitimeline.Event, sources: dict[str, mitimeline.Source]) -> str:
    body = html.paragraphs(event.description or "")
    facts = []
    if event.place is not None:
        facts.append(("Place", str(event.place)))
    if event.people:
        facts.append(("People", ", ".join(str(credit) for credit in event.people)))
    if event.unit:
        facts.append(("Unit", event.unit))
    if event.region:
        facts.append(("Region", event.region))
    if event.status != "confirmed":
        facts.append(("Status", event.status))
    body += "".join(f"<p>{name}: {html.text(value)}</p>" for name, value in facts)
    body += _claims(event, sources)
    if event.sources:
        cited = "; ".join(_citation(source_id, sources) for source_id in event.sources)
        body += f"<p>{'Sources' if len(event.sources) > 1 else 'Source'}: {cited}</p>"
    return body


def _claims(event: mitimeline.Event, sources: dict[str, mitimeline.Source]) -> str:
    """Who says what, one line each under the verdict (``Sources differ:``); empty without
    claims. The words are :mod:`mitimeline.claimtext`'s, escaped as all other text."""
    if not event.claims:
        return ""
    lines = [f"{verdict(event.claims)}:", *(f"{who}: {what}" for who, what in who_says_what(
        event.claims, sources))]
    return "<p>" + "<br>".join(map(html.text, lines)) + "</p>"


def _citation(source_id: str, sources: dict[str, mitimeline.Source]) -> str:
    """A source as its linked title, then publisher and date; an unknown id as itself."""
    source = sources.get(source_id)
    if source is None:
        return html.text(source_id)
    details = [part for part in (
        source.publisher, describe(source.published) if source.published else None,
    ) if part]
    about = f" ({html.text(', '.join(details))})" if details else ""
    return html.link(source.url, html.text(source.title)) + about


# -- eras -------------------------------------------------------------------------------


def _era(start: SlideDates, end: SlideDates, headline: str) -> dict[str, Any] | None:
    """An era from ``start``'s first parts to ``end``'s last; ``None`` if they are equal."""
    last = end.end or end.start
    if last == start.start:
        return None
    return {"start_date": start.start, "end_date": last,
            "text": {"headline": html.text(headline)}}


def _shoot_eras(dated: list[tuple[mitimeline.Event, SlideDates]]) -> list[dict[str, Any]]:
    """An era per shoot shown as a span of more than one day, with both ends known (not one of
    a set: it did not last from its first member to its last)."""
    eras = []
    for event, dates in dated:
        when = event.when
        if (event.kind == "shoot" and dates.end is not None and when.lower < when.upper
                and not (when.open_start or when.open_end or when.is_one_of)):
            era = _era(dates, dates, event.title)
            if era is not None:
                eras.append(era)
    return eras


def _unit_eras(dated: list[tuple[mitimeline.Event, SlideDates]]) -> list[dict[str, Any]]:
    """An era per unit, from its earliest event to its latest (events with both ends known)."""
    units: dict[str, list[tuple[mitimeline.Event, SlideDates]]] = {}
    for event, dates in dated:
        when = event.when
        unit = html.trim(event.unit or "")
        if unit and not (when.open_start or when.open_end):
            units.setdefault(unit, []).append((event, dates))
    eras = []
    for unit, members in units.items():
        first = min(members, key=lambda member: member[0].when.lower)[1]
        last = max(members, key=lambda member: member[0].when.upper)[1]
        era = _era(first, last, unit)
        if era is not None:
            eras.append(era)
    return eras
