"""The analysis of one event's claims: the one home for the rules that ``validate()`` checks
and ``merge()`` applies.

- **Places** compare as the same place, one inside the other ("Norway" and "Stranda, NO"),
  spelling variants ("Strand" and "Stranda") or different places (:func:`place_relation`).
- **Consistent dates narrow**: when every claim's bounds intersect, the value is the tightest
  ``When`` within all of them (:func:`narrow`); one of a set narrows to the members a claim
  falls in, multiple dates member by member, and a claim outside a set's members is a
  contradiction.
- **Moved dates are kept**: for a planned happening, a claim from a later-published source
  supersedes earlier ones (``rescheduled``); so does a later ``cancelled``.
- **Contradictions are surfaced**: for a past happening, disjoint dates or different places
  are a ``contradiction``, and the value follows :func:`ranked` (more sources, then the more
  recently published, then the more precise).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date

import attrs

from .errors import DateParseError
from .model import Claim, Event, Place
from .when import When

__all__ = [
    "Note",
    "Reconciled",
    "is_planned",
    "narrow",
    "place_relation",
    "places_compatible",
    "ranked",
    "reconcile",
    "review",
    "similarity",
]

PRECISIONS = ("year", "season", "month", "day", "time")
PLANNED_KINDS = ("release", "announcement")
VARIANT_SIMILARITY = 0.8
"""Two place names at least this similar (difflib ratio, accents and case ignored) with the
same first letter are spelling variants of one name."""

NUMBERED_SIMILARITY = 0.4
"""The most two texts whose numbers differ can be alike (:func:`similarity`): below the 0.5
under which the built-in score counts titles as unalike."""

_NUMBER = re.compile(r"[0-9]+")

_COUNTRY_NAMES = {
    "argentina": "AR", "australia": "AU", "austria": "AT", "belgium": "BE", "brazil": "BR",
    "canada": "CA", "china": "CN", "czechia": "CZ", "czech republic": "CZ", "denmark": "DK",
    "england": "GB", "finland": "FI", "france": "FR", "germany": "DE", "greece": "GR",
    "hungary": "HU", "iceland": "IS", "india": "IN", "ireland": "IE", "italy": "IT",
    "japan": "JP", "jordan": "JO", "mexico": "MX", "morocco": "MA", "netherlands": "NL",
    "new zealand": "NZ", "norway": "NO", "poland": "PL", "portugal": "PT", "scotland": "GB",
    "south africa": "ZA", "spain": "ES", "sweden": "SE", "switzerland": "CH", "turkey": "TR",
    "united arab emirates": "AE", "united kingdom": "GB", "uk": "GB", "united states": "US",
    "usa": "US", "wales": "GB",
}
"""Country names a place may be called by, so "Norway" (country NO) is known to hold
"Stranda, NO"; a place named by its ISO code ("NO") is recognised without this table."""


@attrs.frozen
class Note:
    """One thing the claims of an event show: ``severity`` and ``code`` as a ``Finding``'s,
    ``field`` the event field it is about."""

    severity: str
    code: str
    field: str
    message: str


@attrs.frozen
class Reconciled:
    """An event's values as its claims give them (``None`` where no claim says), and the
    notes the claims raise."""

    when: When | None
    place: Place | None
    status: str | None
    notes: tuple[Note, ...]
    when_claims: tuple[Claim, ...]
    """The claims the ``when`` should lie within (not superseded, not outvoted)."""
    place_claims: tuple[Claim, ...]
    """The claims the ``place`` should agree with (not outvoted)."""


# -- places ---------------------------------------------------------------------------------

def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0..1, ignoring case and accents (difflib's ratio); at most
    :data:`NUMBERED_SIMILARITY` when both hold numbers and the numbers differ, as numbers name
    different things ("Mission: Impossible 7" and "8", "Happening 12" and "13")."""
    left, right = _fold(a), _fold(b)
    if left == right:
        return 1.0
    ratio = difflib.SequenceMatcher(None, left, right).ratio()
    numbers_left, numbers_right = _NUMBER.findall(left), _NUMBER.findall(right)
    if numbers_left and numbers_right and numbers_left != numbers_right:
        return min(ratio, NUMBERED_SIMILARITY)
    return ratio


