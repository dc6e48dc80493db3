"""mitimeline-caldav: publish a timeline to a CalDAV calendar and keep it up to date.

:func:`publish` (and ``mitimeline publish caldav TIMELINE URL``) writes one calendar object
per event, as the ``ical`` exporter writes it, marked with the timeline's scope and a hash
of its content; publishing again sends only what changed, never duplicates, and never
touches what others put in the calendar. See ``docs/publishing.md``.
"""

from __future__ import annotations

from collections.abc import Callable

import mitimeline

from .auth import PASSWORD_ENV, USERNAME_ENV, find_credentials
from .command import COMMAND
from .errors import (
    AuthenticationError,
    CalendarNotFoundError,
    ConnectionFailedError,
    InsecureWarning,
    NotCalDAVError,
    PublishError,
)
from .objects import HASH, SCOPE, object_name
from .publish import publish
from .report import Failure, PublishReport

__all__ = [
    "HASH",
    "PASSWORD_ENV",
    "SCOPE",
    "USERNAME_ENV",
    "AuthenticationError",
    "CalendarNotFoundError",
    "ConnectionFailedError",
    "Failure",
    "InsecureWarning",
    "NotCalDAVError",
    "PublishError",
    "PublishReport",
    "find_credentials",
    "object_name",
    "publish",
    "register_commands",
]


@mitimeline.hookimpl
def register_commands(register: Callable[[mitimeline.Command], None]) -> None:
    register(COMMAND)
