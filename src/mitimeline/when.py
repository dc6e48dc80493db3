"""``When``: a date or interval that may be imprecise, written and read as EDTF.

A ``When`` knows its canonical EDTF text (``str(when)``), its inclusive bounds ``lower`` and
``upper`` (``datetime.date``), its ``precision`` and whether it is ``approximate`` or
``uncertain``. Comparisons work on the bounds at day resolution (or on the instants, when
both sides carry a time of day) and say ``None`` when the bounds cannot decide.

A level-2 set is a ``When`` too: ``[a,b]`` means one of its members (``is_one_of``),
``{a,b}`` all of them (``is_multiple``, e.g. non-contiguous shoot days). Its bounds are the
hull of its ``members``; comparisons look at the members, and ``day_runs()`` gives the days
an event actually takes.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Union

import attrs

from . import limits
from ._edtf import GROUPINGS, Parsed, format_moment, member_text, parse_edtf, parse_plain
from .errors import DateParseError

__all__ = ["When", "WhenLike"]

WhenLike = Union["When", date, str]
"""Anything a query accepts as a date: a ``When``, a ``date``/``datetime``, or parseable text."""

ACCEPTED_FORMS = (
    "EDTF such as 2020, 2020-09, 2020-09-06, 2020-09-06T09:14:00Z, 2020-09~ (approximate), "
    "2020-09? (uncertain), 201X, 2020-23 (autumn), 2021-33 (Q1), 2020-09/2020-10, "
    "2020-09/.., [2020-06,2020-08] (one of), [..2020-12-24] (on or before), "
    "{2020-10-03,2020-10-05} (all of); "
    "or English such as 'September 2020', 'Sep 6, 2020', '6 September 2020', "
    "'early October 2020', 'autumn 2020', 'Q1 2021', 'first half of 2021', "
    "'before Christmas 2020', 'no earlier than 2021', 'on 3, 5 and 9 October 2020', "
    "'June or August 2020', "
    "'c. 2019', '2020-09-06 to 2020-10-05'"
)

_SEASON_NAMES = {
    21: "spring", 22: "summer", 23: "autumn", 24: "winter",
    25: "northern spring", 26: "northern summer", 27: "northern autumn", 28: "northern winter",
    29: "southern spring", 30: "southern summer", 31: "southern autumn", 32: "southern winter",
    33: "first quarter of", 34: "second quarter of", 35: "third quarter of",
    36: "fourth quarter of", 37: "first four months of", 38: "second four months of",
    39: "last four months of", 40: "first half of", 41: "second half of",
}
"""EDTF's sub-year groupings in words (``_english`` reads more)."""


