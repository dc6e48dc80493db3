"""German date expressions through the public tagger: what is found, its type, what it
means against the publication date, and what it was placed against. Every sentence here
is made up for the test."""

from __future__ import annotations

from datetime import date

import pytest
from mitimeline import When

from mitimeline_news.tagger import Anchor, DateMention, find_dates

THURSDAY = "2015-08-20"
"""A Thursday in August: the publication date of most examples."""


def found(text: str, published: str | None = THURSDAY) -> list[tuple[str, str | None]]:
    """(text, EDTF) of every date mention of ``text``."""
    return [(m.text, None if m.when is None else m.when.edtf)
            for m in find_dates(text, published=published, language="de")]


def bounds(text: str, published: str | None = THURSDAY) -> list[tuple[str, date, date]]:
    """(text, first day, last day) of every placed mention of ``text``."""
    return [(m.text, m.when.lower, m.when.upper)
            for m in find_dates(text, published=published, language="de") if m.when]


def one(text: str, published: str | None = THURSDAY) -> DateMention:
    """The only mention of ``text``."""
    mentions = find_dates(text, published=published, language="de")
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weekdays by the tense of their clause
        ("Der Bürgermeister hat am Montag das neue Bad eröffnet.",
         [("Montag", "2015-08-17")]),
        ("Das Konzert wird am Samstag im Park stattfinden.", [("Samstag", "2015-08-22")]),
        ("Am kommenden Freitag beginnt das Fest.", [("kommenden Freitag", "2015-08-21")]),
        ("Vergangenen Dienstag wurde der Vertrag unterschrieben.",
         [("Vergangenen Dienstag", "2015-08-18")]),
        # implicit years by tense
        ("Die Wahl wird am 19. November stattfinden.", [("19. November", "2015-11-19")]),
        ("Die Wahl fand am 19. November statt, sagte er.", [("19. November", "2014-11-19")]),
        ("Der Laden wurde im August renoviert.", [("August", "2015-08")]),
        # numeric day-first dates
        ("Die Frist endet am 12.3.2016.", [("12.3.2016", "2016-03-12")]),
        ("Anmeldung bis zum 12.09. im Rathaus.", [("12.09.", "2015-09-12")]),
        ("Er wurde am 3. Oktober 1990 gewählt.", [("3. Oktober 1990", "1990-10-03")]),
        ("Wir treffen uns am Sonntag, den 4. Oktober.",
         [("Sonntag, den 4. Oktober", "2015-10-04")]),
        # Austrian and South Tyrolean month names
        ("Das Konzert ist am 14. Jänner 2016.", [("14. Jänner 2016", "2016-01-14")]),
        # seasons, halves, quarters, thirds
        ("Im Frühjahr 2016 soll gebaut werden.", [("Frühjahr 2016", "2016-21")]),
        ("Im Spätsommer 2016 soll gebaut werden.", [("Spätsommer 2016", "2016-22")]),
        ("Er wollte den Sommer über bleiben.", [("Sommer", "2015-22")]),
        ("Der Umsatz stieg im ersten Quartal 2015 deutlich.",
         [("ersten Quartal 2015", "2015-01/2015-03")]),
        ("In der zweiten Jahreshälfte öffnet das Museum.",
         [("zweiten Jahreshälfte", "2015-07/2015-12")]),
        ("Die Firma will Anfang 2016 umziehen.", [("Anfang 2016", "2016-01~/2016-02~")]),
        ("Die Arbeiten dauern bis Mitte Mai 2016.",
         [("Mitte Mai 2016", "2016-05-15~")]),
        # named periods
        ("Heuer kamen mehr Gäste als im Vorjahr.", [("Heuer", "2015"), ("Vorjahr", "2014")]),
        ("Die Zahl stieg im laufenden Jahr um zehn Prozent.", [("laufenden Jahr", "2015")]),
        ("Bis Jahresende soll alles fertig sein.", [("Jahresende", "2015-11~/2015-12~")]),
        ("Die Grenze wurde im vergangenen Jahr geschlossen.", [("vergangenen Jahr", "2014")]),
        ("Die Ausstellung öffnet morgen.", [("morgen", "2015-08-21")]),
        ("Heute Morgen regnete es.", [("Heute Morgen", "2015-08-20")]),
        ("Mitte nächster Woche kommt er.", [("Mitte nächster Woche", "2015-08-24~/2015-08-30~")]),
        ("Ende nächsten Jahres ist es fertig.",
         [("Ende nächsten Jahres", "2016-11~/2016-12~")]),
        ("Am 3. Feber wurde gewählt.", [("3. Feber", "2015-02-03")]),
        ("Zu Beginn der Woche war es still.",
         [("Beginn der Woche", "2015-08-17~/2015-08-23~")]),
        # a day or month of a year named relatively
        ("Am 3. März dieses Jahres eröffnete sie.", [("3. März dieses Jahres", "2015-03-03")]),
        ("Im April vorigen Jahres brannte die Scheune.",
         [("April vorigen Jahres", "2014-04")]),
        ("Mehr als im Juli des Vorjahres.", [("Juli des Vorjahres", "2014-07")]),
        ("Anfang April vorigen Jahres brannte sie.",
         [("Anfang April vorigen Jahres", "2014-04-01~/2014-04-10~")]),
        ("Im Januar nächsten Jahres öffnet sie.", [("Januar nächsten Jahres", "2016-01")]),
        ("Schon im April des Jahres 1918 kam er.", [("April des Jahres 1918", "1918-04")]),
        # decades and centuries
        ("In den 90er Jahren war das anders.", [("den 90er Jahren", "199X")]),
        ("Seit den neunziger Jahren wächst die Stadt.", [("den neunziger Jahren", "199X")]),
        ("Das Schloss stammt aus dem 16. Jahrhundert.", [("16. Jahrhundert", "15XX")]),
        ("Mitte der 90er Jahre kam die Wende.", [("Mitte der 90er Jahre", "199X")]),
        # holidays
        ("Zu Ostern 2016 öffnet das Museum.", [("Ostern 2016", "2016-03-27")]),
        ("Pfingsten 2016 fällt auf den 15. Mai.",
         [("Pfingsten 2016", "2016-05-15"), ("15. Mai", "2015-05-15")]),
        ("Die Lichter brennen bis Weihnachten.", [("Weihnachten", "2015-12-25")]),
        ("Zu Silvester 2015 gab es ein Feuerwerk.", [("Silvester 2015", "2015-12-31")]),
        # release phrasing
        ("Der Film soll am 3. Dezember in den Kinos starten.", [("3. Dezember", "2015-12-03")]),
    ],
)
def test_german_date_expressions(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_bare_years_are_dates_but_amounts_are_not() -> None:
    text = ("1996 zog sie nach Wien. Rund 1990 Menschen kamen. Das kostet 2000 Euro. "
            "Der Plan galt 2009-2011. Ein Zimmer kostet zwischen 1800 und 2000 Euro, "
            "zwischen 1990 und 2000 wuchs die Stadt. Wien 2005 - 362 S.")
    assert found(text) == [("1996", "1996"), ("2009", "2009"), ("2011", "2011"),
                           ("1990", "1990"), ("2000", "2000"), ("2005", "2005")]


def test_what_is_not_a_date() -> None:
    text = ("Der 58-Jährige gewann 3:1 gegen die Gäste. Mit 2,5 Millionen Euro, siehe Seite "
            "2012, hat die Firma 1.850 Mitarbeiter und die Nummer 1984.")
    assert found(text) == []


def test_references_without_calendar_value_are_found_but_not_placed() -> None:
    mentions = find_dates("Damals war alles anders, jetzt kommt die Wende. In den "
                          "vergangenen Wochen, so bald es ging, nun auch bisher, früher als "
                          "gedacht.",
                          published=THURSDAY, language="de")
    assert [(m.text, m.type, m.when) for m in mentions] == [
        ("Damals", "date", None), ("jetzt", "date", None),
        ("den vergangenen Wochen", "date", None)]


def test_types_of_durations_sets_and_times() -> None:
    text = ("Seit drei Jahren trainiert er jeden Montag um 18 Uhr. Die Sanierung dauerte "
            "sechs Wochen lang.")
    assert [(m.text, m.type) for m in find_dates(text, published=THURSDAY, language="de")] == [
        ("drei Jahren", "duration"), ("jeden Montag", "set"), ("18 Uhr", "time"),
        ("sechs Wochen lang", "duration")]


def test_parts_of_a_day_are_times_on_that_day() -> None:
    text = "Am Dienstagabend kam er, gestern Abend ging er. Jeden Montagabend probt der Chor."
    assert [(m.text, m.type, m.when.edtf if m.when else None)
            for m in find_dates(text, published=THURSDAY, language="de")] == [
        ("Dienstagabend", "time", "2015-08-18"), ("gestern Abend", "time", "2015-08-19"),
        ("Jeden Montagabend", "set", None)]


def test_a_mention_drops_a_leading_preposition_unless_it_counts() -> None:
    text = "Im Vorjahr, in der Zukunft, zum Jahresende und in zwei Wochen."
    assert [m.text for m in find_dates(text, published=THURSDAY, language="de")] == [
        "Vorjahr", "der Zukunft", "Jahresende", "in zwei Wochen"]


def test_a_range_is_two_dates() -> None:
    assert bounds("Das Fest findet vom 5. bis 20. Mai 2016 statt.") == [
        ("5.", date(2016, 5, 5), date(2016, 5, 5)),
        ("20. Mai 2016", date(2016, 5, 20), date(2016, 5, 20))]


def test_a_list_of_days_is_one_date_each() -> None:
    assert found("Gespielt wird am 3., 4. und 5. Oktober.") == [
        ("3.", "2015-10-03"), ("4.", "2015-10-04"), ("5. Oktober", "2015-10-05")]


def test_a_day_alone_takes_the_month_of_the_last_date() -> None:
    text = "Am 23. August 2014 kam der Antrag, am 24. die Antwort. Am 27./28. September 2014."
    assert found(text) == [("23. August 2014", "2014-08-23"), ("24.", "2014-08-24"),
                           ("27.", "2014-09-27"), ("28. September 2014", "2014-09-28")]


def test_year_pairs_and_years_before_christ() -> None:
    assert found("Der Winter 1870/71 und die Jahre 264–260 v. Chr., Saison 2019/20.") == [
        ("Winter 1870", "1870-24"), ("71", "1871"), ("264", None), ("260 v. Chr.", None),
        ("2019", "2019")]


def test_open_ranges_keep_their_dates() -> None:
    assert found("Seit Januar ist die Straße gesperrt, bis Ende Februar 2016 bleibt sie zu.") \
        == [("Januar", "2015-01"), ("Ende Februar 2016", "2016-02-21~/2016-02-29~")]


def test_weekend_before_and_after_publication() -> None:
    assert bounds("Am Wochenende wurde gefeiert.") == [
        ("Wochenende", date(2015, 8, 15), date(2015, 8, 16))]
    assert bounds("Am kommenden Wochenende wird gefeiert.") == [
        ("kommenden Wochenende", date(2015, 8, 22), date(2015, 8, 23))]


def test_relative_to_publication_has_a_published_anchor() -> None:
    mention = one("Gestern wurde gewählt.")
    assert mention.when == When("2015-08-19")
    assert mention.anchor == Anchor("published", When(THURSDAY))


def test_relative_to_an_earlier_date_has_a_mention_anchor() -> None:
    text = "Die Brücke wurde am 4. Mai 2015 gesperrt. Zwei Tage später kam der Bagger."
    first, later = find_dates(text, published=THURSDAY, language="de")
    assert later.text == "Zwei Tage später"
    assert later.when == When("2015-05-06")
    assert later.anchor == Anchor("mention", When("2015-05-04"), first.start, first.end)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Tags darauf", "2015-05-05"), ("Am Tag danach", "2015-05-05"),
        ("Am nächsten Tag", "2015-05-05"), ("Am selben Tag", "2015-05-04"),
        ("Am Vortag", "2015-05-03"), ("Eine Woche später", "2015-05-11"),
        ("Im Folgejahr", "2016"), ("Vier Monate danach", "2015-09~"),
        ("An diesem Tag", "2015-05-04"), ("Die Woche darauf", "2015-05-11/2015-05-17"),
        ("Einige Tage später", "2015-05-05~/2015-05-11~"), ("Ein Jahr später", "2016~"),
    ],
)
def test_phrases_relative_to_an_earlier_date(phrase: str, expected: str) -> None:
    text = f"Die Brücke wurde am 4. Mai 2015 gesperrt. {phrase} kam der Bagger."
    later = find_dates(text, published=THURSDAY, language="de")[1]
    assert phrase.endswith(later.text)  # less a leading preposition ("Am", "Im")
    assert (later.when.edtf if later.when else None) == expected
    assert later.anchor is not None and later.anchor.kind == "mention"


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Zwei Tage später", "2015-05-03~/2015-06-02~"),
        ("Eine Woche später", "2015-05-08~/2015-06-07~"),
        ("Im Folgemonat", "2015-06"), ("Im selben Monat", "2015-05"),
        ("Ein Jahr später", "2016-05"), ("Am Tag danach", None),
    ],
)
def test_phrases_relative_to_an_earlier_month(phrase: str, expected: str | None) -> None:
    # counted days and weeks move the month, approximate; "the day after" a month is no day
    text = f"Die Brücke wurde im Mai 2015 gesperrt. {phrase} kam der Bagger."
    later = find_dates(text, published=THURSDAY, language="de")[1]
    assert phrase.endswith(later.text)
    assert (later.when.edtf if later.when else None) == expected


