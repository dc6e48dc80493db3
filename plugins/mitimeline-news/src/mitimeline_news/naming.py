"""Event titles that say what happened, in the report's own words.

The title is the noun phrase the kind cue governs: the object after a cue verb ("filmed
*a motorcycle jump off a cliff* in Norway on Monday" -> "Motorcycle jump off a cliff in
Norway") or the phrase a cue noun heads ("*a spectacular car stunt* went wrong" ->
"Spectacular car stunt"), cut at a date, a clause break or eight words. When the sentence
gives nothing usable, :func:`describe` returns ``None`` and the caller falls back to the
kind and the place ("Stunt in Norway").
"""

from __future__ import annotations

import functools
import re

from .languages import LEXICONS

__all__ = ["describe"]

_MAX_WORDS = 8
_STOP = re.compile(r"[.!?;:]\s")
_PLAIN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_WORD = re.compile(r"[^\s,;:()\[\]\"“”„«».!?]+")


def describe(text: str, cue_start: int, cue_end: int, stops: list[tuple[int, int]],
             clause: tuple[int, int], language: str) -> str | None:
    """A title for the happening the cue at ``text[cue_start:cue_end]`` names, from its
    clause ``text[clause[0]:clause[1]]``, never reaching into a date span of ``stops``;
    ``None`` when the clause has no noun phrase to use."""
    first, last = clause
    if any(s < cue_end and e > cue_start for s, e in stops):
        return None  # a cue holding a date ("läuft am 12. November an") says no more
    words = _WORD.findall(text[cue_start:cue_end])
    limit = min([s for s, _ in stops if s >= cue_end] + [last])
    if words and _noun(language).fullmatch(words[0]) \
            and not _trailing(language).fullmatch(words[0]) \
            and all(_nominal(w, language) for w in words):
        phrase = _headed(text, first, cue_start, cue_end, limit, language)
    elif len(words) == 1:
        phrase = _object(text, cue_end, limit, language)
    else:
        return None  # a phrase cue with a verb ("Road … will be closed")
    title = _tidy(phrase, language) if phrase else None
    if title is None or _crew(language).fullmatch(title.split()[-1]):
        return None  # "Film crew" says who, not what
    return title


def _object(text: str, start: int, limit: int, language: str) -> str | None:
    """The noun phrase right after a cue verb, if it opens with a determiner; a crew
    named first ("drehte das Team eine Verfolgungsjagd") is the subject, skipped."""
    determiners, _ = _patterns(language)
    match = determiners.match(text, start, limit)
    if match is None:
        return None
    crew = _crew(language).match(text, match.end(), limit)
    if crew is not None:
        match = determiners.match(text, crew.end(), limit)
        if match is None:
            return None
    return text[match.end():limit]


def _headed(text: str, first: int, cue_start: int, cue_end: int, limit: int,
            language: str) -> str | None:
    """The noun phrase a cue noun heads: from the determiner at most three words before
    it to the cue, plus a phrase it governs ("off a cliff", "durch die Altstadt")."""
    determiners, governing = _patterns(language)
    before = text[max(first, cue_start - 40):cue_start]
    words = list(_WORD.finditer(before))[-3:]
    opening = next((w for w in reversed(words) if determiners.fullmatch(w.group() + " ")),
                   None)
    if opening is None:
        return None
    start = cue_start - len(before) + opening.end()
    tail = governing.match(text, cue_end, limit)
    return text[start:tail.end() if tail else cue_end] if start < cue_end else None


def _tidy(phrase: str, language: str) -> str | None:
    """``phrase`` cut at a full stop, a verb or eight words, without a dangling
    preposition or article, capitalised; ``None`` unless two or more plain words remain."""
    phrase = _STOP.split(phrase, maxsplit=1)[0]
    words = _WORD.findall(phrase)[:_MAX_WORDS]
    stop = next((i for i, w in enumerate(words) if _aux(language).fullmatch(w)), len(words))
    words = words[:stop]
    trailing = _trailing(language)
    while words and trailing.fullmatch(words[-1]):
        words.pop()
    if len(words) < 2 or not all(_PLAIN.fullmatch(w) and (len(w) > 1 or trailing.fullmatch(w))
                                 for w in words):
        return None  # too short, or not plain words (numbers, symbols, stray letters)
    title = " ".join(words)
    return title[0].upper() + title[1:]


@functools.cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A determiner opening a noun phrase, and a governed phrase ("off a cliff") whose
    words stop at a verb."""
    lexicon = LEXICONS[language]
    determiners = re.compile(r"\s*(?:" + lexicon.determiners_re + r")(?:\s+|(?<=['’]))",
                             re.IGNORECASE)
    verb = r"(?!(?:" + lexicon.auxiliaries_re + r")\b)"
    governing = re.compile(r"\s+(?:" + lexicon.governing_re + r")(?:\s+" + verb
                           + r"[^\s,;:.!?]+){1,4}", re.IGNORECASE)
    return determiners, governing


def _nominal(word: str, language: str) -> bool:
    """May ``word`` stand in a noun phrase: a noun-like word that is no auxiliary, or a
    preposition, article or conjunction?"""
    return bool((_noun(language).fullmatch(word) and not _aux(language).fullmatch(word))
                or _trailing(language).fullmatch(word))


@functools.cache
def _aux(language: str) -> re.Pattern[str]:
    """An auxiliary or another verb a noun phrase cannot hold ("was", "wird", "è")."""
    return re.compile(r"(?:" + LEXICONS[language].auxiliaries_re + r")", re.IGNORECASE)


@functools.cache
def _crew(language: str) -> re.Pattern[str]:
    """A crew noun as a subject, and the space after it."""
    return re.compile(r"(?:" + LEXICONS[language].crew_re + r")\b\s*", re.IGNORECASE)


@functools.cache
def _noun(language: str) -> re.Pattern[str]:
    """A cue word that is a noun ("stunt", "Dreh"), not a verb form ("filmed")."""
    return re.compile(LEXICONS[language].noun_cue_re, re.IGNORECASE)


@functools.cache
def _trailing(language: str) -> re.Pattern[str]:
    """Words a title must not end with: prepositions, articles, conjunctions."""
    lexicon = LEXICONS[language]
    return re.compile(r"(?:" + lexicon.locatives_re + r"|" + lexicon.determiners_re + r"|"
                      + lexicon.and_re + r"|" + lexicon.clause_re + r"|of|di|del|della|von|"
                      r"des|der|the|for|per|für|with|con|mit|to|so|that|which|while|che|"
                      r"dass|die|das|den)", re.IGNORECASE)
