"""Timelines in notebooks: pandas DataFrames both ways, and rich HTML displays.

- :func:`to_dataframe` / :func:`from_dataframe` (behind ``Timeline.to_dataframe()`` and
  ``Timeline.from_dataframe(df)``) and :func:`claims_dataframe` (behind
  ``Timeline.claims_dataframe()``) need pandas (the ``pandas`` extra);
  without it they raise ``ImportError`` naming the extra.
- :func:`timeline_html` and :func:`event_html` (behind ``_repr_html_``) need nothing: a
  compact table, plus the inline SVG Gantt chart for timelines of up to
  :data:`INLINE_CHART_LIMIT` events. All text is HTML-escaped.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

import attrs

from .claimtext import summary, verdict, who_says_what
from .errors import InvalidEventError, MitimelineError, install_hint
from .gantt.chart import Chart
from .gantt.options import ChartOptions
from .gantt.text import printable_line, shorten
from .jsonio import timeline_from_data, timeline_to_data
from .model import Claim, Credit, Event, Place, Source
from .timeline import Timeline

if TYPE_CHECKING:
    import pandas

__all__ = [
    "CLAIM_COLUMNS",
    "COLUMNS",
    "INLINE_CHART_LIMIT",
    "claims_dataframe",
    "event_html",
    "from_dataframe",
    "timeline_html",
    "to_dataframe",
]

COLUMNS = ("id", "title", "kind", "edtf", "lower", "upper", "precision", "approximate",
           "uncertain", "status", "place", "locality", "place_region", "country", "lat", "lon",
           "timezone", "region", "unit", "people", "sources", "tags", "description", "extra")
"""The columns of :func:`to_dataframe`, in order."""

CLAIM_COLUMNS = ("event", "sources", "edtf", "lower", "upper", "place", "status", "title",
                 "people", "note")
"""The columns of :func:`claims_dataframe`, in order."""

INLINE_CHART_LIMIT = 500
"""A timeline's HTML display includes its Gantt chart up to this many events."""

TABLE_LIMIT = 20
"""Timelines with more events show the first :data:`TABLE_HEAD` and last :data:`TABLE_TAIL`."""
TABLE_HEAD, TABLE_TAIL = 10, 5

PANDAS_EXTRA = install_hint("pandas")
ATTRS_KEY = "mitimeline"
"""``DataFrame.attrs`` key holding the timeline's title, description, production and sources
(as mitimeline JSON)."""


def _pandas() -> Any:
    try:
        import pandas  # optional and heavy: only DataFrame conversion needs it
    except ImportError as exc:
        raise ImportError(f"DataFrame conversion needs pandas: {PANDAS_EXTRA}") from exc
    return pandas


# -- DataFrames -----------------------------------------------------------------------------


def to_dataframe(timeline: Timeline) -> pandas.DataFrame:
    """One row per event, in timeline order, with the columns :data:`COLUMNS`.

    ``edtf`` is the date as written; ``lower``/``upper`` its first and last possible day
    (``datetime64[s]``, NaT for an open or unknown end); ``people`` a tuple of ``Credit``,
    ``sources`` and ``tags`` tuples of text, ``extra`` a dict. ``place`` is the place's name
    and ``place_region`` its region (``region`` is the event's). Missing values are
    NaN/None. ``df.attrs["mitimeline"]`` keeps the title, description, production and
    sources, so :func:`from_dataframe` gives the timeline back.
    """
    pandas = _pandas()
    import numpy  # comes with pandas (optional and heavy), so only imported here

    rows = [_record(event) for event in timeline.events]
    columns: dict[str, Any] = {name: [row[name] for row in rows] for name in COLUMNS}
    _day_columns(columns)
    for name in ("lat", "lon"):
        columns[name] = numpy.array(
            [math.nan if value is None else value for value in columns[name]], dtype="float64")
    for name in ("approximate", "uncertain"):
        columns[name] = numpy.array(columns[name], dtype=bool)
    frame = pandas.DataFrame(columns, columns=list(COLUMNS))
    meta = timeline_to_data(attrs.evolve(timeline, events=()))
    meta.pop("events", None)
    frame.attrs[ATTRS_KEY] = meta
    return frame


