"""The built-in ``serve`` command: a timeline file served over HTTP as a calendar feed for
``webcal://`` subscriptions, as JSON and as the HTML Gantt chart (docs/feeds.md).

Written as a third-party plugin would be: one :class:`~mitimeline.Command` registered from
``register_commands``. It reaches the formats through the public registry (``load``,
``export``, ``find_exporter``), never by importing the other built-ins. Modules, one job
each: ``feed`` (the file, read again when it changes, each format rendered once per
version), ``conditional`` (ETag and date checks for 304 answers), ``addresses`` (loopback
or not), ``server`` (``http.server``: ``FeedServer`` and ``serving``, imported only when a
server starts), ``command`` (the command line).
"""

from __future__ import annotations

from collections.abc import Callable

from mitimeline.commands import Command
from mitimeline.default_plugins.serve.command import SERVE
from mitimeline.hookspecs import hookimpl

__all__ = ["SERVE", "register_commands"]


@hookimpl
def register_commands(register: Callable[[Command], None]) -> None:
    """Register the ``serve`` command."""
    register(SERVE)
