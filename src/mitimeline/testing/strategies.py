"""Hypothesis strategies for mitimeline values: ``whens()``, ``places()``, ``events()``,
``timelines()`` and their parts.

Self-contained (only Hypothesis and mitimeline's public classes), so they can move into
``mitimeline.testing`` unchanged. Every strategy draws only values the model accepts, and
covers every optional field both present and absent.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from ..errors import install_hint

try:
    from hypothesis import strategies as st
except ImportError as exc:  # the one dependency of mitimeline.testing beyond mitimeline's
    raise ModuleNotFoundError(
        f"mitimeline.testing needs Hypothesis, which is not installed: install the 'testing' "
        f"extra (pytest and Hypothesis): {install_hint('testing')}",
        name="hypothesis",
    ) from exc

from ..model import ID_SLUG, KINDS, STATUSES, Claim, Credit, Event, Place, Production, Source
from ..timeline import Timeline
from ..when import When

__all__ = [
    "claims",
    "credits",
    "edtf_texts",
    "events",
    "json_values",
    "places",
    "productions",
    "slugs",
    "sources",
    "timelines",
    "whens",
]

TIMEZONES = ("UTC", "Europe/Oslo", "Europe/Rome", "America/Los_Angeles", "Asia/Kolkata",
             "Australia/Lord_Howe", "Africa/Casablanca", "Pacific/Chatham")

_DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
_QUALIFIERS = st.sampled_from(["", "?", "~", "%"])


def slugs() -> st.SearchStrategy[str]:
    """Ids as the model accepts them: ``norway-ramp-jump``, ``a.b_c``."""
    return st.from_regex(ID_SLUG, fullmatch=True)


def _nonblank_text() -> st.SearchStrategy[str]:
    return st.text(min_size=1, max_size=30).filter(str.strip)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def _unspecified(draw: st.DrawFn) -> str:
    """A date with trailing unspecified digits: ``201X``, ``2020-1X``, ``2020-09-XX``, ..."""
    day = draw(_DAYS)
    year = f"{day.year:04d}"
    return draw(st.sampled_from([
        year[:3] + "X",
        year[:2] + "XX",
        year[:1] + "XXX",
        f"{year}-0X",
        f"{year}-1X",
        f"{year}-XX",
        f"{year}-XX-XX",
        f"{year}-1X-XX",
        f"{year[:2]}XX-XX-XX",
        f"{year}-{day.month:02d}-XX",
        f"{year}-{day.month:02d}-0X",
        f"{year}-{day.month:02d}-1X",
        f"{year}-{day.month:02d}-2X",
    ]))


@st.composite
def _datetime_text(draw: st.DrawFn) -> str:
    """``YYYY-MM-DDThh:mm:ss`` with no offset, ``Z``, or ``±hh:mm`` / ``±hhmm`` / ``±hh``."""
    day = draw(_DAYS)
    hour, minute, second = draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(
        st.integers(0, 59))
    sign = draw(st.sampled_from("+-"))
    off_h, off_m = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    zone = draw(st.sampled_from([
        "", "Z", f"{sign}{off_h:02d}:{off_m:02d}", f"{sign}{off_h:02d}{off_m:02d}",
        f"{sign}{off_h:02d}",
    ]))
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}{zone}"


@st.composite
def _single_text(draw: st.DrawFn, groupings: bool = True) -> str:
    """One date of any form: year, month, day, date-time, season or unspecified digits; with
    ``groupings``, the sub-year groupings 25-41 too (not an interval's ends)."""
    form = draw(st.sampled_from(["year", "month", "day", "datetime", "season", "unspecified"]))
    if form == "datetime":
        return draw(_datetime_text())
    day = draw(_DAYS)
    if form == "year":
        text = f"{day.year:04d}"
    elif form == "month":
        text = f"{day.year:04d}-{day.month:02d}"
    elif form == "day":
        text = day.isoformat()
    elif form == "season":  # 21-24 seasons, 25-41 sub-year groupings (never qualified)
        grouping = draw(st.integers(21, 41 if groupings else 24))
        text = f"{min(day.year, 9998):04d}-{grouping}"
        if grouping > 24:
            return text
    else:
        text = draw(_unspecified())
    return text + draw(_QUALIFIERS)


_PLAIN_FORMATS = {"year": 4, "month": 7, "day": 10}
"""A plain date's precision -> the length of its ISO text."""


@st.composite
def _set_member(draw: st.DrawFn) -> str:
    """A set member: a date (no season or time; a qualifier or X digits) or a range
    ``a..b`` of two plain dates of one precision."""
    if draw(st.booleans()):
        form = draw(st.sampled_from(["year", "month", "day", "unspecified"]))
        if form == "unspecified":
            return draw(_unspecified())
        return draw(_DAYS).isoformat()[:_PLAIN_FORMATS[form]] + draw(_QUALIFIERS)
    size = _PLAIN_FORMATS[draw(st.sampled_from(sorted(_PLAIN_FORMATS)))]
    first, last = sorted(draw(st.lists(_DAYS, min_size=2, max_size=2)))
    return f"{first.isoformat()[:size]}..{last.isoformat()[:size]}"


@st.composite
def _set_text(draw: st.DrawFn) -> str:
    """One of a set ``[...]`` or multiple dates ``{...}``, canonical or not: members in any
    order, repeated or not, spaces after commas or not, maybe one open at its start
    (``..d``) and one at its end (``d..``)."""
    members = draw(st.lists(_set_member(), min_size=1, max_size=4))
    if draw(st.booleans()):
        members.insert(draw(st.integers(0, len(members))), ".." + draw(_DAYS).isoformat()[
            :_PLAIN_FORMATS[draw(st.sampled_from(sorted(_PLAIN_FORMATS)))]])
    if draw(st.booleans()):
        members.insert(draw(st.integers(0, len(members))), draw(_DAYS).isoformat()[
            :_PLAIN_FORMATS[draw(st.sampled_from(sorted(_PLAIN_FORMATS)))]] + "..")
    opening, closing = draw(st.sampled_from([("[", "]"), ("{", "}")]))
    return opening + draw(st.sampled_from([",", ", "])).join(members) + closing


@st.composite
def edtf_texts(draw: st.DrawFn) -> str:
    """EDTF text, canonical or not: single dates (3/5 of draws), level-2 sets (1/5) and
    intervals with any ends, including open (``..``) and unknown (empty) ones (1/5)."""
    choice = draw(st.integers(0, 4))
    if choice > 1:
        return draw(_single_text())
    if choice == 1:
        return draw(_set_text())
    ends = st.one_of(_single_text(groupings=False), st.sampled_from(["..", ""]))
    start = draw(ends)
    end = draw(_single_text(groupings=False) if start in ("..", "") else ends)
    return f"{start}/{end}"


def whens() -> st.SearchStrategy[When]:
    """``When`` values over every EDTF form mitimeline reads."""
    return edtf_texts().map(When)


@st.composite
def places(draw: st.DrawFn) -> Place:
    """Places with every optional part present or absent; coordinates come in pairs."""
    coordinates = draw(_optional(st.tuples(
        st.floats(-90, 90) | st.integers(-90, 90),
        st.floats(-180, 180) | st.integers(-180, 180),
    )))
    latitude, longitude = coordinates if coordinates else (None, None)
    return Place(
        name=draw(_nonblank_text()),
        locality=draw(_optional(st.text(max_size=20))),
        region=draw(_optional(st.text(max_size=20))),
        country=draw(_optional(st.from_regex(r"[A-Z]{2}", fullmatch=True))),
        latitude=latitude,
        longitude=longitude,
        timezone=draw(_optional(st.sampled_from(TIMEZONES))),
    )


def credits() -> st.SearchStrategy[Credit]:
    """People, with and without a role."""
    return st.builds(Credit, _nonblank_text(), _optional(st.text(max_size=20)))


def sources() -> st.SearchStrategy[Source]:
    """Sources with every optional field present or absent."""
    return st.builds(
        Source,
        id=slugs(),
        title=_nonblank_text(),
        publisher=_optional(st.text(max_size=20)),
        url=_optional(st.text(max_size=40)),
        published=_optional(whens()),
        language=_optional(st.from_regex(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}",
                                         fullmatch=True)),
    )