def test_a_day_of_the_month_last_named() -> None:
    # "am 24." counts from a month as from a day of it; in a list it is the list's month
    assert found("Im Mai 2015 wurde gebaut, am 24. war Richtfest.") == [
        ("Mai 2015", "2015-05"), ("24.", "2015-05-24")]
    assert found("Im Mai 2015 wurde gebaut, am 16. und 17. Juni gefeiert.") == [
        ("Mai 2015", "2015-05"), ("16.", "2015-06-16"), ("17. Juni", "2015-06-17")]


def test_after_an_event_counts_from_the_last_date_or_is_not_placed() -> None:
    assert found("Der Dreh begann am 4. Mai 2015. Vier Monate nach Drehbeginn war Schluss.") \
        == [("4. Mai 2015", "2015-05-04"), ("Vier Monate nach Drehbeginn", "2015-09~")]
    assert found("Zwei Tage vor der Wahl sprach er.") == [("Zwei Tage vor der Wahl", None)]


def test_the_event_extractor_does_not_see_the_tagger_only_phrases() -> None:
    from mitimeline_news.dates import find_phrases

    sentence = "1996 kam zu Ostern der Film, zwei Tage später am 24. die Kritik."
    assert [p.text for p in find_phrases(sentence, "de")] == []
    assert [p.text for p in find_phrases(sentence, "de", every=True)] == ["1996"]
    # holidays and anchored dates ("am 24." too) are timex patterns, which only find_dates
    # reads
    tagged = [m.text for m in find_dates(sentence, published=THURSDAY, language="de")]
    assert {"Ostern", "zwei Tage später", "24."} <= set(tagged)


