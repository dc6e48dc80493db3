"""find_dates, the public date tagger: what it finds, its type, what it means and what it
is anchored to, in English and Italian; and how it fails on bad input."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mitimeline import When

from mitimeline_news import find_dates
from mitimeline_news.tagger import MAX_TEXT, Anchor, DateMention

THURSDAY = "2021-03-11"  # an English report published on a Thursday
AUGUST = "2021-08-12"  # an Italian report published in August (a Thursday too)


def tag(text: str, published: str | None, language: str,
        **options: bool | None) -> list[tuple[str, str, str | None]]:
    """(text, type, EDTF) of every mention."""
    return [(m.text, m.type, None if m.when is None else m.when.edtf)
            for m in find_dates(text, published=published, language=language, **options)]


def only(text: str, published: str | None, language: str, **options: bool | None
         ) -> tuple[str, str, str | None]:
    found = tag(text, published, language, **options)
    assert len(found) == 1, found
    return found[0]


# -- English -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weekdays by the tense of their clause
        ("The crew arrived on Monday.", ("Monday", "date", "2021-03-08")),
        ("The crew will arrive on Monday.", ("Monday", "date", "2021-03-15")),
        ("They are leaving next Friday.", ("next Friday", "date", "2021-03-12")),
        ("Last Saturday the team rested.", ("Last Saturday", "date", "2021-03-06")),
        # implicit years, by tense and distance
        ("The premiere took place on 19 November.", ("19 November", "date", "2020-11-19")),
        ("The premiere will take place on 19 November.", ("19 November", "date", "2021-11-19")),
        ("A hearing was announced, to be held on March 20.", ("March 20", "date", "2021-03-20")),
        ("The markets stayed closed until Monday.", ("Monday", "date", "2021-03-15")),
        # seasons, halves, quarters, thirds
        ("Sales fell in the first quarter of 2021.",
         ("the first quarter of 2021", "date", "2021-01/2021-03")),
        ("Profits doubled in the second half of 2020.",
         ("the second half of 2020", "date", "2020-07/2020-12")),
        ("Results for Q3 2019 were poor.", ("Q3 2019", "date", "2019-07/2019-09")),
        ("The plant reopens in early 2022.", ("early 2022", "date", "2022-01~/2022-04~")),
        ("It opened in the spring of 2019.", ("spring of 2019", "date", "2019-21")),
        ("Shares rose in the fourth quarter.", ("the fourth quarter", "date", "2020-10/2020-12")),
        ("Costs grew in the third quarter of last year.",
         ("the third quarter of last year", "date", "2020-07/2020-09")),
        ("Profits fell in the previous quarter.",
         ("the previous quarter", "date", "2020-10/2020-12")),
        ("Earnings of fiscal 2020 were flat.", ("fiscal 2020", "date", "2020")),
        ("Profit rose 5 percent in the quarter.", ("the quarter", "date", "2020-10/2020-12")),
        ("The budget is spent by the end of the year.",
         ("the end of the year", "date", "2021-11~/2021-12~")),
        # holidays
        ("Tickets sold out before Christmas.", ("Christmas", "date", "2020-12-25")),
        ("The store will open on Thanksgiving.", ("Thanksgiving", "date", "2021-11-25")),
        ("They married at Easter 2019.", ("Easter 2019", "date", "2019-04-21")),
        ("The sale ends on Good Friday.", ("Good Friday", "date", "2021-04-02")),
        # decades and short years
        ("Prices peaked in the 1990s.", ("1990s", "date", "199X")),
        ("It shaped the 20th century.", ("the 20th century", "date", "19XX")),
        ("Payment falls due at the end of the month.",
         ("the end of the month", "date", "2021-03-21~/2021-03-31~")),
        ("The index is at its lowest since '82.", ("'82", "date", "1982")),
        # a year or month named with this/next/last year
        ("The factory closes in January next year.",
         ("January next year", "date", "2022-01")),
        ("The vote was held in the 2016 election.", ("2016", "date", "2016")),
    ],
)
def test_english_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert only(text, THURSDAY, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Work stopped for six weeks.", ("six weeks", "duration", None)),
        ("The contract runs two years.", ("two years", "duration", None)),
        ("He signed a five-year deal.", ("five-year", "duration", None)),
        ("Stocks fell in the past nine days.",
         ("the past nine days", "duration", "2021-03-02~/2021-03-11")),
        ("The market is open every Monday.", ("every Monday", "set", None)),
        ("The magazine appears weekly.", ("weekly", "set", None)),
        ("Trains leave twice a day.", ("twice a day", "set", None)),
        ("Shares jumped on Friday morning.", ("Friday morning", "time", "2021-03-05")),
        ("Polls close at 8 p.m. on Tuesday.", ("8 p.m. on Tuesday", "time", "2021-03-09")),
        ("The vote will be on Tuesday, March 16, at 9 p.m.",
         ("Tuesday, March 16, at 9 p.m.", "time", "2021-03-16")),
        ("The meeting started at 10:30.", ("10:30", "time", None)),
        ("Polls opened at 7 a.m. Tuesday.", ("7 a.m. Tuesday", "time", "2021-03-09")),
        ("The show will open on Friday the 26th.", ("Friday the 26th", "date", "2021-03-26")),
        ("The China Daily reported it.", None),
        ("The store is now closed.", ("now", "date", "2021-03-11")),
        ("Prices have recently risen.", ("recently", "date", None)),
        ("They debated the future of cinema.", None),
        ("Rates stay low for the time being.", ("the time being", "date", "2021-03-11")),
        ("The deal is now-defunct.", None),
    ],
)
def test_english_types(text: str, expected: tuple[str, str, str | None] | None) -> None:
    if expected is None:
        assert tag(text, THURSDAY, "en") == []
    else:
        assert only(text, THURSDAY, "en") == expected


def ranged(text: str, published: str, language: str
           ) -> list[tuple[str, str | None, str | None, str | None]]:
    """Each mention's text, when, bound and span (EDTF)."""
    return [(m.text, m.when.edtf if m.when else None, m.bound, m.span.edtf if m.span else None)
            for m in find_dates(text, published=published, language=language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shooting runs from 5 to 20 May.",
         [("5", "2021-05-05", "start", "2021-05-05/2021-05-20"),
          ("20 May", "2021-05-20", "end", "2021-05-05/2021-05-20")]),
        ("The show runs between March and June.",
         [("March", "2021-03", "start", "2021-03/2021-06"),
          ("June", "2021-06", "end", "2021-03/2021-06")]),
        ("It ran from May 5 to June 20, 2019.",
         [("May 5", "2019-05-05", "start", "2019-05-05/2019-06-20"),
          ("June 20, 2019", "2019-06-20", "end", "2019-05-05/2019-06-20")]),
        ("Deliveries run from 2009 to 2011.",
         [("2009", "2009", "start", "2009/2011"), ("2011", "2011", "end", "2009/2011")]),
        ("It grew from the first quarter of 2020 to the second half of 2021.",
         [("the first quarter of 2020", "2020-01/2020-03", "start", "2020-01/2021-12"),
          ("the second half of 2021", "2021-07/2021-12", "end", "2020-01/2021-12")]),
        ("The 2003-2005 campaign was long.",
         [("2003", "2003", "start", "2003/2005"), ("2005", "2005", "end", "2003/2005")]),
        ("The 2012/13 season was long.", [("2012/13", "2012/2013", None, None)]),
        ("The offer lasts until the end of February.",
         [("the end of February", "2021-02-21~/2021-02-28~", "end", "../2021-02-28~")]),
        ("Nothing has moved since January.", [("January", "2021-01", "start", "2021-01/..")]),
    ],
)
def test_english_ranges(text: str,
                        expected: list[tuple[str, str | None, str | None, str | None]]) -> None:
    """A closed range is two mentions (start, end) sharing its span; an open one is one."""
    assert ranged(text, THURSDAY, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "bound", "span"),
    [
        ("Nothing has moved since January.", "en", "start", "2021-01/.."),
        ("The offer lasts until the end of February.", "en", "end", "../2021-02-28~"),
        ("The set must be ready by 4 June 2021.", "en", "end", "../2021-06-04"),
        ("It opened on 4 June 2021.", "en", None, None),
        ("Shooting runs from 5 to 20 May 2021.", "en", "start", "2021-05-05/2021-05-20"),
        ("La sala è chiusa dal 5 maggio 2021.", "it", "start", "2021-05-05/.."),
        ("Lo stop durerà fino alla fine di febbraio 2022.", "it", "end", "../2022-02-28~"),
        ("Il film sarà pronto entro Natale 2021.", "it", "end", "../2021-12-25"),
    ],
)
def test_open_ranges(text: str, language: str, bound: str | None, span: str | None) -> None:
    mention = find_dates(text, published=THURSDAY, language=language)[0]
    assert mention.bound == bound
    assert (mention.span.edtf if mention.span else None) == span


