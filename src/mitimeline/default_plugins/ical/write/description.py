"""The DESCRIPTION text of exported events, from a ``str.format`` template.

Each template field renders as a labelled line (``Date: early October 2020 (approximate)``)
or as nothing when the event has no such value. A template line whose fields all render
empty is left out; runs of blank lines collapse to one and blank lines at either end go.
"""

from __future__ import annotations

import string

from mitimeline.claimtext import summary
from mitimeline.default_plugins.ical.rfc5545.text import one_break_each
from mitimeline.model import Credit, Event, Source
from mitimeline.timeline import Timeline
from mitimeline.when import When

__all__ = ["Describer"]


class Describer:
    """Renders DESCRIPTION for the events of one timeline (caches what events share)."""

    def __init__(self, timeline: Timeline, template: str, include_sources: bool) -> None:
        self._lines = [_parse_line(line) for line in template.split("\n")]
        self._fields = {field for _text, fields, _whole in self._lines for field in fields}
        self._include_sources = include_sources
        self._sources: dict[str, Source] = {}
        for source in timeline.sources:
            self._sources.setdefault(source.id, source)
        self._dates: dict[When, str] = {}
        self._people: dict[tuple[Credit, ...], str] = {}
        self._source_blocks: dict[tuple[str, ...], str] = {}
        self._source_texts: dict[str, list[str]] = {}

    def render(self, event: Event) -> str:
        """The description text of ``event`` (not yet escaped or cleaned for iCalendar)."""
        values = self._values(event)
        out: list[str] = []
        for text, fields, whole in self._lines:
            if whole:  # the line is one field: its value, if any
                text = values[fields[0]]
                if not text:
                    continue
            elif fields:
                if not any(values[field] for field in fields):
                    continue
                text = text.format_map(values)
            if text or (out and out[-1]):
                # each line's own breaks first: "x\r" and the next "\n" are two breaks,
                # not one CRLF
                out.append(one_break_each(text))
        if out and not out[-1]:
            out.pop()
        return "\n".join(out)

    def _values(self, event: Event) -> dict[str, str]:
        wanted = self._fields
        values = dict.fromkeys(wanted, "")
        if "description" in wanted:
            values["description"] = event.description or ""
        if "date" in wanted:
            values["date"] = self._date(event.when)
        if "kind" in wanted:
            values["kind"] = f"Kind: {event.kind}"
        if "status" in wanted:
            values["status"] = f"Status: {event.status}"
        if "people" in wanted and event.people:
            values["people"] = self._people_line(event.people)
        if "unit" in wanted and event.unit:
            values["unit"] = f"Unit: {event.unit}"
        if "region" in wanted and event.region:
            values["region"] = f"Region: {event.region}"
        if "place" in wanted and event.place is not None:
            values["place"] = f"Place: {event.place}"
        if "claims" in wanted and self._include_sources and event.claims:
            values["claims"] = summary(event.claims, self._sources)
        if "sources" in wanted and self._include_sources and event.sources:
            values["sources"] = self._source_block(event.sources)
        if "id" in wanted:
            values["id"] = event.id
        if "title" in wanted:
            values["title"] = event.title
        return values

    def _date(self, when: When) -> str:
        text = self._dates.get(when)
        if text is None:
            text = self._dates[when] = f"Date: {when.describe()}"
        return text

    def _people_line(self, people: tuple[Credit, ...]) -> str:
        text = self._people.get(people)
        if text is None:
            text = self._people[people] = "People: " + ", ".join(map(str, people))
        return text

    def _source_block(self, keys: tuple[str, ...]) -> str:
        block = self._source_blocks.get(keys)
        if block is None:
            lines = ["Sources:"]
            for key in keys:
                lines.extend(self._source_lines(key))
            block = self._source_blocks[keys] = "\n".join(lines)
        return block

    def _source_lines(self, source_id: str) -> list[str]:
        lines = self._source_texts.get(source_id)
        if lines is not None:
            return lines
        source = self._sources.get(source_id)
        if source is None:
            lines = [f"- {source_id}"]
        else:
            about = [part for part in (
                source.publisher, source.published.describe() if source.published else None)
                if part]
            lines = [f"- {', '.join(about)}: {source.title}" if about else f"- {source.title}"]
            if source.url:
                lines.append(f"  {source.url}")
        self._source_texts[source_id] = lines
        return lines


def _parse_line(line: str) -> tuple[str, tuple[str, ...], bool]:
    """(text, field names, whole): ``whole`` when the line is exactly one ``{field}``; a line
    without fields is formatted already (so ``{{`` and ``}}`` become braces)."""
    fields = tuple(field for _text, field, _spec, _conv in string.Formatter().parse(line)
                   if field is not None)
    if not fields:
        return line.format(), fields, False
    return line, fields, line == f"{{{fields[0]}}}"
