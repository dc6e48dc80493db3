"""The layout of a Gantt chart, computed once and drawn by every renderer.

:func:`build_layout` selects the events (``kinds``, the ``start``/``end`` window), orders
them, groups them into sections, fixes the time axis and works out, for every row, which
days its event may cover and which it certainly covers. Renderers only translate a
:class:`Layout` into SVG, Mermaid or matplotlib calls.

Days are ``date.toordinal()`` numbers and spans are half-open: a bar ``[start, stop)``
covers the days ``start`` to ``stop - 1``, so an event's bar runs over
``[lower, upper + 1 day)``.

How a fuzzy date is drawn, from its ``When``:

- the bar spans every day the event *may* cover (its ``lower`` to ``upper``);
- its *core* spans the days it *certainly* covers: from the latest possible start to the
  earliest possible end. "September 2020" has no core (it may be any day of September);
  "2020-09/2020-10" has the core 30 September – 1 October; ``2020-09-06`` is all core;
- open (``..``) and unknown ends run to the chart's edge and are marked as cut, as are
  bars that the ``start``/``end`` window clips;
- approximate (``~``) and uncertain (``?``) dates keep their bounds and carry marks;
- a level-2 set is still one row, drawn in :attr:`Row.pieces`: multiple dates
  (``{a,b}``, every member happens) are one bar per run of days, each with its own core;
  one of a set (``[a,b]``, one member happens, unknown which) is each member's span
  faded, never a bar over the hull, as no day of it is certain.

The time axis, when no window fixes it, spans the *dated* days (:func:`dated_days`) of the
production's events: every event but those tagged :data:`CONTEXT_TAG`, with room for the
bars whose ends are open or unknown. Context events are drawn all the same, cut at the
edge (an event wholly outside the chart is a stub at the edge with its arrowhead), and the
layout lists every event whose dated days run past an edge (:attr:`Layout.clipped`) in a
note every renderer shows (:attr:`Layout.clip_note`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date

import attrs

from ..claims import Published, review
from ..claimtext import source_name, statement, verdict
from ..errors import ExportError
from ..model import KINDS, Event, Source
from ..timeline import Timeline
from ..when import When
from . import style
from .options import GanttOptions
from .text import ELLIPSIS, printable_line
from .ticks import FIRST_DAY, LAST_DAY, Tick, TickUnit, choose_unit, ticks

__all__ = ["CONTEXT_TAG", "Bar", "Layout", "LegendItem", "Row", "Section", "build_layout",
           "dated_days"]

CONTEXT_TAG = "context"
"""Events with this tag are background to the production (an earlier film, say): they are
drawn, but the chart's default range does not stretch to them."""

CLIP_NAMED = 3
"""The clip note names this many events, then says how many more."""

MIN_SPAN_DAYS = 7
"""A chart covers at least a week, so a one-day event is not drawn across the full width."""

EDGE_ROOM = 0.08
"""The share of the span (at least two days) drawn before the known end of a bar with an
open or unknown start, and after the known start of one with an open or unknown end."""

HOVER_DESCRIPTION = 300
"""Hover text keeps this many characters of an event's description."""

_MISSING = {
    "place": "No place",
    "country": "No country",
    "unit": "No unit",
    "person": "No one credited",
}

_INF = 10**9  # beyond any day number


@attrs.frozen
class Bar:
    """Where an event is drawn, clipped to the chart: the days ``[start, stop)`` it may
    cover, ``core`` = the days ``[first, stop)`` it certainly covers (None when none),
    and whether it runs on past the chart's start or end (``cut_start``/``cut_end``)."""

    start: int
    stop: int
    core: tuple[int, int] | None
    cut_start: bool
    cut_end: bool

    @property
    def certain(self) -> bool:
        """True when every day drawn is certainly covered."""
        return self.core == (self.start, self.stop)

    @property
    def middle(self) -> float:
        """The middle of the bar, in days (where a milestone's diamond goes)."""
        return (self.start + self.stop) / 2


