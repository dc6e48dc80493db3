"""mitimeline-uss: film schedules in the Universal Schedule Standard (USS 1.0) as timelines.

Each shoot day of a stripboard becomes a ``shoot`` event on its date (day N counted from the
calendar's ``start`` over working days), with its place, cast (board numbers in ``extra``),
unit, scenes and pages; the calendar's days off, holidays, travel, rehearsals, fittings and
photo shoots, and each element's own events, become events too. Every event is ``planned``
and cites the schedule. USS writers store days as instants (local midnight in UTC), so a
file with instants needs the ``timezone`` option. See ``docs/production-office.md``.
"""

from __future__ import annotations

import codecs
import json
import pathlib
import re
import warnings
from collections.abc import Callable
from typing import Any, BinaryIO

import attrs
import mitimeline

from .dates import DayReader
from .document import read_schedule
from .findings import CODES, USSFinding, USSImportWarning
from .mapping import timeline_of

__all__ = ["CODES", "SCHEMA", "Imported", "USSFinding", "USSImportWarning", "USSParser", "read",
           "register_parsers"]

MEDIA_TYPE = "application/json"  # USS has no media type of its own
SCHEMA = pathlib.Path(__file__).parent / "schema" / "uss-1.0.schema.json"
"""The JSON Schema of what this plugin reads, written from the USS 1.0 field list; the
reader also checks what a schema cannot (references between ids, one start event)."""
_HEAD = re.compile(rb'\s*\{\s*"universalScheduleStandard"\s*:')

# Keep this module cheap to import: everything here is the standard library and attrs.


@mitimeline.hookimpl
def register_parsers(register: Callable[[mitimeline.Parser], None]) -> None:
    register(USSParser())


def _zone(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    try:  # the model's rule for a time zone, as a Place checks it
        mitimeline.Place("x", timezone=value)  # type: ignore[arg-type]
    except mitimeline.InvalidEventError:
        raise ValueError(f"timezone must be an IANA time zone such as 'Europe/London', "
                         f"got {value!r}") from None


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{attribute.name} must be text or None, got {value!r}")


@attrs.frozen
class Imported:
    """What :func:`read` gives: the ``timeline`` and the ``findings`` of the import."""

    timeline: mitimeline.Timeline
    findings: tuple[USSFinding, ...]


class USSParser(mitimeline.Parser):
    """Reads USS 1.0 schedules (``.uss``); bad input raises :class:`mitimeline.ParseError`
    located at a JSON path such as ``$.universalScheduleStandard.breakdowns[3].type``."""

    name = "uss"
    extensions = (".uss", ".uss.json")
    media_types = (MEDIA_TYPE,)

    @attrs.frozen
    class Options:
        """Keyword options: ``mitimeline.load("x.uss", timezone="Europe/London")``."""

        timezone: str | None = attrs.field(
            default=None, validator=_zone,
            metadata={"help": "the production's IANA time zone, which turns USS instants into "
                              "days; required when the file's dates are instants "
                              "(...T07:00:00.000Z), unused otherwise"})
        stripboard: str | None = attrs.field(
            default=None, validator=_optional_text,
            metadata={"help": "the id or name of the stripboard to read; none: the first"})

    def sniff(self, head: bytes) -> bool:
        # A JSON object whose first key is the USS root.
        return _HEAD.match(head.removeprefix(codecs.BOM_UTF8)) is not None

    def parse(self, stream: BinaryIO, options: USSParser.Options) -> mitimeline.Timeline:
        imported = _read(stream.read(), options)
        if imported.findings:
            name = getattr(stream, "name", None)
            warnings.warn(USSImportWarning(imported.findings,
                                           name if isinstance(name, str) else "<stream>"),
                          stacklevel=2)
        return imported.timeline


def read(data: bytes | str, **options: Any) -> Imported:
    """Read a USS schedule from ``data`` (the file's bytes or text) with the parser's options;
    the findings are returned instead of warned about. Errors as :func:`mitimeline.loads`."""
    parser = USSParser()
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        return _read(raw, mitimeline.formats.build_options(parser, options))
    except mitimeline.ParseError as exc:
        raise exc.located(source="<string>", format=parser.name) from exc.__cause__


def _read(data: bytes, options: USSParser.Options) -> Imported:
    try:
        decoded = json.loads(data.removeprefix(codecs.BOM_UTF8).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise mitimeline.ParseError(f"expected UTF-8 JSON, found byte {data[exc.start]:#04x} "
                                    f"at offset {exc.start}", location="$") from None
    except json.JSONDecodeError as exc:
        raise mitimeline.ParseError(
            f"expected JSON (a USS file is one JSON object): {exc.msg} at line {exc.lineno}, "
            f"column {exc.colno}", location="$") from None
    except RecursionError:
        raise mitimeline.ParseError("expected JSON nested less deeply", location="$") from None
    findings: list[USSFinding] = []
    schedule = read_schedule(decoded, DayReader(options.timezone, findings))
    timeline = timeline_of(schedule, options.stripboard, findings)
    return Imported(timeline, tuple(findings))
