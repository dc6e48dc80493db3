"""The errors of publishing, each a one-line :class:`~mitimeline.MitimelineError` that the
command line prints as ``mitimeline publish caldav: error: ...`` (exit code 2). None of them
ever holds a password."""

from __future__ import annotations

import mitimeline

__all__ = [
    "AuthenticationError",
    "CalendarNotFoundError",
    "ConnectionFailedError",
    "InsecureWarning",
    "NotCalDAVError",
    "PublishError",
]


class PublishError(mitimeline.MitimelineError):
    """Publishing could not start or go on; the message says why, in one line."""


class ConnectionFailedError(PublishError):
    """The server could not be reached, or the connection kept failing after retries."""


class AuthenticationError(PublishError):
    """The server refused the credentials (401/403), or asked for some and had none."""


class CalendarNotFoundError(PublishError):
    """No calendar at the URL or of the name asked for; the message lists those there are."""


class NotCalDAVError(PublishError):
    """The URL answers, but not as a CalDAV server would."""


class InsecureWarning(UserWarning):
    """Publishing without checking the server's TLS certificate, or sending credentials
    over plain HTTP to a host that is not this machine."""
