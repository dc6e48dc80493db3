"""``mitimeline publish caldav TIMELINE URL ...``: the command line of :func:`publish`.

Exit codes: 0 everything published (or unchanged); 1 conflicts were left alone; 3 some
events could not be published (each is listed with its reason; running the command again
finishes the job); 2 publishing could not start (one ``error:`` line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

import mitimeline

from .publish import publish

if TYPE_CHECKING:
    import argparse

__all__ = ["COMMAND"]

EXIT_OK, EXIT_CONFLICTS, EXIT_FAILED = 0, 1, 3


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("timeline", metavar="TIMELINE", help="a timeline in any readable format")
    parser.add_argument("url", metavar="URL",
                        help="a calendar's URL, or the server's (then name the calendar with "
                             "--calendar)")
    parser.add_argument("--calendar", metavar="NAME",
                        help="the calendar's display name (or the last part of its URL)")
    parser.add_argument("--create", action="store_true",
                        help="create the calendar NAME if it does not exist")
    parser.add_argument("--prune", action="store_true",
                        help="delete the events this timeline published before and no longer has")
    parser.add_argument("--dry-run", action="store_true",
                        help="say what would be done; write nothing")
    parser.add_argument("--force", action="store_true",
                        help="overwrite (or prune) events someone changed in the calendar")
    parser.add_argument("--insecure", action="store_true",
                        help="do not check the server's TLS certificate (a test server)")
    parser.add_argument("--scope", metavar="TEXT",
                        help="what marks this timeline's events in the calendar (default: its "
                             "title)")
    parser.add_argument("--from", dest="from_format", metavar="FORMAT",
                        help="the timeline's format (default: from its extension or content)")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    timeline = mitimeline.load(args.timeline, format=args.from_format)
    report = publish(timeline, args.url, calendar=args.calendar, prune=args.prune,
                     dry_run=args.dry_run, force=args.force, create=args.create,
                     insecure=args.insecure, scope=args.scope)
    print(f"{report.calendar}: {report.summary()}", file=out)
    for event_id in report.conflicts:
        print(f"conflict: {event_id}: changed in the calendar since it was published; left "
              f"alone (--force overwrites it)", file=out)
    for failure in report.failed:
        print(f"failed: {failure}", file=out)
    if report.failed:
        return EXIT_FAILED
    return EXIT_CONFLICTS if report.conflicts else EXIT_OK


COMMAND = mitimeline.Command(
    "caldav", "publish a timeline to a CalDAV calendar (Nextcloud, iCloud, Radicale, ...)",
    run=_run, arguments=_arguments, group="publish")
"""``mitimeline publish caldav``."""
