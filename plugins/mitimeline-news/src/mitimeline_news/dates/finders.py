"""The phrase finders every language has: calendar, relative, season and year phrases."""

from __future__ import annotations

import re

from ..languages import Lexicon
from .names import _alternation, _before, _by_length, _context, _modifiers, _Names, _norm
from .phrase import _DAY, _YEAR, FEW, Phrase


class _CalendarFinder:
    """Calendar phrases built around a month name or a numeric date, and lone weekdays."""

    def __init__(self, lexicon: Lexicon, names: _Names) -> None:
        self.lexicon = lexicon
        self.names = names
        full = r"(?:" + "|".join(re.escape(m) for m in names.months_full) + r")\b"
        abbr = r"(?:" + "|".join(re.escape(m) for m in names.months_abbr) + r")\b\.?"
        month = r"(?:" + full + "|" + abbr + ")"
        weekday = (r"(?:(?:" + "|".join(re.escape(w) for w in _by_length(list(names.weekdays)))
                   + r")\b,?\s+(?:the\s+|den\s+)?)?")
        forms = [
            r"\d{4}-\d{2}-\d{2}\b",
            r"\b\d{1,2}[./]\d{1,2}[./](?:" + _YEAR + r"|\d{2})(?!\d)",
            weekday + r"(?:the\s+)?\b" + _DAY + r"\s*(?:of\s+|de\s+|di\s+)?" + month
            + r"(?:,?\s+" + _YEAR + r"\b)?",
            weekday + r"\b" + month + r"\s+" + _DAY + r"(?![\d:])(?:,?\s+" + _YEAR + r"\b)?",
            r"\b" + full + r",?\s+(?:of\s+|del\s+)?" + _YEAR + r"\b",
            r"\b" + abbr + r"\s+" + _YEAR + r"\b",
            r"\b" + full,
        ]
        self.pattern = re.compile(r"(?:" + "|".join(forms) + r")", re.IGNORECASE)
        link = (r"\s*(?:–|—|-|to|(?P<pair>and)|through|al|all['’]|e|bis(?:\s+zum)?)\s*"
                r"(?:the\s+)?")
        # "and" joins the ends of a span only after "between": "April 4th and 7th" are two
        self.between = re.compile(r"(?:^|\W)(?:" + lexicon.between_re + r")\s+(?:the\s+|il\s+|"
                                  r"dem\s+|(?:\w+\s+)?)?$", re.IGNORECASE)
        year = r"(?:,?\s+(?P<year>" + _YEAR + r")\b)?"
        self.ranges = (
            re.compile(r"\b(?P<d1>" + _DAY + r")" + link + r"(?P<d2>" + _DAY
                       + r")\s*(?:of\s+|di\s+)?(?P<month>" + month + r")" + year,
                       re.IGNORECASE),
            re.compile(r"\b(?P<month>" + month + r")\s+(?P<d1>" + _DAY + r")" + link
                       + r"(?P<d2>" + _DAY + r")(?![\d:])" + year, re.IGNORECASE),
        )
        self.weekday = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in _by_length(list(names.weekdays)))
            + r")\b", re.IGNORECASE)
        weekdays = "|".join(re.escape(w) for w in _by_length(list(names.weekdays)))
        steps = _alternation(lexicon.week_steps) or r"(?!)"
        # the week phrase after a weekday, or after a list of them ("Monday and Thursday
        # next week"): group ``last`` is set when the phrase follows this weekday itself
        self.week_after = re.compile(
            r"(?:(?:\s*,\s*(?:(?:" + lexicon.and_re + r")\s+)?|\s+(?:" + lexicon.and_re
            + r")\s+)(?:\w+\s+)?(?:" + weekdays + r")\b)*(?P<last>\s+(?:"
            + lexicon.week_after_re.replace("<STEP>", steps) + r")\b)",
            re.IGNORECASE)
        self.before = _before(lexicon)
        self.context = _context(lexicon)
        self.ambiguous = re.compile(
            r"^(?:" + "|".join(re.escape(m) for m in sorted(lexicon.ambiguous_months)) + r")$",
            re.IGNORECASE) if lexicon.ambiguous_months else None

    def find(self, sentence: str) -> list[Phrase]:
        found = self._ranges(sentence)
        taken: list[tuple[int, int]] = [(p.start, p.end) for p in found]
        for match in self.pattern.finditer(sentence):
            if any(a <= match.start() < b for a, b in taken):
                continue
            core = match.group().strip().rstrip(",")
            if re.search(r"\d\.$", core):  # "until July 21." ends the sentence
                core = core[:-1]
            if self._rejected(sentence, match.start(), core):
                continue
            end = match.start() + len(core)
            start, end, third, direction = _modifiers(
                self.lexicon, self.before, sentence, match.start(), end)
            # dateparser reads "Sonntag, 4. Oktober", not "Sonntag, den 4. Oktober", nor
            # "5 di maggio"
            found.append(Phrase(start, end, sentence[start:end], "calendar",
                                core=re.sub(r"\s+(?:den|di)\s+", " ", core),
                                third=third, direction=direction))
            taken.append((match.start(), end))
        for match in self.weekday.finditer(sentence):
            if any(a <= match.start() < b for a, b in taken):
                continue
            start, end, _, direction = _modifiers(
                self.lexicon, self.before, sentence, match.start(), match.end())
            week = None
            after = self.week_after.match(sentence, match.end())
            if after and direction is None:
                step = after.group("step") or after.group("step2") or ""
                week = self.lexicon.week_steps.get(_norm(step))
                if week is not None and after.start("last") == match.end():
                    end = after.end()
            found.append(Phrase(start, end, sentence[start:end], "weekday",
                                weekday=self.names.weekdays[match.group().lower()],
                                direction=direction, week=week))
        return found

    def _ranges(self, sentence: str) -> list[Phrase]:
        """"6-24 September", "dal 6 al 24 settembre", "6. bis 20. Oktober", "July 6-24"."""
        found = []
        for pattern in self.ranges:
            for match in pattern.finditer(sentence):
                if match.group("pair") and not self.between.search(
                        sentence, max(0, match.start() - 30), match.start()):
                    continue
                month, year = match.group("month"), match.group("year")
                tail = f" {year}" if year else ""
                d1, d2 = match.group("d1"), match.group("d2")
                if pattern is self.ranges[0]:
                    first, last = f"{d1} {month}{tail}", f"{d2} {month}{tail}"
                else:
                    first, last = f"{month} {d1}{tail}", f"{month} {d2}{tail}"
                found.append(Phrase(match.start(), match.end(), match.group(), "calendar",
                                    core=last, first=first))
        return found

    def _rejected(self, sentence: str, start: int, core: str) -> bool:
        """A lone month name that is also an everyday word ("may", "march") counts only
        when capitalised and after a context word ("in May") or a modifier."""
        if self.ambiguous is None or not self.ambiguous.match(core):
            return False
        if not core[0].isupper():
            return True
        before = sentence[max(0, start - 25):start]
        return not (self.context.search(before) or self.before.search(before))


