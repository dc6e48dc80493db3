"""Draw a :class:`~.layout.Layout` with matplotlib, for the ``png`` and ``pdf`` formats.

matplotlib is optional (the ``plot`` extra) and imported only when a chart
is drawn; without it, :func:`render_image` raises :class:`~mitimeline.ExportError` naming
the extra. The drawing follows the SVG renderer: the same rows, colours, faded possible
days, diamonds, edge chevrons and marks. Everything is drawn in day numbers relative to
the chart's start, with the layout's own ticks, so no matplotlib date handling is
involved. Text is never read as mathtext (a ``$`` in a title stays a ``$``), and U+FEFF
(zero width no-break space) is drawn as U+2060 (word joiner, the same thing): matplotlib
3.11's PDF backend fails on U+FEFF.
"""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING, Any

from ..errors import ExportError, install_hint
from . import style
from .layout import Layout, Row
from .text import shorten, text_width, wrap

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["DPI", "MAX_HEIGHT", "drawable", "render_figure", "render_image"]

DPI = 100
MAX_HEIGHT = 20_000
"""The tallest image drawn, in pixels at :data:`DPI` (about 990 rows; PDF viewers and
matplotlib's raster backend have limits)."""
EXTRA = install_hint("plot")

FONT_PT = 9
ROW_PX = 20
BAR = 0.6
"""Bar height, in rows."""
TOP_PX, AXIS_PX, LEGEND_LINE_PX, PAD_PX = 48, 30, 22, 16
NOTE_LINES, NOTE_LINE_PX = 2, 15
"""The clip note (what the chart cut at its edges): at most this many lines, this tall."""


def drawable(text: str) -> str:
    """``text`` as matplotlib can draw it in every backend: U+FEFF becomes U+2060."""
    return text.replace("\ufeff", "\u2060")


def _figure_class() -> type[Figure]:
    try:
        from matplotlib.figure import Figure  # optional and heavy: only PNG and PDF need it
    except ImportError as exc:
        raise ExportError(f"PNG and PDF charts need matplotlib: {EXTRA}") from exc
    return Figure


def render_image(layout: Layout, width: int, format: str) -> bytes:
    """The chart as ``png`` or ``pdf`` bytes, ``width`` pixels wide at :data:`DPI`.

    Raises :class:`~mitimeline.ExportError` without matplotlib, or when the chart would be
    taller than :data:`MAX_HEIGHT` pixels.
    """
    figure = render_figure(layout, width)
    buffer = io.BytesIO()
    metadata: dict[str, Any] = ({"CreationDate": None, "Creator": "mitimeline"}
                                if format == "pdf" else {"Software": "mitimeline"})
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(buffer, format=format, dpi=DPI, metadata=metadata)
    return buffer.getvalue()