@attrs.frozen
class Row:
    """One line of the chart: an event (an event credited to several people appears once
    per person when grouping by person).

    ``bar`` spans every day the row may cover (for a set, the hull of its members), and
    ``pieces`` are what is drawn: ``(bar,)`` for a date or an interval, one bar per run of
    days for multiple dates, and each member's span, with no core, for one of a set
    (see the module's docstring). ``label`` is the title on one line; ``marks`` holds
    ``"~"`` (approximate), ``"?"`` (uncertain) and ``"!"`` (its sources contradict each
    other), or is ``""``; ``notes`` say in words what the drawing shows (for formats that
    cannot draw it); ``clipped`` is True when some of the event's dated days
    (:func:`dated_days`) lie beyond the chart's edges. :meth:`Layout.hover` gives its
    detail text.
    """

    event: Event
    label: str
    marks: str
    notes: tuple[str, ...]
    color: str
    milestone: bool
    bar: Bar
    clipped: bool
    pieces: tuple[Bar, ...]

    @property
    def certain(self) -> bool:
        """True when the whole bar is certain and the date has no qualifier."""
        return self.bar.certain and not self.marks


@attrs.frozen
class Section:
    """A labelled group of rows; the label is ``""`` when the chart is not grouped."""

    label: str
    rows: tuple[Row, ...]


@attrs.frozen
class LegendItem:
    """A legend entry: ``symbol`` is one of ``bar``, ``faded``, ``milestone``, ``cut``,
    ``approximate``, ``uncertain``, ``today``."""

    symbol: str
    label: str
    color: str


@attrs.frozen
class Layout:
    """Everything a renderer needs: the title, a one-sentence ``summary`` (for
    accessibility), the axis ``[start, stop)`` in days with its ``ticks``, the sections,
    the today line's day (None when not drawn), the legend, and the events the chart
    ``clipped`` (in row order, each once) with the ``clip_note`` that says so ("" when
    none)."""

    title: str
    summary: str
    start: int
    stop: int
    unit: TickUnit
    ticks: tuple[Tick, ...]
    sections: tuple[Section, ...]
    today: int | None
    legend: tuple[LegendItem, ...]
    options: GanttOptions
    clipped: tuple[Event, ...]
    clip_note: str
    sources: dict[str, Source] = attrs.field(eq=False, repr=False)
    """The timeline's sources by id, for :meth:`hover`."""

    def hover(self, row: Row) -> str:
        """The row's detail lines: title, date, kind/status/place/unit, people, sources, claims,
        description (shortened to :data:`HOVER_DESCRIPTION` characters)."""
        return _hover(row.event, self.sources)

    @property
    def description(self) -> str:
        """The chart in words, for accessibility: the summary, then the clip note."""
        return f"{self.summary} {self.clip_note}".rstrip()

    def rows(self) -> Iterator[Row]:
        """Every row, section by section."""
        for section in self.sections:
            yield from section.rows

    @property
    def row_count(self) -> int:
        return sum(len(section.rows) for section in self.sections)


def build_layout(timeline: Timeline, options: GanttOptions, max_ticks: int = 10) -> Layout:
    """The layout of ``timeline`` under ``options``, with at most ``max_ticks`` axis ticks.

    Raises :class:`~mitimeline.ExportError` when nothing is left to draw: an empty timeline,
    no event of the chosen ``kinds``, or none in the ``start``/``end`` window.
    """
    events = _select(timeline, options)
    groups = _group(_sort(events, options.sort), options.group_by)
    start, stop, unit = _axis(events, options, max_ticks)
    sources = {source.id: source for source in timeline.sources}
    published = {source.id: source.published for source in timeline.sources}
    sections = []
    for index, (label, members) in enumerate(groups):
        color = style.SECTION_COLORS[index % len(style.SECTION_COLORS)]
        rows = tuple(_row(event, start, stop, options, color, _contradicted(event, published))
                     for event in members)
        sections.append(Section(label, rows))
    today = options.today_date()
    today_day = today.toordinal() if today and start <= today.toordinal() < stop else None
    row_count = sum(len(section.rows) for section in sections)
    title = printable_line(timeline.title)
    clipped = tuple({id(row.event): row.event for section in sections
                     for row in section.rows if row.clipped}.values())
    return Layout(
        title=title,
        summary=_summary(title, len(events), row_count, len(sections), options, start, stop),
        start=start,
        stop=stop,
        unit=unit,
        ticks=ticks(start, stop, unit),
        sections=tuple(sections),
        today=today_day,
        legend=_legend(sections, options, today_day),
        options=options,
        clipped=clipped,
        clip_note=_clip_note(clipped),
        sources=sources,
    )


