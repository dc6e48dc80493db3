"""``Timeline``: an immutable collection of events and the sources they cite.

Operations never change a timeline; they return a new one. Date queries (``between``,
``at``, ``overlapping``) use an interval index built on first use (a priority search tree,
see ``_intervals``): finding the k results costs O(log n + k), plus an O(k log k) sort (in C)
to return them in timeline order. The index is cached on the (immutable) timeline.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date
from typing import IO, TYPE_CHECKING, Any

import attrs

from .checks import Conflict, Finding, find_conflicts, validate
from .errors import InvalidEventError
from .model import Event, Production, Source, _text
from .when import When, WhenLike

if TYPE_CHECKING:
    import os

    import pandas

    from ._intervals import IntervalIndex
    from .gantt.chart import Chart

__all__ = ["Timeline"]


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    events = tuple(value)
    for index, event in enumerate(events):
        if not isinstance(event, Event):
            raise InvalidEventError(
                f"Timeline.events[{index}]: expected an Event, got {event!r}", f"events[{index}]"
            )
    return events


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    sources = tuple(value)
    for index, source in enumerate(sources):
        if not isinstance(source, Source):
            raise InvalidEventError(
                f"Timeline.sources[{index}]: expected a Source, got {source!r}",
                f"sources[{index}]",
            )
    return sources


def _title(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidEventError(f"Timeline.title: expected text, got {value!r}", "title")


def _optional_production(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Production):
        raise InvalidEventError(
            f"Timeline.production: expected a Production or None, got {value!r}", "production"
        )


def _matches(value: str | Collection[str] | None, candidates: Iterable[str | None]) -> bool:
    """Case-insensitive: does any candidate equal ``value`` (or one of the values)?"""
    if value is None:
        return True
    wanted = {value.casefold()} if isinstance(value, str) else {v.casefold() for v in value}
    return any(c is not None and c.casefold() in wanted for c in candidates)


@attrs.frozen
class Timeline:
    """Events and their sources, in the order given (``sorted()`` orders them by date).

    ``tl["event-id"]`` looks an event up (the first, if ids repeat: see ``validate()``).
    """

    title: str = attrs.field(default="Untitled timeline", validator=_title)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    production: Production | None = attrs.field(default=None, validator=_optional_production)
    description: str | None = attrs.field(default=None, validator=_text(required=False))
    _cache: dict[str, Any] = attrs.field(
        init=False, factory=dict, eq=False, hash=False, repr=False, alias="_cache"
    )

    # -- container protocol ---------------------------------------------------------------

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._by_id()

    def __getitem__(self, event_id: str) -> Event:
        try:
            return self._by_id()[event_id]
        except KeyError:
            raise KeyError(f"no event with id {event_id!r} in {self.title!r}") from None

    def source(self, source_id: str) -> Source:
        """The source with this id; ``KeyError`` naming it if there is none."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(f"no source with id {source_id!r} in {self.title!r}")

    def __repr__(self) -> str:
        return f"<Timeline {self.title!r}: {len(self.events)} events, {len(self.sources)} sources>"

    # -- building new timelines -----------------------------------------------------------

    def add(self, *events: Event) -> Timeline:
        """A new timeline with ``events`` appended; an id already present (or given twice)
        raises :class:`InvalidEventError` naming it (``replace()`` changes an event)."""
        taken = set(self._by_id())
        for event in events:
            event_id = event.id if isinstance(event, Event) else None
            if event_id in taken:
                raise InvalidEventError(
                    f"Timeline.add: an event with id {event_id!r} is already in "
                    f"{self.title!r}; use replace() to change it, or choose a new id", "id"
                )
            if event_id is not None:
                taken.add(event_id)
        return attrs.evolve(self, events=self.events + events)

    def add_sources(self, *sources: Source) -> Timeline:
        """A new timeline with ``sources`` appended."""
        return attrs.evolve(self, sources=self.sources + sources)

    def remove(self, *event_ids: str) -> Timeline:
        """A new timeline without the events with these ids; ``KeyError`` for an unknown id."""
        for event_id in event_ids:
            self[event_id]
        gone = set(event_ids)
        return self._with_events(e for e in self.events if e.id not in gone)

    def replace(self, event: Event) -> Timeline:
        """A new timeline where ``event`` takes the place of the event with the same id."""
        self[event.id]
        return self._with_events(event if e.id == event.id else e for e in self.events)

    def _with_events(self, events: Iterable[Event]) -> Timeline:
        return attrs.evolve(self, events=tuple(events))

    # -- queries --------------------------------------------------------------------------

    def between(self, start: WhenLike, end: WhenLike) -> Timeline:
        """Events that may happen between ``start`` and ``end`` (both included)."""
        return self.overlapping(When.interval(_day_floor(start), _day_ceiling(end)))

    def at(self, moment: WhenLike) -> Timeline:
        """Events that may be happening on ``moment`` (a day, a month, a date-time, ...); an
        event on multiple dates only on its days (see :meth:`When.overlaps`)."""
        return self.overlapping(moment)

    def overlapping(self, target: Event | WhenLike) -> Timeline:
        """Events whose dates may overlap ``target``; an event is not returned for itself.

        The index finds candidates by the hull of each date (a set's ``lower``..``upper``);
        :meth:`When.overlaps` then keeps those with a member that may overlap."""
        when = target.when if isinstance(target, Event) else When.coerce(target)
        positions = self._index().overlapping(when.lower.toordinal(), when.upper.toordinal())
        return self._with_events(
            self.events[i] for i in positions
            if self.events[i] is not target and self.events[i].when.overlaps(when)
        )

    def filter(
        self,
        predicate: Callable[[Event], bool] | None = None,
        *,
        kind: str | Collection[str] | None = None,
        place: str | Collection[str] | None = None,
        country: str | Collection[str] | None = None,
        person: str | Collection[str] | None = None,
        status: str | Collection[str] | None = None,
        tag: str | Collection[str] | None = None,
        unit: str | Collection[str] | None = None,
        region: str | Collection[str] | None = None,
    ) -> Timeline:
        """Events matching every given criterion (case-insensitive; a collection means "any of").

        ``place`` matches a place's name, locality or region; ``person`` a credited name.
        """

        def keep(event: Event) -> bool:
            where = event.place
            return (
                _matches(kind, [event.kind])
                and _matches(status, [event.status])
                and _matches(unit, [event.unit])
                and _matches(region, [event.region])
                and _matches(tag, event.tags)
                and _matches(person, [credit.name for credit in event.people])
                and _matches(country, [where.country if where else None])
                and _matches(place, [where.name, where.locality, where.region] if where else [])
                and (predicate is None or predicate(event))
            )

        return self._with_events(e for e in self.events if keep(e))

    def sorted(self) -> Timeline:
        """Events by date (``When.sort_key``); ties keep their order."""
        return self._with_events(sorted(self.events, key=lambda e: e.when.sort_key()))

    def conflicts(self) -> list[Conflict]:
        """The same person at two different places at overlapping times (see ``checks``)."""
        return find_conflicts(self.events)

    def validate(self) -> list[Finding]:
        """Duplicate ids, unknown sources, intervals ending before they start, ..."""
        return validate(self)

    def merge(self, *others: Timeline, **options: Any) -> Any:
        """This timeline merged with ``others``: the same as ``mitimeline.merge(self, *others,
        **options)`` (a ``Timeline``, or ``(Timeline, MergeReport)`` with ``report=True``)."""
        from .merging import merge  # upward, on use: declared in the import contract

        return merge(self, *others, **options)

    # -- formats --------------------------------------------------------------------------

    def export(
        self, target: str | os.PathLike[str] | IO[bytes], format: str | None = None,
        **options: Any,
    ) -> int:
        """Write to a path (atomically; format from the extension) or a binary file object;
        return how many events were written (``mitimeline.export``)."""
        from .api import export  # upward, on use: declared in the import contract

        return export(self, target, format, **options)

    def dumps(self, format: str, **options: Any) -> str | bytes:
        """The timeline in ``format``: text for text formats, bytes for binary ones."""
        from .api import dumps  # upward, on use: declared in the import contract

        return dumps(self, format, **options)

    # -- notebooks (see notebook.py and gantt/) -------------------------------------------

    def gantt(self, **options: Any) -> Chart:
        """A Gantt chart that displays in Jupyter; takes the ``svg`` exporter's options
        (``group_by``, ``sort``, ``start``, ``end``, ``kinds``, ``color_by``, ``today``,
        ``width``). ``ExportError`` when nothing is left to draw."""
        from .gantt.chart import Chart  # upward, on use: declared in the import contract

        return Chart.of(self, **options)

    def to_dataframe(self) -> pandas.DataFrame:
        """One row per event (needs pandas: the ``pandas`` extra)."""
        from .notebook import to_dataframe  # upward, on use: declared in the import contract

        return to_dataframe(self)

    def claims_dataframe(self) -> pandas.DataFrame:
        """One row per claim of every event (needs pandas: the ``pandas`` extra)."""
        from .notebook import claims_dataframe  # upward, on use: declared in the import contract

        return claims_dataframe(self)

    @classmethod
    def from_dataframe(cls, df: pandas.DataFrame) -> Timeline:
        """The timeline back from :meth:`to_dataframe`'s shape of DataFrame (needs pandas)."""
        from .notebook import from_dataframe  # upward, on use: declared in the import contract

        return from_dataframe(df)

    def _repr_html_(self) -> str:
        from .notebook import timeline_html  # upward, on use: declared in the import contract

        return timeline_html(self)

    # -- internals ------------------------------------------------------------------------

    def _by_id(self) -> dict[str, Event]:
        if "by_id" not in self._cache:
            by_id: dict[str, Event] = {}
            for event in self.events:
                by_id.setdefault(event.id, event)
            self._cache["by_id"] = by_id
        result: dict[str, Event] = self._cache["by_id"]
        return result

    def _index(self) -> IntervalIndex:
        if "index" not in self._cache:
            # Here, not at the top: a measured import cost (1.2 ms of `import mitimeline`),
            # and only date queries need the index.
            from ._intervals import IntervalIndex

            self._cache["index"] = IntervalIndex(
                [e.when.lower.toordinal() for e in self.events],
                [e.when.upper.toordinal() for e in self.events],
            )
        index: IntervalIndex = self._cache["index"]
        return index


def _day_floor(value: WhenLike) -> date:
    return When.coerce(value).lower


def _day_ceiling(value: WhenLike) -> date:
    return When.coerce(value).upper