@attrs.frozen(init=False, eq=False, repr=False)
class When:
    """A fuzzy date, date-time, interval or level-2 set. Build it with :meth:`parse`,
    ``When("2020-09")``, :meth:`interval`, :meth:`one_of` or :meth:`multiple`.

    Equality and hashing use the canonical EDTF text only.
    """

    edtf: str
    """Canonical EDTF text; ``When(str(w)) == w``."""
    lower: date
    """Earliest day it may mean (inclusive); ``date.min`` for an open or unknown start."""
    upper: date
    """Latest day it may mean (inclusive); ``date.max`` for an open or unknown end."""
    _parsed: Parsed = attrs.field(alias="_parsed")
    # The rest of what was read is in ``_parsed`` only (properties below): every slot set
    # costs ~75 ns when a When is built, and When.parse builds one per new text.

    def __init__(self, edtf: str) -> None:
        """Read canonical or non-canonical EDTF; raise :class:`DateParseError` otherwise."""
        _check_length(edtf)
        parsed = _parse_edtf_cached(edtf)
        self.__attrs_init__(parsed.edtf, parsed.lower, parsed.upper, parsed)

    @property
    def precision(self) -> str:
        """``"year"``, ``"season"`` (also a sub-year grouping 25-41), ``"month"``, ``"day"`` or
        ``"time"``; an interval's finest end, a set's finest member."""
        return self._parsed.precision

    @property
    def approximate(self) -> bool:
        """True when it (any end or member) is approximate (``~`` or ``%``; "early October",
        "c. 2019")."""
        return self._parsed.approximate

    @property
    def uncertain(self) -> bool:
        """True when it (any end or member) is uncertain (``?`` or ``%``)."""
        return self._parsed.uncertain

    # -- construction -------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> When:
        """Read EDTF or everyday English; raise :class:`DateParseError` naming the input."""
        if not isinstance(text, str):
            raise DateParseError(
                f"expected a date as text, got {type(text).__name__}: {text!r}", repr(text)
            )
        if len(text) > limits.MAX_DATE_LENGTH:
            _check_length(text)
        return _parse_cached(text)

    @classmethod
    def coerce(cls, value: WhenLike) -> When:
        """Return ``value`` as a ``When``: a ``When`` as is, a ``date`` or ``datetime``, or text."""
        if isinstance(value, When):
            return value
        if isinstance(value, datetime):
            return cls(format_moment(value))
        if isinstance(value, date):
            return cls(value.isoformat())
        return cls.parse(value)

    @classmethod
    def interval(cls, start: WhenLike | None, end: WhenLike | None) -> When:
        """An interval from ``start`` to ``end``; ``None`` means an open end (``..``)."""
        first = ".." if start is None else cls.coerce(start)._single_edtf("start")
        last = ".." if end is None else cls.coerce(end)._single_edtf("end")
        return cls(f"{first}/{last}")

    @classmethod
    def one_of(cls, members: Iterable[WhenLike]) -> When:
        """One of ``members`` (EDTF ``[a,b]``): each a date, or an interval (a range ``a..b``
        of plain dates of one precision, open only at the start of the earliest or the end of
        the latest). One date alone is that date."""
        return cls(_set_text("[", "]", members))

    @classmethod
    def multiple(cls, members: Iterable[WhenLike]) -> When:
        """All of ``members`` (EDTF ``{a,b}``, multiple dates), the members as for
        :meth:`one_of`. One date alone is that date."""
        return cls(_set_text("{", "}", members))

    def _single_edtf(self, which: str) -> str:
        if self.is_set:
            raise DateParseError(f"the {which} of an interval cannot be a set: "
                                 f"{self.edtf!r}", self.edtf)
        if self.is_interval:
            raise DateParseError(f"the {which} of an interval cannot itself be an interval: "
                                 f"{self.edtf!r}", self.edtf)
        return self.edtf

    # -- structure ----------------------------------------------------------------------

    @property
    def is_interval(self) -> bool:
        """True for an interval ``a/b`` (a set is not one, whatever its members)."""
        return self._parsed.interval

    @property
    def is_set(self) -> bool:
        """True for a level-2 set, ``[...]`` (one of) or ``{...}`` (all of)."""
        return bool(self._parsed.members)

    @property
    def is_one_of(self) -> bool:
        """True for one of a set ``[a,b]``: it means one of its members, unknown which
        (``[..d]`` on or before ``d``, ``[d..]`` on or after ``d``)."""
        return self.edtf[0] == "["

    @property
    def is_multiple(self) -> bool:
        """True for multiple dates ``{a,b}``: it means every one of its members."""
        return self.edtf[0] == "{"

    @property
    def members(self) -> tuple[When, ...]:
        """A set's members in canonical order (by bounds), a range ``a..b`` as the interval
        ``a/b`` (``..b`` as ``../b``, ``a..`` as ``a/..``); ``()`` for anything but a set."""
        return tuple(map(_from_parsed, self._parsed.members))

    def day_runs(self) -> tuple[tuple[date, date], ...]:
        """The runs of days it takes, as inclusive ``(first, last)`` pairs in order: for
        multiple dates its members' days, adjacent or overlapping ones joined into one run;
        for anything else the one run ``(lower, upper)`` (open ends as ``date.min`` /
        ``date.max``)."""
        if not self.is_multiple:
            return ((self.lower, self.upper),)
        return _join_runs(_spans(self))

    @property
    def start(self) -> When | None:
        """The start of an interval (``None`` when open or unknown); a single date or a set
        is its own (a set's parts are its ``members``)."""
        if not self._parsed.interval:
            return self
        return None if self._parsed.start is None else When(self._parsed.start.edtf)

    @property
    def end(self) -> When | None:
        """The end of an interval (``None`` when open or unknown); a single date or a set is
        its own (a set's parts are its ``members``)."""
        if not self._parsed.interval:
            return self
        return None if self._parsed.end is None else When(self._parsed.end.edtf)

    @property
    def open_start(self) -> bool:
        """True when its start is open or unknown (``../b``, ``/b``, a set's ``..b``); then
        ``lower`` is ``date.min`` (which a date in year 1 may have too)."""
        parsed = self._parsed.members[0] if self._parsed.members else self._parsed
        return parsed.interval and parsed.start is None

    @property
    def open_end(self) -> bool:
        """True when its end is open or unknown (``a/..``, ``a/``, a set's ``a..``); then
        ``upper`` is ``date.max`` (which a date in year 9999 may have too)."""
        parsed = self._parsed.members[-1] if self._parsed.members else self._parsed
        return parsed.interval and parsed.end is None

    @property
    def start_datetime(self) -> datetime | None:
        """The instant it starts, when it has a time of day; else ``None``."""
        part = self._parsed.start if self._parsed.interval else self._parsed
        return None if part is None else part.moment

    @property
    def end_datetime(self) -> datetime | None:
        """The instant it ends, when it has a time of day; else ``None``."""
        part = self._parsed.end if self._parsed.interval else self._parsed
        return None if part is None else part.moment

    @property
    def ends_before_start(self) -> bool:
        """True for an interval whose end comes before its start: a day before, or an
        earlier instant when both ends have a time of day (both with a UTC offset, or both
        without). ``validate()`` reports one; comparisons involving one mean nothing."""
        if not self._parsed.interval:
            return False
        start, end = self._parsed.start, self._parsed.end
        if start is None or end is None:
            return False
        if end.upper < start.lower:
            return True
        first, last = start.moment, end.moment
        if first is None or last is None or (first.tzinfo is None) != (last.tzinfo is None):
            return False
        return last < first

    # -- ordering and comparison --------------------------------------------------------

    def sort_key(self) -> tuple[date, date, str]:
        """Sort by ``lower``, then ``upper``, then the text (so ties are deterministic)."""
        return (self.lower, self.upper, self.edtf)

    def overlaps(self, other: WhenLike) -> bool:
        """True when the two may share a moment: their closed bounds intersect. For a set,
        a member's bounds must: one of ``[2020-06,2020-08]`` may overlap June, not July;
        multiple dates ``{2020-10-03,2020-10-09}`` overlap October 3rd, not the 5th."""
        other = When.coerce(other)
        if self._parsed.members or other._parsed.members:
            return any(a_lo <= b_hi and b_lo <= a_hi
                       for a_lo, a_hi in _spans(self) for b_lo, b_hi in _spans(other))
        a_lo, a_hi, b_lo, b_hi, _ = _bounds(self, other)
        return a_lo <= b_hi and b_lo <= a_hi

    def contains(self, other: WhenLike) -> bool:
        """True when every moment ``other`` may mean lies within this one's bounds (for a
        set, within the days of its members)."""
        other = When.coerce(other)
        if self._parsed.members or other._parsed.members:
            runs = _join_runs(_spans(self))
            return all(any(lo <= b_lo and b_hi <= hi for lo, hi in runs)
                       for b_lo, b_hi in _spans(other))
        a_lo, a_hi, b_lo, b_hi, _ = _bounds(self, other)
        return a_lo <= b_lo and b_hi <= a_hi

    def before(self, other: WhenLike) -> bool | None:
        """True if certainly before ``other``, False if certainly not, None if undecidable.

        "Certainly before" means this one's latest moment precedes the other's earliest.
        "Certainly not" means this one's earliest is not before the other's latest. Sets
        compare by their hulls, except that every member of multiple dates happens: ``{June,
        August}`` is certainly not before July, as its August is not.
        """
        other = When.coerce(other)
        a_lo, a_hi, b_lo, b_hi, instants = _bounds(self, other)
        if a_hi < b_lo:
            return True
        if self.is_multiple:  # its latest member happens: its earliest day is a floor
            a_lo = max(m.lower for m in self._parsed.members)
        if other.is_multiple:  # its earliest member happens: its last day is a ceiling
            b_hi = min(m.upper for m in other._parsed.members)
        if a_lo > b_hi or (a_lo == b_hi and instants):
            return False
        if a_lo == b_hi and "time" not in (self.precision, other.precision):
            return False  # the same day at day resolution: not before
        return None

    # -- presentation -------------------------------------------------------------------

    def describe(self) -> str:
        """Readable English, e.g. ``"early October 2020 (approximate)"``."""
        parsed = self._parsed
        text = _describe_set(self) if parsed.members else _describe_third(parsed)
        if text is None and parsed.interval:
            first = "" if parsed.start is None else _describe_single(parsed.start)
            last = "" if parsed.end is None else _describe_single(parsed.end)
            if not first:
                text = f"until {last}" if self.edtf.startswith("..") else f"unknown to {last}"
            elif not last:
                text = f"from {first}" if self.edtf.endswith("..") else f"{first} to unknown"
            else:
                text = f"{first} to {last}"
        elif text is None:
            text = _describe_single(parsed)
        flags = [name for name, on in (("approximate", self.approximate),
                                       ("uncertain", self.uncertain)) if on]
        return f"{text} ({', '.join(flags)})" if flags else text

    def __str__(self) -> str:
        return self.edtf

    def __repr__(self) -> str:
        return f"When({self.edtf!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, When):
            return self.edtf == other.edtf
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.edtf)

    def __reduce__(self) -> tuple[type[When], tuple[str]]:
        return (When, (self.edtf,))


