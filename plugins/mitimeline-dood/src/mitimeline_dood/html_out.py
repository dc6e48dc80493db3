"""A grid as a printable HTML page: one table (landscape pages, header rows that stay in
view while scrolling and repeat on every printed page), a legend and the unplaceable
events. Every text from the timeline is HTML-escaped; the page has no script."""

from __future__ import annotations

from html import escape

from . import codes, layout
from .grid import TOTAL_NAMES, DoodGrid, DoodRow

__all__ = ["STYLE", "render_html"]

_CLASSES = {
    codes.START: "sw", codes.WORK: "w", codes.WORK_FINISH: "wf", codes.START_FINISH: "swf",
    codes.PICKUP: "pw", codes.PICKUP_FINISH: "pwf", codes.HOLD: "h", codes.DROP: "d",
    codes.TRAVEL: "tr", codes.REHEARSAL: "r", codes.FITTING: "ft", codes.HOLIDAY: "off",
    codes.MOVE: "m", codes.POSSIBLE: "possible",
}
"""The CSS class of each code's cells."""

STYLE = "\n".join([
    "@page { size: landscape; margin: 10mm; }",
    "body { font: 12px/1.3 system-ui, sans-serif; margin: 12px; color: #111; }",
    "table.dood { border-collapse: separate; border-spacing: 0; }",
    "table.dood th, table.dood td { border: 1px solid #999; border-width: 0 1px 1px 0;"
    " padding: 2px 4px; text-align: center; white-space: nowrap; background: #fff; }",
    "table.dood thead { position: sticky; top: 0; z-index: 2; }",
    "table.dood thead th { background: #f3f3f3; }",
    "table.dood th.person { text-align: left; position: sticky; left: 0; z-index: 1; }",
    "table.dood thead th.person { z-index: 3; }",
    "table.dood .week-start { border-left: 2px solid #333; }",
    "table.dood td.total { background: #f7f7f7; }",
    *(f"table.dood .{name}, table.legend .{name} {{ background: #{layout.FILLS[code]}; }}"
      for code, name in _CLASSES.items()),
    "table.dood td.possible { font-style: italic; color: #555; }",
    "table.legend, table.unplaceable { border-collapse: collapse; margin-top: 8px; }",
    "table.legend td, table.legend th, table.unplaceable td, table.unplaceable th"
    " { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }",
    "@media print { body { margin: 0; font-size: 8px; } table.dood thead"
    " { position: static; display: table-header-group; } }",
])


def render_html(grid: DoodGrid) -> str:
    """The HTML document of ``grid``."""
    title = escape(f"Day-out-of-days: {grid.title}")
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>{title}</title>", f"<style>\n{STYLE}\n</style>", "</head>", "<body>",
        f"<h1>{title}</h1>",
        f'<p class="rules">{len(grid.rows)} people over {len(grid.days)} days; drop '
        f"threshold {grid.drop_days} days.</p>",
        _table(grid), _legend(), _unplaceable(grid), "</body>", "</html>", "",
    ]
    return "\n".join(parts)


def _table(grid: DoodGrid) -> str:
    sundays = {start for start, _count in grid.weeks[1:]}
    header = layout.header_rows(grid)
    rows = ['<table class="dood">', "<thead>"]
    weeks = "".join(
        f'<th colspan="{count}"{_code_class("", start in sundays)}>week {number}</th>'
        for number, (start, count) in enumerate(grid.weeks, start=1))
    rows.append(f'<tr class="weeks"><th class="person"></th><th></th>{weeks}'
                f'<th colspan="{len(TOTAL_NAMES)}">totals</th></tr>')
    dates = "".join(
        f'<th{_code_class("", index in sundays)}><time datetime="{day.isoformat()}">'
        f"{day.day} {day.strftime('%b')}</time></th>" for index, day in enumerate(grid.days))
    rows.append(f'<tr class="dates"><th class="person">person</th><th>board</th>{dates}'
                + "".join(f"<th>{name}</th>" for name in TOTAL_NAMES) + "</tr>")
    for css, cells in (("weekdays", header[1]), ("shoot-days", header[3]),
                       ("company", header[4])):
        label, *rest = cells
        days = rest[1:1 + len(grid.days)]
        row = "".join(f"<th{_code_class(text, i in sundays)}>{escape(text)}</th>"
                      for i, text in enumerate(days))
        rows.append(f'<tr class="{css}"><th class="person">{escape(label)}</th><th></th>'
                    f'{row}<th colspan="{len(TOTAL_NAMES)}"></th></tr>')
    rows += ["</thead>", "<tbody>"]
    rows += [_person(row, sundays) for row in grid.rows]
    rows += ["</tbody>", "<tfoot>"]
    working = "".join(f"<td{_code_class('', i in sundays)}>{n}</td>"
                      for i, n in enumerate(grid.working))
    rows.append(f'<tr class="working"><th class="person">people working</th><td></td>'
                f'{working}<td colspan="{len(TOTAL_NAMES)}"></td></tr>')
    rows += ["</tfoot>", "</table>"]
    return "\n".join(rows)


def _code_class(code: str, week_start: bool) -> str:
    """The ``class`` attribute of a cell holding ``code`` (on a week's first day)."""
    names = [_CLASSES[code]] if code in _CLASSES else []
    if week_start:
        names.append("week-start")
    return f' class="{" ".join(names)}"' if names else ""


def _person(row: DoodRow, sundays: set[int]) -> str:
    board = "" if row.board is None else escape(str(row.board))
    cells = "".join(f"<td{_code_class(code, i in sundays)}>{escape(code)}</td>"
                    for i, code in enumerate(row.cells))
    totals = "".join(f'<td class="total">{n}</td>' for n in row.totals.values())
    return (f'<tr><th class="person" scope="row">{escape(row.name)}</th><td>{board}</td>'
            f"{cells}{totals}</tr>")


def _legend() -> str:
    rows = "".join(f"<tr><td{_code_class(code, False)}>{escape(code)}</td>"
                   f"<td>{escape(meaning)}</td></tr>" for code, meaning in codes.CODES.items())
    return f'<h2>Legend</h2>\n<table class="legend">{rows}</table>'


def _unplaceable(grid: DoodGrid) -> str:
    if not grid.unplaceable:
        return ""
    head = "".join(f"<th>{escape(name)}</th>" for name in layout.UNPLACEABLE_HEADER)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(text)}</td>" for text in layout.unplaceable_row(item))
        + "</tr>" for item in grid.unplaceable)
    return (f"<h2>Unplaceable events ({len(grid.unplaceable)})</h2>\n<p>Their dates are not "
            "exact to the day, so they are not in the grid.</p>\n"
            f'<table class="unplaceable"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")