def productions() -> st.SearchStrategy[Production]:
    """Productions, with and without working title, studios and Wikidata id."""
    return st.builds(
        Production,
        title=_nonblank_text(),
        working_title=_optional(st.text(max_size=20)),
        studios=st.lists(_nonblank_text(), max_size=3),
        wikidata=_optional(st.from_regex(r"Q[1-9][0-9]{0,8}", fullmatch=True)),
    )


def json_values(max_leaves: int = 8) -> st.SearchStrategy[Any]:
    """JSON data as ``json.loads`` returns it: finite floats, any-size ints, nested values."""
    scalars = (st.none() | st.booleans() | st.integers() | st.text(max_size=10)
               | st.floats(allow_nan=False, allow_infinity=False))
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
            st.text(max_size=8), inner, max_size=3),
        max_leaves=max_leaves,
    )


def claims() -> st.SearchStrategy[Claim]:
    """Claims: one to three sources, each other field present or absent."""
    return st.builds(
        Claim,
        sources=st.lists(slugs(), min_size=1, max_size=3),
        when=_optional(whens()),
        place=_optional(places()),
        status=_optional(st.sampled_from(STATUSES)),
        title=_optional(_nonblank_text()),
        people=st.lists(credits(), max_size=2),
        note=_optional(st.text(max_size=20)),
    )


def events(ids: st.SearchStrategy[str] | None = None,
           with_claims: bool = False) -> st.SearchStrategy[Event]:
    """Events with every field drawn, optional ones present or absent; ``with_claims`` also
    draws claims (the event's sources are then theirs)."""
    plain = _events(ids)
    if not with_claims:
        return plain
    claimed = st.builds(lambda event, drawn: attrs.evolve(event, sources=(), claims=drawn),
                        plain, st.lists(claims(), min_size=1, max_size=3))
    return plain | claimed


def _events(ids: st.SearchStrategy[str] | None) -> st.SearchStrategy[Event]:
    return st.builds(
        Event,
        id=slugs() if ids is None else ids,
        title=_nonblank_text(),
        when=whens(),
        kind=st.sampled_from(KINDS),
        place=_optional(places()),
        people=st.lists(credits(), max_size=3),
        unit=_optional(st.text(max_size=10)),
        status=st.sampled_from(STATUSES),
        region=_optional(st.from_regex(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?", fullmatch=True)),
        sources=st.lists(slugs(), max_size=3),
        description=_optional(st.text(max_size=40)),
        tags=st.lists(_nonblank_text(), max_size=3),
        extra=st.dictionaries(st.text(max_size=8), json_values(), max_size=3),
    )


def timelines(max_events: int = 6, with_claims: bool = False) -> st.SearchStrategy[Timeline]:
    """Timelines of up to ``max_events`` events, with or without production and description;
    ``with_claims`` gives some events claims."""
    return st.builds(
        Timeline,
        title=st.text(max_size=30),
        events=st.lists(events(with_claims=with_claims), max_size=max_events),
        sources=st.lists(sources(), max_size=3),
        production=_optional(productions()),
        description=_optional(st.text(max_size=40)),
    )
