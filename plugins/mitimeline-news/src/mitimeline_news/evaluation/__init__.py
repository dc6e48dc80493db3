"""Score the news plugin: dates on TIMEX gold corpora, events on labelled reports.

Run ``python -m mitimeline_news.evaluation`` (see :func:`main`). Material first that the
plugin's authors did not write: the TIMEX corpora (``../shared/corpora/timex``, scored
with their own ``score.py``) and the labelled reports of ``../shared/corpora/news``;
then the plugin's own answer keys (``evaluation/*.json``). Events match on the kind and
both date bounds within a day (:func:`same_dates`).

One module per job: ``keys`` (reading labelled reports), ``scoring`` (matching and
P/R/F1), ``timex`` (dates), ``merged`` (the seed reports merged and compared with the
curated dataset), ``report`` (the printed tables), ``cli`` (the command).
"""

from __future__ import annotations

from .cli import main
from .keys import (
    DEFAULT_CORPORA,
    DEFAULT_KEYS,
    DEFAULT_SEEDS,
    Expected,
    Report,
    load_corpus,
    load_keys,
)
from .merged import MergedScore, merged_comparison
from .report import report_text
from .scoring import Outcome, Score, evaluate, parse, run, same_dates, scores
from .timex import DateScore, score_dates

__all__ = ["DEFAULT_CORPORA", "DEFAULT_KEYS", "DEFAULT_SEEDS", "DateScore", "Expected",
           "MergedScore", "Outcome", "Report", "Score", "evaluate", "load_corpus",
           "load_keys", "main", "merged_comparison", "parse", "report_text", "run",
           "same_dates", "score_dates", "scores"]