# -- selecting and ordering ---------------------------------------------------------------


def _select(timeline: Timeline, options: GanttOptions) -> list[Event]:
    events = list(timeline.events)
    if not events:
        raise ExportError(f"nothing to draw: the timeline {timeline.title!r} has no events")
    if options.kinds is not None:
        wanted = set(options.kinds)
        chosen = [event for event in events if event.kind in wanted]
        if not chosen:
            present = ", ".join(kind for kind in KINDS if any(e.kind == kind for e in events))
            raise ExportError(f"nothing to draw: no events of kind {', '.join(options.kinds)} "
                              f"(the timeline has: {present})")
        events = chosen
    if options.start is not None or options.end is not None:
        low = options.start.lower if options.start is not None else date.min
        high = options.end.upper if options.end is not None else date.max
        chosen = [event for event in events
                  if _extent(event.when)[0] <= high and _extent(event.when)[1] >= low]
        if not chosen:
            raise ExportError(f"nothing to draw: no events between {_window_text(options)}; "
                              f"the events run {_extent_text(events)}")
        events = chosen
    return events


def _window_text(options: GanttOptions) -> str:
    first = options.start.lower.isoformat() if options.start is not None else "the start"
    last = options.end.upper.isoformat() if options.end is not None else "the end"
    return f"{first} and {last}"


def _extent(when: When) -> tuple[date, date]:
    """``when``'s first and last possible day; an interval that ends before it starts (see
    ``Timeline.validate``) is taken from its earlier to its later bound."""
    return (when.lower, when.upper) if when.lower <= when.upper else (when.upper, when.lower)


def _extent_text(events: Sequence[Event]) -> str:
    lows = [_extent(e.when)[0] for e in events if not e.when.open_start]
    highs = [_extent(e.when)[1] for e in events if not e.when.open_end]
    first = min(lows).isoformat() if lows else "from the unknown past"
    last = max(highs).isoformat() if highs else "into the unknown future"
    return f"from {first} to {last}"


def _sort(events: list[Event], order: str) -> list[Event]:
    if order == "date":
        return sorted(events, key=lambda e: e.when.sort_key())
    if order == "title":
        return sorted(events, key=lambda e: (printable_line(e.title).casefold(), e.when.sort_key()))
    return events


def _group_keys(group_by: str) -> Callable[[Event], list[str]]:
    def keys(event: Event) -> list[str]:
        place = event.place
        if group_by == "kind":
            return [event.kind.capitalize()]
        if group_by == "status":
            return [event.status.capitalize()]
        if group_by == "place":
            return [printable_line(str(place))] if place else []
        if group_by == "country":
            country = place.country if place and place.country else None
            if country is None and event.region:
                country = event.region.split("-")[0]
            return [country] if country else []
        if group_by == "unit":
            return [printable_line(event.unit)] if event.unit and event.unit.strip() else []
        if group_by == "person":
            return list(dict.fromkeys(printable_line(credit.name) for credit in event.people))
        return [""]

    return keys


def _group(events: list[Event], group_by: str) -> list[tuple[str, list[Event]]]:
    """Sections in order of their first event; the section of events without a key last."""
    keys = _group_keys(group_by)
    groups: dict[str, list[Event]] = {}
    missing: list[Event] = []
    for event in events:
        found = keys(event)
        if not found:
            missing.append(event)
        for key in found:
            groups.setdefault(key, []).append(event)
    result = list(groups.items())
    if missing:
        result.append((_MISSING[group_by], missing))
    return result


# -- the time axis ------------------------------------------------------------------------


def dated_days(when: When) -> tuple[int, int]:
    """The days ``[first, stop)`` that ``when``'s known bounds span: an open or unknown start
    counts from the first day of its known end, an open or unknown end up to the last day of
    its known start; an interval that ends before it starts spans its two bounds; a set
    spans its members' dated days."""
    if when.is_set:
        spans = [dated_days(member) for member in when.members]
        return min(first for first, _ in spans), max(stop for _, stop in spans)
    lower, upper = _extent(when)
    if when.open_start:
        lower = (when.end or when).lower
    if when.open_end:
        upper = (when.start or when).upper
    return lower.toordinal(), upper.toordinal() + 1


