"""News archives at scale: many reports, many productions, on Dask (docs/news-archives.md).

``records`` reads archives (JSON Lines, .txt folders, Parquet; .gz/.zst streamed),
``productions`` reads the productions file and tells which production a report is about,
``many`` parses records (serially or on an executor) and merges a production's timelines,
``bag`` does the same on Dask with an in-memory shuffle, ``command`` is the
``mitimeline news-archive`` command: ``schedule`` runs its ``tasks`` on Dask (the tasks
pass their results through ``spill`` files in a work folder; ``staging`` cuts compressed
archives once), ``finish`` joins them into the outputs (``outputs``: rows, atomic
writes). Dask, pyarrow and zstandard (the ``[dask]`` extra) are imported only by the
functions that need them.
"""

from __future__ import annotations

from .bag import merge_bag, parse_bag, timelines_from_bag, to_bag
from .command import run_archive
from .many import ALL, Outcome, Results, merge_group, parse_many, parse_record
from .productions import Production, Productions, load_productions
from .records import Record, read_records

__all__ = [
    "ALL",
    "Outcome",
    "Production",
    "Productions",
    "Record",
    "Results",
    "load_productions",
    "merge_bag",
    "merge_group",
    "parse_bag",
    "parse_many",
    "parse_record",
    "read_records",
    "run_archive",
    "timelines_from_bag",
    "to_bag",
]
