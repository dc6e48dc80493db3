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
               "Hafen“ in die Kinos kommen sollen.", [("shoot", "2021-01")]),
        ("it", "«Mare d'inverno» si gira da gennaio. La commedia «Sole a picco» uscirà il "
               "4 giugno.", [("shoot", "2021-01")]),
        # the series' name beside "instalment" is the production's family, not another film
        ("en", '"Dark Tide: Rising" resumed shooting in January. The third "Dark Tide" '
               "instalment will now reach cinemas on 4 June.",
         [("shoot", "2021-01"), ("release", "2021-06-04")]),
    ],
)
def test_another_quoted_production_is_left_out(language: str, text: str,
                                               expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


def _claims(text: str, language: str) -> list[tuple[str, str, list[str]]]:
    timeline = mitimeline.loads(text, "news", language=language, published="2021-03-10")
    return [(e.kind, e.when.edtf, [c.when.edtf for c in e.claims if c.when is not None])
            for e in timeline]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The studio postponed the thriller from 19 November 2021 to 27 May 2022.",
         [("release", "2022-05-27", ["2021-11-19", "2022-05-27"])]),
        ("en", "The comedy has been brought forward from 9 July to 4 June.",
         [("release", "2021-06-04", ["2021-07-09", "2021-06-04"])]),
        ("de", "Der Kinostart wurde vom 8. April auf den 2. September verschoben.",
         [("release", "2021-09-02", ["2021-04-08", "2021-09-02"])]),
        ("de", "Die Dreharbeiten werden vom 3. Mai auf den 7. Juni verschoben.",
         [("shoot", "2021-06-07", ["2021-05-03", "2021-06-07"])]),
        ("it", "Il film, atteso nelle sale il 4 aprile, è stato rinviato al 9 ottobre.",
         [("release", "2021-10-09", ["2021-04-04", "2021-10-09"])]),
    ],
)
def test_a_moved_date_is_one_event_with_two_claims(
        language: str, text: str, expected: list[tuple[str, str, list[str]]]) -> None:
    assert _claims(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Filming should be finished by 15 October.", [("wrap", "../2021-10-15")]),
        ("it", "L'ultimo ciak è previsto entro il 15 ottobre.", [("wrap", "../2021-10-15")]),
        ("en", "The first trailer was released on Monday.", [("announcement", "2021-03-08")]),
        ("de", "Der erste Trailer wurde am Montag veröffentlicht.",
         [("announcement", "2021-03-08")]),
        ("it", "Il teaser è uscito lunedì.", [("announcement", "2021-03-08")]),
        ("en", "In 2023 the studio announced a sequel.", []),
        ("it", "Per il 2023 è già stato annunciato un sequel.", []),
        ("de", "Für 2023 wurde bereits eine Fortsetzung angekündigt.", []),
    ],
)
def test_deadlines_promos_and_sequels(language: str, text: str,
                                      expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # consecutive listed days are one span; the list shares the tense of its head
        ("en", "Crews will film on the pier on Monday, Tuesday and Wednesday.",
         [("shoot", "2021-03-15/2021-03-17")]),
        ("it", "La troupe girerà al porto domani, 11 marzo, e venerdì 12 marzo.",
         [("shoot", "2021-03-11/2021-03-12")]),
        ("de", "Gedreht wird am Montag und am Dienstag auf dem Marktplatz.",
         [("shoot", "2021-03-15/2021-03-16")]),
        # days that do not follow one another stay apart
        ("en", "Crews will film on the pier on Monday and Thursday.",
         [("shoot", "2021-03-15"), ("shoot", "2021-03-18")]),
        # a street shut for the crew is a shooting day
        ("en", "Harbour Street will be closed on Friday so that a night scene can be filmed.",
         [("shoot", "2021-03-12")]),
        ("de", "Die Hafenstraße wird am 20. März für den Dreh gesperrt.",
         [("shoot", "2021-03-20")]),
        ("it", "In via Roma sarà in vigore il divieto di sosta il 20 marzo.",
         [("shoot", "2021-03-20")]),
        # Italian spans given with hours
        ("it", "Le riprese occuperanno la piazza dalle 8 del 22 marzo alle 20 del 24 marzo.",
         [("shoot", "2021-03-22/2021-03-24")]),
    ],
)
def test_lists_runs_and_closures(language: str, text: str,
                                 expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The crew wants to film in the valley between 3 May and 28 June.",
         [("shoot", "2021-05-03/2021-06-28")]),
        ("de", "Gedreht werden soll zwischen dem 3. Mai und dem 28. Juni.",
         [("shoot", "2021-05-03/2021-06-28")]),
        ("it", "Le riprese si terranno tra il 3 maggio e il 28 giugno.",
         [("shoot", "2021-05-03/2021-06-28")]),
        # a statement's date after its date: "sabato il quotidiano ha dato notizia"
        ("it", "Sabato il quotidiano ha dato notizia della sospensione del set.", []),
        # an attribution after a comma does not date the statement
        ("en", "Filming wrapped in Oslo on Sunday, the producer said.", [("wrap", "2021-03-07")]),
    ],
)
def test_between_and_attributions(language: str, text: str,
                                  expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


def _placed(text: str, language: str) -> list[tuple[str, str, str | None]]:
    timeline = mitimeline.loads(text, "news", language=language, published="2021-03-10")
    return [(e.kind, e.when.edtf, e.place.name if e.place else None) for e in timeline]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # an undated list of places: one open-start event per place, ending at the report
        ("en", "The crew had already shot in Madrid, Lisbon and at Pinewood Studios.",
         [("shoot", "../2021-03-10", "Madrid"), ("shoot", "../2021-03-10", "Lisbon"),
          ("shoot", "../2021-03-10", "Pinewood Studios")]),
        ("it", "La troupe ha già girato a Torino, a Genova e a Milano.",
         [("shoot", "../2021-03-10", "Turin"), ("shoot", "../2021-03-10", "Genoa"),
          ("shoot", "../2021-03-10", "Milan")]),
        ("de", "Das Team hat bereits in Hamburg, Leipzig und Dresden gedreht.",
         [("shoot", "../2021-03-10", "Hamburg"), ("shoot", "../2021-03-10", "Leipzig"),
          ("shoot", "../2021-03-10", "Dresden")]),
        # a dated list: each place with the shared date
        ("en", "In January the crew filmed in Madrid and Lisbon.",
         [("shoot", "2021-01", "Madrid"), ("shoot", "2021-01", "Lisbon")]),
        # filming under way, no date: open start ending at the report
        ("de", "Für die zweite Staffel wird inzwischen gedreht.",
         [("shoot", "../2021-03-10", None)]),
        ("en", "The series has begun production on its third season.",
         [("shoot", "../2021-03-10", None)]),
        # no list: a place and its region, a place of origin, a plan
        ("it", "Hanno girato a Levisham, in Yorkshire, con grande cura.", []),
        ("en", "The crew will shoot in Madrid and Lisbon.", []),
    ],
)
def test_undated_filming_and_place_lists(language: str, text: str,
                                         expected: list[tuple[str, str, str | None]]) -> None:
    assert _placed(text, language) == expected


