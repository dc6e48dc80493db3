"""Reading and writing timelines through format plugins: ``load``, ``loads``, ``export``,
``dumps``.

Formats are chosen by :func:`mitimeline.plugins.find_parser` / ``find_exporter``; keyword
options are checked against the format's ``Options`` (:func:`~mitimeline.formats.build_options`).
Errors raised inside a plugin are reported as :class:`~mitimeline.ParseError` or
:class:`~mitimeline.ExportError` naming the plugin and format; other
:class:`~mitimeline.MitimelineError` subclasses pass through unchanged. Operating-system
errors (unreadable input, a full disk, ...) become ``ParseError`` / ``ExportError`` naming
the path, with the :class:`OSError` as ``__cause__`` and its ``errno`` kept. Exceptions that
are not :class:`Exception` (``KeyboardInterrupt``) pass through untouched.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import IO, Any, BinaryIO, cast

from . import plugins
from ._files import Output, opened_for_reading, read_error, write_atomic
from .errors import ExportError, MitimelineError, ParseError
from .formats import SNIFF_BYTES, Exporter, Parser, build_options
from .timeline import Timeline

__all__ = ["dumps", "export", "load", "loads"]

PathOrStream = str | os.PathLike[str] | IO[bytes]


# -- reading ------------------------------------------------------------------------------


def load(source: PathOrStream, format: str | None = None, **options: Any) -> Timeline:
    """Read a timeline from a path or a binary file object.

    The format is ``format`` if given, else found from the file name's extension, else by
    sniffing the first :data:`~mitimeline.formats.SNIFF_BYTES` bytes. A file that cannot be
    opened or read (missing, a directory, permission denied) raises :class:`ParseError`
    naming it, with ``errno`` set. Non-seekable streams are read into memory.
    """
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        with opened_for_reading(path) as stream:
            return _load_stream(stream, path, format, options)
    _require_binary(source, "load()")
    name = getattr(source, "name", None)
    return _load_stream(source, name if isinstance(name, str) else None, format, options)


def loads(data: str | bytes, format: str, **options: Any) -> Timeline:
    """Read a timeline from ``data`` in ``format`` (text is encoded as UTF-8)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, bytes):
        raise TypeError(f"loads() needs str or bytes, got {type(data).__name__}")
    parser = plugins.find_parser(format)
    return _parse(parser, io.BytesIO(data), build_options(parser, options), "<string>")


def _load_stream(
    stream: IO[bytes], filename: str | None, format: str | None, options: dict[str, Any]
) -> Timeline:
    head = None
    if format is None:
        try:
            head, stream = _peek(stream)
        except OSError as exc:
            raise read_error(filename or "<stream>", exc) from exc
    parser = plugins.find_parser(format, filename, head)
    built = build_options(parser, options)
    return _parse(parser, stream, built, filename or "<stream>")


def _peek(stream: IO[bytes]) -> tuple[bytes, IO[bytes]]:
    """The first bytes of ``stream`` and a stream that still starts at them."""
    if stream.seekable():
        position = stream.tell()
        head = stream.read(SNIFF_BYTES)
        stream.seek(position)
        return head, stream
    head = stream.read(SNIFF_BYTES)
    return head, io.BytesIO(head + stream.read())


def _parse(parser: Parser, stream: IO[bytes], options: Any, source: str) -> Timeline:
    """Run the parser; turn its failures into :class:`ParseError` naming file, format, plugin.

    (A file that failed to read is reported as such by ``opened_for_reading``.)
    """
    plugin = plugins.plugin_of(parser)
    result = _run(parser, stream, options, source, plugin)
    if not isinstance(result, Timeline):
        raise ParseError(
            f"parser {parser.name!r} from plugin {plugin!r} returned "
            f"{type(result).__name__}, expected a Timeline",
            source=source, format=parser.name, plugin=plugin,
        )
    return result


def _run(parser: Parser, stream: IO[bytes], options: Any, source: str, plugin: str) -> object:
    """``parser.parse``; a ParseError is located at ``source``, another MitimelineError
    passes, any other exception becomes a ParseError naming the parser and plugin."""
    try:
        return parser.parse(cast(BinaryIO, stream), options)
    except ParseError as exc:
        located = exc.located(source=source, format=parser.name, plugin=plugin)
        raise located.with_traceback(exc.__traceback__) from exc.__cause__
    except MitimelineError:
        raise
    except Exception as exc:
        raise ParseError(
            f"parser {parser.name!r} from plugin {plugin!r} failed: {type(exc).__name__}: {exc}",
            source=source, format=parser.name, plugin=plugin,
        ) from exc


