"""Events found against events expected: matching, counting and the P/R/F1 figures.

A predicted event matches an expected one when the kinds are equal and both date bounds
are within a day of the expected ones (:func:`same_dates`): "2020-09" matches
"2020-09", "2020-10-01~/2020-10-10~" matches "2020-10-02~/2020-10-11~", but a year never
matches a month and a month never matches a day. Each expected event is matched at most
once; an optional expected event is matched first-come but counts neither way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import mitimeline
from mitimeline import Timeline, When

from .keys import DEFAULT_SEEDS, Expected, Report

__all__ = ["TOLERANCE_DAYS", "Outcome", "Score", "evaluate", "parse", "run", "same_dates",
           "scores"]

TOLERANCE_DAYS = 1
"""How far apart a predicted and an expected bound may be, in days."""


@attrs.frozen
class Outcome:
    """What the parser made of one report: matches, misses and false positives."""

    report: Report
    matched: int
    missed: tuple[Expected, ...]
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


def same_dates(a: When, b: When, tolerance: int = TOLERANCE_DAYS) -> bool:
    """Are both bounds of ``a`` within ``tolerance`` days of ``b``'s? An open bound
    matches only an open bound."""
    return _near(a.lower, b.lower, tolerance) and _near(a.upper, b.upper, tolerance)


def _near(a: date, b: date, tolerance: int) -> bool:
    if a in (date.min, date.max) or b in (date.min, date.max):
        return a == b
    return abs((a - b).days) <= tolerance


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
                               "production": report.production,
                               "publisher": report.publisher, "url": report.url}
    return mitimeline.loads(data, "news", **options)


def run(report: Report, seeds: Path) -> Outcome:
    """Parse one report and compare the result with its expected events."""
    timeline = parse(report, seeds)
    if isinstance(timeline, str):
        return Outcome(report, 0, (), (), skipped=timeline)
    predicted = [dated for event in timeline for dated in _claimed(event)]
    missed = []
    matched = 0
    # Required events pick first, so an optional one never takes a required one's match.
    for expected in sorted(report.expected, key=lambda e: e.optional):
        found = next((i for i, event in enumerate(predicted) if event.kind == expected.kind
                      and same_dates(event.when, expected.when)), None)
        if found is not None:
            del predicted[found]
            matched += not expected.optional
        elif not expected.optional:
            missed.append(expected)
    return Outcome(report, matched, tuple(missed), tuple(predicted))


def _claimed(event: mitimeline.Event) -> list[mitimeline.Event]:
    """``event``, then one copy per claim dated otherwise (a moved plan's given-up date):
    a report that says "postponed from X to Y" states both dates."""
    others = {claim.when for claim in event.claims
              if claim.when is not None and claim.when != event.when}
    return [event, *(attrs.evolve(event, when=when, claims=()) for when in sorted(
        others, key=lambda w: w.edtf))]


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
