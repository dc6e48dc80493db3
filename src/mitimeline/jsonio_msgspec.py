"""The JSON format's optional fast reader: msgspec (the ``fast`` extra) decodes a document
straight into typed structs, checking its shape in C, and :mod:`mitimeline.jsonio` builds
the timeline from their columns.

It reads only documents the standard reader would read without a problem (events with
claims or ``extra`` it hands to the standard reader's :meth:`~DocumentReader.event`); for
anything else (msgspec missing, a shape msgspec refuses, a value the model refuses)
:func:`timeline_from_json` returns None and the standard reader reads the document, finds
and locates the first problem. So both give the same timeline or the
same error (a property test holds them together). Importing this module imports msgspec.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from itertools import chain, compress, islice, repeat
from operator import attrgetter
from typing import Any

import msgspec
from msgspec import UNSET, Struct, UnsetType

from .errors import ParseError
from .jsonio import SUPPORTED_VERSIONS, DocumentReader
from .model import Credit, Place, plain_events
from .timeline import Timeline

__all__ = ["timeline_from_json"]


class _Place(Struct, frozen=True, forbid_unknown_fields=True):
    name: str
    locality: str | UnsetType = UNSET
    region: str | UnsetType = UNSET
    country: str | UnsetType = UNSET
    latitude: int | float | UnsetType = UNSET
    longitude: int | float | UnsetType = UNSET
    timezone: str | UnsetType = UNSET


class _Credit(Struct, frozen=True, forbid_unknown_fields=True):
    name: str
    role: str | UnsetType = UNSET


class _Event(Struct, forbid_unknown_fields=True):
    id: str
    title: str
    when: str
    kind: str = "other"
    status: str = "confirmed"
    place: _Place | UnsetType = UNSET
    people: list[_Credit] = []
    unit: str | UnsetType = UNSET
    region: str | UnsetType = UNSET
    sources: list[str] = []
    tags: list[str] = []
    description: str | UnsetType = UNSET
    extra: Any = UNSET  # decoded as json.loads would; the standard reader checks it
    claims: Any = UNSET


class _Source(Struct, forbid_unknown_fields=True):
    id: str
    title: str
    publisher: str | UnsetType = UNSET
    url: str | UnsetType = UNSET
    published: str | UnsetType = UNSET
    language: str | UnsetType = UNSET


class _Document(Struct, forbid_unknown_fields=True):
    mitimeline: int
    title: str
    description: str | UnsetType = UNSET
    production: Any = UNSET  # null is None here, which the standard reader refuses
    sources: list[_Source] = []
    events: list[_Event] = []


_DECODER = msgspec.json.Decoder(_Document)
_UNSET_AS_NONE = {UNSET: None}
"""``_UNSET_AS_NONE.get(value, value)``: None for an absent field, else the value."""
_FIELDS = ("id", "title", "when", "kind", "place", "people", "unit", "status", "region",
           "sources", "description", "tags")


def timeline_from_json(raw: bytes) -> Timeline | None:
    """The timeline of a UTF-8 mitimeline JSON document (an optional BOM skipped), or None
    when this reader leaves it to the standard one (see the module)."""
    try:
        document = _DECODER.decode(raw.removeprefix(codecs.BOM_UTF8))
    except msgspec.MsgspecError:  # not JSON, or not this shape: the standard reader says why
        return None
    if document.mitimeline not in SUPPORTED_VERSIONS or document.production is None:
        return None
    reader = DocumentReader()
    reader.version = document.mitimeline
    try:
        production = (None if document.production is UNSET
                      else reader.production(document.production, "$.production"))
        sources = [reader.source(_data(source), "") for source in document.sources]
    except ParseError:
        return None
    events = _events(reader, document.events)
    if events is None:
        return None
    description = None if document.description is UNSET else document.description
    return Timeline(document.title, events, sources, production, description)


def _events(reader: DocumentReader, items: list[_Event]) -> list[Any] | None:
    """The events of ``items``: the plain ones a column at a time, those with claims or
    ``extra`` one by one by the standard reader; None if one is not valid."""
    plain = [item.extra is UNSET and item.claims is UNSET for item in items]
    built = _plain_events(reader, list(compress(items, plain)))
    if built is None:
        return None
    try:
        return reader.in_order(items, plain, built, _event_data)
    except ParseError:
        return None


def _event_data(item: _Event) -> dict[str, Any]:
    """An event as ``json.loads`` gives it, for the standard reader."""
    data = _data(item)
    if "place" in data:
        data["place"] = _data(data["place"])
    if "people" in data:
        data["people"] = [_data(credit) for credit in data["people"]]
    return data


def _plain_events(reader: DocumentReader, items: list[_Event]) -> list[Any] | None:
    """The events of ``items`` (none with claims or ``extra``) a column at a time
    (``plain_events``), or None."""
    columns = {name: list(map(attrgetter(name), items)) for name in _FIELDS}
    whens = reader.plain_whens(tuple(columns["when"]))
    places = _places(reader, columns["place"])
    people = _people(reader, columns["people"])
    if whens is None or places is None or people is None:
        return None
    columns.update(when=whens, place=places, people=people)
    for name in ("unit", "region", "description"):
        columns[name] = list(map(_UNSET_AS_NONE.get, columns[name], columns[name]))
    return plain_events(*(columns[name] for name in _FIELDS))


def _places(reader: DocumentReader, items: list[_Place | UnsetType]) -> list[Place | None] | None:
    """The ``Place`` of each item (None for none), each distinct one read once, or None.

    Keyed with the number types as well: ``1`` and ``1.0`` are equal structs but not
    equal places to write back."""
    keys = list(zip(items, map(type, map(getattr, items, repeat("latitude"), repeat(None))),
                    map(type, map(getattr, items, repeat("longitude"), repeat(None))),
                    strict=True))
    memo: dict[tuple[Any, ...], Place | None] = {}
    for key in set(keys):
        place = key[0]
        if place is UNSET:
            memo[key] = None
            continue
        try:
            memo[key] = reader.place(_data(place), "")
        except ParseError:
            return None
    return list(map(memo.__getitem__, keys))


def _people(reader: DocumentReader,
            lists: list[list[_Credit]]) -> list[tuple[Credit, ...]] | None:
    """The credits of each item, each distinct one read once, or None."""
    memo: dict[_Credit, Credit] = {}
    for credit in set(chain.from_iterable(lists)):
        try:
            memo[credit] = reader.credit(_data(credit), "")
        except ParseError:
            return None
    flat = iter(list(map(memo.__getitem__, chain.from_iterable(lists))))
    return list(map(tuple, map(islice, repeat(flat), map(len, lists))))


def _data(value: Struct) -> dict[str, Any]:
    """The fields of ``value`` that the document gave, as the standard reader sees them."""
    return {name: item for name, item in _fields(value) if item is not UNSET}


def _fields(value: Struct) -> Iterable[tuple[str, Any]]:
    return zip(value.__struct_fields__, msgspec.structs.astuple(value), strict=True)
