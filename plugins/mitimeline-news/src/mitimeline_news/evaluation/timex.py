"""Dates: :func:`mitimeline_news.find_dates` scored on the TIMEX gold corpora.

The scoring is the corpora's own ``score.py`` (``../shared/corpora/timex/``), run as
its authors ship it, in a child process, on DATE expressions: extent (overlap) and
normalised value, each as precision, recall and F1.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs

from .keys import DEFAULT_CORPORA

__all__ = ["CORPORA", "DateScore", "score_dates"]

CORPORA = ("meantime-en", "krauts-dev", "wikiwarsde")
"""The gold files of ``corpora/timex/``, English first."""
TAGGER = "mitimeline_news:find_dates"


@attrs.frozen
class DateScore:
    """The scorer's figures for one corpus file."""

    corpus: str
    language: str
    documents: int
    extent: tuple[float, float, float]  # overlap P, R, F1
    value: tuple[float, float, float]  # P, R, F1


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
    return [_score_one(script, path) for path in paths]


def _score_one(script: Path, path: Path) -> DateScore:
    done = subprocess.run(
        [sys.executable, str(script), str(path), "--tagger", TAGGER, "--json", "--no-per-doc",
         "--fail-fast"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"score.py {path.name} failed: {done.stderr.strip()[-500:]}")
    summary = json.loads(done.stdout.rsplit("\n", 2)[0])
    group = summary["groups"][0]
    language = "de" if path.stem.startswith(("krauts", "wikiwars")) else "en"
    return DateScore(path.stem, language, int(group["docs"]),
                     _prf(group["extent_overlap"]), _prf(group["value"]))


def _prf(figures: dict[str, float]) -> tuple[float, float, float]:
    return float(figures["P"]), float(figures["R"]), float(figures["F1"])
