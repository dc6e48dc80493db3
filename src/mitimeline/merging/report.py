"""What a merge did, for ``merge(..., report=True)``: which input events joined and why."""

from __future__ import annotations

import attrs

__all__ = ["Alone", "Join", "Member", "MergeReport"]


@attrs.frozen
class Member:
    """Input event ``event`` of input number ``input`` (0-based), joined by ``rule`` with
    ``score`` (the first member of a join has rule ``"first"`` and score 1.0)."""

    input: int
    event: str
    rule: str
    score: float

    def __str__(self) -> str:
        return f"#{self.input}:{self.event} ({self.rule}, {self.score:.2f})"


@attrs.frozen
class Join:
    """The merged event ``event`` and the input events that joined in it."""

    event: str
    members: tuple[Member, ...]

    def __str__(self) -> str:
        return f"{self.event} <- " + ", ".join(str(m) for m in self.members)


@attrs.frozen
class Alone:
    """An input event that joined no other; ``best`` is its best rejected candidate
    (``None`` when it had none) as a ``Member`` with that candidate's rule and score."""

    input: int
    event: str
    best: Member | None

    def __str__(self) -> str:
        rejected = f"best rejected {self.best}" if self.best else "no candidate"
        return f"#{self.input}:{self.event} alone, {rejected}"


@attrs.frozen
class MergeReport:
    """Every join and every event left alone, with the counts the command line prints."""

    joins: tuple[Join, ...]
    alone: tuple[Alone, ...]
    events_in: int
    events_out: int
    contradictions: int
    reschedules: int

    def summary(self) -> str:
        """One line: events in, events out, joins, contradictions, reschedules."""
        return (f"{self.events_in} events in, {self.events_out} events out, "
                f"{len(self.joins)} joins, {self.contradictions} contradictions, "
                f"{self.reschedules} reschedules")

    def __str__(self) -> str:
        lines = [self.summary()]
        lines += [f"joined: {join}" for join in self.joins]
        lines += [f"alone: {alone}" for alone in self.alone]
        return "\n".join(lines)
