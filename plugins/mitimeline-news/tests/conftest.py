"""Small made-up archives for the archive tests: a few short reports, a productions file,
and writers for each archive form."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

PRODUCTIONS = [
    {"id": "mi7", "title": "Mission: Impossible – Dead Reckoning",
     "aliases": ["MI7", "Mission: Impossible 7"], "year": 2023},
    {"id": "dune-2021", "title": "Dune", "aliases": ["Dune: Part One"], "year": 2021},
    {"id": "dune-1984", "title": "Dune", "aliases": [], "year": 1984},
    {"id": "harbour", "title": "The Harbour Line", "aliases": [], "year": 2020},
]

RECORDS: list[dict[str, Any]] = [
    {"id": "r1", "published": "2020-10-05", "language": "en", "outlet": "Daily Reel",
     "url": "https://reel.example/r1",
     "text": "Crew back in Norway\nFilming of MI7 resumed on Wednesday in Norway, the studio "
             "said.\nThe sequel is set to arrive in cinemas on November 19, 2021.\n"},
    {"id": "r2", "published": "2020-10-05", "language": "en", "outlet": "Daily Reel",
     "text": "A busy autumn\nDune wrapped in Budapest last month.\nMeanwhile the MI7 unit "
             "began filming in Rome on Monday.\n"},
    {"id": "r3", "published": "2020-10-06", "language": "en",
     "text": "Weather report\nRain fell across the county on Monday.\n"},
    {"id": "r4", "published": "2020-10-20", "language": "it", "outlet": "Cronaca Cinema",
     "text": "Cruise a Roma\nLe riprese di Mission: Impossible 7 sono iniziate a Roma il "
             "19 ottobre 2020.\n"},
    {"id": "r5", "published": "yesterday-ish", "language": "en",
     "text": "The Harbour Line\nThe Harbour Line began filming in Leith on March 3, 2020.\n"},
    {"id": "r6", "published": "2020-03-10", "language": "en", "title": "Harbour news",
     "text": "Dockside drama\nThe Harbour Line began filming in Leith on March 3, 2020, "
             "the producers said.\nThe crew will stay in the city for six weeks and then "
             "move to a studio in the south.\n"},
    {"id": "r7", "published": "2020-10-07", "language": "en", "text": "   "},
]
"""Reports written for these tests: r1 and r4 are about MI7, r2 about Dune and MI7, r3
about none, r5 has an unreadable publication date, r6 is about The Harbour Line, r7 has
no text."""


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def write_parquet(path: Path, records: list[dict[str, Any]], row_group_size: int = 3) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = ["id", "text", "published", "language", "url", "outlet", "title"]
    table = pa.table({c: pa.array([r.get(c) for r in records], type=pa.string())
                      for c in columns})
    pq.write_table(table, path, row_group_size=row_group_size)
    return path


@pytest.fixture
def productions_file(tmp_path: Path) -> Path:
    path = tmp_path / "productions.json"
    path.write_text(json.dumps(PRODUCTIONS, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def raw_records() -> list[dict[str, Any]]:
    return RECORDS


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "archive.jsonl", RECORDS)


@pytest.fixture
def parquet_writer(tmp_path: Path) -> Callable[[str, list[dict[str, Any]]], Path]:
    return lambda name, records: write_parquet(tmp_path / name, records)


@pytest.fixture
def jsonl_writer(tmp_path: Path) -> Callable[[str, list[dict[str, Any]]], Path]:
    return lambda name, records: write_jsonl(tmp_path / name, records)
