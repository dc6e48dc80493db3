"""What a news-archive run's outputs are made of: the candidate rows and their Parquet
table, the outputs' JSON style, and :func:`write_atomic` (a temporary file in the same
folder, renamed over the target), so an interrupted run leaves each file either as it
was or fully written.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

import mitimeline

from .many import Outcome

__all__ = ["CANDIDATE_COLUMNS", "candidate_rows", "candidate_table", "json_text",
           "write_atomic"]

CANDIDATE_COLUMNS = ("report", "production", "event", "kind", "edtf", "status", "title",
                     "place", "country", "evidence", "start", "end", "date_text",
                     "confidence", "source", "published", "url")
"""The columns of ``candidates.parquet``, one row per candidate event of a report."""


def candidate_rows(outcome: Outcome) -> Iterable[tuple[Any, ...]]:
    """One row (:data:`CANDIDATE_COLUMNS`) per candidate event of ``outcome``."""
    for production, timeline in outcome.timelines:
        source = timeline.sources[0]
        for event in timeline:
            start, end = event.extra.get("offsets", (None, None))
            yield (outcome.id, production, event.id, event.kind, event.when.edtf,
                   event.status, event.title,
                   event.place.name if event.place else None,
                   event.place.country if event.place else None,
                   event.extra.get("evidence"), start, end, event.extra.get("date_text"),
                   event.extra.get("confidence"), source.id,
                   source.published.edtf if source.published else None, source.url)


def candidate_table(rows: Sequence[tuple[Any, ...]]) -> Any:
    """``rows`` as a ``pyarrow.Table`` of :data:`CANDIDATE_COLUMNS`."""
    import pyarrow as pa

    columns = list(zip(*rows, strict=True)) if rows else [() for _ in CANDIDATE_COLUMNS]
    types = {"start": pa.int64(), "end": pa.int64(), "confidence": pa.float64()}
    return pa.table({name: pa.array(list(values), type=types.get(name, pa.string()))
                     for name, values in zip(CANDIDATE_COLUMNS, columns, strict=True)})


def json_text(value: object) -> str:
    """``value`` as the outputs write JSON: sorted keys, indented, one final newline."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_atomic(path: str, write: Callable[[IO[bytes]], object]) -> None:
    """Write ``path`` through ``write`` so that it is either fully replaced or untouched;
    an :class:`OSError` becomes :class:`mitimeline.ExportError` naming ``path``."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as exc:
        raise mitimeline.ExportError(f"cannot write {path!r}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise mitimeline.ExportError(
            f"cannot write {path!r}: {exc.strerror or exc} (no file was written)") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
