"""A second plugin adding a command named ``hello``: a clash, which makes it fail to load."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from mitimeline.commands import Command
from mitimeline.hookspecs import hookimpl


def hello(args: argparse.Namespace, out: TextIO) -> int:
    print("hello from the rival", file=out)
    return 0


@hookimpl
def register_commands(register: Callable[[Command], None]) -> None:
    register(Command("hello", "greet, differently", hello))
