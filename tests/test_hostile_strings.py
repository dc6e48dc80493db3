"""Hostile text through every exporter (issue 7): it must come out inert and intact.

One parametrised test puts each string of :data:`HOSTILE` into every text field of a small
timeline and runs it through every exporter, checking the output with a real parser of its
format (XML, HTML, iCalendar twice, CSV, JSON, Mermaid's line grammar; for PNG and PDF the
text of the very figure the exporter saved, and the text pypdf reads back from the PDF)
and re-reading it with mitimeline where a parser exists. "Intact" allows only the replacements
``docs/security.md`` documents; the expected text is computed here from those rules, not
with the exporters' own helpers.
"""

from __future__ import annotations

import csv
import functools
import html
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any
from unittest import mock

import icalendar
import pytest
from defusedxml.ElementTree import fromstring as parse_xml  # type: ignore[import-untyped]
from hypothesis import example, given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline import Credit, Event, Place, Source, Timeline
from mitimeline.default_plugins.ical.mapping import NO_TITLE
from mitimeline.gantt.mermaid import KEYWORDS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

HOSTILE: dict[str, str] = {
    "script": "<script>alert(1)</script>",
    "svg-onload": '"><svg onload=alert(1)>',
    "attribute-break": "' onmouseover='x",
    "cdata-comment": "]]><!--",
    "escaped-amp": "&amp;",
    "escaped-lt": "&#x3c;",
    "crlf-property": "a\r\nDTSTART:19700101",
    "lf-component": "x\nEND:VEVENT\nBEGIN:VEVENT",
    "ical-specials": "a:b;c,d\\e",
    "backslash-n": "a\\nb\\N\\;",
    "mermaid-comment": "#foo; %% comment",
    "mermaid-directive": "%%{init: {'theme': 'dark'}}%%",
    "mermaid-click": "click x call alert()",
    "mermaid-section": "section x",
    "mermaid-entity": "#58; #35; ﬂ°°58¶ß",
    "br": "a<br>b",
    "formula": '=HYPERLINK("http://x")',
    "plus": "+1",
    "minus": "-1+2",
    "at": "@SUM(A1)",
    "tab-formula": "\t=1",
    "cr-formula": "\r=1",
    "nul": "a\x00b",
    "only-nul": "\x00",
    "c0": "c0 " + "".join(map(chr, range(1, 32))) + "\x7f end",
    "c1": "c1 \x85 \x9b[31m \x9f",
    "separators": "a\u2028b\u2029c",
    "rtl-override": "\u202eexe.txt\u202c",
    "rtl-mark": "\u200fשלום",
    "bom": "\ufeffbom",
    "only-bom": "\ufeff",
    "zwj-emoji": "👩\u200d👩\u200d👧 family 🎬",
    "combining": "e\u0301\u0302\u0303 Z\u0336a\u0337",
    "long-token": "W" * 10_000,
    "long-multibyte": "€👩\u200d👩\u200d👧é" * 700,
    "mathtext": "$x^2$",
    "dollar": "$",
    "unbalanced-dollar": "cost $5 \\$ and $\\frac",
    "template": "{{x}} ${x} {% x %}",
    "backticks": "`code` ```",
    "percent": "100% %s %d %% %(x)s",
    "json-breaker": '"}],"x":[{"\\u0000',
    "padded": "  padded \t ",
}
"""Each is non-blank, so the model takes it in every text field."""

PLAIN = "plain"

_LINE_BREAK = re.compile("\r\n?|[\x85\u2028\u2029]")


def timeline_with(text: str) -> Timeline:
    """``text`` in every text field: timeline, event, place, person, unit, tag, source; a
    plain neighbour event makes any injected component or statement visible."""
    return Timeline(
        title=text,
        description=text,
        events=[
            Event(id="hostile", title=text, when="2020-09-06", kind="stunt",
                  place=Place(text, locality=text), people=[Credit(text, role=text)],
                  unit=text, description=text, tags=[text], sources=["src"]),
            Event(id="neighbour", title="Neighbour", when="2020-09-08", kind="shoot",
                  place=Place("Neighbourhood")),
        ],
        sources=[Source(id="src", title=text, publisher=text)],
    )


# -- the documented replacements ------------------------------------------------------------


