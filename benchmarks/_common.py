"""Shared helpers for the benchmark scripts: timing, result rows and table printing.

Every ``bench_*.py`` script exposes a function returning a list of :class:`Row` (one
figure each: our time, the peer's or floor's time on the same input, the goal and whether
it was met); its own ``main()`` and ``run.py`` print those rows with :func:`print_rows`.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

SRC = Path(__file__).resolve().parent.parent / "src"
if str(SRC) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(SRC))

# The very pause the JSON reader makes, so the floors are timed under the same one.
from mitimeline.default_plugins.json_format import (  # noqa: E402
    _collector_paused as collector_paused,
)


@attrs.frozen
class Row:
    """One measured figure.

    ``ours`` and ``theirs`` are seconds for the same work on the same input, measured in
    the same run; ``theirs`` is None when the figure has no peer or floor. ``met`` is None
    when the figure has no goal that a number can decide. A figure that is not a time (an
    F1 score) says how to print ``ours`` in ``shown``.
    """

    figure: str
    ours: float
    peer: str = ""
    theirs: float | None = None
    goal: str = ""
    met: bool | None = None
    note: str = ""
    shown: str = ""

    @property
    def ratio(self) -> float | None:
        """``ours / theirs`` (below 1: we are faster), or None without a peer."""
        if self.theirs is None or self.theirs <= 0:
            return None
        return self.ours / self.theirs


def against(figure: str, ours: float, peer: str, theirs: float, *, at_most: float | None = None,
            goal: str = "", note: str = "") -> Row:
    """A row comparing ``ours`` with a peer; met when ``ours / theirs <= at_most`` (if given)."""
    met = None if at_most is None else ours <= at_most * theirs
    return Row(figure, ours, peer, theirs, goal, met, note)


CONDITIONS = ("Timing conditions, the same for ours and every peer or floor: input already in "
              "memory, one process, one untimed warm-up call each, then the best of N timings of "
              "the process's CPU time, ours and the floor's interleaved, each from a "
              "collected heap with the garbage "
              "collector paused (as mitimeline's JSON reader pauses it itself); import time: "
              "CPU time of fresh interpreters.")
"""The conditions every in-process figure is measured under, printed under each table."""


@contextlib.contextmanager
def timing_conditions() -> Iterator[None]:
    """Collect the heap, then pause the garbage collector until the block ends (restored
    afterwards, also on errors): every timing, ours or a floor's, runs under this, so no
    side pays for the collector while the other does not (our JSON reader pauses it
    itself; timed with the collector running, ``json.loads`` at 10,000 events paid for it
    and the ratio looked 20 % better than it was)."""
    gc.collect()
    with collector_paused():
        yield


def timed(function: Callable[[], Any]) -> float:
    """CPU seconds of this process for one call of ``function()`` under
    :func:`timing_conditions`: on a busy machine the wall clock also counts the time the
    scheduler gave to others (at a load average of 7 on 2 cores, 2-3× the CPU time)."""
    with timing_conditions():
        start = time.process_time()
        function()
        return time.process_time() - start


def best_of(repeat: int, function: Callable[[], Any], *, warm_up: bool = True) -> float:
    """The fastest of ``repeat`` timings of ``function()`` (see :func:`timed`), after one
    untimed warm-up call unless ``warm_up`` is False (objects just built, e.g. the input,
    make the collector's passes come sooner: an SVG chart of 10,000 events took 49 µs per
    event right after building the timeline, 36 µs after a collection)."""
    if warm_up:
        with timing_conditions():
            function()
    return min(timed(function) for _ in range(max(1, repeat)))


def best_pair(repeat: int, ours: Callable[[], Any], theirs: Callable[[], Any], *,
              warm_up: bool = True) -> tuple[float, float]:
    """The fastest of ``repeat`` timings of each, interleaved (ours, theirs, ours, ...) so
    that a busy machine slows both alike; one untimed warm-up call of each first."""
    if warm_up:
        for function in (ours, theirs):
            with timing_conditions():
                function()
    best_ours = best_theirs = float("inf")
    for _ in range(max(1, repeat)):
        best_ours = min(best_ours, timed(ours))
        best_theirs = min(best_theirs, timed(theirs))
    return best_ours, best_theirs


def seconds(value: float) -> str:
    """``value`` seconds with a readable unit: ``2.34 s``, ``5.1 ms``, ``58 µs``."""
    value = float(f"{value:.3g}")  # 0.99999 s is "1 s", not "1e+03 ms"
    unit, number = "ns", value / 1e-9
    for name, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if value >= scale:
            unit, number = name, value / scale
            break
    return f"{number:.3g} {unit}" if number < 1000 else f"{number:,.0f} {unit}"


def ratio_text(ratio: float | None) -> str:
    """``2.40×``, ``0.76×``, ``18×``; below 1/2 also how many times faster:
    ``0.056× (18× faster)``."""
    if ratio is None:
        return ""
    if ratio >= 10:
        return f"{ratio:,.0f}×"
    if ratio >= 0.5:
        return f"{ratio:.2f}×"
    faster = 1 / ratio
    return f"{ratio:.2g}× ({faster:,.{1 if faster < 10 else 0}f}× faster)"


RESULT = {True: "met", False: "MISSED", None: ""}
HEADER = ("figure", "ours", "peer / floor", "peer", "ratio", "goal", "result", "notes")


def row_cells(row: Row) -> list[str]:
    """The printed cells of ``row``, in HEADER order."""
    return [row.figure, row.shown or seconds(row.ours), row.peer,
            "" if row.theirs is None else seconds(row.theirs), ratio_text(row.ratio),
            row.goal, RESULT[row.met], row.note]


def print_rows(rows: Sequence[Row], *, markdown: bool = False) -> None:
    """All rows as one table on stdout: aligned text, or a markdown table."""
    cells = [row_cells(row) for row in rows]
    if markdown:
        print("| " + " | ".join(HEADER) + " |")
        print("|" + "---|" * len(HEADER))
        for line in cells:
            print("| " + " | ".join(c.replace("|", "\\|") for c in line) + " |")
    else:
        print_table(HEADER, cells, align="lrlrllll")
    print()
    print(CONDITIONS)


def missed(rows: Sequence[Row]) -> list[Row]:
    """The rows whose goal was missed."""
    return [row for row in rows if row.met is False]


def print_table(header: Sequence[str], rows: Sequence[Sequence[object]],
                align: str = "") -> None:
    """A plain aligned text table on stdout; ``align`` has an ``l`` or ``r`` per column
    (default: the first column left, the others right)."""
    align = align or "l" + "r" * (len(header) - 1)
    cells = [[str(c) for c in header]] + [[_cell(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    for index, row in enumerate(cells):
        print("  ".join(c.ljust(w) if align[column] == "l" or index == 0 else c.rjust(w)
                        for column, (c, w) in enumerate(zip(row, widths, strict=False))).rstrip())
        if index == 0:
            print("  ".join("-" * w for w in widths))


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
