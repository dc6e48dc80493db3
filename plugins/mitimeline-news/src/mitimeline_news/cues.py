"""Cue words around a date: the event's kind, the tense, the status, interval roles, and
the distractors that mean "not an event of this production" (birthdays, other films).

All patterns come from :mod:`.languages`; this module compiles them once per language
and answers questions about one sentence at a time.
"""

from __future__ import annotations

import functools
import re

import attrs

from .languages import KIND_PRIORITY, LEXICONS
from .sentences import clause_breaks

__all__ = ["Cue", "Cues", "cues_for"]


@attrs.frozen
class Cue:
    """A cue word found in a sentence: its kind (or tense/role label) and offsets."""

    label: str
    start: int
    end: int
    text: str


class Cues:
    """Compiled cue patterns of one language."""

    def __init__(self, language: str) -> None:
        lexicon = LEXICONS[language]
        self.kinds = {kind: _words(pattern) for kind, pattern in lexicon.kinds.items()}
        self.resume = _words(lexicon.resume_re)
        self.future = _compile(lexicon.future_re)
        self.past = _compile(lexicon.past_re)
        self.rumour = _words(lexicon.rumour_re)
        self.cancelled = _words(lexicon.cancelled_re)
        self.birthday = _words(lexicon.birthday_re)
        self.open_start = _right_before(lexicon.open_start_re)
        self.since = _right_before(lexicon.since_re)
        self.start = _compile(r"\b(?:" + lexicon.start_re + r")\b")
        self.end = _right_before(lexicon.end_re)
        self.hours_from = _right_before(lexicon.hours_from_re)
        self.hours_to = _right_before(lexicon.hours_to_re)
        self.other_film = _words(lexicon.other_film_re)
        self.franchise = _words(lexicon.franchise_re)
        self.promo = _words(lexicon.promo_re)
        self.moved = _words(lexicon.moved_re)
        self.advanced = _words(lexicon.advanced_re)
        self.compared = _compile(r"\s*(?:" + lexicon.compared_re + r")\b")
        self.indefinite = _compile(r"(?<!\w)(?:" + lexicon.indefinite_re + r")\s*$")
        self.moved_to = _right_before(lexicon.moved_to_re)
        self.earlier_plan = _words(lexicon.earlier_plan_re)
        self.stay = _words(lexicon.stay_re)
        self.closure = _words(lexicon.closure_re)
        self.overnight = _words(lexicon.overnight_re)
        self.deadline = _right_before(lexicon.deadline_re)
        self.list_glue = _compile(lexicon.list_glue_re)
        counts = "|".join(sorted(map(re.escape, lexicon.numbers), key=len, reverse=True))
        self.duration = _words(lexicon.duration_re.replace("<N>", counts))
        self.numbers = dict(lexicon.numbers)
        self.units = dict(lexicon.units)
        self.story = _words(lexicon.story_re)
        self.embed = _words(lexicon.embed_re)
        self.starting = _words(lexicon.starting_re)
        self.ordinals = dict(lexicon.ordinals)
        self.ordinal_installment = _compile(
            r"(?<!\w)(?P<ordinal>" + "|".join(lexicon.ordinals) + r")\s+(?:"
            + lexicon.installment_re + r"|film|movie)\b")
        self.between = _right_before(lexicon.between_re)
        self.ongoing = _words(lexicon.ongoing_re)
        # A date, then at most four words (a subject, no comma: ", the director said" is an
        # attribution) and a reporting verb.
        self.reporting_after = _compile(r"(?:\s+[^\s,;:]+){0,4}?\s+(?:"
                                        + lexicon.reporting_re + r")\b")
        self.reporting = _words(lexicon.reporting_re)
        # A reporting verb and at most four words ("in a statement on") before a date.
        self.reporting_near = _compile(r"(?<!\w)(?:" + lexicon.reporting_re
                                       + r")\b(?:\s+[^\s,;:]+){0,4}?\s+$")
        self.apposition = _compile(r"\s*(?:" + lexicon.apposition_re + r")\b")
        # Labels before the report's own date, in any of the languages: an English
        # "Published" line above an Italian report is common.
        self.dateline = _compile(r"(?<!\w)(?:" + "|".join(
            other.dateline_re for other in LEXICONS.values()) + r")(?:\s+am)?\s*:?\s*$")
        self.clauses = clause_breaks(lexicon.clause_re)
        words = lexicon.installment_re
        self.installment = re.compile(
            r"(?:(?P<word>\b(?i:" + words + r"))|(?P<title>[A-Z][\w’'&]*(?:[:\s]+[A-Z][\w’'&]*)"
            r"{0,4}))[:\s]+(?P<number>[1-9]\d?|[IVX]{1,5})\b(?!\s*(?:-|%|[.,]\d))")

    def kind_cues(self, text: str) -> list[Cue]:
        """Every kind cue in ``text``, including "resume" cues ("resumed", "riprenderanno");
        a reschedule cue ("brought forward", "vorgezogen") counts as a pause."""
        return [Cue(kind, m.start(), m.end(), m.group())
                for kind, pattern in [*self.kinds.items(), ("resume", self.resume),
                                      ("hiatus", self.moved)]
                for m in pattern.finditer(text)]

    def tense_markers(self, text: str) -> list[Cue]:
        """Future and past markers in ``text`` (label "future" or "past")."""
        return sorted(
            [Cue("future", m.start(), m.end(), m.group()) for m in self.future.finditer(text)]
            + [Cue("past", m.start(), m.end(), m.group()) for m in self.past.finditer(text)],
            key=lambda c: c.start)


def choose_kind(cues: list[Cue], start: int, end: int) -> Cue | None:
    """The cue that decides a date's kind: the highest-priority kind, then the nearest.

    A "resume" cue among ``cues`` means filming restarted: it counts as a shoot cue and
    hides the pause cues ("resumed after a hiatus" dates the restart, not the break).
    """
    if any(c.label == "resume" for c in cues):
        cues = [attrs.evolve(c, label="shoot") if c.label == "resume" else c
                for c in cues if c.label != "hiatus"]
    if not cues:
        return None
    return min(cues, key=lambda c: (KIND_PRIORITY.index(c.label), _gap(c, start, end)))


def choose_tense(markers: list[Cue], start: int, end: int) -> str | None:
    """The tense of the nearest marker before the date, else of the nearest after it:
    the verb that governs a date mostly comes first ("kicked off on Monday and will run
    through May")."""
    before = [m for m in markers if m.start < end]
    if before or markers:
        return min(before or markers, key=lambda m: _gap(m, start, end)).label
    return None


def _gap(cue: Cue, start: int, end: int) -> int:
    if cue.end <= start:
        return start - cue.end
    if cue.start >= end:
        return cue.start - end
    return 0


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _right_before(pattern: str) -> re.Pattern[str]:
    """Matches one of the words at the very end of a text (before a date), allowing an
    article in between: "since", "seit dem", "dal", "until the"."""
    return _compile(r"(?:^|\W)(?:" + pattern + r")\s+(?:(?:the|dem|den|der|il|lo|la|le)\s+)?$")


def _words(pattern: str) -> re.Pattern[str]:
    """``pattern`` anchored at the start of a word ("film" does not match in "refilm")."""
    return _compile(r"(?<!\w)(?:" + pattern + r")")


@functools.cache
def cues_for(language: str) -> Cues:
    """The compiled cues of ``language`` (built once)."""
    return Cues(language)
