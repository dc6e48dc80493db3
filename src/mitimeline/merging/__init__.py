"""``merge()``: many reports' timelines as one, every value saying who states it.

Input events that describe the same happening (``matching``) join as one event whose
``claims`` are what each input states; the event's values are reconciled by the rules in
``mitimeline.claims`` (narrowing, rescheduling, the value rule), which ``validate()`` reports.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal, overload

import attrs

from ..claims import Note, reconcile
from ..errors import MergeError, MitimelineError, OptionsError
from ..model import Claim, Credit, Event, Source
from ..timeline import Timeline
from .joining import join_pairs, join_profiles
from .matching import THRESHOLD, Entry, Matcher, Scored, candidates, score
from .report import Alone, Join, Member, MergeReport

__all__ = ["MergeReport", "merge"]


@overload
def merge(*timelines: Timeline, match: Matcher | None = ..., threshold: float = ...,
          report: Literal[False] = ..., **unknown: Any) -> Timeline: ...


@overload
def merge(*timelines: Timeline, match: Matcher | None = ..., threshold: float = ...,
          report: Literal[True], **unknown: Any) -> tuple[Timeline, MergeReport]: ...


def merge(*timelines: Timeline, match: Matcher | None = None, threshold: float = THRESHOLD,
          report: bool = False, **unknown: Any) -> Timeline | tuple[Timeline, MergeReport]:
    """One timeline from ``timelines``: events describing the same happening join, each input
    event becoming a claim; ``match`` (two events → a score 0..1) replaces the built-in
    scoring, pairs scoring at least ``threshold`` join; ``report=True`` also returns a
    :class:`MergeReport`. Raises :class:`MergeError` for one source id with two records,
    :class:`OptionsError` for a bad option, :class:`MitimelineError` for a ``match`` that
    fails."""
    _check_options(timelines, match, threshold, unknown)
    sources = _sources(timelines)
    published = {source.id: source.published for source in sources}
    entries = [Entry(number, 0, event) for number, tl in enumerate(timelines) for event in tl]
    entries = [attrs.evolve(entry, position=index) for index, entry in enumerate(entries)]
    if match is None:
        groups, how = join_profiles(entries, threshold)
    else:
        scored = _scores(entries, match)
        groups, how = join_pairs(entries, scored, threshold)
    events: list[Event] = []
    joins: list[Join] = []
    contradictions = reschedules = 0
    for group in groups:
        members = [entries[p] for p in group]
        event, notes = _merged(members, published)
        events.append(event)
        if len(members) > 1:
            joins.append(Join(event.id, (Member(members[0].input, members[0].event.id, "first",
                                                1.0),
                                         *(Member(m.input, m.event.id, *how[m.position])
                                           for m in members[1:]))))
            contradictions += sum(n.code == "contradiction" for n in notes)
            reschedules += sum(n.code == "rescheduled" for n in notes)
    merged = Timeline(
        title=next((tl.title for tl in timelines), "Untitled timeline"),
        events=events, sources=sources,
        production=next((tl.production for tl in timelines if tl.production), None),
        description=next((tl.description for tl in timelines if tl.description), None),
    )
    if not report:
        return merged
    loners = [group[0] for group in groups if len(group) == 1]
    if match is None:  # only the loners' candidates: best is for them
        scored = _scores(entries, None, set(loners))
    best = _best_candidates(entries, scored)
    alone = tuple(Alone(entries[p].input, entries[p].event.id, best.get(p)) for p in loners)
    return merged, MergeReport(tuple(joins), alone, len(entries), len(events),
                               contradictions, reschedules)


def _check_options(timelines: Sequence[object], match: object, threshold: object,
                   unknown: dict[str, Any]) -> None:
    if unknown:
        raise OptionsError(f"merge: unknown option {sorted(unknown)[0]!r} "
                           "(options: match, threshold, report)")
    for index, timeline in enumerate(timelines):
        if not isinstance(timeline, Timeline):
            raise OptionsError(f"merge: argument {index} is not a Timeline: {timeline!r}")
    if match is not None and not callable(match):
        raise OptionsError(f"merge: match must be a callable scoring two events, got {match!r}")
    if (isinstance(threshold, bool) or not isinstance(threshold, (int, float))
            or not 0 <= threshold <= 1):
        raise OptionsError(f"merge: threshold must be a number from 0 to 1, got {threshold!r}")


def _sources(timelines: Sequence[Timeline]) -> tuple[Source, ...]:
    """The union of the sources; one id with two different records is a ``MergeError``."""
    found: dict[str, Source] = {}
    for timeline in timelines:
        for source in timeline.sources:
            known = found.setdefault(source.id, source)
            if known != source:
                raise MergeError(f"merge: source id {source.id!r} has two different records: "
                                 f"{known!r} and {source!r}", source.id, (known, source))
    return tuple(found.values())


def _scores(entries: Sequence[Entry], match: Matcher | None,
            among: set[int] | None = None) -> dict[tuple[int, int], Scored]:
    """The candidate pairs' scores, as :func:`candidates` gives them."""
    result: dict[tuple[int, int], Scored] = {}
    for a, b in candidates(entries, among):
        first, second = entries[a].event, entries[b].event
        result[(a, b)] = score(first, second) if match is None else _custom(match, first, second)
    return result


