"""``Timeline`` ⇄ plain JSON data: the documented, versioned mitimeline JSON format.

:func:`timeline_to_data` turns a timeline into dicts, lists, strings and numbers that
``json.dumps`` can write; :func:`timeline_from_data` reads such data back, strictly: wrong
types, missing or unknown keys, ``null`` values, bad EDTF dates and model rule violations
raise :class:`~mitimeline.ParseError` whose ``location`` is the JSON path of the offending
field (``$.events[3].when``). ``timeline_from_data(timeline_to_data(tl)) == tl`` for every
timeline. The format is described in ``docs/json-format.md``; :func:`schema` returns its
JSON Schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, compress, islice, repeat
from operator import contains, itemgetter
from typing import Any

from . import limits
from .errors import DateParseError, InvalidEventError, ParseError
from .model import Claim, Credit, Event, Place, Production, Source, plain_events
from .timeline import Timeline
from .when import When, read_edtf

__all__ = [
    "CLAIMLESS_VERSION",
    "FORMAT_VERSION",
    "SUPPORTED_VERSIONS",
    "claim_data",
    "claims_from_data",
    "credit_data",
    "place_data",
    "production_data",
    "schema",
    "source_data",
    "timeline_from_data",
    "timeline_to_data",
    "unencodable_text",
]

FORMAT_VERSION = 2
"""The newest version, which :func:`timeline_to_data` writes in the ``"mitimeline"`` key for a
timeline with claims; a timeline without claims is written as :data:`CLAIMLESS_VERSION`, so
its files stay readable by earlier mitimeline releases and byte-identical to before."""

CLAIMLESS_VERSION = 1
"""The version of a timeline without claims (version 2 added only ``claims``)."""

SUPPORTED_VERSIONS = (1, 2)
"""The versions :func:`timeline_from_data` reads."""

# Keys in the order they are written. The first ones of each tuple are required on input.
_TIMELINE_KEYS = ("mitimeline", "title", "description", "production", "sources", "events")
_EVENT_KEYS = ("id", "title", "when", "kind", "status", "place", "people", "unit", "region",
               "sources", "tags", "description", "extra", "claims")
_CLAIM_KEYS = ("sources", "when", "place", "status", "title", "people", "note")
_PLACE_KEYS = ("name", "locality", "region", "country", "latitude", "longitude", "timezone")
_CREDIT_KEYS = ("name", "role")
_SOURCE_KEYS = ("id", "title", "publisher", "url", "published", "language")
_PRODUCTION_KEYS = ("title", "working_title", "studios", "wikidata")

_EVENT_REQUIRED = frozenset(("id", "title", "when"))
_CLAIM_REQUIRED = frozenset(("sources",))
_PLACE_REQUIRED = frozenset(("name",))
_CREDIT_REQUIRED = frozenset(("name",))
_SOURCE_REQUIRED = frozenset(("id", "title"))
_PRODUCTION_REQUIRED = frozenset(("title",))
_TIMELINE_REQUIRED = frozenset(("mitimeline", "title"))

_EVENT_ALLOWED = frozenset(_EVENT_KEYS)
_CLAIM_ALLOWED = frozenset(_CLAIM_KEYS)
_PLACE_ALLOWED = frozenset(_PLACE_KEYS)
_CREDIT_ALLOWED = frozenset(_CREDIT_KEYS)
_SOURCE_ALLOWED = frozenset(_SOURCE_KEYS)
_PRODUCTION_ALLOWED = frozenset(_PRODUCTION_KEYS)
_TIMELINE_ALLOWED = frozenset(_TIMELINE_KEYS)

_ABSENT: tuple[()] = ()
"""Default for absent array fields; compared by identity, so ``[]`` or ``{}`` never match."""

_PLAIN_ALLOWED = _EVENT_ALLOWED - {"extra", "claims"}
_REQUIRED = itemgetter("id", "title", "when")
_UNREAD = object()
"""A place not read yet, in :meth:`DocumentReader.plain_places_of`."""
_NOTHING = object()
_NO_PLACE = {"": _NOTHING}
"""The place of an event without one, for :meth:`DocumentReader.plain_places_of`: its items are a
key no JSON document can hold, remembered as None."""
_NO_PLACE_KEY = tuple(_NO_PLACE.items())

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MODEL_FIELD = re.compile(r"[A-Za-z]+\.([a-z_]+)((?:\[[0-9]+\])?(?:\..*)?)", re.DOTALL)


# -- writing ----------------------------------------------------------------------------


def timeline_to_data(timeline: Timeline) -> dict[str, Any]:
    """The timeline as fresh JSON data (nothing is shared with the timeline).

    Keys come in a fixed order and ``None``/empty fields are left out, so equal timelines
    give equal, identically ordered data.
    """
    claims = any(event.claims for event in timeline.events)
    version = FORMAT_VERSION if claims else CLAIMLESS_VERSION
    data: dict[str, Any] = {"mitimeline": version, "title": timeline.title}
    if timeline.description is not None:
        data["description"] = timeline.description
    if timeline.production is not None:
        data["production"] = production_data(timeline.production)
    data["sources"] = [source_data(source) for source in timeline.sources]
    data["events"] = [_event_data(event) for event in timeline.events]
    return data


def _event_data(event: Event) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": event.id,
        "title": event.title,
        "when": event.when.edtf,
        "kind": event.kind,
        "status": event.status,
    }
    if event.place is not None:
        data["place"] = place_data(event.place)
    if event.people:
        data["people"] = [credit_data(credit) for credit in event.people]
    if event.unit is not None:
        data["unit"] = event.unit
    if event.region is not None:
        data["region"] = event.region
    if event.sources:
        data["sources"] = list(event.sources)
    if event.tags:
        data["tags"] = list(event.tags)
    if event.description is not None:
        data["description"] = event.description
    if event.extra:
        data["extra"] = _copy_json(event.extra)
    if event.claims:
        data["claims"] = [claim_data(claim) for claim in event.claims]
    return data


def claim_data(claim: Claim) -> dict[str, Any]:
    """A claim as JSON data (its fields that are set, in model order), as the JSON format
    writes it."""
    data: dict[str, Any] = {"sources": list(claim.sources)}
    if claim.when is not None:
        data["when"] = claim.when.edtf
    if claim.place is not None:
        data["place"] = place_data(claim.place)
    if claim.status is not None:
        data["status"] = claim.status
    if claim.title is not None:
        data["title"] = claim.title
    if claim.people:
        data["people"] = [credit_data(credit) for credit in claim.people]
    if claim.note is not None:
        data["note"] = claim.note
    return data


def place_data(place: Place) -> dict[str, Any]:
    """A place as JSON data (its fields that are set, in model order), as the JSON format
    writes it; the iCalendar exporter's X-MITIMELINE-PLACE uses it too."""
    data: dict[str, Any] = {"name": place.name}
    for key, value in (
        ("locality", place.locality),
        ("region", place.region),
        ("country", place.country),
        ("latitude", place.latitude),
        ("longitude", place.longitude),
        ("timezone", place.timezone),
    ):
        if value is not None:
            data[key] = value
    return data


