"""Choosing a format: :func:`find_parser` and :func:`find_exporter` (explicit name, then
extension, then sniffing), with errors that list what is available."""

from __future__ import annotations

import os
import reprlib
import warnings
from typing import TypeVar

from ..errors import AmbiguousFormatError, PluginLoadWarning, UnknownFormatError
from ..formats import SNIFF_BYTES, Exporter, Parser
from ._loading import load_plugins
from ._registry import Entry, state

__all__ = ["find_exporter", "find_parser"]

F = TypeVar("F", Parser, Exporter)


def find_parser(
    format: str | None = None, filename: str | None = None, head: bytes | None = None
) -> Parser:
    """The parser for an input: an explicit ``format`` (``name`` or ``plugin:name``) wins;
    else the longest matching extension of ``filename``; else (or to break a tie between
    extensions) the parsers whose ``sniff(head)`` is true.

    Raises :class:`UnknownFormatError` if nothing matches, :class:`AmbiguousFormatError` if
    several do.
    """
    load_plugins()
    entries = state.parsers
    if format is not None:
        return _by_name(entries, format, "parser").fmt
    label = repr(filename) if filename else "the input"
    candidates = _by_extension(entries, filename)
    if len(candidates) == 1:
        return candidates[0].fmt
    if head is not None:
        sniffed = [entry for entry in candidates or entries if _sniffs(entry, head)]
        if len(sniffed) == 1:
            return sniffed[0].fmt
        candidates = sniffed or candidates
    if candidates:
        raise _ambiguous(f"{label} matches several parsers", candidates, "parser")
    reasons = []
    if filename:
        reasons.append("no parser claims its extension")
    if head is not None:
        reasons.append("no parser recognises its content")
    reason = " and ".join(reasons) or "no file name or content was given"
    problem = f"cannot tell the format of {label}: {reason}; available parsers: " \
              f"{_listing(entries)}"
    raise UnknownFormatError(f"{problem}; pass format= to choose one", problem=problem,
                             role="parser")


def find_exporter(format: str | None = None, filename: str | None = None) -> Exporter:
    """The exporter for an output: an explicit ``format`` (``name`` or ``plugin:name``) wins;
    else the longest matching extension of ``filename``.

    Raises :class:`UnknownFormatError` if nothing matches, :class:`AmbiguousFormatError` if
    several do.
    """
    load_plugins()
    entries = state.exporters
    if format is not None:
        return _by_name(entries, format, "exporter").fmt
    candidates = _by_extension(entries, filename)
    if len(candidates) == 1:
        return candidates[0].fmt
    if candidates:
        raise _ambiguous(f"{filename!r} matches several exporters", candidates, "exporter")
    available = f"available exporters: {_listing(entries)}"
    if filename:
        problem = f"cannot tell the format of {filename!r}: no exporter claims its extension"
        message = f"{problem}; {available}; pass format= to choose one"
    else:
        problem = "no format given"
        message = f"{problem}: pass format= or a file name with a known extension; {available}"
    raise UnknownFormatError(message, problem=f"{problem}; {available}", role="exporter")


def _by_name(entries: list[Entry[F]], format: str, kind: str) -> Entry[F]:
    plugin, _, name = format.strip().rpartition(":")
    name = name.lower()
    matches = [e for e in entries if e.fmt.name == name and (not plugin or e.plugin == plugin)]
    if len(matches) > 1:
        builtins = [e for e in matches if e.builtin]
        matches = builtins if len(builtins) == 1 else matches
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise _ambiguous(f"{kind} format {format!r} is offered by several plugins", matches,
                         kind)
    raise UnknownFormatError(
        f"no {kind} named {format!r}; available {kind}s: {_listing(entries)}", role=kind
    )


def _by_extension(entries: list[Entry[F]], filename: str | None) -> list[Entry[F]]:
    """The entries whose extension is the longest case-insensitive suffix of the file name."""
    if not filename:
        return []
    base = os.path.basename(os.fspath(filename)).lower()
    best = 0
    found: list[Entry[F]] = []
    for entry in entries:
        matching = [len(x) for x in _extensions(entry.fmt) if base.endswith(x.lower())]
        length = max(matching, default=0)
        if length and length > best:
            best, found = length, [entry]
        elif length and length == best:
            found.append(entry)
    return found


def _extensions(fmt: Parser | Exporter) -> tuple[str, ...]:
    return fmt.extensions if isinstance(fmt, Parser) else (fmt.extension,)


def _sniffs(entry: Entry[Parser], head: bytes) -> bool:
    """``sniff(head)``; one that raises or returns anything but a bool counts as no match
    and warns naming the plugin."""
    try:
        result = entry.fmt.sniff(head[:SNIFF_BYTES])
    except Exception as exc:
        problem = f"raised {type(exc).__name__} in sniff(), treated as no match: {exc}"
    else:
        if isinstance(result, bool):
            return result
        problem = (
            f"returned {reprlib.repr(result)} from sniff(), expected True or False; "
            "treated as no match"
        )
    warnings.warn(
        PluginLoadWarning(f"parser {entry.fmt.name!r} from plugin {entry.plugin!r} {problem}"),
        stacklevel=3,
    )
    return False


def _ambiguous(problem: str, candidates: list[Entry[F]], role: str) -> AmbiguousFormatError:
    names = ", ".join(entry.describe() for entry in candidates)
    choices = tuple(entry.qualified for entry in candidates)
    advice = " or ".join(f"format={choice!r}" for choice in choices)
    return AmbiguousFormatError(f"{problem}: {names}; choose one with {advice}",
                                problem=f"{problem}: {names}", role=role, choices=choices)


def _listing(entries: list[Entry[F]]) -> str:
    if not entries:
        return "none are installed"
    return ", ".join(f"{e.fmt.name} (plugin {e.plugin!r})" for e in entries)
