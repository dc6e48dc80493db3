"""Score the news parser against labelled reports: precision, recall and F1 on (kind, date).

A key file is JSON: ``{"reports": [...]}``, each report with ``id``, ``language``,
``published`` (EDTF or English, or ``null`` to leave it to the parser), optionally
``production``, the report as ``text`` or as a ``file`` name (looked up in ``--seeds``),
and ``expected``: a list of ``{"kind": ..., "when": <EDTF>}``.

A predicted event matches an expected one when the kinds are equal and the dates' EDTF
bounds overlap by at least half their union (intersection over union >= 0.5, in days):
"2020-09" matches "2020-09", "early October" matches "2020-10-01~/2020-10-10~", but a
year never matches a month and a month never matches a day. Each expected event is
matched at most once. Run::

    python -m mitimeline_news.evaluation [KEYS.json ...] [--seeds DIR]

``--merged`` instead parses every report of the key files (by default the five seed
reports), merges the timelines with :func:`mitimeline.merge` and compares the merged
candidates with the curated dataset :func:`mitimeline.datasets.mission_impossible_7`
(:func:`merged_comparison`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import mitimeline
from mitimeline import Event, Timeline, When
from mitimeline.claims import places_compatible

__all__ = ["DEFAULT_KEYS", "DEFAULT_SEEDS", "MergedScore", "Outcome", "Score", "evaluate",
           "load_keys", "main", "merged_comparison", "overlap"]

_PLUGIN = Path(__file__).resolve().parents[2]
DEFAULT_KEYS = tuple(_PLUGIN / "evaluation" / f"{name}.json"
                     for name in ("seeds", "sentences", "articles"))
"""The labelled set shipped in the repository (present in a checkout, not in a wheel)."""
DEFAULT_SEEDS = _PLUGIN.parents[1].parent / "shared" / "seeds"
"""Where the seed reports live beside a checkout (``../shared/seeds``)."""
THRESHOLD = 0.5


@attrs.frozen
class Report:
    """One labelled report: where its text comes from and what it should yield."""

    id: str
    language: str
    published: str | None
    production: str | None
    text: str | None
    file: str | None
    expected: tuple[tuple[str, When, str], ...]  # (kind, when, evidence)


@attrs.frozen
class Outcome:
    """What the parser made of one report: matches, misses and false positives."""

    report: Report
    matched: int
    missed: tuple[tuple[str, When, str], ...]
    extra: tuple[mitimeline.Event, ...]
    skipped: str | None = None  # why the report could not be read (e.g. a missing seed)


@attrs.frozen
class Score:
    """Counts and the figures computed from them."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.true_positives + other.true_positives,
                     self.false_positives + other.false_positives,
                     self.false_negatives + other.false_negatives)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_keys(paths: Iterable[Path]) -> list[Report]:
    """The reports of every key file, in order; raises ``ValueError`` naming a bad entry."""
    reports = []
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for item in data["reports"]:
            try:
                expected = tuple((e["kind"], When(e["when"]), e.get("evidence", ""))
                                 for e in item["expected"])
                reports.append(Report(item["id"], item["language"], item.get("published"),
                                      item.get("production"), item.get("text"),
                                      item.get("file"), expected))
            except (KeyError, mitimeline.DateParseError) as exc:
                raise ValueError(f"{path}: report {item.get('id')!r}: {exc}") from exc
    return reports


def overlap(a: When, b: When) -> float:
    """Intersection over union of the two dates' inclusive day bounds (0 to 1)."""
    low, high = max(a.lower, b.lower), min(a.upper, b.upper)
    if low > high:
        return 0.0
    union = (max(a.upper, b.upper) - min(a.lower, b.lower)).days + 1
    return ((high - low).days + 1) / union


def parse(report: Report, seeds: Path) -> Timeline | str:
    """The news parser's timeline of one report (its Source is the report), or why the
    report could not be read (``"<path> not found"``)."""
    if report.text is not None:
        data = report.text.encode("utf-8")
    else:
        path = seeds / str(report.file)
        if not path.is_file():
            return f"{path} not found"
        data = path.read_bytes()
    options: dict[str, Any] = {"language": report.language, "published": report.published,
                               "production": report.production}
    return mitimeline.loads(data, "news", **options)


def run(report: Report, seeds: Path) -> Outcome:
    """Parse one report and compare the result with its expected events."""
    timeline = parse(report, seeds)
    if isinstance(timeline, str):
        return Outcome(report, 0, (), (), skipped=timeline)
    predicted = list(timeline)
    missed = []
    matched = 0
    for kind, when, evidence in report.expected:
        candidates = [(overlap(when, e.when), i) for i, e in enumerate(predicted)
                      if e.kind == kind]
        best = max(candidates, default=(0.0, -1))
        if best[0] >= THRESHOLD:
            matched += 1
            del predicted[best[1]]
        else:
            missed.append((kind, when, evidence))
    return Outcome(report, matched, tuple(missed), tuple(predicted))


def evaluate(reports: Sequence[Report], seeds: Path = DEFAULT_SEEDS) -> list[Outcome]:
    """Run every report (a seed report whose file is missing is marked ``skipped``)."""
    return [run(report, seeds) for report in reports]


def scores(outcomes: Iterable[Outcome]) -> dict[str, Score]:
    """Scores per language and ``"all"``, over the reports that were read."""
    result: dict[str, Score] = {"all": Score()}
    for outcome in outcomes:
        if outcome.skipped:
            continue
        score = Score(outcome.matched, len(outcome.extra), len(outcome.missed))
        language = outcome.report.language
        result[language] = result.get(language, Score()) + score
        result["all"] += score
    return result


