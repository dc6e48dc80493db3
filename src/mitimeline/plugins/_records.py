"""The public records of the plugin registry: :class:`PluginInfo`, :class:`FormatInfo` and
:class:`CommandInfo`."""

from __future__ import annotations

import attrs

from ..commands import Command
from ..formats import OptionField

__all__ = ["CommandInfo", "FormatInfo", "PluginInfo"]


@attrs.frozen
class PluginInfo:
    """One plugin as :func:`~mitimeline.list_plugins` reports it; ``error`` is set if it
    failed to load."""

    name: str
    version: str | None
    builtin: bool
    hooks: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    error: str | None = None
    dist: str | None = None
    commands: tuple[str, ...] = ()


@attrs.frozen
class FormatInfo:
    """One format offered by one plugin, as :func:`~mitimeline.list_formats` reports it.

    ``parse_options`` / ``export_options`` map option names to ``"type = default"`` text;
    ``parse_option_fields`` / ``export_option_fields`` describe each option in full, with its
    help text (:class:`~mitimeline.formats.OptionField`).
    """

    name: str
    plugin: str
    builtin: bool
    can_parse: bool
    can_export: bool
    extensions: tuple[str, ...]
    media_types: tuple[str, ...]
    parse_options: dict[str, str] = attrs.field(factory=dict, hash=False)
    export_options: dict[str, str] = attrs.field(factory=dict, hash=False)
    parse_option_fields: tuple[OptionField, ...] = ()
    export_option_fields: tuple[OptionField, ...] = ()

    @property
    def qualified_name(self) -> str:
        """``plugin:name``, which selects this format even when another plugin shares its name."""
        return f"{self.plugin}:{self.name}"


@attrs.frozen
class CommandInfo:
    """One command a plugin added to the ``mitimeline`` command line, and that plugin."""

    command: Command
    plugin: str

    @property
    def name(self) -> str:
        """The command's name: ``mitimeline NAME`` (or ``mitimeline GROUP NAME``) runs it."""
        return self.command.name
