"""Publishing a timeline to a CalDAV calendar, idempotently and safely: list our objects
(those carrying the timeline's scope marker) with their ETags; send nothing for an
unchanged event; PUT a changed one with ``If-Match``, a new one with ``If-None-Match: *``;
with ``prune``, DELETE (``If-Match``) ours that left the timeline. Objects someone else
changed since we wrote them are conflicts, left alone unless ``force``; objects without
our marker are never written or deleted (but one holding an event's UID, which is that
event, is updated)."""

from __future__ import annotations

import ipaddress
import warnings
from collections.abc import Callable
from urllib.parse import urlsplit

import attrs
import mitimeline

from .auth import find_credentials
from .client import Client, Response
from .dav import calendar_query, multistatus, no_uid_conflict
from .discovery import Calendar, find_calendar
from .errors import (
    CalendarNotFoundError,
    ConnectionFailedError,
    InsecureWarning,
    PublishError,
)
from .objects import SCOPE, ServerObject, read_object
from .render import Planned, render
from .report import Failure, PublishReport

__all__ = ["publish"]

_XML = {"Content-Type": "application/xml; charset=utf-8", "Depth": "1"}
_ICS = {"Content-Type": "text/calendar; charset=utf-8"}
_FILTER_REFUSED = frozenset({400, 403, 405, 415, 422, 501})
"""REPORT answers of a server that cannot filter on our marker: ask for every event."""


def publish(timeline: mitimeline.Timeline, url: str, *, calendar: str | None = None,
            auth: tuple[str, str] | None = None, prune: bool = False, dry_run: bool = False,
            force: bool = False, create: bool = False, insecure: bool = False,
            scope: str | None = None) -> PublishReport:
    """Make the calendar at ``url`` (or the one named ``calendar`` there; ``create`` makes
    it if missing) hold ``timeline``'s events, one object each; return what was done.

    ``scope`` (default: the timeline's title, as for UIDs in ``.ics`` exports) marks our
    objects. ``auth`` is (user, password); by default found as :func:`find_credentials`
    says. ``dry_run`` reads but writes nothing. ``insecure`` skips TLS certificate checks
    (with an :class:`InsecureWarning`). Raises :class:`PublishError` (a
    :class:`~mitimeline.MitimelineError`) when publishing cannot start; what fails after
    it started is in the report's ``failed``.
    """
    scope = timeline.title if scope is None else scope
    planned = render(timeline, scope)
    if auth is None:
        auth = find_credentials(url)
    _warn_if_insecure(url, auth, insecure)
    client = Client(url, auth, verify=not insecure)
    try:
        try:
            found = find_calendar(client, url, calendar, create and not dry_run)
        except CalendarNotFoundError:
            if not (dry_run and create and calendar):
                raise
            return PublishReport(f"{url} (a new calendar {calendar!r})",
                                 created=[p.event_id for p in planned],
                                 requests=client.requests, dry_run=True)
        ours = _list_ours(client, found.url, scope)
        run = _Run(client, found, scope, ours, force=force, dry_run=dry_run)
        for item in planned:
            run.publish(item)
        if prune:
            keep = {item.uid for item in planned}
            for obj in ours:
                if obj.uid not in keep:
                    run.delete(obj)
        return run.report()
    finally:
        client.close()


def _warn_if_insecure(url: str, auth: tuple[str, str] | None, insecure: bool) -> None:
    parts = urlsplit(url)
    if insecure:
        warnings.warn(InsecureWarning(
            f"not checking the TLS certificate of {parts.hostname}: anyone on the way can "
            f"read and change what is sent"), stacklevel=3)
    if auth is not None and parts.scheme.lower() == "http" and not _local(parts.hostname):
        warnings.warn(InsecureWarning(
            f"sending the password for {auth[0]} to {parts.hostname} unencrypted (http://); "
            f"use https://"), stacklevel=3)