def chart_text(text: str) -> str:
    """Charts (SVG, HTML, PNG, PDF, Mermaid): white space runs are one space, trimmed; other
    control characters, surrogates and non-characters are U+FFFD."""
    text = re.sub(r"\s+", " ", text).strip()
    return "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Cs") or c in "\ufffe\uffff"
                   else c for c in text)


def ical_text(text: str, one_line: bool) -> str:
    """iCalendar TEXT: line breaks of any kind are ``\\n`` (a space in SUMMARY); other
    control characters but tab are removed."""
    text = _LINE_BREAK.sub("\n", text)
    text = "".join(c for c in text if c in "\t\n" or unicodedata.category(c) != "Cc")
    return text.replace("\n", " ") if one_line else text


def html_text(text: str) -> str:
    """HTML text fields (TimelineJS): NUL dropped, as an HTML parser drops it."""
    return text.replace("\0", "")


# -- per-format checks --------------------------------------------------------------------


def check_json(tl: Timeline, text: str) -> None:
    data = mitimeline.dumps(tl, "json")
    assert mitimeline.loads(data, "json") == tl
    assert json.loads(data)["title"] == text


SVG_ELEMENTS = {"svg", "title", "desc", "rect", "text", "g", "line", "polygon"}
SVG_ATTRIBUTES = {
    "xmlns", "width", "height", "viewBox", "role", "aria-labelledby", "font-family",
    "font-size", "style", "id", "x", "y", "x1", "y1", "x2", "y2", "fill", "fill-opacity",
    "stroke", "stroke-width", "stroke-dasharray", "font-weight", "text-anchor", "points",
}


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def check_svg_tree(root: ET.Element, text: str) -> None:
    """Only the elements and attributes the renderer writes; the hostile text only as text."""
    expected = chart_text(text)
    for element in root.iter():
        assert _local(element.tag) in SVG_ELEMENTS, element.tag
        assert set(map(_local, element.attrib)) <= SVG_ATTRIBUTES, element.attrib
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.text == expected
    desc = root.find("{http://www.w3.org/2000/svg}desc")
    assert desc is not None and (desc.text or "").startswith(f"{expected}: Gantt chart of 2 ")
    rows = [group for group in root.iter("{http://www.w3.org/2000/svg}g")
            if group.find("{http://www.w3.org/2000/svg}title") is not None]
    hovers = [(group.findtext("{http://www.w3.org/2000/svg}title") or "").split("\n")
              for group in rows]
    assert sorted(hover[0] for hover in hovers) == sorted([expected, "Neighbour"])
    index = next(i for i, hover in enumerate(hovers) if hover[0] == expected)
    assert f"People: {chart_text(str(Credit(text, role=text)))}" in hovers[index]
    shown = rows[index].findall("{http://www.w3.org/2000/svg}text")[0].text or ""
    assert shown == expected or (shown.endswith("…") and expected.startswith(shown[:-1]))


def check_svg(tl: Timeline, text: str) -> None:
    data = mitimeline.dumps(tl, "svg", group_by="place")
    assert isinstance(data, str)
    check_svg_tree(parse_xml(data), text)


