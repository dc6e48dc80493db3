"""TZID → ``tzinfo``, the way icalendar resolves them, without its process-wide cache.

A known name wins over the file's VTIMEZONE (as in icalendar: VTIMEZONEs often hold one
year's rules only): an IANA name (``Europe/Oslo``), a Windows name (``W. Europe Standard
Time``, via icalendar's CLDR table) or a "globally unique" vendor-prefixed TZID
(``/mozilla.org/20050126_1/Europe/Berlin``). Any other TZID uses the calendar's VTIMEZONE
with that TZID, converted by icalendar. What none of these resolve is unknown (``None``).
"""

from __future__ import annotations

import warnings
import zoneinfo
from collections.abc import Callable
from datetime import tzinfo
from functools import lru_cache
from typing import Any

__all__ = ["ZoneResolver", "known_zone"]


class ZoneResolver:
    """Resolves the TZIDs of one VCALENDAR. ``definitions`` maps TZID → the VTIMEZONE text;
    ``report(tzid, message)`` is told when a VTIMEZONE cannot be converted."""

    def __init__(self, definitions: dict[str, str],
                 report: Callable[[str, str], None]) -> None:
        self._definitions = definitions
        self._report = report
        self._resolved: dict[str, tzinfo | None] = {}

    def resolve(self, tzid: str) -> tzinfo | None:
        """The zone called ``tzid`` here, or None when it is unknown."""
        try:
            return self._resolved[tzid]
        except KeyError:
            pass
        zone = known_zone(tzid)
        if zone is None and tzid in self._definitions:
            zone = self._from_definition(tzid)
        self._resolved[tzid] = zone
        return zone

    def _from_definition(self, tzid: str) -> tzinfo | None:
        from icalendar import Timezone  # heavy (~150 ms): imported when a VTIMEZONE is needed

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                component: Any = Timezone.from_ical(self._definitions[tzid])
                zone: tzinfo = component.to_tz(lookup_tzid=False)
            return zone
        except Exception as exc:  # icalendar raises many kinds on broken VTIMEZONEs
            self._report(tzid, f"its VTIMEZONE could not be read ({type(exc).__name__}: "
                               f"{exc})")
            return None


@lru_cache(maxsize=512)
def known_zone(tzid: str) -> tzinfo | None:
    """The IANA zone ``tzid`` names directly, as a Windows name, or after a vendor prefix."""
    cleaned = tzid.strip().strip('"').strip("/")
    for candidate in _candidates(cleaned, vendor=tzid.strip().startswith("/")):
        zone = _iana(candidate)
        if zone is not None:
            return zone
    return None


def _candidates(cleaned: str, vendor: bool) -> list[str]:
    # heavy: icalendar loads slowly (~150 ms), so only when a TZID is resolved
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    candidates = [cleaned]
    if cleaned in WINDOWS_TO_OLSON:
        candidates.append(WINDOWS_TO_OLSON[cleaned])
    if vendor:
        parts = cleaned.split("/")
        candidates += ["/".join(parts[start:]) for start in range(1, len(parts))]
    return candidates


def _iana(name: str) -> tzinfo | None:
    if not name or name.startswith(("/", ".")) or ".." in name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (ValueError, OSError, zoneinfo.ZoneInfoNotFoundError):
        return None