@functools.lru_cache(maxsize=65536)
def _parse_edtf_cached(text: str) -> Parsed:
    return parse_edtf(text)


@functools.lru_cache(maxsize=16384)
def _parse_cached(text: str) -> When:
    stripped = text.strip()
    try:
        parsed = parse_plain(stripped) or parse_edtf(stripped)
    except DateParseError as exc:
        edtf_error = exc
    else:  # When(stripped) without its length check and cache lookup
        return _from_parsed(parsed)
    # Here, not at the top: 2.8 ms of `import mitimeline` (its regular expressions), and
    # only text that is not EDTF needs it.
    from ._english import english_to_edtf

    edtf = english_to_edtf(stripped)
    if edtf is not None:
        try:
            return When(edtf)
        except DateParseError as exc:
            raise DateParseError(f"could not read {text!r} as a date: {exc}", text) from None
    why = f" ({edtf_error})" if _LOOKS_LIKE_EDTF.fullmatch(stripped) else ""
    raise DateParseError(
        f"could not read {text!r} as a date{why}; accepted forms: {ACCEPTED_FORMS}", text
    )


def read_edtf(text: str) -> When:
    """``When(text)`` without the cache behind it: for readers that remember the texts they
    have read themselves (the JSON reader), to whom the shared cache is only a cost."""
    _check_length(text)
    return _from_parsed(parse_edtf(text))


