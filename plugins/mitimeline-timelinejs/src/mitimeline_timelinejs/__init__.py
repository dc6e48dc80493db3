"""mitimeline-timelinejs: export timelines as TimelineJS 3 JSON (Knight Lab's web timeline).

``tl.export("mi7.timelinejs.json")`` writes the document TimelineJS takes as its data
(``new TL.Timeline("id", data)``): a title slide, one slide per event, optional ``group``
rows and ``eras``. Dates carry only the parts the ``When`` knows; approximate, uncertain,
seasonal and open-ended dates get a ``display_date`` such as "c. September 2020". All text
is escaped, so titles show as written. See ``docs/timelinejs.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, BinaryIO

import attrs
import mitimeline
from mitimeline.jsonio import unencodable_text

from .dates import SlideDates, describe, slide_dates
from .document import ERAS, GROUPS, build

__all__ = ["SlideDates", "TimelineJSExporter", "describe", "register_exporters", "slide_dates"]

MEDIA_TYPE = "application/json"


@mitimeline.hookimpl
def register_exporters(register: Callable[[mitimeline.Exporter], None]) -> None:
    register(TimelineJSExporter())


def _one_of(choices: tuple[str, ...], optional: bool = False) -> Callable[..., None]:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if value not in choices:
            allowed = ", ".join(repr(c) for c in (*choices, *((None,) if optional else ())))
            raise ValueError(f"{attribute.name} must be one of {allowed}, got {value!r}")

    return validate


def _indent(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                              or value < 0):
        raise ValueError(f"indent must be a number of spaces (0 or more) or None, got {value!r}")


class TimelineJSExporter(mitimeline.Exporter):
    """Writes TimelineJS 3 JSON; a timeline without events raises :class:`mitimeline.ExportError`
    (TimelineJS refuses to show one)."""

    name = "timelinejs"
    extension = ".timelinejs.json"
    media_type = MEDIA_TYPE

    @attrs.frozen
    class Options:
        """Keyword options: ``tl.export("x.timelinejs.json", group_by="place", eras="units")``."""

        group_by: str | None = attrs.field(
            default=None, validator=_one_of(tuple(GROUPS), True),
            metadata={"help": "label each event's row by 'place' (name), 'country', 'unit' or "
                              "'kind'; none: no groups"})
        eras: str = attrs.field(
            default="shoots", validator=_one_of(ERAS),
            metadata={"help": "'shoots': an era per shoot spanning more than a day; 'units': "
                              "an era per unit, from its first event to its last; 'none'"})
        indent: int | None = attrs.field(
            default=2, validator=_indent,
            metadata={"help": "spaces of JSON indentation; none for one line"})

    def export(
        self, timeline: mitimeline.Timeline, stream: BinaryIO,
        options: TimelineJSExporter.Options,
    ) -> None:
        if not timeline.events:
            raise mitimeline.ExportError(
                "TimelineJS needs at least one event: it shows only an error message for a "
                f"timeline without events ({timeline.title!r} has none)", format=self.name)
        document = build(timeline, options.group_by, options.eras)
        text = json.dumps(document, ensure_ascii=False, indent=options.indent)
        try:
            data = (text + "\n").encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate such as "\ud800"
            path, character = unencodable_text(document) or ("$", exc.object[exc.start])
            raise mitimeline.ExportError(
                f"cannot write {character!r} at {path} of the TimelineJS document as UTF-8 "
                "(a lone surrogate)", format=self.name,
            ) from exc
        stream.write(data)