def _country_of(place: Place) -> str | None:
    """The country a country-level place names (``None`` for any other place)."""
    if place.locality or place.region:
        return None
    name = _fold(place.name)
    if place.country and name == place.country.casefold():
        return place.country
    named = _COUNTRY_NAMES.get(name)
    return named if named and place.country in (None, named) else None


def _names(place: Place) -> set[str]:
    return {_fold(part) for part in (place.locality, place.region) if part}


def place_relation(a: Place, b: Place) -> str:
    """``"same"``, ``"contains"`` (``a`` holds ``b``), ``"within"`` (``b`` holds ``a``),
    ``"variant"`` (spellings of one name) or ``"different"``."""
    if a.country and b.country and a.country != b.country:
        return "different"
    name_a, name_b = _fold(a.name), _fold(b.name)
    if name_a == name_b:
        return "same"
    country_a, country_b = _country_of(a), _country_of(b)
    if country_a and (country_b is None and (b.country in (None, country_a))):
        return "contains"
    if country_b and (country_a is None and (a.country in (None, country_b))):
        return "within"
    if name_a in _names(b):
        return "contains"
    if name_b in _names(a):
        return "within"
    if name_a[:1] == name_b[:1] and similarity(name_a, name_b) >= VARIANT_SIMILARITY:
        return "variant"
    return "different"


def places_compatible(a: Place, b: Place) -> bool:
    """True unless the two are different places."""
    return place_relation(a, b) != "different"


def _detail(place: Place) -> tuple[int, int]:
    """How specific a place is: country-level places least, then by the parts it gives."""
    parts = sum(p is not None for p in (place.locality, place.region, place.country,
                                          place.latitude, place.timezone))
    return (0 if _country_of(place) else 1, parts)


# -- dates ----------------------------------------------------------------------------------

def _rank(when: When) -> int:
    return PRECISIONS.index(when.precision) if when.precision in PRECISIONS else 0


def _qualified(day: date, source: When) -> str:
    mark = {(True, False): "~", (False, True): "?", (True, True): "%"}.get(
        (source.approximate, source.uncertain), "")
    return day.isoformat() + mark


def narrow(whens: Sequence[When]) -> When | None:
    """The tightest ``When`` within every one of ``whens``; ``None`` when their bounds do not
    all intersect. One of them is returned when its bounds are the intersection (the most
    precise such); otherwise an interval of days, each end approximate or uncertain when the
    ``When`` it is taken from is.

    Sets narrow by their members (:func:`_narrow_sets`), pair by pair in order: one of a set
    keeps the members a claim falls in, narrowed ("[2020-10..2021-11]" and "2021-04" give
    2021-04); multiple dates intersect member by member, and every member must survive."""
    if not whens:
        return None
    if any(w.is_set for w in whens):
        result: When | None = whens[0]
        for when in whens[1:]:
            result = None if result is None else _narrow_sets(result, when)
        return result
    lower = max(w.lower for w in whens)
    upper = min(w.upper for w in whens)
    if lower > upper:
        return None
    exact = [w for w in whens if (w.lower, w.upper) == (lower, upper)]
    if exact:
        return min(exact, key=lambda w: (-_rank(w), w.approximate, w.uncertain, w.edtf))
    low_from = min((w for w in whens if w.lower == lower), key=lambda w: (w.approximate, w.edtf))
    high_from = min((w for w in whens if w.upper == upper), key=lambda w: (w.approximate, w.edtf))
    start = ".." if lower == date.min else _qualified(lower, low_from)
    end = ".." if upper == date.max else _qualified(upper, high_from)
    if lower == upper and start == end:
        return When(start)
    return When(f"{start}/{end}")


