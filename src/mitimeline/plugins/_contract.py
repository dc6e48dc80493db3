"""The one set of rules a registered parser or exporter must keep (its name, extensions,
media types and ``Options``), used both by the registry and by ``mitimeline.testing``.

:func:`breaches` says what is wrong; each caller words it for its audience (a
:class:`~mitimeline.PluginLoadWarning` at load time, an ``AssertionError`` in a plugin's
tests), so the rule itself lives only here.
"""

from __future__ import annotations

import re

import attrs

from ..formats import Exporter, Parser

__all__ = ["EXTENSION", "FORMAT_NAME", "MEDIA_TYPE", "Breach", "breaches"]

_SLUG = r"[a-z0-9]+(?:[-_][a-z0-9]+)*"

FORMAT_NAME = re.compile(_SLUG)
"""A format name: a lower-case slug (``ical``, ``gantt-svg``); no dots, which belong to
extensions, and no colons, which separate ``plugin:name``."""

EXTENSION = re.compile(rf"(?:\.{_SLUG})+")
"""A file extension: a dot and a lower-case slug, possibly in several parts (``.ics``,
``.timelinejs.json``); file names are matched against it case-insensitively."""

MEDIA_TYPE = re.compile(r"[A-Za-z0-9][\w!#$&^.+-]*/[A-Za-z0-9][\w!#$&^.+-]*")
"""A MIME type without parameters: ``type/subtype`` (``text/calendar``)."""


@attrs.frozen
class Breach:
    """One broken rule: ``field`` holds ``value``, where ``expected`` was wanted.

    ``rule`` names the rule broken (``name``, ``extensions``, ``extension``, ``media_types``,
    ``media_type``, ``Options``); it differs from ``field`` only for one bad member of a
    parser's ``extensions`` or ``media_types``.
    """

    rule: str
    field: str
    value: object
    expected: str

    def describe(self, label: str) -> str:
        """E.g. ``Parser LinesParser has extension 'lines'; expected a dot and a suffix ...``."""
        return f"{label} has {self.field} {self.value!r}; expected {self.expected}"


_NAME = "a lower-case slug such as 'ical'"
_ONE_EXTENSION = "a dot and a lower-case suffix such as '.ics'"
_ONE_MEDIA_TYPE = "a MIME type such as 'text/calendar'"


def breaches(fmt: Parser | Exporter) -> list[Breach]:
    """Every rule ``fmt`` breaks, in the order name, extensions, media types, ``Options``."""
    found: list[Breach] = []
    name = getattr(fmt, "name", None)
    if not isinstance(name, str) or not FORMAT_NAME.fullmatch(name):
        found.append(Breach("name", "name", name, _NAME))
    if isinstance(fmt, Parser):
        found += _members("extensions", "extension", fmt.extensions, EXTENSION, _ONE_EXTENSION)
        found += _members("media_types", "media type", fmt.media_types, MEDIA_TYPE,
                          _ONE_MEDIA_TYPE)
    else:
        extension = getattr(fmt, "extension", None)
        if not _matches(EXTENSION, extension):
            found.append(Breach("extension", "extension", extension, _ONE_EXTENSION))
        if not _matches(MEDIA_TYPE, fmt.media_type):
            found.append(Breach("media_type", "media_type", fmt.media_type, _ONE_MEDIA_TYPE))
    if not attrs.has(fmt.Options):
        found.append(Breach("Options", "Options", fmt.Options, "an attrs class"))
    return found


def _members(rule: str, member: str, value: object, pattern: re.Pattern[str],
             expected: str) -> list[Breach]:
    """A parser's ``extensions`` or ``media_types``: a tuple of strings, each well formed."""
    if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
        return [Breach(rule, rule, value, f"a tuple of strings, each {expected}")]
    return [Breach(rule, member, item, expected) for item in value
            if not pattern.fullmatch(item)]


def _matches(pattern: re.Pattern[str], value: object) -> bool:
    return isinstance(value, str) and pattern.fullmatch(value) is not None
