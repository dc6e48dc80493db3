"""Labelled reports: the plugin's own answer keys and the shared corpus of reports.

Two formats, one :class:`Report` value:

* an answer-key file (``evaluation/*.json`` in the plugin): ``{"reports": [...]}``, each
  with ``id``, ``language``, ``published``, optional ``production``, the text as ``text``
  or as a ``file`` name (looked up in the seeds folder), and ``expected``:
  ``{"kind", "when", "evidence"?, "optional"?}``; ``published_assumed: true`` marks a
  ``published`` that the key assumes for a report that carries no date (its
  ``published_note`` says how it was reached), and such a report is scored both with and
  without it (:func:`without_assumed_dates`);
* a corpus folder (``../shared/corpora/news``): ``NAME.txt`` whose first line is
  ``source: URL (Outlet), date: YYYY-MM-DD``, beside ``NAME.expected.json`` with
  ``language``, ``published``, ``film`` and ``events`` (``kind``, ``date``, ``evidence``,
  ``optional``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
import mitimeline
from mitimeline import When

__all__ = ["DEFAULT_CORPORA", "DEFAULT_KEYS", "DEFAULT_SEEDS", "Expected", "Report",
           "load_corpus", "load_keys", "without_assumed_dates"]

_PLUGIN = Path(__file__).resolve().parents[3]
DEFAULT_KEYS = tuple(_PLUGIN / "evaluation" / f"{name}.json"
                     for name in ("seeds", "sentences", "articles"))
"""The labelled set shipped in the repository (present in a checkout, not in a wheel)."""
_SHARED = _PLUGIN.parents[1].parent / "shared"
DEFAULT_SEEDS = _SHARED / "seeds"
"""Where the seed reports live beside a checkout (``../shared/seeds``)."""
DEFAULT_CORPORA = _SHARED / "corpora"
"""The third-party corpora beside a checkout (``../shared/corpora``: ``news/``, ``timex/``)."""

_HEADER = re.compile(r"source:\s*(?P<url>\S+)\s*(?:\((?P<outlet>[^)]*)\))?\s*,\s*"
                     r"date:\s*(?P<date>\S+)\s*$")


@attrs.frozen
class Expected:
    """One labelled event: its kind and date; an ``optional`` one neither counts for
    recall nor against precision."""

    kind: str
    when: When
    evidence: str = ""
    optional: bool = False


@attrs.frozen
class Report:
    """One labelled report: where its text comes from and what it should yield."""

    id: str
    language: str
    published: str | None
    production: str | None
    text: str | None
    file: str | None
    expected: tuple[Expected, ...]
    publisher: str | None = None
    url: str | None = None
    published_assumed: bool = False  # the key assumes ``published``; the report has no date


def load_keys(paths: Iterable[Path]) -> list[Report]:
    """The reports of every answer-key file, in order; raises ``ValueError`` naming a bad
    entry."""
    reports = []
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for item in data["reports"]:
            try:
                expected = tuple(Expected(e["kind"], When(e["when"]), e.get("evidence", ""),
                                          bool(e.get("optional", False)))
                                 for e in item["expected"])
                assumed = item.get("published_assumed", False)
                if not isinstance(assumed, bool) or (assumed and not item.get("published")):
                    raise ValueError(f"'published_assumed' must be true (with a 'published' "
                                     f"date) or false, got {assumed!r}")
                reports.append(Report(item["id"], item["language"], item.get("published"),
                                      item.get("production"), item.get("text"),
                                      item.get("file"), expected, published_assumed=assumed))
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path}: report {item.get('id')!r}: {exc}") from exc
    return reports


def without_assumed_dates(reports: Iterable[Report]) -> list[Report]:
    """``reports`` with every publication date the key assumes taken away (the parser then
    has only what the text says); the others as they are."""
    return [attrs.evolve(report, published=None, published_assumed=False)
            if report.published_assumed else report for report in reports]


def load_corpus(folder: Path) -> list[Report]:
    """The reports of a corpus folder, sorted by name; raises ``FileNotFoundError`` when
    the folder has no ``*.expected.json`` and ``ValueError`` naming a bad file."""
    keys = sorted(Path(folder).glob("*.expected.json"))
    if not keys:
        raise FileNotFoundError(f"{folder}: no labelled reports (*.expected.json) found")
    return [_corpus_report(path) for path in keys]


def _corpus_report(path: Path) -> Report:
    name = path.name.removesuffix(".expected.json")
    text_path = path.with_name(f"{name}.txt")
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        header, _, body = text_path.read_text(encoding="utf-8").partition("\n")
        match = _HEADER.match(header.strip())
        if match is None:
            raise ValueError(f"{text_path}: line 1: expected 'source: URL (Outlet), "
                             f"date: YYYY-MM-DD', got {header[:80]!r}")
        expected = tuple(Expected(e["kind"], When(e["date"]), e.get("evidence", ""),
                                  bool(e.get("optional", False))) for e in data["events"])
    except (OSError, KeyError, json.JSONDecodeError, mitimeline.DateParseError) as exc:
        raise ValueError(f"{path}: {exc}") from exc
    return Report(name, data["language"], data.get("published") or match.group("date"),
                  None, body.lstrip("\n"), None, expected,
                  publisher=match.group("outlet"), url=match.group("url"))
