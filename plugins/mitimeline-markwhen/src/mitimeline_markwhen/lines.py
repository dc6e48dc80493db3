"""The shape of a Markwhen document's lines, shared by the reader and the writer.

An event line is ``DATE: text``; the text holds ``#tags`` and a ``[Place](location)`` link
besides the title. Property lines ``key: value`` follow it directly; then description
lines, until the next event line, section heading, ``group``/``section`` line or its end.
These patterns are Markwhen 1.2's own (``TAG_REGEX``, ``LOCATION_REGEX``,
``MARKDOWN_SECTION_REGEX``, its property-key pattern), so what the reader finds is what
Markwhen finds.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = ["COMMENT", "GROUP_END", "GROUP_START", "PROPERTY", "SECTION", "TitleLine",
           "display", "is_plain_description", "read_title_line", "slug"]

TAG = re.compile(r"(?:^|\s)#(?!\d+(?:\s|$))(\w+)", re.ASCII)
LOCATION = re.compile(r"\[([^\]]+)\]\((?:location|map)\)")
SECTION = re.compile(r"\s*(#{1,6})\s+(.*)")
GROUP_START = re.compile(r"\s*(?:group|section)(?:\s+(.*))?", re.I)
GROUP_END = re.compile(r"\s*end(?:group|section)\s*", re.I)
PROPERTY = re.compile(r"(?!-)\s*([\w\-.]+):(?:\s+(.*))?", re.ASCII)
COMMENT = re.compile(r"\s*//")
_DESCRIPTION_UNSAFE = re.compile(r"[:#\[\]!@%]|^[-+/\d]|^(?:group|section|end)", re.I)


@attrs.frozen
class TitleLine:
    """What the text of an event line says: the title, the ``#tags``, the location names."""

    title: str
    tags: tuple[str, ...]
    locations: tuple[str, ...]


def read_title_line(text: str) -> TitleLine:
    """Split the text after ``DATE:`` as Markwhen does: location links and tags come out,
    the rest, its white space runs made single spaces, is the title."""
    locations = tuple(LOCATION.findall(text))
    rest = LOCATION.sub("", text)
    tags = tuple(dict.fromkeys(TAG.findall(rest)))
    return TitleLine(display(TAG.sub(" ", rest)), tags, locations)


def display(text: str) -> str:
    """``text`` on one line: every run of white space (line breaks included) one space."""
    return " ".join(text.split())


def slug(tag: str) -> str:
    """``tag`` as a Markwhen tag, ``[A-Za-z0-9_]+``: accents dropped (``É`` is ``E``),
    runs of other characters ``_``; ``_`` before a tag of digits only (Markwhen ignores
    ``#2020``); ``tag`` when nothing is left."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", tag)
                    if not unicodedata.combining(c))
    word = re.sub(r"[^A-Za-z0-9_]+", "_", plain).strip("_") or "tag"
    return "_" + word if word.isdigit() else word


def is_plain_description(description: str) -> bool:
    """Whether ``description`` can be written as text lines that Markwhen and the reader
    both keep as they are: no white space at the ends of a line, and nothing Markwhen reads
    as syntax (``:``, ``#``, brackets, ``!``, ``@``, ``%``, a leading digit, ``-`` or ``/``,
    a leading ``group``/``section``/``end``)."""
    lines = description.split("\n")
    if not lines[0] or not lines[-1]:
        return False
    return all(
        line == display(line) and all(c.isprintable() for c in line)
        and not _DESCRIPTION_UNSAFE.search(line)
        for line in lines
    )
