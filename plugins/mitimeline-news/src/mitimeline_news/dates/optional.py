"""The phrase finder a lexicon opts into (German news): bare years, years before Christ,
named periods, day lists and numeric days."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from ..languages import LEXICONS, Lexicon
from .names import _before, _locale_names, _modifiers, _Names
from .phrase import _YEAR, Phrase

_EXTRA_FORMS = frozenset({"bc"})
"""Forms only :class:`_ExtraFinder` makes: "bc" (a date with no calendar value).
References ("damals"), quarters and halves, holidays, decades, centuries, weekends,
durations, sets, clock times, anchored dates ("zwei Tage später", "am 24.") and months
of a year named relatively ("März dieses Jahres") are :mod:`.timex` patterns, as in
every language."""

_ANY_YEAR = r"(?:1[0-9]|20)\d\d"
_DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR_BEFORE = re.compile(_ANY_YEAR + r"\s*[-–/]\s*$")
_PAIRED_NUMBER = re.compile(r"\s+[^\W\d_]{2,5}\s+\d[\d.,]*")


@functools.cache
def _extra(language: str) -> _ExtraFinder | None:
    """The finder of the lexicon's optional fields, built once; ``None`` without them."""
    lexicon = LEXICONS[language]
    words = lexicon.timex
    if not (words.bare_years or words.periods):
        return None
    return _ExtraFinder(lexicon, _locale_names(language))


class _ExtraFinder:
    """Bare years, years before Christ, named periods ("heuer"), lists of days, numeric
    days without a year ("12.03."), "April des Jahres 1918"."""

    def __init__(self, lexicon: Lexicon, names: _Names) -> None:
        self.lexicon = lexicon
        flags = re.IGNORECASE
        self.before = _before(lexicon)
        self.year = re.compile(r"(?<![\d$€£.,:])\b(?P<year>" + _ANY_YEAR + r")\b")
        self.amount_before = re.compile(r"(?:^|\W)(?:" + lexicon.timex.amount_before_re
                                        + r")\s*$", flags)
        self.season_before = re.compile(r"(?:" + lexicon.timex.year_pair_season_re
                                        + r")\s*$", flags)
        self.year_range = re.compile(r"[-–/]\s*(?:" + _ANY_YEAR + r"|\d\d)\b")
        self.quantity_after_cs = re.compile(r"\s*(?:-\s*[^\W\d]|[.,]\d|%|\s+(?:"
                                            + lexicon.timex.quantity_re + r")(?!\w))")
        self.year_word = re.compile(r"(?<!\w)(?:" + lexicon.timex.year_words_re + r")\s+(?P<year>"
                                    + _ANY_YEAR + r")\b", flags)
        self.bc = re.compile(r"(?<![\d.,])\b(?P<first>\d{1,4})(?:\s*[–-]\s*(?P<second>\d{1,4}))?"
                             + lexicon.timex.bc_re, flags)
        self.short_year = re.compile(r"\s*[/–-]\s*(?P<yy>\d\d)(?![\d.,])")
        self.periods = [(re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)", flags), meaning)
                        for pattern, meaning in lexicon.timex.periods.items()]
        month = r"(?:" + "|".join(re.escape(m) for m in names.months_full) + r")\b"
        self.day_list = re.compile(
            r"\b(?P<list>(?:" + _DAY_NUMBER + r"\.(?:\s*,\s*(?:(?:" + lexicon.timex.list_link_re
            + r")\s+)?(?:(?:" + lexicon.timex.list_article_re + r")\s+)?|\s*/\s*|\s+(?:"
            + lexicon.timex.list_link_re + r")\s+(?:(?:" + lexicon.timex.list_article_re
            + r")\s+)?))+)"
            r"(?P<last>" + _DAY_NUMBER + r"\.\s*(?P<month>" + month + r")(?:\s+(?P<year>"
            + _YEAR + r")\b)?)", flags)
        self.day_month = re.compile(r"(?<![\d.])\b(?P<d>" + _DAY_NUMBER
                                    + r")\.(?P<m>1[0-2]|0?[1-9])\.(?!\d)")
        self.month_of_year = re.compile(
            r"(?<!\w)(?P<core>(?:" + _DAY_NUMBER + r"\.?\s*)?" + month + r")\s+(?:"
            + lexicon.timex.of_year_re + r")\s+(?P<year>" + _YEAR + r")\b", flags)
        every = _Gate(())
        self.groups: tuple[tuple[_Gate, Callable[[str], list[Phrase]]], ...] = (
            (_gate([self.bc.pattern, self.year_word.pattern]), self._years),
            (_gate([p.pattern for p, _ in self.periods]), self._periods),
            (every, self._days),
            (_gate([self.month_of_year.pattern]), self._month_of_year),
        )

    def find(self, sentence: str) -> list[Phrase]:
        """Every phrase of the lexicon's optional kinds in ``sentence`` (may overlap)."""
        lower = sentence.lower()
        found: list[Phrase] = []
        for gate, finder in self.groups:
            if gate.open(lower):
                found.extend(finder(sentence))
        return found

    def _years(self, sentence: str) -> list[Phrase]:
        """"im Jahr 2010", "264 v. Chr."."""
        found = []
        for match in self.bc.finditer(sentence):
            if match.group("second"):  # "264–260 v. Chr.": two years
                found.append(Phrase(match.start(), match.end("first"), match.group("first"),
                                    "bc"))
                start = match.start("second")
                found.append(Phrase(start, match.end(), sentence[start:match.end()], "bc"))
                continue
            found.append(Phrase(match.start(), match.end(), match.group(), "bc"))
        for match in self.year_word.finditer(sentence):
            found.append(Phrase(match.start(), match.end(), match.group(), "year",
                                year=int(match.group("year"))))
        return found

    def tagger_only(self, sentence: str) -> list[Phrase]:
        """Bare years (see :func:`find_phrases`)."""
        return self._bare_years(sentence)

    def _bare_years(self, sentence: str) -> list[Phrase]:
        """"1996 zog sie um", "2009-2011"; not "2000 Euro", "rund 1900 Menschen"."""
        found: list[Phrase] = []
        if not self.lexicon.timex.bare_years:
            return found
        for match in self.year.finditer(sentence):
            start, end = match.start(), match.end()
            year = int(match.group("year"))
            after = sentence[end:end + 30]
            short = self.short_year.match(sentence, end)
            if (year < 1800 and short is None) or self._quantity(sentence, start, after):
                continue
            start, end, third, _ = _modifiers(self.lexicon, self.before, sentence, start, end)
            found.append(Phrase(start, end, sentence[start:end], "year", year=year, third=third))
            if short is not None and not self.season_before.search(sentence[max(0, start - 25):
                                                                             start]):
                # "1870/71", "1926–28": the second year of a pair (not of "Saison 2019/20")
                second = year // 100 * 100 + int(short.group("yy"))
                found.append(Phrase(short.start("yy"), short.end("yy"), short.group("yy"),
                                    "year", year=second if second > year else second + 100))
        return found

    def _quantity(self, sentence: str, start: int, after: str) -> bool:
        """Is the number at ``start`` a count or an amount rather than a year?"""
        if start and sentence[start - 1] in "-–/" and not _YEAR_BEFORE.search(sentence[:start]):
            return True
        if self.year_range.match(after):
            return False
        pair = _PAIRED_NUMBER.match(after)  # "1800 bis 2000 Euro": both are amounts
        if pair is not None and self.quantity_after_cs.match(after, pair.end()):
            return True
        return bool(self.quantity_after_cs.match(after)
                    or self.amount_before.search(sentence[max(0, start - 20):start]))

    def _periods(self, sentence: str) -> list[Phrase]:
        """"heuer", "im Vorjahr", "Jahresende": the current, last or next year or month."""
        found: list[Phrase] = []
        for pattern, (unit, step, third) in self.periods:
            for match in pattern.finditer(sentence):
                if unit == "day":  # "morgen": a day word
                    found.append(Phrase(match.start(), match.end(), match.group(), "relative",
                                        unit=unit, offset=step))
                    continue
                found.append(Phrase(match.start(), match.end(), match.group(), "relative",
                                    unit=unit, third=third,
                                    direction=("last", "this", "next")[step + 1]))
        return found

    def _days(self, sentence: str) -> list[Phrase]:
        """The days of a list ("am 3., 4. und 5. Oktober") and "12.03." without a year."""
        found = []
        for match in self.day_list.finditer(sentence):
            tail = f" {match.group('month')}" + (f" {match.group('year')}"
                                                 if match.group("year") else "")
            offset = match.start("list")
            for day in re.finditer(_DAY_NUMBER + r"\.", match.group("list")):
                found.append(Phrase(offset + day.start(), offset + day.end(), day.group(),
                                    "calendar", core=day.group()[:-1] + tail))
        for match in self.day_month.finditer(sentence):
            core = f"{int(match.group('d'))}.{int(match.group('m'))}."
            found.append(Phrase(match.start(), match.end(), match.group(), "calendar",
                                core=core))
        return found

    def _month_of_year(self, sentence: str) -> list[Phrase]:
        """"April des Jahres 1918": a calendar phrase."""
        return [Phrase(m.start(), m.end(), m.group(), "calendar",
                       core=f"{m.group('core')} {m.group('year')}")
                for m in self.month_of_year.finditer(sentence)]


