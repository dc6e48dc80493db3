"""The options of the ``ical`` format: :class:`ExportOptions` and :class:`ImportOptions`.

Both are frozen attrs classes validated at construction, so a bad value becomes an
:class:`~mitimeline.OptionsError` naming the option (through ``build_options``).
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import attrs

from mitimeline.default_plugins.ical.rfc5545.values import positive_duration
from mitimeline.errors import DateParseError
from mitimeline.model import KINDS
from mitimeline.when import When

__all__ = [
    "DEFAULT_DESCRIPTION",
    "DEFAULT_REFRESH",
    "DESCRIPTION_FIELDS",
    "EXPAND_MODES",
    "ExportOptions",
    "ImportOptions",
]

EXPAND_MODES = ("window", "all", "none")
"""The values of the import option ``expand`` (see docs/ical.md, "Recurring events")."""

DESCRIPTION_FIELDS = ("description", "date", "kind", "status", "people", "unit", "region",
                      "place", "claims", "sources", "id", "title")
"""The ``{fields}`` a description template may use (see docs/ical.md)."""

DEFAULT_DESCRIPTION = (
    "{description}\n\n{date}\n{kind}\n{status}\n{people}\n{unit}\n{region}\n\n{claims}\n\n"
    "{sources}")
"""The default DESCRIPTION: the event's own text, then labelled details, who says what (for
an event with claims) and the sources."""


DEFAULT_REFRESH = "PT12H"
"""How often subscribers should fetch the calendar again by default: twice a day."""


def _refresh(value: object) -> str | None:
    """The ``refresh`` option: a positive RFC 5545 duration in canonical text, or ``None``
    (also the text ``none``, as the command line passes it) to write no refresh interval."""
    if value is None or (isinstance(value, str) and value.strip().lower() == "none"):
        return None
    if not isinstance(value, str):
        raise ValueError(f"refresh must be a duration as text such as 'PT12H', or None to "
                         f"write no refresh interval, got {value!r}")
    try:
        return positive_duration(value)
    except ValueError as exc:
        raise ValueError(f"refresh: {exc}; or None to write no refresh interval") from None


def _template(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise ValueError(f"{attribute.name} must be text or None, got {value!r}")
    try:
        parsed = list(string.Formatter().parse(value))
    except ValueError as exc:
        raise ValueError(f"{attribute.name} is not a valid template: {exc}") from None
    for _text, field, spec, conversion in parsed:
        if field is None:
            continue
        if field not in DESCRIPTION_FIELDS or spec or conversion:
            raise ValueError(
                f"{attribute.name}: unknown field {{{field}{'!' + conversion if conversion else ''}"
                f"{':' + spec if spec else ''}}}; use plain {{name}} fields among "
                f"{', '.join(DESCRIPTION_FIELDS)}")


def _kinds(value: object) -> frozenset[str] | None:
    if value is None:
        return None
    items = (value,) if isinstance(value, str) else value
    if not isinstance(items, Iterable):
        raise ValueError(f"kinds must be a kind or a collection of kinds, got {value!r}")
    kinds = frozenset(items)
    unknown = sorted(repr(kind) for kind in kinds if kind not in KINDS)
    if unknown:
        raise ValueError(f"kinds: unknown kind(s) {', '.join(unknown)}; "
                         f"choose among {', '.join(KINDS)}")
    return frozenset(str(kind) for kind in kinds)


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{attribute.name} must be text or None, got {value!r}")


def _stamp(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValueError(f"{attribute.name} must be a time-zone aware datetime, got {value!r}")


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise ValueError(f"{attribute.name} must be True or False, got {value!r}")


def _window_day(name: str, value: object) -> date | None:
    """The option ``name`` as a day: None, a ``datetime.date``, or a date as text (anything
    ``When.parse`` reads, e.g. from ``-i name=2019-06-30``; a whole number is a year) →
    the first day it may mean; anything else raises ValueError naming ``name``."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if type(value) is int and 1 <= value <= 9999:
        value = f"{value:04d}"
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a datetime.date, a date as text (e.g. "
                         f"'2019-06-30') or None, got {value!r}")
    try:
        when = When.parse(value)
    except DateParseError as exc:
        raise ValueError(f"{name}: {exc}") from None
    if when.open_start or when.lower == date.min:
        raise ValueError(f"{name}: {value!r} has no known first day")
    return when.lower


def _expand_from(value: object) -> date | None:
    return _window_day("expand_from", value)


def _expand_until(value: object) -> date | None:
    return _window_day("expand_until", value)


def _expand_mode(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in EXPAND_MODES:
        raise ValueError(f"{attribute.name} must be one of {', '.join(map(repr, EXPAND_MODES))}"
                         f", got {value!r}")


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 1:
        raise ValueError(f"{attribute.name} must be a whole number >= 1, got {value!r}")


@attrs.frozen
class ExportOptions:
    """How a timeline becomes a calendar; each field's ``help`` metadata says what it does
    (``mitimeline formats ical`` prints them)."""

    calendar_name: str | None = attrs.field(
        default=None, validator=_optional_text,
        metadata={"help": "NAME / X-WR-CALNAME of the calendar (none: the timeline's title)"})
    kinds: frozenset[str] | None = attrs.field(
        default=None, converter=_kinds,
        metadata={"help": "export only events of these kinds (none: all)"})
    include_sources: bool = attrs.field(
        default=True, validator=_flag,
        metadata={"help": "list the sources in DESCRIPTION and set URL"})
    description_template: str | None = attrs.field(
        default=DEFAULT_DESCRIPTION, validator=_template,
        metadata={"help": "str.format template of DESCRIPTION over the fields "
                          f"{', '.join(DESCRIPTION_FIELDS)}; a template line whose fields are "
                          "all empty is left out; none writes the event's own description "
                          "only"})
    mark_approximate: bool = attrs.field(
        default=True, validator=_flag,
        metadata={"help": "prefix SUMMARY with 'c. ' when the date is approximate"})
    lossless: bool = attrs.field(
        default=True, validator=_flag,
        metadata={"help": "write the X-MITIMELINE-* properties that make the round trip "
                          "exact"})
    uid_scope: str | None = attrs.field(
        default=None, validator=_optional_text,
        metadata={"help": "the text UIDs are derived from with the event id (none: the "
                          "timeline's title)"})
    stamp: datetime | None = attrs.field(
        default=None, validator=_stamp,
        metadata={"help": "DTSTAMP / LAST-MODIFIED of every event (none: from the sources' "
                          "dates)"})
    refresh: str | None = attrs.field(
        default=DEFAULT_REFRESH, converter=_refresh,
        metadata={"help": "how often subscribers should fetch the calendar again, an RFC 5545 "
                          "duration such as PT1H, written as REFRESH-INTERVAL and "
                          "X-PUBLISHED-TTL; none writes neither"})


@attrs.frozen
class ImportOptions:
    """How a calendar becomes a timeline; each field's ``help`` metadata says what it does
    (``mitimeline formats ical`` prints them)."""

    strict: bool = attrs.field(
        default=False, validator=_flag,
        metadata={"help": "raise ParseError at the first problem instead of importing what "
                          "can be read and reporting the rest as findings (an "
                          "ICalImportWarning)"})
    expand: str = attrs.field(
        default="window", validator=_expand_mode,
        metadata={"help": "what becomes of a recurring series: 'window' (its occurrences, an "
                          "open-ended series' only up to the calendar's horizon), 'all' (its "
                          "occurrences up to max_occurrences) or 'none' (one event at its "
                          "start that keeps the rule)"})
    expand_from: date | None = attrs.field(
        default=None, converter=_expand_from,
        metadata={"help": "expand only occurrences starting on or after this day (none: from "
                          "the series' start); a date or any date text, meaning its first "
                          "day"})
    expand_until: date | None = attrs.field(
        default=None, converter=_expand_until,
        metadata={"help": "expand only occurrences starting before this day (none: up to the "
                          "end 'expand' sets); a date or any date text, meaning its first "
                          "day"})
    max_occurrences: int = attrs.field(
        default=500, validator=_positive,
        metadata={"help": "at most this many occurrences per series; more is a finding"})

    def __attrs_post_init__(self) -> None:
        if (self.expand_from is not None and self.expand_until is not None
                and self.expand_until <= self.expand_from):
            raise ValueError(f"expand_until ({self.expand_until}) must be after expand_from "
                             f"({self.expand_from})")