def _axis(events: Sequence[Event], options: GanttOptions,
          max_ticks: int) -> tuple[int, int, TickUnit]:
    """The chart's ``[start, stop)`` in days and its tick unit.

    The dated days of the production's events (all but those tagged :data:`CONTEXT_TAG`,
    unless every event is), or the window where given; at least :data:`MIN_SPAN_DAYS`; with
    room for bars that run off an edge; then widened to whole tick units on the sides the
    window does not fix.
    """
    production = [e for e in events if CONTEXT_TAG not in e.tags] or list(events)
    spans = [(e.when, *dated_days(e.when)) for e in production]
    start = min(first for _, first, _ in spans)
    stop = min(max(last for _, _, last in spans), LAST_DAY + 1)
    fixed_start, fixed_end = options.start is not None, options.end is not None
    if options.start is not None:
        start = options.start.lower.toordinal()
    if options.end is not None:
        stop = options.end.upper.toordinal() + 1
    if stop - start < MIN_SPAN_DAYS:
        missing = MIN_SPAN_DAYS - (stop - start)
        if fixed_start and not fixed_end:
            stop += missing
        elif fixed_end and not fixed_start:
            start -= missing
        elif not (fixed_start and fixed_end):
            start -= missing // 2
            stop += missing - missing // 2
    room = max(2, round((stop - start) * EDGE_ROOM))
    # room before the known end of a bar with an open start (all of that end: "/2020-09"
    # may end on 1 September), and after the known start of a bar with an open end
    open_starts = [first for when, first, _ in spans if when.open_start]
    open_ends = [last for when, _, last in spans if when.open_end]
    if open_starts and not fixed_start:
        start = min(start, min(open_starts) - room)
    if open_ends and not fixed_end:
        stop = max(stop, max(open_ends) + room)
    unit = choose_unit(stop - start, max_ticks)
    if not fixed_start:
        start = unit.floor(start)
    if not fixed_end:
        stop = unit.ceil(stop)
    start, stop = max(FIRST_DAY, start), min(LAST_DAY + 1, stop)
    return start, stop, choose_unit(stop - start, max_ticks)


# -- rows ---------------------------------------------------------------------------------


def _contradicted(event: Event, published: Published) -> bool:
    """True when the event's claims contradict each other (the ``contradiction`` finding of
    ``validate()``)."""
    return bool(event.claims) and any(
        note.code == "contradiction" for note in review(event, published))


def _row(event: Event, start: int, stop: int, options: GanttOptions,
         section_color: str, contradicted: bool = False) -> Row:
    when = event.when
    low, high = _span(when)
    if when.is_set:  # the hull is certain only where its one piece is
        pieces = _pieces(when, start, stop)
        bar = _clip(low, high, [], start, stop)
        if len(pieces) == 1:
            bar = attrs.evolve(bar, core=pieces[0].core)
    else:
        bar = _clip(low, high, [_certain_days(when)], start, stop)
        pieces = (bar,)
    color = style.KIND_COLORS[event.kind] if options.color_by == "kind" else section_color
    marks = "".join(style.MARKS[name] for name, shown in (
        ("approximate", when.approximate), ("uncertain", when.uncertain),
        ("contradicted", contradicted)) if shown)
    milestone = event.kind in ("release", "announcement") or (
        when.precision == "time" and not when.is_interval)
    dated_first, dated_stop = dated_days(when)
    clip = _clip_words(dated_first, dated_stop, start, stop)
    notes = (*_notes(when), *(("sources contradict",) if contradicted else ()),
             *((clip,) if clip else ()))
    return Row(event=event, label=printable_line(event.title), marks=marks, notes=notes,
               color=color, milestone=milestone, bar=bar, clipped=bool(clip), pieces=pieces)


def _span(when: When) -> tuple[int, int]:
    """The days ``[low, high)`` that ``when`` may cover; open or unknown ends are infinite."""
    lower, upper = _extent(when)
    return (-_INF if when.open_start else lower.toordinal(),
            _INF if when.open_end else upper.toordinal() + 1)


