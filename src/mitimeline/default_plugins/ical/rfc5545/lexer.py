"""Content lines → components (names, parameters and still-escaped values), as they come.

Lenient like the clients whose files it reads: folds already undone by
:mod:`.stream`, names in any case, blank lines, whitespace around names. Structural
slips (a missing END, an END that closes nothing, a line that is not ``NAME:value``) are
told to the :class:`Sink` as problems and worked around, never raised.

The :class:`Lexer` keeps only the components still open: it tells its sink when each one
opens and closes, and forgets it after. A component whose ``lines`` the sink sets to a list
when it opens gets every content line from its BEGIN to its END (or to the line that closed
it, or to the end of the file) appended, nested components' lines included; one whose
``prop_lines`` is set gets the lines of its own properties.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple, Protocol

__all__ = ["Component", "Lexer", "Property", "Sink", "lex"]

_FOLD = re.compile(r"\n[ \t]")
_NAME = re.compile(r"[ \t]*([A-Za-z0-9_.-]+)[ \t]*([:;])")


class Property(NamedTuple):
    """One content line: upper-case ``name``, ``params`` (upper-case names; ``None`` when
    there are none), the raw ``value`` (TEXT escapes still in) and the file line
    ``position`` where it starts."""

    name: str
    params: dict[str, str] | None
    value: str
    position: int


class Component:
    """``BEGIN:name`` ... ``END:name``: its properties in order; ``begin`` is the file line
    of its BEGIN; ``closed`` is False when the file never ended it. ``lines`` and
    ``prop_lines`` are recorded only when the sink asks for them (see the module); ``text``
    is ``lines`` joined, where a reader keeps that instead."""

    __slots__ = ("begin", "closed", "lines", "name", "prop_lines", "properties", "text")

    def __init__(self, name: str, begin: int) -> None:
        self.name = name
        self.begin = begin
        self.closed = False
        self.properties: list[Property] = []
        self.lines: list[str] | None = None
        self.prop_lines: list[str] | None = None
        self.text: str | None = None

    def first(self, name: str) -> Property | None:
        """The first property called ``name``, or None."""
        for prop in self.properties:
            if prop.name == name:
                return prop
        return None

    def raw(self, closing: bool = True) -> str:
        """The recorded lines CRLF-separated (``text`` once joined), with an END line added
        when the file did not close it (unless ``closing`` is False)."""
        text = self.text if self.text is not None else "\r\n".join(self.lines or ())
        return text if self.closed or not closing else f"{text}\r\nEND:{self.name}"

    def __repr__(self) -> str:
        return f"<Component {self.name} line {self.begin}>"


class Sink(Protocol):
    """What a :class:`Lexer` tells as it goes. ``parent`` is the enclosing open component
    (None at the top level)."""

    def opened(self, component: Component, parent: Component | None) -> None:
        """``component`` has just begun (no properties yet)."""

    def closed(self, component: Component, parent: Component | None) -> None:
        """``component`` has ended (explicitly or not: see ``closed``)."""

    def problem(self, line: int, component: str, message: str) -> None:
        """A structural slip at file ``line``, in ``component`` (a name, or "")."""


class Lexer:
    """Feeds content lines to a :class:`Sink`; ``first_text`` is the first non-blank
    content line and its file line (for "not an iCalendar file")."""

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.stack: list[Component] = []
        self.recording: list[list[str]] = []
        self.first_text: tuple[int, str] | None = None

    def feed(self, lines: Iterable[tuple[int, str]]) -> None:
        """Lex ``(file line, content line)`` pairs."""
        stack = self.stack
        recording = self.recording
        sink = self.sink
        match_name = _NAME.match
        for number, line in lines:
            if recording:
                for kept in recording:
                    kept.append(line)
            if not line:
                continue
            if self.first_text is None and line.strip():
                self.first_text = (number, line)
            match = match_name(line)
            if match is None:
                self._problem(number, f"not a content line (expected NAME:value): "
                                      f"{_shorten(line)}")
                continue
            name = match.group(1).upper()
            if match.group(2) == ":":
                params, value = None, line[match.end():]
            else:
                split = _split_params(line, match.end() - 1)
                if split is None:
                    self._problem(number, f"{name}: no ':' before the value, or "
                                          f"unreadable parameters: {_shorten(line)}")
                    continue
                params, value = split
            if name == "BEGIN":
                self._begin(Component(value.strip().upper(), number), line)
            elif name == "END":
                self._end(value.strip().upper(), number)
            elif stack:
                top = stack[-1]
                top.properties.append(Property(name, params, value, number))
                if top.prop_lines is not None:
                    top.prop_lines.append(line)
            else:
                sink.problem(number, "", f"{name} outside any component, ignored")

    def finish(self) -> None:
        """The end of the file: close what is still open (each a problem)."""
        while self.stack:
            component = self.stack[-1]
            self.sink.problem(component.begin, component.name,
                              f"BEGIN:{component.name} is never closed by END:"
                              f"{component.name}; read up to the end of the file")
            self._pop()

    def _begin(self, component: Component, line: str) -> None:
        parent = self.stack[-1] if self.stack else None
        self.stack.append(component)
        self.sink.opened(component, parent)
        if component.lines is not None:
            component.lines.append(line)
            self.recording.append(component.lines)

    def _end(self, name: str, number: int) -> None:
        """Close ``name``; components opened inside it and left open are closed with it."""
        stack = self.stack
        if not any(component.name == name for component in stack):
            self.sink.problem(number, name, f"END:{name} without a matching BEGIN:{name}, "
                                            "ignored")
            return
        while stack:
            component = stack[-1]
            if component.name == name:
                component.closed = True
                self._pop()
                return
            self.sink.problem(component.begin, component.name,
                              f"BEGIN:{component.name} is not closed before END:{name}; "
                              "closed there")
            self._pop()

    def _pop(self) -> None:
        component = self.stack.pop()
        if component.lines is not None:
            self.recording.pop()  # the open recorders are in stack order
        self.sink.closed(component, self.stack[-1] if self.stack else None)

    def _problem(self, number: int, message: str) -> None:
        self.sink.problem(number, self.stack[-1].name if self.stack else "", message)


class _Collect:
    """A sink keeping the top-level components."""

    def __init__(self) -> None:
        self.components: list[Component] = []

    def opened(self, component: Component, parent: Component | None) -> None:
        if parent is None:
            self.components.append(component)

    def closed(self, component: Component, parent: Component | None) -> None:
        pass

    def problem(self, line: int, component: str, message: str) -> None:
        pass


def lex(text: str) -> list[Component]:
    """The top-level components of ``text`` (LF line ends, folds still in; problems
    ignored): for the occurrences of a series, which icalendar writes."""
    sink = _Collect()
    lexer = Lexer(sink)
    lexer.feed(enumerate(_FOLD.sub("", text).split("\n"), start=1))
    lexer.finish()
    return sink.components


def _split_params(line: str, start: int) -> tuple[dict[str, str], str] | None:
    """(parameters, value) of a line whose parameters start at ``start`` (the ``;``)."""
    colon = line.find(":", start)
    quote = line.find('"', start)
    if 0 <= quote < colon:  # a quoted parameter value may hold ':'
        in_quotes = False
        colon = -1
        for position in range(start, len(line)):
            char = line[position]
            if char == '"':
                in_quotes = not in_quotes
            elif char == ":" and not in_quotes:
                colon = position
                break
    if colon < 0:
        return None
    params = _parse_params(line[start:colon])
    if params is None:
        return None
    return params, line[colon + 1:]


def _shorten(text: str, size: int = 40) -> str:
    return repr(text if len(text) <= size else text[:size - 3] + "...")


def _parse_params(text: str) -> dict[str, str] | None:
    """Parameters from the text between the property name and the value separator
    (``;TZID=Europe/Oslo;VALUE=DATE-TIME``): upper-case names to values, quotes removed,
    multiple values kept comma-joined. ``None`` if the text is not a parameter list."""
    params: dict[str, str] = {}
    position, size = 0, len(text)
    while position < size:
        if text[position] != ";":
            return None
        equals = text.find("=", position + 1)
        if equals < 0:
            return None
        name = text[position + 1:equals].strip().upper()
        position = equals + 1
        values = []
        while True:
            if position < size and text[position] == '"':
                close = text.find('"', position + 1)
                if close < 0:
                    return None
                values.append(text[position + 1:close])
                position = close + 1
            else:
                stop = position
                while stop < size and text[stop] not in ',;"':
                    stop += 1
                values.append(text[position:stop].strip())
                position = stop
            if position < size and text[position] == ",":
                position += 1
                continue
            break
        if not name:
            return None
        params[name] = ",".join(values)
    return params
