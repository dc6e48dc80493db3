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

import codecs
import contextlib
import errno
import io
import os
import stat
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, BinaryIO, cast

from . import plugins
from .errors import ExportError, MitimelineError, ParseError
from .formats import SNIFF_BYTES, Exporter, Parser, build_options
from .timeline import Timeline

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

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
        try:
            stream = _Input(path)
        except OSError as exc:
            raise _read_error(path, exc) from exc
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
        try:
            head, stream = _peek(stream)
        except OSError as exc:
            raise _read_error(filename or "<stream>", exc) from exc
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


def _read_error(source: str, exc: OSError) -> ParseError:
    if isinstance(exc, FileNotFoundError):
        reason = "no such file"
    elif isinstance(exc, IsADirectoryError):
        reason = "is a directory, not a file"
    else:
        reason = f"cannot read: {_reason(exc)}"
    return ParseError(reason, source=source, errno=exc.errno)


def _parse(parser: Parser, stream: IO[bytes], options: Any, source: str) -> Timeline:
    """Run the parser; turn its failures into :class:`ParseError` naming file, format, plugin.

    If reading the file failed (an :class:`OSError` such as EIO, noted by :class:`_Input`),
    that is the error reported, whatever the parser made of it.
    """
    plugin = plugins.plugin_of(parser)
    try:
        result = _run(parser, stream, options, source, plugin)
    except MitimelineError:
        failure = stream.failure if isinstance(stream, _Input) else None
        if failure is None:
            raise
        raise _read_error(source, failure) from failure
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


class _Input(io.BufferedReader):
    """A file a parser reads. Its raw file notes the first :class:`OSError` (``failure``),
    so a failing disk is reported as a read error even if the parser wraps or hides it;
    every buffered read (``read``, ``readline``, ``peek``, iteration, a ``TextIOWrapper`` on
    top) reaches the disk through that raw file."""

    def __init__(self, path: str) -> None:
        self._file = _NotingFileIO(path, "rb")
        super().__init__(self._file)

    @property
    def failure(self) -> OSError | None:
        return self._file.failure


class _NotingFileIO(io.FileIO):
    """An :class:`io.FileIO` that notes the first :class:`OSError` of a read or write
    (``failure``): the one place where the disk's errors are seen, under any buffering."""

    def __init__(self, file: str | int, mode: str) -> None:
        super().__init__(file, mode)
        self.failure: OSError | None = None

    def readinto(self, buffer: WriteableBuffer, /) -> int | None:
        try:
            return super().readinto(buffer)
        except OSError as exc:
            self.failure = self.failure or exc
            raise

    def readall(self) -> bytes:
        try:
            return super().readall()
        except OSError as exc:
            self.failure = self.failure or exc
            raise

    def write(self, buffer: ReadableBuffer, /) -> int:
        try:
            return super().write(buffer)
        except OSError as exc:
            self.failure = self.failure or exc
            raise


# -- writing ------------------------------------------------------------------------------


def export(
    timeline: Timeline, target: PathOrStream, format: str | None = None, **options: Any
) -> None:
    """Write ``timeline`` to a path or a binary file object.

    The format is ``format`` if given, else found from the target's extension. A path is
    written atomically: to a temporary file in the same directory, then renamed over the
    target, which is left untouched if anything fails and keeps its permission bits if it
    existed (a new file gets the umask default). A read-only target is refused; a failure
    to write (disk full, permission denied, ...) raises :class:`ExportError` naming the path,
    with ``errno`` set. A text format's output must be UTF-8. A file object is written
    directly.
    """
    _require_timeline(timeline, "export()")
    if isinstance(target, (str, os.PathLike)):
        path = os.fspath(target)
        exporter = plugins.find_exporter(format, path)
        built = build_options(exporter, options)

        def write(output: _Output) -> None:
            _export(exporter, timeline, output, built)
            problem = output.utf8_problem()
            if problem is not None:
                raise _not_utf8(exporter) from problem

        _write_atomic(path, write, utf8=not exporter.binary)
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
        raise _not_utf8(exporter) from exc