def test_english_anchored_to_an_earlier_mention() -> None:
    text = ("Filming began on May 5, 2020. Two days later the set closed. "
            "The following week the crew left.")
    found = find_dates(text, published=THURSDAY, language="en")
    assert [(m.text, m.when.edtf if m.when else None) for m in found] == [
        ("May 5, 2020", "2020-05-05"), ("Two days later", "2020-05-07"),
        ("The following week", "2020-05-11/2020-05-17")]
    first = found[0]
    assert found[0].anchor is None
    assert found[1].anchor == Anchor("mention", When("2020-05-05"), first.start, first.end)
    assert found[2].anchor is not None and found[2].anchor.kind == "mention"
    assert found[2].anchor.start == found[1].start


def test_english_a_year_earlier_keeps_the_precision_of_its_anchor() -> None:
    text = "Sales rose in the third quarter of 2020, after falling a year earlier."
    found = find_dates(text, published=THURSDAY, language="en")
    assert [(m.text, m.when.edtf if m.when else None) for m in found] == [
        ("the third quarter of 2020", "2020-07/2020-09"), ("a year earlier", "2019-07/2019-09")]


def test_english_a_year_earlier_than_a_month_is_a_month() -> None:
    text = "Inflation eased in February 2013 from a year earlier."
    found = find_dates(text, published=THURSDAY, language="en")
    assert [(m.text, m.when.edtf if m.when else None) for m in found] == [
        ("February 2013", "2013-02"), ("a year earlier", "2012-02")]


