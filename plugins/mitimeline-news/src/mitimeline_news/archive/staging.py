"""Cutting a compressed JSON Lines archive into slices once: the archive is decompressed a
single time, from its start, and each slice of ``size`` lines is written to a chunk file of
its own (Zstandard, level 1), so that a partition reads only its own slice instead of
decompressing every line before it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

import attrs

from .streams import opened, stream_errors

__all__ = ["Chunk", "cut"]

LEVEL = 1
"""Zstandard level of the chunks: fast; they live only as long as the run."""


@attrs.frozen
class Chunk:
    """Lines ``start`` to ``stop`` (0-based, end excluded) of an archive, in the file
    ``path``; ``damage`` is the error met at line ``stop`` (the archive is damaged from there
    on; that line is counted as one more record), else None."""

    path: str
    start: int
    stop: int
    damage: str | None = None


def cut(path: str, size: int, folder: str, prefix: str) -> list[Chunk]:
    """The compressed archive at ``path`` decompressed once and cut into chunk files of at
    most ``size`` lines in ``folder``, named ``<prefix>-<n>.jsonl.zst``; at least one chunk,
    possibly empty."""
    import zstandard  # the [dask] extra

    compressor = zstandard.ZstdCompressor(level=LEVEL)
    chunks: list[Chunk] = []
    with opened(path) as stream:
        for lines, damage in _slices(stream, size, path):
            start = chunks[-1].stop if chunks else 0  # only the last chunk has damage
            target = os.path.join(folder, f"{prefix}-{len(chunks):06d}.jsonl.zst")
            with open(target, "wb") as out:
                out.write(compressor.compress(b"".join(lines)))
            chunks.append(Chunk(target, start, start + len(lines), damage))
    return chunks


def _slices(stream: BinaryIO, size: int,
            path: str) -> Iterator[tuple[list[bytes], str | None]]:
    """The stream's lines in lists of at most ``size`` (always at least one list); the
    last list comes with the error that ended the stream early, if any."""
    lines: list[bytes] = []
    given = False
    try:
        for line in stream:
            lines.append(line)
            if len(lines) == size:
                yield lines, None
                lines, given = [], True
    except stream_errors(path) as exc:
        yield lines, str(exc)
        return
    if lines or not given:
        yield lines, None