def _from_parsed(parsed: Parsed) -> When:
    when: When = object.__new__(When)
    when.__attrs_init__(parsed.edtf, parsed.lower, parsed.upper, parsed)
    return when


def clear_caches() -> None:
    """Empty the caches behind :meth:`When.parse` and ``When(text)``, as in a fresh process
    (for cold-cache benchmarks and tests)."""
    _parse_cached.cache_clear()
    _parse_edtf_cached.cache_clear()


def _check_length(text: object) -> None:
    """DateParseError naming :data:`~mitimeline.limits.MAX_DATE_LENGTH` for overlong text."""
    if isinstance(text, str) and len(text) > limits.MAX_DATE_LENGTH:
        raise DateParseError(
            f"a date text of {len(text):,} characters ({text[:40]!r}...) is over the limit "
            f"mitimeline.limits.MAX_DATE_LENGTH = {limits.MAX_DATE_LENGTH:,} characters; no "
            "date is that long (set that attribute to allow longer text)", text,
        )


_LOOKS_LIKE_EDTF = re.compile(r"[0-9X./[{](?:[0-9X.?~%/T:+Z\]}-]|, ?)*")


def _bounds(a: When, b: When) -> tuple[date, date, date, date, bool]:
    """(a start, a end, b start, b end, True) as instants when both sides carry comparable
    times of day (both zone-aware or both floating); else their day bounds and False."""
    times = (a.start_datetime, a.end_datetime, b.start_datetime, b.end_datetime)
    if all(times) and len({t.tzinfo is None for t in times if t is not None}) == 1:
        a_lo, a_hi, b_lo, b_hi = (t for t in times if t is not None)
        return a_lo, a_hi, b_lo, b_hi, True
    return a.lower, a.upper, b.lower, b.upper, False


