"""Quoted titles in a report ("„Out of Control“", "«Babylon Berlin»", '"Diabolik"'):
which production a date belongs to when a report names several.

A quoted stretch counts as a title when it is short (at most eight words), starts with a
capital or a digit and does not end like a sentence, so quoted speech ("Back.", „das
Verfahren läuft“) is left out. The report's own production is the title it quotes most.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = ["Title", "find_titles", "main_title", "same_title"]

_QUOTED = re.compile(r"„([^“”\"\n]{1,80})[“”\"]|“([^”\n]{1,80})”|«([^»\n]{1,80})»|"
                     r"(?<![\w])\"([^\"\n]{1,80})\"|(?<![\w])‘([^’\n]{1,80})’(?!\w)")
_TITLE_START = re.compile(r"[A-ZÀ-ÖØ-Þ0-9]")
_SENTENCE_END = re.compile(r"[.!?,;:]$")
_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@attrs.frozen
class Title:
    """A quoted title and its offsets (of the text inside the quotes)."""

    text: str
    start: int
    end: int


def find_titles(text: str, franchise: re.Pattern[str]) -> list[Title]:
    """The quoted titles of ``text``, in order, leaving out a series' name next to a
    ``franchise`` word ("the sixth “Jurassic Park” instalment", "capitolo di «Guerre
    Stellari»"): it names the production's family, not another production."""
    titles = []
    for match in _QUOTED.finditer(text):
        group = next(g for g in range(1, 6) if match.group(g) is not None)
        inner = match.group(group).strip()
        if not _TITLE_START.match(inner) or _SENTENCE_END.search(inner) \
                or len(inner.split()) > 8:
            continue
        around = text[max(0, match.start() - 25):match.start()] + " " \
            + text[match.end():match.end() + 25]
        if not franchise.search(around):
            titles.append(Title(inner, match.start(group), match.end(group)))
    return titles


def main_title(titles: list[Title], production: str | None, body: int = 0) -> str | None:
    """``production`` if given, else the title quoted most often; on a tie the first
    quoted at or after offset ``body`` (past the headline)."""
    if production:
        return production
    counts: dict[str, int] = {}
    for title in titles:
        key = next((k for k in counts if same_title(k, title.text)), title.text)
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None
    order = [t.text for t in titles if t.start >= body] + [t.text for t in titles]
    def rank(key: str) -> tuple[int, int]:
        return counts[key], -next(i for i, t in enumerate(order) if same_title(t, key))
    return max(counts, key=rank)


def same_title(a: str, b: str) -> bool:
    """Do two titles name one production ("Dominion" and "Jurassic World: Dominion")?
    One's words, case and accents ignored, must be a run within the other's."""
    left, right = _words(a), _words(b)
    if not left or not right:
        return False
    short, long = sorted((left, right), key=len)
    return f" {short} " in f" {long} "


def _words(text: str) -> str:
    """Lower-case words without accents; a Roman number becomes Arabic ("VII" -> "7")."""
    folded = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(str(_ROMAN.index(w)) if w in _ROMAN else w.casefold()
                    for w in re.findall(r"\w+", plain))
