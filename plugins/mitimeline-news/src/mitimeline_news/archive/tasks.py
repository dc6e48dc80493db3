"""The tasks of a ``news-archive`` run, which keep the heavy data off Dask's scheduler:
:func:`parse_part` parses one partition and writes everything it found into the run's work
folder (candidate rows, failed records, each report's timelines and ids in spill files by
bucket), returning only counts (it never imports pyarrow, whose memory pool would add some
60 MB to every worker); :func:`find_duplicates` finds, for one bucket of ids, the
records whose id an earlier record has; :func:`merge_bucket` merges the productions of one
bucket from every partition's spill file and writes their ``<id>.json``.

The work folder (inside the output folder) must be reachable at the same path by every
worker; every file is written atomically, so a task that runs again rewrites the same one.
"""

from __future__ import annotations

import collections
import json
import os
import pickle
from collections.abc import Sequence
from typing import Any

import attrs
import mitimeline

from .many import Outcome, Position, duplicate_reason, merge_group, parse_record
from .outputs import candidate_rows, write_atomic
from .productions import Productions
from .records import Piece, read_piece
from .spill import bucket_of, dump_segments, load_segment

__all__ = ["Duplicate", "Parsed", "Plan", "Written", "find_duplicates", "load_part",
           "merge_bucket", "parse_part"]

IdEntry = tuple[str, Position, str, str, "str | None", tuple[tuple[str, int], ...]]
"""A record in an ids spill file: id, position, where, status, reason, candidates per
production."""


@attrs.frozen
class Plan:
    """A run's layout: the ``work`` folder, the ``outdir``, how many partitions, id buckets
    and merge buckets, and the productions."""

    work: str
    outdir: str
    parts: int
    id_buckets: int
    merge_buckets: int
    productions: Productions

    def path(self, kind: str, part: int) -> str:
        """The work file of ``kind`` (``candidates``, ``errors``, ``ids``, ``timelines``)
        written by partition ``part``."""
        ending = {"candidates": ".pickle", "errors": ".jsonl"}.get(kind, ".spill")
        return os.path.join(self.work, f"{kind}-{part:06d}{ending}")


@attrs.frozen
class Parsed:
    """What a parse task returns: its partition, how many records it parsed, skipped and
    failed, and each production's candidates."""

    part: int
    counts: tuple[int, int, int]
    candidates: tuple[tuple[str, int], ...]


@attrs.frozen
class Duplicate:
    """A record whose id an earlier record has: it fails with ``reason``; ``status`` and
    ``candidates`` (per production) are what it had before, to take off the counts."""

    position: Position
    id: str
    where: str
    reason: str
    status: str
    candidates: tuple[tuple[str, int], ...]


@attrs.frozen
class Written:
    """A production's merged timeline, written to ``<production>.json``: its events and
    sources."""

    production: str
    events: int
    sources: int


def parse_part(slices: Sequence[Piece], part: int, plan: Plan) -> Parsed:
    """Parse the records of ``slices`` and write partition ``part``'s work files."""
    rows: list[tuple[Position, tuple[Any, ...]]] = []
    errors: list[str] = []
    timelines: list[list[tuple[str, Position, bytes]]] = [[] for _ in range(plan.merge_buckets)]
    ids: list[list[IdEntry]] = [[] for _ in range(plan.id_buckets)]
    counts: collections.Counter[str] = collections.Counter()
    candidates: collections.Counter[str] = collections.Counter()
    for piece in slices:
        for index, record in enumerate(read_piece(piece)):
            outcome = parse_record(record, plan.productions, (piece.number, piece.start + index))
            counts[outcome.status] += 1
            own = _candidates(outcome)
            candidates.update(dict(own))
            rows.extend((outcome.position, row) for row in candidate_rows(outcome))
            if outcome.status == "failed":
                errors.append(json.dumps([*outcome.position, outcome.id, outcome.where,
                                          outcome.reason], ensure_ascii=False) + "\n")
            for production, timeline in outcome.timelines:
                timelines[bucket_of(production, plan.merge_buckets)].append(
                    (production, outcome.position, pickle.dumps(timeline, pickle.HIGHEST_PROTOCOL)))
            ids[bucket_of(outcome.id, plan.id_buckets)].append(
                (outcome.id, outcome.position, outcome.where, outcome.status, outcome.reason, own))
    _write_part(plan, part, rows, errors)
    dump_segments(plan.path("timelines", part), timelines)
    dump_segments(plan.path("ids", part), ids)
    return Parsed(part, (counts["parsed"], counts["skipped"], counts["failed"]),
                  tuple(sorted(candidates.items())))


def _candidates(outcome: Outcome) -> tuple[tuple[str, int], ...]:
    return tuple((production, len(timeline)) for production, timeline in outcome.timelines)


def _write_part(plan: Plan, part: int, rows: list[tuple[Position, tuple[Any, ...]]],
                errors: list[str]) -> None:
    write_atomic(plan.path("candidates", part),
                 lambda stream: pickle.dump(rows, stream, pickle.HIGHEST_PROTOCOL))
    write_atomic(plan.path("errors", part),
                 lambda stream: stream.write("".join(errors).encode("utf-8")))


def load_part(plan: Plan, part: int) -> list[tuple[Position, tuple[Any, ...]]]:
    """Partition ``part``'s candidate rows (:data:`.CANDIDATE_COLUMNS`), each with its
    record's position (this run's own file, never outside input)."""
    with open(plan.path("candidates", part), "rb") as stream:
        rows: list[tuple[Position, tuple[Any, ...]]] = pickle.load(stream)
    return rows


def find_duplicates(bucket: int, plan: Plan) -> list[Duplicate]:
    """The records of id bucket ``bucket`` whose id an earlier record has, in archive order
    (run after every parse task)."""
    first: dict[str, str] = {}
    found = []
    for part in range(plan.parts):
        entry: IdEntry
        for entry in load_segment(plan.path("ids", part), bucket):
            record_id, position, where, status, reason, candidates = entry
            if record_id not in first:
                first[record_id] = where
                continue
            said = duplicate_reason(record_id, first[record_id],
                                    reason if status == "failed" else None)
            found.append(Duplicate(position, record_id, where, said, status, candidates))
    return found


def merge_bucket(bucket: int, plan: Plan, duplicates: frozenset[Position]) -> list[Written]:
    """Merge each production of merge bucket ``bucket`` from every partition's timelines
    (leaving out the records at ``duplicates``) and write its ``<production>.json``."""
    groups: dict[str, list[tuple[Position, bytes]]] = {}
    for part in range(plan.parts):
        for production, position, data in load_segment(plan.path("timelines", part), bucket):
            if position not in duplicates:
                groups.setdefault(production, []).append((position, data))
    written = []
    for production in sorted(groups):
        items = groups.pop(production)
        timeline = merge_group(production, ((position, pickle.loads(data))
                                            for position, data in items), plan.productions)
        _write_timeline(os.path.join(plan.outdir, f"{production}.json"), timeline)
        written.append(Written(production, len(timeline), len(timeline.sources)))
    return written


def _write_timeline(path: str, timeline: mitimeline.Timeline) -> None:
    text = mitimeline.dumps(timeline, "json")
    data = text.encode("utf-8") if isinstance(text, str) else text
    write_atomic(path, lambda stream: stream.write(data))
