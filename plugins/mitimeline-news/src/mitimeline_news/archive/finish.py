"""The end of a ``news-archive`` run, on the machine that runs it: the partitions' work
files joined into ``candidates.parquet`` and ``errors.jsonl`` in archive order (the rows of
duplicate records left out, their errors added), the ``<id>.json`` of productions this run
did not write removed, and ``summary.json`` written last.

Every file is written atomically and is the same whatever the partitions and scheduler:
Parquet row groups of :data:`ROW_GROUP` rows, sorted JSON keys, no timings. Memory is one
partition's work file and one row group, whatever the archive's size.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
from collections.abc import Iterator, Sequence
from typing import IO, Any

from .many import Position
from .outputs import candidate_table, json_text, write_atomic
from .productions import is_id
from .tasks import Duplicate, Parsed, Plan, Written, load_part

__all__ = ["ROW_GROUP", "finish"]

ROW_GROUP = 20_000
"""Rows per row group of ``candidates.parquet``."""


def finish(plan: Plan, parsed: Sequence[Parsed], duplicates: Sequence[Duplicate],
           written: Sequence[Written], archives: Sequence[str]) -> dict[str, Any]:
    """Write ``candidates.parquet``, ``errors.jsonl`` and, last, ``summary.json`` into the
    output folder, remove stale ``<id>.json`` files and return the summary."""
    ordered = sorted(duplicates, key=lambda duplicate: duplicate.position)
    left_out = frozenset(duplicate.position for duplicate in ordered)
    write_atomic(os.path.join(plan.outdir, "candidates.parquet"),
                 lambda stream: _write_candidates(stream, plan, left_out))
    write_atomic(os.path.join(plan.outdir, "errors.jsonl"),
                 lambda stream: _write_errors(stream, plan, ordered))
    _remove_stale(plan, written)
    summary = _summary(plan, parsed, ordered, written, archives)
    write_atomic(os.path.join(plan.outdir, "summary.json"),
                 lambda stream: stream.write(json_text(summary).encode("utf-8")))
    return summary


def _write_candidates(stream: IO[bytes], plan: Plan, left_out: frozenset[Position]) -> None:
    """The partitions' candidate rows but those of records at ``left_out``, in row groups
    of :data:`ROW_GROUP` (the last one shorter)."""
    import pyarrow.parquet as pq

    with pq.ParquetWriter(stream, candidate_table([]).schema) as writer:
        rows: list[tuple[Any, ...]] = []
        for part in range(plan.parts):
            rows.extend(row for position, row in load_part(plan, part)
                        if position not in left_out)
            while len(rows) >= ROW_GROUP:
                writer.write_table(candidate_table(rows[:ROW_GROUP]), ROW_GROUP)
                del rows[:ROW_GROUP]
        writer.write_table(candidate_table(rows), ROW_GROUP)


def _write_errors(stream: IO[bytes], plan: Plan, duplicates: Sequence[Duplicate]) -> None:
    """The failed records in archive order: each partition's, and the duplicates (whose
    reason replaces the line of a duplicate that had failed already)."""
    waiting = collections.deque(duplicates)
    for position, record_id, where, reason in _part_errors(plan):
        while waiting and waiting[0].position < position:
            _write_error(stream, waiting.popleft())
        if waiting and waiting[0].position == position:
            _write_error(stream, waiting.popleft())
        else:
            _write_line(stream, record_id, where, reason)
    for duplicate in waiting:
        _write_error(stream, duplicate)


def _part_errors(plan: Plan) -> Iterator[tuple[Position, str, str, str]]:
    for part in range(plan.parts):
        with open(plan.path("errors", part), encoding="utf-8") as lines:
            for line in lines:
                archive, record, record_id, where, reason = json.loads(line)
                yield (archive, record), record_id, where, reason


def _write_error(stream: IO[bytes], duplicate: Duplicate) -> None:
    _write_line(stream, duplicate.id, duplicate.where, duplicate.reason)


def _write_line(stream: IO[bytes], record_id: str, where: str, reason: str) -> None:
    line = {"id": record_id, "where": where, "reason": reason}
    stream.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))


def _remove_stale(plan: Plan, written: Sequence[Written]) -> None:
    """Remove ``<id>.json`` for each production of this run's productions file or of the
    previous run's ``summary.json`` that this run did not write: a re-run gives the same
    folder whatever the run before it wrote."""
    known = {production.id for production in plan.productions.items} | _previous(plan.outdir)
    for production in sorted(known - {item.production for item in written}):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(os.path.join(plan.outdir, f"{production}.json"))


def _previous(outdir: str) -> set[str]:
    """The production ids of the summary a previous run left in ``outdir`` (none if there
    is none, or it is not one)."""
    try:
        with open(os.path.join(outdir, "summary.json"), encoding="utf-8") as stream:
            productions = json.load(stream).get("productions", {})
    except (OSError, ValueError, AttributeError):
        return set()
    if not isinstance(productions, dict):
        return set()
    return {key for key in productions if isinstance(key, str) and is_id(key)}


def _summary(plan: Plan, parsed: Sequence[Parsed], duplicates: Sequence[Duplicate],
             written: Sequence[Written], archives: Sequence[str]) -> dict[str, Any]:
    counts = dict(zip(("parsed", "skipped", "failed"),
                      (sum(part.counts[i] for part in parsed) for i in range(3)), strict=True))
    candidates: collections.Counter[str] = collections.Counter()
    for part in parsed:
        candidates.update(dict(part.candidates))
    for duplicate in duplicates:
        counts[duplicate.status] -= 1
        counts["failed"] += 1
        candidates.subtract(dict(duplicate.candidates))
    merged = {item.production: item for item in written}
    return {
        "archives": list(archives),
        "records": sum(counts.values()),
        **counts,
        "productions": {
            p.id: {"title": p.title,
                   "reports": merged[p.id].sources if p.id in merged else 0,
                   "candidates": candidates[p.id],
                   "events": merged[p.id].events if p.id in merged else 0}
            for p in plan.productions.items
        },
    }