def _narrow_sets(a: When, b: When) -> When | None:
    """``a`` narrowed by ``b``, one of them a set; ``None`` for a contradiction: no member of
    one of a set left, or a member of multiple dates that the other does not allow."""
    if b.is_multiple and not a.is_multiple:
        a, b = b, a  # multiple dates first: the claim that every member happened decides
    if a.is_multiple:
        pieces = []
        for member in a.members:
            fits = [p for other in (b.members or (b,)) if (p := narrow([member, other]))]
            if not fits:
                return None  # a day of the one that the other rules out
            pieces.append(fits[0] if len(fits) == 1 else _hull(fits))
        if b.is_multiple and any(not any(p.overlaps(m) for p in pieces) for m in b.members):
            return None  # a day of the other that the one leaves out
        return _as_set(pieces, When.multiple)
    if b.is_one_of and not a.is_one_of:
        a, b = b, a
    pieces = [p for member in a.members for other in (b.members or (b,))
              if (p := narrow([member, other]))]
    if not pieces:
        return None
    if len(pieces) == 1 and (not pieces[0].is_interval or pieces[0] == b):
        return pieces[0]  # a date, or the interval a claim says the event lasted
    return _as_set(pieces, When.one_of)  # still one moment among these


def _hull(whens: Sequence[When]) -> When:
    """The days from the earliest lower bound to the latest upper bound, as an interval."""
    lower, upper = min(w.lower for w in whens), max(w.upper for w in whens)
    return When.interval(None if lower == date.min else lower,
                         None if upper == date.max else upper)


def _as_set(pieces: Sequence[When], build: Callable[[Sequence[When]], When]) -> When:
    """``build(pieces)``; a piece no set can hold as a member (a season, a time of day, an
    approximate interval) stands for its days, and a set that cannot be (two open ends) for
    its hull."""
    members = []
    for piece in pieces:
        try:
            When.one_of([piece])  # can a set hold it?
        except DateParseError:
            piece = _hull([piece])
        members.append(piece)
    try:
        return build(members)
    except DateParseError:
        return _hull(members)


# -- the value rule -------------------------------------------------------------------------

Published = Mapping[str, When | None]
"""The publication date of each source id (``None`` when unknown)."""


def _published(claim: Claim, published: Published) -> date:
    dates = [w.upper for s in claim.sources if (w := published.get(s)) is not None]
    return max(dates, default=date.min)


def _label(claim: Claim) -> str:
    return ", ".join(claim.sources)


def ranked(claims: Sequence[Claim], published: Published) -> list[Claim]:
    """``claims`` best first by the value rule: more sources, then the more recently
    published source, then the more precise date; ties keep their order."""
    return sorted(claims, key=lambda c: (-len(c.sources), -_published(c, published).toordinal(),
                                         -(_rank(c.when) if c.when else 0)))


def is_planned(kind: str, statuses: Sequence[str | None]) -> bool:
    """A happening whose date may move: a release, an announcement, or anything planned."""
    return kind in PLANNED_KINDS or "planned" in statuses


def _supporters(winner: Claim, claims: Sequence[Claim]) -> list[Claim]:
    assert winner.when is not None
    return [c for c in claims if c.when is not None and c.when.overlaps(winner.when)]


def _reconcile_when(dated: list[Claim], planned: bool, published: Published,
                    notes: list[Note]) -> tuple[When | None, list[Claim]]:
    whens = [c.when for c in dated if c.when is not None]
    narrowed = narrow(whens)
    if narrowed is not None or not dated:
        return narrowed, dated
    latest = max(_published(c, published) for c in dated)
    newest = [c for c in dated if _published(c, published) == latest]
    earlier = [c for c in dated if _published(c, published) < latest]
    if planned and latest > date.min and earlier:
        winner = ranked(newest, published)[0]
        agreeing = [c for c in newest if c.when is not None and winner.when is not None
                    and c.when.overlaps(winner.when)]
        value = narrow([c.when for c in agreeing if c.when is not None]) or winner.when
        moved = [c for c in dated if c not in agreeing]
        was = "; ".join(f"{c.when} ({_label(c)})" for c in moved)
        notes.append(Note("info", "rescheduled", "when",
                          f"rescheduled: {was} moved to {value} ({_label(winner)})"))
        return value, agreeing
    best = max(dated, key=lambda c: (len({s for o in _supporters(c, dated) for s in o.sources}),
                                     _published(c, published), _rank(c.when) if c.when else 0,
                                     -dated.index(c)))
    agreeing = _supporters(best, dated)
    value = narrow([c.when for c in agreeing if c.when is not None]) or best.when
    said = "; ".join(f"{_label(c)} says {c.when}" for c in dated)
    notes.append(Note("warning", "contradiction", "when",
                      f"the sources disagree on the date: {said}; taking {value}"))
    return value, agreeing


