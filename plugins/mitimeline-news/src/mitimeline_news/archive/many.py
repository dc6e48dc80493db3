"""Parsing many records: :func:`parse_record` (one record -> an :class:`Outcome`),
:func:`parse_many` (serial or on any ``concurrent.futures.Executor``) and
:func:`merge_group` (one production's timelines -> one merged timeline).

The same functions run inside Dask tasks (``bag.py``), so every scheduler gives the
results a serial run gives.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future
from typing import Any, Literal

import attrs
import mitimeline

from ..sourcing import earlier_plan
from .productions import Mention, Productions
from .records import Record, record_from

__all__ = ["ALL", "Outcome", "Results", "duplicate_reason", "merge_group", "parse_chunk",
           "parse_many", "parse_record"]

ALL = "all"
"""The group every parsed report joins when no productions are given."""

Status = Literal["parsed", "skipped", "failed"]
Position = tuple[int, int]


@attrs.frozen
class Outcome:
    """What became of one record: ``parsed`` (with one timeline per production it is
    about), ``skipped`` (it names no production) or ``failed`` (``reason`` says why).
    ``position`` (archive number, record number) orders outcomes the same way every run."""

    position: Position
    id: str
    where: str
    status: Status
    reason: str | None = None
    timelines: tuple[tuple[str, mitimeline.Timeline], ...] = ()


@attrs.frozen
class Results:
    """What :func:`parse_many` returns: one :class:`Outcome` per record, in input order."""

    outcomes: tuple[Outcome, ...]
    productions: Productions | None = None

    def counts(self) -> dict[str, int]:
        """How many records were parsed, skipped and failed."""
        counted = collections.Counter(outcome.status for outcome in self.outcomes)
        return {status: counted[status] for status in ("parsed", "skipped", "failed")}

    def timelines(self) -> dict[str, list[tuple[Position, mitimeline.Timeline]]]:
        """Each production's candidate timelines (one per report), by production id."""
        groups: dict[str, list[tuple[Position, mitimeline.Timeline]]] = {}
        for outcome in self.outcomes:
            for production, timeline in outcome.timelines:
                groups.setdefault(production, []).append((outcome.position, timeline))
        return dict(sorted(groups.items()))

    def candidates(self, production: str = ALL) -> list[mitimeline.Event]:
        """The candidate events of one production, report by report."""
        return [event for _, timeline in self.timelines().get(production, [])
                for event in timeline]

    def merged(self) -> dict[str, mitimeline.Timeline]:
        """One merged timeline per production, by production id."""
        return {production: merge_group(production, items, self.productions)
                for production, items in self.timelines().items()}


def parse_many(records: Iterable[Record | Mapping[str, Any]], *,
               productions: Productions | None = None, executor: Executor | None = None,
               chunk_size: int = 64) -> Results:
    """Parse ``records`` (:class:`Record` values, or mappings with the JSON Lines fields)
    serially, or in chunks of ``chunk_size`` on ``executor`` with at most two chunks per
    worker in flight, into :class:`Results`; no record raises, and a record whose id an
    earlier record has fails (:func:`duplicate_reason`)."""
    numbered = ((index, _as_record(record, index)) for index, record in enumerate(records))
    if executor is None:
        outcomes = [parse_record(record, productions, (0, index)) for index, record in numbered]
    else:
        outcomes = [outcome for chunk in _in_order(executor, _chunks(numbered, chunk_size),
                                                   productions)
                    for outcome in chunk]
    return Results(tuple(_first_of_each_id(outcomes)), productions)


def duplicate_reason(record_id: str, first: str, reason: str | None) -> str:
    """Why a record fails whose id ``record_id`` the earlier record at ``first`` has;
    ``reason``: why it failed already, if it did."""
    said = f"duplicate id {record_id!r}: the record at {first} has it already"
    return f"{reason}; {said}" if reason else said


