"""The plugin manager: built-in and third-party plugins (formats, commands), loaded lazily.

Nothing is imported at ``import mitimeline``; the first call that needs the registry runs
:func:`load_plugins`, which registers the built-ins (:data:`DEFAULT_PLUGINS`) and then each
``mitimeline`` entry point, one at a time. A plugin that fails to import or register is
unregistered, recorded (``list_plugins(all=True)`` shows its ``error``) and reported with a
:class:`~mitimeline.PluginLoadWarning`; ``MITIMELINE_STRICT_PLUGINS=1`` raises
:class:`~mitimeline.PluginLoadError` instead.

Environment variables, read on first load (and again after :func:`reset`):

``MITIMELINE_LOAD_PLUGINS``
    comma-separated entry-point or distribution names: load only these third-party
    plugins; set but empty loads none. Built-ins always load.
``MITIMELINE_DISABLE_PLUGINS``
    comma-separated plugin or distribution names never to import (built-ins included).
``MITIMELINE_STRICT_PLUGINS``
    ``1`` raises on the first broken plugin instead of warning.
``MITIMELINE_TRACE_PLUGINS``
    ``1`` prints each loading step and format or command registration to stderr.

Formats are resolved here, not through a ``firstresult`` hook: see :func:`find_parser`.

The package's modules, one job each: ``_registry`` (the state), ``_environment`` (the
variables), ``_loading`` (built-ins, entry points, ``reset``, ``registered``),
``_registering`` (one plugin, its formats and commands), ``_contract`` (the rules every
format keeps, shared with :mod:`mitimeline.testing`), ``_resolve`` (choosing a format),
``_listing``
(``list_plugins``, ``list_formats``, ``list_commands``) and ``_records`` (their records).
"""

from __future__ import annotations

from ._environment import DISABLE_ENV, LOAD_ENV, STRICT_ENV, TRACE_ENV
from ._listing import list_commands, list_formats, list_plugins, plugin_of
from ._loading import DEFAULT_PLUGINS, ENTRY_POINT_GROUP, load_plugins, registered, reset
from ._records import CommandInfo, FormatInfo, PluginInfo
from ._registry import pm
from ._registry import state as _state  # noqa: F401 -- the registry, for tests that look inside
from ._resolve import find_exporter, find_parser

__all__ = [
    "DEFAULT_PLUGINS",
    "DISABLE_ENV",
    "ENTRY_POINT_GROUP",
    "LOAD_ENV",
    "STRICT_ENV",
    "TRACE_ENV",
    "CommandInfo",
    "FormatInfo",
    "PluginInfo",
    "find_exporter",
    "find_parser",
    "list_commands",
    "list_formats",
    "list_plugins",
    "load_plugins",
    "plugin_of",
    "pm",
    "registered",
    "reset",
]
