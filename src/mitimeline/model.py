"""The value classes of a production timeline: ``Place``, ``Credit``, ``Source``, ``Production``,
``Claim`` and ``Event``.

All are frozen, slotted attrs classes validated at construction: a bad field raises
:class:`~mitimeline.errors.InvalidEventError` naming the field and what was expected. Sequences
are stored as tuples, so every value is hashable (``Event.extra`` is left out of the hash).
"""

from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain, compress, repeat
from operator import is_not
from typing import Any

import attrs

from . import limits
from .errors import DateParseError, InvalidEventError
from .when import When, WhenLike

__all__ = [
    "ID_SLUG",
    "KINDS",
    "STATUSES",
    "Claim",
    "Credit",
    "Event",
    "Place",
    "Production",
    "Source",
    "plain_events",
]

KINDS = ("shoot", "stunt", "move", "hiatus", "wrap", "announcement", "release", "other")
"""Event kinds: filming, a stunt, a company move, a break, the end of filming, news, a release."""

STATUSES = ("planned", "confirmed", "done", "cancelled", "rumoured")

ID_SLUG = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
"""What an event or source id must be (``fullmatch``): lower-case letters and digits in runs
joined by ``-``, ``_`` or ``.``."""
_COUNTRY = re.compile(r"[A-Z]{2}")
_REGION = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _fail(field: str, expected: str, value: object) -> InvalidEventError:
    return InvalidEventError(f"{field}: expected {expected}, got {value!r}", field)


def _check(pattern: re.Pattern[str], expected: str) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and attribute.default is None:
            return
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise _fail(_name(instance, attribute), expected, value)

    return validate


def _text(required: bool) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and not required:
            return
        if not isinstance(value, str) or (required and not value.strip()):
            expected = "non-empty text" if required else "text or None"
            raise _fail(_name(instance, attribute), expected, value)

    return validate


def _one_of(choices: tuple[str, ...]) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            raise _fail(_name(instance, attribute), f"one of {', '.join(choices)}", value)

    return validate