def _custom(match: Matcher, a: Event, b: Event) -> Scored:
    name = getattr(match, "__qualname__", repr(match))
    try:
        value = match(a, b)
    except Exception as exc:
        raise MitimelineError(f"merge: match={name} failed on {a.id!r} and {b.id!r}: "
                              f"{type(exc).__name__}: {exc}") from exc
    if (isinstance(value, bool) or not isinstance(value, (int, float))
            or not math.isfinite(value) or not 0 <= value <= 1):
        raise MitimelineError(f"merge: match={name} returned {value!r} for {a.id!r} and "
                              f"{b.id!r}, not a number from 0 to 1")
    return Scored(float(value), "match")


def _best_candidates(entries: Sequence[Entry], scored: dict[tuple[int, int], Scored],
                     ) -> dict[int, Member]:
    """Each position's best-scoring candidate (the first of equals), in one pass."""
    best: dict[int, Member] = {}
    for (a, b), result in scored.items():
        for mine, theirs in ((a, b), (b, a)):
            if mine not in best or result.score > best[mine].score:
                other = entries[theirs]
                best[mine] = Member(other.input, other.event.id, result.rule, result.score)
    return best


def _claims_of(event: Event) -> tuple[Claim, ...]:
    if event.claims:
        return event.claims
    if not event.sources:
        return ()
    return (Claim(event.sources, when=event.when, place=event.place, status=event.status,
                  title=event.title, people=event.people),)


def _merged(members: Sequence[Entry],
            published: dict[str, Any]) -> tuple[Event, tuple[Note, ...]]:
    """One event from the joined input events (the first gives id and title), and the notes
    its claims raise (none for an event that joined nothing); ids repeated within an input
    stay repeated (``validate()`` reports them)."""
    first = members[0].event
    if len(members) == 1:
        return first, ()
    if all(m.event == first for m in members):
        return first, reconcile(first.claims, first.kind, published).notes
    claims = tuple(dict.fromkeys(c for m in members for c in _claims_of(m.event)))
    values = reconcile(claims, first.kind, published)
    people: dict[tuple[str, str | None], Credit] = {}
    for member in members:
        for credit in member.event.people:
            people.setdefault((credit.name.casefold(), credit.role), credit)
    extra: dict[str, Any] = {}
    for member in reversed(members):
        extra.update(member.event.extra)
    event = attrs.evolve(
        first, when=values.when or first.when, place=values.place or first.place,
        status=values.status or first.status, people=tuple(people.values()),
        unit=next((m.event.unit for m in members if m.event.unit), None),
        description=next((m.event.description for m in members if m.event.description),
                         None),
        tags=tuple(dict.fromkeys(t for m in members for t in m.event.tags)),
        extra=extra, sources=(), claims=claims)
    return event, values.notes