def _day_columns(columns: dict[str, Any]) -> None:
    """Make the ``lower`` and ``upper`` lists of days ``datetime64[s]`` arrays, None NaT."""
    import numpy  # comes with pandas (optional and heavy), so only imported here

    for name in ("lower", "upper"):
        columns[name] = numpy.array(
            [day.isoformat() if day else "NaT" for day in columns[name]], dtype="datetime64[s]")


def claims_dataframe(timeline: Timeline) -> pandas.DataFrame:
    """One row per claim, events in timeline order and each event's claims in order, with
    the columns :data:`CLAIM_COLUMNS`; no rows for events without claims.

    ``event`` is the event's id; ``sources`` a tuple of the claim's source ids; ``edtf``,
    ``lower`` and ``upper`` its date as in :func:`to_dataframe` (None and NaT when the claim
    states none); ``place`` the place as text (``str(place)``); ``people`` a tuple of
    ``Credit``; a field the claim does not state is missing (NaN/None).
    """
    pandas = _pandas()
    rows = [_claim_record(event.id, claim) for event in timeline.events
            for claim in event.claims]
    columns: dict[str, Any] = {name: [row[name] for row in rows] for name in CLAIM_COLUMNS}
    _day_columns(columns)
    return pandas.DataFrame(columns, columns=list(CLAIM_COLUMNS))


def _claim_record(event_id: str, claim: Claim) -> dict[str, Any]:
    when = claim.when
    return {
        "event": event_id,
        "sources": claim.sources,
        "edtf": when.edtf if when else None,
        "lower": None if when is None or when.open_start else when.lower,
        "upper": None if when is None or when.open_end else when.upper,
        "place": str(claim.place) if claim.place else None,
        "status": claim.status,
        "title": claim.title,
        "people": claim.people,
        "note": claim.note,
    }


def _record(event: Event) -> dict[str, Any]:
    when, place = event.when, event.place
    return {
        "id": event.id,
        "title": event.title,
        "kind": event.kind,
        "edtf": when.edtf,
        "lower": None if when.open_start else when.lower,
        "upper": None if when.open_end else when.upper,
        "precision": when.precision,
        "approximate": when.approximate,
        "uncertain": when.uncertain,
        "status": event.status,
        "place": place.name if place else None,
        "locality": place.locality if place else None,
        "place_region": place.region if place else None,
        "country": place.country if place else None,
        "lat": place.latitude if place else None,
        "lon": place.longitude if place else None,
        "timezone": place.timezone if place else None,
        "region": event.region,
        "unit": event.unit,
        "people": event.people,
        "sources": event.sources,
        "tags": event.tags,
        "description": event.description,
        "extra": dict(event.extra),
    }


def from_dataframe(df: pandas.DataFrame) -> Timeline:
    """A timeline from a DataFrame shaped like :func:`to_dataframe`'s.

    Needs ``id``, ``title`` and ``edtf`` (or ``when``: EDTF or English text, a date, or a
    midnight timestamp meaning that day); every other column of :data:`COLUMNS` is
    optional, and ``lower``, ``upper``, ``precision``, ``approximate`` and ``uncertain``
    are ignored (they follow from the date). Missing values (None, NaN, NaT) mean "not
    given". ``people`` cells hold ``Credit``s, names, ``(name, role)`` pairs or
    ``{"name", "role"}`` dicts. Title, description, production and sources come from
    ``df.attrs["mitimeline"]`` when present.

    Raises ``TypeError`` for a non-DataFrame and
    :class:`~mitimeline.InvalidEventError` naming the row for bad values or missing columns.
    """
    pandas = _pandas()
    if not isinstance(df, pandas.DataFrame):
        raise TypeError(f"from_dataframe() needs a pandas DataFrame, got {type(df).__name__}")
    names = set(df.columns)
    date_column = "edtf" if "edtf" in names else "when" if "when" in names else None
    missing = [name for name in ("id", "title") if name not in names]
    missing += [] if date_column else ["edtf"]
    if missing or date_column is None:
        raise InvalidEventError(
            f"the DataFrame has no {', '.join(missing)} column; it needs id, title and "
            f"edtf (or when); its columns are: {', '.join(map(str, df.columns))}",
            missing[0])
    base = _timeline_meta(df.attrs.get(ATTRS_KEY))
    events = []
    for position, record in enumerate(df.to_dict("records")):
        try:
            events.append(_event(record, date_column, pandas))
        except InvalidEventError as exc:
            raise InvalidEventError(
                f"DataFrame row {position} (id {record.get('id')!r}): {exc}", exc.field) from None
    return Timeline(title=base.title, events=events, sources=base.sources,
                    production=base.production, description=base.description)