def _titled(text: str, language: str) -> list[tuple[str, str]]:
    timeline = mitimeline.loads(text, "news", language=language, published="2021-03-10")
    return [(e.kind, e.title) for e in timeline]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "On Monday the crew filmed a quad bike leap off a dune in Morocco.",
         [("shoot", "Quad bike leap off a dune in Morocco")]),
        ("en", "Last week a spectacular boat stunt on the harbour was shot.",
         [("stunt", "Spectacular boat stunt on the harbour")]),
        ("de", "Am Montag drehte das Team eine Verfolgungsjagd über den Marktplatz.",
         [("shoot", "Verfolgungsjagd über den Marktplatz")]),
        ("de", "Am Montag wurde ein gewagter Stunt auf dem Dach gedreht.",
         [("stunt", "Gewagter Stunt auf dem Dach")]),
        ("it", "Lunedì la troupe ha girato un inseguimento in motoscafo lungo il Canal Grande.",
         [("shoot", "Inseguimento in motoscafo lungo il Canal Grande")]),
        # nothing usable: the kind and the place
        ("en", "Filming wrapped in Oslo on Friday.", [("wrap", "Filming wraps in Oslo")]),
        ("de", "Die Marktstraße wird am 20. März für den Dreh gesperrt.", [("shoot", "Filming")]),
    ],
)
def test_titles_say_what_happened(language: str, text: str,
                                  expected: list[tuple[str, str]]) -> None:
    assert _titled(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the plot's dates are no production dates
        ("en", "Shot in Malta, the thriller takes place in 2045 on a flooded Earth.", []),
        ("it", "La commedia, girata a Bari, si svolge nel 2040 su una nave.", []),
        ("de", "Der Film spielt im Jahr 1920 und wurde in Görlitz gedreht.", []),
        # another instalment named by its ordinal
        ("it", 'Si gira "Notte Rossa 3" a Genova. Nel 2019 è uscito nelle sale il secondo '
               "capitolo.", []),
        ("en", '"Night Rider 4" is shooting in Prague. The third film was released in 2019.',
         [("shoot", "../2021-03-10")]),
        # a permit dates the permission, not the shoot
        ("en", "On Monday the council gave the studio permission to close Dock Road.",
         [("other", "2021-03-08")]),
        ("de", "Am Montag hat die Stadt die Sperrung der Hafenstraße genehmigt.",
         [("other", "2021-03-08")]),
        ("it", "Lunedì il Comune ha firmato un'ordinanza per il divieto di sosta in via Roma.",
         [("other", "2021-03-08")]),
        # an announcement is dated where it is said
        ("en", "Fans had hoped to see it in April, but on Monday the studio announced a new "
               "plan.", [("announcement", "2021-03-08")]),
        # the end of a television run is not a release date
        ("en", "The series will air weekly until the end of May.", []),
    ],
)
def test_plots_ordinals_permits(language: str, text: str,
                                expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # filming said to start now, with no date: about the report's day
        ("it", 'Partono le riprese di "Sale e Pepe", la nuova commedia di Rai Cinema.',
         [("shoot", "2021-03-10~")]),
        ("de", "Heute beginnen die Dreharbeiten zur neuen Serie.", [("shoot", "2021-03-10")]),
        ("en", "Filming begins on the new thriller in Glasgow.", [("shoot", "2021-03-10~")]),
        # a pause begun on a past day, no restart told: it lasts
        ("it", "Le riprese si sono fermate giovedì per un caso di Covid.",
         [("hiatus", "2021-03-04/..")]),
        ("en", "Filming was halted on Monday after a positive test.",
         [("hiatus", "2021-03-08/..")]),
        # ... unless the report tells of the restart
        ("en", "Filming was halted on Monday after a positive test. It has since resumed.",
         [("hiatus", "2021-03-08")]),
    ],
)
def test_starting_now_and_lasting_pauses(language: str, text: str,
                                         expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


def test_an_aside_between_dashes_does_not_cut_the_clause() -> None:
    text = "Im Juni sollen die Dreharbeiten – unter anderem in Kiel – zu Ende gehen."
    assert events(text, "de") == [("wrap", "2021-06")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Im April zieht das Team nach Wien weiter, wo bis Ende Mai gedreht wird.",
         [("move", "2021-04"), ("shoot", "2021-04/2021-05-31~")]),
        ("en", "In April the crew moves on to Vienna, where filming runs until the end of May.",
         [("move", "2021-04"), ("shoot", "2021-04/2021-05-31~")]),
    ],
)
def test_a_move_then_filming_until(language: str, text: str,
                                   expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sequel will hit theaters on 16 December, the studio confirmed.",
         [("release", "2021-12-16")]),
        ("Production on the drama kicked off in Leeds on Monday and will run through May.",
         [("shoot", "2021-03-08/2021-05")]),
        ("Cameras rolled on the new series in Cork on Monday.", [("shoot", "2021-03-08")]),
        ("Last summer the crew shot scenes at Pinewood Studios and in Malta.",
         [("shoot", "2020-22"), ("shoot", "2020-22")]),
        ("The studio said in a statement on Monday that the premiere is set for 30 June.",
         [("release", "2021-06-30")]),
    ],
)
def test_english_phrasings(text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text, "en") == expected


