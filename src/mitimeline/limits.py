"""The few size and shape limits mitimeline imposes, in one place (see ``docs/limits.md``).

Each is a module attribute read at the moment it is checked, so a program that really needs
more can raise it (``mitimeline.limits.MAX_DATE_LENGTH = 2000``). The error raised at a limit
names the limit, its value and this module.
"""

from __future__ import annotations

__all__ = ["MAX_DATE_LENGTH", "MAX_JSON_DEPTH"]

MAX_DATE_LENGTH = 500
"""Characters in a date text given to ``When`` or ``When.parse``; longer text raises
:class:`~mitimeline.DateParseError` before any pattern sees it. The longest real dates (an
English range with weekdays, an EDTF interval with times and offsets) are under 100."""

MAX_JSON_DEPTH = 100
"""Levels of arrays and objects inside an event's ``extra`` in a mitimeline JSON document;
deeper data raises :class:`~mitimeline.ParseError` at its JSON path instead of exhausting
Python's recursion limit. A whole document nested more deeply than Python's JSON reader can
follow (about 1,000 levels) is refused as well, with the same limit named."""

