"""Shared helpers for the benchmark scripts: timing, result rows and table printing.

Every ``bench_*.py`` script exposes a function returning a list of :class:`Row` (one
figure each: our time, the peer's or floor's time on the same input, the goal and whether
it was met); its own ``main()`` and ``run.py`` print those rows with :func:`print_rows`.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

SRC = Path(__file__).resolve().parent.parent / "src"
if str(SRC) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(SRC))


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


def best_of(repeat: int, function: Callable[[], Any]) -> float:
    """The fastest of ``repeat`` wall-clock timings of ``function()``, in seconds, each
    started from a collected heap (objects just built, e.g. the input, otherwise make the
    collector's full passes come sooner: an SVG chart of 10,000 events took 49 µs per
    event right after building the timeline, 36 µs after a collection)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


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