def credit_data(credit: Credit) -> dict[str, str]:
    """A credit as JSON data, as the JSON format writes it."""
    if credit.role is None:
        return {"name": credit.name}
    return {"name": credit.name, "role": credit.role}


def source_data(source: Source) -> dict[str, Any]:
    """A source as JSON data (``published`` as EDTF), as the JSON format writes it."""
    data: dict[str, Any] = {"id": source.id, "title": source.title}
    if source.publisher is not None:
        data["publisher"] = source.publisher
    if source.url is not None:
        data["url"] = source.url
    if source.published is not None:
        data["published"] = source.published.edtf
    if source.language is not None:
        data["language"] = source.language
    return data


def production_data(production: Production) -> dict[str, Any]:
    """A production as JSON data, as the JSON format writes it."""
    data: dict[str, Any] = {"title": production.title}
    if production.working_title is not None:
        data["working_title"] = production.working_title
    if production.studios:
        data["studios"] = list(production.studios)
    if production.wikidata is not None:
        data["wikidata"] = production.wikidata
    return data


def _copy_json(value: Any) -> Any:
    if type(value) is dict:
        return {key: _copy_json(item) for key, item in value.items()}
    if type(value) is list:
        return [_copy_json(item) for item in value]
    return value


# -- reading ----------------------------------------------------------------------------