def report_text(outcomes: list[Outcome]) -> str:
    """The table of scores and the per-report misses, as printed by :func:`main`."""
    lines = [f"{'set':<6} {'P':>6} {'R':>6} {'F1':>6} {'TP':>4} {'FP':>4} {'FN':>4}"]
    for name, score in sorted(scores(outcomes).items(), key=lambda kv: kv[0] != "all"):
        lines.append(f"{name:<6} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                     f"{score.true_positives:4d} {score.false_positives:4d} "
                     f"{score.false_negatives:4d}")
    read = [o for o in outcomes if not o.skipped]
    lines.append(f"{len(read)} reports read, {len(outcomes) - len(read)} skipped")
    for outcome in outcomes:
        if outcome.skipped:
            lines.append(f"\n{outcome.report.id}: skipped ({outcome.skipped})")
            continue
        if not outcome.missed and not outcome.extra:
            continue
        lines.append(f"\n{outcome.report.id}:")
        for kind, when, evidence in outcome.missed:
            lines.append(f"  missed  {kind:<12} {when}  {evidence[:90]}")
        for event in outcome.extra:
            lines.append(f"  extra   {event.kind:<12} {event.when}  "
                         f"[{event.extra['date_text']}] {event.extra['evidence'][:90]}")
    return "\n".join(lines)


@attrs.frozen
class MergedScore:
    """The merged reports compared with a curated timeline (see :func:`merged_comparison`)."""

    events_in: int  # events of the reports' timelines
    events_out: int  # merged candidates
    dataset_events: int
    matched: tuple[tuple[str, str], ...]  # (merged candidate id, dataset event id)
    unmatched: tuple[str, ...]  # merged candidates matching no dataset event
    contradictions: int  # validate() findings on the merged timeline
    reschedules: int
    merged: Timeline = attrs.field(eq=False, repr=False)

    def text(self) -> str:
        """The figures as printed by ``--merged``."""
        lines = [f"{self.events_in} events in, {self.events_out} merged candidates out, "
                 f"{self.contradictions} contradictions, {self.reschedules} reschedules",
                 f"dataset events matched by a merged candidate: {len(self.matched)} of "
                 f"{self.dataset_events}",
                 f"merged candidates matching no dataset event: {len(self.unmatched)} of "
                 f"{self.events_out}"]
        lines += [f"  matched   {mine} = {theirs}" for mine, theirs in self.matched]
        lines += [f"  unmatched {mine}" for mine in self.unmatched]
        return "\n".join(lines)


def _same_happening(candidate: Event, event: Event) -> bool:
    """Same kind, dates that may overlap, and places not known to differ."""
    if candidate.kind != event.kind or candidate.when.overlaps(event.when) is False:
        return False
    return candidate.place is None or event.place is None or places_compatible(
        candidate.place, event.place)


def _pairs(candidates: Sequence[Event], events: Sequence[Event]) -> dict[int, int]:
    """A largest one-to-one matching (augmenting paths): dataset index -> candidate index."""
    fits = [[j for j, event in enumerate(events) if _same_happening(candidate, event)]
            for candidate in candidates]
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(candidates)):
        place(i, set())
    return owner


def merged_comparison(reports: Sequence[Report], seeds: Path = DEFAULT_SEEDS,
                      dataset: Timeline | None = None) -> MergedScore:
    """Parse every report (one timeline each), merge them, and match the merged candidates
    one-to-one with ``dataset`` (default: ``mitimeline.datasets.mission_impossible_7()``):
    same kind, overlapping dates, compatible places (a missing place is compatible).
    Raises ``FileNotFoundError`` naming a report that cannot be read."""
    timelines = []
    for report in reports:
        timeline = parse(report, seeds)
        if isinstance(timeline, str):
            raise FileNotFoundError(f"report {report.id!r}: {timeline}")
        timelines.append(timeline)
    merged = mitimeline.merge(*timelines)
    curated = list(mitimeline.datasets.mission_impossible_7() if dataset is None else dataset)
    candidates = list(merged)
    owner = _pairs(candidates, curated)
    by_candidate = {i: j for j, i in owner.items()}
    codes = [finding.code for finding in merged.validate()]
    return MergedScore(
        events_in=sum(len(timeline) for timeline in timelines), events_out=len(candidates),
        dataset_events=len(curated),
        matched=tuple((c.id, curated[by_candidate[i]].id) for i, c in enumerate(candidates)
                      if i in by_candidate),
        unmatched=tuple(c.id for i, c in enumerate(candidates) if i not in by_candidate),
        contradictions=codes.count("contradiction"), reschedules=codes.count("rescheduled"),
        merged=merged)


def main(argv: Sequence[str] | None = None) -> int:
    """Print precision, recall and F1 (overall and per language) and every miss."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("keys", nargs="*", type=Path, default=None,
                        help="key files (default: the plugin's evaluation/*.json)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                        help=f"folder of the reports named by 'file' (default: {DEFAULT_SEEDS})")
    parser.add_argument("--merged", action="store_true",
                        help="merge the reports' timelines and compare them with the curated "
                             "Mission: Impossible 7 dataset (default keys: seeds.json)")
    args = parser.parse_args(argv)
    keys = args.keys or ([DEFAULT_KEYS[0]] if args.merged else list(DEFAULT_KEYS))
    try:
        reports = load_keys(keys)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.merged:
        try:
            print(merged_comparison(reports, args.seeds).text())
        except FileNotFoundError as exc:
            print(f"error: {exc} (the seed reports live in ../shared/seeds beside the "
                  "checkout; give their folder with --seeds)", file=sys.stderr)
            return 2
        return 0
    print(report_text(evaluate(reports, args.seeds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
