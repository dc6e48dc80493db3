"""Joining candidate pairs into groups: best pairs first (ties by position), never two events
of one input in a group.

``join_pairs`` does it for scored pairs (a custom ``match`` scores every candidate pair).
``join_profiles`` gives the same for the built-in :func:`score` without scoring every pair
(their number grows with the square of the reports stating one happening). The score of two
events under different ids reads only their *profile* (kind, region, title, place, people's
names; a *dated* profile also the dates), so the profiles' pairs are scored once each: dated
profiles whose dates overlap or touch (a sweep, as for the candidates), and undated profiles
with the same title key (their events' dates disjoint, or else scoring more). The join then
goes score by score, and within a score position by position (row by row), as the pairs
would: a row's candidates at a score are whole profiles (the same id: a block of 1.0), and of
each group only the candidate first in position order can change anything, since the group
joins the row's group with it or not at all. A candidate scoring more than the row's score
was seen before, so it is in the row's group or shares an input with it: it changes nothing.
The work grows with the profiles' pairs and, per position, with the groups in the blocks of
its candidates, not with the candidate pairs.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence

from ..model import Event
from ..when import When
from .matching import Entry, Scored, dates_touch, group, rate, score, sweep, title_key

__all__ = ["Joined", "join_pairs", "join_profiles"]

Joined = tuple[list[list[int]], dict[int, tuple[str, float]]]
"""Groups of positions (each in order, in the order of their first positions), and for each
joined position the rule and score of the pair that first joined it."""


class _Forest:
    """Union-find over the positions, each group with the set of inputs its events are of."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.parent = list(range(len(entries)))
        self.inputs = [{entry.input} for entry in entries]
        self.how: dict[int, tuple[str, float]] = {}

    def root(self, p: int) -> int:
        """The position naming ``p``'s group."""
        parent = self.parent
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    def joinable(self, a: int, b: int) -> bool:
        """True when ``a`` and ``b`` are in two groups with no input in common."""
        ra, rb = self.root(a), self.root(b)
        return ra != rb and self.inputs[ra].isdisjoint(self.inputs[rb])

    def join(self, a: int, b: int, result: Scored) -> None:
        """Joins the (joinable) groups of ``a`` and ``b``; ``result`` is how they joined."""
        ra, rb = self.root(a), self.root(b)
        small, large = sorted((self.inputs[ra], self.inputs[rb]), key=len)
        large |= small
        self.parent[max(ra, rb)] = min(ra, rb)
        self.inputs[min(ra, rb)] = large
        self.how.setdefault(a, (result.rule, result.score))
        self.how.setdefault(b, (result.rule, result.score))

    def joined(self) -> Joined:
        """The groups and how their positions joined."""
        groups: dict[int, list[int]] = {}
        for p in range(len(self.parent)):
            groups.setdefault(self.root(p), []).append(p)
        return list(groups.values()), self.how


def join_pairs(entries: Sequence[Entry], scored: dict[tuple[int, int], Scored],
               threshold: float) -> Joined:
    """The groups of the pairs scoring at least ``threshold`` (and above 0), best first."""
    forest = _Forest(entries)
    for (a, b), result in sorted(scored.items(), key=lambda item: (-item[1].score, item[0])):
        if result.score < threshold or result.score == 0:
            break
        if forest.joinable(a, b):
            forest.join(a, b, result)
    return forest.joined()


def join_profiles(entries: Sequence[Entry], threshold: float) -> Joined:
    """What :func:`join_pairs` gives for every candidate pair scored by :func:`score`."""
    blocks, rows = _plan(entries, threshold)
    forest = _Forest(entries)
    for level in sorted(rows, reverse=True):
        queues: dict[int, dict[int, list[int]]] = {}  # block -> group -> heap of its positions
        for a in sorted(rows[level]):
            firsts: dict[int, int] = {}  # group -> its first candidate after a
            for number in rows[level][a]:
                if number not in queues:
                    queues[number] = _queues(blocks[number], forest)
                for root, first in _firsts(queues[number], forest, a):
                    firsts[root] = min(first, firsts.get(root, first))
            for b in sorted(firsts.values()):
                if forest.joinable(a, b):
                    forest.join(a, b, score(entries[a].event, entries[b].event))
    return forest.joined()