def timeline_from_data(data: Any) -> Timeline:
    """Read JSON data (as ``json.loads`` returns it) into a timeline.

    Raise :class:`~mitimeline.ParseError` with ``location`` set to the JSON path of the
    first problem found and a message saying what was expected there.
    """
    return DocumentReader().timeline(data)


def claims_from_data(data: Any, path: str = "$") -> tuple[Claim, ...]:
    """Read a JSON array of claims (as :func:`claim_data` writes each) strictly, as the JSON
    format's ``claims`` key is read: :class:`~mitimeline.ParseError` at the first problem,
    its ``location`` a JSON path under ``path`` (``$[1].when``). For formats that keep
    claims as JSON (the iCalendar and CSV ones)."""
    return DocumentReader().claims(data, path)


class DocumentReader:
    """One read of a document: memoizes ``When``, ``Place`` and ``Credit`` values, which
    repeat a lot. For this module's functions and :mod:`mitimeline.jsonio_msgspec`."""

    def __init__(self, fast: bool = True) -> None:
        self.fast = fast
        """Whether to try :meth:`plain_events` first (tests compare both ways)."""
        self.whens: dict[str, When] = {}
        self.version = FORMAT_VERSION
        self.places: dict[tuple[Any, ...], Place] = {}
        self.plain_places: dict[tuple[Any, ...], Place | None] = {_NO_PLACE_KEY: None}
        """Places by their items alone, for :meth:`plain`: only those with no value equal
        to 0 or 1, which are the only numbers ``true`` and ``false`` equal (a place with
        ``"latitude": true`` is an error, not the place at latitude 1); no place at all
        is :data:`_NO_PLACE`."""
        self.credits: dict[tuple[Any, ...], Credit] = {}

    def timeline(self, data: Any) -> Timeline:
        path = "$"
        _check_object(data, path, "a mitimeline JSON document (an object)")
        self.version = _check_version(data)
        _check_keys(data, path, "the document", _TIMELINE_ALLOWED, _TIMELINE_KEYS,
                    _TIMELINE_REQUIRED)
        title = _text(data["title"], "$.title")
        description = data.get("description")
        if description is not None:
            _text(description, "$.description")
        production = data.get("production")
        if production is not None:
            production = self.production(production, "$.production")
        sources = [self.source(item, f"$.sources[{i}]")
                   for i, item in enumerate(_array(data.get("sources", []), "$.sources"))]
        events = self.events(_array(data.get("events", []), "$.events"))
        return Timeline(title, events, sources, production, description)

    def events(self, items: list[Any]) -> list[Event]:
        """Each event of ``$.events``: the plain ones a column at a time when they are all
        valid (:meth:`plain_events`), the rest, or all when one is not, one by one by
        :meth:`event`, which reads anything and says where the first problem is."""
        if self.fast:
            plain = _plain_mask(items)
            if plain is not None:
                built = self.plain_events(list(compress(items, plain)))
                if built is not None:
                    return self.in_order(items, plain, built, lambda item: item)
        return [self.event(item, f"$.events[{index}]") for index, item in enumerate(items)]

    def in_order(self, items: list[Any], plain: list[bool], built: list[Event],
                 data: Callable[[Any], Any]) -> list[Event]:
        """The events of ``items`` in order: ``built`` (those read a column at a time) where
        ``plain``, the others read by :meth:`event` from ``data(item)``."""
        if all(plain):
            return built
        in_order = iter(built)
        return [next(in_order) if is_plain else self.event(data(item), f"$.events[{index}]")
                for index, (item, is_plain) in enumerate(zip(items, plain, strict=True))]

    def plain_events(self, items: list[dict[str, Any]]) -> list[Event] | None:
        """The events of ``items`` (objects with known keys, none ``extra`` or ``claims``)
        when every one is valid, read column by column, 4× faster than by :meth:`event` (the
        same values: a property test holds them together); None when one is not valid,
        which :meth:`event` then finds and locates."""
        if not items:
            return []
        if any(map(contains, map(dict.values, items), repeat(None))):
            return None  # a null: event() says which
        try:
            ids, titles, texts = zip(*map(_REQUIRED, items), strict=True)
        except KeyError:  # a required key is missing
            return None
        whens = self.plain_whens(texts)
        places = self.plain_places_of(items)
        people = self.plain_people(items)
        if whens is None or places is None or people is None:
            return None
        return plain_events(
            ids, titles, whens, _column(items, "kind", "other"), places, people,
            _column(items, "unit", None), _column(items, "status", "confirmed"),
            _column(items, "region", None), _column(items, "sources", ()),
            _column(items, "description", None), _column(items, "tags", ()))

    def plain_whens(self, texts: tuple[Any, ...]) -> list[When] | None:
        """The ``When`` of each text (each new text read once, then remembered); None if one
        is not EDTF text."""
        memo = self.whens
        try:
            unread = set(texts).difference(memo)
        except TypeError:  # unhashable, so not text
            return None
        for text in unread:
            if type(text) is not str:
                return None
            try:
                memo[text] = read_edtf(text)
            except DateParseError:
                return None
        return list(map(memo.__getitem__, texts))

    def plain_places_of(self, items: list[dict[str, Any]]) -> list[Place | None] | None:
        """The ``Place`` of each item (None without one), each new place read once, then
        remembered by its items; None if one is not a valid place."""
        memo = self.plain_places
        try:
            places = list(map(dict.get, items, repeat("place"), repeat(_NO_PLACE)))
            keys = list(map(tuple, map(dict.items, places)))
            unread = dict(zip(keys, places, strict=True))
        except TypeError:  # not an object, or an unhashable value
            return None
        for key in unread.keys() - memo.keys():
            try:
                self.place(unread[key], "")
            except ParseError:
                return None
        found: list[Any] = list(map(memo.get, keys, repeat(_UNREAD)))
        if _UNREAD in found:  # a place with a 0 or 1, which the memo leaves out: read each
            for index, place in enumerate(found):
                if place is _UNREAD:
                    try:
                        found[index] = self.place(places[index], "")
                    except ParseError:
                        return None
        return found

    def plain_people(self, items: list[dict[str, Any]]) -> list[tuple[Credit, ...]] | None:
        """The credits of each item, each new credit read once, then remembered by its items;
        None if one is not a valid array of credits."""
        memo = self.credits
        lists = list(map(dict.get, items, repeat("people"), repeat(())))
        try:
            all_credits = list(chain.from_iterable(lists))
            keys = list(map(tuple, map(dict.items, all_credits)))
            unread = dict(zip(keys, all_credits, strict=True))
            lengths = list(map(len, lists))
        except TypeError:  # not an array of objects, or an unhashable value
            return None
        for key in unread.keys() - memo.keys():
            try:
                self.credit(unread[key], "")
            except ParseError:
                return None
        flat = iter(list(map(memo.__getitem__, keys)))
        return list(map(tuple, map(islice, repeat(flat), lengths)))

    def production(self, data: Any, path: str) -> Production:
        """The production of ``data`` (the object of ``$.production``)."""
        return _production(data, path)

    def source(self, data: Any, path: str) -> Source:
        """The source of ``data`` (an object of ``$.sources``)."""
        return _source(data, path, self.whens)

    def event(self, data: Any, path: str) -> Event:
        if type(data) is not dict:
            raise _expected(path, "an event (an object)", data)
        if not (_EVENT_ALLOWED.issuperset(data) and data.keys() >= _EVENT_REQUIRED
                and None not in data.values()):
            _check_keys(data, path, "an event", _EVENT_ALLOWED, _EVENT_KEYS, _EVENT_REQUIRED)
        get = data.get
        try:
            when = self.whens[data["when"]]
        except (KeyError, TypeError):  # TypeError: unhashable, so not text
            when = _when(data["when"], f"{path}.when", self.whens)
        place = get("place")
        if place is not None:
            place = self.place(place, f"{path}.place")
        people = get("people", _ABSENT)
        if people is not _ABSENT:
            people = self.people(people, f"{path}.people")
        sources, tags = get("sources", _ABSENT), get("tags", _ABSENT)
        if type(sources) is not list and sources is not _ABSENT:
            raise _expected(f"{path}.sources", "an array of source ids", sources)
        if type(tags) is not list and tags is not _ABSENT:
            raise _expected(f"{path}.tags", "an array of text", tags)
        extra = get("extra")
        if type(extra) is dict:
            _check_depth(extra, f"{path}.extra")
        claims = get("claims", _ABSENT)
        if claims is not _ABSENT:
            claims = self.claims(claims, f"{path}.claims")
        try:  # positional arguments: measurably faster than Event(**fields)
            return Event(
                data["id"], data["title"], when, get("kind", "other"), place, people,
                get("unit"), get("status", "confirmed"), get("region"), sources,
                get("description"), tags, extra, claims,
            )
        except InvalidEventError as exc:
            raise _invalid(exc, path, _EVENT_KEYS) from exc

    def claims(self, data: Any, path: str) -> tuple[Claim, ...]:
        if self.version < 2:
            raise _error(f"claims need format version 2 (this document says "
                         f"\"mitimeline\": {self.version}); write \"mitimeline\": 2", path)
        if type(data) is not list:
            raise _expected(path, "an array of claims", data)
        return tuple(self.claim(item, f"{path}[{index}]") for index, item in enumerate(data))

    def claim(self, data: Any, path: str) -> Claim:
        _check_object(data, path, "a claim (an object with sources)")
        _check_keys(data, path, "a claim", _CLAIM_ALLOWED, _CLAIM_KEYS, _CLAIM_REQUIRED)
        fields = dict(data)
        if type(fields["sources"]) is not list:
            raise _expected(f"{path}.sources", "an array of source ids", fields["sources"])
        if "when" in fields:
            fields["when"] = _when(fields["when"], f"{path}.when", self.whens)
        if "place" in fields:
            fields["place"] = self.place(fields["place"], f"{path}.place")
        if "people" in fields:
            fields["people"] = self.people(fields["people"], f"{path}.people")
        try:
            return Claim(**fields)
        except InvalidEventError as exc:
            raise _invalid(exc, path, _CLAIM_KEYS) from exc

    def place(self, data: Any, path: str) -> Place:
        _check_object(data, path, "a place (an object)")
        # The value types are part of the key: 1.0 == True, but only one is a valid latitude.
        key = (*data.items(), *map(type, data.values()))
        try:
            return self.places[key]
        except (KeyError, TypeError):  # TypeError: an unhashable (so invalid) value
            pass
        _check_keys(data, path, "a place", _PLACE_ALLOWED, _PLACE_KEYS, _PLACE_REQUIRED)
        try:
            place = Place(**data)
        except InvalidEventError as exc:
            raise _invalid(exc, path, _PLACE_KEYS) from exc
        self.places[key] = place
        values = data.values()
        if 0 not in values and 1 not in values:
            self.plain_places[tuple(data.items())] = place
        return place

    def people(self, data: Any, path: str) -> tuple[Credit, ...]:
        if type(data) is not list:
            raise _expected(path, "an array of credits", data)
        credits = self.credits
        result = []
        for index, item in enumerate(data):
            try:
                result.append(credits[tuple(item.items())])
            except (KeyError, TypeError, AttributeError):
                result.append(self.credit(item, f"{path}[{index}]"))
        return tuple(result)

    def credit(self, data: Any, path: str) -> Credit:
        _check_object(data, path, "a credit (an object with a name and an optional role)")
        _check_keys(data, path, "a credit", _CREDIT_ALLOWED, _CREDIT_KEYS, _CREDIT_REQUIRED)
        try:
            credit = Credit(**data)
        except InvalidEventError as exc:
            raise _invalid(exc, path, _CREDIT_KEYS) from exc
        self.credits[tuple(data.items())] = credit
        return credit