def test_english_the_verb_last_is_no_past_marker() -> None:
    found = find_dates("The trial is expected to last until mid-April.", published=THURSDAY,
                       language="en")
    assert [m.when.edtf if m.when else None for m in found] == ["2021-04-15~"]


def test_english_anchored_to_the_date_of_the_same_event() -> None:
    text = ("The strike started in March 2019. The plant reopened on 3 June 2019. "
            "Four months after the strike began, talks resumed.")
    found = find_dates(text, published=THURSDAY, language="en")
    assert found[-1].text == "Four months after"
    assert found[-1].anchor is not None and found[-1].anchor.start == found[0].start
    assert found[-1].when == When("2019-07")


def test_english_the_quarter_ended_a_date() -> None:
    text = "Net income rose in the quarter ended Dec. 31, 2020."
    found = find_dates(text, published=THURSDAY, language="en")
    assert [(m.text, m.when.edtf if m.when else None) for m in found] == [
        ("the quarter", "2020-10-01/2020-12-31"), ("Dec. 31, 2020", "2020-12-31")]
    assert found[0].anchor is not None and found[0].anchor.start == found[1].start


def test_english_anchored_to_the_date_that_follows() -> None:
    text = "The deal closed two days after March 3, 2019."
    found = find_dates(text, published=THURSDAY, language="en")
    assert [(m.text, m.when.edtf if m.when else None) for m in found] == [
        ("two days after", "2019-03-05"), ("March 3, 2019", "2019-03-03")]
    assert found[0].anchor is not None and found[0].anchor.start == found[1].start


