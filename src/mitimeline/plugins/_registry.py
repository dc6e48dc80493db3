"""The registry's state: the pluggy manager, the formats each plugin registered and what
is known of every plugin tried, in one object that is changed in place, never replaced."""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

import attrs
import pluggy

from .. import hookspecs
from ..formats import Exporter, Parser
from ._records import CommandInfo, PluginInfo

__all__ = ["Entry", "Registry", "lock", "pm", "state"]

F = TypeVar("F", Parser, Exporter)

pm = pluggy.PluginManager("mitimeline")
pm.add_hookspecs(hookspecs)


@attrs.frozen
class Entry(Generic[F]):
    """A registered parser or exporter and the plugin that registered it."""

    fmt: F
    plugin: str
    builtin: bool

    @property
    def qualified(self) -> str:
        """``plugin:name``, which selects this format whatever else shares its name."""
        return f"{self.plugin}:{self.fmt.name}"

    def describe(self) -> str:
        """``plugin:name (plugin 'plugin')``, for error messages."""
        return f"{self.qualified} (plugin {self.plugin!r})"


@attrs.define
class Registry:
    """All mutable plugin state. ``records`` holds every plugin tried, in load order (its
    ``formats`` and ``commands`` are filled in when listed); ``commands`` the plugins'
    commands, in load order; ``blocked`` the names disabled by the user."""

    loaded: bool = False
    records: list[PluginInfo] = attrs.Factory(list)
    parsers: list[Entry[Parser]] = attrs.Factory(list)
    exporters: list[Entry[Exporter]] = attrs.Factory(list)
    blocked: set[str] = attrs.Factory(set)
    commands: list[CommandInfo] = attrs.Factory(list)

    def snapshot(self) -> Registry:
        """A copy that :meth:`restore` can bring back."""
        return Registry(self.loaded, list(self.records), list(self.parsers),
                        list(self.exporters), set(self.blocked), list(self.commands))

    def restore(self, saved: Registry) -> None:
        """Make this registry hold what ``saved`` holds (an empty one clears it)."""
        self.loaded = saved.loaded
        self.records = list(saved.records)
        self.parsers = list(saved.parsers)
        self.exporters = list(saved.exporters)
        self.blocked = set(saved.blocked)
        self.commands = list(saved.commands)

    def entries(self) -> list[Entry[Parser] | Entry[Exporter]]:
        """Every registered format, parsers first."""
        return [*self.parsers, *self.exporters]


state = Registry()
"""The one registry; imported by name, so it is mutated, never rebound."""

lock = threading.RLock()
"""Held while the registry changes (loading, ``registered()``, ``reset()``)."""
