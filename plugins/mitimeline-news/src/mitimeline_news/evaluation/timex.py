"""Dates: :func:`mitimeline_news.find_dates` scored on the TIMEX gold corpora.

The scoring is the corpora's own ``score.py`` (``../shared/corpora/timex/``), run as
its authors ship it, in a child process, on DATE expressions: extent (overlap) and
normalised value, each as precision, recall and F1.

MEANTIME gets two rows. The official one comes first: ``find_dates`` on whole documents.
MEANTIME's annotators marked only the first six lines of each document (title, dateline
and four sentences; no gold TIMEX starts after line index 5), so on whole documents every
real date further down counts as a false positive. The second row, "annotated part (first
six lines)", runs the same ``score.py`` with :func:`meantime_lead` as the tagger: the
same ``find_dates`` on the whole document (so anchors and the story's year are those of
the full text), keeping only the mentions that start in the first six lines.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import attrs
from mitimeline import When

from ..tagger import DateMention, find_dates
from .keys import DEFAULT_CORPORA

__all__ = ["CORPORA", "LEAD_LINES", "DateScore", "meantime_lead", "score_dates"]

CORPORA = ("meantime-en", "krauts-dev", "wikiwarsde")
"""The gold files of ``corpora/timex/``, English first."""
TAGGER = "mitimeline_news:find_dates"
LEAD_TAGGER = "mitimeline_news.evaluation.timex:meantime_lead"
LEAD_LINES = 6
"""The lines of a MEANTIME document its gold covers: title, dateline, four sentences."""
LEAD_ROW = "annotated part (first six lines)"


@attrs.frozen
class DateScore:
    """The scorer's figures for one corpus file."""

    corpus: str
    language: str
    documents: int
    extent: tuple[float, float, float]  # overlap P, R, F1
    value: tuple[float, float, float]  # P, R, F1
    part: str = "official"  # or LEAD_ROW: MEANTIME's annotated lines only


def meantime_lead(text: str, *, published: str | date | When | None = None,
                  language: str = "auto") -> list[DateMention]:
    """``find_dates`` on the whole ``text``, keeping the mentions that start in its first
    :data:`LEAD_LINES` lines (the part of a MEANTIME document its gold annotates)."""
    cut = -1
    for _ in range(LEAD_LINES):
        cut = text.find("\n", cut + 1)
        if cut < 0:
            cut = len(text)
            break
    found = find_dates(text, published=published, language=language)
    return [mention for mention in found if mention.start < cut]


def score_dates(folder: Path = DEFAULT_CORPORA / "timex",
                corpora: tuple[str, ...] = CORPORA) -> list[DateScore]:
    """Score ``find_dates`` on each corpus file with the folder's ``score.py``; raises
    ``FileNotFoundError`` naming what is missing and ``RuntimeError`` with the scorer's
    message when it fails."""
    script = folder / "score.py"
    paths = [folder / f"{name}.jsonl" for name in corpora]
    for path in (script, *paths):
        if not path.is_file():
            raise FileNotFoundError(f"{path} not found (the TIMEX corpora live in "
                                    "../shared/corpora/timex beside the checkout)")
    results = []
    for path in paths:
        results.append(_score_one(script, path))
        if path.stem.startswith("meantime"):
            results.append(_score_one(script, path, LEAD_TAGGER, LEAD_ROW))
    return results


def _score_one(script: Path, path: Path, tagger: str = TAGGER,
               part: str = "official") -> DateScore:
    """The scorer's figures for one corpus file and tagger."""
    done = subprocess.run(
        [sys.executable, str(script), str(path), "--tagger", tagger, "--json", "--no-per-doc",
         "--fail-fast"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"score.py {path.name} failed: {done.stderr.strip()[-500:]}")
    summary = json.loads(done.stdout.rsplit("\n", 2)[0])
    group = summary["groups"][0]
    language = "de" if path.stem.startswith(("krauts", "wikiwars")) else "en"
    return DateScore(path.stem, language, int(group["docs"]),
                     _prf(group["extent_overlap"]), _prf(group["value"]), part)


def _prf(figures: dict[str, float]) -> tuple[float, float, float]:
    return float(figures["P"]), float(figures["R"]), float(figures["F1"])
