"""The error a day-out-of-days raises for a timeline it cannot lay out."""

from __future__ import annotations

import mitimeline

__all__ = ["FORMAT", "DoodError"]

FORMAT = "dood"
"""The name errors carry as their ``format`` (the HTML exporter's name)."""


class DoodError(mitimeline.ExportError):
    """A timeline that cannot be laid out as a day-out-of-days (bad board numbers, a span
    too long); the message names the event and the field."""

    def __init__(self, message: str) -> None:
        super().__init__(message, format=FORMAT)
