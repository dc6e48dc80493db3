"""iCalendar text → a tree of raw components (names, parameters and still-escaped values).

Lenient like the clients whose files it reads: CRLF, bare LF or bare CR line ends, folds
with a space or a tab, names in any case, blank lines, whitespace around names. Structural
slips (a missing END, an END that closes nothing, a line that is not ``NAME:value``) are
recorded as :attr:`Document.problems` and worked around, never raised.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ._ical_syntax import parse_params

__all__ = ["Component", "Document", "Property", "lex"]

_FOLD = re.compile(r"\n[ \t]")
_NAME = re.compile(r"[ \t]*([A-Za-z0-9_.-]+)[ \t]*([:;])")


class Property(NamedTuple):
    """One content line: upper-case ``name``, ``params`` (upper-case names; ``None`` when
    there are none), the raw ``value`` (TEXT escapes still in) and its content-line index
    ``position``."""

    name: str
    params: dict[str, str] | None
    value: str
    position: int


class Component:
    """``BEGIN:name`` ... ``END:name``: its properties and child components, in order.

    ``begin`` / ``end`` are content-line indexes of its first and last line; ``closed`` is
    False when the file never ended it.
    """

    __slots__ = ("begin", "children", "closed", "end", "name", "properties")

    def __init__(self, name: str, begin: int) -> None:
        self.name = name
        self.begin = begin
        self.end = begin
        self.closed = False
        self.properties: list[Property] = []
        self.children: list[Component] = []

    def first(self, name: str) -> Property | None:
        """The first property called ``name``, or None."""
        for prop in self.properties:
            if prop.name == name:
                return prop
        return None

    def __repr__(self) -> str:
        return f"<Component {self.name} lines {self.begin}-{self.end}>"


class Document:
    """A lexed file: content ``lines`` (unfolded), top-level ``components``, and
    ``problems`` as (content-line index, component name, message)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _FOLD.sub("", text).split("\n")
        self.components: list[Component] = []
        self.problems: list[tuple[int, str, str]] = []
        self._line_numbers: list[int] | None = None

    def line_of(self, index: int) -> int:
        """The 1-based file line where content line ``index`` starts."""
        if self._line_numbers is None:
            numbers = []
            for number, line in enumerate(self.text.split("\n"), start=1):
                if number == 1 or not line.startswith((" ", "\t")):
                    numbers.append(number)
            self._line_numbers = numbers
        return self._line_numbers[min(index, len(self._line_numbers) - 1)]

    def raw(self, component: Component) -> str:
        """The component's unfolded text, CRLF-separated, closed if the file did not."""
        text = "\r\n".join(self.lines[component.begin:component.end + 1])
        return text if component.closed else f"{text}\r\nEND:{component.name}"


def lex(text: str) -> Document:
    """Split ``text`` (line ends already normalised to LF) into components."""
    document = Document(text)
    stack: list[Component] = []
    problems = document.problems
    match_name = _NAME.match
    for index, line in enumerate(document.lines):
        if not line:
            continue
        match = match_name(line)
        if match is None:
            _problem(problems, index, stack, f"not a content line (expected NAME:value): "
                                             f"{_shorten(line)}")
            continue
        name = match.group(1).upper()
        if match.group(2) == ":":
            params, value = None, line[match.end():]
        else:
            split = _split_params(line, match.end() - 1)
            if split is None:
                _problem(problems, index, stack, f"{name}: no ':' before the value, or "
                                                 f"unreadable parameters: {_shorten(line)}")
                continue
            params, value = split
        if name == "BEGIN":
            child = Component(value.strip().upper(), index)
            (stack[-1].children if stack else document.components).append(child)
            stack.append(child)
        elif name == "END":
            _end(stack, value.strip().upper(), index, problems)
        elif stack:
            stack[-1].properties.append(Property(name, params, value, index))
        else:
            problems.append((index, "", f"{name} outside any component, ignored"))
    last = len(document.lines) - 1
    while stack:
        open_component = stack.pop()
        open_component.end = last
        problems.append((open_component.begin, open_component.name,
                         f"BEGIN:{open_component.name} is never closed by END:"
                         f"{open_component.name}; read up to the end of the file"))
    return document


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
    params = parse_params(line[start:colon])
    if params is None:
        return None
    return params, line[colon + 1:]


def _end(stack: list[Component], name: str, index: int,
         problems: list[tuple[int, str, str]]) -> None:
    """Close ``name``; components opened inside it and left open are closed with it."""
    if not any(component.name == name for component in stack):
        problems.append((index, name, f"END:{name} without a matching BEGIN:{name}, ignored"))
        return
    while stack:
        component = stack.pop()
        component.end = index
        if component.name == name:
            component.closed = True
            return
        problems.append((component.begin, component.name,
                         f"BEGIN:{component.name} is not closed before END:{name}; "
                         f"closed there"))


def _problem(problems: list[tuple[int, str, str]], index: int, stack: list[Component],
             message: str) -> None:
    problems.append((index, stack[-1].name if stack else "", message))


def _shorten(text: str, size: int = 40) -> str:
    return repr(text if len(text) <= size else text[:size - 3] + "...")
