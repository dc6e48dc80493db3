"""From report text to candidate events: the pipeline that ties the modules together.

The dates come from the date tagger (:func:`.tagger.tag_items`, one call per report, the
same reading as :func:`.tagger.find_dates`: anchored dates, holidays, quarters and halves,
ranges as their span, the tense of the clause). For every sentence with a date, the
date's clause (or, failing that, its sentence) must hold a kind cue (:mod:`.cues`), else
the date is not an event. Dates in the dateline, in a birthday clause or attached to
another instalment ("Mission: Impossible 8 (release: …)") are dropped. A date whose
clause states no tense keeps the tagger's reading unless it ends a list or dates a
release (then upcoming); a start date ("began on Wednesday") and an end date ("until
July 21") in one sentence become one interval. The place comes from
the sentence or its neighbours (:mod:`.places`), the people from the sentence
(:mod:`.people`), and the evidence goes into ``Event.extra``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from datetime import date, timedelta

import attrs
from mitimeline import Claim, Credit, Event, Place, When

from .cues import Cue, Cues, choose_kind, cues_for
from .dates import Phrase, find_phrases, resolve
from .languages import KIND_PRIORITY
from .naming import describe
from .people import Cast, find_cast
from .places import PlaceMention, country_code, find_places, place_list
from .quoted import Title, find_titles, main_title, same_title
from .restated import headline_of, restatements_dropped
from .sentences import Sentence, clause_bounds, running_text, split_sentences
from .sourcing import earlier_plan
from .tagger import Tagged, tag_items
from .timex import ANCHORED_KINDS, Timex

__all__ = ["TITLES", "Report", "extract_events", "slug"]

TITLES = {"shoot": "Filming", "stunt": "Stunt", "move": "Company move", "wrap": "Filming wraps",
          "release": "Release", "hiatus": "Production pause", "announcement": "Announcement",
          "other": "Production news"}
"""The start of each event title, by kind."""

_ROMAN = {"I": 1, "V": 5, "X": 10}


@attrs.frozen
class _Mention:
    """A date phrase that passed every check, with what the sentence says about it."""

    phrase: Phrase
    when: When
    inferred: bool  # placed against the report's date or an earlier date of the text
    cue: Cue
    same_clause: bool
    tense: str | None
    role: str | None  # "start", "open_start", "between", "end", "until_hour", "deadline"
    moved_to: bool = False  # right after "to", "auf", "al": the new date of a moved plan


@attrs.frozen
class Report:
    """A report split into sentences, with the date phrases of its own date line."""

    text: str
    language: str
    sentences: list[Sentence]
    datelines: dict[int, Phrase]  # sentence index -> the date line's phrase

    @classmethod
    def read(cls, text: str, language: str) -> Report:
        """Split ``text``; find its date line: a day with a year standing on a short line
        of its own or after a label ("Published:", "Aggiornato", "Stand"), within the
        first 20 sentences."""
        cues = cues_for(language)
        sentences = split_sentences(text)
        datelines = {}
        for index, sentence in enumerate(sentences[:20]):
            if cues.embed.search(sentence.text):
                continue  # an embedded post's date dates the post, not the report
            for phrase in find_phrases(sentence.text, language):
                if phrase.form != "calendar" or phrase.needs_base:
                    continue
                labelled = cues.dateline.search(sentence.text[:phrase.start]) is not None
                short = len(sentence.text.split()) <= 12 and not cues.kind_cues(sentence.text)
                if labelled or short:
                    datelines[index] = phrase
                    break
        return cls(text, language, sentences, datelines)

    def dateline(self) -> When | None:
        """The report's own date (day precision), if its date line gives one."""
        for phrase in self.datelines.values():
            when = resolve(phrase, self.language, None, None)
            if when is not None and when.precision == "day":
                return when
        return None


def extract_events(report: Report, base: date | None, source_id: str,
                   production: str | None = None, day_first: bool | None = None) -> list[Event]:
    """The candidate events of a report, in text order, one per distinct (kind, date).

    ``base`` is the publication day (``None``: only dates with a year are placed);
    ``production`` names the film the report is about; by default it is the numbered
    title mentioned most often; ``day_first`` is how the outlet writes numeric dates
    (:func:`.find_dates`). The date line is never an event.
    """
    text, language = report.text, report.language
    cues = cues_for(language)
    titles = find_titles(text, cues.franchise)
    context = _Context(
        language, cues, base, source_id,
        _installment(production, cues, language) if production else
        _main_installment(text, cues, language),
        main_title(titles, production, text.find("\n")),
        _PlaceCache(report.sentences, language), find_cast(text, language),
        cues.resume.search(text) is not None)
    tagged: dict[int, list[Tagged]] = {}
    for one in tag_items(text, published=base, language=language, day_first=day_first,
                         sentences=report.sentences):
        tagged.setdefault(one.sentence, []).append(one)
    found: list[Event] = []
    for index, sentence in enumerate(report.sentences):
        within = _within(titles, sentence)
        dated = _dated(report, index, tagged.get(index, []), within)
        found.extend(_closure_stunt(event, index, report, tagged.keys(), cues)
                     for event in _sentence_events(report, index, dated, within, context))
    events: dict[tuple[str, str, str], Event] = {}
    for event in restatements_dropped(found, headline_of(report.sentences), lambda e: bool(
            cues.earlier_plan.search(e.extra["evidence"])
            or cues.cancelled.search(e.extra["evidence"]))):
        _keep(events, event)
    kept = _fallbacks_dropped(list(events.values()), base)
    return _unique_ids(sorted(kept, key=lambda e: e.extra["offsets"][0]))


