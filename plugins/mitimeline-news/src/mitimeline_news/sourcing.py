"""The ids of the sources a report's events cite (kept light: the archive imports it when
the plugin loads)."""

from __future__ import annotations

__all__ = ["earlier_plan"]


def earlier_plan(source_id: str) -> str:
    """The id of the source a moved plan's given-up date is cited from: the earlier
    statement the report tells of (unpublished date, so the report's claim supersedes it,
    as :mod:`mitimeline.claims` does for a later-published source)."""
    return f"{source_id}-earlier-plan"
