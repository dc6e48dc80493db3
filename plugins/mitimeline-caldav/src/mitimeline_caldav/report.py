"""What a publication did: :class:`PublishReport` and its :class:`Failure` records."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["Failure", "PublishReport"]


@attrs.frozen
class Failure:
    """An event that could not be published, or left alone for ``reason``."""

    event_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.event_id}: {self.reason}"


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _failures(value: Iterable[Failure]) -> tuple[Failure, ...]:
    return tuple(value)


@attrs.frozen
class PublishReport:
    """The event ids each outcome befell, in timeline order (pruned ones in calendar order).

    ``created``, ``updated``, ``unchanged``: the timeline's events; ``deleted``: our objects
    that left the timeline (with ``prune``); ``conflicts``: objects someone else changed
    since we published them, left alone (without ``force``); ``failed``: what the server
    refused or the connection lost, with reasons. ``calendar`` is the calendar's URL,
    ``requests`` the HTTP requests sent, ``dry_run`` true when nothing was written.
    """

    calendar: str
    created: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    updated: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    unchanged: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    deleted: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    conflicts: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    failed: tuple[Failure, ...] = attrs.field(default=(), converter=_failures)
    requests: int = 0
    dry_run: bool = False

    @property
    def complete(self) -> bool:
        """True when nothing failed (conflicts are not failures: they were left alone)."""
        return not self.failed

    def summary(self) -> str:
        """One line: ``20 created, 0 updated, 0 unchanged, 0 deleted, 0 conflicts, 0 failed
        (23 requests)``, with ``would be`` before it for a dry run."""
        counts = ", ".join(f"{len(getattr(self, name))} {name}" for name in
                           ("created", "updated", "unchanged", "deleted", "conflicts", "failed"))
        prefix = "dry run, nothing written: " if self.dry_run else ""
        return f"{prefix}{counts} ({self.requests} requests)"