def test_english_without_an_earlier_date() -> None:
    # "the day" of a report is its publication day; "the day after" what, nobody knows
    ended = find_dates("Stocks ended the day higher.", published=THURSDAY, language="en")[0]
    assert (ended.text, ended.when) == ("the day", When(THURSDAY))
    assert ended.anchor == Anchor("published", When(THURSDAY))
    after = find_dates("The day after, the crew left.", published=THURSDAY, language="en")[0]
    assert (after.when, after.anchor) == (None, None)


def test_english_span_between_a_dated_event_and_another_is_a_duration() -> None:
    text = "Filming resumed on Monday, two weeks after a crew member fell ill."
    found = find_dates(text, published=THURSDAY, language="en")
    assert [(m.text, m.type, m.when.edtf if m.when else None) for m in found] == [
        ("Monday", "date", "2021-03-08"), ("two weeks after", "duration", None)]


def test_english_days_later_than_a_month_is_approximate() -> None:
    found = find_dates("It reopened in May 2020. Two days later the set closed.",
                       published=THURSDAY, language="en")
    assert found[1].when == When("2020-05-03~/2020-06-02~")


@pytest.mark.parametrize(
    ("language", "anchor", "phrase", "expected"),
    [
        # one answer in every language: days and weeks from a day are that day, from a
        # month the month moved (approximate); months and years from a day are about that
        # month or year, from a month they keep the month; "the next day" needs a day
        ("en", "on 4 May 2015", "A week later", "2015-05-11"),
        ("en", "on 4 May 2015", "Four months later", "2015-09~"),
        ("en", "on 4 May 2015", "A year later", "2016~"),
        ("en", "on 4 May 2015", "A few days later", "2015-05-05~/2015-05-11~"),
        ("en", "in May 2015", "A week later", "2015-05-08~/2015-06-07~"),
        ("en", "in May 2015", "The following month", "2015-06"),
        ("en", "in May 2015", "A year later", "2016-05"),
        ("en", "in May 2015", "The next day", None),
        ("it", "il 4 maggio 2015", "Una settimana dopo", "2015-05-11"),
        ("it", "il 4 maggio 2015", "Quattro mesi dopo", "2015-09~"),
        ("it", "il 4 maggio 2015", "Qualche giorno dopo", "2015-05-05~/2015-05-11~"),
        ("it", "a maggio 2015", "Una settimana dopo", "2015-05-08~/2015-06-07~"),
        ("it", "a maggio 2015", "Il mese dopo", "2015-06"),
        ("it", "a maggio 2015", "Il giorno dopo", None),
    ],
)
def test_anchored_to_a_day_or_a_month(language: str, anchor: str, phrase: str,
                                      expected: str | None) -> None:
    began, closed = {"en": ("Filming began", "the set closed"),
                     "it": ("Le riprese sono iniziate", "il set ha chiuso")}[language]
    text = f"{began} {anchor}. {phrase} {closed}."
    later = find_dates(text, published=THURSDAY, language=language)[1]
    assert later.text == phrase
    assert (later.when.edtf if later.when else None) == expected


def test_english_relative_dates_are_anchored_to_publication() -> None:
    mention = find_dates("Production stopped last month.", published=THURSDAY,
                         language="en")[0]
    assert mention.anchor == Anchor("published", When(THURSDAY))
    absolute = find_dates("It opened on 4 June 2019.", published=THURSDAY, language="en")[0]
    assert absolute.anchor is None


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("Signed on 03/04/2021.", None, None),  # nothing decides
        ("Signed on 03/04/2021.", True, "2021-04-03"),
        ("Signed on 03/04/2021.", False, "2021-03-04"),
        ("Signed on 13/04/2021.", None, "2021-04-13"),  # only one reading is a date
        ("Signed on 04/13/2021.", None, "2021-04-13"),
        ("Signed on 04/04/2021.", None, "2021-04-04"),
    ],
)
def test_english_numeric_dates(text: str, day_first: bool | None, expected: str | None) -> None:
    assert only(text, THURSDAY, "en", day_first=day_first)[2] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The 58-year-old director spoke.",
        "The actor, 58 years old, spoke.",
        "See page 12 and page 2019.",
        "They won 3-1 at home.",
        "The film cost $2,020,000.",
        "The score was 2019 points to 1870.",
        "Sales grew 12% to 2,500 units.",
        "Sales rose by 2020 units.",
        "You may go, and march on.",
    ],
)
def test_english_not_dates(text: str) -> None:
    assert tag(text, THURSDAY, "en") == []


