"""The built-in ``ical`` format: iCalendar (RFC 5545) ``.ics`` files, both ways.

Written as a third-party plugin would be: :class:`ICalParser` and :class:`ICalExporter`
registered from ``register_parsers`` / ``register_exporters``. The mapping is documented in
``docs/ical.md``. Problems found while importing are reported as one
:class:`ICalImportWarning` per file (``.findings``), or raised with ``strict=True``;
:func:`load_with_findings` returns them instead.
"""

from __future__ import annotations

import codecs
import os
import sys
import warnings
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, BinaryIO, ClassVar

import mitimeline
from mitimeline._files import opened_for_reading
from mitimeline.default_plugins.ical.findings import ICalFinding, ICalImportWarning
from mitimeline.default_plugins.ical.options import (
    DEFAULT_DESCRIPTION,
    DEFAULT_REFRESH,
    DESCRIPTION_FIELDS,
    ExportOptions,
    ImportOptions,
)
from mitimeline.default_plugins.ical.read.importer import read_calendar
from mitimeline.default_plugins.ical.rfc5545.writer import write_lines
from mitimeline.default_plugins.ical.write.calendar import calendar_lines, exported_events
from mitimeline.errors import ParseError
from mitimeline.formats import Exporter, Parser, build_options
from mitimeline.hookspecs import hookimpl

if TYPE_CHECKING:
    from mitimeline.timeline import Timeline

__all__ = [
    "DEFAULT_DESCRIPTION",
    "DEFAULT_REFRESH",
    "DESCRIPTION_FIELDS",
    "ExportOptions",
    "ICalExporter",
    "ICalFinding",
    "ICalImportWarning",
    "ICalParser",
    "ImportOptions",
    "load_with_findings",
    "register_exporters",
    "register_parsers",
]

_PACKAGE_ROOT = os.path.dirname(os.path.abspath(mitimeline.__file__)) + os.sep
"""The folder of the ``mitimeline`` package (and so of this plugin), ending with a separator:
frames whose file is below it are mitimeline's own."""


class ICalParser(Parser):
    """Reads iCalendar files as real clients write them (see docs/ical.md, "Import")."""

    name: ClassVar[str] = "ical"
    extensions: ClassVar[tuple[str, ...]] = (".ics", ".ical", ".ifb", ".icalendar")
    media_types: ClassVar[tuple[str, ...]] = ("text/calendar",)
    Options: ClassVar[type[Any]] = ImportOptions

    def sniff(self, head: bytes) -> bool:
        """True when the first non-blank line is ``BEGIN:VCALENDAR`` (any case, BOM ignored)."""
        body = head.removeprefix(codecs.BOM_UTF8)
        return body.lstrip(b" \t\r\n")[:15].upper() == b"BEGIN:VCALENDAR"

    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        """Read the stream to its end, a chunk at a time; problems become one
        :class:`ICalImportWarning`, or a ParseError at the first one when ``options.strict``."""
        timeline, findings = read_calendar(stream, options)
        if findings:
            warnings.warn(ICalImportWarning(_name_of(stream), tuple(findings)),
                          stacklevel=_caller_level())
        return timeline


class ICalExporter(Exporter):
    """Writes one VCALENDAR, CRLF line ends, lines folded at 75 octets, UTF-8."""

    name: ClassVar[str] = "ical"
    extension: ClassVar[str] = ".ics"
    media_type: ClassVar[str] = "text/calendar"
    Options: ClassVar[type[Any]] = ExportOptions

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> int:
        """Stream the calendar to ``stream``; the same timeline always gives the same bytes.
        Returns how many events it holds (those of the ``kinds`` chosen)."""
        write_lines(stream, calendar_lines(timeline, options))
        return len(exported_events(timeline, options))


def load_with_findings(
    source: str | os.PathLike[str] | IO[bytes], **options: Any
) -> tuple[Timeline, tuple[ICalFinding, ...]]:
    """Read an iCalendar file (a path or a binary file object): the timeline and its
    findings, returned instead of warned about. ``strict=True`` raises at the first one.

    Errors are those of ``mitimeline.load``, from the same opening code
    (``mitimeline._files``): :class:`~mitimeline.ParseError` naming the file, with ``errno``
    set when it could not be opened or read.
    """
    built = build_options(ICalParser(), options)
    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        with opened_for_reading(name) as stream:
            return _read_located(stream, name, built)
    return _read_located(source, _name_of(source), built)


def _read_located(stream: IO[bytes], name: str,
                  options: Any) -> tuple[Timeline, tuple[ICalFinding, ...]]:
    try:
        timeline, findings = read_calendar(stream, options)
    except ParseError as exc:
        located = exc.located(source=name, format=ICalParser.name)
        raise located.with_traceback(exc.__traceback__) from exc.__cause__
    return timeline, tuple(findings)


def _caller_level() -> int:
    """The ``stacklevel`` that points a warning at the first caller outside mitimeline (the
    user's ``load()``), however deep mitimeline's own calls go."""
    frame = sys._getframe(1)  # the function that warns: stacklevel 1
    level = 1
    while frame.f_back is not None and os.path.abspath(frame.f_code.co_filename).startswith(
            _PACKAGE_ROOT):
        frame = frame.f_back
        level += 1
    return level


def _name_of(stream: IO[bytes] | BinaryIO) -> str:
    name = getattr(stream, "name", None)
    return name if isinstance(name, str) else "<stream>"


@hookimpl
def register_parsers(register: Callable[[Parser], None]) -> None:
    """Register the ``ical`` parser."""
    register(ICalParser())


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the ``ical`` exporter."""
    register(ICalExporter())