def _plain_mask(items: list[Any]) -> list[bool] | None:
    """Which items may be plain events (objects with event keys only, neither ``extra`` nor
    ``claims``); None when one is not an object."""
    if not set(map(type, items)) <= {dict}:
        return None
    return list(map(_PLAIN_ALLOWED.issuperset, items))


def _column(items: list[dict[str, Any]], key: str, default: Any) -> list[Any]:
    """The value of ``key`` in each item, ``default`` where it is absent."""
    return list(map(dict.get, items, repeat(key), repeat(default)))


def _source(data: Any, path: str, whens: dict[str, When]) -> Source:
    _check_object(data, path, "a source (an object)")
    _check_keys(data, path, "a source", _SOURCE_ALLOWED, _SOURCE_KEYS, _SOURCE_REQUIRED)
    fields = dict(data)
    if "published" in fields:
        fields["published"] = _when(fields["published"], f"{path}.published", whens)
    try:
        return Source(**fields)
    except InvalidEventError as exc:
        raise _invalid(exc, path, _SOURCE_KEYS) from exc


def _production(data: Any, path: str) -> Production:
    _check_object(data, path, "a production (an object)")
    _check_keys(data, path, "a production", _PRODUCTION_ALLOWED, _PRODUCTION_KEYS,
                _PRODUCTION_REQUIRED)
    if "studios" in data and type(data["studios"]) is not list:
        raise _expected(f"{path}.studios", "an array of text", data["studios"])
    try:
        return Production(**data)
    except InvalidEventError as exc:
        raise _invalid(exc, path, _PRODUCTION_KEYS) from exc


