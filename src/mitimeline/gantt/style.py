"""Colours and the words used for fuzzy dates, shared by every Gantt renderer."""

from __future__ import annotations

__all__ = [
    "FADED_OPACITY",
    "GRID",
    "INK",
    "KIND_COLORS",
    "MARKS",
    "MUTED",
    "SECTION_COLORS",
    "TODAY",
    "text_on",
]

KIND_COLORS = {
    "shoot": "#0072B2",
    "stunt": "#D55E00",
    "move": "#009E73",
    "hiatus": "#999999",
    "wrap": "#000000",
    "announcement": "#E69F00",
    "release": "#CC79A7",
    "other": "#56B4E9",
}
"""One colour per kind, from the Okabe-Ito palette (distinguishable with colour blindness)."""

SECTION_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
                  "#000000", "#A6761D", "#999999", "#7570B3")
"""Colours for ``color_by="section"``, in section order; they repeat after ten sections."""

MARKS = {"approximate": "~", "uncertain": "?", "contradicted": "!"}
"""The mark drawn after a bar (and in the legend) for each qualifier: an approximate or
uncertain date, or claims whose sources contradict each other."""

FADED_OPACITY = 0.3
"""Fill opacity of the days an event may, but need not, cover."""

INK = "#1F2937"
MUTED = "#6B7280"
GRID = "#E5E7EB"
TODAY = "#C1121F"


def text_on(color: str, faded: bool = False) -> str:
    """A readable text colour on a bar of ``color`` (``#RRGGBB``): white or dark ink."""
    if faded:
        return INK
    red, green, blue = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return INK if luminance > 0.45 else "#FFFFFF"
