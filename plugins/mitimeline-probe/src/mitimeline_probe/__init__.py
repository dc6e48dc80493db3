"""mitimeline-probe: the ``.probe`` format, one event per line, and a ``probe-info`` command.

Also the template for third-party mitimeline plugins: docs/writing-plugins.md shows this
whole module, part by part, and README.md describes the format. Everything it uses is
public API: ``mitimeline.hookimpl``, ``mitimeline.Parser``, ``mitimeline.Exporter``,
``mitimeline.Command``, the model classes and the errors.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

import attrs
import mitimeline

if TYPE_CHECKING:
    import argparse

# Keep this module cheap to import: mitimeline imports every plugin the first time it
# needs formats (`mitimeline formats`, for example). This format needs nothing beyond the
# standard library. A plugin built on a heavy library (pandas, lxml, ...) should import
# it inside `parse` / `export`, not here at module level.

__all__ = [
    "ProbeExporter",
    "ProbeParser",
    "probe_info",
    "probe_info_arguments",
    "register_commands",
    "register_exporters",
    "register_parsers",
]

HEADER = "# probe:"  # the first line: "# probe: <timeline title>"
MEDIA_TYPE = "text/x-mitimeline-probe"
FIELDS = "EDTF date, kind, id, title"  # an event line's fields, for error messages


# -- reading -------------------------------------------------------------------------------


class ProbeParser(mitimeline.Parser):
    """Reads ``.probe`` files; bad input raises :class:`mitimeline.ParseError` at ``line N``."""

    name = "probe"
    extensions = (".probe",)
    media_types = (MEDIA_TYPE,)

    def sniff(self, head: bytes) -> bool:
        # Used when the file name gives no answer: decide from the first bytes alone.
        return head.removeprefix(codecs.BOM_UTF8).startswith(HEADER.encode())

    def parse(self, stream: BinaryIO, options: Any) -> mitimeline.Timeline:
        data = stream.read().removeprefix(codecs.BOM_UTF8)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise mitimeline.ParseError(
                f"expected UTF-8 text, found byte {data[exc.start:exc.start + 1]!r}",
                location=f"line {line}",
            ) from None

        # Split on "\n" only: str.splitlines() would also split on characters such as
        # U+2028 that may legitimately appear in titles.
        lines = [line.removesuffix("\r") for line in text.split("\n")]
        if not lines[0].startswith(HEADER):
            raise mitimeline.ParseError(
                f"expected the header '{HEADER} <timeline title>', got {lines[0][:40]!r}",
                location="line 1",
            )
        title = _unescape(lines[0][len(HEADER):].removeprefix(" "), "line 1")
        events = [
            _read_event(line, f"line {number}")
            for number, line in enumerate(lines[1:], start=2)
            if line.strip() and not line.startswith("#")
        ]
        return mitimeline.Timeline(title=title, events=events)


def _read_event(line: str, location: str) -> mitimeline.Event:
    fields = line.split("\t")
    if len(fields) != 4:
        raise mitimeline.ParseError(
            f"expected 4 tab-separated fields ({FIELDS}), found {len(fields)}",
            location=location,
        )
    edtf, kind, event_id, title = fields
    try:
        when = mitimeline.When(edtf)
    except mitimeline.DateParseError as exc:
        raise mitimeline.ParseError(
            f"expected an EDTF date in the first field: {exc}", location=location
        ) from exc
    try:
        return mitimeline.Event(
            id=event_id, kind=kind, when=when, title=_unescape(title, location)
        )
    except mitimeline.InvalidEventError as exc:  # a bad id, kind or empty title
        raise mitimeline.ParseError(str(exc), location=location) from exc


_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_ESCAPE_SEQUENCE = re.compile(r"\\(.?)")


def _unescape(text: str, location: str) -> str:
    def replace(match: re.Match[str]) -> str:
        try:
            return _UNESCAPES[match.group(1)]
        except KeyError:
            raise mitimeline.ParseError(
                f"expected \\t, \\n, \\r or \\\\ in a title, got {match.group()!r}",
                location=location,
            ) from None

    return _ESCAPE_SEQUENCE.sub(replace, text)


# -- writing -------------------------------------------------------------------------------


class ProbeExporter(mitimeline.Exporter):
    """Writes ``.probe`` files: the timeline title, then one line per event."""

    name = "probe"
    extension = ".probe"
    media_type = MEDIA_TYPE

    @attrs.frozen
    class Options:
        """Keyword options: ``tl.export("x.probe", sort=True)``, ``-o sort=true`` on the CLI.

        mitimeline builds this from the user's keywords. An unknown keyword, or a value
        the validator rejects, becomes a :class:`mitimeline.OptionsError`.
        """

        sort: bool = attrs.field(
            default=False, validator=attrs.validators.instance_of(bool),
            metadata={"help": "write the events in date order instead of the timeline's order"})

    def export(
        self, timeline: mitimeline.Timeline, stream: BinaryIO, options: ProbeExporter.Options
    ) -> None:
        events = timeline.sorted() if options.sort else timeline
        lines = [f"{HEADER} {_escape(timeline.title)}"]
        lines += [f"{e.when}\t{e.kind}\t{e.id}\t{_escape(e.title)}" for e in events]
        try:
            data = "".join(line + "\n" for line in lines).encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate such as "\ud800"
            raise mitimeline.ExportError(
                f"cannot write {exc.object[exc.start:exc.end]!r} as UTF-8", format=self.name
            ) from exc
        stream.write(data)


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)


# -- the plugin's hooks: mitimeline calls these once, when it loads the plugin ------------


@mitimeline.hookimpl
def register_parsers(register: Callable[[mitimeline.Parser], None]) -> None:
    register(ProbeParser())


@mitimeline.hookimpl
def register_exporters(register: Callable[[mitimeline.Exporter], None]) -> None:
    register(ProbeExporter())


@mitimeline.hookimpl
def register_commands(register: Callable[[mitimeline.Command], None]) -> None:
    register(
        mitimeline.Command(
            name="probe-info",
            help="describe a .probe file: its title and how many events of each kind",
            run=probe_info,
            arguments=probe_info_arguments,
        )
    )


# -- a command: mitimeline probe-info FILE ---------------------------------------------------


def probe_info_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a .probe file")


def probe_info(args: argparse.Namespace, out: TextIO) -> int:
    # A mitimeline.ParseError raised here reaches the user as one line, exit code 2.
    timeline = mitimeline.load(args.file, format="probe")
    print(f"{timeline.title}: {len(timeline)} events", file=out)
    for kind, count in sorted(Counter(event.kind for event in timeline).items()):
        print(f"  {kind}: {count}", file=out)
    return 0
