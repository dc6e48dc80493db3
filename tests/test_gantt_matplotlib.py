"""The png and pdf Gantt formats, drawn by matplotlib (the optional ``plot`` extra)."""

from __future__ import annotations

import io
import struct
import sys
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given

from mitimeline import Event, ExportError, Timeline
from mitimeline.gantt import matplotlib_chart
from mitimeline.gantt.chart import chart_layout
from mitimeline.gantt.options import ChartOptions
from mitimeline.testing.profiles import peer_settings
from test_gantt_support import hostile_timelines, production
from test_gantt_svg import features, mi7, with_context

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_is_an_image_of_the_chart_width() -> None:
    data = mi7().dumps("png")
    assert isinstance(data, bytes)
    assert png_size(data)[0] == 1000
    assert png_size(mi7().dumps("png", width=640))[0] == 640  # type: ignore[arg-type]


def test_pdf_is_a_one_page_document_with_text() -> None:
    data = features().dumps("pdf", today=date(2020, 9, 12))
    assert isinstance(data, bytes) and data.startswith(b"%PDF-")
    assert data.count(b"/Type /Page") - data.count(b"/Type /Pages") == 1


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_same_timeline_same_bytes(fmt: str) -> None:
    assert features().dumps(fmt) == features().dumps(fmt)


def test_rows_and_height_grow_with_events() -> None:
    small = png_size(production(5).dumps("png"))  # type: ignore[arg-type]
    big = png_size(production(200).dumps("png"))  # type: ignore[arg-type]
    assert small[0] == big[0] == 1000
    assert big[1] - small[1] >= 195 * matplotlib_chart.ROW_PX


def test_the_image_says_what_it_clipped() -> None:
    layout = chart_layout(with_context(), ChartOptions(end="2020-09-20"))
    assert layout.clip_note
    figure = matplotlib_chart.render_figure(layout, 1000)
    assert layout.clip_note in [text.get_text() for text in figure.texts]
    unclipped = matplotlib_chart.render_figure(chart_layout(features(), ChartOptions()), 1000)
    assert not any("Clipped" in text.get_text() for text in unclipped.texts)
    narrow = matplotlib_chart.render_figure(layout, 400)
    (note,) = [text.get_text() for text in narrow.texts if "Clipped" in text.get_text()]
    assert len(note.splitlines()) == matplotlib_chart.NOTE_LINES
    # the note has room of its own: the image is taller by its lines
    silent = matplotlib_chart.render_figure(attrs.evolve(layout, clip_note=""), 400)
    taller = (narrow.get_figheight() - silent.get_figheight()) * matplotlib_chart.DPI
    assert round(taller) == matplotlib_chart.NOTE_LINES * matplotlib_chart.NOTE_LINE_PX


def test_titles_are_never_mathtext() -> None:
    tl = Timeline("$x^$ costs $5", [Event(id="a", title="Budget: $2M, $\\frac{", when="2020-09",
                                          kind="shoot")])
    figure = matplotlib_chart.render_figure(chart_layout(tl, ChartOptions()), 1000)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert "Budget: $2M, $\\frac{" in labels
    assert png_size(tl.dumps("png"))[0] == 1000  # type: ignore[arg-type]


@peer_settings(8)
@given(hostile_timelines(max_events=3))
def test_hostile_text_draws(tl: Timeline) -> None:
    assert tl.dumps("png").startswith(PNG_SIGNATURE)  # type: ignore[union-attr]


def test_too_many_rows_for_an_image() -> None:
    tl = production(1200)
    with pytest.raises(ExportError, match=r"the chart has 1200 rows, \d+ pixels tall; PNG and "
                                          r"PDF charts are at most 20000 pixels"):
        tl.dumps("png")
    assert tl.dumps("png", kinds="stunt")  # fewer rows fit


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_without_matplotlib_the_error_names_the_extra(
        fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(sys.modules):
        if name == "matplotlib" or name.startswith("matplotlib."):
            monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ExportError, match=r'PNG and PDF charts need matplotlib: pip install '
                                          r'-e "\.\[plot\]" in the mitimeline checkout') as caught:
        mi7().export(io.BytesIO(), format=fmt)
    assert caught.value.format == fmt
    assert isinstance(caught.value.__cause__, ImportError)


def test_nothing_to_draw(tmp_path: Any) -> None:
    target = tmp_path / "empty.png"
    with pytest.raises(ExportError, match="nothing to draw"):
        Timeline("Empty").export(target)
    assert not target.exists()


def test_sets_are_drawn_in_pieces() -> None:
    """Multiple dates: a solid bar per run of days; one of a set: each member faded."""
    from matplotlib.colors import to_hex

    tl = Timeline("Sets", [
        Event(id="days", title="Days", when="{2020-09-01..2020-09-02,2020-09-09}", kind="shoot"),
        Event(id="either", title="Either", when="[2020-09-04,2020-09-12]", kind="stunt")])
    layout = chart_layout(tl, ChartOptions())
    figure = matplotlib_chart.render_figure(layout, 1000)
    (axes,) = figure.axes
    drawn: dict[tuple[str, float], list[tuple[float, float]]] = {}
    for patch in axes.patches:
        if patch.get_fill() and patch.get_linewidth() == 0 and patch.get_height() < 1:
            key = (to_hex(patch.get_facecolor()), round(patch.get_alpha() or 1, 1))
            drawn.setdefault(key, []).append((patch.get_x() + layout.start, patch.get_width()))
    day = date.toordinal
    assert sorted(drawn[("#0072b2", 1)]) == [(day(date(2020, 9, 1)), 2),
                                             (day(date(2020, 9, 9)), 1)]
    assert ("#0072b2", 0.3) not in drawn  # nothing of it is faded
    assert sorted(drawn[("#d55e00", 0.3)]) == [(day(date(2020, 9, 4)), 1),
                                               (day(date(2020, 9, 12)), 1)]
    assert ("#d55e00", 1) not in drawn  # no day of it is certain