@attrs.frozen
class _Context:
    """What every sentence of one report is read with."""

    language: str
    cues: Cues
    base: date | None
    source_id: str
    main: tuple[str, int] | None  # the production's numbered title
    own_title: str | None  # the production's quoted title
    places: _PlaceCache
    cast: Cast
    restarted: bool  # the report tells of a restart: no pause of it lasts


@attrs.frozen
class _Dated:
    """A date the tagger placed in a sentence: its phrase (for an expression of
    :mod:`.timex`, a phrase of form ``"timex"`` with the mention's offsets into the
    sentence), what it means and whether that was inferred from another date."""

    phrase: Phrase
    when: When
    inferred: bool
    kind: str  # the phrase's form, or the expression's kind ("holiday", "anchored", …)
    tense: str | None  # the tense the date's clause states, as the tagger reads it


def _dated(report: Report, index: int, tagged: list[Tagged],
           titles: list[Title]) -> list[_Dated]:
    """The dates of sentence ``index`` an event can have, from the tagger: placed dates
    (and clock times placed on a day), a closed range as its span; not a lone year
    ("1996 zog sie um": too weak a cue), not in the date line nor inside a quoted title
    ("«Mare d'inverno»")."""
    sentence, language = report.sentences[index], report.language
    line = report.datelines.get(index)
    plain = find_phrases(sentence.text, language)
    found = []
    for one in tagged:
        dated = _placed(one, sentence, plain)
        if dated is None or (isinstance(one.item, Phrase) and one.item.form == "year"
                             and one.item not in plain) \
                or (isinstance(one.item, Timex) and one.item.kind in _NO_EVENT_KINDS) \
                or _no_date(one.item, sentence.text, cues_for(language)):
            continue
        start, end = dated.phrase.start, dated.phrase.end
        if (line is not None and start < line.end and line.start < end) \
                or any(t.start <= start and end <= t.end for t in titles):
            continue
        found.append(dated)
    return found


_NO_EVENT_KINDS = ("ref", "decade")
"""Tagger expressions that date no event: the present as a reference ("now", "al
momento": the report's day, not the event's) and a decade (too vague, as a lone year)."""


def _no_date(item: Phrase | Timex, text: str, cues: Cues) -> bool:
    """Does the expression name no date of an event: "a year later" of "a year later than
    planned" ("zwei Wochen später als geplant": a shift between two dates), a holiday
    after an indefinite article ("A Christmas Carol", "Un Natale su Marte": an occasion)?"""
    if not isinstance(item, Timex):
        return False
    if item.kind in ANCHORED_KINDS:
        return cues.compared.match(text, item.end) is not None
    return item.kind == "holiday" \
        and cues.indefinite.search(text, max(0, item.start - 6), item.start) is not None


def _placed(tagged: Tagged, sentence: Sentence, plain: list[Phrase]) -> _Dated | None:
    """``tagged`` as a date of its sentence, or ``None`` for a duration, a set or an
    expression the tagger could not place. A clock time on a day ("10pm on Monday") is
    the day's phrase among ``plain``: the extractor reads the hours ("from 7am to")."""
    mentions = tagged.mentions
    first, last = mentions[0], mentions[-1]
    if first.type not in ("date", "time") or first.when is None or last.when is None:
        return None
    closed = len(mentions) == 2 and first.span is not None
    when = first.span if closed and first.span is not None else first.when
    item = tagged.item
    day = [p for p in plain if isinstance(item, Timex) and item.kind == "time"
           and item.start <= p.start and p.end <= item.end]
    if day:
        return _Dated(day[0], when, first.anchor is not None, day[0].form, tagged.tense)
    phrase = item if isinstance(item, Phrase) else \
        Phrase(first.start - sentence.start, last.end - sentence.start,
               sentence.text[first.start - sentence.start:last.end - sentence.start], "timex")
    kind = item.form if isinstance(item, Phrase) else item.kind
    return _Dated(phrase, when, first.anchor is not None, kind, tagged.tense)


def _sentence_events(report: Report, index: int, dated: list[_Dated], titles: list[Title],
                     context: _Context) -> list[Event]:
    """The events of sentence ``index``: from its ``dated`` dates, else from what it says
    without one (:func:`_undated`). ``titles`` are its quoted titles."""
    sentence, language, cues = report.sentences[index], context.language, context.cues
    phrases = [d.phrase for d in dated]
    if not phrases:
        if context.base is None or index in report.datelines:
            return []
        return _undated(sentence, index, context.places, titles, context.own_title, cues,
                        context.base, language, context.source_id)
    kinds = cues.kind_cues(sentence.text) or _embedded(report, index, cues)
    found = _Found(kinds, titles, phrases, _statement_dates(sentence.text, phrases, cues, kinds))
    mentions: list[_Mention] = []
    for date_ in dated:
        mention = _mention(sentence.text, date_, language, context.base, cues, found,
                           context.main, context.own_title, mentions[-1] if mentions else None)
        if mention is not None:
            mentions.append(mention)
    move = _move(mentions, sentence.text, cues, found.kinds, language, context.base)
    groups = [[move.new]] if move else \
        _runs(_intervals(mentions, sentence.text, cues, language), sentence.text, cues)
    events = []
    for group in groups:
        event = _event(group, sentence, index, context.places,
                       context.cast.in_text(sentence.text), cues, context.base, language,
                       context.source_id)
        if move is not None:
            event = _rescheduled(event, move, context.source_id)
        elif not context.restarted:
            event = _still_paused(event, context.base)
        span = _lasting(event, sentence.text, cues) if len(groups) == 1 else None
        if span is not None and event.when.open_end:
            event, span = span, None  # "for three weeks from 20 September": that span only
        elif event.kind in ("shoot", "stunt") and _overnight(sentence.text, cues):
            event = _into_the_morning(event)
        elif event.kind == "shoot" and event.when.open_end and event.when.start is not None \
                and group[0].role == "open_start":
            # "filming since March" is dated March, when it began
            event = attrs.evolve(event, when=event.when.start)
        events.extend(_per_place(event, context.places.listed(index)))
        if span is not None:
            events.append(span)  # beside the start: "begins on 4 April, runs eight weeks"
    return events