class _Page(HTMLParser):
    """Every start tag with its attributes, and the page title's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.data: list[tuple[str, str]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.data.append((self.open[-1] if self.open else "", data))


def parse_html(markup: str) -> _Page:
    page = _Page()
    page.feed(markup)
    page.close()
    return page


def check_html(tl: Timeline, text: str) -> None:
    data = mitimeline.dumps(tl, "html", group_by="place")
    assert isinstance(data, str)
    page = parse_html(data)
    allowed = SVG_ELEMENTS | {"html", "head", "meta", "title", "style", "body", "figure"}
    for tag, attrs in page.tags:
        assert tag in allowed, tag
        assert not any(name.startswith("on") for name, _value in attrs), attrs
    assert next(d for tag, d in page.data if tag == "title") == chart_text(text)  # <head>
    svg = data[data.index("<svg"):data.index("</svg>") + len("</svg>")]
    check_svg_tree(parse_xml(svg), text)


def drawn_figure(tl: Timeline, format: str) -> tuple[bytes, Figure]:
    """The exported bytes and the very figure the exporter drew them from."""
    from mitimeline.gantt import matplotlib_chart

    original = matplotlib_chart.render_figure
    figures: list[Figure] = []

    def spy(layout: Any, width: int) -> Figure:
        figures.append(original(layout, width))
        return figures[-1]

    with mock.patch.object(matplotlib_chart, "render_figure", spy):
        data = mitimeline.dumps(tl, format, group_by="place")
    assert isinstance(data, bytes) and len(figures) == 1
    return data, figures[0]


def shows(drawn: str, expected: str) -> bool:
    """``drawn`` is ``expected``, or its prefix cut short with "…" to fit."""
    return drawn == expected or (drawn.endswith("…") and expected.startswith(drawn[:-1]))


_RIGHT_TO_LEFT = {"R", "AL", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"}


@functools.cache
def _font_characters() -> frozenset[int]:
    """The code points the charts' font (matplotlib's default) has glyphs for."""
    from matplotlib import font_manager, ft2font

    path = font_manager.findfont(font_manager.FontProperties())
    return frozenset(ft2font.FT2Font(path).get_charmap())


def pdf_readable(text: str) -> bool:
    """Whether pypdf reads ``text`` back as drawn. It does not for right-to-left text and
    bidi controls (reordered), combining marks (base letters repeated) or characters the
    font has no glyph for (all drawn as one fallback glyph, read back as one character):
    those strings are compared as the figure draws them only."""
    return not any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT
                   or unicodedata.category(c).startswith("M")
                   or ord(c) not in _font_characters() for c in chart_text(text))


def check_image(tl: Timeline, text: str, format: str) -> None:
    from matplotlib.text import Text

    data, figure = drawn_figure(tl, format)
    assert data.startswith(b"\x89PNG\r\n\x1a\n" if format == "png" else b"%PDF-")
    # the documented substitutions: chart text, and U+FEFF drawn as U+2060
    expected = chart_text(text).replace("\ufeff", "\u2060")
    place = chart_text(str(Place(text, locality=text))).replace("\ufeff", "\u2060")
    (title,) = [artist.get_text() for artist in figure.texts]
    assert shows(title, expected), title
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    sections, rows = labels[0::2], labels[1::2]  # each section's label, then its one row
    assert len(labels) == 4, labels
    hostile = [row for row in rows if row != "Neighbour"]
    assert len(hostile) == 1 and shows(hostile[0], expected), rows
    assert any(shows(section, f"{place} (1)") for section in sections), sections
    for artist in figure.findobj(Text):  # anything that may hold our text is drawn literally
        if "$" in artist.get_text():
            assert not artist.get_parse_math(), artist.get_text()
    if format == "pdf" and pdf_readable(text):  # and the PDF holds what the figure drew
        import pypdf

        extracted = "\n".join(page.extract_text() for page in
                              pypdf.PdfReader(io.BytesIO(data)).pages)
        for drawn in (title, *rows, *sections):
            assert drawn in extracted, (drawn, extracted)


def check_mermaid(tl: Timeline, text: str) -> None:
    data = mitimeline.dumps(tl, "mermaid", group_by="place")
    assert isinstance(data, str)
    expected = chart_text(text)
    lines = data.split("\n")
    assert lines[-1] == "" and all("\r" not in line for line in lines)
    lines = lines[:-1]
    statements = [
        ("init", re.compile(r"%%\{init: .*\}%%")), ("gantt", re.compile("gantt")),
        ("title", re.compile(r"    title (?P<text>.+)")),
        ("acc_title", re.compile(r"    accTitle: (?P<text>.+)")),
        ("acc_descr", re.compile(r"    accDescr: (?P<text>.+)")),
        ("setting", re.compile(r"    (dateFormat YYYY-MM-DD|axisFormat \S+( \S+)?|"
                               r"tickInterval \w+|todayMarker off)")),
        ("section", re.compile(r"    section (?P<text>.+)")),
        ("task", re.compile(r"    (?P<text>[^:]+) : (milestone, )?ev[12], "
                            r"\d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d")),
    ]
    seen: list[tuple[str, str]] = []
    for line in lines:
        kind, match = next(((kind, m) for kind, pattern in statements
                            if (m := pattern.fullmatch(line))), ("?", None))
        assert match is not None, f"unexpected statement: {line!r}"
        if "text" in match.groupdict():
            written = match.group("text")
            # the text cannot start or end a statement, a comment, an entity or markup
            assert not set(written) & set(":%<>&\n\r¶ﬂ\ufeff")
            assert re.fullmatch(r"(?:[^#;]|#[0-9]+;)*", written), written
            assert not written.lower().startswith(KEYWORDS), written
            assert not re.match(r"\d{4}-\d\d-\d\d", written)
            seen.append((kind, re.sub(r"#([0-9]+);", lambda m: chr(int(m.group(1))), written)))
    assert [kind for kind, _ in seen].count("task") == 2
    assert ("title", expected) in seen and ("acc_title", expected) in seen
    assert ("task", expected) in seen and ("task", "Neighbour") in seen
    assert any(kind == "section" and decoded.startswith(expected) for kind, decoded in seen)


def ical_events(data: str) -> list[list[str]]:
    """The content lines of each VEVENT, unfolded."""
    events: list[list[str]] = []
    inside = False
    for line in data.replace("\r\n ", "").split("\r\n"):
        if line in ("BEGIN:VEVENT", "END:VEVENT"):
            inside = line == "BEGIN:VEVENT"
            events += [[]] if inside else []
        elif inside:
            events[-1].append(line)
    return events


def unescape(value: str) -> str:
    """An RFC 5545 TEXT value's text."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _name(line: str) -> str:
    return re.split("[:;]", line, maxsplit=1)[0]