def render_figure(layout: Layout, width: int) -> Figure:
    """A matplotlib ``Figure`` of the chart (not attached to pyplot)."""
    figure_class = _figure_class()
    rows = _lines(layout)
    legend_lines = -(-len(layout.legend) // _legend_columns(layout, width))
    plot_px = len(rows) * ROW_PX
    note = wrap(drawable(layout.clip_note), width - 2 * PAD_PX, (FONT_PT - 1) * DPI / 72,
                NOTE_LINES)
    legend_px = legend_lines * LEGEND_LINE_PX
    height = TOP_PX + plot_px + AXIS_PX + len(note) * NOTE_LINE_PX + legend_px + PAD_PX
    if height > MAX_HEIGHT:
        raise ExportError(
            f"the chart has {layout.row_count} rows, {height} pixels tall; PNG and PDF charts "
            f"are at most {MAX_HEIGHT} pixels (about {MAX_HEIGHT // ROW_PX - 10} rows): "
            "export svg, or draw fewer events with kinds=, start= and end=")
    figure = figure_class(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor="white")
    label_px = _gutter(rows, width)
    left = (PAD_PX + label_px) / width
    axes = figure.add_axes((left, (height - TOP_PX - plot_px) / height,
                            1 - left - 40 / width, plot_px / height))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        _draw(axes, layout, rows, label_px, width)
        if layout.title:
            figure.text(PAD_PX / width, 1 - 14 / height,
                        drawable(shorten(layout.title, width - 2 * PAD_PX, 16 * DPI / 72)),
                        fontsize=12, fontweight="bold", va="top", color=style.INK,
                        parse_math=False)
        if note:
            figure.text(PAD_PX / width, (PAD_PX + legend_px + len(note) * NOTE_LINE_PX) / height,
                        "\n".join(note), fontsize=FONT_PT - 1, va="top", color=style.MUTED,
                        linespacing=1.3, parse_math=False)
        _legend(figure, layout, width)
    return figure


def _lines(layout: Layout) -> list[tuple[str, Row | None]]:
    """Top to bottom: (section label, None) for a section header, ("", row) for a row."""
    lines: list[tuple[str, Row | None]] = []
    for section in layout.sections:
        if section.label:
            lines.append((f"{section.label} ({len(section.rows)})", None))
        lines.extend(("", row) for row in section.rows)
    return lines


def _gutter(rows: list[tuple[str, Row | None]], width: int) -> float:
    font_px = FONT_PT * DPI / 72
    widest = max((text_width(row.label, font_px) for _, row in rows if row is not None),
                 default=0)
    return min(max(widest + 12, 100.0), width * 0.3)


class _Marks:
    """Everything the rows draw, collected so each kind of mark is one matplotlib call."""

    def __init__(self) -> None:
        self.bars: dict[str, list[tuple[float, float, float, str]]] = {
            "faded": [], "outline": [], "dashed": [], "core": []}
        self.diamonds: dict[bool, list[tuple[float, float, str]]] = {True: [], False: []}
        self.chevrons: dict[str, list[tuple[float, float, str]]] = {"<": [], ">": []}
        self.texts: list[tuple[float, float, str, str]] = []

    def draw(self, axes: Axes) -> None:
        styles: dict[str, dict[str, Any]] = {
            "faded": {"alpha": style.FADED_OPACITY, "linewidth": 0, "zorder": 2},
            "outline": {"fill": False, "linewidth": 0.8, "zorder": 3},
            "dashed": {"fill": False, "linewidth": 0.8, "linestyle": "--", "zorder": 3},
            "core": {"linewidth": 0, "zorder": 3},
        }
        for name, bars in self.bars.items():
            if not bars:
                continue
            ys, lefts, lengths, colors = zip(*bars, strict=True)
            if name in ("outline", "dashed"):
                axes.barh(ys, lengths, left=lefts, height=BAR, edgecolor=list(colors),
                          **styles[name])
            else:
                axes.barh(ys, lengths, left=lefts, height=BAR, color=list(colors),
                          **styles[name])
        for filled, diamonds in self.diamonds.items():
            if diamonds:
                xs, ys, colors = zip(*diamonds, strict=True)
                axes.scatter(xs, ys, marker="D", s=42, zorder=4, linewidths=1.2,
                             c=list(colors) if filled else "white", edgecolors=list(colors))
        for marker, chevrons in self.chevrons.items():
            if chevrons:
                xs, ys, colors = zip(*chevrons, strict=True)
                axes.scatter(xs, ys, marker=marker, s=30, c=list(colors), zorder=4,
                             clip_on=False)
        for x, y, text, color in self.texts:
            axes.text(x, y, text, va="center", fontsize=FONT_PT, fontweight="bold",
                      color=color, parse_math=False, clip_on=False)


def _draw(axes: Axes, layout: Layout, rows: list[tuple[str, Row | None]], label_px: float,
          width: int) -> None:
    span = layout.stop - layout.start
    plot_px = axes.get_position().width * width
    min_days = 2 * span / plot_px  # bars at least 2 pixels wide
    font_px = FONT_PT * DPI / 72
    labels = []
    marks = _Marks()
    for y, (section, row) in enumerate(rows):
        if row is None:
            axes.axhspan(y - 0.5, y + 0.5, color="#F3F4F6", zorder=0, linewidth=0)
            labels.append(drawable(shorten(section, label_px - 8, font_px * 1.1)))
            continue
        labels.append(drawable(shorten(row.label, label_px - 8, font_px)))
        _row_marks(marks, row, y, layout.start, min_days)
    marks.draw(axes)
    axes.set_yticks(range(len(rows)), labels, fontsize=FONT_PT, color=style.INK,
                    parse_math=False)
    for tick, (section, _row) in zip(axes.get_yticklabels(), rows, strict=True):
        tick.set_horizontalalignment("left")
        if section:
            tick.set_fontweight("bold")
    # left-aligned labels: anchor them at the left edge of the label column
    axes.tick_params(axis="y", length=0, pad=(label_px - 4) * 72 / DPI)
    axes.set_ylim(len(rows) - 0.5, -0.5)
    axes.set_xlim(0, span)
    axes.set_xticks([tick.day - layout.start for tick in layout.ticks],
                    [tick.label for tick in layout.ticks], fontsize=FONT_PT - 1,
                    color=style.MUTED, parse_math=False)
    axes.xaxis.set_ticks_position("both")
    axes.tick_params(axis="x", labeltop=True, length=0)
    axes.grid(axis="x", color=style.GRID, linewidth=0.8)
    axes.set_axisbelow(True)
    for spine in axes.spines.values():
        spine.set_visible(False)
    if layout.today is not None:
        axes.axvline(layout.today - layout.start, color=style.TODAY, linewidth=1.2,
                     linestyle=(0, (4, 3)))


def _row_marks(marks: _Marks, row: Row, y: int, origin: int, min_days: float) -> None:
    bar, color = row.bar, row.color

    def span(start: int, stop: int) -> tuple[float, float]:
        left: float = start - origin
        length: float = stop - start
        if length < min_days:
            left, length = left + length / 2 - min_days / 2, min_days
        return left, length

    right: float = bar.stop - origin
    for piece in row.pieces:
        if not piece.certain and not (row.milestone and piece.stop - piece.start <= 1):
            left, length = span(piece.start, piece.stop)
            marks.bars["faded"].append((y, left, length, color))
            marks.bars["dashed" if row.marks else "outline"].append((y, left, length, color))
        if row.milestone:
            middle = piece.middle - origin
            marks.diamonds[piece.certain and not row.marks].append((middle, y, color))
            right = middle + min_days * 3
        elif piece.core is not None:
            left, length = span(*piece.core)
            marks.bars["core"].append((y, left, length, color))
    if bar.cut_start:
        marks.chevrons["<"].append((bar.start - origin, y, color))
    if bar.cut_end:
        marks.chevrons[">"].append((bar.stop - origin, y, color))
        right += min_days * 3
    if row.marks:
        marks.texts.append((right + min_days * 1.5, y, row.marks, color))


def _legend_columns(layout: Layout, width: int) -> int:
    return max(1, min(len(layout.legend), width // 190))


def _legend(figure: Figure, layout: Layout, width: int) -> None:
    # matplotlib is optional and heavy: imported only once a PNG or PDF is being drawn
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    for item in layout.legend:
        if item.symbol == "bar":
            handles.append(Patch(facecolor=item.color, label=item.label))
        elif item.symbol == "faded":
            handles.append(Patch(facecolor=item.color, alpha=style.FADED_OPACITY,
                                 edgecolor=item.color, label=item.label))
        elif item.symbol in ("milestone", "cut"):
            marker = "D" if item.symbol == "milestone" else ">"
            handles.append(Line2D([], [], linestyle="", marker=marker, color=item.color,
                                  label=item.label))
        elif item.symbol == "today":
            handles.append(Line2D([], [], color=style.TODAY, linestyle=(0, (4, 3)),
                                  label=item.label))
        else:
            mark = style.MARKS[item.symbol]
            handles.append(Patch(facecolor="none", edgecolor="none",
                                 label=f"{mark}  {item.label}"))
    if handles:
        figure.legend(handles=handles, loc="lower left", bbox_to_anchor=(PAD_PX / width, 0),
                      ncols=_legend_columns(layout, width), frameon=False, fontsize=FONT_PT - 1,
                      handlelength=1.4, borderaxespad=0.4)
