"""Files on disk, for every reader and writer: opening an input so that the disk's errors
are reported as such, and writing an output atomically.

One wording for the operating system's errors: reading raises
:class:`~mitimeline.ParseError` naming the path (``no such file``, ``is a directory, not a
file``, ``cannot read: permission denied``), writing raises :class:`~mitimeline.ExportError`
naming the path and saying what became of the existing file; both keep ``errno`` and chain
the :class:`OSError`.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import io
import os
import stat
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .errors import ExportError, ParseError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer, WriteableBuffer

__all__ = ["Input", "Output", "opened_for_reading", "os_reason", "read_error", "write_atomic"]


# -- reading ------------------------------------------------------------------------------


@contextlib.contextmanager
def opened_for_reading(path: str) -> Iterator[Input]:
    """The file at ``path``, open for reading as an :class:`Input`, closed afterwards.

    A file that cannot be opened (missing, a directory, a FIFO nobody writes to is waited
    for as the OS does, permission denied) raises :func:`read_error`. If reading the file
    failed (an :class:`OSError` such as EIO, noted by the :class:`Input`), any exception
    raised in the block becomes that read error, whatever the reader made of it.
    """
    try:
        stream = Input(path)
    except OSError as exc:
        raise read_error(path, exc) from exc
    with stream:
        try:
            yield stream
        except Exception:
            failure = stream.failure
            if failure is None:
                raise
            raise read_error(path, failure) from failure


def read_error(source: str, exc: OSError) -> ParseError:
    """The :class:`ParseError` for an :class:`OSError` met while opening or reading ``source``."""
    if isinstance(exc, FileNotFoundError):
        reason = "no such file"
    elif isinstance(exc, IsADirectoryError):
        reason = "is a directory, not a file"
    else:
        reason = f"cannot read: {os_reason(exc)}"
    return ParseError(reason, source=source, errno=exc.errno)


class Input(io.BufferedReader):
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


def write_atomic(path: str, write: Callable[[Output], None], utf8: bool = False) -> None:
    """Write a file through ``write`` so that ``path`` is either fully replaced or untouched.

    The folder must exist: a missing one is an :class:`ExportError`, never created (as for
    ``open()`` and pandas' ``to_csv``), so a mistyped folder is not silently made.
    An existing target that is read-only (no write permission bit, even for root, or not
    writable by this user) is refused, untouched.
    Symbolic links are followed: the file they point to is replaced. An :class:`OSError` from
    the file system (here or inside ``write``) becomes :class:`ExportError` naming ``path``.
    Only a killed process leaves its temporary file (``.NAME.*.tmp``) behind.
    """
    import tempfile  # stdlib, but here: slow to import, and only writing needs it

    target = os.path.realpath(path)
    directory = os.path.dirname(target)
    if not os.path.isdir(directory):
        shown = os.path.dirname(path) or directory
        raise ExportError(f"cannot write {path!r}: no such directory {shown!r} "
                          "(folders are not created: create it first)")
    if os.path.isdir(target):
        raise ExportError(f"cannot write {path!r}: it is a directory")
    existed = os.path.exists(target)
    mode = _mode_for(target)
    # the mode bits too: root may write anything, but a file without write bits is protected
    if existed and (not mode & 0o222 or not os.access(target, os.W_OK)):
        raise ExportError(
            f"cannot write {path!r}: the file is read-only (it was left as it was)",
            errno=errno.EACCES,
        )
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".tmp"
        )
    except OSError as exc:
        raise _write_error(path, exc, existed, creating=True) from exc
    output = Output(descriptor, utf8)
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


class Output(io.BufferedWriter):
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
    return ExportError(f"cannot write {path!r}: {where}{os_reason(exc)} ({kept})", errno=exc.errno)


def os_reason(exc: OSError) -> str:
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