ICAL_NAMES = {name for event in ical_events(str(mitimeline.dumps(timeline_with(PLAIN), "ical")))
              for name in map(_name, event)} | {"X-MITIMELINE-TITLE", "X-MITIMELINE-TAGS"}
"""What a VEVENT may hold: the properties of the plain timeline's, plus the lossless
copies written when the visible text differs from the model's."""


def check_ical(tl: Timeline, text: str) -> None:
    for options in ({}, {"description_template": None}):
        check_ical_with(tl, text, options)


def check_ical_with(tl: Timeline, text: str, options: dict[str, Any]) -> None:
    data = mitimeline.dumps(tl, "ical", **options)
    assert isinstance(data, str)
    physical = data.encode("utf-8").split(b"\r\n")
    assert physical[-1] == b""
    for line in physical[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a UTF-8 sequence
        assert not re.search(rb"[\x00-\x08\x0a-\x1f\x7f]", line), line
    events = ical_events(data)
    assert len(events) == 2
    for lines in events:
        names = Counter(map(_name, lines))
        assert set(names) <= ICAL_NAMES, set(names) - ICAL_NAMES
        assert max(names.values()) == 1, names

    calendar = icalendar.Calendar.from_ical(data)
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == 2
    hostile = next(e for e in vevents if e.get("X-MITIMELINE-ID") == "hostile")
    shown = ical_text(text, one_line=True)
    assert str(hostile.get("SUMMARY", "")) == (shown if shown.strip() else NO_TITLE)
    description = str(hostile.get("DESCRIPTION", ""))
    if options:  # the event's own description only
        assert description == ical_text(text, one_line=False)
    else:  # the default template: the description, a blank line, then the details
        assert description.startswith(ical_text(text, one_line=False) + "\n\n")
        assert f"\nUnit: {ical_text(text, one_line=False)}\n" in description
    place = ical_text(str(Place(text, locality=text)), one_line=False)
    assert str(hostile.get("LOCATION", "")) == place
    unfolded = data.replace("\r\n ", "").split("\r\n")
    for name in ("NAME", "X-WR-CALNAME"):  # icalendar leaves these escaped
        value = next((line for line in unfolded if _name(line) == name), ":").partition(":")[2]
        assert unescape(value) == ical_text(text, one_line=False)

    back = mitimeline.loads(data, "ical")
    assert back.title == text and back.description == text
    event = next(e for e in back if e.id == "hostile")
    original = tl.events[0]
    assert (event.title, event.description, event.place, event.people, event.unit,
            event.tags) == (original.title, original.description, original.place,
                            original.people, original.unit, original.tags)


def check_csv(tl: Timeline, text: str) -> None:
    data = mitimeline.dumps(tl, "csv")
    assert isinstance(data, str)
    back = mitimeline.loads(data, "csv", title=tl.title)
    for before, after in zip(tl, back, strict=True):
        assert after.title == before.title and after.description == before.description
        assert after.place == before.place and after.people == before.people
        assert after.unit == before.unit and after.tags == before.tags
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert len(rows) == 3 and all(len(row) == len(rows[0]) for row in rows)
    for cell in (cell for row in rows for cell in row):
        assert not is_formula(cell), cell
    raw = list(csv.reader(io.StringIO(str(mitimeline.dumps(tl, "csv", escape_formulas=False)),
                                      newline="")))
    header = rows[0]
    assert raw[1][header.index("title")] == text  # the off switch writes the cell as is


_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")


def is_formula(cell: str) -> bool:
    """A spreadsheet runs a cell starting with these as a formula (plain numbers aside)."""
    return cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.fullmatch(cell)


def check_timelinejs(tl: Timeline, text: str) -> None:
    data = mitimeline.dumps(tl, "timelinejs", group_by="place")
    assert isinstance(data, str)
    document = json.loads(data)
    assert "</script" not in data.lower()  # safe to inline in a <script> element too
    slide = next(e for e in document["events"]
                 if html.unescape(e["text"]["headline"]) != "Neighbour")
    expected = html_text(text)
    for headline in (document["title"]["text"]["headline"], slide["text"]["headline"]):
        page = parse_html(headline)
        assert page.tags == []
        assert "".join(data for _tag, data in page.data) == expected
    body = parse_html(slide["text"]["text"])
    for tag, attrs in body.tags:
        assert tag in ("p", "br", "a"), tag
        assert not any(name.startswith("on") for name, _value in attrs)
    assert ("p", f"Unit: {expected}") in body.data
    assert ("p", f"Place: {html_text(str(Place(text, locality=text)))}") in body.data
    # group labels are read as HTML, reduced to text, then set as HTML: two levels
    group = html.unescape(html.unescape(slide.get("group", "")))  # no group when blank
    assert group == expected.strip(" \t\n\v\f\r\u00a0\u2028\u2029\ufeff\u202f\u3000")
    assert "<" not in html.unescape(slide.get("group", ""))


def check_markwhen(tl: Timeline, text: str) -> None:
    data = mitimeline.dumps(tl, "markwhen", group_by="place")
    assert isinstance(data, str)
    back = mitimeline.loads(data, "markwhen")
    assert (back.title, back.description, back.sources) == (tl.title, tl.description, tl.sources)
    assert sorted(back, key=lambda e: e.id) == sorted(tl, key=lambda e: e.id)
    # each line is what it looks like: two event lines, a section per place (none for a
    # name that is all white space), values quoted as JSON
    lines = data.split("\n")
    assert [line[:12] for line in lines if re.match(r"\d{4}-\d{2}-\d{2}: ", line)] == [
        "2020-09-06: ", "2020-09-08: "]
    assert len([line for line in lines if line.startswith("# ")]) in (1, 2)
    assert "#" not in "".join(line for line in lines if re.match(r"[a-z]+: ", line))


DOOD_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table",
             "thead", "tbody", "tfoot", "tr", "th", "td", "time"}