def _clip(low: int, high: int, certain: Sequence[tuple[int, int]], start: int,
          stop: int) -> Bar:
    """The bar of the days ``[low, high)`` on the chart ``[start, stop)``, its core the first
    of the inclusive ``certain`` day ranges left on it; a bar wholly beyond an edge is a stub
    at that edge (drawn with its arrowhead)."""
    cores = [(max(first, low, start), min(last + 1, high, stop)) for first, last in certain]
    core = next(((first, last) for first, last in cores if first < last), None)
    return Bar(start=min(max(low, start), stop), stop=max(min(high, stop), start), core=core,
               cut_start=low < start, cut_end=high > stop)


def _pieces(when: When, start: int, stop: int) -> tuple[Bar, ...]:
    """A set's bars on the chart ``[start, stop)`` (see :attr:`Row.pieces`).

    Multiple dates: one bar per run of the days its members may cover (adjacent ones
    joined), each cut where the next run of certain days begins, so each bar has at most
    one core. One of a set: one bar per member (overlapping ones joined), none certain.
    Bars wholly beyond the chart are left out, unless all are: then the hull's stub.
    """
    spans = [_span(member) for member in when.members]
    if when.is_one_of:
        bars = [_clip(low, high, [], start, stop) for low, high in _joined(spans, 0)]
    else:
        cores = _joined([(first, last + 1) for first, last in map(_certain_days, when.members)
                         if first <= last], 1)
        bars = []
        for low, high in _joined(spans, 1):
            inside = [(first, last) for first, last in cores if low <= first and last <= high]
            cuts = [low] + [first for first, _ in inside[1:]] + [high]
            bars += [_clip(cuts[i], cuts[i + 1], [(inside[i][0], inside[i][1] - 1)]
                           if inside else [], start, stop) for i in range(len(cuts) - 1)]
    drawn = tuple(bar for bar in bars if bar.start < bar.stop)
    return drawn or (_clip(*_span(when), [], start, stop),)


