"""The seed reports merged into one timeline and compared with the curated dataset."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs
import mitimeline
from mitimeline import Event, Timeline
from mitimeline.claims import places_compatible

from .keys import DEFAULT_SEEDS, Report
from .scoring import parse

__all__ = ["MergedScore", "merged_comparison"]


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