def _name(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _strings(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _each_text(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise _fail(f"{_name(instance, attribute)}[{index}]", "non-empty text", item)


def _coordinate(limit: float) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or abs(value) > limit
        ):
            raise _fail(_name(instance, attribute), f"a number from -{limit} to {limit}", value)

    return validate


def _optional_float(value: object) -> object:
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _timezone(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    import zoneinfo  # stdlib, but here: ~9 ms, and only places with a time zone need it

    try:
        if not isinstance(value, str):
            raise ValueError
        zoneinfo.ZoneInfo(value)
    # OSError: a key naming a tzdata folder ("Europe") or too long for a file name
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        raise _fail(_name(instance, attribute), "an IANA time zone such as 'Europe/Oslo'",
                    value) from None


@attrs.frozen
class Place:
    """Where something happened: a readable ``name`` plus optional structured parts."""

    name: str = attrs.field(validator=_text(required=True))
    locality: str | None = attrs.field(default=None, validator=_text(required=False))
    region: str | None = attrs.field(default=None, validator=_text(required=False))
    country: str | None = attrs.field(
        default=None, validator=_check(_COUNTRY, "an ISO 3166-1 alpha-2 code such as 'NO'")
    )
    latitude: float | None = attrs.field(
        default=None, converter=_optional_float, validator=_coordinate(90)
    )
    longitude: float | None = attrs.field(
        default=None, converter=_optional_float, validator=_coordinate(180)
    )
    timezone: str | None = attrs.field(default=None, validator=_timezone)

    def __attrs_post_init__(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise _fail("Place.latitude/longitude", "both coordinates or neither",
                        (self.latitude, self.longitude))

    def __str__(self) -> str:
        parts = [self.name]
        parts += [p for p in (self.locality, self.region) if p and p not in parts]
        if self.country:
            parts.append(self.country)
        return ", ".join(parts)


@attrs.frozen
class Credit:
    """A person and what they did, e.g. ``Credit("Tom Cruise", "actor")``."""

    name: str = attrs.field(validator=_text(required=True))
    role: str | None = attrs.field(default=None, validator=_text(required=False))

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name


def _when_or_none(value: WhenLike | None) -> When | None:
    return None if value is None else _to_when(value)


def _to_when(value: WhenLike) -> When:
    try:
        return When.coerce(value)
    except DateParseError as exc:
        raise InvalidEventError(f"when: {exc}", "when") from None


@attrs.frozen
class Source:
    """A report that states facts: cited by events through its ``id``."""

    id: str = attrs.field(validator=_check(ID_SLUG, "a slug such as 'independent-2020-10-05'"))
    title: str = attrs.field(validator=_text(required=True))
    publisher: str | None = attrs.field(default=None, validator=_text(required=False))
    url: str | None = attrs.field(default=None, validator=_text(required=False))
    published: When | None = attrs.field(default=None, converter=_when_or_none)
    language: str | None = attrs.field(
        default=None, validator=_check(_LANGUAGE, "a BCP 47 language tag such as 'en' or 'it'")
    )


@attrs.frozen
class Production:
    """What the timeline is about: a film or series, its studios and identifiers."""

    title: str = attrs.field(validator=_text(required=True))
    working_title: str | None = attrs.field(default=None, validator=_text(required=False))
    studios: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_each_text)
    wikidata: str | None = attrs.field(
        default=None, validator=_check(re.compile(r"Q[1-9][0-9]*"), "a Wikidata id such as 'Q1'")
    )


def _optional_place(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Place):
        raise _fail("Event.place", "a Place or None", value)


def _credits(value: Iterable[Credit | str | tuple[str, str]],
             owner: str = "Event") -> tuple[Credit, ...]:
    result = []
    for index, item in enumerate(value):
        if isinstance(item, Credit):
            result.append(item)
        elif isinstance(item, str):
            result.append(Credit(item))
        elif isinstance(item, tuple) and len(item) == 2:
            result.append(Credit(*item))
        else:
            raise _fail(f"{owner}.people[{index}]", "a Credit, a name, or (name, role)", item)
    return tuple(result)


def _optional_claim_place(instance: object, attribute: attrs.Attribute[Any],
                          value: object) -> None:
    if value is not None and not isinstance(value, Place):
        raise _fail("Claim.place", "a Place or None", value)


def _claim_sources(instance: object, attribute: attrs.Attribute[Any],
                   value: tuple[Any, ...]) -> None:
    if not value:
        raise _fail("Claim.sources", "at least one source id", value)
    for index, item in enumerate(value):
        if not isinstance(item, str) or not ID_SLUG.fullmatch(item):
            raise _fail(f"Claim.sources[{index}]", "a source id such as 'independent-2020-10-05'",
                        item)


def _optional_status(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in STATUSES:
        raise _fail("Claim.status", f"one of {', '.join(STATUSES)} or None", value)


def _claim_credits(value: Iterable[Credit | str | tuple[str, str]]) -> tuple[Credit, ...]:
    return _credits(value, "Claim")


@attrs.frozen
class Claim:
    """What one or more sources state about an event, e.g.
    ``Claim(["independent-2020-10-05"], when="2020-09", place=Place("Stranda"))``.

    A field left ``None`` (or ``people`` empty) means these sources say nothing about it.
    ``note`` is free text about the statement ("'last month' in a report of 5 Oct 2020").
    """

    sources: tuple[str, ...] = attrs.field(converter=_strings, validator=_claim_sources)
    when: When | None = attrs.field(default=None, converter=_when_or_none)
    place: Place | None = attrs.field(default=None, validator=_optional_claim_place)
    status: str | None = attrs.field(default=None, validator=_optional_status)
    title: str | None = attrs.field(default=None, validator=_text(required=False))
    people: tuple[Credit, ...] = attrs.field(default=(), converter=_claim_credits)
    note: str | None = attrs.field(default=None, validator=_text(required=False))


def _claims(value: Iterable[Claim]) -> tuple[Claim, ...]:
    claims = tuple(value)
    for index, item in enumerate(claims):
        if not isinstance(item, Claim):
            raise _fail(f"Event.claims[{index}]", "a Claim", item)
    return claims


def _claimed_sources(claims: tuple[Claim, ...]) -> tuple[str, ...]:
    """The union of the claims' sources, in first-cited order."""
    return tuple(dict.fromkeys(source for claim in claims for source in claim.sources))


def _extra(value: Mapping[str, Any] | None) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise _fail("Event.extra", "a mapping of JSON values", value)
    return {key: _json_value(f"Event.extra.{key}", key, item, 2) for key, item in value.items()}


def _json_value(path: str, key: object, value: Any, depth: int) -> Any:
    """Copy ``value`` as plain JSON data (tuples become lists); reject what JSON can't carry
    and lists or mappings at a ``depth`` over :data:`~mitimeline.limits.MAX_JSON_DEPTH`
    (``extra`` itself is level 1)."""
    if not isinstance(key, str):
        raise _fail(path, "text keys", key)
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _fail(path, "a finite number", value)
        return value
    if isinstance(value, (list, tuple, Mapping)) and depth > limits.MAX_JSON_DEPTH:
        raise InvalidEventError(
            f"{path}: nested more than mitimeline.limits.MAX_JSON_DEPTH = "
            f"{limits.MAX_JSON_DEPTH:,} levels deep (set that attribute to allow more)", path)
    if isinstance(value, (list, tuple)):
        return [_json_value(f"{path}[{i}]", "", item, depth + 1) for i, item in enumerate(value)]
    if isinstance(value, Mapping):
        return {k: _json_value(f"{path}.{k}", k, v, depth + 1) for k, v in value.items()}
    raise _fail(path, "JSON data (text, number, true/false, null, list, mapping)", value)


@attrs.frozen
class Event:
    """One dated thing in a production: a shoot, a stunt, a move, a release, ...

    ``id`` is a slug unique within its timeline; ``when`` accepts anything
    :meth:`When.coerce` reads; ``sources`` are ids of the timeline's sources; ``extra`` is
    JSON data that plugins need to survive round trips.

    ``claims`` are what each source states (:class:`Claim`). Without claims the event's own
    fields are its only statement, cited by ``sources``. With claims the fields are the
    reconciled view and ``sources`` is the union of the claims' sources: filled in when left
    empty, and an error when given differently.
    """

    id: str = attrs.field(validator=_check(ID_SLUG, "a slug such as 'norway-ramp-jump'"))
    title: str = attrs.field(validator=_text(required=True))
    when: When = attrs.field(converter=_to_when)
    kind: str = attrs.field(default="other", validator=_one_of(KINDS))
    place: Place | None = attrs.field(default=None, validator=_optional_place)
    people: tuple[Credit, ...] = attrs.field(default=(), converter=_credits)
    unit: str | None = attrs.field(default=None, validator=_text(required=False))
    status: str = attrs.field(default="confirmed", validator=_one_of(STATUSES))
    region: str | None = attrs.field(
        default=None, validator=_check(_REGION, "an ISO 3166 code such as 'US' or 'GB-ENG'")
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_each_text)
    description: str | None = attrs.field(default=None, validator=_text(required=False))
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_each_text)
    extra: dict[str, Any] = attrs.field(factory=dict, converter=_extra, hash=False)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claims)

    def __attrs_post_init__(self) -> None:
        if not self.claims:
            return
        claimed = _claimed_sources(self.claims)
        if not self.sources:
            object.__setattr__(self, "sources", claimed)  # frozen: set once, while building
        elif set(self.sources) != set(claimed):
            raise _fail("Event.sources", f"the union of the claims' sources {list(claimed)}",
                        list(self.sources))

    def __repr__(self) -> str:
        return f"<Event {self.id} {self.when} {self.kind}: {self.title!r}>"

    def _repr_html_(self) -> str:
        from .notebook import event_html  # upward, on use: declared in the import contract

        return event_html(self)


_new, _set = object.__new__, object.__setattr__
_ID_LINES = re.compile(rf"(?:{ID_SLUG.pattern})(?:\n(?:{ID_SLUG.pattern}))*")
_REGION_LINES = re.compile(rf"(?:{_REGION.pattern})(?:\n(?:{_REGION.pattern}))*")
"""Ids or regions joined by newlines, checked in one call by :func:`_all_match`."""
_KIND_SET, _STATUS_SET = frozenset(KINDS), frozenset(STATUSES)
_PLAIN_FIELDS = ("id", "title", "when", "kind", "place", "people", "unit", "status", "region",
                 "sources", "description", "tags")


def plain_events(ids: Sequence[object], titles: Sequence[object], whens: Sequence[object],
                 kinds: Sequence[object], places: Sequence[object], people: Sequence[object],
                 units: Sequence[object], statuses: Sequence[object],
                 regions: Sequence[object], sources: Sequence[object],
                 descriptions: Sequence[object], tags: Sequence[object]) -> list[Event] | None:
    """The events of these columns (item ``i`` of each is a field of event ``i``, as
    ``Event(...)`` takes it, without ``extra`` or ``claims``), built about 4× faster than one
    by one, when every value is plainly valid in its final type (``when`` a ``When``,
    ``place`` a ``Place`` or None, ``people`` a tuple of ``Credit``, ``sources`` and ``tags``
    lists or tuples of text); None otherwise, and then ``Event(...)`` builds each or says
    what is wrong.

    For readers of many events (the JSON reader). It checks what ``Event``'s converters and
    validators check, a column at a time in C loops (``map``, one regular expression over
    all ids); a property test holds it to ``Event``."""
    count = len(ids)
    columns = (ids, titles, whens, kinds, places, people, units, statuses, regions, sources,
               descriptions, tags)
    if any(len(column) != count for column in columns):
        raise ValueError("plain_events: the columns differ in length")
    if not count:
        return []
    try:
        if not (_types(ids) == {str} and _all_match(_ID_LINES, ids)  # type: ignore[arg-type]
                and _types(titles) == {str} and all(map(str.strip, titles))  # type: ignore[arg-type]
                and _types(whens) == {When}
                and _KIND_SET.issuperset(kinds) and _STATUS_SET.issuperset(statuses)
                and _types(places) <= {Place, type(None)}
                and _types(units) <= {str, type(None)}
                and _types(descriptions) <= {str, type(None)}
                and _plain_regions(regions)
                and _types(people) == {tuple}
                and _types(chain.from_iterable(people)) <= {Credit}  # type: ignore[arg-type]
                and _types(sources) <= {list, tuple} and _types(tags) <= {list, tuple}
                and all(map(str.strip, chain.from_iterable(sources)))  # type: ignore[arg-type]
                and all(map(str.strip, chain.from_iterable(tags)))):  # type: ignore[arg-type]
            return None
    except TypeError:  # unhashable kinds or statuses, str.strip of anything but text
        return None
    events: list[Event] = list(map(_new, repeat(Event, count)))
    consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend  # in C
    for name, column in zip(_PLAIN_FIELDS, columns, strict=True):
        if name in ("sources", "tags"):
            column = list(map(tuple, column))  # type: ignore[arg-type]
        consume(map(_SLOT_SETTERS[name], events, column))
    consume(map(_SLOT_SETTERS["extra"], events, map(dict, repeat((), count))))
    consume(map(_SLOT_SETTERS["claims"], events, repeat((), count)))
    return events


_SLOT_SETTERS: dict[str, Callable[[Event, object], None]] = {
    field.name: Event.__dict__[field.name].__set__ for field in attrs.fields(Event)}
"""Each field's slot setter: ``object.__setattr__`` without looking the name up (42 instead
of 72 ns). Frozen: each slot is set once, while building, as attrs' ``__init__`` does."""


def _types(values: Iterable[object]) -> set[type]:
    return set(map(type, values))


def _plain_regions(regions: Sequence[object]) -> bool:
    """Every region None or text matching ``_REGION``."""
    given = list(compress(regions, map(is_not, regions, repeat(None))))
    return not given or (_types(given) == {str} and _all_match(_REGION_LINES, given))  # type: ignore[arg-type]


def _all_match(lines_pattern: re.Pattern[str], texts: list[str]) -> bool:
    """Every text matches the pattern that ``lines_pattern`` repeats on newline-joined lines:
    the pattern matches no newline, and no text holds one (the join has one per gap)."""
    joined = "\n".join(texts)
    return (joined.count("\n") == len(texts) - 1
            and lines_pattern.fullmatch(joined) is not None)
