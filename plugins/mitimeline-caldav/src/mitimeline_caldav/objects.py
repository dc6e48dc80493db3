"""Calendar objects as text: the name an object gets from its UID, the scope marker and
content hash we add to each VEVENT, and what we read back from a server's copy.

Only the standard library: a calendar object is read as RFC 5545 content lines (unfolded,
split into name, parameters and value), enough to find our properties and to compute the
content digest, which ignores what servers change when they store an object (the order of
properties and parameters, line folding, text escaping) and what other clients add for
their own bookkeeping (``X-`` properties not ours, nested components such as ``VALARM``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import attrs

__all__ = [
    "HASH",
    "SCOPE",
    "ServerObject",
    "content_digest",
    "marked",
    "object_name",
    "read_object",
]

SCOPE = "X-MITIMELINE-SCOPE"
"""The VEVENT property naming the timeline's scope: objects carrying it with our scope are
ours; every other object in the calendar is someone else's and never written."""
HASH = "X-MITIMELINE-HASH"
"""The VEVENT property holding :func:`content_digest` of the object as we last wrote it."""
EVENT_ID = "X-MITIMELINE-ID"
"""The event id the ``ical`` exporter writes (read back to name pruned objects)."""

IGNORED = frozenset({"DTSTAMP", "LAST-MODIFIED", "CREATED", "SEQUENCE", SCOPE, HASH})
"""VEVENT properties the digest leaves out: stamps servers and clients rewrite freely, and
our marker and hash themselves."""

_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,120}")
_HASHED_SUFFIX = ".sha256"


def object_name(uid: str) -> str:
    """The resource name of the object holding ``uid``: ``UID.ics`` when the UID is short and
    URL-safe (``[A-Za-z0-9._@-]``, not ending in ``.sha256``), else ``<sha256 of the UID>
    .sha256.ics``; distinct UIDs get distinct names, and every name is URL-safe ASCII."""
    if _SAFE_NAME.fullmatch(uid) and not uid.endswith(_HASHED_SUFFIX):
        return f"{uid}.ics"
    digest = hashlib.sha256(uid.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{digest}{_HASHED_SUFFIX}.ics"


@attrs.frozen
class Property:
    """One content line: upper-case ``name``, ``params`` as sorted (NAME, value) pairs with
    quotes removed, and the raw ``value``."""

    name: str
    params: tuple[tuple[str, str], ...]
    value: str


def content_lines(text: str) -> Iterator[str]:
    """The unfolded content lines of ``text`` (CRLF or LF line ends), blank lines dropped."""
    current: str | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line[:1] in (" ", "\t") and current is not None:
            current += line[1:]
            continue
        if current:
            yield current
        current = line
    if current:
        yield current


def parse_line(line: str) -> Property:
    """Split one unfolded content line at the first ``:`` outside double quotes."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            head, value = line[:index], line[index + 1:]
            break
    else:
        head, value = line, ""
    name, *raw_params = _split_params(head)
    params = []
    for raw in raw_params:
        key, _, param_value = raw.partition("=")
        params.append((key.upper(), param_value.replace('"', "")))
    return Property(name.upper(), tuple(sorted(params)), value)


def _split_params(head: str) -> list[str]:
    parts, quoted, start = [], False, 0
    for index, char in enumerate(head):
        if char == '"':
            quoted = not quoted
        elif char == ";" and not quoted:
            parts.append(head[start:index])
            start = index + 1
    parts.append(head[start:])
    return parts


def _events(text: str) -> list[list[Property]]:
    """The properties of each top-level VEVENT in ``text`` (nested components left out)."""
    events: list[list[Property]] = []
    depth = 0
    current: list[Property] | None = None
    for line in content_lines(text):
        prop = parse_line(line)
        if prop.name == "BEGIN":
            depth += 1
            if depth == 2 and prop.value.upper() == "VEVENT":
                current = []
        elif prop.name == "END":
            if depth == 2 and current is not None:
                events.append(current)
                current = None
            depth -= 1
        elif depth == 2 and current is not None:
            current.append(prop)
    return events


def _calendar_properties(text: str) -> list[Property]:
    """The VCALENDAR's own ``X-MITIMELINE-*`` properties (the timeline's data)."""
    depth, found = 0, []
    for line in content_lines(text):
        prop = parse_line(line)
        if prop.name == "BEGIN":
            depth += 1
        elif prop.name == "END":
            depth -= 1
        elif depth == 1 and prop.name.startswith("X-MITIMELINE-"):
            found.append(prop)
    return found


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _value(prop: Property) -> str:
    """The value as compared: text unescaped; GEO's two numbers as numbers (Xandikos
    rewrites ``62.3081`` as ``62.308100``)."""
    if prop.name == "GEO":
        try:
            return ";".join(repr(round(float(part), 6)) for part in prop.value.split(";"))
        except ValueError:
            pass
    return _unescape(prop.value)


def _counts(prop: Property) -> bool:
    name = prop.name
    if name in IGNORED:
        return False
    return not name.startswith("X-") or name.startswith("X-MITIMELINE-")


def _digest(calendar: list[Property], event: list[Property]) -> str:
    lines = sorted(
        f"{where}\x1f{prop.name}\x1f"
        + "\x1e".join(f"{key}={value}" for key, value in prop.params)
        + f"\x1f{_value(prop)}"
        for where, props in (("C", calendar), ("E", event))
        for prop in props
        if _counts(prop)
    )
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    return "1-" + hashlib.sha256(data).hexdigest()[:32]


def content_digest(text: str) -> str:
    """The digest of a one-VEVENT calendar object: its VEVENT's properties but stamps,
    other clients' ``X-`` properties and nested components, plus the VCALENDAR's
    ``X-MITIMELINE-*`` properties; the same however a server reorders, refolds or
    re-escapes them. Raises ``ValueError`` unless ``text`` holds exactly one VEVENT."""
    events = _events(text)
    if len(events) != 1:
        raise ValueError(f"expected one VEVENT, found {len(events)}")
    return _digest(_calendar_properties(text), events[0])


def marked(text: str, scope: str) -> tuple[str, str]:
    """``text`` (one VEVENT, as the ``ical`` exporter writes it) with the scope marker and
    its content hash added before ``END:VEVENT``; and that hash."""
    digest = content_digest(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    extra = _fold(f"{SCOPE}:{_escape(scope)}", newline) + f"{HASH}:{digest}{newline}"
    end = text.rindex("END:VEVENT")
    return text[:end] + extra + text[end:], digest


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str, newline: str) -> str:
    """``line`` folded at 75 octets, never inside a UTF-8 character, ending in ``newline``."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8", "surrogatepass"))
        limit = 75 if not pieces else 74  # continuation lines start with a space
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return (newline + " ").join(pieces) + newline


@attrs.frozen
class ServerObject:
    """What a server holds at ``href``: its ``etag``; and from its one VEVENT the ``uid``,
    our ``scope`` marker and stored ``hash`` (None when absent), the ``event_id`` and the
    ``digest`` of the content as it is now (None when it is not one VEVENT)."""

    href: str
    etag: str | None
    uid: str | None
    scope: str | None
    hash: str | None
    event_id: str | None
    digest: str | None

    def is_ours(self, scope: str) -> bool:
        """True when it carries the scope marker ``scope`` (and is one VEVENT)."""
        return self.scope == scope and self.digest is not None

    @property
    def edited(self) -> bool:
        """True when its content is no longer what we wrote (someone else changed it)."""
        return self.hash != self.digest


def read_object(href: str, etag: str | None, text: str) -> ServerObject:
    """Read a server's copy of a calendar object (any object: ours or not)."""
    events = _events(text)
    if len(events) != 1:
        return ServerObject(href, etag, None, None, None, None, None)
    values = {prop.name: prop.value for prop in reversed(events[0])}  # the first one wins
    scope = values.get(SCOPE)
    uid = values.get("UID")
    event_id = values.get(EVENT_ID)
    return ServerObject(
        href, etag,
        None if uid is None else _unescape(uid),
        None if scope is None else _unescape(scope),
        values.get(HASH),
        None if event_id is None else _unescape(event_id),
        _digest(_calendar_properties(text), events[0]),
    )
