"""Each event of a timeline as the calendar object we publish: the project's own ``ical``
exporter writes a one-event calendar (stable UID, exclusive all-day ``DTEND``), then the
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
    """One :class:`Planned` object per event, in timeline order; UIDs come from ``scope`` and
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
        uid = _uid(text)
        body, digest = marked(text, scope)
        planned.append(Planned(event.id, uid, object_name(uid), body, digest))
    return planned


def _uid(text: str) -> str:
    for line in content_lines(text):
        prop = parse_line(line)
        if prop.name == "UID":
            return prop.value.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
    raise AssertionError("the ical exporter wrote a VEVENT without UID")
