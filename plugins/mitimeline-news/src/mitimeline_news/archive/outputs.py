"""Writing a news-archive run's outputs, each file atomically (a temporary file in the
same folder, renamed over the target): ``<production>.json``, ``candidates.parquet``,
``errors.jsonl`` and, last, ``summary.json``.

An interrupted run leaves each file either as it was or fully written; the same input
gives byte-identical files (sorted keys, records in archive order, no timings).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

import attrs
import mitimeline

from .many import Outcome
from .productions import Productions

__all__ = ["CANDIDATE_COLUMNS", "Report", "candidate_rows", "write_outputs"]

CANDIDATE_COLUMNS = ("report", "production", "event", "kind", "edtf", "status", "title",
                     "place", "country", "evidence", "start", "end", "date_text",
                     "confidence", "source", "published", "url")
"""The columns of ``candidates.parquet``, one row per candidate event of a report."""


@attrs.frozen
class Report:
    """One record's line in the outputs: its outcome without the timelines, and its
    candidate rows; what each task sends back, so the driver never holds the timelines."""

    position: tuple[int, int]
    id: str
    where: str
    status: str
    reason: str | None
    rows: tuple[tuple[Any, ...], ...]


def report_of(outcome: Outcome) -> Report:
    """``outcome`` as the outputs need it."""
    return Report(outcome.position, outcome.id, outcome.where, outcome.status, outcome.reason,
                  tuple(candidate_rows(outcome)))


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


def write_outputs(outdir: str, merged: Sequence[tuple[str, mitimeline.Timeline]],
                  reports: Sequence[Report], productions: Productions,
                  archives: Sequence[str]) -> dict[str, Any]:
    """Write every output of a run into ``outdir`` (created if missing) and return the
    summary it wrote. ``reports`` must be in archive order."""
    try:
        os.makedirs(outdir, exist_ok=True)
    except OSError as exc:
        raise mitimeline.ExportError(
            f"cannot create the output folder {outdir!r}: {exc.strerror or exc}") from None
    for production, timeline in sorted(merged, key=lambda item: item[0]):
        timeline.export(os.path.join(outdir, f"{production}.json"), format="json")
    write_atomic(os.path.join(outdir, "candidates.parquet"),
                 lambda stream: _write_candidates(stream, reports))
    write_atomic(os.path.join(outdir, "errors.jsonl"),
                 lambda stream: _write_errors(stream, reports))
    summary = _summary(merged, reports, productions, archives)
    write_atomic(os.path.join(outdir, "summary.json"),
                 lambda stream: stream.write(_json(summary).encode("utf-8")))
    return summary


def _write_candidates(stream: IO[bytes], reports: Sequence[Report]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(zip(*(row for report in reports for row in report.rows), strict=False))
    if not columns:
        columns = [() for _ in CANDIDATE_COLUMNS]
    types = {"start": pa.int64(), "end": pa.int64(), "confidence": pa.float64()}
    table = pa.table({name: pa.array(list(values), type=types.get(name, pa.string()))
                      for name, values in zip(CANDIDATE_COLUMNS, columns, strict=True)})
    pq.write_table(table, stream)


def _write_errors(stream: IO[bytes], reports: Sequence[Report]) -> None:
    for report in reports:
        if report.status == "failed":
            line = {"id": report.id, "where": report.where, "reason": report.reason}
            stream.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))


def _summary(merged: Sequence[tuple[str, mitimeline.Timeline]], reports: Sequence[Report],
             productions: Productions, archives: Sequence[str]) -> dict[str, Any]:
    counts = {"parsed": 0, "skipped": 0, "failed": 0}
    candidates: dict[str, int] = {}
    per_report: dict[str, int] = {}
    for report in reports:
        counts[report.status] += 1
        for production in dict.fromkeys(row[1] for row in report.rows):
            per_report[production] = per_report.get(production, 0) + 1
        for row in report.rows:
            candidates[row[1]] = candidates.get(row[1], 0) + 1
    events = {production: len(timeline) for production, timeline in merged}
    sources = {production: len(timeline.sources) for production, timeline in merged}
    return {
        "archives": list(archives),
        "records": len(reports),
        **counts,
        "productions": {
            p.id: {"title": p.title, "reports": sources.get(p.id, 0),
                   "candidates": candidates.get(p.id, 0), "events": events.get(p.id, 0)}
            for p in productions.items
        },
    }


def _json(value: object) -> str:
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
