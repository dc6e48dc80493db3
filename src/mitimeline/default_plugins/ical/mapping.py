"""What the export writes and the import reads back, in one place: every X-MITIMELINE-*
property name, and the STATUS and CATEGORIES mappings both ways (docs/ical.md has the tables).
"""

from __future__ import annotations

from mitimeline.default_plugins.ical.rfc5545.text import visible_text
from mitimeline.model import KINDS

__all__ = [
    "FORMAT_VERSION",
    "KIND_OF_CATEGORY",
    "NO_TITLE",
    "STATUS_OF_ICAL",
    "X",
    "ical_status",
    "visible_categories",
]

NO_TITLE = "Untitled event"
"""SUMMARY of an event whose title shows nothing (empty, or control characters only), and
the title the import gives an event without a SUMMARY: libical drops an empty SUMMARY and
calcurse crashes on a VEVENT without one. The exact title is kept in X-MITIMELINE-TITLE,
which the import reads back."""

# -- X-MITIMELINE-* ----------------------------------------------------------------------------


class X:
    """The X-MITIMELINE-* property names, one each: ``X.ID`` is ``"X-MITIMELINE-ID"``.

    What each holds is in docs/ical.md ("Lossless properties").
    """

    # the calendar's own lossless properties

    FORMAT = "X-MITIMELINE-FORMAT"
    """The version of these properties, :data:`FORMAT_VERSION` (written; not read back)."""
    PRODUCTION = "X-MITIMELINE-PRODUCTION"
    """The timeline's production, a JSON object."""
    SOURCE = "X-MITIMELINE-SOURCE"
    """One of the timeline's sources, a JSON object (the property repeats, one per source)."""

    # both the calendar's and each event's

    TITLE = "X-MITIMELINE-TITLE"
    """The exact title, a JSON string (when NAME or SUMMARY does not show it exactly)."""
    DESCRIPTION = "X-MITIMELINE-DESCRIPTION"
    """The exact description, a JSON string."""

    # each event's lossless properties

    ID = "X-MITIMELINE-ID"
    """The event id, as is; its presence marks a VEVENT as one of ours."""
    EDTF = "X-MITIMELINE-EDTF"
    """The canonical EDTF of the event's date, as escaped TEXT."""
    KIND = "X-MITIMELINE-KIND"
    """The event kind, as is."""
    STATUS = "X-MITIMELINE-STATUS"
    """The event status, as is."""
    REGION = "X-MITIMELINE-REGION"
    """The event region, as is."""
    PLACE = "X-MITIMELINE-PLACE"
    """The event place, a JSON object."""
    PEOPLE = "X-MITIMELINE-PEOPLE"
    """The event people, a JSON array of credits."""
    UNIT = "X-MITIMELINE-UNIT"
    """The event unit, a JSON string."""
    SOURCES = "X-MITIMELINE-SOURCES"
    """The ids of the sources the event cites, a JSON array."""
    TAGS = "X-MITIMELINE-TAGS"
    """The event tags, a JSON array (when CATEGORIES does not show them exactly)."""
    EXTRA = "X-MITIMELINE-EXTRA"
    """The event's ``extra``, a JSON object."""
    CLAIMS = "X-MITIMELINE-CLAIMS"
    """The event's claims, a JSON array of claims as the JSON format writes them."""
    RUN = "X-MITIMELINE-RUN"
    """Which run of days of multiple dates a VEVENT is, from 2 (the first has none): each run
    is a VEVENT of its own, and the import joins them into one event again."""


FORMAT_VERSION = "1"
"""The value of ``X.FORMAT``. The importer does not read it: a VEVENT is recognised as ours
by its ``X.ID``."""

# -- STATUS ------------------------------------------------------------------------------------

STATUS_OF_ICAL = {"CANCELLED": "cancelled", "TENTATIVE": "planned", "CONFIRMED": "confirmed"}
"""The event status a foreign VEVENT's STATUS means (upper-case values)."""


def ical_status(status: str, uncertain: bool) -> str:
    """STATUS of an event with this ``status`` and a date that is ``uncertain`` or not:
    CANCELLED, TENTATIVE (planned, rumoured or an uncertain date) or CONFIRMED."""
    if status == "cancelled":
        return "CANCELLED"
    if status in ("planned", "rumoured") or uncertain:
        return "TENTATIVE"
    return "CONFIRMED"


# -- CATEGORIES --------------------------------------------------------------------------------

KIND_OF_CATEGORY = {kind.casefold(): kind for kind in KINDS}
"""The kind a category names (casefolded, stripped); other categories are tags."""


def visible_categories(kind: str, tags: tuple[str, ...]) -> list[str]:
    """CATEGORIES before escaping: the kind, then each tag that has visible text."""
    return [kind, *(text for text in map(visible_text, tags) if text)]