def test_a_month_is_no_place() -> None:
    timeline = mitimeline.loads("Filming resumed in March.", "news", language="en",
                                published="2021-06-10")
    assert [e.place for e in timeline] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Komödie soll am 12. Oktober in die deutschen Kinos kommen.",
         [("release", "2021-10-12")]),
        # a span's end is read after its start
        ("Die Dreharbeiten begannen Anfang Mai in Ulm und dauern bis Ende Februar.",
         [("shoot", "2020-05-01~/2021-02-28~")]),
        # a moved date: the new one after the given-up one, both read near the report
        ("Der Kinostart wurde vom 3. Februar auf den 9. März verschoben.",
         [("release", "2021-03-09")]),
        ("Seit Montag stehen die Schauspieler in Kiel vor der Kamera.",
         [("shoot", "2021-03-08")]),
        ("Die Serie läuft ab dem 5. April im ZDF.", [("release", "2021-04-05")]),
        ("Der Regisseur, der am Sonntag 60 Jahre alt wurde, bestätigte den Drehstart.", []),
    ],
)
def test_german_phrasings(text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text, "de") == expected


def test_a_broadcaster_is_no_place() -> None:
    timeline = mitimeline.loads("Die Serie läuft ab dem 5. April im ZDF.", "news",
                                language="de", published="2021-03-10")
    assert [e.place for e in timeline] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il film arriverà nelle sale italiane il 14 novembre.", [("release", "2021-11-14")]),
        ("Le riprese sono iniziate lunedì a Torino e proseguiranno fino a metà luglio.",
         [("shoot", "2021-03-08/2021-07-15~")]),
        ("La serie andrà in onda su Rai 1 dal 4 aprile.", [("release", "2021-04-04")]),
        ("L'uscita è stata posticipata dal 3 marzo al 28 aprile.",
         [("release", "2021-04-28")]),
        ("Il regista, che ha compiuto 50 anni sabato, ha presentato il film.", []),
    ],
)
def test_italian_phrasings(text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text, "it") == expected


