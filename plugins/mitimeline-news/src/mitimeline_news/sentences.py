"""Splitting a report into sentences and clauses, keeping character offsets.

Every line is at least one unit (headlines, datelines and captions rarely end with a
full stop); inside a line, a sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a
space and a capital, a digit or an opening quote, unless the word before the stop is an
abbreviation or an initial, or the stop is a German ordinal ("18. November").
"""

from __future__ import annotations

import re

import attrs

__all__ = ["MAX_SENTENCE", "MAX_TEXT", "Sentence", "clause_bounds", "clause_breaks",
           "running_text", "split_sentences"]

_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "vs", "etc", "ca", "approx", "no", "nr",
    "vol", "pp", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "sig", "dott", "ing", "geb", "bzw", "usw", "inkl", "ggf", "z.b", "u.a", "d.h",
    "e.g", "i.e",
})
_INITIALS = re.compile(r"(?:[A-Z]\.\s?)+[A-Z]")
"""A person's initials before a stop ("J.J", "J. K"): no sentence ends there."""
_COUNTRY_INITIALS = frozenset({"u.s", "u.k", "e.u", "u.n", "u.s.a"})
"""Initials that often end a sentence ("… in the U.S. The …")."""
_CLOCK_ABBREVIATIONS = frozenset({"a.m", "p.m"})
""""at 7 a.m. Wednesday": a clock time's stop rarely ends a sentence in news."""
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*\s+(?=[\"“„‘'«(\[]?[^\W_a-zà-ÿ])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[\"”’»)\]]*\s*$")
_ORDINAL_BEFORE_NAME = re.compile(r"\b\d{1,2}\.\s+$")
_STATEMENT_END = re.compile(r"[.!?][\"'”’»“]?\s*$")
"""How a sentence of running text ends (a headline or a photo caption does not)."""
_CLAUSE_BREAK = re.compile(r"[;,()\[\]]|\s[–—-]\s")
MAX_TEXT = 10_000_000
"""The longest text the plugin reads, in characters (about 10 MB of prose, some 5,000
reports): an archive goes in report by report."""
MAX_SENTENCE = 1_000
"""The longest sentence, in characters: a longer run without a sentence end (a table, a
list, text without punctuation) is cut at the last space before this many characters, so
the work per sentence stays bounded."""
_WINDOW = 64
"""Characters before a stop that decide whether it ends a sentence: longer words are never
abbreviations, so the result is the same as looking at the whole sentence."""


@attrs.frozen
class Sentence:
    """A sentence: its text and where it starts and ends in the report."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, in order, with offsets into ``text``; no empty ones."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        _split_line(line, offset, sentences)
        offset += len(line) + 1
    return sentences


def _split_line(line: str, offset: int, out: list[Sentence]) -> None:
    start = 0
    for match in _SENTENCE_END.finditer(line):
        # Only the last word before the stop matters: a bounded window keeps a line full of
        # abbreviations ("Mr. Smith Mr. Smith ...") linear instead of quadratic.
        before = line[max(start, match.start() + 1 - _WINDOW):match.start() + 1]
        if _is_false_stop(before, line[match.end():match.end() + 1]):
            continue
        _add(line, start, match.start() + len(match.group().rstrip()), offset, out)
        start = match.end()
    _add(line, start, len(line), offset, out)


def _is_false_stop(before: str, after: str) -> bool:
    word = _WORD_BEFORE.search(before)
    if word is None:
        return False
    token = word.group(1).rstrip(".").lower()
    if token in _ABBREVIATIONS or token in _CLOCK_ABBREVIATIONS \
            or (len(token) == 1 and token.isalpha()):
        return True
    if _INITIALS.fullmatch(word.group(1).rstrip(".")) and token not in _COUNTRY_INITIALS:
        return True  # "J.J. Abrams", "J. K. Rowling"
    # "18. November 2021": a German ordinal day before a capitalised month name.
    return bool(_ORDINAL_BEFORE_NAME.search(before + " ")) and after[:1].isupper()


def _add(line: str, start: int, end: int, offset: int, out: list[Sentence]) -> None:
    while end - start > MAX_SENTENCE:
        cut = line.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _add_one(line, start, cut, offset, out)
        start = cut
    _add_one(line, start, end, offset, out)


def _add_one(line: str, start: int, end: int, offset: int, out: list[Sentence]) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        first = offset + start + lead
        out.append(Sentence(first, first + len(stripped), stripped))


def clause_bounds(sentence: str, start: int, end: int,
                  breaks: re.Pattern[str] = _CLAUSE_BREAK) -> tuple[int, int]:
    """The clause around ``sentence[start:end]``: from the break before it to the one
    after it, ignoring breaks inside it. ``breaks`` defaults to punctuation (commas,
    semicolons, brackets, dashes); :func:`clause_breaks` adds a language's conjunctions."""
    first, last = 0, len(sentence)
    for match in breaks.finditer(sentence):
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = match.start()
            break
    return first, last


def clause_breaks(words: str) -> re.Pattern[str]:
    """Punctuation breaks plus a break before each of ``words`` (a regex alternation of
    conjunctions such as "before|while")."""
    return re.compile(_CLAUSE_BREAK.pattern + r"|\s(?=(?:" + words + r")\b)", re.IGNORECASE)


def running_text(sentence: str) -> bool:
    """Whether ``sentence`` ends as running text does (with ``.``, ``!`` or ``?``), unlike a
    headline, a caption or a subheading."""
    return _STATEMENT_END.search(sentence) is not None
