"""Archives on Dask: :func:`to_bag` (records, one partition per slice of an archive),
:func:`parse_bag` (outcomes, parsed partition by partition), :func:`merge_bag` and
:func:`timelines_from_bag` (one merged timeline per production: the contributions are
shuffled into partitions by production, so the merges run in parallel too).

Dask is imported here, so ``import mitimeline_news`` never needs it.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable
from typing import TYPE_CHECKING

import mitimeline

from .many import Outcome, Position, merge_group, parse_chunk
from .productions import Productions
from .records import Piece, Record, pieces, read_piece

if TYPE_CHECKING:
    import dask.bag

__all__ = ["DEFAULT_PARTITION_SIZE", "merge_bag", "parse_bag", "timelines_from_bag", "to_bag"]

DEFAULT_PARTITION_SIZE = 1_000
"""Records per partition: about 12 s of parsing on one core, a few MB of memory."""

Packed = tuple[Position, bytes]
"""A report's timeline for one production, pickled by :func:`_contributions` (this module's
own values, never outside input)."""


def to_bag(paths: Iterable[str], *, partition_size: int = DEFAULT_PARTITION_SIZE,
           stage: str | None = None) -> dask.bag.Bag:
    """A bag of ``(position, record)`` pairs from the archives at ``paths``, at most
    ``partition_size`` per partition; each partition reads its own slice when it runs, by
    its absolute path (a worker of a cluster may run in another folder). A compressed
    archive is cut into one chunk file per slice in the folder ``stage`` (which the workers
    must see, and which must outlive the bag), decompressed once; without ``stage`` each
    slice decompresses the archive from its start."""
    import dask.bag as db

    slices = pieces([os.path.abspath(path) for path in paths], partition_size,
                    None if stage is None else os.path.abspath(stage))
    return db.from_sequence(slices, npartitions=len(slices)).map_partitions(_read)


def _read(slices: list[Piece]) -> list[tuple[Position, Record]]:
    return [((piece.number, piece.start + index), record) for piece in slices
            for index, record in enumerate(read_piece(piece))]


def parse_bag(bag: dask.bag.Bag, productions: Productions | None) -> dask.bag.Bag:
    """A bag of :class:`Outcome`, one per record of ``bag`` (from :func:`to_bag`)."""
    return bag.map_partitions(parse_chunk, productions)


def merge_bag(outcomes: dask.bag.Bag, productions: Productions | None) -> dask.bag.Bag:
    """A bag of ``(production id, merged timeline)``, one per production some report is
    about, from a bag of :class:`Outcome`."""
    contributions = outcomes.map_partitions(_contributions)
    # A task shuffle (any scheduler, no shared disk): it has as many partitions as its input.
    groups = contributions.groupby(_production_of, shuffle="tasks")
    return groups.map(_merged, productions)


def timelines_from_bag(bag: dask.bag.Bag, productions: Productions | None) -> dask.bag.Bag:
    """:func:`parse_bag` then :func:`merge_bag`: ``(production id, merged timeline)``."""
    return merge_bag(parse_bag(bag, productions), productions)


def _contributions(outcomes: list[Outcome]) -> list[tuple[str, Packed]]:
    """Each report's timeline per production, pickled: until the last partition is parsed
    the shuffle holds every one of them, and pickled bytes take about a tenth of the
    memory of the live objects."""
    return [(production, (outcome.position, pickle.dumps(timeline, pickle.HIGHEST_PROTOCOL)))
            for outcome in outcomes for production, timeline in outcome.timelines]


def _production_of(item: tuple[str, Packed]) -> str:
    return item[0]


def _merged(group: tuple[str, list[tuple[str, Packed]]],
            productions: Productions | None) -> tuple[str, mitimeline.Timeline]:
    production, items = group
    timelines = ((position, pickle.loads(data)) for _, (position, data) in items)
    return production, merge_group(production, timelines, productions)