def _timeline_meta(meta: object) -> Timeline:
    if meta is None:
        return Timeline()
    try:
        if not isinstance(meta, Mapping):
            raise TypeError(f"expected a mapping, got {type(meta).__name__}")
        return timeline_from_data({**meta, "events": []})
    except (MitimelineError, TypeError) as exc:
        raise InvalidEventError(
            f"DataFrame.attrs[{ATTRS_KEY!r}] is not mitimeline timeline data: {exc}",
            "attrs") from None


def _event(record: Mapping[str, Any], date_column: str, pandas: Any) -> Event:
    def get(name: str) -> Any:
        return _value(record.get(name), pandas)

    place = None
    parts = {key: get(column) for key, column in (
        ("locality", "locality"), ("region", "place_region"), ("country", "country"),
        ("latitude", "lat"), ("longitude", "lon"), ("timezone", "timezone"))}
    if get("place") is not None:
        place = Place(get("place"), **parts)
    elif any(value is not None for value in parts.values()):
        given = ", ".join(key for key, value in parts.items() if value is not None)
        raise InvalidEventError(f"place: {given} given but no place name", "place")
    optional = {name: get(name) for name in ("kind", "status", "unit", "region", "description",
                                             "extra")}
    return Event(
        id=get("id"),
        title=get("title"),
        when=_date_value(get(date_column)),
        place=place,
        people=[_credit(item) for item in _sequence(get("people"))],
        sources=_sequence(get("sources")),
        tags=_sequence(get("tags")),
        **{name: value for name, value in optional.items() if value is not None},
    )


def _value(value: Any, pandas: Any) -> Any:
    """Plain Python for a cell: None for missing values, numpy scalars unwrapped."""
    import numpy  # comes with pandas (optional and heavy), so only imported here

    if value is None or isinstance(value, (str, tuple, list, dict, Credit)):
        return value
    try:
        if bool(pandas.isna(value)):
            return None
    except (TypeError, ValueError):  # an array: not a missing value
        pass
    if isinstance(value, numpy.generic):
        return value.item()
    return value


def _date_value(value: Any) -> Any:
    """A midnight timestamp without a zone means its day; anything else is left to When."""
    if isinstance(value, datetime) and value.tzinfo is None and value.time() == time():
        return date(value.year, value.month, value.day)
    return value


def _sequence(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, Credit)):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(value)
    return (value,)


def _credit(item: Any) -> Any:
    if isinstance(item, Mapping):
        return Credit(item.get("name"), item.get("role"))  # type: ignore[arg-type]
    if isinstance(item, list):
        return tuple(item)
    return item


# -- HTML displays ------------------------------------------------------------------------


