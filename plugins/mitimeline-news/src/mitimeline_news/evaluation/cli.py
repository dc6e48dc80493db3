"""The ``python -m mitimeline_news.evaluation`` command.

Without key files it prints, side by side, the dates table (``find_dates`` on each TIMEX
corpus) and the events table: the shared labelled reports first, then the plugin's own
sets, each per language. With key files it scores only those and prints every miss.
A missing shared folder is reported in the output (not an error), so the command works
from a checkout without ``../shared``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .keys import DEFAULT_CORPORA, DEFAULT_KEYS, DEFAULT_SEEDS, load_corpus, load_keys
from .merged import merged_comparison
from .report import date_table, event_table, misses_text, report_text
from .scoring import Outcome, evaluate
from .timex import score_dates

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures; 0 on success, 2 when a key file or the seeds can't be read."""
    parser = argparse.ArgumentParser(
        prog="python -m mitimeline_news.evaluation",
        description="Score the news plugin: dates on TIMEX corpora, events on labelled "
                    "reports (the shared ones first, then the plugin's own).")
    parser.add_argument("keys", nargs="*", type=Path,
                        help="answer-key files to score alone, with every miss")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                        help=f"folder of the reports named by 'file' (default: {DEFAULT_SEEDS})")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA,
                        help=f"folder with news/ and timex/ (default: {DEFAULT_CORPORA})")
    parser.add_argument("--no-dates", action="store_true",
                        help="leave out the dates table (it runs the TIMEX corpora's score.py)")
    parser.add_argument("--misses", action="store_true",
                        help="also print every missed and every extra event")
    parser.add_argument("--merged", action="store_true",
                        help="merge the reports' timelines and compare them with the curated "
                             "Mission: Impossible 7 dataset (default keys: seeds.json)")
    args = parser.parse_args(argv)
    try:
        if args.merged:
            reports = load_keys(args.keys or [DEFAULT_KEYS[0]])
            print(merged_comparison(reports, args.seeds).text())
        elif args.keys:
            print(report_text(evaluate(load_keys(args.keys), args.seeds)))
        else:
            print(_everything(args.corpora, args.seeds, dates=not args.no_dates,
                              misses=args.misses))
    except FileNotFoundError as exc:
        print(f"error: {exc} (the seed reports live in ../shared/seeds beside the "
              "checkout; give their folder with --seeds)", file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _everything(corpora: Path, seeds: Path, *, dates: bool, misses: bool) -> str:
    sections = []
    if dates:
        sections.append(f"Dates: find_dates on {corpora / 'timex'} (DATE gold, the "
                        "corpora's score.py)")
        try:
            sections.append(date_table(score_dates(corpora / "timex")))
        except FileNotFoundError as exc:
            sections.append(f"not scored: {exc}")
    sets: list[tuple[str, list[Outcome]]] = []
    try:
        sets.append(("shared news (others')", evaluate(load_corpus(corpora / "news"), seeds)))
    except FileNotFoundError as exc:
        sections.append(f"shared news not scored: {exc}")
    for path in DEFAULT_KEYS:
        sets.append((f"own: {path.stem}", evaluate(load_keys([path]), seeds)))
    sections.append("\nEvents: kind and both date bounds within a day; optional events "
                    "count neither way")
    sections.append(event_table(sets))
    if misses:
        sections.extend(misses_text(outcomes) for _, outcomes in sets)
    return "\n".join(sections)
