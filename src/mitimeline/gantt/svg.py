"""Draw a :class:`~.layout.Layout` as a standalone SVG document (no scripts, no styles).

The SVG has a fixed size (``width`` and ``height`` in pixels, no inline style, so CairoSVG
and rsvg-convert draw it as browsers do), a white background, presentation attributes only
(nothing leaks into a page it is inlined in), ``role="img"`` with ``<title>`` and
``<desc>``, and a ``<title>`` tooltip on every row. Rows have a fixed height, so a chart
grows with its events; labels are shortened to the label column with the full text in the
tooltip. All text is escaped, and characters XML cannot carry become U+FFFD.
Same layout, same bytes.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator

from . import style
from .layout import Layout, LegendItem, Row
from .text import shorten, text_width, wrap

__all__ = ["FONT_FAMILY", "render_svg", "xml_escape"]

FONT_FAMILY = ("system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
               "'DejaVu Sans', sans-serif")
FONT = 12
SMALL = 11
TITLE_FONT = 16
PAD = 16
TITLE_HEIGHT = 30
AXIS_HEIGHT = 22
SECTION_HEIGHT = 24
ROW_HEIGHT = 20
BAR_HEIGHT = 12
DIAMOND = 6.5
CHEVRON = 5
LABEL_INDENT = 8
MIN_GUTTER, MAX_GUTTER_SHARE = 100, 0.3
RIGHT_ROOM = 26
"""Space right of the plot for marks and chevrons of bars that end at the edge."""
MIN_BAR = 2.0
LEGEND_LINE = 18
NOTE_LINES = 2
"""The clip note (what the chart cut at its edges) takes at most this many lines."""
BOTTOM_AXIS_ROWS = 25
"""Charts with more rows than this repeat the axis labels below the rows."""
ZEBRA_OPACITY = 0.03
"""Every other row is tinted, see-through so the grid shows; every row's background
catches the pointer, so its tooltip shows anywhere on the row."""
SECTION_FILL = "#F3F4F6"

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_escape(text: str) -> str:
    """``text`` safe inside XML text or a double-quoted attribute."""
    text = _INVALID_XML.sub("\ufffd", text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _n(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing ``.0``."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


class _Geometry:
    """Pixel positions for one layout at one width."""

    def __init__(self, layout: Layout, width: int) -> None:
        self.width = width
        widest = max((text_width(row.label, FONT) for row in layout.rows()), default=0)
        self.gutter = min(max(widest + LABEL_INDENT + 10, MIN_GUTTER), width * MAX_GUTTER_SHARE)
        self.x0 = PAD + self.gutter
        self.x1 = width - PAD - RIGHT_ROOM
        self.scale = (self.x1 - self.x0) / (layout.stop - layout.start)
        self.start = layout.start

    def x(self, day: float) -> float:
        return self.x0 + (day - self.start) * self.scale

    def span(self, start: int, stop: int) -> tuple[float, float]:
        """Left x and width of days ``[start, stop)``, at least :data:`MIN_BAR` wide."""
        left, right = self.x(start), self.x(stop)
        if right - left < MIN_BAR:
            middle = (left + right) / 2
            left, right = middle - MIN_BAR / 2, middle + MIN_BAR / 2
        return left, right - left


def max_ticks(width: int) -> int:
    """How many axis labels fit across a chart ``width`` pixels wide."""
    return max(2, int(width * (1 - MAX_GUTTER_SHARE)) // 90)


def render_svg(layout: Layout, width: int = 1000) -> str:
    """The chart as an SVG document (text, no XML declaration), ``width`` pixels wide."""
    geometry = _Geometry(layout, width)
    uid = _uid(layout, width)
    body: list[str] = []
    y: float = PAD
    if layout.title:
        body.append(f'<text x="{PAD}" y="{y + TITLE_FONT}" font-size="{TITLE_FONT}" '
                    f'font-weight="bold" fill="{style.INK}">'
                    f'{xml_escape(shorten(layout.title, width - 2 * PAD, TITLE_FONT))}</text>')
        y += TITLE_HEIGHT
    top = y + AXIS_HEIGHT
    rows_svg: list[str] = []
    y = top
    for section in layout.sections:
        if section.label:
            rows_svg.append(_section(section.label, len(section.rows), y, width))
            y += SECTION_HEIGHT
        for index, row in enumerate(section.rows):
            rows_svg.append(_row(row, layout.hover(row), index, y, geometry))
            y += ROW_HEIGHT
    bottom = y
    body.extend(_grid(layout, geometry, top, bottom))
    body.extend(_tick_labels(layout, geometry, top - 7))
    body.extend(rows_svg)
    if layout.row_count > BOTTOM_AXIS_ROWS:
        body.extend(_tick_labels(layout, geometry, bottom + 15))
        y += AXIS_HEIGHT
    if layout.today is not None:
        x = _n(geometry.x(layout.today))
        body.append(f'<line x1="{x}" y1="{top - 4}" x2="{x}" y2="{bottom + 4}" '
                    f'stroke="{style.TODAY}" stroke-width="1.5" stroke-dasharray="4 3"/>')
    if layout.clip_note:
        for line in wrap(layout.clip_note, width - 2 * PAD, SMALL, NOTE_LINES):
            y += LEGEND_LINE
            body.append(f'<text x="{PAD}" y="{_n(y + 4)}" font-size="{SMALL}" '
                        f'fill="{style.MUTED}">{xml_escape(line)}</text>')
    legend, y = _legend(layout.legend, y + 10, width)
    body.extend(legend)
    height = math.ceil(y + PAD)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" font-family="{xml_escape(FONT_FAMILY)}" '
        f'font-size="{FONT}">\n'
        f'<title id="{uid}-title">{xml_escape(layout.title or "Gantt chart")}</title>\n'
        f'<desc id="{uid}-desc">{xml_escape(layout.description)}</desc>\n'
        f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>\n'
    )
    return head + "\n".join(body) + "\n</svg>\n"


def _uid(layout: Layout, width: int) -> str:
    """A deterministic id prefix, distinct for distinct charts inlined in one page."""
    digest = hashlib.sha1(f"{layout.title}|{layout.options!r}|{width}".encode(
        "utf-8", "surrogatepass"))
    for row in layout.rows():
        digest.update(f"|{row.event.id}|{row.event.when}".encode())
    return f"mtl-{digest.hexdigest()[:10]}"


def _grid(layout: Layout, geometry: _Geometry, top: float, bottom: float) -> Iterator[str]:
    for tick in layout.ticks:
        x = _n(geometry.x(tick.day))
        yield (f'<line x1="{x}" y1="{_n(top)}" x2="{x}" y2="{_n(bottom)}" '
               f'stroke="{style.GRID}"/>')


def _tick_labels(layout: Layout, geometry: _Geometry, baseline: float) -> Iterator[str]:
    for tick in layout.ticks:
        yield (f'<text x="{_n(geometry.x(tick.day))}" y="{_n(baseline)}" font-size="{SMALL}" '
               f'text-anchor="middle" fill="{style.MUTED}">{xml_escape(tick.label)}</text>')


def _section(label: str, count: int, y: float, width: int) -> str:
    counted = f"{label} ({count})"
    text = shorten(counted, width - 2 * PAD - 8, FONT * 1.1)
    return (f'<g><rect x="{PAD}" y="{_n(y + 2)}" width="{width - 2 * PAD}" '
            f'height="{SECTION_HEIGHT - 4}" fill="{SECTION_FILL}"/>'
            f'<text x="{PAD + 4}" y="{_n(y + SECTION_HEIGHT / 2 + 4)}" font-weight="bold" '
            f'fill="{style.INK}">{xml_escape(text)}</text></g>')


def _row(row: Row, hover: str, index: int, y: float, geometry: _Geometry) -> str:
    """One row: tooltip, see-through background (the hover area), label, then the marks of
    its bar."""
    middle = y + ROW_HEIGHT / 2
    label = shorten(row.label, geometry.gutter - LABEL_INDENT - 10, FONT)
    parts = [
        f"<g><title>{xml_escape(hover)}</title>",
        f'<rect x="{PAD}" y="{_n(y)}" width="{geometry.width - 2 * PAD}" height="{ROW_HEIGHT}" '
        f'fill="{style.INK}" fill-opacity="{ZEBRA_OPACITY if index % 2 else 0}"/>',
        f'<text x="{PAD + LABEL_INDENT}" y="{_n(middle + 4)}" fill="{style.INK}">'
        f"{xml_escape(label)}</text>",
    ]
    parts.extend(_marks(row, middle, geometry))
    parts.append("</g>")
    return "".join(parts)


def _marks(row: Row, middle: float, geometry: _Geometry) -> Iterator[str]:
    """Each of the row's pieces (faded possible days, solid core or diamond), then the
    arrowheads of a cut bar and the row's marks."""
    bar, color = row.bar, row.color
    top = _n(middle - BAR_HEIGHT / 2)
    dashed = ' stroke-dasharray="3 2"' if row.marks else ""
    right = geometry.x(bar.stop)
    for piece in row.pieces:
        if not piece.certain and not (row.milestone and piece.stop - piece.start <= 1):
            left, width = geometry.span(piece.start, piece.stop)
            yield (f'<rect x="{_n(left)}" y="{top}" width="{_n(width)}" '
                   f'height="{BAR_HEIGHT}" fill="{color}" fill-opacity="{style.FADED_OPACITY}" '
                   f'stroke="{color}" stroke-width="1"{dashed}/>')
        if row.milestone:
            yield _diamond(geometry.x(piece.middle), middle, color,
                           filled=piece.certain and not row.marks)
            right = geometry.x(piece.middle) + DIAMOND
        elif piece.core is not None:
            left, width = geometry.span(*piece.core)
            yield (f'<rect x="{_n(left)}" y="{top}" width="{_n(width)}" '
                   f'height="{BAR_HEIGHT}" fill="{color}"/>')
    if bar.cut_start:
        yield _chevron(geometry.x(bar.start) - 1, middle, color, pointing=-1)
    if bar.cut_end:
        yield _chevron(geometry.x(bar.stop) + 1, middle, color, pointing=1)
        right += CHEVRON + 1
    if row.marks:
        yield (f'<text x="{_n(right + 3)}" y="{_n(middle + 4)}" font-weight="bold" '
               f'fill="{color}">{row.marks}</text>')