def test_a_story_of_the_past_places_its_yearless_dates_in_its_own_years() -> None:
    text = ("1975 gründete er die Firma. Im Jahr 1976 kam das erste Gerät. 1977 folgte der "
            "Umzug. Am 7. Dezember brannte das Lager.")
    mention = find_dates(text, published="2011-02-16", language="de")[-1]
    assert (mention.text, mention.when) == ("7. Dezember", When("1977-12-07"))
    assert mention.anchor is not None and mention.anchor.kind == "mention"


def test_a_story_moves_on_with_the_new_year_and_reads_old_years() -> None:
    text = ("1975 gründete er die Firma. 1976 baute er die Halle. Am 5. Dezember war sie "
            "fertig. Im neuen Jahr kam am 28. Mai das erste Gerät. Am 16. August 1780 "
            "war hier noch ein Acker.")
    assert found(text, "2011-02-16")[2:] == [
        ("5. Dezember", "1976-12-05"), ("neuen Jahr", "1977"), ("28. Mai", "1977-05-28"),
        ("16. August 1780", "1780-08-16")]


def test_a_story_reads_relative_years_against_its_own_and_only_moves_forward() -> None:
    text = ("1974 kam er an. 1975 gründete er die Firma. 1976 baute er die Halle. Im Vorjahr "
            "hatte er geplant. Im Mai war sie fertig, Ende des Jahres auch das Dach.")
    assert found(text, "2011-02-16")[3:] == [("Vorjahr", "1975"), ("Mai", "1976-05"),
                                             ("Ende des Jahres", "1976-11~/1976-12~")]