def _when(value: Any, path: str, whens: dict[str, When]) -> When:
    if type(value) is not str:
        raise _expected(path, "an EDTF date as text, such as '2020-09-06'", value)
    try:
        when = whens[value] = When(value)
    except DateParseError as exc:
        raise _error(f"expected an EDTF date: {exc}", path) from exc
    return when


def _check_depth(value: dict[str, Any] | list[Any], path: str) -> None:
    """ParseError at the first array or object nested more than
    :data:`~mitimeline.limits.MAX_JSON_DEPTH` levels deep in ``value`` (itself level 1).

    Iterative, so no depth exhausts Python's recursion limit here.
    """
    keys: list[str | int] = []
    stack = [_items(value)]
    while stack:
        for key, item in stack[-1]:
            if type(item) is dict or type(item) is list:
                keys.append(key)
                if len(stack) >= limits.MAX_JSON_DEPTH:
                    where = path + "".join(
                        f"[{key}]" if type(key) is int else _key_path("", str(key))
                        for key in keys)
                    raise _error(
                        f"nested more than mitimeline.limits.MAX_JSON_DEPTH = "
                        f"{limits.MAX_JSON_DEPTH:,} levels deep (set that attribute to allow "
                        "more)", where)
                stack.append(_items(item))
                break
        else:
            stack.pop()
            if keys:
                keys.pop()


