"""Events found against events expected: matching, counting and the P/R/F1 figures.

A predicted event matches an expected one when the kinds are equal and the dates are the
same (:func:`same_dates`), end by end (a single date is its own start and end): a known
end matches when both of its bounds are within a day of the other's ("2020-09" matches
"2020-09", "2020-10-01~/2020-10-10~" matches "2020-10-02~/2020-10-11~", but a year never
matches a month and a month never matches a day); an open end (``..``) matches only an
open end and an unknown end (``2020/``) only an unknown end, so an interval is scored by
its known end and ``2020-09-06/..`` never matches ``1990/..`` or ``2020-09-06``. When
the dates are the same but the qualifiers of a known end differ (``~``, ``?``, ``%``:
``2020-09~`` against ``2020-09``), it is a half match (:data:`HALF`): half a true
positive, half a false positive and half a false negative. Each expected event is
matched at most once, by a full match before a half one; an optional expected event is
matched first-come but counts neither way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import mitimeline
from mitimeline import Timeline, When

from .keys import DEFAULT_SEEDS, Expected, Report

__all__ = ["HALF", "TOLERANCE_DAYS", "Outcome", "Score", "credit", "evaluate", "parse", "run",
           "same_dates", "same_qualifiers", "scores"]

TOLERANCE_DAYS = 1
"""How far apart a predicted and an expected bound may be, in days."""
HALF = 0.5
"""The credit of a match whose dates are the same but whose qualifiers differ."""


@attrs.frozen
class Outcome:
    """What the parser made of one report: matches, misses and false positives."""

    report: Report
    matched: int  # required expected events matched fully
    missed: tuple[Expected, ...]
    extra: tuple[mitimeline.Event, ...]
    skipped: str | None = None  # why the report could not be read (e.g. a missing seed)
    halves: tuple[tuple[Expected, mitimeline.Event], ...] = ()  # required, qualifiers differ

    @property
    def score(self) -> Score:
        """The counts of this report: a half match is half of each."""
        half = HALF * len(self.halves)
        return Score(self.matched + half, len(self.extra) + half, len(self.missed) + half)


@attrs.frozen
class Score:
    """Counts and the figures computed from them."""

    true_positives: float = 0
    false_positives: float = 0
    false_negatives: float = 0

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
    """Are ``a`` and ``b`` the same dates, qualifiers aside? End by end: a known end's two
    bounds within ``tolerance`` days of the other's; an open end (``..``) only against an
    open end, an unknown end (empty) only against an unknown end."""
    return all(_same_end(x, y, tolerance) for x, y in zip(_ends(a), _ends(b), strict=True))


def same_qualifiers(a: When, b: When) -> bool:
    """Are the known ends of ``a`` and ``b`` equally approximate and equally uncertain?"""
    return all(_qualifiers(x) == _qualifiers(y) for x, y in zip(_ends(a), _ends(b),
                                                                  strict=True))


def credit(predicted: When, expected: When, tolerance: int = TOLERANCE_DAYS) -> float:
    """1 for the same dates and qualifiers, :data:`HALF` for the same dates with other
    qualifiers, 0 for other dates."""
    if not same_dates(predicted, expected, tolerance):
        return 0.0
    return 1.0 if same_qualifiers(predicted, expected) else HALF


def _ends(when: When) -> tuple[When | str, When | str]:
    """(start, end): a single date twice; an interval's known ends, or ``".."`` for an
    open one and ``""`` for an unknown one."""
    if not when.is_interval:
        return when, when
    first, last = when.edtf.split("/")
    return (first if when.start is None else when.start,
            last if when.end is None else when.end)


def _same_end(a: When | str, b: When | str, tolerance: int) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return (abs((a.lower - b.lower).days) <= tolerance
            and abs((a.upper - b.upper).days) <= tolerance)


def _qualifiers(end: When | str) -> tuple[bool, bool]:
    return (False, False) if isinstance(end, str) else (end.approximate, end.uncertain)


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
    missed: list[Expected] = []
    halves: list[tuple[Expected, mitimeline.Event]] = []
    matched = 0
    # Required events pick first, so an optional one never takes a required one's match.
    for expected in sorted(report.expected, key=lambda e: e.optional):
        credits = [credit(event.when, expected.when) if event.kind == expected.kind else 0.0
                   for event in predicted]
        best = max(credits, default=0.0)
        if best:
            event = predicted.pop(credits.index(best))
            if expected.optional:
                continue
            if best == 1.0:
                matched += 1
            else:
                halves.append((expected, event))
        elif not expected.optional:
            missed.append(expected)
    return Outcome(report, matched, tuple(missed), tuple(predicted), halves=tuple(halves))


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
        score = outcome.score
        language = outcome.report.language
        result[language] = result.get(language, Score()) + score
        result["all"] += score
    return result
