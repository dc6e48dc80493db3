"""A plugin adding the command ``mitimeline hello [NAME] [--code N]``, which greets and
exits with N."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO

from mitimeline.commands import Command
from mitimeline.hookspecs import hookimpl


def hello_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", default="world")
    parser.add_argument("--code", type=int, default=0, help="the exit code")


def hello(args: argparse.Namespace, out: TextIO) -> int:
    print(f"hello, {args.name}", file=out)
    code: int = args.code
    return code


HELLO = Command("hello", "greet someone", hello, hello_arguments)


@hookimpl
def register_commands(register: Callable[[Command], None]) -> None:
    register(HELLO)
