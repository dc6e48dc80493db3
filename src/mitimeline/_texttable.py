"""Text tables for the command line: each column as wide as its widest cell, and, given a
width, the columns that may shrink cut to fit, their cells ending with an ellipsis."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["ELLIPSIS", "GAP", "table_lines"]

ELLIPSIS = "…"
GAP = "  "
"""Between two columns."""
NARROWEST = 8
"""A column that shrinks keeps at least this many characters (or its header's length)."""


def table_lines(header: Sequence[str], rows: Sequence[Sequence[str]], width: int | None = None,
                shrink: Sequence[int] = ()) -> list[str]:
    """The header, a line of dashes and the rows, columns padded and lines right-stripped.

    With ``width``, the columns numbered in ``shrink`` are narrowed in that order, each
    down to its narrowest before the next, until the lines fit in ``width`` characters; a
    cell longer than its column ends with :data:`ELLIPSIS`. Without it, nothing is cut.
    """
    widths = [max([len(header[i])] + [len(row[i]) for row in rows]) for i in range(len(header))]
    if width is not None:
        excess = sum(widths) + len(GAP) * (len(widths) - 1) - width
        for column in shrink:
            cut = min(excess, widths[column] - max(NARROWEST, len(header[column])))
            if cut > 0:
                widths[column] -= cut
                excess -= cut
    return [
        GAP.join(_fit(cell, size).ljust(size)
                 for cell, size in zip(row, widths, strict=True)).rstrip()
        for row in [header, ["-" * size for size in widths], *rows]
    ]


def _fit(cell: str, size: int) -> str:
    """``cell``, cut to ``size`` characters with an ellipsis at the end when longer."""
    return cell if len(cell) <= size else cell[:size - 1].rstrip() + ELLIPSIS
