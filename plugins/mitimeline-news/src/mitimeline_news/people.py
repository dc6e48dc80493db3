"""People named in a report, as :class:`mitimeline.Credit` values.

A name is two or three capitalised words ("Tom Cruise", "Christopher McQuarrie") that are
not a place, not a title with a number, not just after an opening quote or bracket (film
titles: (“Agent Carter”)) and not made of words that are capitalised for other reasons
(articles at a sentence start, platforms, organisations). The first time a name appears its role
may be given by a role word just before it ("director Christopher McQuarrie", "il regista
…", "Regisseur …"). Later, a surname alone ("Cruise", "McQuarrie") refers back to the
full name. This is a heuristic: it finds people, it does not prove they are people.
"""

from __future__ import annotations

import functools
import re

import attrs
from mitimeline import Credit

from .languages import LEXICONS
from .places import is_place_word

__all__ = ["Cast", "find_cast"]

_NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][a-zà-ÿ]+|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+)"
    r"(?:[ -](?:[A-Z][a-zà-ÿ]+|Mc[A-Z][a-z]+|[A-Z]\.)){1,2}(?![\w’'-]|\s+\d)")
_SENTENCE_START = re.compile(r"(?:[.!?:]\s+|\n\s*)[\"“„‘'«]?$")
_OPENERS = frozenset("\"“„‘'«(")
_NOT_NAME_WORDS = frozenset({
    "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "As", "For", "And",
    "But", "Or", "Of", "From", "To", "With", "By", "After", "Before", "When", "While", "Last",
    "Next", "Early", "Late", "Mid", "Its", "His", "Her", "Their", "Our", "Your", "We", "They",
    "He", "She", "It", "Part", "Film", "Movie", "Instagram", "Twitter", "TikTok", "Facebook",
    "Youtube", "Netflix", "Amazon", "Prime", "Video", "Studios", "Pictures", "Update",
    "Updated", "Advertisement", "Comments", "Watch", "Follow", "Railway", "Museum", "Incentive",
    "Municipalities", "Action", "Must", "Read", "Check", "Post", "Photo", "Director", "Actor",
    "Actress", "Star", "Producer", "Il", "La", "Lo", "Le", "Gli", "Un", "Una", "Der", "Die",
    "Das", "Ein", "Eine", "Im", "Am", "Mit", "Von", "Und", "Teil", "Regisseur", "Regista",
    "Nel", "Nella", "Sul", "Dal", "Alla",
})


@attrs.frozen
class Cast:
    """The people of one report: full name -> role (``None`` when unknown)."""

    roles: dict[str, str | None]

    def in_text(self, text: str) -> list[Credit]:
        """The people ``text`` names, by full name or by surname alone, in order."""
        found: list[tuple[int, str]] = []
        for name in self.roles:
            full, surname = _name_patterns(name)
            match = full.search(text) or surname.search(text)
            if match:
                found.append((match.start(), name))
        return [Credit(name, self.roles[name]) for _, name in sorted(found)]


@functools.lru_cache(maxsize=4096)
def _name_patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of a full name and of its surname alone, each as whole words
    (compiled once: a report's names are looked up in every sentence with an event)."""
    surname = name.split()[-1]
    return (re.compile(r"(?<![\w’'])" + re.escape(name) + r"(?![\w’'-])"),
            re.compile(r"(?<![\w’'])" + re.escape(surname) + r"(?![\w-])"))


def find_cast(text: str, language: str) -> Cast:
    """Every person named in ``text``."""
    role_words = LEXICONS[language].roles
    role_before = re.compile(r"\b(?P<role>" + "|".join(sorted(map(re.escape, role_words),
                                                             key=len, reverse=True))
                             + r")\s+$", re.IGNORECASE)
    roles: dict[str, str | None] = {}
    counts: dict[str, int] = {}
    openers: set[str] = set()  # names seen only at the start of a sentence
    for match in _NAME.finditer(text):
        name, start = match.group(), match.start()
        while name.split()[0] in _NOT_NAME_WORDS and len(name.split()) > 2:
            first = name.split()[0]  # "Director Christopher McQuarrie"
            start += name.index(first) + len(first) + 1
            name = text[start:match.end()]
        words = name.replace("-", " ").split()
        if any(w in _NOT_NAME_WORDS or is_place_word(w) for w in words) \
                or text[start - 1:start] in _OPENERS:  # a title: (“Agent Carter”), (Top Gun)
            continue
        role = role_before.search(text, max(0, start - 30), start)
        if name not in roles or (roles[name] is None and role):
            roles[name] = role_words[role.group("role").lower()] if role else None
        counts[name] = counts.get(name, 0) + 1
        if _SENTENCE_START.search(text, max(0, start - 8), start) or start == 0:
            openers.add(name)
        else:
            openers.discard(name)
    # "Alongside Cruise" at the start of a sentence is not a person when "Tom Cruise",
    # named at least as often, is.
    doubtful = [name for name in openers
                if any(other != name and other.split()[-1] == name.split()[-1]
                       and counts[other] >= counts[name] for other in roles)]
    for name in doubtful:
        del roles[name]
    return Cast(roles)
