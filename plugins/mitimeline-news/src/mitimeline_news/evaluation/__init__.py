"""Score the news plugin: dates on TIMEX gold corpora, events on labelled reports.

Run ``python -m mitimeline_news.evaluation`` (see :func:`main`). Material first that the
plugin's authors did not write: the TIMEX corpora (``../shared/corpora/timex``, scored
with their own ``score.py``) and the labelled reports of ``../shared/corpora/news``;
then the plugin's own answer keys (``evaluation/*.json``), each set on its own. Events
match on the kind and the dates end by end (:func:`same_dates`: a known end within a
day, an open end only against an open end); other qualifiers make a half match
(:func:`credit`).

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
    without_assumed_dates,
)
from .merged import MergedScore, merged_comparison
from .report import report_text
from .scoring import (
    HALF,
    Outcome,
    Score,
    credit,
    evaluate,
    parse,
    run,
    same_dates,
    same_qualifiers,
    scores,
)
from .timex import DateScore, score_dates

__all__ = ["DEFAULT_CORPORA", "DEFAULT_KEYS", "DEFAULT_SEEDS", "HALF", "DateScore", "Expected",
           "MergedScore", "Outcome", "Report", "Score", "credit", "evaluate", "load_corpus",
           "load_keys", "main", "merged_comparison", "parse", "report_text", "run",
           "same_dates", "same_qualifiers", "score_dates", "scores", "without_assumed_dates"]