def test_a_moved_plan_validates_as_rescheduled() -> None:
    timeline = mitimeline.loads("The studio postponed the thriller from 19 November 2021 to "
                                "27 May 2022.", "news", language="en", published="2021-03-10",
                                publisher="Daily")
    (event,) = timeline
    earlier, latest = event.claims
    assert (earlier.sources, latest.sources) == (("daily-2021-03-10-earlier-plan",),
                                                 ("daily-2021-03-10",))
    assert {s.id for s in timeline.sources} == {"daily-2021-03-10",
                                                "daily-2021-03-10-earlier-plan"}
    assert [(f.severity, f.code) for f in timeline.validate()] == [("info", "rescheduled")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a platform or a broadcaster named in passing is no release cue
        ("en", "The star landed on Tuesday in Oslo to prepare for filming.",
         [("shoot", "2021-03-09")]),
        ("de", "Die Serie, die bei Netflix läuft, wird seit Mai gedreht.",
         [("shoot", "2020-05")]),
    ],
)
def test_platforms_in_passing(language: str, text: str,
                              expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a start and a stated length: the start and the span from it
        ("en", "Principal photography will begin on 4 April in Belfast and run for eight weeks.",
         [("shoot", "2021-04-04"), ("shoot", "2021-04-04/2021-05-29~")]),
        ("it", "Le riprese inizieranno il 4 aprile a Bari e dureranno per sei settimane.",
         [("shoot", "2021-04-04"), ("shoot", "2021-04-04/2021-05-15~")]),
        ("de", "Die Dreharbeiten beginnen am 4. April in Kiel, 30 Tage sind angesetzt.",
         [("shoot", "2021-04-04")]),
        ("de", "Die Dreharbeiten beginnen am 4. April in Kiel und sind 30 Tage lang.",
         [("shoot", "2021-04-04"), ("shoot", "2021-04-04/2021-05-03~")]),
        ("en", "Crews will be on location in the village on Tuesday.", [("shoot", "2021-03-16")]),
    ],
)
def test_durations(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # each date takes the cue nearest it when a clause has two of each
        ("en", "Earlier this year the studio confirmed the film would be released in 2023.",
         [("announcement", "2021"), ("release", "2023")]),
        ("it", "A gennaio Rai Fiction ha annunciato che la serie uscirà nel 2023.",
         [("announcement", "2021-01"), ("release", "2023")]),
    ],
)
def test_each_date_its_nearest_cue(language: str, text: str,
                                   expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Nach einer Drehpause im Sommer 2021 gehen die Dreharbeiten im September 2021 "
               "weiter.", [("hiatus", "2021-22"), ("shoot", "2021-09")]),
        ("it", "Il set resterà in città fino al 30 giugno.", [("shoot", "../2021-06-30")]),
        ("it", "La prima mondiale è prevista al Festival di Roma il 20 ottobre.",
         [("release", "2021-10-20")]),
        ("it", "Il casting per le comparse si terrà il 5 maggio in municipio.",
         [("other", "2021-05-05")]),
        # weekdays whose week is said after them: that week's days (published Wednesday)
        ("en", "The square will be closed for filming on Tuesday and Friday next week.",
         [("shoot", "2021-03-16"), ("shoot", "2021-03-19")]),
        ("en", "Filming took place on Monday last week.", [("shoot", "2021-03-01")]),
        ("de", "Gedreht wird am Montag kommender Woche am Hafen.", [("shoot", "2021-03-15")]),
        ("de", "Die Dreharbeiten begannen am Dienstag vergangener Woche.",
         [("shoot", "2021-03-02")]),
        ("it", "Le riprese inizieranno lunedì della prossima settimana.",
         [("shoot", "2021-03-15")]),
        ("it", "Si girerà martedì e venerdì della settimana prossima in piazza.",
         [("shoot", "2021-03-16"), ("shoot", "2021-03-19")]),
        # a bound at the middle of a month is about its 15th; thirds after a preposition
        ("en", "Filming should wrap by mid-October.", [("wrap", "../2021-10-15~")]),
        ("en", "The shoot runs until mid-May.", [("wrap", "2021-05-15~")]),
        ("de", "Gedreht wird noch bis Mitte Mai.", [("wrap", "2021-05-15~")]),
        ("it", "Le riprese si concluderanno entro la metà di ottobre.",
         [("wrap", "../2021-10-15~")]),
        ("it", "Il set resterà in città fino alla metà di maggio.",
         [("shoot", "../2021-05-15~")]),
        ("it", "Verso gli inizi di dicembre la troupe si sposterà a Napoli.",
         [("move", "2021-12-01~/2021-12-10~")]),
        # what is left of the year: from the report day to its end
        ("de", "Der Verleih will den Film noch in diesem Jahr bundesweit starten.",
         [("release", "2021-03-10~/2021-12-31~")]),
        ("de", "Die Serie soll noch dieses Jahr bei Sky erscheinen.",
         [("release", "2021-03-10~/2021-12-31~")]),
        ("it", "Il film uscirà nelle sale entro quest'anno.",
         [("release", "2021-03-10~/2021-12-31~")]),
        # an ISO calendar week: Monday to Sunday
        ("de", "Gedreht wird in der 14. Kalenderwoche in der Altstadt.",
         [("shoot", "2021-04-05/2021-04-11")]),
    ],
)
def test_more_phrasings(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("de", "Der Film erscheint im Vereinigten Königreich am 12. November; für die USA ist "
               "der 12. November als Starttermin vorgesehen.",
         [("GB", "2021-11-12"), ("US", "2021-11-12")]),
        ("it", "Il film uscirà in Italia il 5 maggio e negli Stati Uniti il 7 maggio.",
         [("IT", "2021-05-05"), ("US", "2021-05-07")]),
        ("en", "The film opens in Germany on 5 May.", [("DE", "2021-05-05")]),
    ],
)
def test_release_per_region(language: str, text: str,
                            expected: list[tuple[str, str]]) -> None:
    timeline = mitimeline.loads(text, "news", language=language, published="2021-03-10")
    assert [(e.region, e.when.edtf) for e in timeline if e.kind == "release"] == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The film, originally scheduled for 5 January, was postponed."),
        ("it", "Il film, inizialmente previsto per il 5 gennaio, è stato rinviato."),
        ("de", "Der Film, der ursprünglich am 5. Januar starten sollte, wurde verschoben."),
    ],
)
def test_a_given_up_date_is_a_release_not_a_pause(language: str, text: str) -> None:
    assert [kind for kind, _ in events(text, language)] == ["release"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # spans given with hours; a lone "to 10pm on Monday" is just that day
        ("en", "Parking restrictions will apply on Mill Lane from 6am on 14 April to 10pm on "
               "16 April.", [("shoot", "2021-04-14/2021-04-16")]),
        ("en", "Mill Lane will be closed from 7am to 10pm on Monday.", [("shoot", "2021-03-15")]),
        ("it", "In via Roma vige il divieto di sosta dalle 10 alle 17 del 12 aprile.",
         [("shoot", "2021-04-12")]),
        ("en", "The film crew is expected in town from Monday until Friday.",
         [("shoot", "2021-03-15/2021-03-19")]),
        # a given-up plan keeps the kind the sentence names
        ("en", "The shoot, which had been planned for May, was delayed by the pandemic.",
         [("shoot", "2021-05")]),
    ],
)
def test_hours_crews_and_given_up_shoots(language: str, text: str,
                                         expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


def _places(text: str, language: str) -> list[tuple[str, str | None]]:
    timeline = mitimeline.loads(text, "news", language=language, published="2021-03-10")
    return [(e.kind, e.place.name if e.place else None) for e in timeline]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a street named after a city is no place
        ("it", "Il 12 aprile è vietata la sosta in via Roma per le riprese.", [("shoot", None)]),
        # a release takes its region from its own sentence only
        ("de", "Im Februar wurde in Köln gedreht. Ins Kino kommen soll der Film im Mai.",
         [("shoot", "Köln"), ("release", None)]),
    ],
)
def test_places_of_streets_and_releases(language: str, text: str,
                                        expected: list[tuple[str, str | None]]) -> None:
    assert _places(text, language) == expected


