"""What a report says twice: a headline or caption repeating an event of the text, and a
vaguer date of an event the report dates more precisely elsewhere. The fuller statement
stays; the restatement adds no event."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from mitimeline import Event

from .sentences import Sentence, running_text

__all__ = ["POINT_KINDS", "headline_of", "restatements_dropped"]

POINT_KINDS = frozenset({"release", "wrap", "announcement", "move"})
"""Kinds that happen once (per region): a month and a day of it in one report are one
event told twice ("out in 2023 … on 1 September 2023"). A shoot is not: a week of filming
and a day of it are both events."""


def restatements_dropped(events: Sequence[Event], headline: Sentence | None,
                         given_up: Callable[[Event], bool]) -> list[Event]:
    """``events`` in their order without the restatements: an event of the ``headline``
    when the text below has one of its kind whose dates overlap it, and an event of a
    :data:`POINT_KINDS` kind whose date contains, and is wider than, the date of another
    of its kind and region (or of any region, when it names none) that is not
    ``given_up`` (a plan the report says was dropped: "not on 12 November as planned")."""
    def in_headline(event: Event) -> bool:
        return headline is not None and event.extra["offsets"][0] == headline.start

    told: dict[str, set[_Span]] = {}  # kind -> the spans the text below the headline dates
    firm: dict[str, set[_Span]] = {}  # kind -> the spans that may narrow a vaguer one
    for event in events:
        span = (event.when.lower, event.when.upper, event.region)
        if not in_headline(event):
            told.setdefault(event.kind, set()).add(span)
        if event.kind in POINT_KINDS and event.status != "cancelled" and not event.claims \
                and not given_up(event):  # a moved date's earlier plan narrows nothing
            firm.setdefault(event.kind, set()).add(span)
    return [e for e in events
            if not (in_headline(e) and any(_overlap(e, span)
                                           for span in told.get(e.kind, ())))
            and not any(_narrower(span, e) for span in firm.get(e.kind, ()))]


_Span = tuple[date, date, str | None]
"""An event's first and last possible day and its region."""


def _overlap(event: Event, span: _Span) -> bool:
    return event.when.lower <= span[1] and span[0] <= event.when.upper


def _narrower(span: _Span, vague: Event) -> bool:
    """Whether ``span`` lies inside ``vague``'s dates, is narrower, and is of its region
    (any, when ``vague`` names none)."""
    lower, upper, region = span
    outer = vague.when
    return vague.region in (None, region) and outer.lower <= lower and upper <= outer.upper \
        and (outer.lower, outer.upper) != (lower, upper)


def headline_of(sentences: Sequence[Sentence]) -> Sentence | None:
    """The report's headline: its first line (after a ``source:`` line) when that does not
    end as running text does."""
    for sentence in sentences[:2]:
        if not sentence.text.startswith("source:"):
            return None if running_text(sentence.text) else sentence
    return None