def timeline_html(timeline: Timeline) -> str:
    """A heading, a table (date as written, title, kind, place, sources) and the chart."""
    events = timeline.events
    counts = (f"{len(events)} event{'s' if len(events) != 1 else ''}, {len(timeline.sources)} "
              f"source{'s' if len(timeline.sources) != 1 else ''}")
    parts = [f"<div><p><strong>{_esc(printable_line(timeline.title) or 'Untitled timeline')}"
             f"</strong> — {counts}</p>"]
    if not events:
        parts.append("<p><em>No events.</em></p></div>")
        return "".join(parts)
    sources = {source.id: source for source in timeline.sources}
    shown: list[Event | None] = list(events)
    if len(events) > TABLE_LIMIT:
        shown = [*events[:TABLE_HEAD], None, *events[-TABLE_TAIL:]]
    parts.append('<table><thead><tr><th style="text-align:left">date</th>'
                 '<th style="text-align:left">title</th><th style="text-align:left">kind</th>'
                 '<th style="text-align:left">place</th><th style="text-align:left">sources'
                 "</th></tr></thead><tbody>")
    for event in shown:
        if event is None:
            hidden = len(events) - TABLE_HEAD - TABLE_TAIL
            parts.append(f'<tr><td colspan="5" style="text-align:center">… {hidden} more '
                         "events …</td></tr>")
            continue
        parts.append(
            f'<tr><td style="text-align:left"><span title="{_esc(event.when.edtf)}">'
            f"{_esc(event.when.describe())}</span></td>"
            f'<td style="text-align:left">{_esc(printable_line(event.title))}</td>'
            f'<td style="text-align:left">{event.kind}</td>'
            f'<td style="text-align:left">{_esc(printable_line(str(event.place or "")))}</td>'
            f'<td style="text-align:left">{_sources_html(event.sources, sources)}'
            f"{_claims_line(event, sources)}</td></tr>")
    parts.append("</tbody></table>")
    if len(events) <= INLINE_CHART_LIMIT:
        parts.append(Chart(timeline, ChartOptions()).svg())
    else:
        parts.append(f"<p><em>Gantt chart left out for {len(events)} events (more than "
                     f"{INLINE_CHART_LIMIT}); draw part of it with "
                     "<code>tl.gantt(start=..., end=..., kinds=...)</code>.</em></p>")
    parts.append("</div>")
    return "".join(parts)


def _sources_html(ids: Iterable[str], sources: Mapping[str, Source]) -> str:
    """Each cited source by publisher (or title), linked when it has a web address."""
    links = []
    for source_id in ids:
        source = sources.get(source_id)
        if source is None:
            links.append(f"<code>{_esc(source_id)}</code>")
            continue
        name = shorten(printable_line(source.publisher or source.title), 180, 12)
        tip = _esc(printable_line(source.title))
        url = source.url or ""
        if url.startswith(("https://", "http://")):
            links.append(f'<a href="{_esc(url)}" title="{tip}" target="_blank" '
                         f'rel="noopener noreferrer">{_esc(name)}</a>')
        else:
            links.append(f'<span title="{tip}">{_esc(name)}</span>')
    return "; ".join(links)


def _claims_line(event: Event, sources: Mapping[str, Source]) -> str:
    """Under an event's sources in the timeline table: who says what, on one line (empty
    without claims)."""
    if not event.claims:
        return ""
    return f"<br><small>{_esc(printable_line(summary(event.claims, sources)))}</small>"


def _claims_html(claims: tuple[Claim, ...]) -> str:
    """An event's claims for its own table: the verdict, then who says what, a line each
    (sources by id: an event alone does not know the timeline's records)."""
    lines = [f"{verdict(claims)}:", *(f"{who}: {what}" for who, what in who_says_what(
        claims, {}))]
    return "<br>".join(_esc(printable_line(line)) for line in lines)


def event_html(event: Event) -> str:
    """The event's fields as a two-column table, leaving out empty ones."""
    when = event.when
    fields: list[tuple[str, str]] = [
        ("when", f"{_esc(when.describe())} <code>{_esc(when.edtf)}</code>"),
        ("kind", event.kind),
        ("status", event.status),
    ]
    optional = [
        ("place", str(event.place) if event.place else None),
        ("people", ", ".join(str(credit) for credit in event.people)),
        ("unit", event.unit),
        ("region", event.region),
        ("sources", ", ".join(event.sources)),
        ("tags", ", ".join(event.tags)),
        ("description", event.description),
    ]
    fields += [(name, _esc(printable_line(value))) for name, value in optional if value]
    if event.claims:
        fields.append(("claims", _claims_html(event.claims)))
    rows = "".join(f'<tr><th style="text-align:left">{name}</th>'
                   f'<td style="text-align:left">{value}</td></tr>' for name, value in fields)
    return (f"<table><caption style=\"text-align:left\"><strong>{_esc(printable_line(event.title))}"
            f"</strong> <code>{_esc(event.id)}</code></caption><tbody>{rows}</tbody></table>")


def _esc(text: str) -> str:
    return html.escape(text, quote=True)
