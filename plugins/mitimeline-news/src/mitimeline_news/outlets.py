"""What the outlet tells about how a report writes numeric dates.

``03/04/2021`` is 3 April in the United Kingdom, Ireland, Australia, New Zealand, India,
South Africa and continental Europe, and 4 March in the United States. The report's
address is the one hint an archive reliably has: a country domain decides; a generic one
(``.com``, ``.org``, ``.net``) does not, and the tagger then falls back on the language's
habit (day first for German and Italian; for English, an ambiguous numeric date is left
unplaced rather than guessed).
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["day_first_for"]

_DAY_FIRST = frozenset({
    "uk", "ie", "au", "nz", "in", "za", "sg", "hk", "my", "ng", "ke", "pk",
    "de", "at", "ch", "li", "lu", "it", "sm", "va", "fr", "be", "nl", "es", "pt", "dk",
    "se", "no", "fi", "is", "pl", "cz", "sk", "hu", "si", "hr", "ro", "gr", "tr", "eu",
})
_MONTH_FIRST = frozenset({"us", "gov", "mil"})


def day_first_for(url: str | None) -> bool | None:
    """``True`` when the address's country domain writes the day first, ``False`` for a
    United States domain, ``None`` when the address says nothing (no address, a generic
    domain, or something that is not a web address)."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    suffix = host.rstrip(".").rsplit(".", 1)[-1].lower() if "." in host else ""
    if suffix in _DAY_FIRST:
        return True
    if suffix in _MONTH_FIRST:
        return False
    return None
