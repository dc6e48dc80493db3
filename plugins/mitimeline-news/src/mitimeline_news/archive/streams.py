"""Opening archive files as binary streams: ``.gz`` and ``.zst`` are decompressed as they
are read, never whole; a missing or unreadable file raises :class:`mitimeline.ParseError`
naming it."""

from __future__ import annotations

import contextlib
import gzip
import io
from collections.abc import Iterator
from typing import Any, BinaryIO, cast

import mitimeline

__all__ = ["COMPRESSED", "opened", "plain_name", "stream_errors"]

COMPRESSED = (".gz", ".zst")
"""File name endings read through a decompressor."""



def stream_errors(path: str) -> tuple[type[Exception], ...]:
    """What reading ``path`` raises when the file is damaged (gzip: ``BadGzipFile``, an
    ``OSError``, or ``EOFError`` when truncated; zstandard: ``ZstdError``)."""
    if path.endswith(".zst"):
        import zstandard

        return (OSError, EOFError, zstandard.ZstdError)
    return (OSError, EOFError)


def plain_name(path: str) -> str:
    """``path`` without its compression ending (``a.jsonl.gz`` -> ``a.jsonl``)."""
    for ending in COMPRESSED:
        if path.endswith(ending):
            return path[: -len(ending)]
    return path


@contextlib.contextmanager
def opened(path: str) -> Iterator[BinaryIO]:
    """``path`` open for binary reading, decompressed on the fly by its ending."""
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the ExitStack below
    except FileNotFoundError:
        raise mitimeline.ParseError("no such file", source=path) from None
    except IsADirectoryError:
        raise mitimeline.ParseError("is a directory, not a file", source=path) from None
    except OSError as exc:
        raise mitimeline.ParseError(f"cannot read: {exc.strerror or exc}", source=path) from None
    with contextlib.ExitStack() as stack:
        stack.enter_context(raw)
        if path.endswith(".gz"):
            yield cast(BinaryIO, stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb")))
        elif path.endswith(".zst"):
            yield cast(BinaryIO, io.BufferedReader(_ZstdReader(raw)))
        else:
            yield raw


class _ZstdReader(io.RawIOBase):
    """A Zstandard stream, decompressed as it is read, frame after frame; a stream that
    ends inside a frame raises :class:`EOFError` (zstandard's own ``stream_reader`` just
    stops, which would lose the end of a damaged archive without a word)."""

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard  # the [dask] extra

        self._raw = raw
        self._new = zstandard.ZstdDecompressor().decompressobj
        self._decompressor = self._new()
        self._fed = False  # the current frame has begun and not ended
        self._buffer = b""
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._offset == len(self._buffer):
            chunk = self._raw.read(1 << 16)
            if not chunk:
                if self._fed:
                    raise EOFError("the compressed file ends in the middle of a frame")
                return 0
            self._buffer, self._offset = self._decompress(chunk), 0
        size = min(len(buffer), len(self._buffer) - self._offset)
        buffer[:size] = self._buffer[self._offset:self._offset + size]
        self._offset += size
        return size

    def _decompress(self, chunk: bytes) -> bytes:
        parts = []
        while chunk:
            if self._decompressor.eof:
                self._decompressor = self._new()
            parts.append(self._decompressor.decompress(chunk))
            self._fed = not self._decompressor.eof
            chunk = self._decompressor.unused_data if self._decompressor.eof else b""
        return b"".join(parts)
