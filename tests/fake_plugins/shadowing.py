"""A plugin whose command takes the name of a built-in command, ``convert``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from mitimeline.commands import Command
from mitimeline.hookspecs import hookimpl


def convert(args: argparse.Namespace, out: TextIO) -> int:
    print("a convert of my own", file=out)
    return 0


@hookimpl
def register_commands(register: Callable[[Command], None]) -> None:
    register(Command("convert", "convert, differently", convert))