def unencodable_text(data: Any) -> tuple[str, str] | None:
    """Where the first text in plain JSON ``data`` (keys included) that UTF-8 cannot carry
    is: ``(JSON path, the character)``, e.g. ``("$.events[1].title", "\\ud800")`` for a
    lone surrogate; ``None`` if there is none. For exporters' error messages."""
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if type(value) is str:
            character = _unencodable(value)
            if character is not None:
                return path, character
        elif type(value) is dict:
            for key, item in reversed(value.items()):
                character = _unencodable(key)
                if character is not None:
                    return f"{path} (a key)", character
                stack.append((_key_path(path, key), item))
        elif type(value) is list:
            stack.extend((f"{path}[{index}]", value[index])
                         for index in range(len(value) - 1, -1, -1))
    return None


def _unencodable(text: str) -> str | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return text[exc.start]
    return None


def _items(value: dict[str, Any] | list[Any]) -> Iterator[tuple[str | int, Any]]:
    return iter(value.items()) if type(value) is dict else enumerate(value)


def _array(value: Any, path: str) -> list[Any]:
    if type(value) is not list:
        raise _expected(path, "an array", value)
    return value


def _text(value: Any, path: str) -> str:
    if type(value) is not str:
        raise _expected(path, "text", value)
    return value


def _check_object(data: Any, path: str, what: str) -> None:
    if type(data) is not dict:
        raise _expected(path, what, data)


