"""``mitimeline serve TIMELINE [--port N] [--host ADDRESS] [-o KEY=VALUE ...]``: the
:class:`~mitimeline.Command` that serves a timeline file until Ctrl-C."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from mitimeline.api import load
from mitimeline.commands import Command
from mitimeline.default_plugins.serve.addresses import LOOPBACK, is_loopback
from mitimeline.default_plugins.serve.feed import Feed
from mitimeline.formats import build_options
from mitimeline.optiontext import option_words
from mitimeline.plugins import find_exporter

if TYPE_CHECKING:
    import argparse

__all__ = ["DEFAULT_PORT", "SERVE", "calendar_options"]

DEFAULT_PORT = 8080


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("timeline", metavar="TIMELINE",
                        help="the timeline file (any readable format), read again when it changes")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default {DEFAULT_PORT}; 0: a free one)")
    parser.add_argument("--host", default=LOOPBACK,
                        help=f"address to listen on (default {LOOPBACK}: this machine only)")
    parser.add_argument("-o", "--option", action="append", default=[], metavar="KEY=VALUE",
                        help="option of the calendar feed (ical exporter), read like "
                             "convert's -o, e.g. -o refresh=PT1H (repeatable)")


def calendar_options(pairs: Sequence[str]) -> dict[str, Any]:
    """``KEY=VALUE`` words as options, each value read as the type of its option, as for
    ``convert`` (:func:`~mitimeline.optiontext.option_words`); checked against the ``ical``
    exporter's options (:class:`~mitimeline.OptionsError`)."""
    options: dict[str, Any] = dict(option_words(pairs))
    build_options(find_exporter("ical"), options)
    return options


def _log(line: str) -> None:
    print(f"mitimeline serve: {line}", file=sys.stderr, flush=True)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    # Imported here: http.server (with socket and email) costs about 30 ms that every other
    # run of mitimeline, which registers this plugin, need not pay.
    from mitimeline.default_plugins.serve.server import ROUTES, FeedServer

    options = calendar_options(args.option)
    count = len(load(args.timeline))  # a file that cannot be read stops it before listening
    feed = Feed(args.timeline, {"ical": options}, log=_log)
    server = FeedServer(feed, args.host, args.port)
    try:  # Ctrl-C from here on ends it cleanly, exit code 0
        if not is_loopback(args.host):
            warnings.warn(f"listening on {args.host}, not only on this machine: anyone who "
                          f"can reach it on port {server.port} can read the timeline",
                          stacklevel=1)
        print(f"serving {args.timeline} ({count} events); Ctrl-C to stop", file=out)
        print(f"  subscribe: {server.url(scheme='webcal')}", file=out)
        for path, format in ROUTES.items():
            if path != "/":
                print(f"  {format + ':':9} {server.url(path)}", file=out)
        out.flush()
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopped", file=out)
    finally:
        server.server_close()
    return 0


SERVE = Command(
    "serve", "serve a timeline over HTTP as a calendar feed (webcal://), JSON and a Gantt chart",
    _run, _arguments)
"""The ``serve`` command."""