@attrs.frozen
class _Gate:
    """Letter runs of some patterns, one of which is in every text they match: a sentence
    with none of them is skipped without running the patterns (no runs: never skipped)."""

    hints: tuple[str, ...]
    search: Callable[[str], object] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """One compiled search over all the hints (faster than a loop of ``in`` tests)."""
        pattern = re.compile("|".join(re.escape(h) for h in self.hints)) if self.hints \
            else re.compile("")
        object.__setattr__(self, "search", pattern.search)

    def open(self, lower: str) -> bool:
        """Might the patterns match the lower-cased sentence ``lower``?"""
        return self.search(lower) is not None


def _gate(patterns: list[str]) -> _Gate:
    """The gate of ``patterns``: every run of three or more letters in their source.

    Sound for patterns whose every alternative holds such a run (a word of the lexicon),
    which is why the decades ("90er") and numeric days are not gated.
    """
    runs: set[str] = set()
    for pattern in patterns:
        source = re.sub(r"\\.", " ", pattern)
        source = re.sub(r"\(\?(?:P<\w+>|[-\w]*:|<?[!=])", "(", source)
        while True:  # optional groups ("(im\s+|am\s+)?") need not be in the text
            shorter = re.sub(r"\([^()]*\)[?*]|\[[^\]]*\][?*]", " ", source)
            if shorter == source:
                break
            source = shorter
        runs.update(run.lower() for run in re.findall(r"[^\W\d_]{3,}", source))
    return _Gate(tuple(sorted(runs)))