def _check_version(data: dict[str, Any]) -> int:
    """The document's format version; ParseError when missing or not one we read."""
    supported = ", ".join(map(str, SUPPORTED_VERSIONS))
    if "mitimeline" not in data:
        versions = " or ".join(map(str, SUPPORTED_VERSIONS))
        raise _error(f"missing the format version: expected \"mitimeline\": {versions} "
                     "(is this a mitimeline JSON document?)", "$.mitimeline")
    version = data["mitimeline"]
    if isinstance(version, bool) or version not in SUPPORTED_VERSIONS:
        raise _error(f"unsupported format version {json.dumps(version)}; this version of "
                     f"mitimeline reads format version(s) {supported}", "$.mitimeline")
    return int(version)


def _check_keys(data: dict[str, Any], path: str, what: str, allowed: frozenset[str],
                order: tuple[str, ...], required: frozenset[str]) -> None:
    """Unknown keys, then missing required keys, then ``null`` values."""
    unknown = [key for key in data if key not in allowed]
    if unknown:
        names = ", ".join(repr(key) for key in unknown)
        raise _error(f"unknown key{'s' if len(unknown) > 1 else ''} {names} in {what}; "
                     f"allowed keys: {', '.join(order)}", _key_path(path, unknown[0]))
    for key in order:
        if key in required and key not in data:
            raise _error(f"missing required key {key!r} in {what}", _key_path(path, key))
    for key in order:
        if key in data and data[key] is None:
            raise _error(f"null is not allowed for {key!r}: leave the key out when there is "
                         "no value", _key_path(path, key))


def _key_path(path: str, key: str) -> str:
    if _IDENTIFIER.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _invalid(exc: InvalidEventError, path: str, keys: Iterable[str]) -> ParseError:
    """A model error as a ParseError at the JSON path of its field (``Event.tags[2]``)."""
    message = str(exc)
    if exc.field and message.startswith(exc.field + ": "):
        message = message[len(exc.field) + 2:]
    match = _MODEL_FIELD.fullmatch(exc.field)
    if match and match.group(1) in keys:
        path = f"{path}.{match.group(1)}{match.group(2)}"
    return _error(message, path)


def _expected(path: str, what: str, value: Any) -> ParseError:
    return _error(f"expected {what}, got {_describe(value)}", path)


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {json.dumps(shown, ensure_ascii=False)}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _error(message: str, location: str) -> ParseError:
    return ParseError(message, location=location, format="json")


# -- schema -----------------------------------------------------------------------------


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format, as a fresh dict."""
    from importlib.resources import files  # stdlib, but here: slow, and only schema() needs it

    text = files(__package__ or "mitimeline").joinpath("schema/timeline.schema.json")
    loaded: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return loaded