def test_a_year_in_passing_does_not_move_the_story() -> None:
    text = ("1978 kaufte er das Haus. Am 6. Juni 1979 zog er ein. Die seit 1975 "
            "geltenden Regeln störten ihn nicht. Am 26. Juni kam der Maler.")
    assert found(text, "2011-02-16")[-1] == ("26. Juni", "1979-06-26")


def test_a_heading_year_moves_the_story_and_two_digit_years_stay_in_their_century() -> None:
    text = ("Die Firma bestand von 1975 bis 1990. Im Jahr 1981 zog sie um.\n"
            "Chronik 1976\nAm 3. September kam der erste Kunde, am 1.9.76 öffnete der Laden.")
    assert found(text, "2011-02-16")[-2:] == [("3. September", "1976-09-03"),
                                              ("1.9.76", "1976-09-01")]


def test_news_about_old_years_still_places_yearless_dates_by_publication() -> None:
    text = "Das Haus wurde 1912 gebaut. Am 19. November wird es wieder eröffnet."
    assert found(text)[-1] == ("19. November", "2015-11-19")


def test_without_publication_date_only_own_years_are_placed() -> None:
    assert found("Am Montag, im Jahr 2012 und gestern.", published=None) == [
        ("Montag", None), ("Jahr 2012", "2012"), ("gestern", None)]


