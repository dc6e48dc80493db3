"""The columns of a mitimeline CSV file, in the order the exporter writes them."""

from __future__ import annotations

__all__ = ["COLUMNS", "LIST_COLUMNS", "PLACE_COLUMNS", "REQUIRED", "column_key",
           "written_columns"]

COLUMNS = (
    "id",            # Event.id, a slug
    "title",         # Event.title
    "kind",          # Event.kind; empty: "other"
    "when",          # Event.when: EDTF or everyday English (When.parse)
    "place",         # Place.name
    "locality",      # Place.locality
    "place_region",  # Place.region (text, e.g. "Møre og Romsdal")
    "country",       # Place.country, ISO 3166-1 alpha-2
    "latitude",      # Place.latitude
    "longitude",     # Place.longitude
    "timezone",      # Place.timezone, IANA name
    "people",        # Event.people: "Name (role); Name"
    "unit",          # Event.unit
    "status",        # Event.status; empty: "confirmed"
    "region",        # Event.region, ISO 3166 code such as "US" or "GB-ENG"
    "sources",       # Event.sources: source ids, "a; b"
    "description",   # Event.description
    "tags",          # Event.tags: "a; b"
    "extra",         # Event.extra: a JSON object
    "claims",        # Event.claims: a JSON array of claims, as the JSON format writes them
)

REQUIRED = ("id", "title", "when")
"""Columns a header must name, and cells every row must fill."""

LIST_COLUMNS = ("people", "sources", "tags")
"""Columns holding several values separated by ``;``."""

PLACE_COLUMNS = ("place", "locality", "place_region", "country", "latitude", "longitude",
                 "timezone")


def written_columns(claims: bool) -> tuple[str, ...]:
    """The columns the exporter writes: all of :data:`COLUMNS` when an event has ``claims``,
    else all but the last, ``claims`` (so a file without claims is as it was before)."""
    return COLUMNS if claims else COLUMNS[:-1]


def column_key(name: str) -> str:
    """A header cell as a column name: case, surrounding space, ``-`` and inner spaces don't
    matter (``"Place Region"`` is ``place_region``)."""
    return "_".join(name.strip().lower().replace("-", " ").split())
