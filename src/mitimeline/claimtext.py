"""Who says what, in words: the one home of the readable text of an event's claims.

The iCalendar DESCRIPTION, TimelineJS slides, the notebook and the Gantt tooltip all show
claims with these functions, so they read alike: a source is named
``"The Independent, 5 October 2020"`` (publisher or title, publication date) and a claim's
statement is ``"September 2020, at Stranda, NO"``. The text is plain, not escaped for any
format: each format escapes it as it escapes its other text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .model import Claim, Source

__all__ = ["NO_DETAILS", "differ", "source_name", "statement", "summary", "verdict",
           "who_says_what"]

NO_DETAILS = "no details"
"""The statement of a claim that states nothing but its sources (and perhaps a note)."""


def source_name(source_id: str, sources: Mapping[str, Source]) -> str:
    """How a claim names a source: ``"publisher or title, publication date"`` (the date by
    ``When.describe()``), or the id itself when ``sources`` has no such source."""
    source = sources.get(source_id)
    if source is None:
        return source_id
    name = source.publisher or source.title
    if source.published is None:
        return name
    return f"{name}, {source.published.describe()}"


def statement(claim: Claim) -> str:
    """What ``claim`` states, its set fields in model order joined by ``", "``: the date in
    words, ``at`` the place, the status, the title in quotes, ``with`` the people, the note
    in brackets; :data:`NO_DETAILS` when it states none of them."""
    parts = []
    if claim.when is not None:
        parts.append(claim.when.describe())
    if claim.place is not None:
        parts.append(f"at {claim.place}")
    if claim.status is not None:
        parts.append(claim.status)
    if claim.title is not None:
        parts.append(f"“{claim.title}”")
    if claim.people:
        parts.append("with " + ", ".join(map(str, claim.people)))
    text = ", ".join(parts) or NO_DETAILS
    return text if claim.note is None else f"{text} ({claim.note})"


def differ(claims: Sequence[Claim]) -> bool:
    """Whether two of ``claims`` state different values for the same field (date, place,
    status, title or people); a field a claim leaves unset is no difference."""
    for field in ("when", "place", "status", "title", "people"):
        stated = {getattr(claim, field) for claim in claims}
        stated -= {None, ()}
        if len(stated) > 1:
            return True
    return False


def who_says_what(claims: Sequence[Claim], sources: Mapping[str, Source]) -> list[tuple[str, str]]:
    """``(who, what)`` for each distinct :func:`statement`, in first-stated order: ``who``
    names every source stating it (:func:`source_name`, joined by ``" and "``)."""
    groups: dict[str, list[str]] = {}
    for claim in claims:
        names = groups.setdefault(statement(claim), [])
        names.extend(name for name in (source_name(key, sources) for key in claim.sources)
                     if name not in names)
    return [(" and ".join(names), what) for what, names in groups.items()]


def verdict(claims: Sequence[Claim]) -> str:
    """``"Sources differ"`` when :func:`differ`, else ``"Sources agree"``."""
    return "Sources differ" if differ(claims) else "Sources agree"


def summary(claims: Sequence[Claim], sources: Mapping[str, Source]) -> str:
    """One line: the :func:`verdict`, then ``" — who: what; who: what"`` (from
    :func:`who_says_what`); empty without claims."""
    if not claims:
        return ""
    return f"{verdict(claims)} — " + "; ".join(f"{who}: {what}" for who, what in who_says_what(
        claims, sources))
