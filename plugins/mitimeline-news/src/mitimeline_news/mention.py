"""What :func:`mitimeline_news.find_dates` returns: :class:`DateMention` and its :class:`Anchor`."""

from __future__ import annotations

import attrs
from mitimeline import When

__all__ = ["BOUNDS", "TYPES", "Anchor", "DateMention"]

TYPES = ("date", "time", "duration", "set")
BOUNDS = (None, "start", "end")


@attrs.frozen
class Anchor:
    """What a relative expression was resolved against.

    ``kind`` is ``"published"`` (the publication date) or ``"mention"`` (an earlier date
    of the text, whose offsets are ``start``/``end``); ``when`` is that date.
    """

    kind: str = attrs.field(validator=attrs.validators.in_(("published", "mention")))
    when: When
    start: int | None = None
    end: int | None = None


@attrs.frozen
class DateMention:
    """A date expression of a text: offsets into the text, its type and what it means.

    * ``start``, ``end``: offsets into the text; ``text`` is ``text[start:end]``.
    * ``type``: ``"date"``, ``"time"``, ``"duration"`` or ``"set"``.
    * ``when``: the date the expression names, or ``None`` when it can't be placed (a
      relative date without a publication date, an ambiguous numeric date, a duration
      without an end, a set, a reference such as "damals").
    * ``anchor``: what a relative expression was resolved against; ``None`` for an
      expression that carries its own year, or one that could not be placed.
    * ``bound``: ``"start"`` or ``"end"`` when the mention bounds an interval, else
      ``None``. A closed range is two mentions, as TimeML marks it ("from 5 to 20 May",
      "vom 5. bis 20. Mai", "dal 5 al 20 maggio"): the first with ``"start"``, the
      second with ``"end"``, each with its own ``when``. An open range is one mention:
      ``"start"`` after "since"/"seit"/"dal", ``"end"`` after "until"/"bis"/"entro".
    * ``span``: the interval the mention bounds (``None`` without ``bound``): closed
      ("2021-05-05/2021-05-20", the same on both ends of a range) or open ("since
      January": ``2021-01/..``; "bis Ende Februar": ``../2016-02-29~``).
    """

    start: int
    end: int
    text: str
    type: str = attrs.field(validator=attrs.validators.in_(TYPES))
    when: When | None
    anchor: Anchor | None = None
    bound: str | None = attrs.field(default=None, validator=attrs.validators.in_(BOUNDS))
    span: When | None = None