def _diamond(x: float, y: float, color: str, filled: bool) -> str:
    points = (f"{_n(x)},{_n(y - DIAMOND)} {_n(x + DIAMOND)},{_n(y)} "
              f"{_n(x)},{_n(y + DIAMOND)} {_n(x - DIAMOND)},{_n(y)}")
    fill = color if filled else "#FFFFFF"
    return f'<polygon points="{points}" fill="{fill}" stroke="{color}" stroke-width="1.5"/>'


def _chevron(x: float, y: float, color: str, pointing: int) -> str:
    tip = x + pointing * CHEVRON
    points = f"{_n(x)},{_n(y - CHEVRON)} {_n(tip)},{_n(y)} {_n(x)},{_n(y + CHEVRON)}"
    return f'<polygon points="{points}" fill="{color}"/>'


def _legend(items: tuple[LegendItem, ...], y: float, width: int) -> tuple[list[str], float]:
    """The legend's elements, wrapped to the width, and the y below it."""
    parts: list[str] = []
    x = float(PAD)
    middle = y + LEGEND_LINE / 2
    for item in items:
        room = 18 + text_width(item.label, SMALL) + 18
        if x + room > width - PAD and x > PAD:
            x, middle = float(PAD), middle + LEGEND_LINE
        parts.append(_legend_symbol(item, x, middle))
        parts.append(f'<text x="{_n(x + 18)}" y="{_n(middle + 4)}" font-size="{SMALL}" '
                     f'fill="{style.INK}">{xml_escape(item.label)}</text>')
        x += room
    bottom = middle + LEGEND_LINE / 2 if items else y
    return parts, bottom


def _legend_symbol(item: LegendItem, x: float, y: float) -> str:
    color = item.color
    if item.symbol == "bar":
        return f'<rect x="{_n(x)}" y="{_n(y - 4)}" width="14" height="8" fill="{color}"/>'
    if item.symbol == "faded":
        return (f'<rect x="{_n(x)}" y="{_n(y - 4)}" width="14" height="8" fill="{color}" '
                f'fill-opacity="{style.FADED_OPACITY}" stroke="{color}"/>')
    if item.symbol == "milestone":
        return _diamond(x + 7, y, color, filled=True)
    if item.symbol == "cut":
        return _chevron(x + 4, y, color, pointing=1)
    if item.symbol == "today":
        return (f'<line x1="{_n(x + 7)}" y1="{_n(y - 7)}" x2="{_n(x + 7)}" y2="{_n(y + 7)}" '
                f'stroke="{style.TODAY}" stroke-width="1.5" stroke-dasharray="4 3"/>')
    mark = style.MARKS[item.symbol]
    return (f'<text x="{_n(x + 3)}" y="{_n(y + 4)}" font-weight="bold" '
            f'fill="{color}">{mark}</text>')
