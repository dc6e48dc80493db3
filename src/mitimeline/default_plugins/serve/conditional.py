"""Conditional GET (RFC 9110 §13): whether a client's copy is still current, and the dates
of ``Last-Modified`` and ``If-Modified-Since``."""

from __future__ import annotations

from email.utils import formatdate, parsedate_to_datetime

__all__ = ["http_date", "not_modified"]


def http_date(seconds: int) -> str:
    """``seconds`` since the epoch as an HTTP date (``Tue, 06 Oct 2020 09:30:00 GMT``)."""
    return formatdate(seconds, usegmt=True)


def not_modified(etag: str, modified: int, if_none_match: str | None,
                 if_modified_since: str | None) -> bool:
    """True when a GET or HEAD should be answered 304: ``If-None-Match`` lists ``etag``
    (weak comparison) or is ``*``; without ``If-None-Match``, ``If-Modified-Since`` is a
    valid date no earlier than ``modified`` (whole seconds)."""
    if if_none_match is not None:
        return _lists(if_none_match, etag)
    if if_modified_since is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError, IndexError):
        return False  # an unreadable date is ignored (RFC 9110 §13.1.3)
    if since.tzinfo is None:  # a date without zone: HTTP dates are GMT
        return False
    return modified <= since.timestamp()


def _lists(header: str, etag: str) -> bool:
    """``If-None-Match`` holds ``*`` or ``etag``, either side's ``W/`` ignored."""
    if header.strip() == "*":
        return True
    wanted = etag.removeprefix("W/")
    return any(candidate.strip().removeprefix("W/") == wanted
               for candidate in header.split(","))
