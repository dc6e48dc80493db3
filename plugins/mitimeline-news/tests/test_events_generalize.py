"""Event rules that must hold on reports the team did not write: the many ways each
language says a release, wrap or restart, statement dates, other productions' dates."""

from __future__ import annotations

import mitimeline
import pytest


def events(text: str, language: str, published: str = "2021-03-10") -> list[tuple[str, str]]:
    timeline = mitimeline.loads(text, "news", language=language, published=published)
    return [(e.kind, e.when.edtf) for e in timeline]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # releases, in cinemas, on television and on platforms
        ("en", "The thriller hits theaters on 4 June.", [("release", "2021-06-04")]),
        ("en", "The comedy will reach cinemas on 9 July.", [("release", "2021-07-09")]),
        ("en", "The drama airs on Channel 4 on 2 May.", [("release", "2021-05-02")]),
        ("en", "The series lands on Netflix on 12 April.", [("release", "2021-04-12")]),
        ("en", "The remake bows in September.", [("release", "2021-09")]),
        ("en", "The second season is expected to air sometime in 2022.", [("release", "2022")]),
        ("de", "Der Krimi soll am 8. April in den Kinos starten.", [("release", "2021-04-08")]),
        ("de", "Die Komödie läuft am 22. Juli bundesweit an.", [("release", "2021-07-22")]),
        ("de", "Das Drama kommt am 3. Juni ins Kino.", [("release", "2021-06-03")]),
        ("de", "Die Serie ist ab dem 5. Mai in der ARD zu sehen.", [("release", "2021-05-05")]),
        ("de", "Zu sehen sein wird die Staffel im Herbst 2022 bei Sky.", [("release", "2022-23")]),
        ("it", "La commedia arriverà nelle sale il 6 maggio.", [("release", "2021-05-06")]),
        ("it", "Il documentario andrà in onda su Rai 3 il 2 giugno.", [("release", "2021-06-02")]),
        ("it", "La serie sarà disponibile su Netflix dal 14 maggio.", [("release", "2021-05-14")]),
        # a release stated in the present tense is upcoming
        ("de", "Am 2. Februar startet das Drama in den Kinos.", [("release", "2022-02-02")]),
        ("en", "The film opens on 2 February.", [("release", "2022-02-02")]),
        # wraps and restarts said in other ways
        ("en", "Filming, which finished in January, took place in Malta.", [("wrap", "2021-01")]),
        ("de", "Abgeschlossen sein sollen die Dreharbeiten im Juni.", [("wrap", "2021-06")]),
        ("it", "La lavorazione si chiuderà a fine giugno.", [("wrap", "2021-06-21~/2021-06-30~")]),
        ("en", "The crew returned to production in February.", [("shoot", "2021-02")]),
        ("it", "Il primo ciak è fissato per il 20 aprile.", [("shoot", "2021-04-20")]),
        ("de", "Am Montag wurde bekannt, dass der Film später startet.",
         [("announcement", "2021-03-08")]),
    ],
)
def test_kinds_in_other_words(language: str, text: str,
                              expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The distributor said on Monday that the cast were back at work."),
        ("en", "Jane Doe, a spokeswoman for the studio, told reporters on Tuesday that filming "
               "would resume."),
        ("de", "Das erklärte die Produktionsfirma am Montag in Köln."),
        ("it", "Lo ha dichiarato lunedì il produttore, annunciando che il set riparte."),
    ],
)
def test_the_date_of_a_statement_is_no_event(language: str, text: str) -> None:
    assert events(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", 'The shoot of "Blue Harbour" began in January. "Red Canyon", another thriller, '
               "opens on 4 June.", [("shoot", "2021-01")]),
        ("de", "„Nebelmond“ wird seit Januar gedreht. Nächste Woche hätte zudem „Der Stille "
               "Hafen“ in die Kinos kommen sollen.", [("shoot", "2021-01/..")]),
        ("it", "«Mare d'inverno» si gira da gennaio. La commedia «Sole a picco» uscirà il "
               "4 giugno.", [("shoot", "2021-01/..")]),
        # the series' name beside "instalment" is the production's family, not another film
        ("en", '"Dark Tide: Rising" resumed shooting in January. The third "Dark Tide" '
               "instalment will now reach cinemas on 4 June.",
         [("shoot", "2021-01"), ("release", "2021-06-04")]),
    ],
)
def test_another_quoted_production_is_left_out(language: str, text: str,
                                               expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected
