"""The productions file (JSON or CSV) and which production a report names."""

from __future__ import annotations

import json
from pathlib import Path

import mitimeline
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mitimeline_news.archive.productions import (
    Mention,
    Production,
    Productions,
    load_productions,
)

CSV = ("id,title,aliases,year\n"
       "mi7,Mission: Impossible – Dead Reckoning,MI7|Mission: Impossible 7,2023\n"
       "dune-2021,Dune,Dune: Part One,2021\n"
       "dune-1984,Dune,,1984\n"
       "harbour,The Harbour Line,,2020\n")


def test_json_and_csv_files_give_the_same_productions(tmp_path: Path,
                                                      productions_file: Path) -> None:
    (tmp_path / "p.csv").write_text(CSV, encoding="utf-8")
    from_csv = load_productions(str(tmp_path / "p.csv"))
    from_json = load_productions(str(productions_file))
    assert from_csv == from_json
    assert from_csv.items[0] == Production(
        "mi7", "Mission: Impossible – Dead Reckoning", ("MI7", "Mission: Impossible 7"), 2023)
    assert from_csv["harbour"].aliases == ()


def test_a_csv_row_without_aliases_or_year_reads_as_none(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text("id,title,aliases,year\nx,The X Files,,\n")
    assert load_productions(str(tmp_path / "p.csv")).items == (
        Production("x", "The X Files", (), None),)


def test_a_json_object_with_a_productions_list_is_read(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text(json.dumps({"productions": [{"id": "a", "title": "A"}]}))
    assert load_productions(str(tmp_path / "p.json")).items == (Production("a", "A"),)


@pytest.mark.parametrize(("name", "content", "location", "message"), [
    ("p.json", "[", "line 1", "expected JSON"),
    ("p.json", '{"films": []}', "", 'expected a list of productions or {"productions": [...]}'),
    ("p.json", "[]", "", "expected at least one production"),
    ("p.json", "[3]", "production 1", "expected an object, got int"),
    ("p.json", '[{"id": "Bad Id", "title": "A"}]', "production 1",
     "field 'id': expected a slug such as 'mission-impossible-7', got 'Bad Id'"),
    ("p.json", '[{"id": "a"}]', "production 1",
     "field 'title': expected the production's title, got None"),
    ("p.json", '[{"id": "a", "title": "A", "aliases": "B"}]', "production 1",
     "field 'aliases': expected a list of names, got 'B'"),
    ("p.json", '[{"id": "a", "title": "A", "year": "soon"}]', "production 1",
     "field 'year': expected a year such as 2023, got 'soon'"),
    ("p.json", '[{"id": "a", "title": "A", "studio": "X"}]', "production 1",
     "unknown field 'studio': expected id, title, aliases, year"),
    ("p.json", '[{"id": "a", "title": "A"}, {"id": "a", "title": "B"}]', "production 2",
     "field 'id': 'a' is already the id of production 1"),
    ("p.csv", "name,title\nx,y\n", "line 1",
     "expected a header row with id, title, aliases, year; missing id"),
    ("p.csv", "id,title\na,A,extra\n", "line 2", "expected 2 fields, got more"),
    ("p.csv", "id,title,year\na,A,20x3\n", "line 2",
     "field 'year': expected a year such as 2023, got '20x3'"),
    ("p.txt", "a", "", "expected a productions file ending in .json or .csv"),
])
def test_a_bad_productions_file_says_where_and_what(tmp_path: Path, name: str, content: str,
                                                    location: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(mitimeline.ParseError) as info:
        load_productions(str(path))
    assert info.value.source == str(path)
    assert info.value.location == location
    assert info.value.reason.startswith(message)


def test_a_missing_or_binary_productions_file_raises(tmp_path: Path) -> None:
    with pytest.raises(mitimeline.ParseError, match="no such file"):
        load_productions(str(tmp_path / "none.json"))
    (tmp_path / "p.json").write_bytes(b"\xff\xfe")
    with pytest.raises(mitimeline.ParseError, match="expected UTF-8 text"):
        load_productions(str(tmp_path / "p.json"))


# -- naming a production --------------------------------------------------------------------

PRODUCTIONS = Productions((
    Production("mi7", "Mission: Impossible – Dead Reckoning", ("MI7", "Mission: Impossible")),
    Production("dune-2021", "Dune", (), 2021),
    Production("dune-1984", "Dune", (), 1984),
))


def named(text: str, year: int | None = 2020) -> list[str]:
    return [mention.production for mention in PRODUCTIONS.mentions(text, year)]


def test_titles_and_aliases_match_as_whole_words_in_any_case() -> None:
    assert named("the mi7 crew") == ["mi7"]
    assert named("MI70 and MI7s and AMI7") == []
    assert named("Mission: Impossible - Dead Reckoning wraps") == ["mi7"]  # dash styles
    assert named("Mission: Impossible — Dead Reckoning") == ["mi7"]


def test_the_longest_name_wins_and_offsets_are_the_reports() -> None:
    text = "Today: Mission: Impossible – Dead Reckoning."
    assert PRODUCTIONS.mentions(text, None) == [Mention("mi7", 7, len(text) - 1)]


def test_a_shared_name_goes_to_the_production_of_the_nearest_year() -> None:
    assert named("Dune", 2020) == ["dune-2021"]
    assert named("Dune", 1983) == ["dune-1984"]
    assert named("Dune", None) == ["dune-2021"]  # no date: the first listed


@given(st.text(alphabet=st.sampled_from("ab -–'’M I7:"), max_size=30))
def test_mentions_are_found_in_the_report_at_their_offsets(text: str) -> None:
    for mention in PRODUCTIONS.mentions(text, 2020):
        found = text[mention.start:mention.end].lower().replace("–", "-")
        assert found in {"mi7", "mission: impossible", "mission: impossible - dead reckoning",
                         "dune"}
