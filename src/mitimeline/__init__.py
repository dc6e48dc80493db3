"""mitimeline: production timelines with fuzzy dates, places, people and sources.

Build or load a :class:`Timeline`, query it, and export it through format plugins::

    import mitimeline
    tl = mitimeline.load("mi7.json")
    tl.filter(kind="stunt").between("2020-09", "early October 2020")
    tl.export("mi7.ics")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .checks import Conflict, Finding
from .errors import (
    AmbiguousFormatError,
    DateParseError,
    ExportError,
    FindingsWarning,
    InvalidEventError,
    MergeError,
    MitimelineError,
    OptionsError,
    ParseError,
    PluginLoadError,
    PluginLoadWarning,
    UnknownFormatError,
)
from .model import KINDS, STATUSES, Claim, Credit, Event, Place, Production, Source
from .timeline import Timeline
from .when import When

if TYPE_CHECKING:  # imported when first used, by __getattr__ below
    from . import datasets
    from .api import dumps, export, load, loads
    from .commands import Command
    from .formats import Exporter, NoOptions, Parser
    from .hookspecs import hookimpl
    from .merging import MergeReport, merge
    from .plugins import FormatInfo, PluginInfo, list_formats, list_plugins

_LAZY = {
    "dumps": "api", "export": "api", "load": "api", "loads": "api",
    "Command": "commands",
    "Exporter": "formats", "NoOptions": "formats", "Parser": "formats",
    "hookimpl": "hookspecs",
    "MergeReport": "merging", "merge": "merging",
    "FormatInfo": "plugins", "PluginInfo": "plugins", "list_formats": "plugins",
    "list_plugins": "plugins",
}
"""Public names whose modules load on first use (the module each comes from): the plugin
manager (pluggy), file handling, formats and merging are half of what ``import
mitimeline`` took, and a program that only builds or queries timelines needs none of them."""

_LAZY_MODULES = frozenset({"api", "commands", "datasets", "formats", "hookspecs", "merging",
                           "plugins"})
"""Submodules that ``import mitimeline`` imported before and now leaves to first use;
``mitimeline.plugins`` still works without importing it."""


def __getattr__(name: str) -> Any:
    """A lazily loaded public name or submodule (PEP 562): import its module once, then it
    is an ordinary attribute of the package."""
    if name in _LAZY_MODULES:
        return importlib.import_module(f".{name}", __name__)
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The package's names, the lazily loaded ones included."""
    return sorted({*globals(), *__all__})


__all__ = [
    "KINDS",
    "STATUSES",
    "AmbiguousFormatError",
    "Claim",
    "Command",
    "Conflict",
    "Credit",
    "DateParseError",
    "Event",
    "ExportError",
    "Exporter",
    "Finding",
    "FindingsWarning",
    "FormatInfo",
    "InvalidEventError",
    "MergeError",
    "MergeReport",
    "MitimelineError",
    "NoOptions",
    "OptionsError",
    "ParseError",
    "Parser",
    "Place",
    "PluginInfo",
    "PluginLoadError",
    "PluginLoadWarning",
    "Production",
    "Source",
    "Timeline",
    "UnknownFormatError",
    "When",
    "__version__",
    "datasets",
    "dumps",
    "export",
    "hookimpl",
    "list_formats",
    "list_plugins",
    "load",
    "loads",
    "merge",
]