def test_a_closure_with_a_verb_is_no_title() -> None:
    assert _titled("Harbour Bridge was shut to traffic on Sunday for filming.", "en") == [
        ("shoot", "Filming")]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a start said in the present is ahead
        ("de", "Nach Angaben des Studios beginnt die zweite Drehphase im Januar in Prag.",
         [("shoot", "2022-01")]),
        ("it", "Le riprese iniziano a gennaio a Torino.", [("shoot", "2022-01")]),
        ("en", "Filming begins in January in Glasgow.", [("shoot", "2022-01")]),
        # television and festival premieres in German
        ("de", "Der Sender zeigt den Zweiteiler am 3. und 4. Oktober.",
         [("release", "2021-10-03/2021-10-04")]),
        ("de", "Die Kinopremiere ist für den 3. Oktober geplant.", [("release", "2021-10-03")]),
        ("de", "Am Set in Potsdam wird noch bis Mitte Dezember gearbeitet.",
         [("shoot", "../2021-12-15~")]),
    ],
)
def test_present_starts_and_german_premieres(language: str, text: str,
                                             expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


def test_a_move_with_no_earlier_date_has_no_claims() -> None:
    timeline = mitimeline.loads("Die Dreharbeiten wurden auf Ende August verschoben.", "news",
                                language="de", published="2021-03-10")
    assert [(e.kind, e.when.edtf, e.claims) for e in timeline] == [
        ("shoot", "2021-08-21~/2021-08-31~", ())]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("it", "La troupe sarà al lavoro a Trieste per tre settimane a partire dal 20 aprile.",
         [("shoot", "2021-04-20/2021-05-10~")]),
        # a date with no cue in its clause takes the sentence's cue nearest it
        ("it", "Le riprese, partite il 3 febbraio, si sono concluse venerdì in Sardegna.",
         [("shoot", "2021-02-03"), ("wrap", "2021-03-05")]),
        # a crew alone says filming; any other cue says more
        ("en", "A film crew will be in Market Square on Friday.", [("shoot", "2021-03-12")]),
        ("en", "A film crew will rehearse in Market Square on Friday.",
         [("other", "2021-03-12")]),
    ],
)
def test_crews_and_nearest_cues(language: str, text: str,
                                expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 6 September the crew filmed a\u2028b\u2029c in Norway.",
        "On 6 September the crew filmed a 3$ %% thing in Norway.",
    ],
)
def test_titles_only_from_plain_words(text: str) -> None:
    assert _titled(text, "en") == [("shoot", "Filming in Norway")]