def _joined(spans: Sequence[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    """Half-open day spans sorted, those overlapping (``gap=0``) or also adjacent
    (``gap=1``) joined."""
    joined: list[tuple[int, int]] = []
    for low, high in sorted(spans):
        if joined and low < joined[-1][1] + gap:
            joined[-1] = (joined[-1][0], max(joined[-1][1], high))
        else:
            joined.append((low, high))
    return joined


def _clip_words(first: int, last: int, start: int, stop: int) -> str:
    """How the chart ``[start, stop)`` clips the dated days ``[first, last)``, in words:
    ``before the chart``, ``after the chart``, ``clipped``, or ``""`` when it does not."""
    if last <= start:
        return "before the chart"
    if first >= stop:
        return "after the chart"
    return "clipped" if first < start or last > stop else ""


def _certain_days(when: When) -> tuple[int, int]:
    """(first, last): the days ``when`` certainly covers, inclusive; first > last if none.

    From the latest possible start to the earliest possible end. An unknown start may be
    as late as the end; an unknown end as early as the start; open (``..``) ends are
    infinite.
    """
    begin, end = when.start, when.end
    if begin is not None:
        first = begin.upper.toordinal()
    elif when.edtf.startswith(".."):
        first = -_INF
    else:
        assert end is not None  # EDTF intervals have at least one date
        first = end.upper.toordinal()
    if end is not None:
        last = end.lower.toordinal()
    elif when.edtf.endswith(".."):
        last = _INF
    else:
        assert begin is not None
        last = begin.lower.toordinal()
    return first, last


def _notes(when: When) -> tuple[str, ...]:
    """Words for what a drawing would show: qualifiers, open or unknown ends, and what a
    set's pieces are."""
    notes = []
    if when.lower > when.upper:
        notes.append("ends before it starts")
    if when.approximate:
        notes.append("approx.")
    if when.uncertain:
        notes.append("uncertain")
    if when.is_interval and when.start is None:
        notes.append("open start" if when.edtf.startswith("..") else "start unknown")
    if when.is_interval and when.end is None:
        notes.append("open end" if when.edtf.endswith("..") else "end unknown")
    if when.is_set:
        notes += [*(("open start",) if when.open_start else ()),
                  *(("open end",) if when.open_end else ()), _set_words(when)]
    return tuple(notes)


def _set_words(when: When) -> str:
    """What a set's pieces mean: ``some time in this span``, ``one of 3 alternatives``,
    ``on 2 runs of days``."""
    if when.is_one_of:
        count = len(_joined([_span(member) for member in when.members], 0))
        return "some time in this span" if count == 1 else f"one of {count} alternatives"
    runs = len(_joined([_span(member) for member in when.members], 1))
    return f"on {runs} separate runs of days" if runs > 1 else "one run of days"


def _hover(event: Event, sources: dict[str, Source]) -> str:
    """The detail lines: title, date, kind/status/place/unit, people, sources, claims (a
    line each), description."""
    when = event.when
    lines = [printable_line(event.title), f"{when.describe()} — {when}"]
    facts = [event.kind, event.status]
    facts += [printable_line(str(event.place))] if event.place else []
    facts += [printable_line(event.unit)] if event.unit and event.unit.strip() else []
    lines.append(" · ".join(facts))
    if event.people:
        lines.append("People: " + ", ".join(printable_line(str(credit)) for credit in event.people))
    if event.sources:
        lines.append("Sources: " + "; ".join(_source_text(sources.get(source_id), source_id)
                                             for source_id in event.sources))
    lines += _claim_lines(event, sources)
    if event.description and event.description.strip():
        description = printable_line(event.description)
        if len(description) > HOVER_DESCRIPTION:
            description = description[:HOVER_DESCRIPTION].rstrip() + ELLIPSIS
        lines.append(description)
    return "\n".join(lines)


def _claim_lines(event: Event, sources: dict[str, Source]) -> list[str]:
    """``Sources differ:`` (or ``agree:``), then every claim on a line of its own: its
    sources and what it states (:mod:`mitimeline.claimtext`); none without claims."""
    if not event.claims:
        return []
    lines = [f"{verdict(event.claims)}:"]
    for claim in event.claims:
        who = " and ".join(source_name(key, sources) for key in claim.sources)
        lines.append(printable_line(f"- {who}: {statement(claim)}"))
    return lines


def _source_text(source: Source | None, source_id: str) -> str:
    if source is None:
        return source_id
    text = printable_line(source.title)
    if source.publisher and source.publisher.strip():
        text = f"{printable_line(source.publisher)}: {text}"
    if source.published is not None:
        text += f" ({source.published})"
    return text


# -- legend and summary -------------------------------------------------------------------


def _legend(sections: Sequence[Section], options: GanttOptions,
            today: int | None) -> tuple[LegendItem, ...]:
    rows = [row for section in sections for row in section.rows]
    items = []
    if options.color_by == "kind":
        present = {row.event.kind for row in rows}
        items += [LegendItem("bar", kind.capitalize(), style.KIND_COLORS[kind])
                  for kind in KINDS if kind in present]
    vocabulary = [
        ("faded", "possible days (date not known to the day)",
         any(not piece.certain for row in rows for piece in row.pieces)),
        ("milestone", "milestone", any(row.milestone for row in rows)),
        ("cut", "runs on past the edge", any(row.bar.cut_start or row.bar.cut_end
                                             for row in rows)),
        *((name, words, any(style.MARKS[name] in row.marks for row in rows))
          for name, words in (("approximate", "approximate"), ("uncertain", "uncertain"),
                              ("contradicted", "sources contradict"))),
        ("today", "today", today is not None),
    ]
    items += [LegendItem(symbol, label, style.MUTED) for symbol, label, used in vocabulary if used]
    return tuple(items)


def _clip_note(clipped: Sequence[Event]) -> str:
    """The sentence naming the events the chart clipped (the first :data:`CLIP_NAMED`, then
    how many more), or ``""``."""
    if not clipped:
        return ""
    named = "; ".join(f"{printable_line(event.title)} ({event.when.describe()})"
                      for event in clipped[:CLIP_NAMED])
    more = len(clipped) - CLIP_NAMED
    return f"Clipped at the chart's edges: {named}{f'; and {more} more' if more > 0 else ''}."


def _summary(title: str, events: int, rows: int, sections: int, options: GanttOptions,
             start: int, stop: int) -> str:
    grouping = ("" if options.group_by == "none"
                else f" in {sections} sections by {options.group_by}")
    repeated = f" ({rows} rows)" if rows != events else ""
    first = date.fromordinal(start).isoformat()
    last = date.fromordinal(min(stop - 1, LAST_DAY)).isoformat()
    name = f"{title}: " if title else ""
    return (f"{name}Gantt chart of {events} event{'s' if events != 1 else ''}{repeated}"
            f"{grouping}, from {first} to {last}.")
