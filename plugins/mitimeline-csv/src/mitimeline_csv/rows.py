"""One CSV row ⇄ one ``Event``: the cell texts of every column, read and written.

Reading raises :class:`mitimeline.ParseError` located at ``row N, column 'name'`` (or
``row N`` for the row as a whole), with a message saying what was expected.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any, NoReturn

import mitimeline
from mitimeline.jsonio import claim_data, claims_from_data

from . import cells
from .columns import COLUMNS, PLACE_COLUMNS

__all__ = ["event_cells", "read_event"]

_FIELD_COLUMNS = {
    "Event.id": "id", "Event.title": "title", "Event.kind": "kind", "Event.status": "status",
    "Event.region": "region", "Event.unit": "unit", "Event.description": "description",
    "Event.sources": "sources", "Event.tags": "tags", "Event.extra": "extra",
    "Event.when": "when", "when": "when", "Event.claims": "claims",
    "Place.name": "place", "Place.locality": "locality", "Place.region": "place_region",
    "Place.country": "country", "Place.latitude": "latitude", "Place.longitude": "longitude",
    "Place.latitude/longitude": "latitude", "Place.timezone": "timezone",
    "Credit.name": "people", "Credit.role": "people",
}
"""Which column a model error (``InvalidEventError.field``, without ``[index]``) is about."""

# Structured cells are read without surrounding space, and some without case.
_STRIPPED = frozenset({"id", "kind", "when", "country", "latitude", "longitude", "timezone",
                       "status", "region"})
_UPPER = frozenset({"country", "region"})
_LOWER = frozenset({"kind", "status"})


# -- reading ----------------------------------------------------------------------------


def read_event(number: int, values: dict[str, str]) -> mitimeline.Event:
    """The event of row ``number``; ``values`` maps column names to restored cell texts."""

    def fail(column: str | None, message: str) -> NoReturn:
        where = f"row {number}" if column is None else f"row {number}, column {column!r}"
        raise mitimeline.ParseError(message, location=where)

    cell = {name: _clean(name, values.get(name, "")) for name in COLUMNS}
    for name in ("id", "title", "when"):
        if not cell[name].strip():
            fail(name, f"expected a value in the required column {name!r}, found an empty cell")
    try:
        when = mitimeline.When.parse(cell["when"])
    except mitimeline.DateParseError as exc:
        fail("when", f"expected a date in EDTF or everyday English: {exc}")
    people = _people(cell["people"], fail)
    try:
        return mitimeline.Event(
            id=cell["id"],
            title=cell["title"],
            when=when,
            kind=cell["kind"] or "other",
            place=_place(cell, fail),
            people=[mitimeline.Credit(name, role) for name, role in people],
            unit=cell["unit"] or None,
            status=cell["status"] or "confirmed",
            region=cell["region"] or None,
            sources=cells.split_list(cell["sources"]),
            description=cell["description"] or None,
            tags=cells.split_list(cell["tags"]),
            extra=_extra(cell["extra"], fail),
            claims=_claims(cell["claims"], fail),
        )
    except mitimeline.InvalidEventError as exc:
        fail(*_explain(exc))


def _clean(name: str, text: str) -> str:
    if name in _STRIPPED:
        text = text.strip()
    if name in _UPPER:
        return text.upper()
    return text.lower() if name in _LOWER else text


def _explain(exc: mitimeline.InvalidEventError) -> tuple[str | None, str]:
    """The column a model error is about, and its message without the field prefix."""
    field = exc.field.split("[")[0]
    message = str(exc)
    if message.startswith(exc.field + ": "):
        message = message[len(exc.field) + 2:]
    if field.startswith("Event.extra"):
        return "extra", message
    return _FIELD_COLUMNS.get(field), message


def _people(text: str, fail: Callable[[str, str], NoReturn]) -> list[tuple[str, str | None]]:
    try:
        return cells.split_people(text)
    except ValueError as exc:
        fail("people", str(exc))


def _place(cell: dict[str, str], fail: Callable[[str, str], NoReturn]) -> mitimeline.Place | None:
    if not cell["place"].strip():
        given = [name for name in PLACE_COLUMNS[1:] if cell[name].strip()]
        if given:
            fail("place", f"expected a place name, since {', '.join(given)} "
                          f"{'is' if len(given) == 1 else 'are'} given")
        return None
    coordinates = {name: _coordinate(name, cell[name], fail) for name in ("latitude",
                                                                          "longitude")}
    return mitimeline.Place(
        name=cell["place"],
        locality=cell["locality"] or None,
        region=cell["place_region"] or None,
        country=cell["country"] or None,
        timezone=cell["timezone"] or None,
        **coordinates,
    )


def _coordinate(name: str, text: str, fail: Callable[[str, str], NoReturn]) -> float | None:
    if not text:
        return None
    value = cells.parse_number(text)
    if value is None:
        fail(name, f"expected a number in degrees such as 62.31 or -6.95, got {text!r}")
    return value


def _extra(text: str, fail: Callable[[str, str], NoReturn]) -> dict[str, Any]:
    if not text.strip():
        return {}
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except ValueError as exc:
        fail("extra", f"expected a JSON object such as {{\"cost_usd\": 700000}}: {exc}")
    if not isinstance(value, dict):
        fail("extra", f"expected a JSON object such as {{\"cost_usd\": 700000}}, "
                      f"got {type(value).__name__}")
    return value


def _claims(text: str, fail: Callable[[str, str], NoReturn]) -> tuple[mitimeline.Claim, ...]:
    """The claims of a ``claims`` cell: empty, or a JSON array read as the JSON format reads
    ``claims`` (a problem names its JSON path, ``claims[0].when``)."""
    if not text.strip():
        return ()
    try:
        return claims_from_data(json.loads(text, parse_constant=_no_constant), "claims")
    except (ValueError, RecursionError) as exc:  # ValueError: bad JSON or a ParseError
        fail("claims", "expected a JSON array of claims such as "
                       f"[{{\"sources\": [\"a-report\"], \"when\": \"2020-09\"}}]: {exc}")


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON number")


# -- writing ----------------------------------------------------------------------------


def event_cells(event: mitimeline.Event) -> dict[str, str]:
    """The cell text of every column for ``event`` (before formula neutralisation)."""
    place = event.place
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "when": str(event.when),
        "place": place.name if place else "",
        "locality": (place.locality or "") if place else "",
        "place_region": (place.region or "") if place else "",
        "country": (place.country or "") if place else "",
        "latitude": _number(place.latitude if place else None),
        "longitude": _number(place.longitude if place else None),
        "timezone": (place.timezone or "") if place else "",
        "people": cells.join_people((c.name, c.role) for c in event.people),
        "unit": event.unit or "",
        "status": event.status,
        "region": event.region or "",
        "sources": cells.join_list(event.sources),
        "description": event.description or "",
        "tags": cells.join_list(event.tags),
        "extra": _json(event.extra) if event.extra else "",
        "claims": _json(list(map(claim_data, event.claims))) if event.claims else "",
    }


def _json(value: Any) -> str:
    """Compact JSON, non-ASCII characters as they are."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _number(value: float | None) -> str:
    return "" if value is None or not math.isfinite(value) else cells.format_number(value)