class _RelativeFinder:
    """Relative phrases from the lexicon's patterns, plus its day words."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        counts = [*lexicon.few, *lexicon.numbers]
        fills = {
            "<DIR>": _alternation(lexicon.directions),
            "<UNIT>": _alternation(lexicon.units),
            "<N>": _alternation(counts),
            "<THIRD>": _alternation(lexicon.thirds),
            "<EDGE>": _alternation(lexicon.edges),
        }
        patterns = []
        for pattern in lexicon.relative:
            for placeholder, alternation in fills.items():
                pattern = pattern.replace(placeholder, alternation)
            patterns.append(re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)", re.IGNORECASE))
        self.patterns = tuple(patterns)
        self.day_words = re.compile(r"\b(?:" + _alternation(lexicon.day_words) + r")\b",
                                    re.IGNORECASE)

    def find(self, sentence: str) -> list[Phrase]:
        found = []
        for pattern in self.patterns:
            for match in pattern.finditer(sentence):
                phrase = self._phrase(match)
                if phrase is not None:
                    found.append(phrase)
        for match in self.day_words.finditer(sentence):
            found.append(Phrase(match.start(), match.end(), match.group(), "relative",
                                unit="day", offset=self.lexicon.day_words[match.group().lower()]))
        return found

    def _phrase(self, match: re.Match[str]) -> Phrase | None:
        groups = {k: v for k, v in match.groupdict().items() if v}
        lexicon = self.lexicon
        unit = lexicon.units.get(_norm(groups.get("unit", "")))
        if unit is None:
            return None
        count = None
        if "n" in groups:
            word = _norm(groups["n"])
            count = int(word) if word.isdigit() else (
                FEW if word in lexicon.few else lexicon.numbers.get(word))
            if count is None:
                return None
        sign = -1 if "ago" in groups else 1 if "ahead" in groups else 0
        direction = lexicon.directions.get(_norm(groups.get("dir", "")))
        edge = lexicon.edges.get(_norm(groups.get("edge", "")))
        third = lexicon.thirds.get(_norm(groups.get("third", "")))
        if count is not None and not sign:
            return None
        return Phrase(match.start(), match.end(), match.group(), "relative", unit=unit,
                      count=count, sign=sign, edge=edge, third=third,
                      direction=direction or ("this" if edge or third else None))


class _SeasonFinder:
    """Seasons: with a year ("summer 2019", "Frühjahr 2020"), a direction ("this
    summer", "l'estate scorsa") or a context word ("in the summer", "im Sommer")."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.pattern = re.compile(
            r"\b(?P<season>" + _alternation(lexicon.seasons) + r")\b(?:\s+(?:of\s+|del\s+|"
            r"des\s+jahres\s+)?(?P<year>" + _YEAR + r")\b)?",
            re.IGNORECASE)
        self.before = _before(lexicon)
        self.context = re.compile(
            r"(?:^|\W)(?:" + lexicon.context_re + r"|in the|during the|nell['’]|d['’]|l['’]|"
            r"quest['’])\s*$", re.IGNORECASE)

    def find(self, sentence: str) -> list[Phrase]:
        found = []
        for match in self.pattern.finditer(sentence):
            start, end, third, direction = _modifiers(
                self.lexicon, self.before, sentence, match.start(), match.end())
            year = match.group("year")
            if not (year or direction or third
                    or self.context.search(sentence[max(0, start - 25):start])):
                continue
            if direction is None and re.search(r"quest['’]\s*$", sentence[:start]):
                direction = "this"
            found.append(Phrase(start, end, sentence[start:end], "season",
                                season=self.lexicon.seasons[match.group("season").lower()],
                                year=int(year) if year else None, third=third,
                                direction=direction))
        return found


class _YearFinder:
    """A bare year after a context word ("in 2022", "nel 2022", "im Jahr 2022") or a
    third ("early 2021", "Anfang 2021"); never "2018's" or "2020-year"."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.pattern = re.compile(r"(?<![\d$€£.,/])(?<!\d-)\b(?P<year>" + _YEAR
                                  + r")\b(?!['’]s|\s*-|[.,]\d|/|%)")
        self.before = _before(lexicon)
        self.context = _context(lexicon)

    def find(self, sentence: str) -> list[Phrase]:
        found = []
        for match in self.pattern.finditer(sentence):
            start, end, third, _ = _modifiers(
                self.lexicon, self.before, sentence, match.start(), match.end())
            if third is None and not self.context.search(sentence[max(0, start - 25):start]):
                continue
            found.append(Phrase(start, end, sentence[start:end], "year",
                                year=int(match.group("year")), third=third))
        return found