def test_a_date_after_on_is_no_instalment_number() -> None:
    text = ("Mission: Impossible 7 update\n\nOn 6 September 2020 the crew filmed in Norway. "
            "Filming moved to Rome on 8 October 2020.")
    timeline = mitimeline.loads(text, "news", language="en", published="2020-10-05")
    assert [e.when.edtf for e in timeline] == ["2020-09-06", "2020-10-08"]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The director confirms it: filming has resumed.\n\nA post shared by Jane Roe "
               "(@janeroe) on Mar 6, 2021 at 9:14 am PST", [("shoot", "2021-03-06")]),
        ("it", "Il regista lo conferma: le riprese sono ripartite.\n\nUn post condiviso da "
               "Mario Rossi (@mrossi) in data 6 marzo 2021", [("shoot", "2021-03-06")]),
    ],
)
def test_an_embedded_post_dates_the_text_before_it(language: str, text: str,
                                                   expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Production shut down on 14 March 2020 and resumed in September.",
         [("hiatus", "2020-03-14"), ("shoot", "2020-09")]),
        ("it", "Le riprese si sono fermate il 9 marzo 2020 e sono ripartite a luglio.",
         [("hiatus", "2020-03-09"), ("shoot", "2020-07")]),
        ("en", "The premiere, originally set for 12 March, has been moved to 7 May.",
         [("release", "2021-05-07")]),
    ],
)
def test_a_yearless_date_after_a_dated_one(language: str, text: str,
                                           expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("it", "Secondo il sindaco, le riprese si svolgeranno dal 3 al 28 maggio tra Genova, "
               "La Spezia e Savona.",
         [("shoot", "2021-05-03/2021-05-28")] * 3),
        ("it", "La serie sarà trasmessa su Canale 5 a partire da martedì 4 maggio.",
         [("release", "2021-05-04")]),
        ("it", "Il debutto in sala, inizialmente previsto per il 12 marzo, è stato spostato al "
               "7 maggio.", [("release", "2021-05-07")]),
        ("de", "Der Kinostart, ursprünglich für den 12. März geplant, wurde auf den 7. Mai "
               "verlegt.", [("release", "2021-05-07")]),
    ],
)
def test_more_italian_and_german_moves(language: str, text: str,
                                       expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a date counted from an earlier one of the text
        ("en", "Filming began on 3 May in Leeds. Two days later the crew moved the shoot to York.",
         [("shoot", "2020-05-03"), ("shoot", "2020-05-05")]),
        ("de", "Die Dreharbeiten begannen am 3. Mai in Köln. Zwei Tage später wurde in Bonn "
               "gedreht.", [("shoot", "2020-05-03"), ("shoot", "2020-05-05")]),
        ("it", "Le riprese sono iniziate il 3 maggio a Torino. Il giorno dopo si è girato a "
               "Genova.", [("shoot", "2020-05-03"), ("shoot", "2020-05-04")]),
        # a release planned for a holiday: the holiday's month, about
        ("en", "The comedy will hit cinemas at Easter.", [("release", "2021-04~")]),
        ("de", "Die Komödie kommt an Ostern 2022 in die Kinos.", [("release", "2022-04~")]),
        ("it", "La commedia uscirà nelle sale a Pasqua 2022.", [("release", "2022-04~")]),
        # halves and quarters of a year
        ("de", "Die Serie soll im zweiten Halbjahr 2022 bei Sky starten.",
         [("release", "2022-07/2022-12")]),
        ("en", "The series will premiere in the second half of 2022.",
         [("release", "2022-07/2022-12")]),
        ("it", "La serie arriverà su Netflix nella seconda metà del 2022.",
         [("release", "2022-07/2022-12")]),
        ("en", "The series will premiere in the first quarter of 2022.",
         [("release", "2022-01/2022-03")]),
        # "a year later than planned" shifts a date, it is none
        ("en", "The sequel will now open on 10 June 2022, a year later than planned.",
         [("release", "2022-06-10")]),
        ("de", "Der Film startet am 10. Juni 2022 in den Kinos, zwei Wochen später als geplant.",
         [("release", "2022-06-10")]),
        # a named weekday picks the year of a yearless date, whatever the tense says
        ("en", "The street was closed on Wednesday, 13 April, while the scene was shot.",
         [("shoot", "2022-04-13")]),
        ("de", "Gedreht wurde am Mittwoch, 13. April, in der Altstadt.", [("shoot", "2022-04-13")]),
        ("it", "Le riprese si sono svolte mercoledì 13 aprile in centro.",
         [("shoot", "2022-04-13")]),
        # a holiday after an indefinite article is an occasion, not a date
        ("en", "Filming of A Christmas Wish was halted.", []),
        ("de", "Ein Weihnachten im Schnee: Dreh unterbrochen.", []),
        ("it", "Un Natale in montagna: riprese interrotte.", []),
    ])
