"""A plugin that registers something that is not a Parser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mitimeline.hookspecs import hookimpl


@hookimpl
def register_parsers(register: Callable[[Any], None]) -> None:
    register({"name": "lines", "parse": print})