_STUNT_REACH = 3
"""How many sentences after a road closure a stunt told without a date is the closure's."""


def _closure_stunt(event: Event, index: int, report: Report, dated: Collection[int],
                   cues: Cues) -> Event:
    """``event``, or a stunt when it is a shoot dated by a road closure (sentence
    ``index``: "the bridge was shut to traffic on Sunday") and a later sentence, not among
    the ``dated`` ones, tells of stunts: one of the next :data:`_STUNT_REACH` ("the shoot
    will include stunt driving") or one that names the closure ("while the bridge was
    closed, Gosling performed stunts")."""
    if event.kind != "shoot" or not cues.closure.search(event.extra["evidence"]):
        return event
    if not any(j not in dated and (j - index <= _STUNT_REACH or cues.closure.search(text))
               and any(c.label == "stunt" for c in cues.kind_cues(text))
               for j, text in ((j, report.sentences[j].text)
                               for j in range(index + 1, len(report.sentences)))):
        return event
    title = event.title
    if title.startswith(TITLES["shoot"]):
        title = TITLES["stunt"] + title.removeprefix(TITLES["shoot"])
    return attrs.evolve(event, kind="stunt", title=title, id=slug(f"stunt {event.when.edtf}"))


def _overnight(text: str, cues: Cues) -> bool:
    """Does ``text`` give hours that run past midnight ("from 8pm to 6am", "dalle 22 alle
    4", "von 22 bis 6 Uhr")?"""
    for match in cues.overnight.finditer(text):
        first, last = int(match.group("h1")), int(match.group("h2"))
        if "m1" in match.groupdict():  # English: am/pm
            first = first % 12 + (12 if match.group("m1").lower().startswith("p") else 0)
            last = last % 12 + (12 if match.group("m2").lower().startswith("p") else 0)
        if last < first <= 24:
            return True
    return False


def _into_the_morning(event: Event) -> Event:
    """``event`` with work through the night: its last day is the morning after."""
    when = event.when
    end = when.end
    if when.precision != "day" or end is None or end.edtf != when.upper.isoformat():
        return event  # open or approximate: the night is within what it says
    return attrs.evolve(event, when=When.interval(
        when.start, (when.upper + timedelta(days=1)).isoformat()))


def _fallbacks_dropped(events: list[Event], base: date | None) -> list[Event]:
    """``events`` without the undated "filming under way" ones when a dated event (with a
    known start) already shows filming by the report's date; one at a listed place stays."""
    dated = any(not e.extra.get("undated") and e.kind in ("shoot", "stunt", "wrap")
                and base is not None and date.min < e.when.lower <= base for e in events)
    return [e for e in events
            if not (dated and e.extra.get("undated") and not e.extra.get("listed"))]


_DAYS = {"day": 1, "week": 7, "month": 30}


def _embedded(report: Report, index: int, cues: Cues) -> list[Cue]:
    """For an embedded post's line ("A post shared by … on Sep 6, 2020"), the kind cues of
    the nearest of the four sentences before it that has any: the post dates what the
    text introducing it says ("the cameras are finally running (again):"). Their offsets
    lie before the line (never in a clause of it)."""
    if not cues.embed.search(report.sentences[index].text):
        return []
    for before in range(index - 1, max(-1, index - 5), -1):
        found = cues.kind_cues(report.sentences[before].text)
        if found:
            return [attrs.evolve(c, start=-1, end=-1) for c in found]
    return []


def _lasting(event: Event, text: str, cues: Cues) -> Event | None:
    """Filming that starts on a day and lasts a stated time ("will begin on 4 April and
    run for eight weeks", "per tre settimane a partire dal 20 settembre"): the span from
    that day, its end approximate."""
    match = cues.duration.search(text)
    when = event.when
    if match is None or event.kind != "shoot" or when.precision != "day" \
            or (when.lower != when.upper and not when.open_end):
        return None
    word = match.group("n").lower()
    count = int(word) if word.isdigit() else cues.numbers.get(word, 0)
    unit = cues.units.get(match.group("unit").lower(), "day")
    end = when.lower + timedelta(days=count * _DAYS[unit] - 1)
    span = When.interval(when.start, f"{end.isoformat()}~")
    return attrs.evolve(event, id=slug(f"shoot {span.edtf}"), when=span,
                        extra={**event.extra, "duration": match.group()})


def _still_paused(event: Event, base: date | None) -> Event:
    """A pause that began on a past day of a report that tells of no restart ("lo stop
    è arrivato giovedì") lasts: open at its end."""
    when = event.when
    if event.kind != "hiatus" or base is None or when.precision != "day" \
            or when.lower != when.upper or when.upper >= base:
        return event
    return attrs.evolve(event, when=When.interval(when.start, None))


def _keep(events: dict[tuple[str, str, str], Event], event: Event) -> None:
    """Keep ``event`` unless one of its kind, date (and listed place) is surer."""
    listed = event.place.name if event.place and event.extra.get("listed") else ""
    key = (event.kind, event.when.edtf, listed or event.region or "")
    if key not in events or events[key].extra["confidence"] < event.extra["confidence"]:
        events[key] = event


_LISTED_KINDS = ("shoot", "stunt")
"""The kinds that happen at each place of a list ("shot in Budapest, Abu Dhabi and …")."""


