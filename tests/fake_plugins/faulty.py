"""A plugin whose formats break the parser/exporter contract in every way the fault tests
check (``tests/test_faults.py``). Each format is named after its fault and claims the
extension ``.<name>``; the ``sniff-*`` parsers misbehave in ``sniff`` only and live in
:mod:`fake_plugins.sniffers`, so sniffing elsewhere stays quiet.
"""

from __future__ import annotations

import io
import os
import signal
from collections.abc import Callable
from typing import BinaryIO

from mitimeline.errors import DateParseError, ParseError
from mitimeline.formats import Exporter, Parser
from mitimeline.hookspecs import hookimpl
from mitimeline.timeline import Timeline

HALF = b'{"mitimeline": 1, "title": "half of i'
"""What the midway-failing exporters write before they fail."""


class Subtimeline(Timeline):
    """A Timeline subclass: still a Timeline, so a parser may return one."""


def make_parser(name: str, parse: Callable[[BinaryIO], object]) -> Parser:
    """A parser named ``name`` for ``.name`` files whose ``parse`` is ``parse(stream)``."""
    body = {"name": name, "extensions": (f".{name}",),
            "parse": lambda self, stream, options: parse(stream)}
    return type(f"Parser_{name}", (Parser,), body)()  # type: ignore[no-any-return]


def make_exporter(
    name: str, export: Callable[[BinaryIO], object], binary: bool = False
) -> Exporter:
    """An exporter named ``name`` for ``.name`` files whose ``export`` is ``export(stream)``."""
    body = {"name": name, "extension": f".{name}", "binary": binary,
            "export": lambda self, timeline, stream, options: export(stream)}
    return type(f"Exporter_{name}", (Exporter,), body)()  # type: ignore[no-any-return]


def _raise(error: BaseException) -> Callable[[BinaryIO], object]:
    def fail(stream: BinaryIO) -> object:
        stream.read(10)
        raise error
    return fail


def _close_then_parse(stream: BinaryIO) -> Timeline:
    stream.read()
    stream.close()
    return Timeline(title="closed")


def _read_beyond(stream: BinaryIO) -> Timeline:
    data = stream.read()
    more = stream.read(1 << 20) + stream.read()
    return Timeline(title=f"{len(data)} bytes, then {len(more)}")


PARSERS = [
    make_parser("parse-parseerror", _raise(ParseError("expected a header", location="line 1"))),
    make_parser("parse-dateerror", _raise(DateParseError("cannot read 'someday' as a date",
                                                         "someday"))),
    make_parser("parse-runtime", _raise(RuntimeError("table is corrupt"))),
    make_parser("parse-interrupt", _raise(KeyboardInterrupt())),
    make_parser("parse-none", lambda stream: None),
    make_parser("parse-list", lambda stream: []),
    make_parser("parse-subclass", lambda stream: Subtimeline(title="sub")),
    make_parser("parse-close", _close_then_parse),
    make_parser("parse-beyond", _read_beyond),
]


def _half_then(error: BaseException) -> Callable[[BinaryIO], object]:
    def fail(stream: BinaryIO) -> object:
        stream.write(HALF * 1000)
        stream.flush()
        raise error
    return fail


def _half_then_kill(stream: BinaryIO) -> None:
    stream.write(HALF * 1000)
    stream.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _write(stream: BinaryIO, data: bytes) -> None:
    stream.write(data)


def _close(stream: BinaryIO) -> None:
    stream.write(b"{}")
    stream.close()


def _text_wrapper_closed(stream: BinaryIO) -> None:
    with io.TextIOWrapper(stream, encoding="utf-8") as text:
        text.write("{}")


EXPORTERS = [
    make_exporter("export-runtime", _half_then(RuntimeError("ran out of colours"))),
    make_exporter("export-interrupt", _half_then(KeyboardInterrupt())),
    make_exporter("export-kill", _half_then_kill),
    make_exporter("export-returns", lambda stream: b"{}"),
    make_exporter("export-close", _close),
    make_exporter("export-wrapper-close", _text_wrapper_closed),
    make_exporter("export-str", lambda stream: stream.write("{}")),  # type: ignore[arg-type]
    make_exporter("export-latin1", lambda stream: _write(stream, "café".encode("latin-1"))),
    make_exporter("export-truncated", lambda stream: _write(stream, "café".encode()[:-1])),
    make_exporter("export-returns-count", lambda stream: stream.write(b"{}")),
]


@hookimpl
def register_parsers(register: Callable[[Parser], None]) -> None:
    for parser in PARSERS:
        register(parser)


@hookimpl
def register_exporters(register: Callable[[Exporter], None]) -> None:
    for exporter in EXPORTERS:
        register(exporter)
