"""Finding the input events that may describe the same happening, and scoring them.

Candidates come from three paths, never from all pairs: the same id; a sweep per kind (and
release region) over the events sorted by their date bounds, pairing those whose dates
overlap or touch; and the same kind, region and title (the strong place-and-title path,
which finds events whose dates are disjoint). Events of the same input are never paired.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta

import attrs

from ..claims import place_relation, similarity
from ..model import Event
from ..when import When

__all__ = ["THRESHOLD", "Entry", "Scored", "candidates", "dates_touch", "group", "rate", "score",
           "sweep", "title_key"]

THRESHOLD = 0.75
"""The default score two events need to join."""
STRONG = 0.8
"""The score of a strong place-and-title match (at or above the default threshold)."""
_WORDS = re.compile(r"\w+")
_ONE_DAY = timedelta(days=1)


@attrs.frozen
class Entry:
    """An input event: ``input`` is the number of its timeline, ``position`` its place in
    the concatenation of all inputs."""

    input: int
    position: int
    event: Event


@attrs.frozen
class Scored:
    """A candidate pair's score (0..1) and the rule that gave it."""

    score: float
    rule: str


def group(event: Event) -> tuple[str, str | None]:
    """The kind, and a release's region: two events join only if these are the same."""
    return (event.kind, event.region if event.kind == "release" else None)


def title_key(event: Event) -> str:
    """The title's words, case folded: with the same group, candidates whatever the dates."""
    return " ".join(_WORDS.findall(event.title.casefold()))


def candidates(entries: Sequence[Entry], among: set[int] | None = None,
               ) -> Iterator[tuple[int, int]]:
    """Pairs of positions (lower first) worth scoring, each once; with ``among``, only the
    pairs holding one of those positions, each one's pairs in the same order as without."""
    seen: set[tuple[int, int]] = set()

    def fresh(a: int, b: int) -> Iterator[tuple[int, int]]:
        pair = (a, b) if a < b else (b, a)
        if entries[a].input != entries[b].input and pair not in seen:
            seen.add(pair)
            yield pair

    by_id: dict[str, list[int]] = defaultdict(list)
    by_title: dict[tuple[str, str | None, str], list[int]] = defaultdict(list)
    by_group: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for entry in entries:
        by_id[entry.event.id].append(entry.position)
        kind, region = group(entry.event)
        by_title[(kind, region, title_key(entry.event))].append(entry.position)
        by_group[group(entry.event)].append(entry.position)
    for positions in (*by_id.values(), *by_title.values()):
        for a, b in _all_pairs(positions, among):
            yield from fresh(a, b)
    for positions in by_group.values():
        indexes = None if among is None else {i for i, p in enumerate(positions) if p in among}
        for a, b in sweep([entries[p].event.when for p in positions], indexes):
            yield from fresh(positions[a], positions[b])


def _all_pairs(positions: list[int], among: set[int] | None) -> Iterator[tuple[int, int]]:
    """The pairs of ``positions`` in order (with ``among``, those holding one of them)."""
    chosen = [] if among is None else [i for i, p in enumerate(positions) if p in among]
    for index, a in enumerate(positions):
        if among is None or a in among:
            yield from ((a, b) for b in positions[index + 1:])
        else:
            yield from ((a, positions[i]) for i in chosen[bisect.bisect_right(chosen, index):])


def sweep(whens: Sequence[When], among: set[int] | None = None) -> Iterator[tuple[int, int]]:
    """Pairs of indexes into ``whens`` whose date bounds overlap or touch (a day apart), each
    once, in O(n log n + k); with ``among``, only the pairs holding one of those indexes, each
    one's pairs in the same order as without."""
    order = sorted(range(len(whens)), key=lambda i: (whens[i].lower, i))
    running: list[tuple[int, int]] = []  # heap of (upper ordinal, index)
    chosen: set[int] = set()  # the indexes of among in running
    for index in order:
        lower = whens[index].lower.toordinal()
        while running and running[0][0] + 1 < lower:
            chosen.discard(heapq.heappop(running)[1])
        if among is None or index in among:
            yield from ((other, index) for _, other in running)
            chosen.add(index)
        else:
            yield from ((other, index) for other in sorted(chosen))
        heapq.heappush(running, (whens[index].upper.toordinal(), index))


def dates_touch(a: Event, b: Event) -> bool:
    """True when the two events' dates overlap or are a day apart."""
    if a.when.overlaps(b.when):
        return True
    first, second = (a.when, b.when) if a.when.upper < b.when.lower else (b.when, a.when)
    return first.upper + _ONE_DAY == second.lower if first.upper.year < 9999 else False


def score(a: Event, b: Event) -> Scored:
    """The built-in rule: the same id is 1.0; else the same kind (and release region), with
    0.4 for dates that overlap or touch, 0.3 for compatible places (0.15 when a place is
    unknown; different places score nothing here), 0.3 times the title similarity (or 1.0
    for shared people), scaled by 0.8 when titles are unalike and no one is shared; a strong
    place-and-title match (same place, titles at least 0.9 alike) scores at least 0.8."""
    if a.id == b.id:
        return Scored(1.0, "same-id")
    if group(a) != group(b):
        return Scored(0.0, "different-kind" if a.kind != b.kind else "different-region")
    return rate(a, b, dates_touch(a, b))


def rate(a: Event, b: Event, touch: bool) -> Scored:
    """:func:`score` of two events of one kind (and release region) under different ids,
    their dates touching or not as ``touch`` says: it reads only their kind, region, place,
    title and people's names."""
    dates = 0.4 if touch else 0.0
    if a.kind == "release":
        place = 0.3  # the same region: releases never join across regions
    elif a.place is None or b.place is None:
        place = 0.15
    else:
        place = 0.0 if place_relation(a.place, b.place) == "different" else 0.3
    title = similarity(a.title, b.title)
    shared = {c.name.casefold() for c in a.people} & {c.name.casefold() for c in b.people}
    alike = max(title, 1.0 if shared else 0.0)
    total = dates + place + 0.3 * alike
    if alike < 0.5:
        total *= 0.8
    if place == 0.3 and title >= 0.9 and total < STRONG:
        return Scored(STRONG, "place-and-title")
    return Scored(round(total, 6), "dates-place-title" if dates else "place-and-title")


Matcher = Callable[[Event, Event], float]