def _not_utf8(exporter: Exporter) -> ExportError:
    plugin = plugins.plugin_of(exporter)
    return ExportError(
        f"exporter {exporter.name!r} from plugin {plugin!r} wrote "
        f"bytes that are not UTF-8; a binary format must set binary = True",
        format=exporter.name, plugin=plugin,
    )


def _export(exporter: Exporter, timeline: Timeline, stream: IO[bytes], options: Any) -> None:
    """Run the exporter; turn its failures into :class:`ExportError` naming format and plugin."""
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


def _write_atomic(path: str, write: Callable[[_Output], None], utf8: bool = False) -> None:
    """Write a file through ``write`` so that ``path`` is either fully replaced or untouched.

    Symbolic links are followed: the file they point to is replaced. An :class:`OSError` from
    the file system (here or inside ``write``) becomes :class:`ExportError` naming ``path``.
    Only a killed process leaves its temporary file (``.NAME.*.tmp``) behind.
    """
    import tempfile  # only when writing: it is slow to import

    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    if not os.path.isdir(directory):
        shown = os.path.dirname(path) or directory
        raise ExportError(f"cannot write {path!r}: no such directory {shown!r}")
    if os.path.isdir(target):
        raise ExportError(f"cannot write {path!r}: it is a directory")
    existed = os.path.exists(target)
    if existed and not os.access(target, os.W_OK):
        raise ExportError(
            f"cannot write {path!r}: the file is read-only (it was left as it was)",
            errno=errno.EACCES,
        )
    mode = _mode_for(target)
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".tmp"
        )
    except OSError as exc:
        raise _write_error(path, exc, existed, creating=True) from exc
    output = _Output(descriptor, utf8)
    try:
        try:
            with output:
                write(output)
                output.flush()
                os.fsync(output.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except Exception as exc:
            failure = output.failure or (exc if isinstance(exc, OSError) else None)
            if failure is None:
                raise
            raise _write_error(path, failure, existed) from failure
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class _Output(io.BufferedWriter):
    """The temporary file an exporter writes to. Its raw file notes the first
    :class:`OSError` (``failure``) so a full disk is reported as such even if the exporter
    wraps it; for a text format it also notes the first bytes that are not UTF-8
    (``not_utf8``)."""

    def __init__(self, descriptor: int, utf8: bool) -> None:
        self._file = _NotingFileIO(descriptor, "wb")
        super().__init__(self._file)
        self.not_utf8: UnicodeDecodeError | None = None
        self._decoder = codecs.getincrementaldecoder("utf-8")() if utf8 else None

    @property
    def failure(self) -> OSError | None:
        return self._file.failure

    def write(self, buffer: ReadableBuffer, /) -> int:
        written = super().write(buffer)
        if self._decoder is not None and self.not_utf8 is None:
            try:
                self._decoder.decode(bytes(buffer))
            except UnicodeDecodeError as exc:
                self.not_utf8 = exc
        return written

    def utf8_problem(self) -> UnicodeDecodeError | None:
        """The first non-UTF-8 bytes written, once the exporter is done (text formats only)."""
        if self._decoder is not None and self.not_utf8 is None:
            try:
                self._decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                self.not_utf8 = exc
        return self.not_utf8


def _write_error(path: str, exc: OSError, existed: bool, creating: bool = False) -> ExportError:
    """E.g. ``cannot write 'out.ics': no space left on device (no file was written)``;
    ``creating`` says the temporary file could not even be created in the folder."""
    where = f"cannot create a file in {os.path.dirname(path) or '.'!r}: " if creating else ""
    kept = "the existing file was left as it was" if existed else "no file was written"
    return ExportError(f"cannot write {path!r}: {where}{_reason(exc)} ({kept})", errno=exc.errno)


def _reason(exc: OSError) -> str:
    """The OS's description of ``exc`` in lower case: ``no space left on device``."""
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


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
