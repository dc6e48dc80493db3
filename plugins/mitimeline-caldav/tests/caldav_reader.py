"""python-caldav, a second CalDAV client: it reads back what we published, and plays
"someone else" who adds and edits events in the same calendar."""

from __future__ import annotations

from typing import Any

import caldav

FOREIGN = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//someone else//EN\r
BEGIN:VEVENT\r
UID:{uid}\r
DTSTAMP:20200101T000000Z\r
DTSTART;VALUE=DATE:20201001\r
DTEND;VALUE=DATE:20201002\r
SUMMARY:{summary}\r
END:VEVENT\r
END:VCALENDAR\r
"""


def calendar_of(url: str, auth: tuple[str, str] | None) -> Any:
    """python-caldav's view of the calendar at ``url``."""
    user, password = auth if auth is not None else (None, None)
    client = caldav.DAVClient(url=url, username=user, password=password)
    return client.calendar(url=url)


def events(url: str, auth: tuple[str, str] | None) -> dict[str, Any]:
    """Every VEVENT in the calendar (an ``icalendar`` component), by UID; fails on a
    repeated UID."""
    found: dict[str, Any] = {}
    for obj in calendar_of(url, auth).events():
        component = obj.icalendar_component
        uid = str(component["UID"])
        assert uid not in found, f"UID {uid} is in the calendar twice"
        found[uid] = component
    return found


def add_foreign(url: str, auth: tuple[str, str] | None, uid: str, summary: str) -> None:
    """Another client adds an event of its own."""
    calendar_of(url, auth).save_event(FOREIGN.format(uid=uid, summary=summary))


def edit_summary(url: str, auth: tuple[str, str] | None, uid: str, summary: str) -> None:
    """Another client renames the event ``uid``."""
    obj = calendar_of(url, auth).event_by_uid(uid)
    obj.icalendar_component["SUMMARY"] = summary
    obj.save()
