"""A plugin whose ``register_parsers`` raises after its exporter registered fine."""

from __future__ import annotations

from collections.abc import Callable

from mitimeline.formats import Exporter, Parser
from mitimeline.hookspecs import hookimpl

from .lines import LinesExporter


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(LinesExporter())


@hookimpl
def register_parsers(register: Callable[[Parser], None]) -> None:
    raise RuntimeError("parser table is corrupt")
