"""mitimeline-markwhen: timelines as Markwhen (``.mw``), the plain-text timeline format.

``tl.export("mi7.mw")`` writes a document the Markwhen parser (npm ``@markwhen/parser``)
reads without a message: quoted header values, dates Markwhen understands (level-0 EDTF,
else the day bounds) with the exact EDTF in an ``edtf`` property, optional ``#`` sections
(``group_by``), ``#tags``, a ``[Place](location)`` link and the event's fields as
properties. ``mitimeline.load("notes.mw")`` reads hand-written Markwhen back, and our own
exports exactly. See ``docs/markwhen.md``.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any, BinaryIO

import attrs
import mitimeline

from .dates import date_part, day_bounds
from .reader import read
from .writer import GROUPS, write

__all__ = ["GROUPS", "MarkwhenExporter", "MarkwhenParser", "date_part", "day_bounds",
           "register_exporters", "register_parsers"]

MEDIA_TYPE = "text/markwhen"

# Keep this module cheap to import: PyYAML is imported only when a document is read.


@mitimeline.hookimpl
def register_parsers(register: Callable[[mitimeline.Parser], None]) -> None:
    register(MarkwhenParser())


@mitimeline.hookimpl
def register_exporters(register: Callable[[mitimeline.Exporter], None]) -> None:
    register(MarkwhenExporter())


class MarkwhenParser(mitimeline.Parser):
    """Reads Markwhen documents; bad or unsupported input raises
    :class:`mitimeline.ParseError` at ``line N``."""

    name = "markwhen"
    extensions = (".mw",)
    media_types = (MEDIA_TYPE,)

    def parse(self, stream: BinaryIO, options: Any) -> mitimeline.Timeline:
        data = stream.read().removeprefix(codecs.BOM_UTF8)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise mitimeline.ParseError(
                f"expected UTF-8 text, found byte {data[exc.start:exc.start + 1]!r}",
                location=f"line {line}") from None
        return read(text)


def _group_by(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in GROUPS:
        allowed = ", ".join(repr(name) for name in (*GROUPS, None))
        raise ValueError(f"group_by must be one of {allowed}, got {value!r}")


def _timezone(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    try:
        mitimeline.Place("x", timezone=value)  # type: ignore[arg-type]
    except mitimeline.InvalidEventError:
        raise ValueError(
            f"timezone must be an IANA time zone such as 'UTC' or 'Europe/Oslo', got {value!r}"
        ) from None


class MarkwhenExporter(mitimeline.Exporter):
    """Writes Markwhen documents (see the module docstring)."""

    name = "markwhen"
    extension = ".mw"
    media_type = MEDIA_TYPE

    @attrs.frozen
    class Options:
        """Keyword options: ``tl.export("x.mw", group_by="unit", timezone="Europe/Oslo")``."""

        group_by: str | None = attrs.field(default=None, validator=_group_by)
        """``"place"`` (name), ``"country"``, ``"unit"`` or ``"kind"``: a ``#`` section per
        value, events without one before the first; ``None``: no sections."""
        timezone: str = attrs.field(default="UTC", validator=_timezone)
        """The header's time zone: Markwhen places each day in it."""

    def export(
        self, timeline: mitimeline.Timeline, stream: BinaryIO,
        options: MarkwhenExporter.Options,
    ) -> None:
        text = write(timeline, options.timezone, options.group_by)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate such as "\ud800"
            line = text.count("\n", 0, exc.start) + 1
            raise mitimeline.ExportError(
                f"cannot write {exc.object[exc.start:exc.end]!r} as UTF-8, at line {line} of "
                "the Markwhen document", format=self.name) from exc
        stream.write(data)
