"""Date phrases: what is found (and what is not), and what each means against a
publication date and a tense."""

from __future__ import annotations

from datetime import date

import pytest

from mitimeline_news.dates import find_phrases, resolve

MONDAY = date(2020, 10, 5)


def meanings(text: str, language: str, base: date | None = MONDAY,
             tense: str | None = None) -> list[tuple[str, str | None]]:
    result = []
    for phrase in find_phrases(text, language):
        when = resolve(phrase, language, base, tense)
        result.append((phrase.text, None if when is None else when.edtf))
    return result


@pytest.mark.parametrize(
    ("language", "text", "tense", "expected"),
    [
        # absolute dates, with and without a year
        ("en", "on Sep 6, 2020 at 9:14 am", None, [("Sep 6, 2020", "2020-09-06")]),
        ("en", "Monday 05 October 2020 03:57", None, [("Monday 05 October 2020", "2020-10-05")]),
        ("en", "the 6th of July 2021", None, [("the 6th of July 2021", "2021-07-06")]),
        ("it", "il 19 novembre", "future", [("19 novembre", "2020-11-19")]),
        ("it", "il 19 novembre", "past", [("19 novembre", "2019-11-19")]),
        ("it", "lunedì 5 ottobre 2020", None, [("lunedì 5 ottobre 2020", "2020-10-05")]),
        ("de", "Kinostart: 18. November 2021", None, [("18. November 2021", "2021-11-18")]),
        ("de", "am 18. November", "past", [("18. November", "2019-11-18")]),
        ("de", "am 5.10.2020", None, [("5.10.2020", "2020-10-05")]),
        # a year-less date with no tense: the occurrence nearest publication
        ("en", "on 14 April", None, [("14 April", "2020-04-14")]),
        ("en", "on 14 January", None, [("14 January", "2021-01-14")]),
        # precision: month, year, thirds, seasons
        ("en", "scheduled for September", "future", [("September", "2021-09")]),
        ("en", "in October", "past", [("October", "2020-10")]),
        ("en", "in 2022", None, [("2022", "2022")]),
        ("en", "in early October", None, [("early October", "2020-10-01~/2020-10-10~")]),
        ("en", "by mid-November", None, [("mid-November", "2020-11-15~")]),
        ("en", "at the end of March 2021", None,
         [("the end of March 2021", "2021-03-21~/2021-03-31~")]),
        ("en", "in late 2021", None, [("late 2021", "2021-09~/2021-12~")]),
        ("it", "a inizio gennaio", "future", [("inizio gennaio", "2021-01-01~/2021-01-10~")]),
        ("de", "Ende April", "future", [("Ende April", "2021-04-21~/2021-04-30~")]),
        ("en", "in summer 2019", None, [("summer 2019", "2019-22")]),
        ("en", "in the summer of 2019", None, [("summer of 2019", "2019-22")]),
        ("de", "im Frühjahr 2020", None, [("Frühjahr 2020", "2020-21")]),
        ("it", "nell'estate 2023", None, [("estate 2023", "2023-22")]),
        ("en", "this summer", None, [("this summer", "2020-22")]),
        ("en", "next spring", None, [("next spring", "2021-21")]),
        ("it", "l'estate scorsa", None, [("estate scorsa", "2020-22")]),
        ("de", "im nächsten Sommer", None, [("nächsten Sommer", "2021-22")]),
        # relative to the publication date
        ("en", "Last month, the crew", None, [("Last month", "2020-09")]),
        ("it", "il mese scorso", None, [("il mese scorso", "2020-09")]),
        ("de", "letzten Monat", None, [("letzten Monat", "2020-09")]),
        ("en", "next week", None, [("next week", "2020-10-12~/2020-10-18~")]),
        ("it", "la prossima settimana", None,
         [("la prossima settimana", "2020-10-12~/2020-10-18~")]),
        ("de", "nächste Woche", None, [("nächste Woche", "2020-10-12~/2020-10-18~")]),
        ("it", "la settimana scorsa", None,
         [("la settimana scorsa", "2020-09-28~/2020-10-04~")]),
        ("en", "earlier this year", None, [("earlier this year", "2020")]),
        ("en", "later this month", None, [("later this month", "2020-10-05~/2020-10-31~")]),
        ("en", "a few weeks ago", None, [("a few weeks ago", "2020-08-31~/2020-09-21~")]),
        ("it", "qualche settimana fa", None,
         [("qualche settimana fa", "2020-08-31~/2020-09-21~")]),
        ("de", "vor einigen Wochen", None, [("vor einigen Wochen", "2020-08-31~/2020-09-21~")]),
        ("en", "two weeks ago", None, [("two weeks ago", "2020-09-18~/2020-09-24~")]),
        ("it", "tre giorni fa", None, [("tre giorni fa", "2020-10-02")]),
        ("de", "in zwei Monaten", None, [("in zwei Monaten", "2020-12~")]),
        ("en", "in three years", None, [("in three years", "2023~")]),
        ("en", "yesterday", None, [("yesterday", "2020-10-04")]),
        ("de", "gestern", None, [("gestern", "2020-10-04")]),
        ("en", "early next year", None, [("early next year", "2021-01~/2021-04~")]),
        ("de", "Ende des Jahres", None, [("Ende des Jahres", "2020-11~/2020-12~")]),
        ("it", "entro la fine dell'anno", None,
         [("entro la fine dell'anno", "2020-10~/2020-12~")]),
        # weekdays: the publication week, or the week before or after by tense
        ("en", "on Wednesday", None, [("Wednesday", "2020-10-07")]),
        ("en", "on Wednesday", "past", [("Wednesday", "2020-09-30")]),
        ("en", "on Monday", "past", [("Monday", "2020-10-05")]),
        ("en", "last Monday", None, [("last Monday", "2020-09-28")]),
        ("en", "next Monday", None, [("next Monday", "2020-10-12")]),
        ("it", "lunedì scorso", None, [("lunedì scorso", "2020-09-28")]),
        ("de", "am vergangenen Mittwoch", None, [("vergangenen Mittwoch", "2020-09-30")]),
        ("de", "am Freitag", "future", [("Freitag", "2020-10-09")]),
        # ranges
        ("en", "from 6 to 24 September 2021", None,
         [("6 to 24 September 2021", "2021-09-06/2021-09-24")]),
        ("en", "September 6-24, 2021", None,
         [("September 6-24, 2021", "2021-09-06/2021-09-24")]),
        ("it", "dal 6 al 24 settembre", "future",
         [("6 al 24 settembre", "2021-09-06/2021-09-24")]),
        ("de", "vom 6. bis 20. Oktober", "future",
         [("6. bis 20. Oktober", "2020-10-06/2020-10-20")]),
    ],
)
def test_meaning(language: str, text: str, tense: str | None,
                 expected: list[tuple[str, str]]) -> None:
    assert meanings(text, language, tense=tense) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "the 58-year-old action star"),
        ("en", "a sequel to 2018's acclaimed thriller"),
        ("en", "it may rain and they march on; we see it"),
        ("en", "a ship for $ 700,000 and 2,500 extras"),
        ("en", "Mission: Impossible 7 and part 6 from 97 cents"),
        ("en", "summer blockbusters and the fall of the empire"),
        ("it", "sul set di Mission: Impossible 7 a 58 anni"),
        ("it", "mar e gen sono abbreviazioni"),
        ("de", "Die Dreharbeiten mit dem Team"),
        ("de", "Mit dem Dreh, Die Crew, Mo und Di"),
        ("de", "der 58-jährige Star am Morgen"),
    ],
)
def test_no_date_in(language: str, text: str) -> None:
    assert find_phrases(text, language) == []


def test_ambiguous_month_names_count_in_context() -> None:
    assert meanings("They met in May.", "en", tense="past") == [("May", "2020-05")]
    assert meanings("Filming starts May 4, 2021.", "en") == [("May 4, 2021", "2021-05-04")]


def test_relative_phrases_need_a_publication_date() -> None:
    assert meanings("last month and on Wednesday and in June", "en", base=None) == [
        ("last month", None), ("Wednesday", None), ("June", None)]
    assert meanings("on 6 June 2021", "en", base=None) == [("6 June 2021", "2021-06-06")]


def test_a_phrase_is_found_once_with_its_modifiers() -> None:
    (phrase,) = find_phrases("Le riprese sono iniziate lunedì scorso a Venezia.", "it")
    assert (phrase.text, phrase.form, phrase.weekday, phrase.direction) == (
        "lunedì scorso", "weekday", 0, "last")