# -- writing ------------------------------------------------------------------------------


def export(
    timeline: Timeline, target: PathOrStream, format: str | None = None, **options: Any
) -> int:
    """Write ``timeline`` to a path or a binary file object; return how many of its events
    were written (fewer than ``len(timeline)`` when options such as ``kinds`` leave some out).

    The format is ``format`` if given, else found from the target's extension. A path's
    folder must exist (it is not created, as for ``open()``). A path is written atomically:
    to a temporary file in the same directory, then renamed over the target, which is left
    untouched if anything fails and keeps its permission bits if it existed (a new file gets
    the umask default). A read-only target (no write permission bit, even when run as root)
    is refused; a failure to write (disk full, permission denied, ...) raises
    :class:`ExportError` naming the path, with ``errno`` set. A text format's output must be
    UTF-8. A file object is written directly.
    """
    _require_timeline(timeline, "export()")
    if isinstance(target, (str, os.PathLike)):
        path = os.fspath(target)
        exporter = plugins.find_exporter(format, path)
        built = build_options(exporter, options)

        written = []

        def write(output: Output) -> None:
            written.append(_export(exporter, timeline, output, built))
            problem = output.utf8_problem()
            if problem is not None:
                raise _not_utf8(exporter) from problem

        write_atomic(path, write, utf8=not exporter.binary)
        return written[0]
    _require_binary(target, "export()")
    name = getattr(target, "name", None)
    exporter = plugins.find_exporter(format, name if isinstance(name, str) else None)
    return _export(exporter, timeline, target, build_options(exporter, options))


def dumps(timeline: Timeline, format: str, **options: Any) -> str | bytes:
    """``timeline`` in ``format``: ``bytes`` if the exporter is binary, else UTF-8 text."""
    _require_timeline(timeline, "dumps()")
    exporter = plugins.find_exporter(format)
    buffer = io.BytesIO()
    _export(exporter, timeline, buffer, build_options(exporter, options))
    data = buffer.getvalue()
    if exporter.binary:
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(exporter) from exc


def _not_utf8(exporter: Exporter) -> ExportError:
    plugin = plugins.plugin_of(exporter)
    return ExportError(
        f"exporter {exporter.name!r} from plugin {plugin!r} wrote "
        f"bytes that are not UTF-8; a binary format must set binary = True",
        format=exporter.name, plugin=plugin,
    )


def _export(exporter: Exporter, timeline: Timeline, stream: IO[bytes], options: Any) -> int:
    """Run the exporter; turn its failures into :class:`ExportError` naming format and plugin;
    return how many events it wrote (all of them when it returns ``None``)."""
    plugin = plugins.plugin_of(exporter)
    about = f"exporter {exporter.name!r} from plugin {plugin!r}"
    try:
        run = cast("Callable[[Timeline, BinaryIO, Any], object]", exporter.export)
        returned = run(timeline, cast(BinaryIO, stream), options)
    except ExportError as exc:
        exc.format = exc.format or exporter.name
        exc.plugin = exc.plugin or plugin
        raise
    except MitimelineError:
        raise
    except Exception as exc:
        raise ExportError(
            f"{about} failed: {type(exc).__name__}: {exc}", format=exporter.name, plugin=plugin
        ) from exc
    if isinstance(returned, (str, bytes, bytearray, memoryview)):
        raise ExportError(
            f"{about} returned {type(returned).__name__} instead of writing it to the stream",
            format=exporter.name, plugin=plugin,
        )
    if stream.closed:
        raise ExportError(
            f"{about} closed its output stream; exporters must leave it open "
            "(detach() a TextIOWrapper instead of closing it)",
            format=exporter.name, plugin=plugin,
        )
    if returned is None:
        return len(timeline)
    if type(returned) is not int or not 0 <= returned <= len(timeline):
        raise ExportError(
            f"{about} returned {returned!r}; expected None (every event written) or how many "
            f"of the {len(timeline)} events it wrote",
            format=exporter.name, plugin=plugin,
        )
    return returned


# -- argument checks ----------------------------------------------------------------------


def _require_binary(stream: object, caller: str) -> None:
    if isinstance(stream, io.TextIOBase):
        raise TypeError(f"{caller} needs a binary file object; open the file in binary mode")


def _require_timeline(timeline: object, caller: str) -> None:
    if not isinstance(timeline, Timeline):
        raise TypeError(f"{caller} needs a mitimeline.Timeline, got {type(timeline).__name__}")