def test_dates_of_the_tagger(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected



@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a headline repeats what the text below says more fully
        ("de", "Neuer Dreh dauert noch bis Mai\n\nAbgeschlossen sein sollen die Dreharbeiten "
               "Anfang Mai.", [("wrap", "2021-05-01~/2021-05-10~")]),
        ("en", "Filming wraps in May\n\nThe shoot is due to wrap in early May.",
         [("wrap", "2021-05-01~/2021-05-10~")]),
        ("it", "Riprese finite a maggio\n\nLe riprese si concluderanno all'inizio di maggio.",
         [("wrap", "2021-05-01~/2021-05-10~")]),
        # ... but a headline's event the text does not date stays
        ("en", "Filming wraps in May\n\nThe cast gathered in Rome.", [("wrap", "2021-05")]),
        # a release dated by its year, then by its day: one release
        ("it", "Nel 2022 arriva il terzo capitolo. Uscirà nelle sale il primo settembre 2022.",
         [("release", "2022-09-01")]),
        ("en", "The sequel comes out in 2022. It opens in cinemas on 1 September 2022.",
         [("release", "2022-09-01")]),
        ("de", "Der Film startet 2022. Kinostart ist am 1. September 2022.",
         [("release", "2022-09-01")]),
        # a date the report says was given up narrows nothing
        ("de", "Der Film läuft nicht wie geplant am 12. November an. Er soll noch in diesem "
               "Jahr in die Kinos kommen.",
         [("release", "2021-11-12"), ("release", "2021-03-10~/2021-12-31~")]),
        # shooting days are events of their own, inside a week of filming or not
        ("en", "Filming begins next week. The street is closed on 16 March for filming.",
         [("shoot", "2021-03-15~/2021-03-21~"), ("shoot", "2021-03-16")]),
    ])
