"""WebDAV and CalDAV XML: the request bodies we send and the ``multistatus`` answers we
read (RFC 4918, RFC 4791), with ``xml.etree`` (no entities are expanded from outside)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import unquote, urljoin
from xml.sax.saxutils import escape

import attrs

__all__ = [
    "HOME_PROPFIND",
    "LIST_PROPFIND",
    "Entry",
    "calendar_query",
    "mkcalendar",
    "multistatus",
    "no_uid_conflict",
    "same_resource",
]

DAV, CALDAV = "DAV:", "urn:ietf:params:xml:ns:caldav"
_HEAD = '<?xml version="1.0" encoding="utf-8"?>'
_NS = f'xmlns:D="{DAV}" xmlns:C="{CALDAV}"'

HOME_PROPFIND = (
    f'{_HEAD}<D:propfind {_NS}><D:prop><D:resourcetype/><D:displayname/>'
    f'<D:current-user-principal/><C:calendar-home-set/></D:prop></D:propfind>'
).encode()
"""PROPFIND body: what a URL is (a calendar?), and where the user's calendars live."""

LIST_PROPFIND = (
    f'{_HEAD}<D:propfind {_NS}><D:prop><D:resourcetype/><D:displayname/>'
    f'<C:supported-calendar-component-set/></D:prop></D:propfind>'
).encode()
"""PROPFIND body (Depth 1 on a calendar home): the calendars in it and their names."""


def calendar_query(prop_filter: str | None, text: str | None = None) -> bytes:
    """REPORT calendar-query body asking for the ETag and data of every VEVENT object, or,
    with ``prop_filter``, of those with that property (containing ``text``, if given)."""
    inner = ""
    if prop_filter is not None:
        match = "" if text is None else (
            f'<C:text-match collation="i;octet">{escape(text)}</C:text-match>')
        inner = f'<C:prop-filter name="{prop_filter}">{match}</C:prop-filter>'
    return (
        f'{_HEAD}<C:calendar-query {_NS}><D:prop><D:getetag/><C:calendar-data/></D:prop>'
        f'<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">{inner}'
        f'</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>'
    ).encode()


def mkcalendar(name: str) -> bytes:
    """MKCALENDAR body: a calendar of events named ``name``."""
    return (
        f'{_HEAD}<C:mkcalendar {_NS}><D:set><D:prop><D:displayname>{escape(name)}'
        f'</D:displayname><C:supported-calendar-component-set><C:comp name="VEVENT"/>'
        f'</C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>'
    ).encode()


@attrs.frozen
class Entry:
    """One ``response`` of a multistatus: its absolute ``url`` and what was found of the
    properties asked for (absent ones are None)."""

    url: str
    collection: bool = False
    calendar: bool = False
    displayname: str | None = None
    principal: str | None = None
    home: str | None = None
    etag: str | None = None
    data: str | None = None
    components: tuple[str, ...] | None = None


def multistatus(body: bytes, base: str) -> list[Entry]:
    """The entries of a ``207 Multi-Status`` body, hrefs resolved against ``base``; raises
    ``ValueError`` when it is not a DAV multistatus document."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ValueError(f"not XML: {exc}") from None
    if root.tag != f"{{{DAV}}}multistatus":
        raise ValueError(f"expected a DAV:multistatus document, got <{root.tag}>")
    entries = []
    for response in root.findall(f"{{{DAV}}}response"):
        href = response.findtext(f"{{{DAV}}}href")
        if not href:
            continue
        found: dict[str, object] = {}
        for propstat in response.findall(f"{{{DAV}}}propstat"):
            status = propstat.findtext(f"{{{DAV}}}status") or ""
            if " 200 " not in f"{status} ":
                continue
            for prop in propstat.findall(f"{{{DAV}}}prop"):
                _read_props(prop, base, found)
        entries.append(Entry(urljoin(base, href.strip()), **found))  # type: ignore[arg-type]
    return entries


def _read_props(prop: ET.Element, base: str, found: dict[str, object]) -> None:
    resourcetype = prop.find(f"{{{DAV}}}resourcetype")
    if resourcetype is not None:
        found["collection"] = resourcetype.find(f"{{{DAV}}}collection") is not None
        found["calendar"] = resourcetype.find(f"{{{CALDAV}}}calendar") is not None
    name = prop.find(f"{{{DAV}}}displayname")
    if name is not None and name.text:
        found["displayname"] = name.text.strip()
    for key, tag in (("principal", f"{{{DAV}}}current-user-principal"),
                     ("home", f"{{{CALDAV}}}calendar-home-set")):
        href = prop.findtext(f"{tag}/{{{DAV}}}href")
        if href:
            found[key] = urljoin(base, href.strip())
    etag = prop.findtext(f"{{{DAV}}}getetag")
    if etag:
        found["etag"] = etag.strip()
    data = prop.find(f"{{{CALDAV}}}calendar-data")
    if data is not None and data.text:
        found["data"] = data.text
    components = prop.find(f"{{{CALDAV}}}supported-calendar-component-set")
    if components is not None:
        found["components"] = tuple(comp.get("name", "").upper()
                                    for comp in components.findall(f"{{{CALDAV}}}comp"))


def no_uid_conflict(body: bytes, base: str) -> tuple[bool, str | None]:
    """Whether an error body states the CalDAV ``no-uid-conflict`` precondition, and the URL
    of the object already holding the UID when the server names it."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return False, None
    conflict = root.find(f".//{{{CALDAV}}}no-uid-conflict")
    if conflict is None:
        return False, None
    href = conflict.findtext(f"{{{DAV}}}href")
    return True, urljoin(base, href.strip()) if href else None


def same_resource(a: str, b: str) -> bool:
    """True when two URLs name the same resource (percent-encoding and a final ``/`` aside)."""
    return unquote(a).rstrip("/") == unquote(b).rstrip("/")
