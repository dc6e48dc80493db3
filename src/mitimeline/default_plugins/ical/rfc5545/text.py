"""RFC 5545 TEXT values and content-line folding: escaping, text lists, what TEXT may hold.

Writing follows ``icalendar`` 7.3 byte for byte (its ``_escape_char`` and ``_foldline``; the
tests keep icalendar as the reference), with one deliberate difference: icalendar turns the
two characters ``\\N`` into a line break before escaping, which changes the text; we escape
the backslash like any other. Reading is lenient where real files are sloppy.
"""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring

__all__ = [
    "FOLD_LIMIT",
    "escape_text",
    "fold",
    "fold_text",
    "json_text",
    "one_break_each",
    "split_text_list",
    "unescape_text",
    "visible_line",
    "visible_text",
]

_NEEDS_ESCAPE = re.compile(r"[\\;,\r\n]")
FOLD_LIMIT = 74
"""Octets per physical line before the CRLF, continuation lines after their leading space
(icalendar folds at ``>= 75``: 74 + the space = 75 octets, the RFC's SHOULD)."""
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_LINE_BREAK = re.compile("\r\n?|[\x85\u2028\u2029]")
_UNUSUAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""What :func:`visible_text` changes: the union of the two above."""
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_UNESCAPED = {"n": "\n", "N": "\n"}


def escape_text(value: str) -> str:
    """``value`` as an RFC 5545 TEXT value: ``\\``, ``;``, ``,`` and line breaks escaped
    (``\\r\\n``, ``\\r`` and ``\\n`` all become ``\\n``)."""
    if _NEEDS_ESCAPE.search(value) is None:
        return value
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def visible_text(value: str) -> str:
    """``value`` as TEXT can hold it and every client reads it: control characters (C0 but
    tab and line breaks, DEL, C1) are removed; ``\\r\\n``, ``\\r``, NEL and the Unicode line
    and paragraph separators become ``\\n`` (parsers that split lines with Python's
    ``str.splitlines`` would break there)."""
    if _UNUSUAL.search(value) is None:
        return value
    return one_break_each(_FORBIDDEN.sub("", value))


def one_break_each(value: str) -> str:
    """``value`` with every line break (``\r\n``, ``\r``, NEL, the Unicode line and
    paragraph separators) as ``\n``: pieces joined with ``\n`` after this keep their count
    of breaks ("x\r" + "\n" is two, not one CRLF)."""
    return _LINE_BREAK.sub("\n", value)


def visible_line(value: str) -> str:
    """:func:`visible_text` on one line: line breaks become spaces (SUMMARY; calcurse skips
    an event whose summary holds a line break)."""
    return visible_text(value).replace("\n", " ")


def json_text(value: object) -> str:
    """Compact JSON of ``value`` with no control character and nothing that ends a line
    anywhere: JSON escapes C0 controls; this also escapes DEL, the C1 controls (NEL among
    them), U+2028 and U+2029 as ``\\uXXXX`` (still the same JSON value)."""
    if type(value) is str:  # the common case, without json.dumps' overhead
        text = encode_basestring(value)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if _JSON_UNSAFE.search(text) is not None:
        text = _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text


def fold(line: str) -> bytes:
    """One content line as UTF-8 octets, folded as icalendar folds it: physical lines of at
    most 75 octets (74 plus the continuation space), never inside a UTF-8 sequence, and a
    chunk never ends with ``\\`` or ``^`` (they move to the next line, so escapes stay whole).
    Ends without the CRLF. Raises ``UnicodeEncodeError`` for lone surrogates."""
    data = line.encode("utf-8")
    size = len(data)
    if size <= FOLD_LIMIT:
        return data
    chunks = []
    start = 0
    while size - start > FOLD_LIMIT:
        end = start + FOLD_LIMIT
        while data[end] & 0xC0 == 0x80:  # inside a UTF-8 sequence: back up to its start
            end -= 1
        if end - start > 1 and data[end - 1] in b"\\^":
            end -= 1
        chunks.append(data[start:end])
        start = end
    chunks.append(data[start:])
    return b"\r\n ".join(chunks)


def fold_text(line: str) -> str:
    """:func:`fold` as text: the line itself when it is short, else the folded lines joined
    by CRLF and a space (the same octets once encoded)."""
    if len(line) <= FOLD_LIMIT // 4 or (len(line) <= FOLD_LIMIT and line.isascii()):
        return line
    try:
        return fold(line).decode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: left for the encoder to report
        return line


def unescape_text(value: str) -> str:
    """A TEXT value's text: ``\\n``/``\\N`` are line breaks, ``\\x`` is ``x`` for any other
    character (so sloppy escapes such as ``\\:`` read as meant)."""
    if "\\" not in value:
        return value
    return _ESCAPE.sub(lambda match: _UNESCAPED.get(match.group(1), match.group(1)), value)


def split_text_list(value: str) -> list[str]:
    """Split a multi-valued TEXT (``CATEGORIES``) at unescaped commas, then unescape each."""
    if "\\" not in value:
        return value.split(",")
    items = []
    current: list[str] = []
    escaped = False
    for char in value:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char == ",":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return [unescape_text(item) for item in items]