def _queues(block: list[int], forest: _Forest) -> dict[int, list[int]]:
    """A block's positions by group, each group's a heap."""
    queues: dict[int, list[int]] = defaultdict(list)
    for p in block:  # in position order: each list is a heap
        queues[forest.root(p)].append(p)
    return queues


def _firsts(queues: dict[int, list[int]], forest: _Forest, after: int,
            ) -> Iterator[tuple[int, int]]:
    """Each group's first position after ``after`` in a block, its heaps first brought up to
    date (a joined group's heaps as one: the smaller pushed into the larger)."""
    for old in [root for root in queues if forest.root(root) != root]:
        heap, root = queues.pop(old), forest.root(old)
        small, large = sorted((heap, queues.get(root, [])), key=len)
        for p in small:
            heapq.heappush(large, p)
        queues[root] = large
    for root, heap in list(queues.items()):
        while heap and heap[0] <= after:
            heapq.heappop(heap)
        if heap:
            yield root, heap[0]
        else:
            del queues[root]


def _plan(entries: Sequence[Entry], threshold: float,
          ) -> tuple[list[list[int]], dict[float, dict[int, list[int]]]]:
    """The blocks (the positions of one id or one profile) and, for each score from
    ``threshold`` (above 0), for each position, the blocks holding its candidates at that
    score (and perhaps some scoring more)."""
    by_id: dict[str, list[int]] = defaultdict(list)
    undated: dict[Hashable, list[int]] = defaultdict(list)
    dated: dict[tuple[Hashable, When], list[int]] = defaultdict(list)
    for entry in entries:
        event = entry.event
        profile = (group(event), event.title, event.place,
                   frozenset(credit.name.casefold() for credit in event.people))
        by_id[event.id].append(entry.position)
        undated[profile].append(entry.position)
        dated[(profile, event.when)].append(entry.position)
    blocks = [*by_id.values(), *undated.values(), *dated.values()]
    profiles: list[Hashable] = [*by_id, *undated, *(profile for profile, _ in dated)]
    events = [entries[positions[0]].event for positions in blocks]
    rows: dict[float, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))

    def link(mine: int, theirs: int, level: float) -> None:
        if level >= threshold and level > 0:
            for p in blocks[mine]:
                rows[level][p].append(theirs)

    for number in range(len(by_id)):
        link(number, number, 1.0)
    scores: dict[tuple[Hashable, Hashable, bool], float] = {}  # profiles' scores, dates aside
    for mine, theirs, touch in (
            *_pairs(blocks, events, range(len(by_id), len(by_id) + len(undated)), False),
            *_pairs(blocks, events, range(len(by_id) + len(undated), len(blocks)), True)):
        key = (profiles[mine], profiles[theirs], touch)
        if key not in scores:
            scores[key] = rate(events[mine], events[theirs], touch).score
        link(mine, theirs, scores[key])
    return blocks, rows


def _pairs(blocks: Sequence[list[int]], events: Sequence[Event], profiles: range, dated: bool,
           ) -> Iterator[tuple[int, int, bool]]:
    """For the pairs of ``profiles`` (numbers of ``blocks``; ``events`` has one event of each)
    with candidates between them (a profile with itself too, when it holds two events): each
    profile, the other, and whether their dates touch, both ways (the score with an event of
    the first profile first: similarity is not symmetric). Undated profiles pair with the same
    group and title key (as if their dates were disjoint), dated ones in one group when their
    dates overlap or touch."""
    together: dict[Hashable, list[int]] = defaultdict(list)
    for number in profiles:
        event = events[number]
        together[group(event) if dated else (group(event), title_key(event))].append(number)
    for numbers in together.values():
        if dated:
            pairs: Iterable[tuple[int, int]] = sweep([events[n].when for n in numbers])
        else:
            pairs = itertools.combinations(range(len(numbers)), 2)
        alone = ((i, i) for i, number in enumerate(numbers) if len(blocks[number]) > 1)
        for i, j in (*pairs, *alone):
            touch = dated and dates_touch(events[numbers[i]], events[numbers[j]])
            for mine, theirs in {(numbers[i], numbers[j]), (numbers[j], numbers[i])}:
                yield mine, theirs, touch