# -- Italian -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le riprese sono iniziate sabato scorso.", ("sabato scorso", "date", "2021-08-07")),
        ("Il set riaprirà lunedì prossimo.", ("lunedì prossimo", "date", "2021-08-16")),
        ("La troupe è arrivata martedì.", ("martedì", "date", "2021-08-10")),
        ("Il film uscirà il 19 novembre.", ("19 novembre", "date", "2021-11-19")),
        ("Il film uscirà il 5 di dicembre.", ("5 di dicembre", "date", "2021-12-05")),
        ("Il film è stato girato il 19 novembre.", ("19 novembre", "date", "2020-11-19")),
        ("I ricavi sono cresciuti nel primo trimestre del 2021.",
         ("primo trimestre del 2021", "date", "2021-01/2021-03")),
        ("Le vendite sono calate nella seconda metà del 2020.",
         ("seconda metà del 2020", "date", "2020-07/2020-12")),
        ("Le riprese finiranno a fine estate.", ("fine estate", "date", "2021-08~")),
        ("Il set chiuderà a metà maggio.", ("metà maggio", "date", "2022-05-15~")),
        ("Il film arriva nella primavera 2021.", ("primavera 2021", "date", "2021-21")),
        ("La troupe si fermerà a Natale.", ("Natale", "date", "2021-12-25")),
        ("Il set ha chiuso a Pasqua.", ("Pasqua", "date", "2021-04-04")),
        ("Si sono sposati a Natale 2020.", ("Natale 2020", "date", "2020-12-25")),
        ("La festa è a Ferragosto.", ("Ferragosto", "date", "2021-08-15")),
        ("Era famoso negli anni Novanta.", ("negli anni Novanta", "date", "199X")),
        ("È il romanzo più letto del Novecento.", ("Novecento", "date", "19XX")),
        ("Il pagamento scade a fine mese.", ("fine mese", "date", "2021-08-21~/2021-08-31~")),
        ("Il film uscirà a gennaio dell'anno prossimo.",
         ("gennaio dell'anno prossimo", "date", "2022-01")),
        ("La sala chiuderà a fine anno.", ("fine anno", "date", "2021-11~/2021-12~")),
        ("È la legge del 1978.", ("1978", "date", "1978")),
    ],
)
def test_italian_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert only(text, AUGUST, "it") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le riprese sono durate sei settimane.", ("sei settimane", "duration", None)),
        ("Hanno firmato un contratto di due anni.", ("due anni", "duration", None)),
        ("Il mercato apre ogni lunedì.", ("ogni lunedì", "set", None)),
        ("Si allenano tutti i giorni.", ("tutti i giorni", "set", None)),
        ("La conferenza è iniziata domenica mattina.",
         ("domenica mattina", "time", "2021-08-08")),
        ("Il treno parte stasera.", ("stasera", "time", "2021-08-12")),
        ("Il treno è partito alle 20.30.", ("20.30", "time", None)),
        ("La partita è sabato 14 agosto, alle 20.45.",
         ("sabato 14 agosto, alle 20.45", "time", "2021-08-14")),
        ("Il concerto si terrà sabato 21.", ("sabato 21", "date", "2021-08-21")),
        ("La sala riapre il primo settembre.", ("primo settembre", "date", "2021-09-01")),
        ("La sala resterà chiusa fino a lunedì.", ("lunedì", "date", "2021-08-16")),
        ("Attualmente il set è chiuso.", ("Attualmente", "date", "2021-08-12")),
        ("Il set è stato chiuso di recente.", ("di recente", "date", None)),
        ("Il set riaprirà nei prossimi giorni.", ("nei prossimi giorni", "date", None)),
    ],
)
def test_italian_types(text: str, expected: tuple[str, str, str | None]) -> None:
    assert only(text, AUGUST, "it") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le riprese si svolgeranno dal 5 al 20 maggio.",
         [("5", "2022-05-05", "start", "2022-05-05/2022-05-20"),
          ("20 maggio", "2022-05-20", "end", "2022-05-05/2022-05-20")]),
        ("La mostra resterà aperta da marzo a giugno.",
         [("marzo", "2022-03", "start", "2022-03/2022-06"),
          ("giugno", "2022-06", "end", "2022-03/2022-06")]),
        ("Le consegne sono previste tra il 2009 e il 2011.",
         [("2009", "2009", "start", "2009/2011"), ("2011", "2011", "end", "2009/2011")]),
        ("Lo stop durerà fino alla fine di febbraio.",
         [("alla fine di febbraio", "2022-02-21~/2022-02-28~", "end", "../2022-02-28~")]),
    ],
)
def test_italian_ranges(text: str,
                        expected: list[tuple[str, str | None, str | None, str | None]]) -> None:
    assert ranged(text, AUGUST, "it") == expected


