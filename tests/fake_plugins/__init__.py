"""Plugins used by the plugin-manager and api tests, loaded through fake entry points.

``lines`` is a trivial line-based format: a ``#lines <title>`` header, then one event per
line as ``id<TAB>when<TAB>kind<TAB>title``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mitimeline.commands import Command
from mitimeline.formats import Exporter, Parser
from mitimeline.hookspecs import hookimpl


class FormatsPlugin:
    """A plugin object that registers the given parsers and exporters (named ``name``)."""

    def __init__(
        self, name: str, parsers: Sequence[object] = (), exporters: Sequence[object] = ()
    ) -> None:
        self.__name__ = name
        self.parsers = parsers
        self.exporters = exporters

    @hookimpl
    def register_parsers(self, register: Callable[[Parser], None]) -> None:
        for parser in self.parsers:
            register(parser)  # type: ignore[arg-type]

    @hookimpl
    def register_exporters(self, register: Callable[[Exporter], None]) -> None:
        for exporter in self.exporters:
            register(exporter)  # type: ignore[arg-type]


class CommandsPlugin(FormatsPlugin):
    """A plugin object that registers the given commands, and parsers if any (named ``name``)."""

    def __init__(
        self, name: str, commands: Sequence[object] = (), parsers: Sequence[object] = ()
    ) -> None:
        super().__init__(name, parsers)
        self.commands = commands

    @hookimpl
    def register_commands(self, register: Callable[[Command], None]) -> None:
        for command in self.commands:
            register(command)  # type: ignore[arg-type]