def _per_place(event: Event, listed: list[PlaceMention]) -> list[Event]:
    """``event`` once per place its sentence lists, else ``event`` alone."""
    if event.kind not in _LISTED_KINDS or not listed:
        return [event]
    return [attrs.evolve(event, id=slug(f"{event.kind} {m.place.name} {event.when.edtf}"),
                         place=m.place, title=f"{TITLES[event.kind]} in {m.place.name}",
                         extra={**event.extra, "listed": True}) for m in listed]


def _undated(sentence: Sentence, index: int, places: _PlaceCache, titles: list[Title],
             own_title: str | None, cues: Cues, base: date, language: str,
             source_id: str) -> list[Event]:
    """Filming a sentence without a date says has happened or is under way ("had already
    shot in Budapest, Abu Dhabi and at Longcross Studios", "wird inzwischen gedreht"): an
    open start ending at the report's date, once per listed place; filming it says starts
    now ("Partono le riprese"): about the report's day. Not for a plan, another film or a
    pause."""
    text = sentence.text
    if not running_text(text):
        return []  # a headline or a caption
    cue = cues.kinds["shoot"].search(text) or cues.resume.search(text)
    ongoing = cues.ongoing.search(text) is not None
    starting = cues.starting.search(text) is not None and not cues.past.search(text)
    if cue is None or (cues.future.search(text) and not ongoing and not starting) \
            or cues.other_film.search(text) or cues.kinds["hiatus"].search(text) \
            or any(not same_title(t.text, own_title or t.text) for t in titles):
        return []
    listed = places.listed(index) if ongoing or cues.past.search(text) else []
    if not listed and not ongoing and not starting:
        return []
    # "Partono le riprese" (no date): from about the report's day; else under way by it.
    when = When(f"{base.isoformat()}~") if starting else When.interval(None, base.isoformat())
    place = places.near(index, cue.start(), "shoot")
    extra = {"evidence": text, "offsets": [sentence.start, sentence.end], "date_text": "",
             "date_offsets": [], "cue": cue.group(), "tense": "past", "language": language,
             "confidence": 0.4, "undated": True}
    title = TITLES["shoot"] + (f" in {place.name}" if place else "")
    event = Event(id=slug(f"shoot {when.edtf}"), title=title, when=when, kind="shoot",
                  place=place, status="done", sources=[source_id], extra=extra)
    return _per_place(event, listed)


@attrs.frozen
class _Found:
    """The cues of one sentence, found once for all its date phrases."""

    kinds: list[Cue]
    titles: list[Title]  # offsets within the sentence
    phrases: list[Phrase]  # the sentence's date phrases
    said: list[Phrase]  # those that date a statement ("sabato Il Messaggero ha dato notizia")


def _within(titles: list[Title], sentence: Sentence) -> list[Title]:
    """The titles inside ``sentence``, with offsets relative to it."""
    return [Title(t.text, t.start - sentence.start, t.end - sentence.start)
            for t in titles if sentence.start <= t.start and t.end <= sentence.end]


def _mention(text: str, dated: _Dated, language: str, base: date | None, cues: Cues,
             found: _Found, main: tuple[str, int] | None, main_title: str | None,
             prior: _Mention | None) -> _Mention | None:
    """What the sentence ``text`` says about the date ``dated``: its kind, role and tense
    (its value is the tagger's); ``None`` when the date is no event of this production."""
    phrase = dated.phrase
    first, last = _across_dashes(text, clause_bounds(text, phrase.start, phrase.end,
                                                     cues.clauses), cues)
    if _distractor(text, phrase, (first, last), cues, found, main, main_title, language):
        return None
    local = [c for c in found.kinds if first <= c.start < last]
    cue = _kind(text[first:last], phrase, local, found, cues)
    if cue is None:
        return None
    before = text[first:phrase.start]
    listed = prior is not None and _listed(text, prior, phrase, cues)
    tense = dated.tense or _default_tense(cue, prior if listed else None)
    when = dated.when
    if dated.tense is None and tense is not None and phrase.needs_base and base is not None:
        when = resolve(phrase, language, base, tense) or when  # "startet am 16. November"
    if dated.kind == "holiday" and cue.label == "release" and when.precision == "day":
        when = When(f"{when.lower.isoformat()[:7]}~")  # "for Christmas": its season
    if prior is not None and not prior.inferred and prior.phrase.start >= first \
            and phrase.needs_base and phrase.form == "calendar":
        # "shut down on 14 March 2020 and resumed in September": after the dated one
        when = resolve(phrase, language, prior.when.lower, "future") or when
    if listed and prior is not None and phrase.form == "weekday" \
            and when.lower < prior.when.lower:
        when = When((when.lower + timedelta(days=7)).isoformat())  # "Monday and Thursday"
    return _Mention(phrase, when, dated.inferred, cue, bool(local), tense, _role(before, cues),
                    cues.moved_to.search(before) is not None)


def _distractor(text: str, phrase: Phrase, bounds: tuple[int, int], cues: Cues,
                found: _Found, main: tuple[str, int] | None, main_title: str | None,
                language: str) -> bool:
    """Is the date in the clause ``bounds`` no event of this production: a birthday, the
    plot, another film or instalment, a statement's date, "today" with no cue beside it?"""
    first, last = bounds
    clause = text[first:last]
    if cues.birthday.search(clause) or cues.story.search(clause) \
            or _other_film(text, first, clause, cues) \
            or _other_installment(text, phrase, cues, main, language) \
            or _other_ordinal(clause, cues, main):
        return True
    if not any(first <= c.start < last for c in found.kinds) \
            and (phrase.offset == 0 or cues.reporting.search(clause)):
        # "today" only with a cue beside it ("… still performs today" is no event), and
        # "the studio said on Monday" dates a statement, not the event it reports.
        return True
    return _dates_statement(text, first, phrase, cues, found.kinds) \
        or _other_title(text, found.titles, phrase, bounds, main_title)


