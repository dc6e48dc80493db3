"""The publication date a report's relative dates are placed against: read once, one rule
for the parser's ``published`` option and :func:`.find_dates`' ``published`` argument."""

from __future__ import annotations

from datetime import date

from mitimeline import DateParseError, When

__all__ = ["PublishedError", "middle_day", "read_published"]


class PublishedError(ValueError):
    """A ``published`` value that can't be used; the message says what was expected."""


def read_published(value: object) -> When | None:
    """``value`` as a date with both ends known (``None`` stays ``None``; an int is a
    year: ``-i published=2020`` on the command line reads as JSON); raises
    :class:`PublishedError`."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, (str, date, When)):
        raise PublishedError(
            f"expected a date (text, datetime.date or mitimeline.When), got {value!r}")
    try:
        when = When.coerce(value)
    except DateParseError as exc:
        raise PublishedError(f"expected a publication date: {exc}") from None
    if when.open_start or when.open_end:
        raise PublishedError(
            f"expected a publication date with both ends known, got {when.edtf!r}")
    return when


def middle_day(when: When) -> date:
    """The day in the middle of ``when`` (itself, for a single day)."""
    return date.fromordinal((when.lower.toordinal() + when.upper.toordinal()) // 2)