def _describe_single(parsed: Parsed) -> str:
    edtf = parsed.edtf.rstrip("?~%")
    if parsed.moment is not None:
        moment = parsed.moment
        zone = format_moment(moment)[19:]
        return (f"{moment.day} {calendar.month_name[moment.month]} {moment.year} "
                f"{moment:%H:%M}{' ' + zone if zone else ''}")
    if "X" in edtf:
        return f"{parsed.lower.isoformat()}..{parsed.upper.isoformat()} ({edtf})"
    if parsed.precision == "year":
        return edtf
    year, month = int(edtf[:4]), int(edtf[5:7])
    if parsed.precision == "season":
        name = _SEASON_NAMES[month]
        if GROUPINGS[month][1] > 12:  # December to February
            return f"{name} {year}–{(year + 1) % 100:02d}"
        return f"{name} {year}"
    if parsed.precision == "month":
        return f"{calendar.month_name[month]} {year}"
    return f"{int(edtf[8:10])} {calendar.month_name[month]} {year}"


def _describe_set(when: When) -> str:
    """"one of June 2020 or August 2020", "on or before 24 December 2020", "3 October 2020,
    5 October 2020 and 9 October 2020"."""
    names = []
    for member in when.members:
        start, end = member.start, member.end
        first = "" if start is None else _describe_single(start._parsed)
        last = "" if end is None else _describe_single(end._parsed)
        if not member.is_interval:
            names.append(first)
        elif not first:
            names.append(f"on or before {last}")
        elif not last:
            names.append(f"on or after {first}")
        else:
            names.append(f"{first} to {last}")
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    if when.is_multiple:
        return f"each of {listed}" if len(names) > 1 else f"every day of {listed}"
    if len(names) == 1:
        return names[0] if names[0].startswith("on or") else f"some time in {listed}"
    return f"one of {', '.join(names[:-1])} or {names[-1]}"


def _spans(when: When) -> list[tuple[date, date]]:
    """The bounds of each member of a set, or the one pair of bounds of anything else."""
    members = when._parsed.members
    if not members:
        return [(when.lower, when.upper)]
    return [(m.lower, m.upper) for m in members]


def _join_runs(spans: list[tuple[date, date]]) -> tuple[tuple[date, date], ...]:
    """Inclusive day spans sorted, overlapping and adjacent ones joined."""
    runs: list[tuple[date, date]] = []
    for lower, upper in sorted(spans):
        if runs and lower.toordinal() <= runs[-1][1].toordinal() + 1:
            runs[-1] = (runs[-1][0], max(runs[-1][1], upper))
        else:
            runs.append((lower, upper))
    return tuple(runs)


def _set_text(opening: str, closing: str, members: Iterable[WhenLike]) -> str:
    texts = []
    for value in members:
        member = When.coerce(value)
        if member.is_set:
            raise DateParseError(f"a member of a set cannot itself be a set: {member.edtf!r}",
                                 member.edtf)
        texts.append(member_text(member._parsed))
    return opening + ",".join(texts) + closing


def _describe_third(parsed: Parsed) -> str | None:
    """"early/mid/late October 2020" for the intervals :meth:`When.parse` makes of them."""
    start, end = parsed.start, parsed.end
    if start is None or end is None or start.precision != "day" or end.precision != "day":
        return None
    if start.lower.replace(day=1) != end.lower.replace(day=1):
        return None
    month_end = calendar.monthrange(start.lower.year, start.lower.month)[1]
    from ._english import THIRDS  # here: see _parse_cached; a third is English

    for name, (first, last) in THIRDS.items():
        if start.lower.day == first and end.lower.day == min(last, month_end):
            name = "mid-" if name == "mid" else name + " "
            return f"{name}{calendar.month_name[start.lower.month]} {start.lower.year}"
    return None
