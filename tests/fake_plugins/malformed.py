"""A plugin that registers a parser whose ``name`` and ``extensions`` have the wrong types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

from mitimeline.formats import Parser
from mitimeline.hookspecs import hookimpl
from mitimeline.timeline import Timeline


class WrongTypes(Parser):
    name = 42  # type: ignore[assignment]
    extensions = ".wrong"  # type: ignore[assignment]

    def parse(self, stream: BinaryIO, options: Any) -> Timeline:
        return Timeline()


@hookimpl
def register_parsers(register: Callable[[Parser], None]) -> None:
    register(WrongTypes())