def _kind(clause: str, phrase: Phrase, local: list[Cue], found: _Found,
          cues: Cues) -> Cue | None:
    """The cue that gives the date its kind (its label the kind): the clause's own cues
    first, the one nearest this date rather than another; ``None``: no event."""
    kind_cues = found.kinds
    said = [s for s in found.said if s != phrase]
    local, kind_cues = _unreported(local, phrase, said), _unreported(kind_cues, phrase, said)
    cue = choose_kind(_owned(local, phrase, found.phrases) or local
                      or _owned(kind_cues, phrase, found.phrases) or kind_cues,
                      phrase.start, phrase.end)
    if cue is None or (cue.label == "announcement" and not local):
        return None  # an announcement is dated where it is said
    if cue.label in _STANDS_FOR:
        cue = attrs.evolve(cue, label=_STANDS_FOR[cue.label])
    if cue.label == "release" and cues.promo.search(clause):
        cue = attrs.evolve(cue, label="announcement")  # "the trailer was released"
    if cue.label == "hiatus" and cues.earlier_plan.search(clause):
        # "originally scheduled for 5 January, it was postponed": a given-up date of the
        # plan the sentence names (a release unless it names another)
        label = min((c.label for c in kind_cues if c.label in _MOVABLE),
                    key=KIND_PRIORITY.index, default="release")
        cue = attrs.evolve(cue, label=label)
    return cue


def _role(before: str, cues: Cues) -> str | None:
    """The date's part in a span, from the words right before it ("from", "until", "by",
    "between", "from 6am on")."""
    return ("deadline" if cues.deadline.search(before) else
            "between" if cues.between.search(before) else
            "start" if cues.hours_from.search(before) else
            "until_hour" if cues.hours_to.search(before) else
            "end" if cues.end.search(before) else
            "open_start" if cues.open_start.search(before) else
            "start" if cues.start.search(before) else None)


def _default_tense(cue: Cue, head: _Mention | None) -> str | None:
    """The tense of a date whose clause states none: that of the list ``head`` it ends
    ("will be shut on Monday, Tuesday and Wednesday"); else a release is upcoming
    ("startet am 16. November"); else ``None`` (the tagger's reading stands)."""
    return (head.tense if head is not None else None) \
        or ("future" if cue.label == "release" else None)


_DASH = re.compile(r"\s[–—-]\s")


def _across_dashes(text: str, bounds: tuple[int, int], cues: Cues) -> tuple[int, int]:
    """``bounds`` of a clause that ends at a dash opening an aside ("Im April sollen die
    Aufnahmen – unter anderem in Stahnsdorf – zu Ende gehen"), stretched past the aside
    to the clause that resumes after its closing dash."""
    first, last = bounds
    opening = _DASH.match(text, last)
    closing = _DASH.search(text, opening.end()) if opening else None
    if closing is None:
        return bounds
    return first, clause_bounds(text, closing.end(), closing.end() + 1, cues.clauses)[1]


def _listed(text: str, prior: _Mention, phrase: Phrase, cues: Cues) -> bool:
    """Does only list glue (", and on") lie between ``prior``'s date and ``phrase``?"""
    return cues.list_glue.fullmatch(text, prior.phrase.end, phrase.start) is not None


def _runs(groups: list[list[_Mention]], text: str, cues: Cues) -> list[list[_Mention]]:
    """Join listed single days that follow one another ("on Monday, Tuesday and
    Wednesday", "9 e 10 novembre") into one span: its first and last mention; a day
    named twice ("tomorrow, 9 November") counts once."""
    result: list[list[_Mention]] = []
    for group in groups:
        last = result[-1][-1] if result else None
        mention = group[0]
        if len(group) == 1 and last is not None and last.when.precision == "day" \
                and mention.when.precision == "day" and last.cue.label == mention.cue.label \
                and _listed(text, last, mention.phrase, cues):
            step = (mention.when.lower - last.when.upper).days
            if step == 0:  # "Domani, 9 novembre": one day said twice
                result[-1] = [*result[-1][:-1], mention]
                continue
            if step == 1:
                result[-1] = [result[-1][0], mention]
                continue
        result.append(group)
    return result


_STANDS_FOR = {"permit": "other", "crew": "shoot"}
"""Cue labels that are not event kinds, and the kind they give: a permission dates an
"other" event ("gave permission on Monday to close …"), a crew on location filming."""


def _owned(cues: list[Cue], phrase: Phrase, phrases: list[Phrase]) -> list[Cue]:
    """The cues nearer ``phrase`` than any other date of the sentence: in "earlier this
    year the studio confirmed the film would be released in 2023" "confirmed" is the
    first date's, "released" the second's."""
    def distance(cue: Cue, other: Phrase) -> int:
        return max(other.start - cue.end, cue.start - other.end, 0)
    return [c for c in cues if all(distance(c, phrase) <= distance(c, p) for p in phrases)]


def _unreported(cues: list[Cue], phrase: Phrase, said: list[Phrase]) -> list[Cue]:
    """``cues`` without those a statement's date (``said``) stands between ``phrase`` and:
    what the statement reports."""
    return [c for c in cues
            if not any((phrase.end <= s.start and s.end <= c.start)
                       or (c.end <= s.start and s.end <= phrase.start) for s in said)]


def _statement_dates(text: str, phrases: list[Phrase], cues: Cues,
                     kind_cues: list[Cue]) -> list[Phrase]:
    """The ``phrases`` of the sentence ``text`` that date a statement: a cue nearer one of
    them than to another date is what the statement reports ("on Wednesday two caterers
    tested positive, and on Saturday a paper reported the halt": the halt is not
    Wednesday's)."""
    return [p for p in phrases if _dates_statement(
        text, _across_dashes(text, clause_bounds(text, p.start, p.end, cues.clauses), cues)[0],
        p, cues, kind_cues)]


