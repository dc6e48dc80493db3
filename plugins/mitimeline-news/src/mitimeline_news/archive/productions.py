"""The productions file and deciding which production a report, and each of its events,
is about.

A productions file is JSON (a list of objects, or ``{"productions": [...]}``) or CSV
(a header row ``id,title,aliases,year``, aliases separated by ``|``); each production has an
``id`` (a slug: it names the output file), a ``title``, ``aliases`` and an optional
``year``. A report names a production when its title or an alias appears as whole words,
ignoring case, dash and quote styles. Two productions sharing a name (two films called
"Dune") are told apart by ``year``: the one nearest the report's publication year.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import mitimeline

__all__ = ["Mention", "Production", "Productions", "is_id", "load_productions"]

_ID = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
_FOLD = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "‘": "'",
                       "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " "})
"""Dashes, quotes and no-break spaces folded so "Mission: Impossible – Dead Reckoning"
matches "Mission: Impossible - Dead Reckoning"; each maps to one character, so offsets
in the folded text are offsets in the report."""


@attrs.frozen
class Production:
    """One production of the productions file: ``names`` are its title and aliases."""

    id: str
    title: str
    aliases: tuple[str, ...] = ()
    year: int | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title, *self.aliases)


@attrs.frozen
class Mention:
    """Production ``production`` named at ``start``..``end`` of a report's text."""

    production: str
    start: int
    end: int


@attrs.frozen
class Productions:
    """The productions an archive is read against, and the matcher built from their names."""

    items: tuple[Production, ...]
    _pattern: re.Pattern[str] = attrs.field(init=False, eq=False, repr=False)
    _owners: dict[str, tuple[Production, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        owners: dict[str, list[Production]] = {}
        for production in self.items:
            for name in production.names:
                owners.setdefault(_fold(name), []).append(production)
        names = sorted(owners, key=lambda name: (-len(name), name))  # longest name first
        alternatives = "|".join(re.escape(name) for name in names) or r"(?!x)x"
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        object.__setattr__(self, "_pattern", pattern)
        object.__setattr__(self, "_owners", {k: tuple(v) for k, v in owners.items()})

    def __getitem__(self, production_id: str) -> Production:
        for production in self.items:
            if production.id == production_id:
                return production
        raise KeyError(production_id)

    def mentions(self, text: str, year: int | None) -> list[Mention]:
        """Where ``text`` names a production, in order; a name two productions share goes
        to the one whose year is nearest ``year`` (the first listed on a tie)."""
        found = []
        for match in self._pattern.finditer(_fold(text)):
            owners = self._owners[match.group()]
            chosen = owners[0] if len(owners) == 1 or year is None else min(
                owners, key=lambda p: abs(p.year - year) if p.year is not None else 10_000)
            found.append(Mention(chosen.id, match.start(), match.end()))
        return found


def is_id(text: str) -> bool:
    """Whether ``text`` is a production id (a slug such as ``mi7`` or ``dune-2021``)."""
    return _ID.fullmatch(text) is not None


def _fold(text: str) -> str:
    return text.translate(_FOLD).lower()


def load_productions(path: str) -> Productions:
    """The productions file at ``path`` (``.json`` or ``.csv``); a bad one raises
    :class:`mitimeline.ParseError` naming the file, the entry or line, and the field."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise mitimeline.ParseError("no such file", source=path) from None
    except OSError as exc:
        raise mitimeline.ParseError(f"cannot read: {exc.strerror or exc}", source=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise mitimeline.ParseError("expected UTF-8 text", source=path) from None
    if path.lower().endswith(".csv"):
        entries = _csv_entries(text, path)
    elif path.lower().endswith(".json"):
        entries = _json_entries(text, path)
    else:
        raise mitimeline.ParseError("expected a productions file ending in .json or .csv",
                                    source=path)
    return productions_from(entries, path)


def productions_from(entries: Sequence[tuple[str, dict[str, Any]]], path: str) -> Productions:
    """:class:`Productions` from ``(location, fields)`` pairs, checked field by field."""
    if not entries:
        raise mitimeline.ParseError("expected at least one production", source=path)
    items = []
    seen: dict[str, str] = {}
    for location, fields in entries:
        production = _production(fields, path, location)
        if production.id in seen:
            raise mitimeline.ParseError(
                f"field 'id': {production.id!r} is already the id of {seen[production.id]}",
                source=path, location=location)
        seen[production.id] = location
        items.append(production)
    return Productions(tuple(items))


def _json_entries(text: str, path: str) -> list[tuple[str, dict[str, Any]]]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise mitimeline.ParseError(f"expected JSON: {exc.msg}", source=path,
                                    location=f"line {exc.lineno}") from None
    if isinstance(value, dict) and "productions" in value:
        value = value["productions"]
    if not isinstance(value, list):
        raise mitimeline.ParseError(
            'expected a list of productions or {"productions": [...]}', source=path)
    entries = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise mitimeline.ParseError(f"expected an object, got {type(item).__name__}",
                                        source=path, location=f"production {number}")
        entries.append((f"production {number}", item))
    return entries


def _csv_entries(text: str, path: str) -> list[tuple[str, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [name for name in ("id", "title") if name not in header]
    if missing:
        raise mitimeline.ParseError(
            f"expected a header row with id, title, aliases, year; missing {', '.join(missing)}",
            source=path, location="line 1")
    entries = []
    for row in reader:
        location = f"line {reader.line_num}"
        if None in row:
            raise mitimeline.ParseError(f"expected {len(header)} fields, got more",
                                        source=path, location=location)
        fields: dict[str, Any] = {key: (value or "").strip() for key, value in row.items()}
        fields["aliases"] = [a.strip() for a in fields.get("aliases", "").split("|")
                             if a.strip()]
        year = fields.get("year", "")
        fields["year"] = int(year) if year.isdigit() else (year or None)
        entries.append((location, fields))
    return entries


def _production(fields: dict[str, Any], path: str, location: str) -> Production:
    def fail(field: str, expected: str, value: object) -> mitimeline.ParseError:
        return mitimeline.ParseError(f"field {field!r}: expected {expected}, got {value!r}",
                                     source=path, location=location)

    identifier = fields.get("id")
    if not isinstance(identifier, str) or not is_id(identifier):
        raise fail("id", "a slug such as 'mission-impossible-7'", identifier)
    title = fields.get("title")
    if not isinstance(title, str) or not title.strip():
        raise fail("title", "the production's title", title)
    aliases = fields.get("aliases", [])
    if not isinstance(aliases, list) or not all(
            isinstance(alias, str) and alias.strip() for alias in aliases):
        raise fail("aliases", "a list of names", aliases)
    year = fields.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)
                             or not 1870 <= year <= 2200):
        raise fail("year", "a year such as 2023", year)
    unknown = sorted(set(fields) - {"id", "title", "aliases", "year"})
    if unknown:
        raise mitimeline.ParseError(
            f"unknown field {unknown[0]!r}: expected id, title, aliases, year",
            source=path, location=location)
    return Production(identifier, title.strip(), _unique(a.strip() for a in aliases), year)


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
