"""A plugin whose command declares an argument argparse refuses (a second ``-h``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from mitimeline.commands import Command
from mitimeline.hookspecs import hookimpl


def clumsy_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-h", "--height", type=int)


def clumsy(args: argparse.Namespace, out: TextIO) -> int:
    return 0


@hookimpl
def register_commands(register: Callable[[Command], None]) -> None:
    register(Command("clumsy", "a command that cannot be built", clumsy, clumsy_arguments))
