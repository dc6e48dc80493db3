"""Problems found while importing: :class:`ICalFinding`, :class:`ICalImportWarning` and the
:class:`Findings` collector that raises instead in strict mode.
"""

from __future__ import annotations

import attrs

from mitimeline.errors import FindingsWarning, ParseError

__all__ = ["Findings", "ICalFinding", "ICalImportWarning"]

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


class ICalImportWarning(FindingsWarning):
    """A calendar imported with problems: ``source`` names the file, ``findings`` lists every
    :class:`ICalFinding`. One warning per file; ``strict=True`` raises ParseError instead."""

    findings: tuple[ICalFinding, ...]

    def __init__(self, source: str, findings: tuple[ICalFinding, ...]) -> None:
        skipped = sum(finding.skipped for finding in findings)
        super().__init__(
            source, findings,
            f"{len(findings)} problem{'s' if len(findings) != 1 else ''}, "
            f"{skipped} component{'s' if skipped != 1 else ''} not imported")


class Findings:
    """Collects the findings of one import, each at a file line and a ``stage`` (the step of
    the import that found it: decoding, lexing, ... see the constants).

    ``items`` is sorted by line, then stage, at the end. In strict mode the first finding
    raises ParseError, except while ``holding``: findings are then kept, and
    :meth:`release` raises the first of the lowest stage.
    """

    DECODE, LEX, OUTSIDE, LOOSE, READ, HEADER = range(6)

    def __init__(self, strict: bool, holding: bool = False) -> None:
        self.strict = strict
        self.holding = holding
        self.items: list[ICalFinding] = []
        self._stages: dict[ICalFinding, int] = {}

    def add(self, line: int | None, component: str, message: str, skipped: bool,
            stage: int = READ) -> None:
        """Record a problem at file line ``line`` (``None``: the whole file); an identical
        one is recorded once."""
        finding = ICalFinding(line, component, message, skipped)
        if self.strict and not self.holding:
            raise _error(finding)
        if finding not in self._stages:
            self._stages[finding] = stage
            self.items.append(finding)

    def note(self, line: int | None, component: str, message: str) -> None:
        """Record what the import left out by the options' choice (not a problem of the
        file): a finding, but never raised in strict mode."""
        finding = ICalFinding(line, component, message, False)
        if finding not in self._stages:
            self._stages[finding] = self.HEADER
            self.items.append(finding)

    def release(self, below: int | None = None) -> None:
        """In strict mode, raise the first held finding of the lowest stage (only of stages
        below ``below`` if given); else stop holding."""
        if self.strict and self.items:
            first = min(self.items, key=self._stages.__getitem__)
            if below is None or self._stages[first] < below:
                raise _error(first)
        if below is None:
            self.holding = False

    def sort(self) -> list[ICalFinding]:
        """The findings by line, then stage, then order found."""
        self.items.sort(key=lambda finding: (finding.line or 0, self._stages[finding]))
        return self.items


def _error(finding: ICalFinding) -> ParseError:
    return ParseError(finding.message, location=finding.location, format="ical")