def _local(host: str | None) -> bool:
    if host in (None, "localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _list_ours(client: Client, calendar: str, scope: str) -> list[ServerObject]:
    """Our objects in ``calendar``: a calendar-query for VEVENTs with the scope marker (or,
    if the server cannot filter so, for all of them), checked here against ``scope``."""
    response = client.request("REPORT", calendar, calendar_query(SCOPE), _XML)
    if response.status in _FILTER_REFUSED:
        response = client.request("REPORT", calendar, calendar_query(None), _XML)
    if response.status != 207:
        raise PublishError(f"cannot list the events of {calendar}: REPORT answered "
                           f"{response.describe()}; expected 207 Multi-Status")
    objects = _objects(response)
    seen: set[str | None] = set()
    ours = []
    for obj in objects:
        if obj.is_ours(scope) and obj.uid not in seen:
            seen.add(obj.uid)
            ours.append(obj)
    return ours


def _objects(response: Response) -> list[ServerObject]:
    try:
        entries = multistatus(response.body, response.url)
    except ValueError as exc:
        raise PublishError(f"cannot read the events of {response.url}: {exc}") from None
    return [read_object(entry.url, entry.etag, entry.data) for entry in entries
            if entry.data is not None]


@attrs.define
class _Run:
    """One publication under way: the requests for each event, and what became of it."""

    client: Client
    calendar: Calendar
    scope: str
    ours: list[ServerObject]
    force: bool
    dry_run: bool
    outcomes: dict[str, list[str]] = attrs.Factory(
        lambda: {name: [] for name in ("created", "updated", "unchanged", "deleted",
                                       "conflicts")})
    failed: list[Failure] = attrs.Factory(list)
    broken: str | None = None
    by_uid: dict[str | None, ServerObject] = attrs.Factory(dict)

    def __attrs_post_init__(self) -> None:
        self.by_uid = {obj.uid: obj for obj in self.ours}

    def report(self) -> PublishReport:
        return PublishReport(self.calendar.url, **self.outcomes, failed=self.failed,
                             requests=self.client.requests, dry_run=self.dry_run)

    def publish(self, item: Planned) -> None:
        """Create, update or leave ``item``'s object, as the server's copy requires."""
        existing = self.by_uid.get(item.uid)
        if existing is not None and existing.edited and not self.force:
            self._note("conflicts", item.event_id)
        elif existing is not None and not existing.edited and existing.hash == item.hash:
            self._note("unchanged", item.event_id)
        elif self.dry_run:
            self._note("created" if existing is None else "updated", item.event_id)
        else:
            self._guarded(item.event_id, lambda: self._write(item, existing))

    def delete(self, obj: ServerObject) -> None:
        """Delete our object ``obj``, which left the timeline, unless someone changed it."""
        event_id = obj.event_id or obj.uid or obj.href
        if obj.edited and not self.force:
            self._note("conflicts", event_id)
        elif self.dry_run:
            self._note("deleted", event_id)
        else:
            self._guarded(event_id, lambda: self._delete(obj, event_id))

    def _guarded(self, event_id: str, action: Callable[[], None]) -> None:
        """Run ``action`` unless the connection already failed in this run; a connection
        failure fails this event and marks every later one as not sent."""
        if self.broken is not None:
            self.failed.append(Failure(event_id, f"not sent: {self.broken}"))
            return
        try:
            action()
        except ConnectionFailedError as exc:
            self.broken = f"the connection failed earlier in this run ({exc})"
            self.failed.append(Failure(event_id, str(exc)))

    def _note(self, outcome: str, event_id: str) -> None:
        self.outcomes[outcome].append(event_id)

    def _write(self, item: Planned, existing: ServerObject | None) -> None:
        if existing is None:
            self._create(item, self.calendar.url + item.name)
        else:
            self._update(item, existing)

    def _create(self, item: Planned, url: str) -> None:
        response = self._put(url, item, {"If-None-Match": "*"})
        if response.ok:
            self._note("created", item.event_id)
            return
        conflict, holder = no_uid_conflict(response.body, response.url)
        if conflict:
            holder = holder or self._find_uid(item.uid)
            found = None if holder is None else self._get(holder)
            if found is None:
                self._fail(item, f"the server says another object holds its UID {item.uid} "
                                 f"but it cannot be found")
            else:
                self._take_over(item, found)
        elif response.status == 412:
            found = self._get(url)
            if found is not None and found.uid == item.uid:
                self._take_over(item, found)
            else:
                self._fail(item, f"another calendar object already has the name {item.name}; "
                                 f"left alone")
        else:
            self._fail(item, f"creating it failed: PUT answered {response.describe()}")

    def _take_over(self, item: Planned, found: ServerObject) -> None:
        """``found`` holds ``item``'s UID (our own earlier write, or a copy of the event
        imported from an ``.ics`` file): make it hold ``item``."""
        if found.is_ours(self.scope) and found.hash == item.hash and not found.edited:
            self._note("created", item.event_id)
        else:
            self._update(item, found)

    def _update(self, item: Planned, existing: ServerObject) -> None:
        response = self._put(existing.href, item, _if_match(existing.etag))
        if response.ok:
            self._note("updated", item.event_id)
        elif response.status == 412:
            now = self._get(existing.href)
            if now is not None and now.hash == item.hash and not now.edited:
                self._note("updated", item.event_id)  # our own write, retried
            else:
                self._note("conflicts", item.event_id)
        elif response.status == 404:
            self._create(item, existing.href)
        else:
            self._fail(item, f"updating it failed: PUT answered {response.describe()}")

    def _delete(self, obj: ServerObject, event_id: str) -> None:
        response = self.client.request("DELETE", obj.href, None, _if_match(obj.etag))
        if response.ok or response.status == 404:
            self._note("deleted", event_id)
        elif response.status == 412:
            self._note("conflicts", event_id)
        else:
            self.failed.append(Failure(event_id, f"deleting it failed: DELETE answered "
                                                 f"{response.describe()}"))

    def _put(self, url: str, item: Planned, condition: dict[str, str]) -> Response:
        return self.client.request("PUT", url, item.text.encode("utf-8"), {**_ICS, **condition})

    def _get(self, url: str) -> ServerObject | None:
        response = self.client.request("GET", url)
        if response.status != 200:
            return None
        return read_object(url, response.headers.get("etag"),
                           response.body.decode("utf-8", "replace"))

    def _find_uid(self, uid: str) -> str | None:
        response = self.client.request("REPORT", self.calendar.url,
                                       calendar_query("UID", uid), _XML)
        if response.status != 207:
            return None
        return next((obj.href for obj in _objects(response) if obj.uid == uid), None)

    def _fail(self, item: Planned, reason: str) -> None:
        self.failed.append(Failure(item.event_id, reason))


def _if_match(etag: str | None) -> dict[str, str]:
    return {} if etag is None else {"If-Match": etag}
