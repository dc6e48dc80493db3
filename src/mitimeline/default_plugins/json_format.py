"""The built-in ``json`` format: the versioned mitimeline JSON document (see ``jsonio``).

Written as a third-party plugin would be: a :class:`Parser` and an :class:`Exporter`
registered from ``register_parsers`` / ``register_exporters`` hook implementations.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import gc
import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

import attrs

from .. import limits
from ..errors import ExportError, ParseError
from ..formats import Exporter, Parser
from ..hookspecs import hookimpl
from ..jsonio import timeline_from_data, timeline_to_data, unencodable_text

if TYPE_CHECKING:
    from ..timeline import Timeline

__all__ = ["JSONExporter", "JSONParser", "register_exporters", "register_parsers"]

_WHITESPACE = b" \t\r\n"


class JSONParser(Parser):
    """Reads a UTF-8 mitimeline JSON document (an optional BOM is ignored)."""

    name: ClassVar[str] = "json"
    extensions: ClassVar[tuple[str, ...]] = (".json",)
    media_types: ClassVar[tuple[str, ...]] = ("application/json",)

    def sniff(self, head: bytes) -> bool:
        """True when ``head`` opens a JSON object and mentions the ``"mitimeline"`` key."""
        body = head.removeprefix(codecs.BOM_UTF8)
        return body.lstrip(_WHITESPACE).startswith(b"{") and b'"mitimeline"' in body

    @attrs.frozen
    class Options:
        """``fast``: read with msgspec when the ``fast`` extra is installed (the same
        timeline, or the same error, as without it); False: always the standard library's
        ``json``."""

        fast: bool = attrs.field(
            default=True, validator=attrs.validators.instance_of(bool),
            metadata={"help": "read with msgspec when the fast extra is installed (the same "
                              "result); no: always the standard library's json"})

    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        """Decode, ``json.loads`` and convert; every failure is a located ParseError."""
        raw = stream.read()
        with _collector_paused():
            read_fast = _fast_reader() if options.fast else None
            fast = None if read_fast is None else read_fast(raw)
            return fast if fast is not None else timeline_from_data(_load_json(raw))


@functools.cache
def _fast_reader() -> Callable[[bytes], Timeline | None] | None:
    """:func:`mitimeline.jsonio_msgspec.timeline_from_json` when msgspec is installed (the
    ``fast`` extra), else None; looked for once per process."""
    try:
        from ..jsonio_msgspec import timeline_from_json  # optional heavy dependency: msgspec
    except ModuleNotFoundError as exc:
        if exc.name != "msgspec":
            raise
        return None
    return timeline_from_json


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document becomes objects, and
    restore it afterwards (also on errors; left off if it was off). Every object built
    survives, so the collector's passes over them are wasted work: 10,000 events loaded
    in 150 ms instead of 221 ms, 100,000 in 1.5 s instead of 5.9 s."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_json(raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(
            f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start} "
            f"({exc.reason}); mitimeline JSON must be UTF-8",
            location=f"byte {exc.start}", format="json",
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}",
                         location=f"line {exc.lineno}, column {exc.colno}",
                         format="json") from None
    except RecursionError:
        raise ParseError(
            "nested too deeply for Python's JSON reader (about 1,000 levels of arrays and "
            "objects); mitimeline JSON allows at most mitimeline.limits.MAX_JSON_DEPTH = "
            f"{limits.MAX_JSON_DEPTH:,} levels in an event's extra and needs fewer elsewhere",
            format="json") from None


def _indent(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise ValueError(f"indent must be None or a whole number >= 0, got {value!r}")


class JSONExporter(Exporter):
    """Writes the mitimeline JSON document as UTF-8 with a trailing newline."""

    name: ClassVar[str] = "json"
    extension: ClassVar[str] = ".json"
    media_type: ClassVar[str] = "application/json"

    @attrs.frozen
    class Options:
        """The JSON exporter's options (``help`` metadata: ``mitimeline formats json``)."""

        indent: int | None = attrs.field(
            default=2, validator=_indent,
            metadata={"help": "spaces per level; none for one compact line"})
        ensure_ascii: bool = attrs.field(
            default=False, validator=attrs.validators.instance_of(bool),
            metadata={"help": "escape every non-ASCII character as \\uXXXX"})

    def export(self, timeline: Timeline, stream: BinaryIO, options: Any) -> None:
        """Write ``timeline``; ExportError if it holds text UTF-8 cannot carry."""
        data = timeline_to_data(timeline)
        try:
            text = json.dumps(data, indent=options.indent, ensure_ascii=options.ensure_ascii,
                              allow_nan=False)
        except ValueError as exc:  # NaN or infinity: the model forbids them, JSON has none
            raise ExportError(f"cannot write as JSON: {exc}", format=self.name) from None
        try:
            encoded = text.encode("utf-8")
        except UnicodeEncodeError as exc:
            path, character = unencodable_text(data) or ("$", text[exc.start])
            raise ExportError(
                f"cannot write {character!r} at {path} as UTF-8: the timeline holds a lone "
                "surrogate; export with ensure_ascii=True to write it as a \\u escape",
                format=self.name,
            ) from None
        stream.write(encoded)
        stream.write(b"\n")


@hookimpl
def register_parsers(register: Callable[[Parser], None]) -> None:
    """Register the ``json`` parser."""
    register(JSONParser())


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the ``json`` exporter."""
    register(JSONExporter())
