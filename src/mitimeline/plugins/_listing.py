"""What is installed, for people and programs: :func:`list_plugins`, :func:`list_formats`,
:func:`list_commands` and :func:`plugin_of`."""

from __future__ import annotations

import attrs

from ..formats import Exporter, Parser, describe_options, option_fields
from ._loading import load_plugins
from ._records import CommandInfo, FormatInfo, PluginInfo
from ._registry import state

__all__ = ["list_commands", "list_formats", "list_plugins", "plugin_of"]


def list_plugins(all: bool = False) -> list[PluginInfo]:
    """Loaded and failed plugins in load order; built-ins only when ``all`` is true."""
    load_plugins()
    formats: dict[str, set[str]] = {}
    for entry in state.entries():
        formats.setdefault(entry.plugin, set()).add(entry.fmt.name)
    commands: dict[str, list[str]] = {}
    for info in state.commands:
        commands.setdefault(info.plugin, []).append(info.command.full_name)
    return [
        attrs.evolve(record, formats=tuple(sorted(formats.get(record.name, ()))),
                     commands=tuple(commands.get(record.name, ())))
        if record.error is None else record
        for record in state.records
        if all or not record.builtin
    ]


def list_commands() -> list[CommandInfo]:
    """The commands plugins added to the ``mitimeline`` command line, in load order."""
    load_plugins()
    return list(state.commands)


def list_formats() -> list[FormatInfo]:
    """Every format, one record per (name, plugin), sorted by name with built-ins first."""
    load_plugins()
    keys = list(dict.fromkeys((entry.fmt.name, entry.plugin) for entry in state.entries()))
    infos = [_format_info(name, plugin) for name, plugin in keys]
    return sorted(infos, key=lambda info: (info.name, not info.builtin, info.plugin))


def _format_info(name: str, plugin: str) -> FormatInfo:
    parser = next((e for e in state.parsers if (e.fmt.name, e.plugin) == (name, plugin)), None)
    exporter = next(
        (e for e in state.exporters if (e.fmt.name, e.plugin) == (name, plugin)), None
    )
    extensions = list(parser.fmt.extensions) if parser else []
    media_types = list(parser.fmt.media_types) if parser else []
    if exporter:
        extensions += [exporter.fmt.extension]
        media_types += [exporter.fmt.media_type]
    entry = parser or exporter
    assert entry is not None
    return FormatInfo(
        name=name,
        plugin=plugin,
        builtin=entry.builtin,
        can_parse=parser is not None,
        can_export=exporter is not None,
        extensions=tuple(dict.fromkeys(extensions)),
        media_types=tuple(dict.fromkeys(media_types)),
        parse_options=describe_options(parser.fmt) if parser else {},
        export_options=describe_options(exporter.fmt) if exporter else {},
        parse_option_fields=option_fields(parser.fmt.Options) if parser else (),
        export_option_fields=option_fields(exporter.fmt.Options) if exporter else (),
    )


def plugin_of(fmt: Parser | Exporter) -> str:
    """The name of the plugin that registered this parser or exporter (``""`` if none did)."""
    load_plugins()
    for entry in state.entries():
        if entry.fmt is fmt:
            return entry.plugin
    return ""
