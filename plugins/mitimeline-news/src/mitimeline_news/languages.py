"""The words the parser looks for, per language: date vocabulary, cues, tense markers.

Month and weekday *names* are not here: they come from dateparser's locale data (see
``dates``), so this module holds only what dateparser does not know: relative phrases
in the forms newspapers use, seasons, thirds of a month, and every cue that gives a date
its meaning (kind, tense, status, distractors, places, people).

Patterns are regular-expression fragments, matched case-insensitively unless they say
``(?-i:...)``. To add a language, add a :class:`Lexicon` to :data:`LEXICONS` whose ``code``
dateparser supports; ``docs/news.md`` lists what each field needs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

__all__ = ["KIND_PRIORITY", "LEXICONS", "Lexicon", "TimexWords", "detect_language"]

KIND_PRIORITY = ("permit", "release", "wrap", "move", "stunt", "hiatus", "shoot", "announcement",
                 "other", "crew")
"""When a clause has cues of several kinds, the earlier kind in this order wins. A "permit"
cue ("gave permission", "genehmigt") dates a permission, not the filming it allows: the
event is of kind "other". A "crew" cue ("film crew", "la troupe") says filming only when
nothing else in the clause says what happened."""


@attrs.frozen
class TimexWords:
    """The date tagger's vocabulary for one language (``Lexicon.timex``): everything
    :func:`mitimeline_news.find_dates` reads beyond the phrases the event extractor shares;
    the defaults read nothing.

    One format for every language: ``patterns`` for :mod:`.timex` and the words they read
    (``ordinals``: "first"/"ersten" -> 1, -1 the last; ``parts`` -> "quarter"/"half";
    ``holidays``: lower-case name -> rule of :func:`.dates.resolving.holiday_day`; ``decades``: word
    -> first year; ``units``, ``steps``, ...), the range and bound words of :mod:`.extents`,
    and, after ``bound_end_re``, the fields of the optional phrase finder of :mod:`.dates`
    (only German uses them so far: bare years, "heuer", day lists).

    ``patterns`` are ``(kind, regex)`` pairs (see :mod:`.timex` for the kinds and the named
    groups each reads) that may use the placeholders ``<N>`` (a count), ``<ORD>``,
    ``<PART>``, ``<UNIT>`` (a duration unit), ``<YEAR>``, ``<MONTH>``, ``<WEEKDAY>``,
    ``<HOLIDAY>``, ``<DECADE>``, ``<DIR>``, ``<THIRD>``, ``<CLOCK>`` and ``<YEARSTEP>`` (the
    ``periods`` that name a whole year: "dieses Jahres").
    """

    ordinals: Mapping[str, int] = attrs.field(factory=dict)  # "first" -> 1
    parts: Mapping[str, str] = attrs.field(factory=dict)  # "quarter"/"quartal" -> "quarter"|"half"
    units: Mapping[str, str] = attrs.field(factory=dict)  # duration units -> "day", "hour" ...
    holidays: Mapping[str, str] = attrs.field(factory=dict)  # name -> rule, see holiday_day
    steps: Mapping[str, int] = attrs.field(factory=dict)  # "following" -> 1, "same" -> 0
    refs: Mapping[str, str] = attrs.field(factory=dict)  # "now" -> "present"
    day_parts: Mapping[str, int] = attrs.field(factory=dict)  # "last" (night) -> -1
    decades: Mapping[str, int] = attrs.field(factory=dict)  # "eighties" -> 1980
    centuries: Mapping[str, int] = attrs.field(factory=dict)  # "twentieth", "Novecento" -> 20
    day_first: bool | None = None  # how the language's outlets write 03/04/2021
    not_duration_re: str = r"(?!)"  # right after a count and unit: an age ("-old")
    age_before_re: str = r"(?!)"  # right before a count and unit: an age ("ha 58 anni")
    range_open_re: str = r"(?!)"  # before the first date of a range: "from", "between"
    range_link_re: str = r"[-–—]"  # between a range's dates: "to", "and", dashes
    until_re: str = r"(?!)"  # right before a weekday that is still to come: "until", "entro"
    amount_after_re: str = r"(?!)"  # right after a number that is an amount: "euro", "tons"
    bound_start_re: str = r"(?!)"  # right before a date that opens an interval: "since"
    bound_end_re: str = r"(?!)"  # right before a date that closes one: "until", "by"
    # anchored expressions (see tagger._anchored): words after which comes what they count
    # from ("two days after May 5", "four months after filming began"), the words allowed
    # between them and a date ("the"), and between "the quarter" and the day it ends
    anchor_words: frozenset[str] = frozenset()  # "after", "before"
    anchor_gap_re: str = r"(?!)"  # "the"
    ending_gap_re: str = r"(?!)"  # " ended on "
    # the optional phrase finder of dates.optional (German news); see docs/news.md
    bare_years: bool = False  # a year with no context word is a date ("1996 zog sie um")
    quantity_re: str = r"(?!)"  # a word after a number that makes it a quantity: "Euro"
    amount_before_re: str = r"(?!)"  # a word before a number that makes it one: "rund"
    year_pair_season_re: str = r"(?!)"  # "Saison 2019/20": a season, not two years
    year_words_re: str = r"(?!)"  # a noun right before a year that names it: "Jahr 2010"
    bc_re: str = r"(?!)"  # after a year: before Christ ("v. Chr.")
    periods: Mapping[str, tuple[str, int, str | None]] = attrs.field(factory=dict)
    # ^ pattern -> (unit, step, third): "heuer" -> ("year", 0, None), "im Vorjahr" -> -1
    of_year_re: str = r"(?!)"  # between a month and its year: "April des Jahres 1918"
    list_link_re: str = r"(?!)"  # between the days of a list: "und", "sowie"
    list_article_re: str = r"(?!)"  # after a list link: "am", "dem"
    leading_re: str = r"(?!)"  # prepositions a mention drops at its start, as TimeML does: "im"
    patterns: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class Lexicon:
    """Everything language-specific the pipeline needs for one language.

    Mappings go from a lower-case word (as written in text) to its meaning; ``*_re``
    fields are regex alternations. ``relative`` patterns use the named groups ``dir``,
    ``unit``, ``n``, ``ago``, ``ahead``, ``edge``, ``third`` and ``day``, and may use the
    placeholders ``<DIR>``, ``<UNIT>``, ``<N>`` (numbers and vague counts), ``<THIRD>`` and
    ``<EDGE>`` for the alternations of the matching mapping's keys.
    """

    code: str
    stopwords: frozenset[str]
    directions: Mapping[str, str]  # -> "last" | "next" | "this"
    units: Mapping[str, str]  # -> "day" | "week" | "month" | "year"
    numbers: Mapping[str, int]
    few: tuple[str, ...]  # vague counts: "a few", "several"
    day_words: Mapping[str, int]  # "yesterday" -> -1
    thirds: Mapping[str, str]  # -> "early" | "mid" | "late", or "start" | "end" (the very
    # start or end: "Anfang 2021", "the end of the year"; two months of a year, a third of a month)
    edges: Mapping[str, str]  # -> "earlier" | "later" | "this" (of the current unit) |
    # "rest" (the report day to the unit's end: "noch in diesem Jahr", "entro quest'anno")
    seasons: Mapping[str, int]  # -> EDTF season 21..24
    relative: tuple[str, ...]
    postfix_directions: bool  # Italian "lunedì scorso": the direction follows the name
    ambiguous_months: frozenset[str]  # English "may", "march": need a digit or context
    context_re: str  # words that make a bare month, year or season a date: "in", "since"
    kinds: Mapping[str, str]  # kind -> cue alternation
    resume_re: str  # "resumed": the date is the restart, not the break
    future_re: str
    past_re: str
    rumour_re: str
    cancelled_re: str
    birthday_re: str
    open_start_re: str  # "since", "dal", "seit": an interval open at its end
    since_re: str  # the open starts that also mean "before now": "since", "da", "seit"
    start_re: str  # "began", "iniziate", "begonnen": may start an interval
    end_re: str  # "until", "fino al", "bis"
    hours_from_re: str  # "from 6am on", "dalle 17 del": the start of a span given with hours
    hours_to_re: str  # "to 10pm on", "alle 20 del": its end (alone: just that day)
    locatives_re: str  # prepositions before a place name
    clause_re: str  # words that open a new clause: "before", "mentre", "während"
    reporting_re: str  # "said", "ha dichiarato", "mitteilte": a date of a statement, not an event
    apposition_re: str  # a clause opening like ", released in 2017": it belongs to the one before
    dateline_re: str  # labels before a report's own date: "Published", "Aggiornato"
    roles: Mapping[str, str]  # role word -> Credit role
    installment_re: str  # "part", "capitolo", "Teil": numbered instalments
    other_film_re: str  # "predecessor", "primo capitolo", "Vorgänger": a clause about another film
    franchise_re: str  # "instalment", "saga", "Reihe": beside a quoted series name, not a film
    promo_re: str  # "trailer", "poster": a "release" of these is an announcement
    moved_re: str  # "postponed", "verschoben", "rinviato": a date moved (also "brought forward")
    advanced_re: str  # "brought forward", "vorgezogen", "anticipato": moved to an earlier date
    compared_re: str  # "than", "als", "del previsto": right after "a year later", a shift
    indefinite_re: str  # "a", "ein", "un": before a holiday, an occasion ("A Christmas Carol")
    moved_to_re: str  # "to", "auf", "al": right before the new date of a moved happening
    earlier_plan_re: str  # "originally", "ursprünglich", "inizialmente": a date given up
    stay_re: str  # "stays", "bleibt", "resterà": filming until a date at a place, not its end
    closure_re: str  # a road closed for the crew: with stunts told beside it, a stunt
    overnight_re: str  # hours "from h1 to h2" (groups h1, h2; English m1, m2: am/pm)
    deadline_re: str  # "by", "entro", "spätestens": right before the latest date
    list_glue_re: str  # what joins the dates of a list: ", and on", ", e il", " und am"
    between_re: str  # "between", "zwischen", "tra": starts a span its "and" date ends
    ongoing_re: str  # "currently", "inzwischen", "già": filming under way at the report's
    # date; strong enough to outweigh a future marker ("wird inzwischen gedreht")
    and_re: str  # the words that join a list: "and", "e", "und"
    origin_re: str  # "from", "da", "von": before the place a production came from
    determiners_re: str  # articles and possessives that open a noun phrase (for titles)
    governing_re: str  # prepositions whose phrase belongs to a title: "off", "durch", "su"
    noun_cue_re: str  # a cue word that is a noun ("stunt", "ciak", "Dreh"), not a verb
    crew_re: str  # who films, not what: "crew", "troupe", "Team" (skipped in titles)
    auxiliaries_re: str  # "was", "wird", "è", "gedreht": a verb, where a title's words stop
    story_re: str  # "set in", "spielt", "si svolge": a date of the plot, not of production
    ordinals: Mapping[str, int]  # "second" -> 2: "the second instalment" is another film
    starting_re: str  # "filming begins", "partono le riprese": under way from the report day
    duration_re: str  # "for six weeks", "45 Drehtage", "per sette settimane": groups n, unit
    embed_re: str  # "A post shared by … on <date>": an embedded post dates the text before it
    timex: TimexWords = attrs.field(factory=TimexWords)  # find_dates' extra vocabulary
    # a week phrase right after a weekday (or a list of them) that says which week:
    # "Monday next week", "Montag kommender Woche", "lunedì della prossima settimana";
    # the groups ``step``/``step2`` read ``week_steps`` (-1 last week, 0 this, 1 next)
    week_after_re: str = r"(?!)"
    week_steps: Mapping[str, int] = attrs.field(factory=dict)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EN_CLOSURE = (r"(?:road|street|bridge|lane|avenue|square)s?\b[^.;]{0,60}?\b(?:shut|closed?)\b|"
               r"(?:shut|closed) to traffic|road closures?")
"""A road closed for a shoot ("the bridge was shut to traffic"): filming, often of stunts."""
_IT_CLOSURE = (r"chius[oaie] al traffico|"
               r"chius(?:o|a|i|e|ura) (?:al traffico|della strada|delle strade)")
_DE_CLOSURE = r"(?:straße|platz|brücke|weg)\w*(?:[^.;]|(?<=\d)\.){0,60}?\bgesperrt|sperrung"


ENGLISH = Lexicon(
    code="en",
    stopwords=_words(
        "the and of to is was in that it for with as his her on at by from has have are "
        "were this which be will an but not they their its who also been after"
    ),
    directions={"last": "last", "past": "last", "previous": "last", "this": "this",
                "current": "this", "next": "next", "coming": "next"},
    units={"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
           "months": "month", "year": "year", "years": "year"},
    numbers={"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12},
    few=("a few", "a couple of", "several", "some", "few"),
    day_words={"yesterday": -1, "today": 0, "tomorrow": 1},
    thirds={"early": "early", "mid": "mid", "mid-": "mid", "late": "late",
            "the beginning of": "start", "the start of": "start", "the middle of": "mid",
            "the end of": "end", "beginning of": "start", "start of": "start",
            "end of": "end"},
    edges={"earlier": "earlier", "later": "later"},
    seasons={"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24},
    relative=(
        r"(?P<n>\d{1,2}|<N>)\s+(?P<unit><UNIT>)\s+(?P<ago>ago|earlier)",
        r"(?P<ahead>in)\s+(?P<n>\d{1,2}|<N>)\s+(?P<unit><UNIT>)(?:'?s?\s+time)?",
        r"(?P<edge><EDGE>)\s+this\s+(?P<unit>week|month|year)",
        r"(?P<third><THIRD>)\s*(?P<dir>last|this|next)\s+(?P<unit>month|year)",
        # not "the last week of filming": the final week of the shoot, not a week back
        r"(?:the\s+)?(?P<dir><DIR>)\s+(?P<unit>week|month|year)(?!\s+of\s+(?:the\s+)?"
        r"(?:filming|shooting|shoot|production|principal\s+photography|rehearsals?)\b)",
    ),
    postfix_directions=False,
    ambiguous_months=frozenset({"may", "march", "august"}),
    context_re=r"in|since|until|till|by|from|for|during|through|before|after|around|of|on|"
               r"last|next|this|early|mid|late|in the|during the|over the",
    kinds={
        "shoot": r"film(?:ing|ed)\b|(?:to|will|'ll|would|begin to|began to|start to)\s+film\b|"
                 r"shoot(?:ing|s)?\b|in front of the cameras?|reshoot\w*|on location\b|"
                 r"shot\s+(?:[a-z]+\s+){0,3}?(?:in|on|at)\b|"
                 r"(?:is|are|was|were|be|being|been)\s+(?:\w+\s+)?shot\b|"
                 r"principal photography|"
                 r"cameras?\s+(?:are\s+|were\s+|is\s+)?(?:now\s+|finally\s+)?(?:rolling|running)|"
                 r"cameras?\s+(?:started\s+|began\s+|will\s+|to\s+)?roll(?:ed|s|ing)?\b|"
                 r"(?:production|filming|shooting)\s+(?:on\s+(?:\S+\s+){1,4}?)?(?:began|begins|"
                 r"started|starts|kicked off|kicks off|got under way|gets under way)|"
                 r"production\s+(?:began|begins|started|starts|resumed|resumes)|on set\b|"
                 r"(?:begun|began|begin|begins|started|starts|start) (?:production|filming)|"
                 # a street shut for the crew: the report is about filming there
                 r"parking (?:restrictions?|suspensions?|bans?)|no parking|" + _EN_CLOSURE,
        "stunt": r"stunt\w*|action (?:sequence|scene)s?|skydiv\w*",
        "move": r"mov(?:e|ed|es|ing)\s+(?:on\s+)?to\b|head(?:s|ed|ing)?\s+(?:off\s+)?to\b|"
                r"relocat\w*|next (?:destination|stop|location)|"
                r"travel(?:s|led|ed|ling)?\s+to\b|decamp\w*|arriv(?:ed|es|ing)\s+in\s+(?-i:[A-Z])",
        "wrap": r"wrap(?:ped|s)?\b|end of (?:filming|shooting|production)|"
                r"(?:filming|shooting|production)\s+(?:(?:has|had|should|will|would|must|be|"
                r"been|is|was)\s+){0,2}(?:ended|finished|concluded|completed|wrapped)|"
                r"(?:finish|complet)(?:ed|es)?\s+(?:filming|shooting)|"
                r"(?:filming|shooting),?\s+which\s+(?:\w+\s+)?(?:ended|finished|wrapped)|"
                r"last (?:week|day|days) of (?:filming|shooting|production)",
        "release": r"releas(?:e|ed|es|ing)\b|in (?:cinemas|theaters|theatres)|"
                   r"hit(?:s|ting)? (?:cinemas|theaters|theatres|screens)|premier(?:e|es|ed)\b|"
                   r"in (?:\w+ )?(?:cinemas|theaters|theatres)\b|"
                   r"(?:set|due|expected|scheduled) to (?:arrive|open|debut|hit)|"
                   r"arriv(?:e|es|ing)\s+(?:on|in (?:cinemas|theaters|theatres))\b|"
                   r"debut(?:s|ed)?\b|opening (?:day|weekend)|theatrical|open(?:s|ed)? (?:in|on)\b|"
                   r"dated\s+(?:\w+\s+){0,3}for\b|release date|due out|"
                   r"reach(?:es|ed|ing)? (?:cinemas|theaters|theatres|screens)|"
                   r"(?:come|comes|coming|came) to (?:cinemas|theaters|theatres|screens)|"
                   r"bow(?:s|ed)?\s+(?:on|in)\b|"
                   r"land(?:s|ed|ing)? on (?:netflix|prime|amazon|disney|apple|hulu|max|hbo|"
                   r"paramount|peacock|sky|bbc|itv|channel \d)|"
                   r"air(?:s|ed|ing)?\s+(?:on|in|from|weekly|sometime)\b|to air\b|"
                   r"(?:began|begin|start\w*) airing|"
                   r"(?:be|is|are|was|were) (?:shown|broadcast|screened)\b|"
                   r"go(?:es)? out (?:weekly|on)\b|stream(?:s|ing)? on\b|"
                   r"(?:holiday|summer|christmas|theatrical|fall|autumn|spring) release",
        "hiatus": r"hiatus|halt(?:ed|s)?\b|paus(?:e|ed|es)\b|suspend(?:ed|s)?\b|"
                  r"shut(?:s)? down|shutdown|postpon(?:e|ed|es)\b|delay(?:ed|s)?\b|on hold",
        "permit": r"(?:gave|given|granted|grants?) (?:\w+ ){0,3}permission|approved|"
                  r"permits? (?:was|were) (?:issued|granted)",
        "announcement": r"announc(?:e|ed|es|ement)\b|confirm(?:ed|s)?\b|reveal(?:ed|s)?\b|"
                        r"unveil(?:ed|s)?\b",
        "crew": r"(?:film|camera) crews?\b",
        "other": r"rehears\w*|costume fittings?|read-through|table read|casting call|"
                 r"location scout\w*|scouts?\b|scouting",
    },
    resume_re=r"resum(?:e|ed|es|ing)\b|restart(?:ed|s)?\b|back (?:to work|on set)|"
              r"start(?:ed|s)? again|running again|rolling again|"
              r"return(?:ed|s|ing)? to (?:the\s+)?(?:set|filming|production|shooting)|"
              r"(?:cameras?|filming|shooting) (?:\w+\s+)?(?:turning|rolling) again",
    future_re=r"\bwill\b|'ll\b|\bgoing to\b|\bshould\b|\b(?:hope|intend|want|aim)s? to\b|"
              r"\b(?:begins|starts|kicks off)\b|"
              r"\bscheduled\b|\bset (?:to|for)\b|\bslated\b|"
              r"\bexpected to\b|\b(?:is|are) expected\b|\bdue (?:to|for|in|on)\b|"
              r"\bplan(?:s|ned)? to\b|\bplanned\b|"
              r"\bupcoming\b|\b(?:is|are) to\b|\bnext\b|\bcoming\b|\bto be\b|"
              r"\b(?:may|might) (?:be|have|go|take|come|open|close|start)\b|"
              r"\b(?:seeks?|promised|vowed) to\b",
    past_re=r"\b(?:was|were|had|did)\b|"
            r"\bha(?:s|ve) been\b(?!\s+(?:schedul|plann|set\b|slat|expect|due\b|postpon|"
            r"delay|mov|push|brought\s+forward|rescheduled)\w*)|"
            r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"
            r"\b(?!(?:schedul|plann|expect|slat|intend|hop|aim|need|us)ed\b)[a-z]{3,}ed\b|"
            r"\bago\b|(?<!\bto )(?<!\bwill )(?<!\bcould )(?<!\bwould )(?<!\bmay )(?<!\bmight )"
            r"(?<!\bshould )\blast\b(?!\s+(?:until|till|through|into|beyond)\b)|"
            r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bto )(?<!\bwill )(?<!'ll )(?<!\bwould )"
            r"(?<!\bcould )(?<!\bshould )(?<!\bcan )(?<!\bmay )(?<!\bmight )"
            r"\b(?:began|begun|shot|went|saw|made|took|spent|left|came|"
            r"wrote|told|said|flew|ran|rode|hit|got|rose|fell|grew|sold|won|lost|paid|bought|"
            r"met|held|gave|kept|led|built|chose|became|brought|caught|fought|found|sent|stood|"
            r"struck|thought|drove|broke|spoke|sank|taught|ate|drew|froze|hid|knew|sang|"
            r"slept|swam|threw|wore|withdrew|overtook|forecast)\b",
    rumour_re=r"reportedly|rumou?r\w*|allegedly|supposedly|(?:is|are) said to|"
              r"according to (?:rumou?rs|insiders|sources)",
    cancelled_re=r"cancel+ed|scrapped|called off|axed",
    birthday_re=r"birthday|\bborn\b|\bturn(?:s|ed)? \d+|\d+ years old",
    open_start_re=r"from|since|starting|beginning|as of",
    hours_from_re=r"from (?:\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|noon|midnight) on",
    since_re=r"since",
    start_re=r"beg(?:an|in|ins|un)|start(?:ed|s|ing)?|kick(?:ed|s)? off|commenc\w*|"
             r"resum\w*|got under way",
    end_re=r"until|till|through|thru|to|ending|ends|end on",
    hours_to_re=r"(?:to|until|till) (?:\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|noon|"
                r"midnight) on",
    locatives_re=r"in|at|to|near|around|outside|from|across|towards|into|on|between",
    clause_re=r"before|after|while|whereas|although|but|where|when|then",
    reporting_re=r"said|says|told|tells|according to|wrote|writes|reported|reports",
    apposition_re=r"which|who|that|[a-z]+ed|shot|made|written|seen",
    dateline_re=r"date|dated|published|updated|posted|last modified",
    roles={"director": "director", "filmmaker": "director", "actor": "actor",
           "actress": "actor", "star": "actor", "co-star": "actor", "producer": "producer",
           "stunt coordinator": "stunt coordinator", "cinematographer": "cinematographer"},
    installment_re=r"part|chapter|instal+ment|episode",
    other_film_re=r"predecessor|prequel|"
                  r"(?:previous|first|original|last) (?:film|movie|instal+ment)|"
                  r"the (?:first|original|previous) (?-i:[A-Z])|(?:a|another) sequel",
    franchise_re=r"instal+ments?\b|chapter\b|franchise\b|saga\b|sequel\b|film of\b",
    promo_re=r"trailer|teaser|poster|first[- ]look|first image",
    moved_re=r"postpon\w*|push(?:ed|es|ing)? (?:\w+ ){0,3}?back|delay(?:ed|s)?\b|resched\w*|"
             r"(?:has been|have been|was|were|is being) moved\b|"
             r"mov(?:ed|es|ing) the (?:release|premiere|opening|debut|date)|"
             r"push(?:ed|es|ing)? the (?:release|premiere|opening|debut)|"
             r"brought forward|bring(?:s|ing)? forward|pull(?:ed|s)? forward",
    advanced_re=r"brought forward|bring(?:s|ing)? forward|pull(?:ed|s)? forward|earlier than",
    compared_re=r"than",
    indefinite_re=r"an?",
    moved_to_re=r"to|until|now(?:\s+\w+){0,4}\s+on|now",
    closure_re=_EN_CLOSURE,
    overnight_re=r"(?P<h1>\d{1,2})(?:[.:]\d\d)?\s*(?P<m1>[ap]\.?m\.?)\s*(?:to|until|till|-|–)\s*"
                 r"(?P<h2>\d{1,2})(?:[.:]\d\d)?\s*(?P<m2>[ap]\.?m\.?)",
    stay_re=r"(?:stay(?:s|ed|ing)?|remain(?:s|ed|ing)?)(?!\w)",
    earlier_plan_re=r"originally|initially|first planned|previously|"
                    r"had been (?:set|due|slated|planned|scheduled)|(?:was|were) planned",
    deadline_re=r"by|no later than",
    list_glue_re=r"\s*,?\s*(?:(?:and|or|&)\s+)?(?:(?:on|the)\s+)?",
    between_re=r"between",
    and_re=r"and|as well as|&",
    origin_re=r"from",
    determiners_re=r"a|an|the|its|his|her|their|another|several|some|two|three",
    governing_re=r"off|through|across|over|down|up|along|onto|into|between|around|from|of|"
                 r"with|on top of|atop|on|at|in|near",
    noun_cue_re=r"(?!\w*(?:ed|ing)$)\w+",
    crew_re=r"crew|team|cast|production|unit|actors?|stars?",
    auxiliaries_re=r"was|were|is|are|will|would|has|had|have|be|been|can|could|went|got",
    story_re=r"is set in|set in the year|(?<!filming )(?<!shooting )(?<!shoot )takes place|"
             r"the story|the plot|plays out",
    ordinals={"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
              "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10},
    embed_re=r"a post shared by|view this post on|check out this post",
    duration_re=r"(?:for|run for|last|lasting|last for)\s+(?:about\s+|around\s+|roughly\s+|"
                r"some\s+|up to\s+)?(?P<n>\d{1,3}|<N>)\s+(?P<unit>days|weeks|months)",
    starting_re=r"(?:filming|shooting|production|principal photography) (?:begins|starts|"
                r"kicks off|gets under way)|cameras (?:start )?roll(?:ing)? (?:today|now)",
    ongoing_re=r"currently|already|under way|underway|(?:has|have) (?:begun|started)|"
               r"(?:is|are) (?:being )?(?:filming|shooting)|(?:is|are) being (?:shot|filmed)",
    week_after_re=r"(?:of\s+)?(?:the\s+)?(?P<step><STEP>)\s+week(?!['’\w])",
    week_steps={"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1, "this": 0},
    timex=TimexWords(
        ordinals={"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                  "fourth": 4, "4th": 4, "last": -1, "final": -1},
        parts={"quarter": "quarter", "half": "half"},
        units={"seconds": "second", "minute": "minute",
               "minutes": "minute", "hour": "hour", "hours": "hour", "day": "day",
               "days": "day", "night": "day", "nights": "day", "week": "week",
               "weeks": "week", "month": "month", "months": "month", "quarter": "quarter",
               "quarters": "quarter", "half": "half", "year": "year", "years": "year",
               "decade": "decade",
               "decades": "decade", "century": "century", "centuries": "century"},
        holidays={"christmas": "12-25", "christmas day": "12-25", "christmas eve": "12-24",
                  "boxing day": "12-26", "new year's day": "01-01", "new year's eve": "12-31",
                  "easter": "easter", "easter sunday": "easter", "easter monday": "easter+1",
                  "good friday": "easter-2", "ash wednesday": "easter-46",
                  "pentecost": "easter+49", "thanksgiving": "nth-11-3-4",
                  "thanksgiving day": "nth-11-3-4", "black friday": "nth-11-3-4+1",
                  "halloween": "10-31", "valentine's day": "02-14", "st. valentine's day":
                  "02-14", "independence day": "07-04", "the fourth of july": "07-04",
                  "labor day": "nth-09-0-1", "labour day": "nth-09-0-1",
                  "memorial day": "nth-05-0--1", "veterans day": "11-11",
                  "st. patrick's day": "03-17", "st patrick's day": "03-17",
                  "martin luther king day": "nth-01-0-3", "presidents' day": "nth-02-0-3"},
        steps={"following": 1, "next": 1, "subsequent": 1, "previous": -1, "preceding": -1,
               "prior": -1, "same": 0, "that": 0, "that same": 0, "the same": 0, "entire": 0,
               "whole": 0, "full": 0},
        refs={"now": "present", "currently": "present", "nowadays": "present",
              "at present": "present", "at the moment": "present", "recently": "past",
              "lately": "past", "in recent years": "past", "in recent months": "past",
              "in recent weeks": "past", "in recent days": "past", "the past": "past",
              "the future": "future", "the time being": "present", "the near term": "future",
              "the short term": "future", "the long term": "future",
              "the near future": "future", "in the coming days": "future",
              "in the coming weeks": "future", "in the coming months": "future",
              "in the coming years": "future"},
        day_parts={"this": 0, "tonight": 0, "last": -1, "yesterday": -1, "today": 0,
                   "tomorrow": 1},
        centuries={"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21},
        decades={"twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950,
                 "sixties": 1960, "seventies": 1970, "eighties": 1980, "nineties": 1990},
        day_first=None,
        not_duration_re=r"[\s-]+old\b|\s+of\s+age\b",
        age_before_re=r"\b(?:aged|age|at\s+the\s+age\s+of)\s+$",
        range_open_re=r"\b(?:from|between)\s+(?:the\s+)?$",
        range_link_re=r"[-–—]|to|until|till|through|and",
        until_re=r"\b(?:until|till|by)\s+$",
        amount_after_re=r"\s*(?:€|\$|£|euros?|dollars?|pounds|yen|tons?|tonnes?|km|kilometers|"
                        r"miles|meters|metres|feet|people|workers|employees|jobs|units|shares|"
                        r"points|votes|copies|cars|vehicles|homes|troops|soldiers|students)\b",
        bound_start_re=r"\b(?:since|from|starting(?:\s+(?:on|in|from))?|beginning(?:\s+(?:on|in))?|"
                       r"as\s+of|after)\s+(?:the\s+)?$",
        bound_end_re=r"\b(?:until|till|up\s+to|by|before|no\s+later\s+than)\s+(?:the\s+)?$",
        anchor_words=frozenset({"after", "before"}),
        anchor_gap_re=r"the",
        ending_gap_re=r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\s+(?:on\s+)?",
        patterns=(
            ("duration", r"(?:(?P<recent>the\s+(?:past|last|previous))\s+)?(?P<n>\d{1,3}"
                         r"(?:[.,]\d+)?|<N>)(?:\s+and\s+a\s+half)?[\s-]+(?:(?:straight|consecutive|full|"
                         r"long|more|trading|business|working|calendar|additional|further|"
                         r"whole|successive)[\s-]+)?(?P<unit><UNIT>)"),
            ("duration", r"(?P<recent>the\s+(?:past|last))\s+(?P<unit>decade|century)"),
            ("part", r"(?:the\s+)?(?P<ord><ORD>)[\s-]+(?P<part><PART>)(?:\s+(?:of\s+)?(?:"
                     r"(?:the\s+)?(?:fiscal\s+)?(?P<year><YEAR>)|(?P<ydir>this|last|next)\s+"
                     r"year|the\s+(?:current\s+|fiscal\s+)?year))?"),
            ("part", r"(?:the\s+)?(?P<dir>this|next|current|previous|latest|past|coming)\s+"
                     r"(?P<part>quarter)"),
            ("part", r"(?:in|for|during|of|through)\s+(?P<span>the\s+(?P<bare>quarter))"
                     r"(?!\s+(?:of|ended|ending|ends|before|after)\b|-)"),
            ("part", r"(?-i:(?P<qn>[QH][1-4]))(?:\s+(?P<year><YEAR>)|['’](?P<yy>\d\d))?"),
            ("holiday", r"(?:(?P<dir>last|this|next)\s+)?(?=(?-i:[A-Zt]))(?P<name><HOLIDAY>)"
                        r"(?:,?\s+(?:of\s+)?(?P<year><YEAR>))?"),
            # the US holiday season, November and December: "a holiday release"
            ("holidayseason", r"(?:(?P<dir>last|this|next)\s+)?holiday\s+(?:season|period)"
                              r"(?:\s+(?:of\s+)?(?P<year><YEAR>))?"),
            ("holidayseason", r"(?<=\ba\s)holiday(?:\s+(?P<year><YEAR>))?"
                              r"(?=\s+(?:release|slot|opening|debut|launch)\b)"),
            ("decade", r"(?:(?P<cc>1[89]|20)(?P<d>\d)0s|['’]?(?P<d2>[2-9])0s|"
                       r"the\s+(?P<word>twenties|thirties|forties|fifties|sixties|seventies|"
                       r"eighties|nineties))"),
            ("shortyear", r"(?:since|in|of|from|until|by|to|class)\s+(?P<span>['’](?P<yy>\d\d))"
                          r"(?!\w|['’]?s)"),
            ("anchored", r"(?P<n>\d{1,2}|<N>)\s+(?P<unit>days?|weeks?|months?|years?)\s+"
                         r"(?:(?P<later>later|after(?:wards?)?)|(?P<earlier>earlier|before|"
                         r"prior))"),
            ("anchored", r"the\s+(?P<step>following|next|previous|preceding|prior|same|"
                         r"subsequent)\s+(?P<unit>day|week|month|year|weekend)"),
            ("anchored", r"(?P<step>that(?:\s+same)?)\s+(?P<unit>day|week|month|year)"),
            ("anchored", r"the\s+(?P<unit>day|week|month|year)\s+(?:(?P<later>after)|"
                         r"(?P<earlier>before))(?!\s+\w+ing\b)"),
            ("anchored", r"the\s+(?P<step>entire|whole|full)\s+(?P<unit>year|month|week|day)"),
            ("anchored", r"the\s+(?:(?:fiscal|financial|first|second|third|fourth)\s+)?"
                         r"(?P<unit>quarter|half|year|month)(?=\s+(?:that\s+|which\s+)?"
                         r"(?P<ending>ended|ending|ends)\b)"),
            ("anchored", r"(?:early|late|later|earlier)\s+in\s+the\s+(?P<unit>day)"),
            ("yearthird", r"(?P<third>the\s+(?:beginning|start|middle|end)\s+of|early|late)\s+"
                          r"the\s+(?P<unit>year|month)"),
            ("century", r"(?:the\s+)?(?:(?P<cn>\d{1,2})(?:st|nd|rd|th)|(?P<cword>nineteenth|"
                        r"twentieth|twenty-first|eighteenth))[\s-]+century"),
            ("anchored", r"the\s+(?P<unit>year)\s+(?P<step>previous|before)"),
            ("anchored", r"(?:end(?:ed|ing|s)?|finish(?:ed|ing|es)?|clos(?:e|ed|ing|es)|"
                         r"start(?:ed|ing|s)?|open(?:ed|ing|s)?|for|in)\s+(?P<span>the\s+"
                         r"(?P<unit>day))(?!\s+(?:of|when|before|after|that)\b)"),
            ("anchored", r"(?:the\s+)?(?:start|end|beginning|close)\s+of\s+the\s+(?P<unit>day)"),
            ("anchored", r"the\s+same\s+(?P<unit>period|month|quarter|week|day|time)\s+"
                         r"(?P<yearback>(?:a|one)\s+year\s+(?:ago|earlier|before)|last\s+year|"
                         r"of\s+(?:the\s+)?(?:previous|last|prior)\s+year)"),
            ("set", r"(?:every|each)\s+(?:other\s+|(?:\d{1,2}|<N>)\s+)?(?:<UNIT>|<WEEKDAY>|"
                    r"morning|evening|night|weekend|summer|winter|spring|autumn)"),
            ("set", r"(?:once|twice|three\s+times|\d+\s+times)\s+(?:a|per|every)\s+<UNIT>"),
            ("set", r"(?-i:daily|weekly|monthly|yearly|annually|nightly|hourly|biweekly|"
                    r"quarterly)"),
            ("set", r"(?:<WEEKDAY>)s(?:\s+and\s+(?:<WEEKDAY>)s)?"),
            ("time", r"(?P<clock><CLOCK>)(?:\s+(?:on\s+)?(?:(?P<weekday><WEEKDAY>)|"
                     r"(?P<dayword>today|yesterday|tomorrow|tonight)))?"),
            ("time", r"(?:(?P<weekday><WEEKDAY>)|(?P<dayword>yesterday|today|tomorrow|this|"
                     r"last))\s+(?P<part>morning|afternoon|evening|night)"),
            ("weekdayday", r"(?P<weekday><WEEKDAY>),?\s+the\s+(?P<day>[12]\d|3[01]|0?[1-9])"
                           r"(?:st|nd|rd|th)(?!\s+of\b)"),
            ("time", r"(?P<dayword>tonight)"),
            ("ref", r"(?P<word>now|currently|nowadays|at\s+present|at\s+the\s+moment|recently|"
                    r"lately|in\s+recent\s+(?:years|months|weeks|days)|the\s+past|"
                    r"the\s+(?:near\s+)?future|the\s+time\s+being|the\s+(?:near|short|long)"
                    r"\s+term|in\s+the\s+coming\s+(?:days|weeks|months|years))"
                    r"(?!-|\s+(?:tense|perfect|participle|of)\b)"),
            ("yearmod", r"(?:fiscal(?:\s+year)?\s+|FY\s*)(?P<year><YEAR>)"),
            ("anchored", r"(?:a|the)\s+(?:second|third|fourth|fifth|sixth|seventh)\s+(?:straight|"
                         r"consecutive|successive)\s+(?P<unit>day)"),
            ("weekend", r"(?:(?P<dir>this|last|next|past|coming)\s+|the\s+)weekend"),
            ("monthyear", r"(?P<month><MONTH>)\s+(?:of\s+)?(?:(?P<ydir>this|last|next)\s+year|"
                          r"(?P<ago>a|one)\s+year\s+(?:ago|earlier))"),
            ("yearmod", r"(?:the|a|its|their|his|her|this|that|\w+['’]s)\s+(?P<span>(?P<year>"
                        r"<YEAR>))(?=\s+[A-Za-z]+\b)(?!\s+(?:and|or|to|of|people|workers|"
                        r"employees|jobs|units|shares|members|residents|troops|soldiers|"
                        r"students|cars|vehicles|homes|points|copies|votes)\b)"),
            ("yearmod", r"(?:(?<=\d{4},\s)|(?<=\d{4}\sand\s)|(?<=\d{4}\sor\s))(?P<year><YEAR>)"
                        r"(?!\s*(?:%|percent|per\s+cent)|[.,]\d)"),
            ("yearmod", r"(?-i:[A-Z][A-Za-z-]*[A-Za-z])\s+(?P<span>(?P<year><YEAR>))"
                        r"(?![\d-]|\s*(?:%|percent|per\s+cent|euros?|dollars|pounds|people|"
                        r"units|points)\b)"),
            ("yearrange", r"(?:from|between)\s+(?P<span>(?P<y1><YEAR>)\s+(?:to|and|through|"
                          r"until|till)\s+(?P<y2><YEAR>))"),
            ("yearrange", r"(?P<y1><YEAR>)\s*[-–—]\s*(?P<y2><YEAR>|\d\d)(?![\d%])"),
            ("yearrange", r"(?<!/)(?P<y1><YEAR>)/(?P<y2><YEAR>|\d\d)(?![\d%/])"),
            ("monthrange", r"(?:from|between)\s+(?P<span>(?P<m1><MONTH>)\s+(?:to|and|through|"
                           r"until|till)\s+(?P<m2><MONTH>)(?:,?\s+(?:of\s+)?(?P<year><YEAR>))?)"),
            ("monthrange", r"(?P<m1><MONTH>)\s*[-–—]\s*(?P<m2><MONTH>)(?:,?\s+(?P<year><YEAR>))?"),
            ("numeric", r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)"),
        ),
    ),
)

ITALIAN = Lexicon(
    code="it",
    stopwords=_words(
        "il lo la gli le di che e per un una non sono del della nel nella con anche è ha "
        "hanno dal alla delle degli ai al questo questa"
    ),
    directions={"scorso": "last", "scorsa": "last", "passato": "last", "passata": "last",
                "prossimo": "next", "prossima": "next", "questo": "this", "questa": "this",
                "quest'": "this", "quest’": "this"},
    units={"giorno": "day", "giorni": "day", "settimana": "week", "settimane": "week",
           "mese": "month", "mesi": "month", "anno": "year", "anni": "year"},
    numbers={"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5,
             "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11,
             "dodici": 12},
    few=("qualche", "alcuni", "alcune", "diversi", "diverse", "pochi", "poche"),
    day_words={"ieri": -1, "oggi": 0, "domani": 1},
    thirds={"inizio": "start", "all'inizio di": "start", "all'inizio del": "start",
            "agli inizi di": "start", "ai primi di": "start", "primi di": "start",
            "metà": "mid", "alla metà di": "mid", "fine": "end",
            "alla fine di": "end", "alla fine del": "end",
            "verso la fine di": "end", "la metà di": "mid", "metà di": "mid",
            "gli inizi di": "start", "inizi di": "start", "i primi di": "start",
            "l'inizio di": "start", "inizio di": "start", "la fine di": "end",
            "fine di": "end"},
    edges={"entro la fine": "later", "entro fine": "later", "più avanti": "later",
           "entro": "rest",
           "nel corso": "this"},
    seasons={"primavera": 21, "estate": 22, "autunno": 23, "inverno": 24},
    relative=(
        r"(?P<n>\d{1,2}|<N>)\s+(?P<unit><UNIT>)\s+(?P<ago>fa)",
        r"(?P<ahead>tra|fra)\s+(?P<n>\d{1,2}|<N>)\s+(?P<unit><UNIT>)",
        r"(?P<third><THIRD>)\s*(?:l'|l’|il\s+)?(?P<unit>anno|mese)\s+(?P<dir>prossimo|scorso)",
        r"(?P<third><THIRD>)\s*(?P<dir>quest'|quest’)(?P<unit>anno)",
        r"(?:(?:la|il|lo)\s+|l'|l’)?(?P<dir>scors[oa]|passat[oa]|prossim[oa])\s+"
        r"(?P<unit>settimana|mese|anno)",
        r"(?:(?:la|il|lo)\s+|l'|l’)?(?P<unit>settimana|mese|anno)\s+"
        r"(?P<dir>scors[oa]|passat[oa]|prossim[oa])",
        r"(?P<dir>quest[oa]\s+|quest'|quest’)(?P<unit>settimana|mese|anno)",
        r"(?P<edge><EDGE>)\s+(?:di\s+|del(?:l'|l’)?\s*)?"
        r"(?:quest'|quest’)?(?P<unit>anno|mese)",
    ),
    postfix_directions=True,
    ambiguous_months=frozenset(),
    context_re=r"a|ad|in|di|da|dal|del|dall'|entro|entro il|fino a|fino al|nel|nell'|"
               r"nel mese di|"
               r"prima di|prima del|dopo|dopo il|tra|fra|il|lo|durante|d'|durante l'",
    kinds={
        "shoot": r"riprese\b|girat[oaie]\b|girare\b|giran(?:do|o)\b|girer\w+|sul set\b|ciak\b|"
                 r"il set\b|"
                 r"filmat[oaie]\b|primo ciak|si gira\b|"
                 r"davanti alla (?:macchina da presa|cinepresa)|"
                 r"(?:al via|partono|partite|iniziate|cominciate) (?:le\s+)?riprese|"
                 r"(?:avvio|inizio) della lavorazione|divieto di sosta|divieti di sosta|"
                 r"(?:sosta|transito)\s+(?:sarà\s+|è\s+)?(?:vietat|interdett)\w*|"
                 r"(?:vietat|interdett)[oa] (?:la sosta|il transito)|campo base|"
                 r"viet(?:a|ano|ano) (?:la )?(?:sosta|circolazione|transito)|" + _IT_CLOSURE,
        "stunt": r"stunt\w*|acrobazi\w*|scen[ae] d['’]azione|controfigur\w*",
        "move": r"si spost\w*|spostat\w*|trasferi\w*|prossima tappa|volat[oi] a\b|"
                r"(?:arrivat[oi]|arriva(?:no)?|giunt[oi])\s+a\s+(?-i:[A-Z])|si sposter\w*",
        "wrap": r"fine delle riprese|"
                r"riprese\s+(?:sono\s+)?(?:terminate|concluse|finite|completate)|"
                r"si (?:sono|è) (?:conclus[eio]|chius[eio]|terminat[eio])|"
                r"(?:terminat[eio]|conclus[eio]|complet(?:ate|ato))\s+le\s+riprese|ultimo ciak|"
                r"(?:lavorazione|riprese)\s+si\s+(?:chiuder|conclud|conclu|termin)\w*",
        "release": r"uscit[ao]\b|uscir\w*|esce\b|nelle sale|al cinema|nei cinema|in sala\b|"
                   r"arriv\w*\s+(?:nelle sale|al cinema|nei cinema)|debutt\w*|anteprima|"
                   r"data di uscita|in onda|trasmess\w*|disponibile (?:su|in)\b|"
                   r"prima (?:mondiale|nazionale|assoluta|italiana)|presentat[oa] in anteprima|"
                   r"in streaming|su (?:rai ?\d|rai ?play|canale 5|italia 1|netflix|sky|"
                   r"prime video|disney\+?)\b|in arrivo nei cinema|in arrivo (?:su|al)\b",
        "hiatus": r"pausa\b|sospes[eoi]\b|sospension\w*|interrott[eoi]\b|"
                  r"\bstop\b(?!\s+al\s+(?:transito|traffico))|"
                  r"fermat[eoi]\b|rinvi\w*|rimandat\w*|slittat\w*|ritard\w*",
        "permit": r"(?:rilasciat\w*|concess\w*) (?:\w+ ){0,3}(?:il )?permess\w*|"
                  r"firmat\w* (?:\S+ ){0,2}?(?:un['’]|l['’])?ordinanz\w*|autorizzat\w*|"
                  r"autorizzazion\w*",
        "announcement": r"annunci\w*|confermat\w*|rivelat\w*|svelat\w*",
        "crew": r"(?:la|una) troupe\b",
        "other": r"allestiment\w*|allestit[oaie]\b|prove costumi|prove\b|sopralluog\w*|"
                 r"provin[oi]\b|casting\b",
    },
    resume_re=r"(?:sono|erano|vengono)\s+riprese\b|ripres[oe] le riprese|ripart\w*|"
              r"riprend\w*|ricominciat\w*|tornat[eio] sul set",
    future_re=r"\bdovr(?:ebbe|ebbero|à|anno)\b|\bsar(?:à|anno)\b|\b\w{2,}r(?:à|anno)\b|"
              r"\b(?:inizia|iniziano|comincia|cominciano|parte|partono)\b|"
              r"\b\w+(?:erà|irà|arà|eranno|"
              r"iranno|aranno)\b|\bprevist[oaie]\b|\bin programma\b|\bprogrammat[oaie]\b|"
              r"\bprossim[oaie]\b|\ba breve\b|\bsi prevede\b|\batteso\b|\battesi\b|"
              r"\bfissat[oaie] (?:per|a|al)\b|\bin arrivo\b",
    past_re=r"\b(?:è|sono|era|erano|fu|furono)\s+(?:stat[oaie]\s+)?(?!sabato\b)"
            r"(?!(?:fissat|programmat|pianificat|calendarizzat)[oaie]\b)\w+(?:at|ut|it)[oaie]\b|"
            r"\b(?:ha|hanno|aveva|avevano|abbiamo)\s+\w+(?:at|ut|it|tt|st|s)o\b|"
            r"\bscors[oa]\b|\bpassat[oa]\b|\bfa\b|\bieri\b|"
            # participles of the production verbs, used without an auxiliary
            r"\b(?:interrott|sospes|fermat|conclus|terminat|girat|iniziat|cominciat|rinviat|"
            r"annunciat|uscit|rimandat|slittat)[oaie]\b",
    rumour_re=r"pare che|sembra che|secondo indiscrezioni|indiscrezion\w*|si vocifera|rumor",
    cancelled_re=r"annullat\w*|cancellat\w*",
    birthday_re=r"compleann\w*|\bnat[oa] (?:il|a|nel)\b|\bcompi(?:e|uto|uta|rà)\b",
    open_start_re=r"da|dal|dall'|dall’|dalla|a partire da|a partire dal",
    hours_from_re=r"dalle(?: ore)? \d{1,2}(?:[.:]\d\d)? del(?:l['’])?",
    since_re=r"(?<!partire )da",
    start_re=r"iniziat\w*|inizi\w*|cominciat\w*|comincia\w*|partit\w*|al via|avviat\w*",
    end_re=r"al|all'|all’|alla|fino a|fino ad|fino al|fino alla|sino al|fino|sino",
    hours_to_re=r"(?:fino )?alle(?: ore)? \d{1,2}(?:[.:]\d\d)? del(?:l['’])?|all['’]una del",
    locatives_re=r"a|ad|in|nel|nella|nello|nei|nelle|da|dal|dalla|presso|vicino a|verso|per|"
                 r"tra|fra|di",
    clause_re=r"prima di|prima che|dopo|mentre|ma|però|poi|dove|quando",
    reporting_re=r"ha (?:detto|dichiarato|spiegato|raccontato|scritto|riferito|comunicato)|"
                 r"secondo|(?:ha|hanno) dato (?:la )?notizia|(?:ha|hanno) reso noto|"
                 r"(?:dice|dichiara|spiega|racconta)\b",
    apposition_re=r"che|il quale|la quale|\w+(?:at|ut|it)[oaie]",
    dateline_re=r"data|pubblicato|aggiornato|pubblicazione|ultimo aggiornamento",
    roles={"regista": "director", "filmmaker": "director", "attore": "actor",
           "attrice": "actor", "interprete": "actor", "protagonista": "actor",
           "produttore": "producer", "produttrice": "producer"},
    installment_re=r"parte|capitolo|episodio",
    other_film_re=r"predecessore|prequel|(?:primo|precedente|ultimo) (?:film|capitolo|episodio)|"
                  r"film precedente|capitolo precedente|il primo (?-i:[A-Z])|un (?:sequel|seguito)",
    franchise_re=r"capitol[oi]\b|saga\b|episodio\b|franchise\b|sequel\b",
    promo_re=r"trailer|teaser|poster|manifesto|locandina|prima immagine|prime immagini",
    moved_re=r"rinvi\w*|rimandat\w*|slitt\w*|posticipat\w*|anticipa\w*\b(?!\s+che\b)|"
             r"spostat\w*\s+(?:al|all['’]|alla)\s+\d",
    advanced_re=r"anticipat\w*|anticipar\w*|prima del previsto",
    compared_re=r"del(?:lo|la)?\s+(?:previsto|programmato|annunciato)|rispetto",
    indefinite_re=r"un[oa]?|un['’]",
    moved_to_re=r"al|all'|all’|alla|a|invece(?:\s+\w+){0,4}|ora(?:\s+\w+){0,4}",
    closure_re=_IT_CLOSURE,
    overnight_re=r"dalle(?:\s+ore)?\s+(?P<h1>\d{1,2})(?:[.:]\d\d)?\s+(?:fino\s+)?alle(?:\s+ore)?\s+"
                 r"(?P<h2>\d{1,2})(?:[.:]\d\d)?(?!\s*del|\d)",
    stay_re=r"(?:rest(?:a|ano|erà|eranno|are|ato|ata|ati|ate)|rimane|rimangono|rimarr\w+)(?!\w)",
    earlier_plan_re=r"inizialmente|originariamente|in origine|era (?:programmat|previst|fissat)\w*|"
                    r"atteso|attesa|previsto in precedenza",
    deadline_re=r"entro(?:\s+(?:il|la|lo|l'|l’))?|non oltre",
    list_glue_re=r"\s*,?\s*(?:(?:e|ed|o)\s+)?(?:(?:il|l'|l’|lo)\s*)?",
    between_re=r"tra|fra",
    and_re=r"e|ed",
    origin_re=r"da|dal|dalla|dall'|dall’",
    determiners_re=r"un|uno|una|un'|un’|il|lo|la|l'|l’|i|gli|le|alcune|alcuni|due|tre|"
                   r"sua|suo|sue|suoi",
    governing_re=r"da|dal|dalla|su|sul|sulla|attraverso|lungo|tra|fra|per|di|del|della|"
                 r"con|in cima a",
    noun_cue_re=r"(?!\w*(?:[aiu]t[oaie]|à|ò|ano|ono|anno|are|ere|ire|ando|endo)$)[\w'’]+",
    crew_re=r"troupe|squadra|produzione|cast|attori|attore|attrice|regista",
    auxiliaries_re=r"è|sono|era|erano|sarà|saranno|ha|hanno|aveva|viene|vengono|venne|fu|si",
    story_re=r"si svolge\b|ambientat[oaie]|la vicenda|la trama|la storia",
    ordinals={"primo": 1, "secondo": 2, "terzo": 3, "quarto": 4, "quinto": 5, "sesto": 6,
              "settimo": 7, "ottavo": 8, "nono": 9, "decimo": 10},
    embed_re=r"un post condiviso da|visualizza questo post",
    duration_re=r"(?:per|durat\w+ di|nei prossimi|nelle prossime)\s+(?:circa\s+)?"
                r"(?P<n>\d{1,3}|<N>)\s+(?P<unit>giorni|settimane|mesi)",
    starting_re=r"(?:partono|iniziano|cominciano|prendono il via) (?:oggi )?le riprese|"
                r"(?:al via|via) (?:oggi )?(?:alle|le) riprese|primo ciak (?:oggi|è oggi)",
    ongoing_re=r"attualmente|già|in corso|sono iniziate|sono partite|"
               r"(?:sta|stanno) (?:girando|filmando)",
    week_after_re=r"(?:della\s+|di\s+)?(?:(?P<step><STEP>)\s+settimana|settimana\s+"
                  r"(?P<step2><STEP>))",
    week_steps={"prossima": 1, "ventura": 1, "scorsa": -1, "passata": -1, "questa": 0},
    timex=TimexWords(
        ordinals={"primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3,
                  "quarto": 4, "quarta": 4, "ultimo": -1, "ultima": -1},
        parts={"trimestre": "quarter", "semestre": "half", "metà": "half"},
        units={"secondi": "second", "minuto": "minute", "minuti": "minute", "ora": "hour",
               "ore": "hour", "giorno": "day", "giorni": "day", "notte": "day",
               "notti": "day", "settimana": "week", "settimane": "week", "mese": "month",
               "mesi": "month", "trimestre": "quarter", "trimestri": "quarter",
               "semestre": "half", "esercizio": "year",
               "anno": "year", "anni": "year", "decennio": "decade", "decenni": "decade",
               "secolo": "century", "secoli": "century"},
        holidays={"natale": "12-25", "vigilia di natale": "12-24", "santo stefano": "12-26",
                  "capodanno": "01-01", "san silvestro": "12-31", "epifania": "01-06",
                  "befana": "01-06", "pasqua": "easter", "pasquetta": "easter+1",
                  "lunedì dell'angelo": "easter+1", "venerdì santo": "easter-2",
                  "pentecoste": "easter+49", "ferragosto": "08-15", "ognissanti": "11-01",
                  "festa della liberazione": "04-25", "festa della repubblica": "06-02",
                  "festa dei lavoratori": "05-01", "immacolata": "12-08",
                  "san valentino": "02-14", "halloween": "10-31"},
        steps={"dopo": 1, "seguente": 1, "successivo": 1, "successiva": 1, "prima": -1,
               "precedente": -1, "l'indomani": 1, "all'indomani": 1, "stesso": 0,
               "stessa": 0, "quel": 0, "quello stesso": 0, "quella": 0, "quell'": 0},
        refs={"attualmente": "present", "adesso": "present", "oggigiorno": "present",
              "al momento": "present", "recentemente": "past", "di recente": "past",
              "negli ultimi anni": "past", "negli ultimi mesi": "past",
              "negli ultimi giorni": "past", "negli ultimi tempi": "past", "in passato": "past",
              "in futuro": "future", "nei prossimi giorni": "future",
              "nei prossimi mesi": "future", "nei prossimi anni": "future",
              "nelle prossime settimane": "future"},
        day_parts={"stamattina": 0, "stamani": 0, "stasera": 0, "stanotte": 0, "questa": 0,
                   "ieri": -1, "oggi": 0, "domani": 1},
        centuries={"settecento": 18, "ottocento": 19, "novecento": 20},
        decades={"venti": 1920, "trenta": 1930, "quaranta": 1940, "cinquanta": 1950,
                 "sessanta": 1960, "settanta": 1970, "ottanta": 1980, "novanta": 1990,
                 "duemila": 2000},
        day_first=True,
        not_duration_re=r"\s+(?:di\s+età|d['’]età)\b",
        age_before_re=r"\b(?:ha|aveva|avevano|hanno|avrà|compie|compiuto|compiuti|compirà|"
                      r"compiere|età\s+di|uomo\s+di|donna\s+di|ragazz[oa]\s+di|"
                      r"bambin[oa]\s+di|giovane\s+di|anzian[oa]\s+di|di\s+soli)\s+$",
        range_open_re=r"\b(?:dal|dall['’]|dalla|da|tra|fra|tra\s+il|fra\s+il)\s*$",
        range_link_re=r"[-–—]|al|all['’]|alla|a|e|e\s+il|fino\s+al|fino\s+a|fino\s+all['’]",
        until_re=r"\b(?:fino\s+a|entro)\s+$",
        amount_after_re=r"\s*(?:€|\$|£|euro|dollari|sterline|tonnellate|km|chilometri|metri|"
                        r"persone|lavoratori|dipendenti|posti|abitanti|voti|copie|auto|punti|"
                        r"studenti|soldati)\b",
        bound_start_re=r"(?:\b(?:da|dal|dalla|dallo|dagli|dai|dopo|dopo\s+il|a\s+partire\s+da|"
                       r"a\s+partire\s+dal|a\s+partire\s+dalla)\s+|\bdall['’]\s*)$",
        bound_end_re=r"(?:\b(?:fino\s+a|fino\s+al|fino\s+alla|entro|entro\s+il|entro\s+la|"
                     r"prima\s+di|prima\s+del|prima\s+della|non\s+oltre)\s+|"
                     r"\b(?:fino\s+all['’]|entro\s+l['’])\s*|\bfino\s+)$",
        anchor_words=frozenset({"dopo", "prima"}),
        anchor_gap_re=r"il|la|l['’]|di|del|dal",
        ending_gap_re=r"\s+(?:che\s+)?(?:chius[oa]|terminat[oa]|conclus[oa])\s+"
                      r"(?:il\s+|al\s+|all['’]\s*)?",
        patterns=(
            ("duration", r"(?:(?P<recent>(?:negli|nelle|gli|le)\s+ultim[ie])\s+)?(?P<n>\d{1,3}"
                         r"(?:[.,]\d+)?|<N>)\s+(?:(?:lunghi|lunghe|interi|intere)\s+)?"
                         r"(?P<unit><UNIT>)(?:\s+(?:consecutivi|consecutive|di\s+fila))?"),
            ("duration", r"(?P<recent>(?:nell['’]|l['’])ultimo)\s+(?P<unit>decennio|secolo)"),
            ("part", r"(?:il\s+|la\s+|l['’])?(?P<ord><ORD>)\s+(?P<part><PART>)(?:\s+(?:del\s+|"
                     r"di\s+)?(?P<year><YEAR>)|\s+dell['’]anno\s+(?P<ydir>scorso|prossimo|"
                     r"passato)|\s+di\s+quest['’]anno|\s+dell['’]anno)?"),
            ("part", r"(?P<dir>questo|prossimo)\s+(?P<part>trimestre|semestre)"),
            ("holiday", r"(?=(?-i:[A-Z]))(?P<name><HOLIDAY>)(?:\s+(?:del\s+)?(?P<year><YEAR>))?"
                        r"(?:\s+(?P<dir>scorso|scorsa|prossimo|prossima))?"),
            ("decade", r"(?:gli\s+|negli\s+|degli\s+|agli\s+|dagli\s+)?anni\s+(?:['’]?"
                       r"(?P<d2>[2-9])0|(?P<cc>19|20)(?P<d>\d)0|(?P<word>venti|trenta|quaranta|"
                       r"cinquanta|sessanta|settanta|ottanta|novanta|duemila))\b"),
            ("anchored", r"(?P<n>\d{1,2}|<N>)\s+(?P<unit>giorni|giorno|settimane|settimana|mesi|"
                         r"mese|anni|anno)\s+(?:(?P<later>dopo|più\s+tardi)|(?P<earlier>prima))"
                         r"(?!\s+(?:di|che)\b)"),
            ("anchored", r"(?:(?:il|la|lo)\s+|l['’])?(?P<unit>giorno|settimana|mese|anno|"
                         r"weekend)\s+(?P<step>dopo|seguente|successiv[oa]|precedente|prima)"
                         r"(?!\s+(?:di|che|del|della)\b)"),
            ("anchored", r"(?P<step>l['’]indomani|all['’]indomani)"),
            ("anchored", r"(?:(?:il|nel|del|per\s+il)\s+|l['’]|nell['’]|dell['’])?(?P<span>"
                         r"(?P<unit>trimestre|semestre|anno|esercizio|mese))(?=\s+(?:che\s+)?"
                         r"(?P<ending>chius[oa]|terminat[oa]|conclus[oa])\s+(?:il|al|all['’]))"),
            ("yearthird", r"(?:(?:a|ad|all['’])\s*)?(?P<span>(?P<third>inizio|metà|fine)\s+"
                          r"(?:dell['’]|del\s+)?(?P<unit>anno|mese))(?!\s+(?:scorso|prossimo|"
                          r"passato))"),
            ("century", r"(?:(?:il|nel|del|dal|al)\s+)?(?P<span>(?P<roman>(?-i:(?=[XVI])"
                        r"X{0,2}(?:IX|IV|V?I{0,3})))\s+secolo|(?=(?-i:[A-Z]))(?P<cword>ottocento|"
                        r"novecento|settecento))"),
            ("anchored", r"(?:(?:lo|la|nello|nella|allo|alla)\s+)?(?P<step>stess[oa]|quel|"
                         r"quella|quell['’]|quello\s+stesso)\s*(?P<unit>giorno|settimana|mese|"
                         r"anno)"),
            ("anchored", r"(?:nello|lo)\s+stesso\s+(?P<unit>periodo|mese|trimestre)\s+"
                         r"(?P<yearback>dell['’]anno\s+(?:scorso|precedente|prima))"),
            ("set", r"ogni\s+(?:(?:\d{1,2}|<N>)\s+)?(?:<UNIT>|<WEEKDAY>|mattina|sera|weekend|"
                    r"fine\s+settimana|estate|inverno|primavera|autunno)"),
            ("set", r"tutti\s+i\s+(?:giorni|mesi|anni|<WEEKDAY>)|tutte\s+le\s+(?:settimane|"
                    r"sere|mattine|notti|<WEEKDAY>)"),
            ("set", r"(?:quotidianamente|settimanalmente|mensilmente|annualmente)"),
            ("set", r"(?:una|due|tre|\d+)\s+volt[ae]\s+(?:al|alla|all['’]|a|l['’]|per|ogni)"
                    r"\s*(?:giorno|settimana|mese|anno)"),
            ("time", r"(?:alle|all['’]|verso\s+le|dalle|entro\s+le)\s+(?P<span>(?:ore\s+)?"
                     r"(?P<clock>\d{1,2}(?:[:.]\d{2})?))(?![\d,.:]?\d)"),
            ("time", r"(?P<span>ore\s+(?P<clock>\d{1,2}(?:[:.]\d{2})?))(?![\d,.:]?\d)"),
            ("weekdayday", r"(?P<weekday><WEEKDAY>)\s+(?P<day>[12]\d|3[01]|0?[1-9])(?![\d:]|[./]\d)"
                           r"(?!\s+(?:<MONTH>|anni|giorni|mesi|ore|minuti|euro|per\s+cento))"),
            ("dayone", r"(?:il\s+|dal\s+|al\s+)?(?P<span>primo\s+(?P<month><MONTH>)(?:\s+"
                       r"(?P<year><YEAR>))?)"),
            ("time", r"(?P<clock>\d{1,2}:\d{2})"),
            ("time", r"(?:(?P<weekday><WEEKDAY>)|(?P<dayword>ieri|oggi|domani|questa))\s+"
                     r"(?P<part>mattina|mattino|pomeriggio|sera|notte)"),
            ("time", r"(?P<dayword>stamattina|stamani|stasera|stanotte)"),
            ("ref", r"(?P<word>attualmente|adesso|oggigiorno|al\s+momento|recentemente|"
                    r"di\s+recente|negli\s+ultimi\s+(?:anni|mesi|giorni|tempi)|in\s+passato|"
                    r"in\s+futuro|nei\s+prossimi\s+(?:giorni|mesi|anni)|"
                    r"nelle\s+prossime\s+settimane)"),
            ("weekend", r"(?:(?P<dir>questo|quest['’]|scorso|prossimo)\s*)?(?:fine\s+settimana|"
                        r"weekend)(?:\s+(?P<dir2>scorso|prossimo|passato))?"),
            ("monthyear", r"(?P<month><MONTH>)\s+(?:dell['’]anno\s+(?P<ydir>scorso|prossimo|"
                          r"passato)|(?P<this>di\s+quest['’]anno))"),
            ("yearrange", r"(?:dal|tra\s+il|fra\s+il)\s+(?P<span>(?P<y1><YEAR>)\s+(?:al|e\s+il)"
                          r"\s+(?P<y2><YEAR>))"),
            ("yearrange", r"(?P<y1><YEAR>)\s*[-–—]\s*(?P<y2><YEAR>|\d\d)(?![\d%])"),
            ("yearrange", r"(?<!/)(?P<y1><YEAR>)/(?P<y2><YEAR>|\d\d)(?![\d%/])"),
            ("monthrange", r"(?:da|tra|fra)\s+(?P<span>(?P<m1><MONTH>)\s+(?:a|e|fino\s+a)\s+"
                           r"(?P<m2><MONTH>)(?:\s+(?:del\s+)?(?P<year><YEAR>))?)"),
            ("numeric", r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)"),
        ),
    ),
)

GERMAN = Lexicon(
    code="de",
    stopwords=_words(
        "der die das und ist nicht mit den dem ein eine einen im auf für sich von zu auch "
        "wird werden wurde hat haben sind es war noch nach"
    ),
    directions={f"{stem}{end}": meaning
                for stem, meaning in (("letzte", "last"), ("vergangene", "last"),
                                      ("vorige", "last"), ("nächste", "next"),
                                      ("kommende", "next"), ("diese", "this"))
                for end in ("", "n", "r", "s", "m")},
    units={"tag": "day", "tage": "day", "tagen": "day", "woche": "week", "wochen": "week",
           "monat": "month", "monate": "month", "monaten": "month", "monats": "month",
           "jahr": "year", "jahre": "year", "jahren": "year", "jahres": "year"},
    numbers={"ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3,
             "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
             "elf": 11, "zwölf": 12},
    few=("einigen", "einige", "wenigen", "wenige", "ein paar", "mehreren", "mehrere"),
    # "morgen" (tomorrow) is not here: capitalised, "Morgen" is "morning"; the lower-case
    # one is in ``periods``.
    day_words={"vorgestern": -2, "gestern": -1, "heute": 0, "übermorgen": 2},
    thirds={"anfang": "start", "mitte": "mid", "ende": "end", "beginn": "start",
            "zu beginn": "start", "anfang des jahres": "start", "mitte des jahres": "mid",
            "ende des jahres": "end", "beginn des jahres": "start", "jahresende": "end",
            "jahresbeginn": "start", "jahresanfang": "start", "jahresmitte": "mid"},
    edges={"im laufe": "this", "später": "later", "früher": "earlier", "noch": "rest"},
    seasons={"frühjahr": 21, "frühling": 21, "sommer": 22, "herbst": 23, "winter": 24,
             "frühjahres": 21, "frühjahrs": 21, "sommers": 22, "herbstes": 23, "winters": 24,
             "frühsommer": 22, "spätsommer": 22, "hochsommer": 22, "spätherbst": 23,
             "frühherbst": 23, "spätfrühling": 21},
    relative=(
        r"(?P<ago>vor)\s+(?P<n>\d{1,2}|<N>)\s+(?P<unit><UNIT>)",
        r"(?P<ahead>in)\s+(?P<n>\d{1,2}|<N>)\s+(?P<unit><UNIT>)",
        r"(?P<third><THIRD>)\s+(?:des\s+)?(?P<dir><DIR>)\s+(?P<unit>jahres|monats)",
        r"(?P<third><THIRD>)\s+des\s+(?P<unit>jahres|monats)",
        r"(?P<third><THIRD>)\s+(?P<dir><DIR>)\s+(?P<unit>woche)",
        r"(?:in\s+der\s+|im\s+|am\s+)?(?P<dir><DIR>)\s+(?P<unit>woche|monat|jahr)"
        r"(?!\s+(?:der|des)\s+(?:Dreh|Produktion|Aufnahme|Probe)\w*)",  # not "die letzte
        # Woche der Dreharbeiten": the final week of the shoot, not a week back
        r"(?P<edge><EDGE>)\s+(?:des|dieses|diesen|in diesem)\s+"
        r"(?P<unit>jahres|jahr|monats|monat)",
    ),
    postfix_directions=False,
    ambiguous_months=frozenset(),
    context_re=r"im|in|seit|bis|ab|vom|von|für|nach|vor|zum|im jahr|im jahre|anfang|mitte|"
               r"ende|bis zum|bis ende|am|letzten|vergangenen|nächsten|diesen|kommenden|den|dem|"
               r"des|über den|vor dem|nach dem",
    kinds={
        "shoot": r"dreh\w*|gedreht|vor der kamera|halteverbot\w*|am set\b|"
                 r"film(?:en|t|te|ten)\b|gefilmt|kameras? (?:\w+ )?laufen|" + _DE_CLOSURE,
        "stunt": r"\w*stunt\w*|\w*(?<![Uu]r)sprung\w*|actionszene\w*|actionsequenz\w*",
        "move": r"zieh(?:t|en|t)?\b[^.,;]{0,40}\bweiter\b|weiter nach|nächste station|"
                r"reis(?:t|en|te|ten)\b[^.,;]{0,30}\bnach\b|umgezogen|wechsel\w*\s+nach|"
                r"verlegt nach",
        "wrap": r"drehschluss|abgedreht|dreharbeiten\s+(?:sind\s+|wurden\s+)?"
                r"(?:beendet|abgeschlossen)|letzte klappe|"
                r"(?:abgeschlossen|beendet) sein\b|zu ende gehen|zu ende gegangen|"
                r"letzte(?:n)? drehtag\w*",
        "release": r"\w*kinostart|deutschlandstart|in die kinos|in den kinos|im kino|"
                   r"\w*premiere|zeig(?:t|en)\b(?!\s+sich)|sende[nt]\b|"
                   r"veröffentlich\w*|erschein\w*|"
                   r"startet\s+(?:\w+\s+){0,3}(?:im kino|in den kinos)|ins kino|"
                   r"bundesweit\s+(?:zu\s+)?start\w*|"
                   r"in (?:die|den) \w+ kinos|"
                   r"auf die leinwand|starttermin|anlaufen|"
                   r"l(?:ä|a)uft\s+(?:[^\s,;]+\s+){0,6}an\b(?!\s+(?:der|dem|den|die|das)\b)|"
                   r"(?:zu sehen|abrufbar|verfügbar) sein|ausgestrahlt|ausstrahl\w*|"
                   r"herau(?:s|szu)bringen|kommt\s+(?:\w+\s+){0,4}in die kinos|"
                   r"im (?-i:Ersten)\b|im (?:zdf|fernsehen)\b|in der ard\b|"
                   r"bei (?:sky|netflix|amazon|disney\+?|prime video|rtl|apple tv\+?)\s+"
                   r"(?:zu sehen|abrufbar|verfügbar|laufen|läuft|starte[nt])",
        "hiatus": r"\w*pause\b|pausier\w*|unterbroch\w*|unterbrech\w*|gestoppt|drehstopp|auf eis|"
                  r"verschoben|verschieb\w*|eingestellt|stillstand",
        "permit": r"genehmigt|genehmigung\w*|beantragt|erlaubnis erteilt",
        "announcement": r"angekündigt|kündig\w* an|bekanntgegeben|gab\w* bekannt|bestätigt|"
                        r"wurde bekannt|bekannt geworden|mitgeteilt|"
                        r"verkündet|enthüllt",
        "crew": r"filmteam|filmcrew|(?:das|ein) team\b",
        "other": r"kostümprobe\w*|probe\w*|castings?\b|motivsuche|aufbau\w*",
    },
    resume_re=r"wieder aufgenommen|wiederaufgenommen|wieder auf\b|fortgesetzt|"
              r"wieder (?:gedreht|gefilmt|los)|geht es weiter|laufen wieder|"
              r"dreharbeiten (?:\w+\s+)?wieder|nimmt (?:\w+\s+){0,3}wieder auf|"
              r"(?:gehen|geht|gingen|ging) (?:die dreharbeiten\s+)?(?:\w+\s+){0,3}weiter",
    future_re=r"\bwird\b|\bwerden\b|\bsoll(?:en|te|ten)?\b|\bgeplant\b|\bvoraussichtlich\b|"
              r"\b(?:beginnt|beginnen|startet|starten)\b|"
              r"\bdemnächst\b|\bbald\b|\bkünftig\b|\bnächste[nrs]?\b|\bkommende[nrs]?\b",
    past_re=r"\bwurden?\b|\bwar(?:en)?\b|\bhatten?\b|"
            r"\b(?-i:ge)(?!gen\b|nug\b|rade\b|meinsam\b|nau\b|plant\b|dacht\b)[a-zäöüß]{2,}(?:t|en)\b"
            r"(?!\s+(?:werden|wird|worden)\b)|"
            r"\b(?:sagte|erklärte|bestätigte|mitteilte|teilte|kündigte|berichtete|verriet)\b|"
            r"\bvergangene[nrs]?\b|\bletzte[nrs]?\b|\bvor\b|\bbegann(?:en)?\b|\bstartete[n]?\b|"
            r"\b(?:kam|kamen|lief|liefen|ging|gingen|drehte|drehten)\b|"
            r"\bgestern\b",
    rumour_re=r"angeblich|gerücht\w*|munkel\w*|berichten zufolge",
    cancelled_re=r"abgesagt|gestrichen|abgebrochen",
    birthday_re=r"geburtstag\w*|geboren|wird \d+ jahre|\d+ jahre alt",
    open_start_re=r"ab|seit|vom|von",
    hours_from_re=r"ab \d{1,2}(?:[.:]\d\d)? uhr am",
    since_re=r"seit",
    start_re=r"begonnen|beginn\w*|begann\w*|gestartet|start\w*|los(?:gehen|geht|ging)|"
             r"angelaufen",
    end_re=r"bis|bis zum|bis zur|bis ende",
    hours_to_re=r"bis \d{1,2}(?:[.:]\d\d)? uhr am",
    locatives_re=r"in|im|nach|bei|aus|am|an|um|rund um|nahe|zwischen",
    clause_re=r"bevor|nachdem|während|aber|doch|dann|wo|wenn|als|sobald",
    reporting_re=r"sagte|sagt|erklärte|mitteilte|teilte\w* mit|schrieb|verriet|zufolge|"
                 r"berichtete|berichtet|meldete|meldet",
    # German relative pronouns are spelt like articles: no reliable apposition marker.
    apposition_re=r"(?!)",
    dateline_re=r"datum|veröffentlicht|aktualisiert|stand|erstellt",
    roles={"regisseur": "director", "regisseurin": "director", "schauspieler": "actor",
           "schauspielerin": "actor", "star": "actor", "darsteller": "actor",
           "darstellerin": "actor", "produzent": "producer", "produzentin": "producer"},
    installment_re=r"teil|kapitel|folge",
    other_film_re=r"vorgänger\w*|prequel|(?:erste|ersten|vorherige|vorherigen|letzte|letzten) "
                  r"(?:film|teil)|der erste (?!(?:trailer|teaser|bild|blick)\b)(?-i:[A-Z])|"
                  r"eine fortsetzung",
    franchise_re=r"teil\b|kapitel\b|reihe\b|saga\b|franchise\b|fortsetzung\b|-film\b",
    promo_re=r"trailer|teaser|poster|plakat|erste[ns]? bild\w*",
    moved_re=r"verschoben|verschieb\w*|vorgezogen|vorverlegt|verlegt\b(?!\s+nach)",
    advanced_re=r"vorgezogen|vorverlegt|früher als",
    compared_re=r"als",
    indefinite_re=r"ein(?:e[mnrs]?)?",
    moved_to_re=r"auf|in die|in den|zum|nun(?:\s+\w+){0,4}\s+am|jetzt(?:\s+\w+){0,4}\s+am",
    closure_re=_DE_CLOSURE,
    overnight_re=r"(?:von|zwischen)\s+(?P<h1>\d{1,2})(?:[.:]\d\d)?(?:\s+uhr)?\s+(?:bis|und)\s+"
                 r"(?P<h2>\d{1,2})(?:[.:]\d\d)?\s+uhr(?!\s+am)",
    stay_re=r"bleib\w*|blieb\w*|verweil\w*",
    earlier_plan_re=r"ursprünglich|eigentlich|zunächst geplant|hätte|wie geplant",
    deadline_re=r"spätestens(?:\s+(?:bis|am|im))?|bis spätestens",
    list_glue_re=r"\s*,?\s*(?:(?:und|oder|sowie)\s+)?(?:(?:am|den|dem)\s+)?",
    between_re=r"zwischen",
    and_re=r"und|sowie",
    origin_re=r"von|vom|aus",
    determiners_re=r"ein|eine|einen|einem|einer|der|die|das|den|dem|des|seine|seinen|ihre|"
                   r"ihren|zwei|drei|mehrere",
    governing_re=r"durch|über|von|vom|auf|mit|entlang|zwischen|aus|des|der",
    noun_cue_re=r"(?-i:[A-ZÄÖÜ])\w*",
    crew_re=r"team|filmteam|crew|produktion|besetzung|schauspieler\w*|regisseur\w*|star",
    auxiliaries_re=r"wird|werden|wurde|wurden|ist|sind|war|waren|hat|haben|hatte|soll|sollen|"
                   r"(?-i:ge[a-zäöüß]{2,}(?:t|en))",
    story_re=r"spielt (?:im|in|um)|die handlung|handelt von|ermittelt",
    ordinals={"erste": 1, "zweite": 2, "dritte": 3, "vierte": 4, "fünfte": 5, "sechste": 6,
              "siebte": 7, "achte": 8, "neunte": 9, "zehnte": 10},
    embed_re=r"ein beitrag geteilt von|beitrag von .{1,60} am|diesen beitrag auf",
    duration_re=r"(?:für\s+|rund\s+|etwa\s+|insgesamt\s+)?(?P<n>\d{1,3}|<N>)\s+"
                r"(?P<unit>tage|wochen|monate)(?=\s+(?:lang|angesetzt|eingeplant|dauern))",
    starting_re=r"(?:beginnen|starten) (?:heute )?die dreharbeiten|"
                r"(?:die )?dreharbeiten (?:beginnen|starten)|fällt (?:heute )?die erste klappe",
    ongoing_re=r"inzwischen|derzeit|zurzeit|momentan|gerade|"
               r"laufen die dreharbeiten|haben (?:die )?dreharbeiten begonnen",
    week_after_re=r"(?:der\s+)?(?P<step><STEP>)\s+woche",
    week_steps={"nächster": 1, "nächsten": 1, "kommender": 1, "kommenden": 1,
                "vergangener": -1, "vergangenen": -1, "letzter": -1, "letzten": -1,
                "dieser": 0},
    timex=TimexWords(
        bare_years=True,
        quantity_re=r"(?-i:[A-ZÄÖÜ])\w*|euro|mio|mrd|prozent|km|m|kg|t|ha|jahre|jahren|stück|"
                    r"mal|qm|cm|mm|fr|dm|s\.",
        amount_before_re=r"rund|etwa|ca\.|circa|zirka|über|mehr\s+als|weniger\s+als|knapp|fast|"
                         r"bis\s+zu|insgesamt|nur|weitere|genau|exakt|nr\.|nummer|seite|s\.|tel\.|"
                         r"platz|zimmer|€|\$|fr\.|dm|euro|mark|franken|dollar|lire|"
                         r"von\s+\d+\s+auf|höhe\s+von|davon|darunter",
        year_pair_season_re=r"saison|spielzeit|schuljahr|studienjahr|wintersaison|sommersaison",
        year_words_re=r"(?:das\s+|dem\s+|des\s+)?(?:jahr|jahre|jahres|jahrs|jahrgang)",
        bc_re=r"\s+v(?:or|\.)\s*Chr(?:\.|istus)?",
        periods={
            r"heuer|heurigen\s+jahr(?:es)?|im\s+heurigen\s+jahr": ("year", 0, None),
            r"(?:im\s+|des\s+|dem\s+)?(?:laufenden|aktuellen|diesem|dieses|diesen)\s+jahr(?:es)?":
                ("year", 0, None),
            r"(?:im\s+|des\s+|dem\s+)?vorjahr(?:es|s)?": ("year", -1, None),
            r"(?:des\s+)?(?:vorigen|vergangenen|letzten)\s+jahres": ("year", -1, None),
            r"(?:des\s+)?(?:nächsten|kommenden)\s+jahres": ("year", 1, None),
            r"(?:des\s+)?neuen\s+jahres|im\s+neuen\s+jahr": ("year", 1, None),
            r"(?:des\s+)?(?:laufenden|aktuellen|dieses|diesen)\s+monats": ("month", 0, None),
            r"(?:des\s+)?(?:vorigen|vergangenen|letzten)\s+monats|(?:im\s+)?vormonat": (
                "month", -1, None),
            r"(?:zum\s+|zu\s+|am\s+)?jahres(?:ende|schluss|wechsel)": ("year", 0, "end"),
            r"(?:zum\s+|zu\s+|am\s+)?jahres(?:beginn|anfang)": ("year", 0, "start"),
            r"(?:zur\s+)?jahresmitte": ("year", 0, "mid"),
            r"(?:zu\s+)?beginn\s+des\s+jahres": ("year", 0, "start"),
            r"(?:zu\s+)?(?:beginn|anfang)\s+der\s+woche": ("week", 0, "early"),
            r"mitte\s+der\s+woche": ("week", 0, "mid"),
            r"ende\s+der\s+woche": ("week", 0, "late"),
            # lower-case "morgen" is tomorrow ("Morgen" is the morning, "heute morgen" this one)
            r"(?<!heute\s)(?<!gestern\s)(?-i:morgen)(?!\s+(?:früh|abend|nachmittag|vormittag))":
                ("day", 1, None),
        },
        ordinals={"ersten": 1, "erste": 1, "1.": 1, "zweiten": 2, "zweite": 2, "2.": 2,
                  "dritten": 3, "dritte": 3, "3.": 3, "vierten": 4, "vierte": 4, "4.": 4,
                  "letzten": -1, "letzte": -1},
        parts={"quartal": "quarter", "quartals": "quarter", "vierteljahr": "quarter",
               "vierteljahres": "quarter", "trimester": "quarter", "trimesters": "quarter",
               "halbjahr": "half", "halbjahres": "half", "jahreshälfte": "half",
               "hälfte des jahres": "half"},
        holidays={"ostern": "easter", "ostersonntag": "easter", "osterfest": "easter",
                  "ostermontag": "easter+1", "karfreitag": "easter-2",
                  "gründonnerstag": "easter-3", "palmsonntag": "easter-7",
                  "aschermittwoch": "easter-46", "pfingsten": "easter+49",
                  "pfingstsonntag": "easter+49", "pfingstmontag": "easter+50",
                  "christi himmelfahrt": "easter+39", "fronleichnam": "easter+60",
                  "weihnachten": "12-25", "weihnachtstag": "12-25", "christtag": "12-25",
                  "heiligabend": "12-24", "heiligen abend": "12-24", "heilig abend": "12-24",
                  "stephanstag": "12-26", "stefanitag": "12-26", "silvester": "12-31",
                  "neujahr": "01-01", "neujahrstag": "01-01", "dreikönig": "01-06",
                  "dreikönigstag": "01-06", "allerheiligen": "11-01", "allerseelen": "11-02",
                  "mariä himmelfahrt": "08-15", "maria himmelfahrt": "08-15",
                  "valentinstag": "02-14", "tag der deutschen einheit": "10-03",
                  "nikolaustag": "12-06"},
        decades={"zwanziger": 1920, "dreißiger": 1930, "vierziger": 1940, "fünfziger": 1950,
                 "sechziger": 1960, "siebziger": 1970, "achtziger": 1980, "neunziger": 1990},
        steps={"selben": 0, "gleichen": 0, "demselben": 0, "diesem": 0, "folgenden": 1,
               "nächsten": 1, "darauffolgenden": 1, "darauf folgenden": 1, "darauf": 1,
               "danach": 1},
        of_year_re=r"des\s+jahres",
        list_link_re=r"und|sowie|bzw\.|oder",
        list_article_re=r"am|vom|dem|den",
        units={"tag": "day", "tage": "day", "tagen": "day", "woche": "week", "wochen": "week",
               "monat": "month", "monate": "month", "monaten": "month", "monats": "month",
               "jahr": "year", "jahre": "year", "jahren": "year", "jahres": "year",
               "stunde": "hour", "stunden": "hour",
               "minuten": "minute", "jahrzehnt": "decade", "jahrzehnte": "decade",
               "jahrzehnten": "decade"},
        patterns=(
            # dates counted from an earlier date of the text (see anchored.py)
            ("anchored", r"(?P<n>\d{1,2}|<N>)\s+(?P<unit>tage?n?|wochen?|monate?n?|monats|"
                         r"jahre?n?|jahres)\s+(?:(?P<later>später|danach|darauf)|"
                         r"(?P<earlier>zuvor|davor|vorher|früher))"),
            # "nach zwei Tagen"; not "nach zehn Jahren", which is mostly how long something took
            ("anchored", r"(?P<later>nach)\s+(?:(?:etwa|rund|knapp|gut|fast|über)\s+)?"
                         r"(?P<n>\d{1,2}|<N>)\s+(?P<unit>tagen|wochen|monaten)"),
            # "vier Monate nach Drehbeginn", "zwei Tage vor der Wahl": after an event
            ("anchored", r"(?P<n>\d{1,2}|<N>)\s+(?P<unit>tage?n?|wochen?|monate?n?|monats|"
                         r"jahre?n?|jahres)\s+(?:(?P<later>nach)|(?P<earlier>vor))\s+"
                         r"(?P<event>(?:dem\s+|der\s+|den\s+)?(?-i:[A-ZÄÖÜ])[\w-]+)"),
            ("anchored", r"(?:am\s+|an\s+dem\s+|im\s+|in\s+dem\s+)?(?P<step>selben|gleichen|"
                         r"demselben)\s+(?P<unit>tag|monat|jahr)"),
            ("anchored", r"(?:am\s+)?(?P<step>folgenden|nächsten|darauffolgenden|darauf\s+"
                         r"folgenden)\s+(?P<unit>tag)"),
            ("anchored", r"(?:im\s+)?(?P<step>folgenden|darauffolgenden|darauf\s+folgenden)\s+"
                         r"(?P<unit>jahr|monat)"),
            ("anchored", r"(?P<unit>tags|jahrs?|monats?)\s+(?P<later>darauf)"),
            ("anchored", r"(?:am\s+)?(?P<unit>tag)\s+(?:(?P<later>danach|darauf)|"
                         r"(?P<earlier>zuvor|davor|vorher))"),
            ("anchored", r"(?:im\s+)?(?P<later>folge)(?P<unit>jahr|monat)"),
            ("anchored", r"(?:am\s+)?(?P<earlier>vor)(?P<unit>tag)"),
            ("anchored", r"(?:im\s+)?(?P<unit>jahr|monat)\s+(?P<later>danach)"),
            ("anchored", r"(?:in\s+)?(?:der|die)\s+(?P<unit>woche)\s+(?P<step>darauf|danach)"),
            ("anchored", r"(?:an\s+)?(?P<step>diesem)\s+(?P<unit>tag)"),
            # "am 24.": that day of the month last named (not a day of a list that ends
            # with its month: "am 16. und 17. Jänner")
            ("anchored", r"(?:am|vom|zum|ab\s+dem|bis\s+zum|seit\s+dem)\s+(?P<span>(?P<dom>"
                         r"[12]\d|3[01]|0?[1-9])\.)(?=\s+(?-i:[a-zäöü])|\s*[,;:)]|\s*$)"
                         r"(?!(?:(?:\s*(?:,|/|und|sowie|bzw\.|oder))+\s*(?:(?:am|vom|dem|den)\s+)?"
                         r"(?:[12]\d|3[01]|0?[1-9])\.)+\s*<MONTH>)"),
            ("monthyear", r"(?:(?P<third><THIRD>)\s+)?(?:(?P<day>[12]\d|3[01]|0?[1-9])\.?\s*)?"
                          r"(?P<month><MONTH>)\s+(?P<ystep><YEARSTEP>)"),
            # Only the words that date the clause: "nun", "bisher", "später" mostly don't.
            ("ref", r"(?P<word>jetzt|derzeit|zurzeit|damals|einst|früher(?!\s+als)|"
                    r"früheren\s+zeiten|heutzutage|vor\s+kurzem|in\s+letzter\s+zeit|"
                    r"(?<!so\s)bald|demnächst|in\s+(?:der\s+)?zukunft|im\s+moment|dieser\s+tage|"
                    r"in\s+diesen\s+tagen|wenig\s+später|kurze\s+zeit\s+später|"
                    r"in\s+der\s+folgezeit|binnen\s+kurzem|in\s+dieser\s+zeit|"
                    r"in\s+der\s+vergangenen\s+zeit|in\s+den\s+(?:vergangenen|letzten|"
                    r"nächsten|kommenden)\s+(?:tagen|wochen|monaten|jahren))"),
            ("set", r"(?:jeden|jede|jedes|jedem|alle)\s+(?:(?:<WEEKDAY>)(?:früh|morgen|"
                    r"vormittag|mittag|nachmittag|abend|nacht)?|tag|woche|monat|jahr|morgen|"
                    r"abend)|(?:<WEEKDAY>)s\b|täglich|wöchentlich|monatlich|jährlich|"
                    r"alljährlich|tagtäglich|jedes\s+jahr|einmal\s+(?:im|pro)\s+"
                    r"(?:jahr|monat|woche)"),
            # histories name years since 1000 ("Weihnachtstag 1776"), not <YEAR>'s 1800 on
            ("part", r"(?P<ord><ORD>)\s*(?P<part><PART>)(?:\s+(?:des\s+jahres\s+)?"
                     r"(?P<year>(?<!\d)(?:1\d|20)\d\d(?!\d)))?"),
            ("holiday", r"(?P<name><HOLIDAY>)(?:\s+(?P<year>(?<!\d)(?:1\d|20)\d\d(?!\d)))?"),
            ("decade", r"(?:(?:anfang|mitte|ende|beginn)\s+)?(?:(?:der|den|die)\s+)?"
                       r"(?:(?P<cc>1[5-9]|20)?(?P<d>\d)0er|(?P<word><DECADE>))(?:[-\s]*jahren?)?"),
            # ISO calendar weeks: "in der 17. Kalenderwoche 2024", "KW 17/2024", "KW17"
            ("isoweek", r"(?:(?P<wk>[1-9]|[1-4]\d|5[0-3])\.\s*kalenderwoche|"
                        r"(?-i:KW)\s*(?P<wk2>[1-9]|[1-4]\d|5[0-3])(?!\d))"
                        r"(?:\s*(?:/\s*|des\s+jahres\s+)?(?P<year><YEAR>))?"),
            # the first of two weeks that share the noun: "von der 15. in die 17. Kalenderwoche"
            ("isoweek", r"(?P<wk>[1-9]|[1-4]\d|5[0-3])\.(?=\s+(?:und|oder|bis(?:\s+zur)?|"
                        r"in\s+die|auf\s+die)\s+(?:der\s+|die\s+)?(?:[1-9]|[1-4]\d|5[0-3])\.\s*"
                        r"kalenderwoche(?:\s+(?P<year><YEAR>))?)"),
            ("century", r"(?<![\d.])(?P<cn>[1-9]|1\d|2[01])\.\s*jahrhunderts?"),
            ("century", r"(?P<crel>vorigen|letzten|vergangenen)\s+jahrhunderts|"
                        r"(?P<cthis>diese[ms]?|unsere[ms]?)\s+jahrhunderts?"),
            ("weekend", r"(?:(?<=\bam\s)|(?<=\bübers\s)|(?<=\bvom\s)|(?<=\bzum\s)|(?<=\bdas\s)|"
                        r"(?<=\bdiesem\s)|(?<=\bdieses\s))(?:(?P<dir><DIR>)\s+)?"
                        r"(?:wochenende|weekend)"),
            ("time", r"(?:(?P<dir><DIR>)\s+)?(?P<weekday><WEEKDAY>)(?:früh|morgen|vormittag|"
                     r"mittag|nachmittag|abend|nacht)"),
            ("time", r"(?P<dayword>vorgestern|gestern|heute|übermorgen)\s+(?:früh|morgen|"
                     r"vormittag|mittag|nachmittag|abend|nacht)"),
            ("duration", r"(?:seit|für|über|während|binnen|innerhalb(?:\s+von)?)\s+(?:(?:mehr\s+"
                         r"als|rund|fast|knapp|gut|über|etwa)\s+)?(?P<n>\d{1,3}|<N>)\s+"
                         r"(?P<unit><UNIT>)"),
            ("duration", r"(?P<n>\d{1,3}|<N>)\s+(?P<unit><UNIT>)\s+lang"),
            ("time", r"(?:um\s+|gegen\s+|ab\s+|bis\s+)?\d{1,2}(?:[.:]\d{2})?\s+uhr"
                     r"(?:\s+\d{1,2})?"),
        ),
        leading_re=r"im|am|zum|zur|vom|in|an|zu|ab|seit|bis|über|um",
        range_open_re=r"\b(?:von|vom|zwischen)\s+$",
        range_link_re=r"[-–—]|bis(?:\s+zum|\s+zur)?|und",
        bound_start_re=r"\b(?:seit|ab|von|vom)\s+(?:dem\s+|der\s+)?$",
        bound_end_re=r"\b(?:bis|spätestens)(?:\s+(?:zum|zur|in\s+den|in\s+die))?\s+$",
    ),
)

LEXICONS: dict[str, Lexicon] = {lexicon.code: lexicon for lexicon in (ENGLISH, ITALIAN, GERMAN)}
"""The supported languages by ISO 639-1 code."""

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """The code of the language whose function words are most frequent in ``text``.

    Returns ``None`` when no language has at least 5 hits and twice the runner-up's, so
    the caller can ask for an explicit language instead of guessing.
    """
    counts = dict.fromkeys(LEXICONS, 0)
    for word in _WORD.findall(text[:20000].lower()):
        for code, lexicon in LEXICONS.items():
            if word in lexicon.stopwords:
                counts[code] += 1
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, hits), (_, runner_up) = ranked[0], ranked[1]
    if hits >= 5 and hits >= 2 * runner_up:
        return best
    return None