def _dates_statement(text: str, first: int, phrase: Phrase, cues: Cues,
                     kind_cues: list[Cue]) -> bool:
    """Does the date follow or precede a reporting verb closely, with no kind cue in
    between ("Amblin said on Friday", "erklärte das Unternehmen am Donnerstag", "sabato
    Il Messaggero ha dato notizia")? Then it dates the statement, not what is reported."""
    said = cues.reporting_near.search(text, first, phrase.start)
    if said is not None:
        return not any(said.start() <= c.start < phrase.start for c in kind_cues)
    said = cues.reporting_after.match(text, phrase.end)
    return said is not None and not any(phrase.end <= c.start < said.end()
                                        for c in kind_cues)


def _other_title(text: str, titles: list[Title], phrase: Phrase, bounds: tuple[int, int],
                 main: str | None) -> bool:
    """Is the quoted title nearest the date (the last one before it, else the first after
    it; in the date's clause ``bounds`` if it quotes any, else in the sentence, where a
    semicolon ends a title's reach) another production's ("Kommende Woche hätte „Doch
    das Böse …“ starten sollen")?"""
    first, last = bounds
    if main is None or not titles:
        return False
    inside = [t for t in titles if first <= t.start and t.end <= last]
    before = [t for t in inside or titles if t.end <= phrase.start
              and ";" not in text[t.end:phrase.start]]
    after = [t for t in inside or titles if t.start >= phrase.end]
    nearest = before[-1] if before else after[0] if after else None
    return nearest is not None and not same_title(nearest.text, main)


def _other_ordinal(clause: str, cues: Cues, main: tuple[str, int] | None) -> bool:
    """Does the clause name another instalment by its ordinal ("nel 2018 è arrivato il
    secondo capitolo" when the production is number 3)?"""
    if main is None:
        return False
    return any(cues.ordinals[m.group("ordinal").lower()] != main[1]
               for m in cues.ordinal_installment.finditer(clause))


def _other_film(text: str, first: int, clause: str, cues: Cues) -> bool:
    """Is the clause about another film ("its predecessor", "der erste Teil")? A clause
    in apposition (", released in 2017,") is judged with the clause before it."""
    if cues.other_film.search(clause):
        return True
    if first > 0 and text[first - 1] == "," and cues.apposition.match(clause):
        before = text[:first - 1]
        start = max(before.rfind(c) for c in ",;:()") + 1
        return cues.other_film.search(before[start:]) is not None
    return False


def _intervals(mentions: list[_Mention], text: str, cues: Cues,
               language: str) -> list[list[_Mention]]:
    """Group a start mention with the end mention after it ("from X to Y", "began on X …
    until Y", "between X and Y"); a move followed by filming until a date also spans the
    filming there ("Im Januar zieht das Team nach Island weiter, wo bis Ende Februar
    gefilmt werden soll": January to the end of February); every other mention stands
    alone."""
    groups: list[list[_Mention]] = []
    pending: _Mention | None = None
    moved: _Mention | None = None
    for mention in mentions:
        closes = mention.role in ("end", "until_hour") or (
            pending is not None and pending.role == "between"
            and _listed(text, pending, mention.phrase, cues))
        if closes and pending is not None and pending.when.lower > mention.when.upper:
            mention = _from(mention, language, pending.when.lower, "future")  # "May … July"
        if closes and pending is not None and pending.when.lower <= mention.when.upper:
            groups[-1].append(mention)
            pending = None
            continue
        if mention.role == "end" and mention.cue.label == "shoot" and moved is not None \
                and moved.when.lower <= mention.when.upper:
            groups.append([attrs.evolve(moved, cue=mention.cue), mention])
            continue
        if mention.role == "end" and mention.cue.label == "release":
            continue  # "shown weekly until December": the end of a run, not a release
        groups.append([mention])
        pending = mention if mention.role in ("start", "open_start", "between") else None
        moved = mention if mention.cue.label == "move" else None
    return groups


@attrs.frozen
class _Move:
    """A sentence that moves a plan: the new date's mention and the given-up ones."""

    new: _Mention
    earlier: list[_Mention]


_MOVABLE = ("release", "wrap", "move", "stunt", "shoot")
"""The kinds a moved date can be; "postponed" alone (a hiatus cue) says a release."""


def _move(mentions: list[_Mention], text: str, cues: Cues, kind_cues: list[Cue],
          language: str, base: date | None) -> _Move | None:
    """The move a sentence states ("postponed from 19 November 2021 to 27 May 2022",
    "atteso il 31 dicembre, arriverà invece nel 2021"): a reschedule cue and either two
    or more dates or one right after "to"/"auf"/"al". The given-up dates are read as the
    nearest; the new one is the one marked so, else the latest (the earliest when the
    plan was brought forward), read as the first such day after the given-up one (before
    it, when brought forward), or ahead if there is none. The kind is the sentence's
    strongest cue other than the pause the move implies."""
    if not mentions or cues.moved.search(text) is None:
        return None
    marked = [i for i, m in enumerate(mentions) if m.moved_to]
    if len(mentions) < 2 and not marked:
        return None
    advanced = cues.advanced.search(text) is not None
    nearest = [_reread(m, language, base, None) for m in mentions]
    pick = min if advanced else max
    new_at = marked[0] if len(marked) == 1 else \
        pick(range(len(nearest)), key=lambda i: nearest[i].when.lower)
    earlier = [m for i, m in enumerate(nearest) if i != new_at]
    new = mentions[new_at]
    if earlier and advanced:
        new = _from(new, language, earlier[0].when.upper, "past")
    elif earlier:
        new = _from(new, language, earlier[0].when.lower, "future")
    else:
        new = _reread(new, language, base, "future")
    label = min((c.label for c in kind_cues if c.label in _MOVABLE), key=KIND_PRIORITY.index,
                default="release")
    def relabel(mention: _Mention) -> _Mention:
        return attrs.evolve(mention, cue=attrs.evolve(mention.cue, label=label), role=None)
    return _Move(relabel(new), [relabel(m) for m in earlier])


