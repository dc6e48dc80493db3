"""Problems found while importing: :class:`ICalFinding`, :class:`ICalImportWarning` and the
:class:`Findings` collector that raises instead in strict mode.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from ..errors import ParseError

__all__ = ["Findings", "ICalFinding", "ICalImportWarning"]

_SHOWN = 5
"""Findings spelled out in a warning's message; the rest are counted."""


@attrs.frozen
class ICalFinding:
    """One problem in an imported calendar.

    ``line``: 1-based line in the file where the component or property starts (``None`` for
    the file as a whole); ``component``: what it concerns, e.g. ``VEVENT "Ramp jump"
    (UID abc@example.org)``; ``message``: what was wrong and what was done about it;
    ``skipped``: True when the event (or component) was left out of the timeline, False when
    it was imported with the problem worked around.
    """

    line: int | None
    component: str
    message: str
    skipped: bool

    @property
    def location(self) -> str:
        """``line 12, VEVENT "x" (UID y)``: where, as a ParseError's ``location`` says it."""
        parts = [f"line {self.line}" if self.line is not None else "", self.component]
        return ", ".join(part for part in parts if part)

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message


class ICalImportWarning(UserWarning):
    """A calendar imported with problems: ``source`` names the file, ``findings`` lists every
    :class:`ICalFinding`. One warning per file; ``strict=True`` raises ParseError instead."""

    def __init__(self, source: str, findings: tuple[ICalFinding, ...]) -> None:
        self.source = source
        self.findings = findings
        skipped = sum(finding.skipped for finding in findings)
        shown = "; ".join(map(str, findings[:_SHOWN]))
        more = f"; and {len(findings) - _SHOWN} more" if len(findings) > _SHOWN else ""
        super().__init__(
            f"{source}: {len(findings)} problem{'s' if len(findings) != 1 else ''}, "
            f"{skipped} component{'s' if skipped != 1 else ''} not imported: {shown}{more} "
            "(all in .findings)")


class Findings:
    """Collects findings of one import; in strict mode the first one raises ParseError.

    ``line_of`` turns a content-line index into a file line number (computed only when a
    finding is reported).
    """

    def __init__(self, strict: bool, line_of: Callable[[int], int]) -> None:
        self.strict = strict
        self.line_of = line_of
        self.items: list[ICalFinding] = []
        self._seen: set[ICalFinding] = set()

    def add(self, index: int | None, component: str, message: str, skipped: bool) -> None:
        """Record a problem at content line ``index`` (``None``: the whole file)."""
        self.add_line(None if index is None else self.line_of(index), component, message,
                      skipped)

    def add_line(self, line: int | None, component: str, message: str, skipped: bool) -> None:
        """Record a problem at file line ``line``; an identical one is recorded once."""
        finding = ICalFinding(line, component, message, skipped)
        if self.strict:
            raise ParseError(message, location=finding.location, format="ical")
        if finding not in self._seen:
            self._seen.add(finding)
            self.items.append(finding)
