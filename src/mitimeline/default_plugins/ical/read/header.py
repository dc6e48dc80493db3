"""The calendar's own properties → the timeline's title, description, production, sources."""

from __future__ import annotations

import json
from typing import Any

from mitimeline.default_plugins.ical.findings import Findings
from mitimeline.default_plugins.ical.mapping import X
from mitimeline.default_plugins.ical.rfc5545.lexer import Component
from mitimeline.default_plugins.ical.rfc5545.text import unescape_text
from mitimeline.errors import InvalidEventError
from mitimeline.model import Production, Source

__all__ = ["Header"]


class Header:
    """Title, description, production and sources: from X-MITIMELINE-* when present, else
    NAME / X-WR-CALNAME and DESCRIPTION / X-WR-CALDESC of the first calendar having them."""

    def __init__(self, calendars: list[Component], findings: Findings) -> None:
        self.findings = findings
        self.title = "Untitled timeline"
        self.description: str | None = None
        self.production: Production | None = None
        self.sources: list[Source] = []
        title_found = description_found = False
        for calendar in calendars:
            if not title_found:
                title = self._text(calendar, X.TITLE, ("NAME", "X-WR-CALNAME"))
                if title is not None:
                    self.title, title_found = title, True
            if not description_found:
                self.description = self._text(calendar, X.DESCRIPTION,
                                              ("DESCRIPTION", "X-WR-CALDESC"))
                description_found = self.description is not None
            for prop in calendar.properties:
                if prop.name == X.PRODUCTION and self.production is None:
                    self.production = self._build(prop, Production)
                elif prop.name == X.SOURCE:
                    source = self._build(prop, Source)
                    if source is not None:
                        self.sources.append(source)

    def _text(self, calendar: Component, lossless: str, names: tuple[str, ...]) -> str | None:
        prop = calendar.first(lossless)
        if prop is not None:
            value = self._json(prop)
            if isinstance(value, str):
                return value
            self.findings.add(prop.position, "VCALENDAR", f"{prop.name} should hold JSON text; "
                              "ignored", False, Findings.HEADER)
        for name in names:
            prop = calendar.first(name)
            if prop is not None:
                return unescape_text(prop.value)
        return None

    def _json(self, prop: Any) -> Any:
        try:
            return json.loads(unescape_text(prop.value))
        except (ValueError, RecursionError):
            return None

    def _build(self, prop: Any, kind: type[Production] | type[Source]) -> Any:
        data = self._json(prop)
        try:
            if not isinstance(data, dict):
                raise TypeError("expected a JSON object")
            if kind is Production and isinstance(data.get("studios"), list):
                data["studios"] = tuple(data["studios"])
            return kind(**data)
        except (TypeError, InvalidEventError) as exc:
            self.findings.add(prop.position, "VCALENDAR", f"{prop.name}: {exc}; ignored",
                              False, Findings.HEADER)
            return None
