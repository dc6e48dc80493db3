"""The ``python -m mitimeline_news.evaluation`` command.

Without key files it prints, side by side, the dates table (``find_dates`` on each TIMEX
corpus) and the events table: the shared labelled reports first, then the plugin's own
sets, each on its own and per language (no figure pools sets). With key files it scores
each file on its own and prints every miss. A set whose key assumes a publication date
for an undated report says so and is scored again without the assumed dates. A missing
shared folder is reported in the output (not an error), so the command works from a
checkout without ``../shared``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .keys import (
    DEFAULT_CORPORA,
    DEFAULT_KEYS,
    DEFAULT_SEEDS,
    Report,
    load_corpus,
    load_keys,
    without_assumed_dates,
)
from .merged import merged_comparison
from .report import assumption_note, date_table, event_table, misses_text, report_text
from .scoring import Outcome, evaluate
from .timex import score_dates

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures; 0 on success, 2 when a key file or the seeds can't be read."""
    parser = argparse.ArgumentParser(
        prog="python -m mitimeline_news.evaluation",
        description="Score the news plugin: dates on TIMEX corpora, events on labelled "
                    "reports (the shared ones first, then the plugin's own, each set on "
                    "its own).")
    parser.add_argument("keys", nargs="*", type=Path,
                        help="answer-key files to score, each on its own, with every miss")
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
            print("\n\n".join(_key_file(path, args.seeds) for path in args.keys))
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


def _key_file(path: Path, seeds: Path) -> str:
    """One key file's table and misses, then, when it assumes publication dates, the
    table without them."""
    reports = load_keys([path])
    text = f"{path}\n{report_text(evaluate(reports, seeds))}"
    note = assumption_note(path.stem, reports)
    if note is None:
        return text
    without = report_text(evaluate(without_assumed_dates(reports), seeds), misses=False)
    return f"{text}\n\n{note}\n{path.stem}, no assumed dates\n{without}"


def _scored(name: str, reports: list[Report], seeds: Path
            ) -> tuple[list[tuple[str, list[Outcome]]], str | None]:
    """The set as its key has it and, when the key assumes publication dates, again
    without them; with the note that says so."""
    sets = [(name, evaluate(reports, seeds))]
    note = assumption_note(name, reports)
    if note is not None:
        sets.append((f"{name}, no assumed dates",
                     evaluate(without_assumed_dates(reports), seeds)))
    return sets, note


def _everything(corpora: Path, seeds: Path, *, dates: bool, misses: bool) -> str:
    sections = []
    if dates:
        sections.append(f"Dates: find_dates on {corpora / 'timex'} (DATE gold, the "
                        "corpora's score.py)")
        try:
            sections.append(date_table(score_dates(corpora / "timex")))
        except FileNotFoundError as exc:
            sections.append(f"not scored: {exc}")
    labelled: list[tuple[str, list[Report]]] = []
    try:
        labelled.append(("shared news (others')", load_corpus(corpora / "news")))
    except FileNotFoundError as exc:
        sections.append(f"shared news not scored: {exc}")
    labelled += [(f"own: {path.stem}", load_keys([path])) for path in DEFAULT_KEYS]
    sets: list[tuple[str, list[Outcome]]] = []
    notes: list[str] = []
    for name, reports in labelled:
        scored, note = _scored(name, reports, seeds)
        sets += scored
        notes += [note] if note else []
    sections.append("\nEvents, each set on its own (others' material first; no figure pools "
                    "sets): kind and dates end by end (a known end within a day, an open "
                    "end only against an open end); other qualifiers (~ ? %) are half a "
                    "match; optional events count neither way")
    sections.append(event_table(sets))
    sections.extend(notes)
    if misses:
        sections.extend(f"\n== {name} ==" + misses_text(outcomes) for name, outcomes in sets)
    return "\n".join(sections)