def _reread(mention: _Mention, language: str, base: date | None,
            tense: str | None) -> _Mention:
    """``mention`` resolved again against the report's day ``base`` in ``tense``:
    "future" for a plan still ahead, ``None`` (the nearest) for a given-up one."""
    if base is None or not mention.phrase.needs_base:
        return mention
    when = resolve(mention.phrase, language, base, tense)
    return mention if when is None else attrs.evolve(mention, when=when, tense=tense)


def _from(mention: _Mention, language: str, day: date, tense: str) -> _Mention:
    """A day or month without a year, or a weekday, read as its first occurrence after
    ``day`` ("future") or its last before it ("past"): a span's end, a moved plan's new
    date. Other phrases ("next week") keep their reading from the report's day."""
    if mention.phrase.form not in ("calendar", "weekday") or not mention.phrase.needs_base:
        return mention
    when = resolve(mention.phrase, language, day, tense)
    return mention if when is None else attrs.evolve(mention, when=when)


def _rescheduled(event: Event, move: _Move, source_id: str) -> Event:
    """``event`` (at the new date) with one claim per given-up date, cited from the
    earlier plan (:func:`earlier_plan`), and one for the new date, cited from the report
    and last: it supersedes the others; no claims when no earlier date is said. Status:
    planned."""
    if not move.earlier:
        return attrs.evolve(event, status="planned")
    earlier = [Claim([earlier_plan(source_id)], when=m.when, status="planned",
                     note=f"earlier date {m.phrase.text!r}, moved to {move.new.phrase.text!r}")
               for m in move.earlier]
    latest = Claim([source_id], when=event.when, status="planned",
                   note=f"new date {move.new.phrase.text!r}, supersedes the earlier")
    return attrs.evolve(event, claims=(*earlier, latest), status="planned", sources=())


def _event(group: list[_Mention], sentence: Sentence, index: int, places: _PlaceCache,
           people: list[Credit], cues: Cues, base: date | None, language: str,
           source_id: str) -> Event:
    first = group[0]
    kind = first.cue.label
    when = _when(group, kind)
    anchor = first.phrase.start
    clause = clause_bounds(sentence.text, first.phrase.start, first.phrase.end, cues.clauses)
    place = places.near(index, anchor, kind, clause)
    if kind == "shoot" and len(group) == 1 and first.role == "end" and place is None \
            and not cues.stay.search(sentence.text[clause[0]:clause[1]]):
        # "the work will drag on until the end of May": when filming ends, not a place's
        # stay ("remains on the coast until the end of November" is filming there)
        kind, when = "wrap", first.when
    status = _status(sentence.text, when, first.tense, base, cues)
    title = _title(sentence.text, group, kind, place, cues, language)
    extra = {
        "evidence": sentence.text,
        "offsets": [sentence.start, sentence.end],
        "date_text": " … ".join(m.phrase.text for m in group),
        "date_offsets": [[sentence.start + m.phrase.start, sentence.start + m.phrase.end]
                         for m in group],
        "cue": first.cue.text,
        "tense": first.tense,
        "language": language,
        "confidence": _confidence(group, place is not None),
    }
    region = country_code(place) if kind == "release" and place is not None else None
    return Event(id=slug(f"{kind} {region or ''} {when.edtf}"), title=title, when=when,
                 kind=kind, place=place, people=people, status=status, region=region,
                 sources=[source_id], extra=extra)


_DESCRIBED = ("shoot", "stunt", "other")
"""The kinds whose titles come from the sentence; a release, move, pause, wrap or
announcement reads best as the kind and the place ("Release in Germany")."""


def _title(text: str, group: list[_Mention], kind: str, place: Place | None, cues: Cues,
           language: str) -> str:
    """What the sentence says happened ("Motorcycle jump off a cliff in Norway"), with the
    place when the words leave it out; else the kind and the place ("Stunt in Norway")."""
    cue = group[0].cue
    clause = clause_bounds(text, cue.start, cue.end, cues.clauses)
    described = describe(text, cue.start, cue.end,
                         [(m.phrase.start, m.phrase.end) for m in group], clause, language)
    where = f" {'to' if kind == 'move' else 'in'} {place.name}" if place is not None else ""
    if described is None or kind not in _DESCRIBED:
        return TITLES[kind] + where
    return described if place is None or place.name in described else described + where


def _when(group: list[_Mention], kind: str) -> When:
    """One mention's date, or the interval a start and an end mention span; a lone
    "since X" / "until X" of filming or a pause is an interval open at one end."""
    if len(group) == 2:
        return When.interval(group[0].when.start, group[1].when.end)
    mention = group[0]
    if mention.role == "deadline" and mention.when.end:
        return _until(mention)  # "by mid-October", "entro il 15"
    if kind in ("shoot", "hiatus") and mention.phrase.first is None \
            and mention.when.start and mention.when.end:
        if mention.role == "end":
            return _until(mention)
        if mention.role == "open_start":
            return When.interval(mention.when.start, None)
    return mention.when


def _until(mention: _Mention) -> When:
    """An interval open at its start that ends with ``mention``: "until the end of May"
    at the month's end, "by mid-October" at about the 15th."""
    return When.interval(None, mention.when.end)


