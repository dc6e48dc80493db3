"""The options of the Gantt exporters, as frozen attrs classes.

:class:`GanttOptions` holds what every Gantt format takes (the ``mermaid`` exporter's
options); :class:`ChartOptions` adds the drawing ``width`` (``svg``, ``html``, ``png``,
``pdf`` and ``Timeline.gantt()``). Converters accept what the command line passes
(text, JSON values); a bad value raises ``ValueError`` or ``TypeError`` whose message names
the option, which ``build_options`` reports as an ``OptionsError``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import attrs

from ..errors import DateParseError
from ..model import KINDS
from ..when import When, WhenLike

__all__ = ["COLOR_BY", "GROUP_BY", "SORT", "ChartOptions", "GanttOptions"]

GROUP_BY = ("kind", "place", "country", "unit", "person", "status", "none")
"""What sections group rows by; ``none`` draws one unlabelled section."""

SORT = ("date", "title", "input")
"""Row order within a section: by date (``When.sort_key``), by title, or as given."""

COLOR_BY = ("kind", "section")
"""What a bar's colour shows: the event's kind (fixed colours) or its section."""

MIN_WIDTH, MAX_WIDTH = 400, 20_000


def _one_of(name: str, choices: tuple[str, ...]) -> Any:
    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            raise ValueError(f"{name} must be one of {', '.join(choices)}; got {value!r}")

    return validate


def _when(name: str, value: WhenLike | None) -> When | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"  # a year, as the command line's JSON reading gives it
    if not isinstance(value, (str, date, When)):
        raise TypeError(f"{name} must be a date, a When or date text; got {value!r}")
    try:
        return When.coerce(value)
    except DateParseError as exc:
        raise ValueError(f"{name}: {exc}") from None


def _start(value: WhenLike | None) -> When | None:
    return _when("start", value)


def _end(value: WhenLike | None) -> When | None:
    return _when("end", value)


def _kinds(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, Iterable):
        raise TypeError(f"kinds must be a kind, a list of kinds or None; got {value!r}")
    kinds = tuple(item.strip() if isinstance(item, str) else item for item in value)
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise ValueError(f"kinds: unknown kind(s) {', '.join(map(repr, unknown))}; "
                         f"known kinds: {', '.join(KINDS)}")
    if not kinds:
        raise ValueError("kinds is empty; give None (the default) for every kind")
    return tuple(dict.fromkeys(kinds))


def _today(value: bool | date | str) -> bool | date:
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"today must be true, false or a day such as '2020-10-05'; got {value!r}")


def _width(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not MIN_WIDTH <= value <= MAX_WIDTH:
        raise ValueError(f"width must be a whole number of pixels from {MIN_WIDTH} to "
                         f"{MAX_WIDTH}; got {value!r}")


@attrs.frozen
class GanttOptions:
    """Options every Gantt format takes.

    ``group_by``: sections by ``kind``, ``place``, ``country`` (the place's, else the
    event's region), ``unit``, ``person`` (an event appears under each person credited),
    ``status`` or ``none``. ``sort``: rows within a section by ``date``, ``title`` or
    ``input`` order. ``start``/``end``: the date window (inclusive; date text such as
    ``"2020-09"``, a date, or a year as a number); events that may fall in it are drawn,
    clipped to it. ``kinds``: only these kinds (a list, or comma-separated text).
    ``color_by``: ``kind`` or ``section``. ``today``: draw a line at today (``True``) or
    at a given day.
    """

    group_by: str = attrs.field(
        default="kind", validator=_one_of("group_by", GROUP_BY),
        metadata={"help": "sections by kind, place, country, unit, person, status or none"})
    sort: str = attrs.field(default="date", validator=_one_of("sort", SORT),
                            metadata={"help": "rows in a section by date, title or input"})
    start: When | None = attrs.field(
        default=None, converter=_start,
        metadata={"help": "first day drawn (date text); default: the production's span"})
    end: When | None = attrs.field(
        default=None, converter=_end,
        metadata={"help": "last day drawn (date text); default: the production's span"})
    kinds: tuple[str, ...] | None = attrs.field(
        default=None, converter=_kinds, metadata={"help": "only events of these kinds"})
    color_by: str = attrs.field(default="kind", validator=_one_of("color_by", COLOR_BY),
                                metadata={"help": "bar colours by kind or by section"})
    today: bool | date = attrs.field(
        default=False, converter=_today,
        metadata={"help": "a line at today (true) or at the given day"})

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start.lower > self.end.upper:
            raise ValueError(f"start ({self.start}) is after end ({self.end})")

    def today_date(self) -> date | None:
        """The day the today line marks (``date.today()`` for ``True``), or None."""
        if isinstance(self.today, bool):
            return date.today() if self.today else None
        return self.today


@attrs.frozen
class ChartOptions(GanttOptions):
    """:class:`GanttOptions` plus ``width``: the drawing's width in pixels (at 100 dpi for
    ``png``/``pdf``); the height follows from the number of rows."""

    width: int = attrs.field(
        default=1000, validator=_width,
        metadata={"help": f"drawing width in pixels, {MIN_WIDTH}-{MAX_WIDTH} (png/pdf: 100 dpi)"})
