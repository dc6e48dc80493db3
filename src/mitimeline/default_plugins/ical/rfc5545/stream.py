"""iCalendar bytes → unfolded content lines with their file line numbers, a chunk at a time.

The bytes are read ``chunk`` bytes at a time and decoded as UTF-8 (a UTF-8 BOM dropped;
a file starting with a UTF-16 BOM, rare, is decoded whole); the first undecodable byte is
reported with its line and byte offset and every undecodable byte reads as U+FFFD. Line
ends (CRLF, LF, bare CR) are normalised and folds (a line end followed by a space or a tab)
undone across chunk boundaries. Line numbers count the lines of the file after that
normalisation, from 1. :class:`Source` lets a reader start again from the first byte, even
of a stream that cannot seek.
"""

from __future__ import annotations

import codecs
import tempfile
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import IO, BinaryIO

__all__ = ["CHUNK", "Source", "content_lines"]

CHUNK = 1 << 20
"""Bytes read at a time."""
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def content_lines(read: Callable[[int], bytes], problem: Callable[[int, str], None],
                  chunk: int = CHUNK) -> Iterator[tuple[int, str]]:
    """(file line where it starts, unfolded content line) for every content line, blank
    ones included, the last one even when empty (what ``text.split("\\n")`` gives).

    ``read(n)`` returns up to ``n`` bytes (``b""`` at the end); ``problem(line, message)``
    is told about the first undecodable byte.
    """
    number = 0
    current: str | None = None
    start = 0
    folded: list[str] | None = None
    for line in _physical_lines(_texts(read, problem, chunk)):
        number += 1
        if number > 1 and line[:1] in (" ", "\t"):
            if folded is None:
                folded = [current or ""]
            folded.append(line[1:])
            continue
        if current is not None:
            yield start, current if folded is None else "".join(folded)
            folded = None
        current, start = line, number
    if current is not None:
        yield start, current if folded is None else "".join(folded)


def _physical_lines(texts: Iterator[str]) -> Iterator[str]:
    """The lines of the concatenated ``texts``, any line end normalised to LF."""
    pieces: list[str] = []  # the current line so far, from earlier texts
    held = False  # the last text ended with a CR, maybe half of a CRLF
    for text in texts:
        if held:
            text = "\r" + text
        held = text.endswith("\r")
        if held:
            text = text[:-1]
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        if len(lines) == 1:
            pieces.append(text)
            continue
        if pieces:
            pieces.append(lines[0])
            lines[0] = "".join(pieces)
        last = lines.pop()
        pieces = [last] if last else []
        yield from lines
    yield from ("".join(pieces) + ("\n" if held else "")).split("\n")


def _texts(read: Callable[[int], bytes], problem: Callable[[int, str], None],
           chunk: int) -> Iterator[str]:
    """The decoded text, in pieces; a leading U+FEFF (a BOM) is dropped."""
    head = b""
    while len(head) < len(codecs.BOM_UTF8):
        more = read(chunk)
        if not more:
            break
        head += more
    pieces = _utf16(head, read, chunk) if head.startswith(_UTF16_BOMS) else _utf8(
        head.removeprefix(codecs.BOM_UTF8), read, problem, chunk)
    started = False
    for piece in pieces:
        if not started and piece:
            started = True
            piece = piece.removeprefix("\ufeff")
        yield piece


def _utf16(head: bytes, read: Callable[[int], bytes], chunk: int) -> Iterator[str]:
    parts = [head]
    while more := read(chunk):
        parts.append(more)
    yield b"".join(parts).decode("utf-16", "replace")


def _utf8(data: bytes, read: Callable[[int], bytes], problem: Callable[[int, str], None],
          chunk: int) -> Iterator[str]:
    """Decode incrementally; report the first bad byte at its line and byte offset."""
    errors = "strict"
    offset = newlines = 0  # bytes decoded before ``pending``, and the LFs among them
    pending = b""  # an incomplete character at the end of the last chunk
    if not data:  # only a BOM so far
        data = read(chunk)
    while True:
        final = not data
        buffer = pending + data if pending else data
        try:
            text, used = codecs.utf_8_decode(buffer, errors, final)
        except UnicodeDecodeError as exc:
            line = newlines + buffer.count(b"\n", 0, exc.start) + 1
            problem(line, f"not valid UTF-8: byte 0x{buffer[exc.start]:02x} at byte offset "
                          f"{offset + exc.start}; undecodable bytes read as U+FFFD")
            errors = "replace"
            text, used = codecs.utf_8_decode(buffer, errors, final)
        if errors == "strict":
            newlines += buffer.count(b"\n", 0, used)
            offset += used
        pending = buffer[used:]
        yield text
        if final:
            return
        data = read(chunk)


class Source:
    """A binary stream that can be read again from where it stood: seeked back when it can
    seek, else replayed from a temporary file holding what was read (closed by ``close``)."""

    def __init__(self, stream: IO[bytes] | BinaryIO) -> None:
        self._stream = stream
        self._start: int | None = None
        try:
            if stream.seekable():
                self._start = stream.tell()
        except (OSError, ValueError):
            self._start = None
        self._copy: IO[bytes] | None = None
        self._owned: IO[bytes] | None = None

    def read(self, size: int) -> bytes:
        """Up to ``size`` bytes; ``b""`` at the end."""
        data = self._stream.read(size) or b""
        if self._start is None:
            if self._copy is None:
                self._copy = tempfile.TemporaryFile()  # noqa: SIM115 -- closed by close()
            self._copy.write(data)
        return data

    def rewind(self) -> None:
        """Start again from the first byte."""
        if self._start is not None:
            self._stream.seek(self._start)
            return
        while self.read(CHUNK):
            pass
        copy = self._copy or tempfile.TemporaryFile()  # noqa: SIM115 -- closed by close()
        copy.seek(0)
        self._stream, self._start, self._copy, self._owned = copy, 0, None, copy

    def close(self) -> None:
        """Drop the temporary copy, if any (the stream itself stays open)."""
        for copy in (self._copy, self._owned):
            if copy is not None:
                copy.close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