def _status(text: str, when: When, tense: str | None, base: date | None, cues: Cues) -> str:
    if cues.cancelled.search(text):
        return "cancelled"
    if cues.rumour.search(text):
        return "rumoured"
    if base is not None and when.upper < base:
        return "done"
    if base is not None and when.lower > base:
        return "planned"
    return {"future": "planned", "past": "done"}.get(tense or "", "confirmed")


def _confidence(group: list[_Mention], has_place: bool) -> float:
    """A score in [0.1, 0.95]: cue in the same clause, a date needing no inference and a
    place raise it; a guessed year or a vague span lowers it."""
    mention = group[0]
    score = 0.5 + (0.2 if mention.same_clause else 0.0) + (0.05 if has_place else 0.0)
    phrase = mention.phrase
    if not mention.inferred:
        score += 0.15
    elif phrase.form in ("calendar", "weekday", "season") and mention.tense is None \
            and phrase.direction is None:
        score -= 0.15
    if phrase.count == -1 or phrase.edge is not None:
        score -= 0.1
    return round(min(0.95, max(0.1, score)), 2)


class _PlaceCache:
    """Places per sentence, found on demand and remembered."""

    def __init__(self, sentences: list[Sentence], language: str) -> None:
        self.sentences = sentences
        self.language = language
        self.found: dict[int, list[PlaceMention]] = {}

    def at(self, index: int) -> list[PlaceMention]:
        """The places of sentence ``index``, leaving out a name that is part of a date
        ("in March": March, Cambridgeshire)."""
        if index not in self.found:
            text = self.sentences[index].text
            dated = [(p.start, p.end) for p in find_phrases(text, self.language)]
            self.found[index] = [m for m in find_places(text, self.language)
                                 if not any(s < m.end and m.start < e for s, e in dated)]
        return self.found[index]

    def listed(self, index: int) -> list[PlaceMention]:
        """The places sentence ``index`` lists ("in Budapest, Abu Dhabi and …"), or []."""
        return place_list(self.sentences[index].text, self.at(index), self.language)

    def near(self, index: int, anchor: int, kind: str,
             clause: tuple[int, int] | None = None) -> Place | None:
        """The most specific place in the date's ``clause`` if it names one, else in the
        sentence (nearest ``anchor`` on a tie), else in the sentence before, else the one
        after; a release only from its own sentence (a region is said with the date)."""
        for neighbour in (index,) if kind == "release" else (index, index - 1, index + 1):
            if not 0 <= neighbour < len(self.sentences):
                continue
            mentions = self.at(neighbour)
            if clause is not None and neighbour == index:
                mentions = [m for m in mentions if clause[0] <= m.start < clause[1]] \
                    or mentions
            if mentions:
                best = max(mentions, key=lambda m: (m.specificity,
                                                    -abs(m.start - anchor) * (neighbour == index)))
                return best.place
        return None


# -- other instalments ---------------------------------------------------------------------


def _installments(text: str, cues: Cues, language: str, start: int = 0,
                  end: int | None = None) -> list[re.Match[str]]:
    """Numbered titles and parts in ``text[start:end]`` ("Mission: Impossible 7",
    "Teil 8"), leaving out dates that look like them ("November 19") or begin with their
    number ("On 6 September")."""
    return [m for m in cues.installment.finditer(text, start, len(text) if end is None else end)
            if not find_phrases(m.group(), language) and not _date_from(text, m, language)]


def _date_from(text: str, match: re.Match[str], language: str) -> bool:
    """Does a date phrase begin at the match's number ("On 6 September 2020")?"""
    number = match.start("number")
    return any(p.start == 0 for p in find_phrases(text[number:number + 24], language))


def _installment(title: str, cues: Cues, language: str) -> tuple[str, int] | None:
    matches = _installments(title, cues, language)
    if not matches:
        return None
    return _normal_title(matches[0]), _number(matches[0].group("number"))


def _main_installment(text: str, cues: Cues, language: str) -> tuple[str, int] | None:
    """The numbered title the report mentions most ("Mission: Impossible 7"); failing
    that, the part number it mentions most ("Part 7": title ""). Ties go to the first."""
    counts: dict[tuple[str, int], int] = {}
    for match in _installments(text, cues, language):
        key = (_normal_title(match), _number(match.group("number")))
        counts[key] = counts.get(key, 0) + 1
    titled = {key: n for key, n in counts.items() if key[0]}
    candidates = titled or counts
    if not candidates:
        return None
    return max(candidates, key=lambda key: candidates[key])


def _other_installment(text: str, phrase: Phrase, cues: Cues, main: tuple[str, int] | None,
                       language: str) -> bool:
    """Is the phrase attached to a numbered title that is not the production's? The last
    such mention within 120 characters before the phrase decides."""
    if main is None:
        return False
    mentions = _installments(text, cues, language, max(0, phrase.start - 120), phrase.start)
    if not mentions:
        return False
    last = mentions[-1]
    number = _number(last.group("number"))
    if last.group("word"):  # "Part 8", "Teil 8", "capitolo 8"
        return number != main[1]
    return (_normal_title(last), number) != main


def _normal_title(match: re.Match[str]) -> str:
    return re.sub(r"\W+", " ", (match.group("title") or "")).strip().lower()


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    values = [_ROMAN[c] for c in text]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


# -- ids -------------------------------------------------------------------------------------


def slug(text: str) -> str:
    """A lower-case ASCII slug of ``text`` ("Release 2021-11-19" -> "release-2021-11-19")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower())) or "event"


def _unique_ids(events: list[Event]) -> list[Event]:
    seen: dict[str, int] = {}
    result = []
    for event in events:
        count = seen.get(event.id, 0) + 1
        seen[event.id] = count
        result.append(event if count == 1 else attrs.evolve(event, id=f"{event.id}-{count}"))
    return result
