"""Spill files: how a parse task hands its results to the tasks after it through a shared
folder instead of through Dask's scheduler.

A spill file holds one segment of bytes per bucket, then the segments' ``buckets + 1``
offsets and ``buckets`` (little-endian 64-bit numbers), so a reader seeks straight to the
one segment it wants. Keys go to buckets by CRC-32, the same in every process (Python's
``hash`` of a string is not).
"""

from __future__ import annotations

import os
import pickle
import struct
import zlib
from collections.abc import Sequence
from typing import Any

from .outputs import write_atomic

__all__ = ["bucket_of", "dump_segments", "load_segment", "read_segment", "write_segments"]

_NUMBER = struct.Struct("<Q")


def bucket_of(key: str, buckets: int) -> int:
    """The bucket of ``key`` among ``buckets``, the same in every process and run."""
    return zlib.crc32(key.encode("utf-8")) % buckets


def write_segments(path: str, segments: Sequence[bytes]) -> None:
    """Write ``segments`` (one per bucket) to the spill file ``path``, atomically."""
    offsets = [0]
    for segment in segments:
        offsets.append(offsets[-1] + len(segment))

    def write(stream: Any) -> None:
        for segment in segments:
            stream.write(segment)
        stream.write(struct.pack(f"<{len(offsets)}Q", *offsets))
        stream.write(_NUMBER.pack(len(segments)))

    write_atomic(path, write)


def read_segment(path: str, bucket: int) -> bytes:
    """The segment of ``bucket`` in the spill file ``path``."""
    with open(path, "rb") as stream:
        stream.seek(-_NUMBER.size, os.SEEK_END)
        (buckets,) = _NUMBER.unpack(stream.read(_NUMBER.size))
        if not 0 <= bucket < buckets:
            raise ValueError(f"{path}: no bucket {bucket} among {buckets}")
        stream.seek(-_NUMBER.size * (buckets + 2 - bucket), os.SEEK_END)
        start, stop = struct.unpack("<2Q", stream.read(2 * _NUMBER.size))
        stream.seek(start)
        return stream.read(stop - start)


def dump_segments(path: str, buckets: Sequence[list[Any]]) -> None:
    """Write each bucket's list of values, pickled, to the spill file ``path``."""
    write_segments(path, [pickle.dumps(values, pickle.HIGHEST_PROTOCOL) for values in buckets])


def load_segment(path: str, bucket: int) -> list[Any]:
    """The list of values :func:`dump_segments` wrote for ``bucket`` (this run's own files,
    never outside input)."""
    values: list[Any] = pickle.loads(read_segment(path, bucket))
    return values
