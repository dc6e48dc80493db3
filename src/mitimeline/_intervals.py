"""Static interval index: which closed intervals ``[lowers[i], uppers[i]]`` meet a query range.

Contract: interval ``i`` matches the query ``[lower, upper]`` iff
``lowers[i] <= upper and uppers[i] >= lower`` -- exactly the naive test, for every input. Inverted
intervals (``uppers[i] < lowers[i]``) and inverted queries (``upper < lower``) get no special
treatment: they match exactly when that test holds.

Design: the test is a two-sided dominance query on the points ``(lowers[i], uppers[i])``, answered
by a bucketed priority search tree. Points are ranked by lower bound; a balanced binary tree halves
the rank range at each level, and each node's bucket holds the (up to) ``B`` points of its range
with the largest upper bounds among those no ancestor holds, sorted by upper bound. A query
bisects for the rank prefix with ``lowers <= upper``, then walks down from the root: a node inside
the prefix reports the bucket suffix with ``uppers >= lower`` (a bisection and a slice); its
children are visited only if the whole bucket matched, as everything below has smaller uppers.

Complexity (deterministic worst case; ``B = _BUCKET`` is a constant; memory O(n)):

* build O(n log n): two sorts, then O(n) work on each of the ceil(log2(n / B)) + 1 levels;
* query O(log n + k) to collect the k results: at most one node per level straddles the prefix
  boundary (O(B) work), and every other visited node reports >= 1 result or is a child of a
  straddling node or of a node that reported its full bucket of B. Returning the positions in
  ascending order adds one ``list.sort`` of the k results (O(k log k), in C).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import compress

__all__ = ["IntervalIndex"]

_BUCKET = 32
"""Points kept per node: larger means fewer nodes but more work on the prefix boundary."""

_FLIP = bytes.maketrans(b"\x00\x01", b"\x01\x00")


def _int64s(values: Iterable[int]) -> array[int]:
    """The values as a compact array; OverflowError if one does not fit in 64 bits."""
    return array("q", values)


class IntervalIndex:
    """Static index over closed integer intervals [lower_i, upper_i] (day ordinals)."""

    __slots__ = (
        "_begin",
        "_end",
        "_left",
        "_positions",
        "_ranks",
        "_right",
        "_starts",
        "_uppers",
    )

    def __init__(self, lowers: Sequence[int], uppers: Sequence[int]) -> None:
        """Index the intervals ``[lowers[i], uppers[i]]``; both sequences must have equal length.

        Raises ``ValueError`` if the lengths differ. The sequences are copied, not kept.
        """
        low = list(lowers)
        high = list(uppers)
        if len(high) != len(low):
            raise ValueError(f"lowers has {len(low)} items but uppers has {len(high)}")
        # Per node: rank range [begin, end), children (-1: none), and its bucket: positions, ranks
        # and upper bounds, by ascending upper bound.
        self._begin: list[int] = []
        self._end: list[int] = []
        self._left: list[int] = []
        self._right: list[int] = []
        self._positions: list[array[int]] = []
        self._ranks: list[array[int]] = []
        self._uppers: list[Sequence[int]] = []
        self._build(low, high)

    def _build(self, low: list[int], high: list[int]) -> None:
        """Lay out the tree top-down with an explicit stack (its depth is O(log n) anyway)."""
        n = len(low)
        # Rank = index in the order of lower bounds (ties: by position).
        order = sorted(range(n), key=low.__getitem__)
        starts: Sequence[int] = list(map(low.__getitem__, order))
        upper_of_rank: Sequence[int] = list(map(high.__getitem__, order))
        pack: Callable[[Iterable[int]], Sequence[int]] = list
        try:  # int64 arrays are smaller and faster than lists of int objects
            starts, upper_of_rank = _int64s(starts), _int64s(upper_of_rank)
            pack = _int64s
        except (OverflowError, TypeError):
            pass  # values that do not fit in 64 bits: keep the lists
        self._starts = starts  # lower bounds, ascending
        if not n:
            return
        # Ranks by descending upper bound; splitting keeps this order in every subtree. The round
        # trip through an array re-creates the ints in list order, for memory locality.
        by_upper = sorted(range(n), key=upper_of_rank.__getitem__, reverse=True)
        by_upper = array("q", by_upper).tolist()
        begin, end, left, right = self._begin, self._end, self._left, self._right
        positions, ranks, uppers = self._positions, self._ranks, self._uppers
        bucket_size = _BUCKET
        # (rank range [lo, hi), its ranks by descending upper, parent node, is right child)
        stack: list[tuple[int, int, list[int], int, bool]] = [(0, n, by_upper, -1, False)]
        while stack:
            lo, hi, items, parent, is_right = stack.pop()
            node = len(begin)
            if parent >= 0:
                (right if is_right else left)[parent] = node
            begin.append(lo)
            end.append(hi)
            left.append(-1)
            right.append(-1)
            if len(items) <= bucket_size:
                bucket = items[::-1]
                rest = None
            else:
                bucket = items[bucket_size - 1 :: -1]
                rest = items[bucket_size:]
            positions.append(array("q", map(order.__getitem__, bucket)))
            ranks.append(array("q", bucket))
            uppers.append(pack(map(upper_of_rank.__getitem__, bucket)))
            if rest:
                mid = (lo + hi) >> 1
                in_low_half = bytes(map(mid.__gt__, rest))
                high_half = list(compress(rest, in_low_half.translate(_FLIP)))
                if high_half:
                    stack.append((mid, hi, high_half, node, True))
                low_half = list(compress(rest, in_low_half))
                if low_half:
                    stack.append((lo, mid, low_half, node, False))

    def __len__(self) -> int:
        """Number of indexed intervals."""
        return len(self._starts)

    def overlapping(self, lower: int, upper: int) -> list[int]:
        """Positions i (ascending) whose closed interval intersects [lower, upper].

        Exactly ``[i for i in range(n) if lowers[i] <= upper and uppers[i] >= lower]``.
        """
        prefix = bisect_right(self._starts, upper)  # ranks < prefix have lowers <= upper
        if not prefix:
            return []
        begin, end, left, right = self._begin, self._end, self._left, self._right
        positions, ranks, uppers = self._positions, self._ranks, self._uppers
        found: list[int] = []
        extend = found.extend
        stack = [0]
        pop, push = stack.pop, stack.append
        while stack:
            node = pop()
            bucket_uppers = uppers[node]
            first = bisect_left(bucket_uppers, lower)  # bucket[first:] has uppers >= lower
            if first == len(bucket_uppers):
                continue
            if end[node] <= prefix:
                extend(positions[node][first:] if first else positions[node])
            else:  # the one node of this level straddling the prefix boundary
                inside = map(prefix.__gt__, ranks[node][first:])
                extend(compress(positions[node][first:], inside))
            if not first:  # the whole bucket matched: the children may match too
                child = left[node]
                if child >= 0:
                    push(child)
                child = right[node]
                if child >= 0 and begin[child] < prefix:
                    push(child)
        found.sort()
        return found
