"""Streaming writer of content lines: fold, join with CRLF, encode as UTF-8, write in batches.

Lines come in groups (one component's lines); memory stays bounded by one batch, whatever
the calendar's size.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from mitimeline.default_plugins.ical.rfc5545.text import FOLD_LIMIT, fold_text
from mitimeline.errors import ExportError

__all__ = ["write_lines"]

_BATCH = 4096
"""Content lines per ``stream.write`` call (about)."""
_SHORT = FOLD_LIMIT // 4
"""Characters that fit in :data:`~.text.FOLD_LIMIT` octets whatever they are (4 octets at
most)."""


def write_lines(stream: BinaryIO, groups: Iterable[list[str]]) -> None:
    """Write every line of every group, folded, each ended by CRLF.

    Raise :class:`ExportError` naming the property if a line holds a lone surrogate.
    """
    batch: list[str] = []
    for group in groups:  # short lines need no folding: tested inline, it is the hot loop
        batch += [line if len(line) <= _SHORT or (len(line) <= FOLD_LIMIT and line.isascii())
                  else fold_text(line) for line in group]
        if len(batch) >= _BATCH:
            _flush(stream, batch)
            batch = []
    if batch:
        _flush(stream, batch)


def _flush(stream: BinaryIO, batch: list[str]) -> None:
    batch.append("")
    try:
        data = "\r\n".join(batch).encode("utf-8")
    except UnicodeEncodeError as exc:
        line = next(line for line in batch if not _encodes(line))
        name = line.partition(":")[0].partition(";")[0]
        raise ExportError(
            f"cannot write {name}: it holds {exc.object[exc.start:exc.end]!r}, a lone "
            "surrogate that UTF-8 (and so iCalendar) cannot carry", format="ical") from None
    stream.write(data)


def _encodes(line: str) -> bool:
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
