"""Finding the calendar to publish to from what the user gave: a calendar's URL, or a
server, principal or calendar-home URL and a calendar name (created with ``create``)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote, urljoin, urlsplit

import attrs

from .client import Client, Response
from .dav import HOME_PROPFIND, LIST_PROPFIND, Entry, mkcalendar, multistatus, same_resource
from .errors import AuthenticationError, CalendarNotFoundError, NotCalDAVError, PublishError

__all__ = ["Calendar", "find_calendar"]

_XML = {"Content-Type": "application/xml; charset=utf-8"}


@attrs.frozen
class Calendar:
    """The calendar collection found: its ``url`` (ending in ``/``) and ``name``."""

    url: str
    name: str


def find_calendar(client: Client, url: str, name: str | None, create: bool) -> Calendar:
    """The calendar at ``url`` or, given ``name``, the calendar of that display name (or
    last path segment) in the calendar home that ``url`` leads to; one created when
    ``create`` and none has the name. Raises :class:`CalendarNotFoundError` listing the
    calendars there are, :class:`NotCalDAVError` when the server does not speak CalDAV."""
    here = _one(client, url)
    if here.calendar and (name is None or name in _names(here)):
        return Calendar(_slash(here.url), here.displayname or _segment(here.url))
    home = _home(client, here)
    calendars = [entry for entry in _list(client, home)
                 if entry.calendar and not same_resource(entry.url, home)
                 and (not entry.components or "VEVENT" in entry.components)]
    listing = _listing(calendars)
    if name is None:
        raise CalendarNotFoundError(
            f"{_shown(url)} is not a calendar; choose one with --calendar NAME (calendar=): "
            f"{listing}")
    for entry in calendars:
        if name in _names(entry):
            return Calendar(_slash(entry.url), entry.displayname or _segment(entry.url))
    if not create:
        raise CalendarNotFoundError(
            f"no calendar named {name!r} at {_shown(home)}: {listing}; --create (create=True) "
            f"makes it")
    return _create(client, home, name, calendars)


def _one(client: Client, url: str) -> Entry:
    response = client.request("PROPFIND", url, HOME_PROPFIND, {**_XML, "Depth": "0"})
    entries = _entries(response, url)
    for entry in entries:
        if same_resource(entry.url, response.url):
            return entry
    return entries[0]


def _entries(response: Response, url: str) -> list[Entry]:
    """The multistatus of a PROPFIND, or the error saying why there is none."""
    host = urlsplit(response.url).netloc.rpartition("@")[2]
    if response.status == 403:
        raise AuthenticationError(f"authentication failed at {host}: {response.describe()} "
                                  f"for {_shown(response.url)}")
    if response.status == 404:
        raise CalendarNotFoundError(f"nothing at {_shown(response.url)} (404 Not Found); "
                                    f"check the URL")
    if response.status != 207:
        raise NotCalDAVError(
            f"{_shown(url)} does not answer as a CalDAV server: PROPFIND answered "
            f"{response.describe()}; expected 207 Multi-Status")
    try:
        entries = multistatus(response.body, response.url)
    except ValueError as exc:
        raise NotCalDAVError(f"{_shown(url)} does not answer as a CalDAV server: "
                             f"{exc}") from None
    if not entries:
        raise NotCalDAVError(f"{_shown(url)} does not answer as a CalDAV server: an empty "
                             f"multistatus")
    return entries


def _home(client: Client, here: Entry) -> str:
    """The calendar home ``here`` names, or that of its principal, or ``here`` itself."""
    if here.home:
        client.trust(here.home)
        return here.home
    if here.principal and not same_resource(here.principal, here.url):
        client.trust(here.principal)
        principal = _one(client, here.principal)
        if principal.home:
            client.trust(principal.home)
            return principal.home
    if here.calendar:
        return urljoin(_slash(here.url), "..")
    return _slash(here.url)


def _list(client: Client, home: str) -> list[Entry]:
    response = client.request("PROPFIND", home, LIST_PROPFIND, {**_XML, "Depth": "1"})
    return _entries(response, home)


def _create(client: Client, home: str, name: str, existing: list[Entry]) -> Calendar:
    taken = {_segment(entry.url) for entry in existing}
    slug = base = _slug(name)
    number = 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    url = urljoin(_slash(home), quote(slug) + "/")
    response = client.request("MKCALENDAR", url, mkcalendar(name), _XML)
    if response.status != 201:
        raise PublishError(f"cannot create the calendar {name!r} at {_shown(url)}: MKCALENDAR "
                           f"answered {response.describe()}")
    return Calendar(url, name)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "mitimeline"


def _names(entry: Entry) -> set[str]:
    return {name for name in (entry.displayname, _segment(entry.url)) if name}


def _segment(url: str) -> str:
    return unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2])


def _slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _listing(calendars: list[Entry]) -> str:
    if not calendars:
        return "it has no calendars"
    names = sorted(f"{entry.displayname!r} ({_segment(entry.url)})" if entry.displayname
                   else repr(_segment(entry.url)) for entry in calendars)
    return "the calendars there are " + ", ".join(names)


def _shown(url: str) -> str:
    """``url`` without any user or password it may hold."""
    parts = urlsplit(url)
    netloc = parts.netloc.rpartition("@")[2]
    return parts._replace(netloc=netloc).geturl()