def check_dood(tl: Timeline, text: str) -> None:
    data = mitimeline.dumps(tl, "dood")
    assert isinstance(data, str)
    page = parse_html(data)
    for tag, attrs in page.tags:
        assert tag in DOOD_TAGS, tag
        assert not any(name.startswith("on") for name, _value in attrs), attrs
    assert ("title", f"Day-out-of-days: {text}") in page.data
    assert ("th", text) in page.data  # the person's row


def check_dood_csv(tl: Timeline, text: str) -> None:
    data = mitimeline.dumps(tl, "dood-csv")
    assert isinstance(data, str)
    rows = list(csv.reader(io.StringIO(data, newline="")))
    for cell in (cell for row in rows for cell in row):
        assert not is_formula(cell), cell
    names = [row[0] for row in rows if row]
    assert ("'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text) in names


def check_dood_xlsx(tl: Timeline, text: str) -> None:
    import openpyxl  # the mitimeline-dood[xlsx] extra

    data = mitimeline.dumps(tl, "dood-xlsx")
    assert isinstance(data, bytes)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["DOOD"]
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type in ("s", "n") for cell in cells)  # never a formula
    expected = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", text)
    assert sheet["A6"].value == expected  # the person's row


CHECKS: dict[str, Callable[[Timeline, str], None]] = {
    "json": check_json,
    "ical": check_ical,
    "csv": check_csv,
    "mermaid": check_mermaid,
    "svg": check_svg,
    "html": check_html,
    "png": lambda tl, text: check_image(tl, text, "png"),
    "pdf": lambda tl, text: check_image(tl, text, "pdf"),
    "timelinejs": check_timelinejs,
    "markwhen": check_markwhen,
    "dood": check_dood,
    "dood-csv": check_dood_csv,
    "dood-xlsx": check_dood_xlsx,
}


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("format", list(CHECKS))
def test_hostile_text_is_inert_and_intact(format: str, name: str) -> None:
    text = HOSTILE[name]
    CHECKS[format](timeline_with(text), text)


