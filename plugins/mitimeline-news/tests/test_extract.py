"""From sentences to events: kinds, tense, intervals, distractors, places, people, status."""

from __future__ import annotations

import mitimeline
import pytest

from mitimeline_news.places import find_places
from mitimeline_news.sentences import split_sentences


def events(text: str, language: str, published: str = "2020-10-05",
           **options: str) -> list[tuple[str, str]]:
    timeline = mitimeline.loads(text, "news", language=language, published=published,
                                **options)
    return [(e.kind, e.when.edtf) for e in timeline]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Filming wrapped on Friday.", [("wrap", "2020-10-02")]),
        ("en", "The shoot was halted in March.", [("hiatus", "2020-03")]),
        ("en", "Filming resumed on Monday after a long hiatus.", [("shoot", "2020-10-05")]),
        ("en", "The crew heads to Rome next week.", [("move", "2020-10-12~/2020-10-18~")]),
        ("en", "The stunt was filmed last month.", [("stunt", "2020-09")]),
        ("en", "Paramount announced the project in June.", [("announcement", "2020-06")]),
        ("it", "Le riprese si sono fermate a marzo.", [("hiatus", "2020-03")]),
        ("it", "Il film uscirà nelle sale a dicembre.", [("release", "2020-12")]),
        ("it", "La troupe si sposterà a Venezia lunedì prossimo.", [("move", "2020-10-12")]),
        ("de", "Der Dreh wurde im März unterbrochen.", [("hiatus", "2020-03")]),
        ("de", "Der Kinostart ist am 3. Dezember.", [("release", "2020-12-03")]),
        ("de", "Im November reist das Team nach Rom.", [("move", "2020-11")]),
        # no cue, no event: a date alone says nothing about the production
        ("en", "On Monday the weather was fine.", []),
        ("it", "Il 19 novembre è un giovedì.", []),
    ],
)
def test_kinds(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The film will be released on 14 July.", [("release", "2021-07-14")]),
        ("en", "The film was released on 14 July.", [("release", "2020-07-14")]),
        ("it", "Il film dovrebbe uscire il 14 luglio.", [("release", "2021-07-14")]),
        ("it", "Il film è uscito il 14 luglio.", [("release", "2020-07-14")]),
        ("de", "Der Film soll am 14. Juli in die Kinos kommen.", [("release", "2021-07-14")]),
        ("de", "Der Film kam am 14. Juli in die Kinos, wurde berichtet.",
         [("release", "2020-07-14")]),
        ("de", "Seit dem 6. September wird gedreht.", [("shoot", "2020-09-06")]),
    ],
)
def test_tense_picks_the_year(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Filming began on Wednesday and is scheduled to continue until July 21.",
         [("shoot", "2020-09-30/2021-07-21")]),
        ("The shoot runs from 6 October to 20 November.", [("shoot", "2020-10-06/2020-11-20")]),
        ("Filming will continue until December 18.", [("wrap", "2020-12-18")]),
        ("Production has been on hiatus since March.", [("hiatus", "2020-03/..")]),
    ],
)
def test_intervals(text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text, "en") == expected


@pytest.mark.parametrize(
    ("language", "text", "options", "expected"),
    [
        ("en", "The star, born on July 3, 1962, filmed the scene yesterday.", {},
         [("shoot", "2020-10-04")]),
        ("en", "Part 7 opens on November 19, 2021 and Part 8 (release: November 4, 2022).", {},
         [("release", "2021-11-19")]),
        ("en", "Mission: Impossible 8 (release: November 4, 2022) follows the seventh film.",
         {"production": "Mission: Impossible 7"}, []),
        ("en", "Its predecessor was released in 2018; the sequel arrives in cinemas in 2022.",
         {}, [("release", "2022")]),
        ("en", "The first Fast Lane, released in 2017, was a hit.", {}, []),
        ("en", "Filming is over, the studio said on Monday.", {}, []),
        ("en", "Posted 5 October 2020\nThe stunt crew is back.", {}, []),
        ("it", "Il regista, che ha compiuto 51 anni il 31 maggio, ha girato ieri.", {},
         [("shoot", "2020-10-04")]),
        ("de", "Der Vorgänger lief im Juli 2018 an, der neue Teil startet 2021 in den Kinos.", {},
         []),
    ],
)
def test_distractors(language: str, text: str, options: dict[str, str],
                     expected: list[tuple[str, str]]) -> None:
    assert events(text, language, **options) == expected


