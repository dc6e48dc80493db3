"""Hook specifications for mitimeline plugins: markers and contracts, no logic.

A plugin is a module (or object) with functions decorated ``@mitimeline.hookimpl`` whose
names match the specs below, found through the ``mitimeline`` entry-point group. An
implementation may accept fewer arguments than its spec (pluggy's opt-in arguments), and
must return ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pluggy import HookimplMarker, HookspecMarker

if TYPE_CHECKING:
    from .commands import Command
    from .formats import Exporter, Parser

__all__ = [
    "hookimpl",
    "hookspec",
    "register_commands",
    "register_exporters",
    "register_parsers",
]

hookspec = HookspecMarker("mitimeline")
hookimpl = HookimplMarker("mitimeline")


@hookspec
def register_parsers(register: Callable[[Parser], None]) -> None:
    """Register input formats: call ``register(parser)`` once per :class:`~mitimeline.Parser`.

    :param register: records the parser under its ``name``, attributed to this plugin.
    """


@hookspec
def register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register output formats: call ``register(exporter)`` once per :class:`~mitimeline.Exporter`.

    :param register: records the exporter under its ``name``, attributed to this plugin.
    """


@hookspec
def register_commands(register: Callable[[Command], None]) -> None:
    """Register subcommands of the ``mitimeline`` command line: call ``register(command)`` once
    per :class:`~mitimeline.Command`.

    :param register: records the command under its ``name`` (in its ``group``, if any:
        ``mitimeline GROUP NAME``), attributed to this plugin; a name a built-in command or
        another plugin already has in that group, or a group that is another command's name,
        makes this plugin fail to load.
    """