def test_restatements_add_no_event(language: str, text: str,
                                   expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # filming that lasts until a date ends then: a wrap
        ("de", "Die Dreharbeiten sollen sich noch bis Ende Mai hinziehen.",
         [("wrap", "2021-05-21~/2021-05-31~")]),
        ("en", "Filming will go on until the end of May.", [("wrap", "2021-05-21~/2021-05-31~")]),
        ("it", "Le riprese andranno avanti fino a fine maggio.",
         [("wrap", "2021-05-21~/2021-05-31~")]),
        # staying somewhere until a date is filming there, open at its start
        ("en", "The shoot remains in Malta until 30 June.", [("shoot", "../2021-06-30")]),
        ("de", "Das Team bleibt bis zum 30. Juni in Prag.", [("shoot", "../2021-06-30")]),
        ("it", "La troupe resterà a Napoli fino al 30 giugno.", [("shoot", "../2021-06-30")]),
        # filming since a date is dated when it began
        ("en", "The series has been filming in Belfast since February.", [("shoot", "2021-02")]),
        ("it", "A Torino si gira da febbraio.", [("shoot", "2021-02")]),
        ("de", "Seit Februar wird in Köln gedreht.", [("shoot", "2021-02")]),
    ])
def test_until_and_since(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # the last week of the shoot is no week before the report
        ("en", "Crews say it is the last week of filming.", []),
        ("de", "Es ist die letzte Woche der Dreharbeiten.", []),
        # ... while "last week" is one back
        ("de", "Gedreht wurde in der letzten Woche in Köln.",
         [("shoot", "2021-03-01~/2021-03-07~")]),
        # the US holiday season: November and December
        ("en", "The comedy is scheduled for a holiday release.",
         [("release", "2021-11~/2021-12~")]),
        ("en", "The sequel opens in the holiday season of 2022.",
         [("release", "2022-11~/2022-12~")]),
        ("en", "She took a holiday in Spain before filming began.", []),
    ])
def test_final_weeks_and_the_holiday_season(language: str, text: str,
                                            expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a statement's date between a date and a cue: the cue is what the statement reports
        ("it", "Mercoledì due tecnici sono risultati positivi e sabato un quotidiano ha dato "
               "notizia della sospensione delle riprese.", []),
        ("en", "On Wednesday two crew members tested positive, and on Saturday a newspaper "
               "reported the suspension of filming.", []),
        ("de", "Am Mittwoch wurden zwei Techniker positiv getestet, am Samstag berichtete "
               "eine Zeitung über die Unterbrechung der Dreharbeiten.", []),
        # ... but a cue between a statement's date and another date is that date's
        ("en", "The studio said on Monday that the premiere is set for 30 June.",
         [("release", "2021-06-30")]),
    ])
def test_what_a_statement_reports(language: str, text: str,
                                  expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # a road closed for the crew, with stunts told a little later: a stunt
        ("en", "The bridge will be shut to traffic on 14 March. The shoot will include "
               "stunt driving.", [("stunt", "2021-03-14")]),
        ("de", "Die Brücke wird am 14. März gesperrt. Geplant sind Stunts mit Autos.",
         [("stunt", "2021-03-14")]),
        ("it", "Il ponte sarà chiuso al traffico il 14 marzo. Sono previste scene d'azione "
               "con le auto.", [("stunt", "2021-03-14")]),
        # ... or further on, naming the closure again
        ("en", "The bridge will be shut to traffic on 14 March. Residents were told. Letters "
               "went out. Shops complained. While the bridge is closed, the star will perform "
               "stunts.", [("stunt", "2021-03-14")]),
        # ... but not a closure with stunts told far away of something else
        ("en", "The bridge will be shut to traffic on 14 March. Residents were told. Letters "
               "went out. Shops complained. The film's stunts were praised.",
         [("shoot", "2021-03-14")]),
        # work through the night ends the morning after
        ("en", "The road will be closed for filming on 15 March, from 8pm to 6am.",
         [("shoot", "2021-03-15/2021-03-16")]),
        ("de", "Gedreht wird am 15. März von 22 bis 4 Uhr.", [("shoot", "2021-03-15/2021-03-16")]),
        ("it", "Le riprese si terranno il 15 marzo dalle 22 alle 4.",
         [("shoot", "2021-03-15/2021-03-16")]),
        ("en", "Filming takes place on 15 March from 7am to 10pm.", [("shoot", "2021-03-15")]),
    ])
def test_closures_for_stunts_and_night_work(language: str, text: str,
                                            expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected
