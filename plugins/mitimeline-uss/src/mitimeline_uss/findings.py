"""What an import noticed without failing: :class:`USSFinding` and :class:`USSImportWarning`."""

from __future__ import annotations

import attrs
import mitimeline

__all__ = ["CODES", "USSFinding", "USSImportWarning"]

CODES = ("boneyard", "unread-stripboard", "not-midnight", "no-schedule")
"""``boneyard``: strips left unscheduled (they give no events); ``unread-stripboard``: a
stripboard other than the one read; ``not-midnight``: an instant that is not midnight in
the ``timezone`` given (is the zone right?); ``no-schedule``: a file without stripboards."""


@attrs.frozen
class USSFinding:
    """One thing the import noticed: ``code`` (one of :data:`CODES`), ``path`` (the JSON path
    it concerns), ``message`` (what it was and what was done about it)."""

    code: str = attrs.field(validator=attrs.validators.in_(CODES))
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message} [{self.code}]"


class USSImportWarning(mitimeline.FindingsWarning):
    """A schedule read with findings: ``findings`` lists every :class:`USSFinding`,
    ``source`` names the file.

    One warning per file; :func:`mitimeline_uss.read` returns the findings instead. A
    :class:`mitimeline.FindingsWarning`, so ``mitimeline validate --findings`` lists them.
    """

    findings: tuple[USSFinding, ...]

    def __init__(self, findings: tuple[USSFinding, ...], source: str = "<stream>") -> None:
        count = len(findings)
        super().__init__(source, findings,
                         f"USS schedule read with {count} finding{'s' if count != 1 else ''}")
