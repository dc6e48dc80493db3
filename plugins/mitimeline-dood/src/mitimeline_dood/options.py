"""The options of a day-out-of-days, shared by :func:`mitimeline_dood.dood` and the
exporters: ``drop_days``, ``roles``, ``probable``."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["US_DROP_DAYS", "WORLD_DROP_DAYS", "DoodOptions"]

US_DROP_DAYS = 10
"""The drop threshold for a production whose every placed event is in the US."""
WORLD_DROP_DAYS = 14
"""The drop threshold for any other production (or one whose places give no country)."""


def _drop_days(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"drop_days must be a whole number of days, 1 or more, or None "
                         f"(10 for a US-only production, else 14), got {value!r}")


def _roles(value: object) -> tuple[str, ...] | None:
    """``roles`` as a tuple of role names: a list of names or one comma-separated text."""
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, (list, tuple, set, frozenset)) or not all(
            isinstance(item, str) for item in items):
        raise ValueError(f"roles must be role names (a list, or one text separated by "
                         f"commas such as 'actor,stunt performer'), got {value!r}")
    names = tuple(sorted({item.strip().casefold() for item in items if item.strip()}))
    if not names:
        raise ValueError(f"roles must name at least one role, got {value!r}")
    return names


@attrs.frozen
class DoodOptions:
    """Keyword options: ``dood(timeline, drop_days=14, roles=["actor"], probable=True)``."""

    drop_days: int | None = attrs.field(
        default=None, validator=_drop_days,
        metadata={"help": "drop a person for a gap of at least this many days between two of "
                          "their work days (once per person); none: 10 when every placed "
                          "event is in the US, else 14"})
    roles: tuple[str, ...] | None = attrs.field(
        default=None, converter=_roles,
        metadata={"help": "only people credited with one of these roles (case-insensitive); "
                          "none: all"})
    probable: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool),
        metadata={"help": "mark the possible days of work events whose dates are not exact "
                          "W?"})
