"""Reading and writing timelines through format plugins: ``load``, ``loads``, ``export``,
``dumps``.

Formats are chosen by :func:`mitimeline.plugins.find_parser` / ``find_exporter``; keyword
options are checked against the format's ``Options`` (:func:`~mitimeline.formats.build_options`).
Errors raised inside a plugin are reported as :class:`~mitimeline.ParseError` or
:class:`~mitimeline.ExportError` naming the plugin and format; other
:class:`~mitimeline.MitimelineError` subclasses pass through unchanged.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Callable
from typing import IO, Any, BinaryIO, cast

from . import plugins
from .errors import ExportError, MitimelineError, ParseError
from .formats import SNIFF_BYTES, Exporter, Parser, build_options
from .timeline import Timeline

__all__ = ["dumps", "export", "load", "loads"]

PathOrStream = str | os.PathLike[str] | IO[bytes]


# -- reading ------------------------------------------------------------------------------


def load(source: PathOrStream, format: str | None = None, **options: Any) -> Timeline:
    """Read a timeline from a path or a binary file object.

    The format is ``format`` if given, else found from the file name's extension, else by
    sniffing the first :data:`~mitimeline.formats.SNIFF_BYTES` bytes. A missing file raises
    :class:`ParseError` ("no such file") naming it. Non-seekable streams are read into memory.
    """
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        try:
            stream = open(path, "rb")  # noqa: SIM115 -- closed by the with below
        except FileNotFoundError as exc:
            raise ParseError("no such file", source=path) from exc
        with stream:
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
        head, stream = _peek(stream)
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
    """Run the parser; turn its failures into :class:`ParseError` naming file, format, plugin."""
    plugin = plugins.plugin_of(parser)
    try:
        result = parser.parse(cast(BinaryIO, stream), options)
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
    if not isinstance(result, Timeline):
        raise ParseError(
            f"parser {parser.name!r} from plugin {plugin!r} returned "
            f"{type(result).__name__}, expected a Timeline",
            source=source, format=parser.name, plugin=plugin,
        )
    return result


# -- writing ------------------------------------------------------------------------------


def export(
    timeline: Timeline, target: PathOrStream, format: str | None = None, **options: Any
) -> None:
    """Write ``timeline`` to a path or a binary file object.

    The format is ``format`` if given, else found from the target's extension. A path is
    written atomically: to a temporary file in the same directory, then renamed over the
    target, which is left untouched if anything fails and keeps its permission bits if it
    existed (a new file gets the umask default). A file object is written directly.
    """
    _require_timeline(timeline, "export()")
    if isinstance(target, (str, os.PathLike)):
        path = os.fspath(target)
        exporter = plugins.find_exporter(format, path)
        built = build_options(exporter, options)
        _write_atomic(path, lambda stream: _export(exporter, timeline, stream, built))
        return
    _require_binary(target, "export()")
    name = getattr(target, "name", None)
    exporter = plugins.find_exporter(format, name if isinstance(name, str) else None)
    _export(exporter, timeline, target, build_options(exporter, options))


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
        raise ExportError(
            f"exporter {exporter.name!r} from plugin {plugins.plugin_of(exporter)!r} wrote "
            f"bytes that are not UTF-8; a binary format must set binary = True",
            format=exporter.name, plugin=plugins.plugin_of(exporter),
        ) from exc


def _export(exporter: Exporter, timeline: Timeline, stream: IO[bytes], options: Any) -> None:
    """Run the exporter; turn its failures into :class:`ExportError` naming format and plugin."""
    plugin = plugins.plugin_of(exporter)
    about = f"exporter {exporter.name!r} from plugin {plugin!r}"
    try:
        exporter.export(timeline, cast(BinaryIO, stream), options)
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
    if stream.closed:
        raise ExportError(
            f"{about} closed its output stream; exporters must leave it open "
            "(detach() a TextIOWrapper instead of closing it)",
            format=exporter.name, plugin=plugin,
        )


def _write_atomic(path: str, write: Callable[[IO[bytes]], None]) -> None:
    """Write a file through ``write`` so that ``path`` is either fully replaced or untouched.

    Symbolic links are followed: the file they point to is replaced.
    """
    import tempfile  # only when writing: it is slow to import

    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    if not os.path.isdir(directory):
        raise FileNotFoundError(f"cannot write {path!r}: no such directory {directory!r}")
    mode = _mode_for(target)
    temporary = tempfile.NamedTemporaryFile(  # noqa: SIM115 -- closed by the with below
        dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".tmp", delete=False
    )
    try:
        with temporary:
            write(temporary)
            temporary.flush()
            os.fsync(temporary.fileno())
        os.chmod(temporary.name, mode)
        os.replace(temporary.name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary.name)
        raise


def _mode_for(target: str) -> int:
    """The permission bits to give ``target``: its own if it exists, else the umask default."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read from /proc where possible so it is never changed, even briefly."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o077)  # a restrictive mask while we look, in case another thread writes
    os.umask(mask)
    return mask


# -- argument checks ----------------------------------------------------------------------


def _require_binary(stream: object, caller: str) -> None:
    if isinstance(stream, io.TextIOBase):
        raise TypeError(f"{caller} needs a binary file object; open the file in binary mode")


def _require_timeline(timeline: object, caller: str) -> None:
    if not isinstance(timeline, Timeline):
        raise TypeError(f"{caller} needs a mitimeline.Timeline, got {type(timeline).__name__}")
