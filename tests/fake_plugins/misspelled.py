"""A plugin with a misspelled hook name (``register_parser``, singular)."""

from __future__ import annotations

from collections.abc import Callable

from mitimeline.formats import Parser
from mitimeline.hookspecs import hookimpl

from .lines import LinesParser


@hookimpl
def register_parser(register: Callable[[Parser], None]) -> None:
    register(LinesParser())
