"""Each event of a timeline as the calendar objects we publish: the project's own ``ical``
exporter writes a one-event calendar (stable UID, exclusive all-day ``DTEND``), split into
one object per VEVENT (an event on multiple dates has one per run of days), then the
scope marker and content hash are added."""

from __future__ import annotations

import unicodedata
from collections import Counter

import attrs
import mitimeline

from .errors import PublishError
from .objects import content_lines, marked, object_name, parse_line

__all__ = ["Planned", "render"]


@attrs.frozen
class Planned:
    """One event as it should be on the server: ``text`` to PUT at ``name`` (derived from
    ``uid``), and its content ``hash``."""

    event_id: str
    uid: str
    name: str
    text: str
    hash: str


def render(timeline: mitimeline.Timeline, scope: str) -> list[Planned]:
    """One :class:`Planned` object per event (per run of days for multiple dates), in
    timeline order; UIDs come from ``scope`` and
    the event id as in any ``.ics`` export with ``uid_scope=scope``. Raises
    :class:`PublishError` when event ids repeat (two objects would share a UID) or the scope
    is not one line of text."""
    if any(unicodedata.category(char) == "Cc" or char in "\u2028\u2029" for char in scope):
        raise PublishError(f"the scope {scope!r} (the timeline's title unless given) holds a "
                           f"line break or control character; pass plain text as scope= "
                           f"(--scope)")
    repeated = sorted(key for key, count in Counter(e.id for e in timeline).items() if count > 1)
    if repeated:
        raise PublishError(
            f"the timeline has repeated event ids ({', '.join(map(repr, repeated[:5]))}); each "
            f"calendar object needs an id of its own: fix them first (validate() lists them)")
    sources = {source.id: source for source in timeline.sources}
    planned = []
    for event in timeline:
        cited = [sources[key] for key in dict.fromkeys(event.sources) if key in sources]
        one = attrs.evolve(timeline, events=[event], sources=cited, description=None)
        text = mitimeline.dumps(one, "ical", uid_scope=scope, calendar_name="")
        assert isinstance(text, str)  # the ical exporter writes text
        for single in _one_vevent_each(text):
            uid = _uid(single)
            body, digest = marked(single, scope)
            planned.append(Planned(event.id, uid, object_name(uid), body, digest))
    return planned


def _one_vevent_each(text: str) -> list[str]:
    """``text`` (a calendar) as one calendar per top-level VEVENT, each with the calendar's
    own lines and VTIMEZONEs: an event on multiple dates is one VEVENT per run of days, each
    with a UID of its own, and a calendar object holds one UID (RFC 4791 §4.1)."""
    lines = text.split("\r\n")
    head: list[str] = []
    blocks: list[list[str]] = []
    depth = 0
    current: list[str] | None = None
    for line in lines[:-1]:  # the text ends with CRLF: the last item is empty
        upper = line.upper()
        if upper.startswith("BEGIN:"):
            depth += 1
            if depth == 2 and upper == "BEGIN:VEVENT":
                current = []
        if current is not None:
            current.append(line)
        elif upper != "END:VCALENDAR":
            head.append(line)
        if upper.startswith("END:"):
            if depth == 2 and current is not None and upper == "END:VEVENT":
                blocks.append(current)
                current = None
            depth -= 1
    if len(blocks) <= 1:
        return [text]
    return ["\r\n".join([*head, *block, "END:VCALENDAR", ""]) for block in blocks]


def _uid(text: str) -> str:
    for line in content_lines(text):
        prop = parse_line(line)
        if prop.name == "UID":
            return prop.value.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
    raise AssertionError("the ical exporter wrote a VEVENT without UID")