def _reconcile_place(placed: list[Claim], published: Published,
                     notes: list[Note]) -> tuple[Place | None, list[Claim]]:
    if not placed:
        return None, []
    places = [c.place for c in placed if c.place is not None]
    clash = any(not places_compatible(a, b) for i, a in enumerate(places) for b in places[i + 1:])
    if clash:
        def support(claim: Claim) -> tuple[int, int, int]:
            assert claim.place is not None
            backers = {s for o in placed if o.place is not None
                       and places_compatible(o.place, claim.place) for s in o.sources}
            return (len(backers), _published(claim, published).toordinal(), -placed.index(claim))

        best = max(placed, key=support)
        assert best.place is not None
        agreeing = [c for c in placed if c.place is not None
                    and places_compatible(c.place, best.place)]
        said = "; ".join(f"{_label(c)} says {c.place}" for c in placed)
        value = _most_specific(agreeing)
        notes.append(Note("warning", "contradiction", "place",
                          f"the sources disagree on the place: {said}; taking {value}"))
        return value, agreeing
    value = _most_specific(placed)
    variants = {c.place.name: c for c in placed if c.place is not None
                and place_relation(c.place, value) == "variant"}
    if variants:
        spelled = "; ".join(f"{name!r} ({_label(c)})" for name, c in variants.items())
        notes.append(Note("info", "place-variant", "place",
                          f"{value.name!r} is also spelled {spelled}"))
    return value, placed


def _most_specific(claims: Sequence[Claim]) -> Place:
    places = [c.place for c in claims if c.place is not None]
    return max(places, key=lambda p: (_detail(p), len(p.name), -places.index(p)))


def reconcile(claims: Sequence[Claim], kind: str, published: Published) -> Reconciled:
    """The values ``claims`` give an event of ``kind`` and the notes they raise (see the
    module's rules); ``published`` dates the sources."""
    notes: list[Note] = []
    planned = is_planned(kind, [c.status for c in claims])
    when, dated = _reconcile_when([c for c in claims if c.when is not None], planned,
                                  published, notes)
    place, placed = _reconcile_place([c for c in claims if c.place is not None], published,
                                     notes)
    with_status = [c for c in claims if c.status is not None]
    status = None
    if with_status:
        latest = max(_published(c, published) for c in with_status)
        newest = [c for c in with_status if _published(c, published) == latest]
        cancelled = [c for c in newest if c.status == "cancelled"]
        status = (cancelled[0] if cancelled else ranked(newest, published)[0]).status
        if status == "cancelled" and any(c.status != "cancelled" for c in with_status):
            notes.append(Note("info", "rescheduled", "status",
                              f"cancelled ({', '.join(_label(c) for c in cancelled)})"))
    return Reconciled(when, place, status, tuple(notes), tuple(dated), tuple(placed))


def review(event: Event, published: Published) -> list[Note]:
    """What ``event``'s claims show, and where its own values lie outside a claim they should
    agree with (``outside-claim``)."""
    if not event.claims:
        return []
    result = reconcile(event.claims, event.kind, published)
    notes = list(result.notes)
    for claim in result.when_claims:
        if claim.when is not None and not claim.when.contains(event.when):
            notes.append(Note("warning", "outside-claim", "when",
                              f"{event.when} lies outside {claim.when} ({_label(claim)})"))
    for claim in result.place_claims:
        if (claim.place is not None and event.place is not None
                and not places_compatible(claim.place, event.place)):
            notes.append(Note("warning", "outside-claim", "place",
                              f"{event.place} is not {claim.place} ({_label(claim)})"))
    return notes
