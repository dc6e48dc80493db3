"""A plugin whose parsers misbehave in ``sniff``: each raises or returns something that is
not a bool. Sniffing must skip each with a warning naming it and still find the format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

from mitimeline.formats import Parser
from mitimeline.hookspecs import hookimpl
from mitimeline.timeline import Timeline


def _raise(head: bytes) -> object:
    raise ValueError("cannot sniff")


GARBAGE: dict[str, Callable[[bytes], object]] = {
    "sniff-raises": _raise,
    "sniff-string": lambda head: "yes",
    "sniff-nan": lambda head: float("nan"),
    "sniff-two": lambda head: 2,
    "sniff-one": lambda head: 1.0,
    "sniff-none": lambda head: None,
    "sniff-head": lambda head: head,
}
"""Parser name → what its ``sniff`` does; each gives a PluginLoadWarning."""


def _parser(name: str, sniff: Callable[[bytes], object]) -> Parser:
    def parse(self: Parser, stream: BinaryIO, options: Any) -> Timeline:
        raise AssertionError(f"{name} must never be chosen")

    body = {"name": name, "sniff": lambda self, head: sniff(head), "parse": parse}
    return type(f"Parser_{name}", (Parser,), body)()  # type: ignore[no-any-return]


@hookimpl
def register_parsers(register: Callable[[Parser], None]) -> None:
    for name, sniff in GARBAGE.items():
        register(_parser(name, sniff))
