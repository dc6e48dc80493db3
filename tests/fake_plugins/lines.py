"""A well-behaved plugin: the ``lines`` parser and exporter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO, ClassVar

import attrs

from mitimeline.errors import ParseError
from mitimeline.formats import Exporter, Parser
from mitimeline.hookspecs import hookimpl
from mitimeline.model import Event
from mitimeline.timeline import Timeline

MAGIC = b"#lines"


class LinesParser(Parser):
    name: ClassVar[str] = "lines"
    extensions: ClassVar[tuple[str, ...]] = (".lines",)
    media_types: ClassVar[tuple[str, ...]] = ("text/x-lines",)

    @attrs.frozen
    class Options:
        default_kind: str = "other"

    def sniff(self, head: bytes) -> bool:
        return head.startswith(MAGIC)

    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        header, *rows = stream.read().decode("utf-8").splitlines()
        if not header.startswith(MAGIC.decode()):
            raise ParseError("expected a '#lines' header", location="line 1")
        events = [_event(number, row, options) for number, row in enumerate(rows, start=2)]
        return Timeline(title=header[len(MAGIC):].strip(), events=events)


def _event(number: int, row: str, options: Any) -> Event:
    fields = row.split("\t")
    if len(fields) != 4:
        raise ParseError(f"expected 4 tab-separated fields, got {len(fields)}",
                         location=f"line {number}")
    event_id, when, kind, title = fields
    return Event(id=event_id, title=title, when=when, kind=kind or options.default_kind)


class LinesExporter(Exporter):
    name: ClassVar[str] = "lines"
    extension: ClassVar[str] = ".lines"
    media_type: ClassVar[str] = "text/x-lines"

    @attrs.frozen
    class Options:
        separator: str = "\t"

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        stream.write(b"#lines " + timeline.title.encode("utf-8") + b"\n")
        for event in timeline:
            fields = (event.id, str(event.when), event.kind, event.title)
            stream.write(options.separator.join(fields).encode("utf-8") + b"\n")


@hookimpl
def register_parsers(register: Callable[[Parser], None]) -> None:
    register(LinesParser())


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(LinesExporter())
