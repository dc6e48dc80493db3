"""mitimeline: production timelines with fuzzy dates, places, people and sources.

Build or load a :class:`Timeline`, query it, and export it through format plugins::

    import mitimeline
    tl = mitimeline.load("mi7.json")
    tl.filter(kind="stunt").between("2020-09", "early October 2020")
    tl.export("mi7.ics")
"""

from __future__ import annotations

from . import datasets
from ._version import __version__
from .api import dumps, export, load, loads
from .checks import Conflict, Finding
from .commands import Command
from .errors import (
    AmbiguousFormatError,
    DateParseError,
    ExportError,
    InvalidEventError,
    MergeError,
    MitimelineError,
    OptionsError,
    ParseError,
    PluginLoadError,
    PluginLoadWarning,
    UnknownFormatError,
)
from .formats import Exporter, NoOptions, Parser
from .hookspecs import hookimpl
from .merging import MergeReport, merge
from .model import KINDS, STATUSES, Claim, Credit, Event, Place, Production, Source
from .plugins import FormatInfo, PluginInfo, list_formats, list_plugins
from .timeline import Timeline
from .when import When

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
