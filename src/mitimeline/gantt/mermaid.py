"""Write a :class:`~.layout.Layout` as a Mermaid ``gantt`` diagram.

Mermaid fails silently on the likeliest mistakes, so the text is built to avoid them:

- every task has explicit dates (``dateFormat YYYY-MM-DD``, end exclusive: a bar over
  ``[lower, upper + 1 day)``); no ``after``/``until``, ``excludes`` or ``inclusiveEndDates``;
- titles, section names and the diagram title go through :func:`escape`: the characters
  Mermaid reads as syntax become ``#<code>;`` entities, which it draws as the character,
  and a text that begins like a Mermaid keyword has its first character escaped too;
- task ids are ``ev1``, ``ev2``, ... in row order, so they are unique and never collide
  with event ids; they carry the colours through a ``themeCSS`` init directive.

Fuzzy dates: the bar spans every day the event may cover; bars that are not certain to
the day are faded, and the label says in words what the SVG draws ("approx.", "start
unknown", ...). A task is one bar, so a level-2 set is its hull, faded, and the label says
what the SVG's pieces show: "on 2 separate runs of days" (multiple dates), "one of 2
alternatives" or "some time in this span" (one of a set). Mermaid can only draw dates in
years 1000-9999.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date

from ..errors import ExportError
from . import style
from .layout import Layout, Row

__all__ = ["KEYWORDS", "escape", "label", "render_mermaid"]

ESCAPED = frozenset(":;#%<>&¶ﬂ\ufeff")
"""Characters always written as ``#<code>;``: the task-data separator ``:``, the
delimiters and entity syntax ``;`` and ``#``, comment and directive starts ``%``, markup
``< > &``, ``¶``/``ﬂ``, which Mermaid's own entity placeholders are made of, and U+FEFF,
which JavaScript's ``trim`` removes (a title of just U+FEFF would leave an empty task, a
parse error; Python's regular expressions do not count it as white space, so the
layout keeps it)."""

KEYWORDS = ("gantt", "dateformat", "inclusiveenddates", "topaxis", "axisformat",
            "tickinterval", "includes", "excludes", "todaymarker", "weekday", "weekend",
            "title", "acc", "section", "click", "call", "href")
"""Statement keywords of Mermaid's gantt lexer (case-insensitive): a task title starting
with one would be read as that statement."""

_LEADING_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FIRST_YEAR, _LAST_YEAR = 1000, 9999

_AXIS = {"day": ("%d %b", "day"), "week": ("%d %b", "week"), "month": ("%b %Y", "month"),
         "year": ("%Y", "month")}


def escape(text: str) -> str:
    """``text`` (one line) written so Mermaid draws it exactly as given."""
    escaped = "".join(f"#{ord(char)};" if char in ESCAPED else char for char in text)
    lowered = text.lower()
    if text and (lowered.startswith(KEYWORDS) or _LEADING_DATE.match(text)):
        escaped = f"#{ord(text[0])};{escaped[1:]}"
    return escaped


def label(row: Row) -> str:
    """The task's text: the title, then the notes in brackets, e.g. ``(approx.)``."""
    notes = f" ({', '.join(row.notes)})" if row.notes else ""
    return row.label + notes


def render_mermaid(layout: Layout) -> str:
    """The diagram as Mermaid text, ending with a newline.

    Raises :class:`~mitimeline.ExportError` when a date falls outside the years Mermaid
    can draw.
    """
    _check_years(layout)
    rows = list(layout.rows())
    today = layout.today if layout.options.today is not True else None
    css = _theme_css(rows, today is not None)
    lines = [f"%%{{init: {json.dumps({'themeCSS': css})}}}%%", "gantt"]
    if layout.title:
        lines.append(f"    title {escape(layout.title)}")
        lines.append(f"    accTitle: {escape(layout.title)}")
    lines.append(f"    accDescr: {escape(layout.description)}")
    axis_format, interval = _AXIS[layout.unit.name]
    step = layout.unit.step * (12 if layout.unit.name == "year" else 1)
    lines += ["    dateFormat YYYY-MM-DD", f"    axisFormat {axis_format}",
              f"    tickInterval {step}{interval}"]
    if layout.options.today is not True:
        lines.append("    todayMarker off")
    number = 0
    for section in layout.sections:
        if section.label:
            lines.append(f"    section {escape(section.label)}")
        for row in section.rows:
            number += 1
            tags = "milestone, " if row.milestone else ""
            lines.append(f"    {escape(label(row))} : {tags}ev{number}, "
                         f"{_day(row.bar.start)}, {_day(row.bar.stop)}")
    if today is not None:
        lines.append(f"    today : vert, today, {_day(today)}, {_day(today)}")
    return "\n".join(lines) + "\n"


def _day(day: int) -> str:
    return date.fromordinal(day).isoformat()


def _check_years(layout: Layout) -> None:
    first = date(_FIRST_YEAR, 1, 1).toordinal()
    last = date(_LAST_YEAR, 12, 31).toordinal()
    if layout.start < first or layout.stop > last:
        raise ExportError(
            f"Mermaid can only draw dates from {_FIRST_YEAR}-01-01 to {_LAST_YEAR}-12-30, but "
            f"this chart runs from {_day(layout.start)} to {_day(min(layout.stop - 1, last))}; "
            "choose a window with start= and end=, or export svg instead")


def _theme_css(rows: list[Row], today: bool) -> str:
    """CSS giving each task its colour (faded when not certain) and readable text, and the
    today line (a ``vert`` task) the SVG chart's red.

    Colours are written ``rgb(...)``: a ``#RRGGBB;`` would read as a Mermaid entity.
    """
    bars: dict[tuple[str, bool], list[str]] = defaultdict(list)
    dark_text: list[str] = []
    for number, row in enumerate(rows, start=1):
        faded = not row.certain
        bars[(row.color, faded)].append(f"[id$=-ev{number}]")
        if style.text_on(row.color, faded) == style.INK:
            dark_text.append(f".taskText[id$=-ev{number}-text]")
    rules = []
    for (color, faded), selectors in bars.items():
        rgb = _rgb(color)
        opacity = f";fill-opacity:{style.FADED_OPACITY}" if faded else ""
        rules.append(f"{','.join(selectors)}{{fill:{rgb};stroke:{rgb}{opacity}}}")
    if dark_text:
        rules.append(f"{','.join(dark_text)}{{fill:{_rgb(style.INK)}}}")
    if today:
        red = _rgb(style.TODAY)
        rules.append(f"[id$=-today],[id$=-today-text]{{fill:{red};stroke:{red}}}")
    return " ".join(rules)


def _rgb(color: str) -> str:
    red, green, blue = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red},{green},{blue})"