def test_every_exporter_is_checked() -> None:
    assert {fmt.name for fmt in mitimeline.list_formats() if fmt.can_export} <= set(CHECKS) | {
        "probe"}


# -- focused tests ------------------------------------------------------------------------


def test_the_model_takes_hostile_text_and_rejects_only_blank_text() -> None:
    for text in HOSTILE.values():
        assert timeline_with(text).events[0].title == text
    for blank in (" ", "\t\r\n", "\u2028\u3000"):
        with pytest.raises(mitimeline.InvalidEventError, match=r"Event\.title: expected "
                           r"non-empty text") as info:
            Event(id="a", title=blank, when="2020")
        assert info.value.field == "Event.title"


CHARTS = {"mermaid", "svg", "html", "png", "pdf"}


@pytest.mark.parametrize("format", list(CHECKS))
def test_lone_surrogates_are_replaced_or_a_clear_export_error(format: str) -> None:
    """A ``str`` may hold a lone surrogate (the model does not look); UTF-8 cannot. Charts
    draw U+FFFD; formats that carry text exactly refuse with an ExportError naming it."""
    tl = timeline_with("a\ud800b")
    if format in CHARTS:
        data = mitimeline.dumps(tl, format)
        if isinstance(data, str):
            assert "a\ufffdb" in data and "\ud800" not in data
        return
    with pytest.raises(mitimeline.ExportError, match=r"'\\ud800'") as info:
        mitimeline.dumps(tl, format)
    assert info.value.format == format
    assert "UTF-8" in str(info.value)


def test_json_with_ensure_ascii_carries_lone_surrogates() -> None:
    tl = timeline_with("a\ud800b")
    data = mitimeline.dumps(tl, "json", ensure_ascii=True)
    assert "\\ud800" in data
    assert mitimeline.loads(data, "json") == tl


@pytest.mark.parametrize("text", ["\ufeff", "a\ufeffb", "\ufeff\ufeff \ufeff", "$\ufeff$"])
@pytest.mark.parametrize("format", ["png", "pdf"])
def test_images_draw_zero_width_no_break_spaces(format: str, text: str) -> None:
    """matplotlib 3.11's PDF backend raised IndexError on U+FEFF; it is drawn as U+2060."""
    tl = Timeline(text, [Event(id="a", title=text, when="2020-09-06", place=Place(text))])
    data = mitimeline.dumps(tl, format, group_by="place")
    assert isinstance(data, bytes) and len(data) > 1000


@pytest.mark.parametrize("cell", ["=1+2", "+A1", "-A1", "@SUM(A1)", "\t=1", "\r=1",
                                  "'=1", "''+1+", "=HYPERLINK(\"http://x\")"])
def test_csv_neutralises_formulas_in_every_column_and_the_switch_turns_it_off(
        cell: str) -> None:
    tl = Timeline("T", [Event(id="a", title=cell, when="2020-09-06", description=cell,
                              unit=cell, place=Place(cell, locality=cell), tags=[cell],
                              people=[Credit(cell)])])
    safe = list(csv.reader(io.StringIO(str(mitimeline.dumps(tl, "csv")), newline="")))[1]
    raw = list(csv.reader(io.StringIO(str(mitimeline.dumps(tl, "csv", escape_formulas=False)),
                                      newline="")))[1]
    for column in range(len(safe)):
        assert not is_formula(safe[column])
        if raw[column] == cell:
            assert safe[column] == "'" + cell
    assert raw.count(cell) >= 5
    back = mitimeline.loads(mitimeline.dumps(tl, "csv"), "csv", title="T")
    assert back == tl


