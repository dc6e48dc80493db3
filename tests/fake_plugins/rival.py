"""A second plugin offering a format named ``lines``: a name clash, not an override."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from mitimeline.formats import Exporter, Parser
from mitimeline.hookspecs import hookimpl

from .lines import LinesExporter, LinesParser


class RivalParser(LinesParser):
    extensions: ClassVar[tuple[str, ...]] = (".rival",)


class RivalExporter(LinesExporter):
    extension: ClassVar[str] = ".rival"


@hookimpl
def register_parsers(register: Callable[[Parser], None]) -> None:
    register(RivalParser())


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    register(RivalExporter())