def test_italian_anchored_to_an_earlier_mention() -> None:
    text = ("Il film è stato girato il 19 novembre 2020. Il giorno dopo la troupe è partita. "
            "Due giorni dopo è tornata. L'indomani ha ripreso.")
    found = find_dates(text, published=AUGUST, language="it")
    assert [(m.text, m.when.edtf if m.when else None) for m in found] == [
        ("19 novembre 2020", "2020-11-19"), ("Il giorno dopo", "2020-11-20"),
        ("Due giorni dopo", "2020-11-22"), ("L'indomani", "2020-11-23")]
    assert [m.anchor.start if m.anchor else None for m in found] == [
        None, found[0].start, found[1].start, found[2].start]
    assert all(m.anchor is None or m.anchor.kind == "mention" for m in found)


def test_italian_the_quarter_closed_on_a_date() -> None:
    text = "Nel trimestre chiuso al 30 giugno 2021 l'utile è salito."
    found = find_dates(text, published=AUGUST, language="it")
    assert [(m.text, m.when.edtf if m.when else None) for m in found] == [
        ("trimestre", "2021-04-01/2021-06-30"), ("30 giugno 2021", "2021-06-30")]


def test_italian_anchored_to_the_date_of_the_same_event() -> None:
    text = ("Le riprese sono iniziate il 3 marzo 2020. Il set ha chiuso il 20 marzo. "
            "Due mesi dopo l'inizio delle riprese la troupe è tornata.")
    found = find_dates(text, published=AUGUST, language="it")
    assert [(m.text, m.when.edtf if m.when else None) for m in found] == [
        ("3 marzo 2020", "2020-03-03"), ("20 marzo", "2021-03-20"),
        ("Due mesi dopo", "2020-05~")]
    assert found[2].anchor is not None and found[2].anchor.start == found[0].start


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("Firmato il 03/04/2021.", None, "2021-04-03"),  # Italian outlets write day first
        ("Firmato il 3.4.2021.", None, "2021-04-03"),
        ("Firmato il 03/04/2021.", False, "2021-03-04"),
    ],
)
def test_italian_numeric_dates(text: str, day_first: bool | None, expected: str) -> None:
    assert only(text, AUGUST, "it", day_first=day_first)[2] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Un uomo di 58 anni è stato premiato.",
        "L'attore ha 40 anni.",
        "Ha vinto 3-1 in casa.",
        "Vedi a pagina 12.",
        "Il film è costato 2.020.000 euro.",
        "Il bilancio è del 2020 euro per socio.",
        "È tornato nella sua città natale.",
    ],
)
def test_italian_not_dates(text: str) -> None:
    assert tag(text, AUGUST, "it") == []


# -- contracts and errors -------------------------------------------------------------------


