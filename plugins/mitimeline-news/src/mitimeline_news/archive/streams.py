"""Opening archive files as binary streams: ``.gz`` and ``.zst`` are decompressed as they
are read, never whole; a missing or unreadable file raises :class:`mitimeline.ParseError`
naming it."""

from __future__ import annotations

import contextlib
import gzip
import io
from collections.abc import Iterator
from typing import BinaryIO, cast

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
            import zstandard  # the [dask] extra

            reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
            yield cast(BinaryIO, io.BufferedReader(stack.enter_context(reader)))
        else:
            yield raw
