"""Text for charts: one-line labels, estimated widths, shortening with an ellipsis and
wrapping to lines.

Widths are estimates for a proportional sans-serif font (Helvetica/Arial/DejaVu metrics,
rounded up a little), so a label shortened to fit ``max_px`` fits in any of them. They are
deterministic: no font files are read.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["ELLIPSIS", "printable_line", "shorten", "text_width", "wrap"]

ELLIPSIS = "…"

_WHITESPACE = re.compile(r"\s+")
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_NARROW = frozenset("iljI.,:;!|'`")
_SEMI_NARROW = frozenset("frt()[]{}/\\\" -")
_WIDE = frozenset("mwMW@%")


@functools.lru_cache(maxsize=16384)
def printable_line(text: str) -> str:
    """``text`` as one printable line: every run of whitespace (newlines included) made one
    space, trimmed, and control characters, lone surrogates and non-characters (which no
    chart format can carry) replaced by U+FFFD."""
    return _UNPRINTABLE.sub("\ufffd", _WHITESPACE.sub(" ", text).strip())


@functools.lru_cache(maxsize=4096)
def _em(char: str) -> float:
    """The advance width of ``char`` in em."""
    if char in _NARROW:
        return 0.3
    if char in _SEMI_NARROW:
        return 0.38
    if char in _WIDE:
        return 0.95
    if char.isascii():
        if char.isupper():
            return 0.72
        return 0.6
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.05
    return 0.65


def text_width(text: str, size: float) -> float:
    """The estimated width in pixels of ``text`` at a font ``size`` in pixels."""
    return sum(_em(char) for char in text) * size


def shorten(text: str, max_px: float, size: float) -> str:
    """``text`` if it fits in ``max_px`` at ``size``; else its longest prefix that fits with
    :data:`ELLIPSIS` appended (just the ellipsis if nothing fits)."""
    if text_width(text, size) <= max_px:
        return text
    budget = max_px / size - _em(ELLIPSIS)
    used = 0.0
    for index, char in enumerate(text):
        used += _em(char)
        if used > budget:
            return text[:index].rstrip() + ELLIPSIS
    return ELLIPSIS  # not reached: the whole text is wider than the budget


def wrap(text: str, max_px: float, size: float, max_lines: int) -> list[str]:
    """``text`` broken between words into at most ``max_lines`` lines that each fit in
    ``max_px`` at ``size`` (none for an empty text); a word too long for a line, and the last
    line when text is left over, are shortened with :func:`shorten`."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size) <= max_px:
            line = f"{line} {words.pop(0)}"
        if words and len(lines) == max_lines - 1:
            line = shorten(f"{line} {' '.join(words)}", max_px, size)
            words = []
        lines.append(shorten(line, max_px, size))
    return lines