@pytest.mark.parametrize("name", list(HOSTILE))
def test_news_parser_reads_hostile_text_as_plain_text(name: str) -> None:
    text = HOSTILE[name]
    article = ("Mission: Impossible 7 filming update\n\nOn 6 September 2020 the crew filmed "
               f"{text} in Norway. {text} was shot in Rome on 8 October 2020.\n")
    tl = mitimeline.loads(article, "news", published="2020-10-05", language="en")
    assert any(event.title == "Filming in Rome" for event in tl)
    fields = [tl.title, *(s.title for s in tl.sources)]
    for event in tl:
        fields += [event.title, event.description or "", event.unit or "", *event.tags,
                   str(event.place or ""), *(str(c) for c in event.people)]
    for field in fields:  # any markup or entity was in the report itself
        for markup in re.findall(r"<[^<>]*>?|&#?\w+;", field):
            assert markup in article, (markup, field)
    assert mitimeline.loads(mitimeline.dumps(tl, "json"), "json") == tl


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), min_size=1).filter(str.strip))
@example(text="0\r")  # a CR ending a field and the template's LF are two breaks, not CRLF
def test_ical_carries_any_text_exactly_and_inertly(text: str) -> None:
    check_ical_with(timeline_with(text), text, {})


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), min_size=1).filter(str.strip))
def test_charts_escape_any_text(text: str) -> None:
    tl = timeline_with(text)
    check_svg(tl, text)
    check_mermaid(tl, text)


def test_ical_names_the_property_holding_a_lone_surrogate() -> None:
    tl = Timeline("T", [Event(id="a", title="x\udfffy", when="2020-09-06")])
    with pytest.raises(mitimeline.ExportError, match=r"cannot write SUMMARY: it holds "
                       r"'\\udfff', a lone surrogate"):
        mitimeline.dumps(tl, "ical")
    with pytest.raises(mitimeline.ExportError, match=r"cannot write NAME: it holds '\\ud800'"):
        mitimeline.dumps(timeline_with("a\ud800b"), "ical")


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029", "\x9b", "\x1c", "\n"])
def test_ical_writes_a_foreign_uid_only_when_no_parser_can_split_it(separator: str) -> None:
    """An imported event keeps its UID, unless the UID holds a control character or a
    character ``str.splitlines`` breaks at: then a generated one, the original kept in
    X-MITIMELINE-EXTRA."""
    uid = f"x{separator}DTSTART:19700101"
    tl = Timeline("T", [Event(id="a", title="t", when="2020-09-06",
                              extra={"ical": {"uid": uid}})])
    data = mitimeline.dumps(tl, "ical")
    assert isinstance(data, str)
    assert re.search(r"\r\nUID:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                     r"[0-9a-f]{12}\r\n", data)
    assert not set(data) & {"\x85", "\u2028", "\u2029", "\x9b", "\x1c"}
    assert mitimeline.loads(data, "ical").events[0].extra["ical"]["uid"] == uid
    kept = Timeline("T", [Event(id="a", title="t", when="2020-09-06",
                                extra={"ical": {"uid": "x;y,z\\é@example.org"}})])
    assert "\r\nUID:x\\;y\\,z\\\\é@example.org\r\n" in str(mitimeline.dumps(kept, "ical"))


def test_mermaid_writes_zero_width_no_break_space_as_an_entity() -> None:
    """Mermaid trims task text with JavaScript's ``trim``, which removes U+FEFF: a title of
    just U+FEFF was an empty task, which Mermaid rejects, and a leading one vanished."""
    tl = Timeline("T", [Event(id="a", title="\ufeff", when="2020-09-06"),
                        Event(id="b", title="\ufeffx\ufeff", when="2020-09-07")])
    lines = str(mitimeline.dumps(tl, "mermaid")).splitlines()
    assert "    #65279; : ev1, 2020-09-06, 2020-09-07" in lines
    assert "    #65279;x#65279; : ev2, 2020-09-07, 2020-09-08" in lines


@pytest.mark.parametrize("header", [True, False])
def test_csv_names_the_cell_holding_a_lone_surrogate(header: bool) -> None:
    tl = Timeline("T", [Event(id="a", title="fine", when="2020-09-06"),
                        Event(id="b", title="fine", when="2020-09-07", unit="x\udc80")])
    with pytest.raises(mitimeline.ExportError, match=r"cannot write '\\udc80' as UTF-8, in row "
                       rf"{3 if header else 2}, column 'unit' \(event 'b'\)"):
        mitimeline.dumps(tl, "csv", header=header)