def test_error_paths() -> None:
    with pytest.raises(TypeError, match=r"^find_dates: expected text as str, got bytes$"):
        find_dates(b"am 3. Mai", language="de")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="language"):
        find_dates("am 3. Mai", language="fr")
    with pytest.raises(ValueError, match="published"):
        find_dates("am 3. Mai", published="kein Datum", language="de")
    assert find_dates("", published=THURSDAY, language="de") == []


def test_a_gate_skips_only_sentences_the_patterns_cannot_match() -> None:
    from mitimeline_news.dates.optional import _gate

    gate = _gate([r"(?<!\w)(?:im\s+|des\s+)?vorjahr(?:es)?(?!\w)", r"(?P<n>\d+)\s+uhr"])
    assert set(gate.hints) == {"vorjahr", "uhr"}  # the optional "im"/"des" are no hints
    assert gate.open("wie im vorjahres-zeitraum") and gate.open("um 20 uhr")
    assert not gate.open("im jahr 2020")
    assert _gate([r"\d+0er"]).open("anything")  # no letters: never skipped


def test_a_first_name_that_shortens_a_month_is_no_date() -> None:
    from mitimeline_news.dates.names import _shortens

    # "jänner" and "januar" are equally long: "jan" shortens both, whatever the hash seed
    assert _shortens("jan", {"jan", "januar", "jänner"})
    assert not _shortens("jänner", {"jan", "januar", "jänner"})
    assert found("Der Sprecher Jan Meier sagte nichts.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Fest findet vom 5. bis 20. Mai 2016 statt.",
         [("5.", "start", "2016-05-05/2016-05-20"),
          ("20. Mai 2016", "end", "2016-05-05/2016-05-20")]),
        ("Die Firma bestand von 1975 bis 1990.",
         [("1975", "start", "1975/1990"), ("1990", "end", "1975/1990")]),
        ("Seit Januar ist die Straße gesperrt, bis Ende Februar 2016 bleibt sie zu.",
         [("Januar", "start", "2015-01/.."), ("Ende Februar 2016", "end", "../2016-02-29~")]),
        ("Die Halle ist ab dem 3. März geschlossen.", [("3. März", "start", "2015-03-03/..")]),
        ("Die Halle ist am 3. März geschlossen.", [("3. März", None, None)]),
    ],
)
def test_ranges_bound_their_span(text: str,
                                  expected: list[tuple[str, str | None, str | None]]) -> None:
    """The one range convention: a closed range is its start and its end, both spanning
    it; an open one is one mention with its open span."""
    assert [(m.text, m.bound, m.span.edtf if m.span else None)
            for m in find_dates(text, published=THURSDAY, language="de")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Sanierung beginnt in der 38. Kalenderwoche 2016.",
         [("38. Kalenderwoche 2016", "2016-09-19/2016-09-25")]),
        ("Geliefert wird in KW 36.", [("KW 36", "2015-08-31/2015-09-06")]),
        ("Die Messe lief in der KW 12/2014.", [("KW 12/2014", "2014-03-17/2014-03-23")]),
        # two weeks that share the noun
        ("Die Premiere rückt von der 40. in die 42. Kalenderwoche 2016.",
         [("40.", "2016-10-03/2016-10-09"), ("42. Kalenderwoche 2016", "2016-10-17/2016-10-23")]),
        ("Gesperrt ist die Brücke in der 37. und 39. Kalenderwoche.",
         [("37.", "2015-09-07/2015-09-13"), ("39. Kalenderwoche", "2015-09-21/2015-09-27")]),
        # week 53 only where the year has one
        ("Die 53. Kalenderwoche 2015 endet am 3. Januar.",
         [("53. Kalenderwoche 2015", "2015-12-28/2016-01-03"), ("3. Januar", "2016-01-03")]),
    ],
)
def test_iso_calendar_weeks(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected
