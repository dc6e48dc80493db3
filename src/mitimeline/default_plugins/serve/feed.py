"""One timeline file served in several formats: read again when it changes on disk, each
format rendered once per version of the file, through the public format registry.

A version of the file is known by its modification time, size and inode. A request made
after the file changed reads it again; a file that cannot be read (missing, invalid, not a
timeline) makes every request fail with :class:`FeedUnavailable` until it is valid again,
so no client is ever given data the file no longer says.
"""

from __future__ import annotations

import hashlib
import io
import os
import threading
from collections.abc import Callable, Mapping
from typing import Any, NoReturn

import attrs

from mitimeline.api import export, load
from mitimeline.errors import MitimelineError
from mitimeline.plugins import find_exporter
from mitimeline.timeline import Timeline

__all__ = ["Feed", "FeedUnavailable", "Representation", "media_type_of"]

_Version = tuple[int, int, int]
"""``(st_mtime_ns, st_size, st_ino)``: what tells one version of the file from another."""
_TEXT_TYPES = ("text/", "application/xml", "image/svg+xml")
"""Media types that take a ``charset`` parameter (JSON does not: RFC 8259 §11)."""
_ATTEMPTS = 3
"""Reads of a file that keeps changing while it is read, before giving up for this request."""


class FeedUnavailable(Exception):
    """The timeline file cannot be served now; the message says why, naming the file."""


@attrs.frozen
class Representation:
    """One format of one version of the file: the bytes and what HTTP says of them."""

    body: bytes
    media_type: str
    """The ``Content-Type``, with ``charset=utf-8`` for text formats."""
    etag: str
    """A strong entity tag, quoted: a hash of ``body``, so equal bytes get equal tags."""
    modified: int
    """The file's modification time, whole seconds since the epoch (``Last-Modified``)."""


def media_type_of(format: str) -> str:
    """The ``Content-Type`` of ``format``'s exporter, with ``charset=utf-8`` when it is text."""
    exporter = find_exporter(format)
    media_type = exporter.media_type
    if not exporter.binary and media_type.startswith(_TEXT_TYPES):
        return f"{media_type}; charset=utf-8"
    return media_type


@attrs.frozen
class _Reading:
    """A version of the file read successfully, and its formats rendered so far."""

    version: _Version
    timeline: Timeline
    modified: int
    rendered: dict[str, Representation] = attrs.field(factory=dict)


class Feed:
    """The timeline at ``path``, served as the formats asked for; safe to share between
    threads. ``options`` maps a format name to its exporter options; ``log`` receives one
    line each time the file is read again or found broken."""

    def __init__(self, path: str, options: Mapping[str, Mapping[str, Any]] | None = None,
                 log: Callable[[str], None] | None = None) -> None:
        self.path = path
        self.options = dict(options or {})
        self.log = log or (lambda line: None)
        self._lock = threading.Lock()
        self._reading: _Reading | None = None
        self._broken: tuple[_Version | None, str] | None = None

    def get(self, format: str) -> Representation:
        """``format`` of the current version of the file (rendered once per version);
        :class:`FeedUnavailable` when the file cannot be read or the format written."""
        with self._lock:
            reading = self._current()
            found = reading.rendered.get(format)
            if found is None:
                found = reading.rendered[format] = self._render(reading, format)
            return found

    def _current(self) -> _Reading:
        for _attempt in range(_ATTEMPTS):
            version = self._version()
            if version is None:
                self._fail(None, f"cannot read {self.path}: the file is missing or unreadable")
            if self._reading is not None and self._reading.version == version:
                return self._reading
            if self._broken is not None and self._broken[0] == version:
                raise FeedUnavailable(self._broken[1])
            try:
                timeline = load(self.path)
            except MitimelineError as exc:
                self._fail(version, f"cannot read {self.path}: {exc}")
            if self._version() == version:  # not changed while it was read
                return self._keep(version, timeline)
        raise FeedUnavailable(f"{self.path} keeps changing while it is read; try again")

    def _version(self) -> _Version | None:
        try:
            status = os.stat(self.path)
        except OSError:
            return None
        return (status.st_mtime_ns, status.st_size, status.st_ino)

    def _fail(self, version: _Version | None, message: str) -> NoReturn:
        """Remember (and log once) that this version of the file is broken; raise."""
        self._reading = None
        if self._broken != (version, message):
            self.log(f"{message}; answering 500 until the file is valid again")
        self._broken = (version, message)
        raise FeedUnavailable(message)

    def _keep(self, version: _Version, timeline: Timeline) -> _Reading:
        if self._reading is not None or self._broken is not None:
            self.log(f"read {self.path} again: {len(timeline)} events")
        self._broken = None
        self._reading = _Reading(version, timeline, version[0] // 1_000_000_000)
        return self._reading

    def _render(self, reading: _Reading, format: str) -> Representation:
        buffer = io.BytesIO()
        try:
            export(reading.timeline, buffer, format=format, **self.options.get(format, {}))
        except MitimelineError as exc:
            raise FeedUnavailable(f"cannot write {self.path} as {format}: {exc}") from exc
        body = buffer.getvalue()
        tag = hashlib.sha256(body).hexdigest()[:32]
        return Representation(body, media_type_of(format), f'"{tag}"', reading.modified)
