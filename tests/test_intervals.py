"""``IntervalIndex`` must answer exactly like the naive scan, for every input."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mitimeline import _intervals
from mitimeline._intervals import IntervalIndex

DAY_MIN = 1  # date.min.toordinal()
DAY_MAX = 3652059  # date.max.toordinal()
BASE = 737_000  # a day in 2018; generated intervals cluster around it so that they overlap


def naive(lowers: Sequence[int], uppers: Sequence[int], lower: int, upper: int) -> list[int]:
    return [i for i in range(len(lowers)) if lowers[i] <= upper and uppers[i] >= lower]


@contextmanager
def bucket_size(size: int) -> Iterator[None]:
    """Small buckets make deep trees out of small inputs (every code path at every depth)."""
    saved = _intervals._BUCKET
    _intervals._BUCKET = size
    try:
        yield
    finally:
        _intervals._BUCKET = saved


days = st.integers(BASE - 60, BASE + 60)
wide_days = st.one_of(
    days, st.integers(BASE - 2000, BASE + 2000), st.sampled_from([DAY_MIN, DAY_MAX])
)


@st.composite
def intervals(draw: st.DrawFn) -> tuple[int, int]:
    """A point, short, long, open-ended or inverted interval."""
    kind = draw(st.sampled_from(["point", "short", "long", "open", "inverted", "any"]))
    start = draw(days)
    if kind == "point":
        return start, start
    if kind == "short":
        return start, start + draw(st.integers(0, 10))
    if kind == "long":
        return start, start + draw(st.integers(30, 3000))
    if kind == "open":
        return draw(st.sampled_from([(DAY_MIN, start), (start, DAY_MAX), (DAY_MIN, DAY_MAX)]))
    if kind == "inverted":
        return start, start - draw(st.integers(1, 40))
    return draw(wide_days), draw(wide_days)


@st.composite
def queries(draw: st.DrawFn) -> tuple[int, int]:
    """Queries of every width: points, windows, everything, inverted, outside all intervals."""
    kind = draw(st.sampled_from(["point", "window", "wide", "inverted", "any"]))
    start = draw(days)
    if kind == "point":
        return start, start
    if kind == "window":
        return start, start + draw(st.integers(1, 60))
    if kind == "wide":
        return draw(st.sampled_from([(DAY_MIN, DAY_MAX), (DAY_MIN, start), (start, DAY_MAX)]))
    if kind == "inverted":
        return start, start - draw(st.integers(1, 60))
    return draw(wide_days), draw(wide_days)


@settings(max_examples=300, deadline=None)
@given(
    data=st.lists(intervals(), max_size=150),
    probes=st.lists(queries(), min_size=1, max_size=12),
    size=st.sampled_from([1, 2, 3, 8, _intervals._BUCKET]),
)
def test_matches_naive_scan(
    data: list[tuple[int, int]], probes: list[tuple[int, int]], size: int
) -> None:
    lowers = [lo for lo, _ in data]
    uppers = [hi for _, hi in data]
    with bucket_size(size):
        index = IntervalIndex(lowers, uppers)
    assert len(index) == len(data)
    for lower, upper in probes:
        assert index.overlapping(lower, upper) == naive(lowers, uppers, lower, upper)


@settings(max_examples=100, deadline=None)
@given(
    data=st.lists(st.tuples(st.integers(-5, 5), st.integers(-5, 5)), max_size=40),
    size=st.integers(1, 4),
)
def test_matches_naive_scan_on_every_query_of_a_small_domain(
    data: list[tuple[int, int]], size: int
) -> None:
    lowers = [lo for lo, _ in data]
    uppers = [hi for _, hi in data]
    with bucket_size(size):
        index = IntervalIndex(lowers, uppers)
    for lower in range(-7, 8):
        for upper in range(-7, 8):
            assert index.overlapping(lower, upper) == naive(lowers, uppers, lower, upper)


big = st.one_of(st.integers(-(2**65), 2**65), st.sampled_from([-(2**63), 2**63 - 1, 2**63]))


@settings(max_examples=100, deadline=None)
@given(
    data=st.lists(st.tuples(big, big), max_size=60),
    probes=st.lists(st.tuples(big, big), min_size=1, max_size=8),
    size=st.integers(1, 4),
)
def test_matches_naive_scan_beyond_64_bits(
    data: list[tuple[int, int]], probes: list[tuple[int, int]], size: int
) -> None:
    lowers = [lo for lo, _ in data]
    uppers = [hi for _, hi in data]
    with bucket_size(size):
        index = IntervalIndex(lowers, uppers)
    for lower, upper in probes + data:
        assert index.overlapping(lower, upper) == naive(lowers, uppers, lower, upper)


@pytest.mark.parametrize("size", [1, 7, None])
def test_realistic_mix_matches_naive_scan(size: int | None) -> None:
    rng = random.Random(20240601)
    lowers: list[int] = []
    uppers: list[int] = []
    for _ in range(3000):
        start = BASE + rng.randrange(3650)
        roll = rng.random()
        if roll < 0.01:
            lowers.append(DAY_MIN if rng.random() < 0.5 else start)
            uppers.append(start if lowers[-1] == DAY_MIN else DAY_MAX)
            continue
        length = rng.randrange(28, 400) if roll < 0.05 else rng.randrange(0, 60)
        lowers.append(start)
        uppers.append(start + length)
    with bucket_size(size or _intervals._BUCKET):
        index = IntervalIndex(lowers, uppers)
    for _ in range(200):
        lower = BASE - 100 + rng.randrange(3900)
        upper = lower + rng.choice([0, 0, 29, 364, -3])
        assert index.overlapping(lower, upper) == naive(lowers, uppers, lower, upper)


def test_empty_index() -> None:
    index = IntervalIndex([], [])
    assert len(index) == 0
    assert index.overlapping(DAY_MIN, DAY_MAX) == []
    assert index.overlapping(5, 5) == []
    assert index.overlapping(5, 1) == []


def test_single_interval_boundaries_are_closed() -> None:
    index = IntervalIndex([10], [20])
    assert len(index) == 1
    for lower, upper in [(10, 10), (20, 20), (0, 10), (20, 30), (15, 15), (0, 100), (12, 18)]:
        assert index.overlapping(lower, upper) == [0]
    for lower, upper in [(0, 9), (21, 30), (9, 9), (21, 21)]:
        assert index.overlapping(lower, upper) == []


def test_all_identical_intervals() -> None:
    n = 500
    index = IntervalIndex([100] * n, [200] * n)
    assert index.overlapping(150, 150) == list(range(n))
    assert index.overlapping(DAY_MIN, 100) == list(range(n))
    assert index.overlapping(200, DAY_MAX) == list(range(n))
    assert index.overlapping(201, 300) == []
    assert index.overlapping(0, 99) == []


def test_query_outside_everything() -> None:
    lowers = list(range(1000, 2000, 3))
    uppers = [lo + 5 for lo in lowers]
    index = IntervalIndex(lowers, uppers)
    assert index.overlapping(0, 999) == []
    assert index.overlapping(2010, 5000) == []
    assert index.overlapping(DAY_MIN, DAY_MAX) == list(range(len(lowers)))


def test_open_ended_and_extreme_values() -> None:
    lowers = [DAY_MIN, 500, DAY_MIN, 400, DAY_MAX]
    uppers = [DAY_MAX, DAY_MAX, 450, 410, DAY_MAX]
    index = IntervalIndex(lowers, uppers)
    assert index.overlapping(DAY_MIN, DAY_MIN) == [0, 2]
    assert index.overlapping(405, 405) == [0, 2, 3]
    assert index.overlapping(460, 499) == [0]
    assert index.overlapping(DAY_MAX, DAY_MAX) == [0, 1, 4]


def test_inverted_intervals_use_the_plain_test() -> None:
    # [30, 20] matches a query iff 30 <= upper and 20 >= lower, i.e. the query covers 20..30.
    index = IntervalIndex([30, 0], [20, 100])
    assert index.overlapping(25, 25) == [1]
    assert index.overlapping(21, 40) == [1]
    assert index.overlapping(20, 30) == [0, 1]
    assert index.overlapping(0, 1000) == [0, 1]


def test_inverted_queries_use_the_plain_test() -> None:
    # Query [lower=30, upper=20] matches interval i iff lowers[i] <= 20 and uppers[i] >= 30.
    index = IntervalIndex([10, 25, 20, 0], [40, 35, 29, 30])
    assert index.overlapping(30, 20) == [0, 3]


def test_values_beyond_64_bits() -> None:
    lowers = [-(2**70), 2**64, 0, 2**63]
    uppers = [2**70, 2**65, 10, 2**63 - 1]
    with bucket_size(1):
        index = IntervalIndex(lowers, uppers)
    assert index.overlapping(5, 5) == [0, 2]
    assert index.overlapping(2**64, 2**64) == [0, 1]
    assert index.overlapping(2**63, 2**63 - 1) == [0]
    assert index.overlapping(-(2**80), 2**80) == [0, 1, 2, 3]


def test_results_are_ascending_positions_without_duplicates() -> None:
    rng = random.Random(7)
    lowers = [rng.randrange(0, 1000) for _ in range(2000)]
    uppers = [lo + rng.randrange(0, 300) for lo in lowers]
    with bucket_size(4):
        index = IntervalIndex(lowers, uppers)
    found = index.overlapping(400, 420)
    assert found == sorted(set(found))
    assert found == naive(lowers, uppers, 400, 420)


def test_accepts_any_sequences_and_does_not_keep_them() -> None:
    lowers = [1, 5, 9]
    uppers = [2, 6, 10]
    index = IntervalIndex(lowers, uppers)
    lowers[:] = [100, 100, 100]
    uppers[:] = [100, 100, 100]
    assert index.overlapping(5, 9) == [1, 2]
    assert IntervalIndex(range(3), (5, 5, 5)).overlapping(4, 4) == [0, 1, 2]


def test_length_mismatch_is_rejected() -> None:
    with pytest.raises(ValueError, match="lowers has 2 items but uppers has 1"):
        IntervalIndex([1, 2], [3])