def test_same_event_twice_is_one_candidate() -> None:
    text = ("The film is set for release on November 19, 2021.\n"
            "Release: November 19, 2021.")
    timeline = mitimeline.loads(text, "news", language="en", published="2020-10-05")
    assert [(e.kind, e.when.edtf) for e in timeline] == [("release", "2021-11-19")]


def test_ids_are_unique_slugs() -> None:
    text = ("Filming began on Monday. The stunt was filmed on Monday.\n"
            "In Rome, filming began on Monday, October 5.")
    timeline = mitimeline.loads(text, "news", language="en", published="2020-10-06")
    ids = [e.id for e in timeline]
    assert len(ids) == len(set(ids))
    assert not timeline.validate()


def test_status_follows_tense_and_cues() -> None:
    text = ("Filming wrapped last week.\n"
            "The premiere will take place on 3 December.\n"
            "The film reportedly opens in cinemas on 9 December.\n"
            "The shoot planned for next week was cancelled.")
    timeline = mitimeline.loads(text, "news", language="en", published="2020-10-05")
    assert [(e.kind, e.status) for e in timeline] == [
        ("wrap", "done"), ("release", "planned"), ("release", "rumoured"),
        ("shoot", "cancelled")]


def test_place_from_the_sentence_or_its_neighbours() -> None:
    text = ("The crew arrived in Norway.\nFilming began on Monday.\n"
            "Then they flew on.\n\nMuch later.\nThe stunt was filmed in Levisham last month.")
    timeline = mitimeline.loads(text, "news", language="en", published="2020-10-05")
    places = {e.kind: e.place for e in timeline}
    assert places["shoot"] is not None and places["shoot"].name == "Norway"
    levisham = places["stunt"]
    assert levisham is not None
    assert (levisham.name, levisham.country, levisham.region) == (
        "Levisham", "GB", "North Yorkshire")
    assert levisham.latitude is not None


def test_people_with_roles_and_surnames() -> None:
    text = ("Director Christopher McQuarrie thanked Tom Cruise.\n"
            "Last month, Cruise and McQuarrie filmed a stunt.")
    timeline = mitimeline.loads(text, "news", language="en", published="2020-10-05")
    (event,) = timeline
    assert [str(p) for p in event.people] == ["Tom Cruise", "Christopher McQuarrie (director)"]


@pytest.mark.parametrize(
    ("language", "text", "places"),
    [
        ("en", "Buckle up, Roma.", [("Roma", "Rome", "IT")]),
        ("en", "They moved to Venice, then to Rome, Italy.",
         [("Venice", "Venice", "IT"), ("Rome", "Rome", "IT"), ("Italy", "Italy", "IT")]),
        ("it", "nel Regno Unito e in Norvegia", [("Regno Unito", "United Kingdom", "GB"),
                                                 ("Norvegia", "Norway", "NO")]),
        ("de", "nach Venedig und in Großbritannien", [("Venedig", "Venice", "IT"),
                                                      ("Großbritannien", "United Kingdom", "GB")]),
        ("en", "Norway's mountains", [("Norway", "Norway", "NO")]),
        # names that are places only elsewhere
        ("en", "Mission: Impossible by Paramount with Charlotte Riley and Michael B. Jordan", []),
        ("en", "Nice work, Independence Day", []),
    ],
)
def test_gazetteer(language: str, text: str, places: list[tuple[str, str, str]]) -> None:
    found = [(m.text, m.place.name, m.place.country) for m in find_places(text, language)]
    assert found == places


def test_sentences_keep_offsets_and_skip_false_stops() -> None:
    text = ("Kinostart: 18. November 2021. Dr. Who met Mr. Smith on Sep. 6 in the U.K. Then?\n"
            "  Second line  \n\nE.g. this one.")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Kinostart: 18. November 2021.", "Dr. Who met Mr. Smith on Sep. 6 in the U.K.",
        "Then?", "Second line", "E.g. this one."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il film di J.J. Abrams, che era programmato per il 5 gennaio, arriva prima.",
         ["Il film di J.J. Abrams, che era programmato per il 5 gennaio, arriva prima."]),
        ("Nach dem Roman von J. K. Rowling. Gedreht wird in Leavesden.",
         ["Nach dem Roman von J. K. Rowling.", "Gedreht wird in Leavesden."]),
        ("It opened in the U.S. The sequel follows.",
         ["It opened in the U.S.", "The sequel follows."]),
    ])
def test_initials_end_no_sentence(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