def _first_of_each_id(outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """``outcomes``, each one whose id an earlier one has turned failed."""
    first: dict[str, str] = {}
    for outcome in outcomes:
        if outcome.id in first:
            reason = outcome.reason if outcome.status == "failed" else None
            yield attrs.evolve(outcome, status="failed", timelines=(),
                               reason=duplicate_reason(outcome.id, first[outcome.id], reason))
        else:
            first[outcome.id] = outcome.where
            yield outcome


def _as_record(record: Record | Mapping[str, Any], index: int) -> Record:
    if isinstance(record, Record):
        return record
    if isinstance(record, Mapping):
        return record_from(dict(record), f"record {index + 1}")
    raise TypeError(f"parse_many: expected Record values or mappings, got "
                    f"{type(record).__name__} at record {index + 1}")


def parse_chunk(items: Sequence[tuple[Position, Record]],
                productions: Productions | None) -> list[Outcome]:
    """:func:`parse_record` for each ``(position, record)``: one task's work."""
    return [parse_record(record, productions, position) for position, record in items]


def _chunks(numbered: Iterator[tuple[int, Record]],
            size: int) -> Iterator[list[tuple[Position, Record]]]:
    chunk: list[tuple[Position, Record]] = []
    for index, record in numbered:
        chunk.append(((0, index), record))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _in_order(executor: Executor, chunks: Iterator[list[tuple[Position, Record]]],
              productions: Productions | None) -> Iterator[list[Outcome]]:
    """The chunks' outcomes in input order, keeping a bounded number of chunks in flight
    (``Executor.map`` would read the whole input first)."""
    window = 2 * max(1, getattr(executor, "_max_workers", 2))
    pending: collections.deque[Future[list[Outcome]]] = collections.deque()
    for chunk in chunks:
        pending.append(executor.submit(parse_chunk, chunk, productions))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def parse_record(record: Record, productions: Productions | None,
                 position: Position) -> Outcome:
    """One record's :class:`Outcome`; never raises for bad input (it fails the record)."""
    def outcome(status: Status, reason: str | None = None,
                timelines: tuple[tuple[str, mitimeline.Timeline], ...] = ()) -> Outcome:
        return Outcome(position, record.id, record.where, status, reason, timelines)

    if record.problem is not None:
        return outcome("failed", record.problem)
    mentions: list[Mention] = []
    if productions is not None:
        mentions = productions.mentions(record.text, _year(record.published))
        if not mentions:
            return outcome("skipped", "names no production of the productions file")
    named = list(dict.fromkeys(mention.production for mention in mentions))
    try:
        timeline = mitimeline.loads(
            record.text, "news", published=record.published, language=record.language,
            publisher=record.outlet, url=record.url, title=record.title,
            production=productions[named[0]].title if productions and len(named) == 1 else None,
        )
    except mitimeline.ParseError as exc:  # "option published: expected a publication date..."
        return outcome("failed", f"{exc.location}: {exc.reason}" if exc.location else exc.reason)
    except mitimeline.MitimelineError as exc:
        return outcome("failed", str(exc))
    except Exception as exc:  # a parser bug must not stop an archive: count it, say what
        return outcome("failed", f"the news parser failed: {type(exc).__name__}: {exc}")
    timeline = _with_source_id(timeline, _slug(record.id))
    if productions is None:
        return outcome("parsed", timelines=((ALL, timeline),))
    return outcome("parsed", timelines=_split(timeline, named, mentions))


def _year(published: str | None) -> int | None:
    match = re.match(r"\s*(\d{4})", published or "")
    return int(match.group(1)) if match else None


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "report"


def _with_source_id(timeline: mitimeline.Timeline, source_id: str) -> mitimeline.Timeline:
    """``timeline`` with its report's source renamed ``source_id`` (the record's id), and
    the source of a moved plan's given-up date (:func:`.extract.earlier_plan`) renamed to
    match, in every event and claim: outlets publish many reports a day, and a merge needs
    one id per report."""
    report = timeline.sources[0].id
    renamed = {report: source_id, earlier_plan(report): earlier_plan(source_id)}

    def ids(sources: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(renamed.get(source, source) for source in sources)

    sources = [attrs.evolve(source, id=renamed.get(source.id, source.id))
               for source in timeline.sources]
    events = [attrs.evolve(event, sources=ids(event.sources),
                           claims=tuple(attrs.evolve(claim, sources=ids(claim.sources))
                                        for claim in event.claims))
              for event in timeline]
    return mitimeline.Timeline(title=timeline.title, events=events, sources=sources)


def _split(timeline: mitimeline.Timeline, named: list[str],
           mentions: list[Mention]) -> tuple[tuple[str, mitimeline.Timeline], ...]:
    """One timeline per production named: all events if one is named; else each event goes
    to the productions its sentence names, or to the one named nearest its sentence."""
    if len(named) == 1:
        return ((named[0], timeline),)
    events: dict[str, list[mitimeline.Event]] = {production: [] for production in named}
    for event in timeline:
        for production in _about(event, mentions):
            events[production].append(event)
    return tuple((production, attrs.evolve(timeline, events=events[production]))
                 for production in named)


def _about(event: mitimeline.Event, mentions: list[Mention]) -> list[str]:
    start, end = event.extra.get("offsets", (0, 0))
    inside = [m.production for m in mentions if start <= m.start and m.end <= end]
    if inside:
        return list(dict.fromkeys(inside))
    nearest = min(mentions, key=lambda m: (max(start - m.end, m.start - end, 0), m.start))
    return [nearest.production]


def merge_group(production: str, items: Iterable[tuple[Position, mitimeline.Timeline]],
                productions: Productions | None = None) -> mitimeline.Timeline:
    """One production's report timelines merged with :func:`mitimeline.merge`, in position
    order, titled after the production; a source id met twice (two record ids with one
    slug, or a record id repeated outside :func:`parse_many` and the command) gets ``-2``,
    ``-3``, ..."""
    ordered = [timeline for _, timeline in sorted(items, key=lambda item: item[0])]
    seen: collections.Counter[str] = collections.Counter()
    unique = []
    for timeline in ordered:
        source_id = timeline.sources[0].id
        seen[source_id] += 1
        if seen[source_id] > 1:
            timeline = _with_source_id(timeline, f"{source_id}-{seen[source_id]}")
        unique.append(timeline)
    merged = mitimeline.merge(*unique)
    if productions is None:
        return attrs.evolve(merged, title="News archive")
    title = productions[production].title
    return attrs.evolve(merged, title=title, production=mitimeline.Production(title=title))