def test_without_a_publication_date_only_absolute_dates_are_placed() -> None:
    found = find_dates("It opened on 4 June 2019 and closed last week.", language="en")
    assert [(m.text, m.when) for m in found] == [("4 June 2019", When("2019-06-04")),
                                                 ("last week", None)]


def test_published_may_be_a_date() -> None:
    assert find_dates("It closed yesterday.", published=date(2021, 3, 11),
                      language="en")[0].when == When("2021-03-10")


def test_empty_text_has_no_dates() -> None:
    assert find_dates("") == []
    assert find_dates("   \n  ", published=THURSDAY) == []


def test_text_must_be_a_string() -> None:
    with pytest.raises(TypeError, match=r"^find_dates: expected text as str, got bytes$"):
        find_dates(b"May 5, 2020")  # type: ignore[arg-type]


def test_day_first_must_be_a_bool_or_none() -> None:
    with pytest.raises(TypeError, match="day_first"):
        find_dates("03/04/2021", day_first="yes")  # type: ignore[arg-type]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        find_dates("May 5, 2020", language="xx")


def test_unparseable_publication_date_is_refused() -> None:
    with pytest.raises(ValueError, match="published"):
        find_dates("May 5, 2020", published="not a date at all")


def test_text_over_the_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="longer"):
        find_dates("x" * (MAX_TEXT + 1))


def _check(text: str, mentions: list[DateMention]) -> None:
    previous_end = 0
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.text
        assert mention.start >= previous_end and mention.end > mention.start
        assert (mention.bound is None) == (mention.span is None)
        previous_end = mention.end


_WORDS = st.sampled_from([
    "May", "5", "2020", "on", "Monday", "next", "last", "week", "two", "days", "later", "from",
    "to", "and", "between", "the", "first", "quarter", "of", "Christmas", "every", "at",
    "3", "p.m.", "03/04/2021", "-", ",", ".", "\n", "il", "giorno", "dopo", "dal", "al",
    "maggio", "Natale", "anni", "'82", "1990s", "since", "until", "year", "ago", "morning",
    "vom", "bis", "zum", "seit", "Mai", "5.", "20.", "Ostern", "Quartal", "ersten", "90er",
    "Jahre", "Wochenende", "am", "um", "Uhr", "Dienstagabend", "Tage", "später", "und",
    "heuer", "Jahrhunderts", "vorigen", "1975",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=25).map(" ".join), st.sampled_from(["en", "it", "de"]))
def test_offsets_order_and_no_overlap_for_date_words(text: str, language: str) -> None:
    _check(text, find_dates(text, published=THURSDAY, language=language))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["en", "it", "de", "auto"]))
def test_offsets_order_and_no_overlap_for_any_text(text: str, language: str) -> None:
    _check(text, find_dates(text, published=THURSDAY, language=language))


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # published Thursday 2022-03-31: the week said after the weekday, not the tense
        ("en", "The road shuts at 9pm on Friday next week.", [("Friday next week", "2022-04-08")]),
        ("en", "The road shuts on Monday and Friday next week.",
         [("Monday", "2022-04-04"), ("Friday next week", "2022-04-08")]),
        ("en", "She arrived on Wednesday of last week.",
         [("Wednesday of last week", "2022-03-23")]),
        ("de", "Die Straße ist am Freitag dieser Woche gesperrt.",
         [("Freitag dieser Woche", "2022-04-01")]),
        ("it", "La strada chiude martedì della scorsa settimana.",
         [("martedì della scorsa settimana", "2022-03-22")]),
    ],
)
def test_a_weekday_in_the_week_said_after_it(language: str, text: str,
                                             expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.when.edtf if m.when else None)
            for m in find_dates(text, published="2022-03-31", language=language)] == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The bridge closes on May 2nd and 9th for filming.", False),
        ("The bridge closes on 2 and 9 May for filming.", False),
        ("The bridge closes from May 2nd to 9th for filming.", True),
    ],
)
def test_and_joins_two_days_not_a_span(text: str, span: bool) -> None:
    whens = [m.when for m in find_dates(text, published="2022-03-28", language="en") if m.when]
    assert any(w.lower != w.upper for w in whens) is span
