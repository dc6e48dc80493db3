"""Wrap the SVG chart in a standalone HTML page (no scripts, no external resources)."""

from __future__ import annotations

from .layout import Layout
from .svg import FONT_FAMILY, render_svg, xml_escape

__all__ = ["render_html"]


def render_html(layout: Layout, width: int = 1000) -> str:
    """A complete UTF-8 HTML5 page showing the chart (with the title as the page title); the
    page's stylesheet scales the chart down to a narrower window."""
    title = xml_escape(layout.title or "Gantt chart")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="mitimeline">\n'
        f"<title>{title}</title>\n"
        f"<style>body{{margin:16px;font-family:{FONT_FAMILY};color:#1F2937;"
        "background:#FFFFFF}figure{margin:0}svg{max-width:100%;height:auto}</style>\n"
        "</head>\n<body>\n<figure>\n"
        f"{render_svg(layout, width)}"
        "</figure>\n</body>\n</html>\n"
    )
