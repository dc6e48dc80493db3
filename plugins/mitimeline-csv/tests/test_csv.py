"""Tests for mitimeline-csv. Run them with the plugin installed (`pip install -e .[test]`).

They go through mitimeline's public API (entry-point discovery, format choice by extension
and by sniffing, options checking, the CLI), so they also check that the plugin is
installed and wired up.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import mitimeline
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from mitimeline.testing import (
    assert_roundtrip,
    check_exporter,
    check_parser,
    claimed_timeline,
    sample_timeline,
    timelines,
    update_golden,
)

from mitimeline_csv import COLUMNS, CSVExporter, CSVParser
from mitimeline_csv.cells import (
    join_list,
    join_people,
    neutralise,
    parse_number,
    restore,
    split_list,
    split_people,
)
from mitimeline_csv.columns import written_columns

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "seeds" / "mi7-example.json"
DATASET = ROOT / "seeds" / "mi7.json"
GOLDEN = Path(__file__).with_name("golden")
UPDATE = update_golden()
HEADER = ",".join(written_columns(claims=False))

# Text full of what matters to CSV cells, lists and formulas.
hostile = st.text(alphabet=st.sampled_from("'=+-@\t\r\n;,\"\\() 1.eé") | st.characters(
    codec="utf-8"))


def dumps(timeline: mitimeline.Timeline, **options: Any) -> str:
    text = timeline.dumps("csv", **options)
    assert isinstance(text, str)
    return text


def loads(data: str | bytes, **options: Any) -> mitimeline.Timeline:
    return mitimeline.loads(data, "csv", **options)


def _text(value: str | None) -> str | None:
    return value or None  # a CSV cell cannot tell empty text from no value


def carried(timeline: mitimeline.Timeline) -> list[tuple[Any, ...]]:
    """What a CSV file keeps: every event field (source ids only), "" read back as None."""
    return [
        (
            e.id, e.title, e.kind, str(e.when),
            None if e.place is None else (
                e.place.name, _text(e.place.locality), _text(e.place.region), e.place.country,
                e.place.latitude, e.place.longitude, e.place.timezone),
            [(c.name, _text(c.role)) for c in e.people],
            _text(e.unit), e.status, e.region, e.sources, _text(e.description), e.tags, e.extra,
            e.claims,
        )
        for e in timeline
    ]


# -- installation and discovery ----------------------------------------------------------


def test_plugin_is_installed() -> None:
    plugins = {p.name: p for p in mitimeline.list_plugins()}
    assert "mitimeline-csv" in plugins
    assert not plugins["mitimeline-csv"].error
    assert plugins["mitimeline-csv"].formats == ("csv",)


def test_format_is_listed() -> None:
    formats = {f.name: f for f in mitimeline.list_formats()}
    csv_format = formats["csv"]
    assert csv_format.can_parse and csv_format.can_export
    assert csv_format.extensions == (".csv",)
    assert csv_format.plugin == "mitimeline-csv"
    assert set(csv_format.parse_options) == {"delimiter", "header", "title",
                                             "unescape_formulas"}
    assert set(csv_format.export_options) == {"delimiter", "header", "bom", "escape_formulas"}


def test_cli_lists_the_format() -> None:
    result = subprocess.run([sys.executable, "-m", "mitimeline", "formats"],
                            capture_output=True, text=True, check=True)
    rows = [line.split() for line in result.stdout.splitlines()]
    assert ["csv", "read/write", ".csv", "mitimeline-csv"] in rows


def test_cli_convert_both_ways(tmp_path: Path) -> None:
    target = tmp_path / "mi7.csv"
    subprocess.run([sys.executable, "-m", "mitimeline", "convert", str(DATASET), str(target),
                    "-o", "delimiter=;"], check=True, capture_output=True)
    assert target.read_text(encoding="utf-8").startswith("id;title;kind;when;")
    back = tmp_path / "back.json"
    subprocess.run([sys.executable, "-m", "mitimeline", "convert", str(target), str(back),
                    "-i", "title=MI7"], check=True, capture_output=True)
    again = mitimeline.load(back)
    assert again.title == "MI7"
    assert carried(again) == carried(mitimeline.load(DATASET))


# -- contract, golden file, round trips ---------------------------------------------------


def test_parser_and_exporter_keep_the_contract() -> None:
    written = check_exporter(CSVExporter(), mitimeline.load(EXAMPLE))
    sample = check_exporter(CSVExporter(), sample_timeline())
    semicolons = dumps(mitimeline.load(EXAMPLE), delimiter=";", bom=True).encode()
    check_parser(CSVParser(), samples=[written, sample, semicolons,
                                       (GOLDEN / "mi7-example.csv").read_bytes()])


def test_golden_file(tmp_path: Path) -> None:
    """The exact bytes for the example timeline (MITIMELINE_UPDATE_GOLDEN=1 rewrites them)."""
    target = tmp_path / "mi7-example.csv"
    mitimeline.load(EXAMPLE).export(target)
    if UPDATE:
        (GOLDEN / "mi7-example.csv").write_bytes(target.read_bytes())
    assert target.read_bytes() == (GOLDEN / "mi7-example.csv").read_bytes()


@pytest.mark.parametrize("seed", [EXAMPLE, DATASET], ids=["example", "dataset"])
@pytest.mark.parametrize("options", [{}, {"delimiter": ";", "bom": True}, {"header": False},
                                     {"header": False, "delimiter": ";"},
                                     {"escape_formulas": False}])
def test_bundled_timelines_round_trip(seed: Path, options: dict[str, Any]) -> None:
    timeline = mitimeline.load(seed)
    header = {"header": False} if options.get("header") is False else {}
    assert carried(loads(dumps(timeline, **options), **header)) == carried(timeline)


def test_what_the_round_trip_drops(tmp_path: Path) -> None:
    """Events survive whole; the timeline's title, description, production and Source
    records do not: the sources column keeps each event's source ids, nothing more."""
    timeline = mitimeline.load(EXAMPLE)
    path = tmp_path / "mi7 example.csv"
    timeline.export(path)
    again = mitimeline.load(path)
    assert list(again) == list(timeline)  # every event field, exactly
    assert [e.sources for e in again] == [e.sources for e in timeline]
    assert again.sources == ()
    assert (again.title, again.description, again.production) == ("mi7 example", None, None)
    assert timeline.sources and timeline.description and timeline.production
    # put the records back from the JSON file they came from
    merged = again.add_sources(*timeline.sources)
    assert [f for f in again.validate() if f.code == "unknown-source"]
    assert not [f for f in merged.validate() if f.code == "unknown-source"]


@given(timelines() | timelines(with_claims=True))
def test_round_trip_of_generated_timelines(timeline: mitimeline.Timeline) -> None:
    assert_roundtrip(CSVExporter(), CSVParser(), timeline, carried=carried)


SETS = ["{2020-10-01..2020-10-03,2020-10-09}", "{2020-10,2020-12-01}", "[..2020-12-24]",
        "[2021..]", "[2020-06,2020-08]", "2021-33", "2021-40", "2020-29"]
"""EDTF level 2: multiple dates, one-of sets (open ends, commas inside), sub-year groupings."""


@pytest.mark.parametrize("options", [{}, {"delimiter": ";"}, {"header": False},
                                     {"escape_formulas": False}])
def test_level_2_dates_round_trip_as_edtf_text(options: dict[str, Any]) -> None:
    """A set is one EDTF cell, quoted when it holds the delimiter, and reads back the same."""
    timeline = mitimeline.Timeline("Sets", [
        mitimeline.Event(f"e{number}", "Shoot", when) for number, when in enumerate(SETS)])
    text = dumps(timeline, **options)
    rows = list(csv.reader(io.StringIO(text), delimiter=options.get("delimiter", ",")))
    if options.get("header") is False:
        rows.insert(0, written_columns(claims=False))
    assert [row[rows[0].index("when")] for row in rows[1:]] == SETS
    header = {"header": False} if options.get("header") is False else {}
    assert [event.when for event in loads(text, **header)] == [mitimeline.When(w) for w in SETS]


def test_level_2_dates_are_read_from_english() -> None:
    """A hand-written sheet may say the sets in words, as When.parse reads them."""
    again = loads("id,title,when\r\na,Shoot,\"3, 5 and 9 October 2020\"\r\n"
                  "b,Wrap,before Christmas 2020\r\nc,Plan,Q1 2021\r\n")
    assert [event.when for event in again] == [
        mitimeline.When.parse(text) for text in
        ("3, 5 and 9 October 2020", "before Christmas 2020", "Q1 2021")]
    assert again.events[0].when.is_multiple and again.events[1].when.is_one_of


@given(st.binary() | st.text().map(str.encode) | st.lists(
    st.lists(hostile, max_size=5).map(",".join)).map(lambda rows: "\n".join(
        ["id,title,when,people,latitude,extra", *rows]).encode()))
def test_any_input_parses_or_raises_a_parse_error(data: bytes) -> None:
    """Whatever the bytes, the parser returns a timeline or raises ParseError, nothing else."""
    try:
        loads(data)
    except mitimeline.ParseError as exc:
        assert exc.location.startswith("row ")


# -- reading: encodings, delimiters, headers ------------------------------------------------

EXAMPLE_ROWS = (
    "ramp-jump,Ramp jump,stunt,2020-09\r\n"
    "train,Train roof fight,stunt,early October 2020\r\n"
)


def test_minimal_columns_and_english_dates() -> None:
    timeline = loads("id,title,kind,when\r\n" + EXAMPLE_ROWS)
    assert [(e.id, str(e.when), e.status) for e in timeline] == [
        ("ramp-jump", "2020-09", "confirmed"),
        ("train", "2020-10-01~/2020-10-10~", "confirmed"),
    ]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_bom_and_delimiter_are_sniffed(bom: bytes, delimiter: str) -> None:
    data = bom + ("id,title,kind,when\r\n" + EXAMPLE_ROWS).replace(",", delimiter).encode()
    assert [e.id for e in loads(data)] == ["ramp-jump", "train"]
    assert [e.id for e in loads(data, delimiter=delimiter)] == ["ramp-jump", "train"]


def test_delimiter_of_a_file_without_header_is_sniffed() -> None:
    rows = "a;Ramp jump, Norway;stunt;2020-09\nb;Train, Norway;stunt;2020-10\n"
    assert [e.title for e in loads(rows)] == ["Ramp jump, Norway", "Train, Norway"]


def test_semicolon_file_with_commas_in_cells_and_decimal_commas() -> None:
    data = ("ID; Title ;When;Place;Latitude;Longitude\n"
            "a;Rome, the chase;2020-10~;Rome;41,9;12,5\n")
    [event] = loads(data)
    assert event.title == "Rome, the chase"
    assert event.place == mitimeline.Place("Rome", latitude=41.9, longitude=12.5)


def test_header_names_ignore_case_space_and_order() -> None:
    data = "When , TITLE,Place Region,place,id,place-region\n"
    with pytest.raises(mitimeline.ParseError, match="'place_region' appears twice"):
        loads(data)
    [event] = loads("When , TITLE,Place Region,place,id\n2020,T,Lazio,Rome,a\n")
    assert (event.id, event.title, event.place) == ("a", "T", mitimeline.Place("Rome",
                                                                               region="Lazio"))


def test_header_is_sniffed_and_can_be_forced() -> None:
    rows = "a,Ramp jump,stunt,2020-09\nb,Train,stunt,2020-10\n"
    assert [e.title for e in loads(rows)] == ["Ramp jump", "Train"]  # no header: row 1 is data
    assert [e.title for e in loads(rows, header=False)] == ["Ramp jump", "Train"]
    with pytest.raises(mitimeline.ParseError) as caught:
        loads(rows, header=True)
    assert caught.value.location == "row 1, column 1"
    assert "expected a column name" in caught.value.reason
    headed = "id,title,kind,when\n" + rows
    assert len(loads(headed)) == 2
    with pytest.raises(mitimeline.ParseError, match="column 'when': expected a date"):
        loads(headed, header=False)  # the header read as data


def test_blank_rows_quoted_line_breaks_and_trailing_cells() -> None:
    data = ('id,title,when,description,\r\n'
            '\r\n'
            'a,A,2020,"two\r\nlines",\r\n'
            ',,,,\r\n'
            'b,B,2021,,,,\r\n')
    timeline = loads(data)
    assert [(e.id, e.description) for e in timeline] == [("a", "two\r\nlines"), ("b", None)]


def test_cells_are_read_leniently_where_it_is_safe() -> None:
    data = ("id,title,kind,when,status,country,place,region\n"
            " a ,  Title  , SHOOT , 2020 , Done ,no,X,gb-eng\n")
    [event] = loads(data)
    assert (event.id, event.title, event.kind, event.status, event.region) == (
        "a", "  Title  ", "shoot", "done", "GB-ENG")
    assert event.place == mitimeline.Place("X", country="NO")


def test_people_sources_and_tags() -> None:
    data = ('id,title,when,people,sources,tags\n'
            'a,A,2020,"Tom Cruise (actor); Hayley Atwell ;; Tom (Jr.) Cruise (stunt (double))",'
            '"s1;s2 ; ","motorbike; C:\\temp; a\\;b"\n')
    [event] = loads(data)
    assert event.people == (mitimeline.Credit("Tom Cruise", "actor"),
                            mitimeline.Credit("Hayley Atwell"),
                            mitimeline.Credit("Tom (Jr.) Cruise", "stunt (double)"))
    assert event.sources == ("s1", "s2")
    assert event.tags == ("motorbike", "C:\\temp", "a;b")


def test_title_from_option_file_name_or_default(tmp_path: Path) -> None:
    path = tmp_path / "Mission Impossible.CSV"
    path.write_text("id,title,when\n", encoding="utf-8")
    assert mitimeline.load(path).title == "Mission Impossible"
    assert mitimeline.load(path, title="MI7").title == "MI7"
    assert loads("id,title,when\n").title == "Untitled timeline"
    assert len(loads("")) == 0 and len(loads(b"\xef\xbb\xbf")) == 0


def test_format_is_found_by_extension_and_by_sniffing(tmp_path: Path) -> None:
    text = dumps(mitimeline.load(EXAMPLE), delimiter=";", bom=True)
    for name in ("x.csv", "x.CSV", "x.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert len(mitimeline.load(tmp_path / name)) == 7
    assert len(mitimeline.load(io.BytesIO(text.encode()))) == 7


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (HEADER.encode() + b"\r\n", True),
        (b"id,title,when", True),
        (b"\xef\xbb\xbfID;Title;Kind;When\n", True),
        (b'"id","title","when"\n', True),
        (b"id,title\n", False),
        (b"id,title,when,budget\n", False),
        (b"a,b,c\nid,title,when\n", False),
        (b"", False),
        (b'{"title": "id,title,when"}', False),
        (b"\x00\xff garbage", False),
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert CSVParser().sniff(head) is expected


# -- writing ------------------------------------------------------------------------------


def test_export_options() -> None:
    timeline = mitimeline.Timeline(events=[
        mitimeline.Event(id="a", title="Ramp, jump", when="2020-09~", kind="stunt")])
    row = "a,\"Ramp, jump\",stunt,2020-09~,,,,,,,,,,confirmed,,,,,\r\n"
    assert dumps(timeline) == HEADER + "\r\n" + row
    assert dumps(timeline, header=False) == row
    assert dumps(timeline, delimiter=";") == (
        HEADER.replace(",", ";") + "\r\n"
        + "a;Ramp, jump;stunt;2020-09~;;;;;;;;;;confirmed;;;;;\r\n")
    assert timeline.dumps("csv", bom=True) == "\ufeff" + HEADER + "\r\n" + row
    assert dumps(mitimeline.Timeline()) == HEADER + "\r\n"


def test_every_column_is_written() -> None:
    event = sample_timeline().events[0]
    assert dumps(mitimeline.Timeline(events=[event])) == HEADER + "\r\n" + (
        'ramp-jump,"Ramp jump, Norway",stunt,2020-09,Stranda,,Møre og Romsdal,NO,62.31,6.95,'
        'Europe/Oslo,Tom Cruise (actor),main unit,confirmed,,report-2020-10-05,'
        '"Line one\nline two; with a comma, too",motorcycle; norway,"{""note"":""kept""}"\r\n')


# -- formula injection -------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx",
            "'=already quoted", "''+x"]


@pytest.mark.parametrize("title", FORMULAS)
def test_formulas_are_neutralised_and_restored(title: str) -> None:
    timeline = mitimeline.Timeline(events=[mitimeline.Event(id="a", title=title, when="2020",
                                                            tags=[title], people=[title])])
    text = dumps(timeline)
    row = dict(zip(written_columns(False), list(csv.reader(io.StringIO(text, newline="")))[1],
                   strict=True))
    assert row["title"] == "'" + title
    for column in ("title", "tags", "people"):  # a list cell may start with an escape instead
        assert row[column][0] not in "=+-@\t\r"
    [event] = loads(text)
    assert (event.title, event.tags, event.people[0].name) == (title, (title,), title)
    assert loads(text, unescape_formulas=False).events[0].title == "'" + title


def test_numbers_and_plain_text_are_not_neutralised() -> None:
    timeline = mitimeline.Timeline(events=[mitimeline.Event(
        id="a", title="-6.95", when="2020", description="'quoted", unit="a=b",
        place=mitimeline.Place("X", latitude=-33.86, longitude=-0.0))])
    row = dumps(timeline).splitlines()[1]
    assert row.startswith("a,-6.95,other,2020,X,,,,-33.86,-0.0,,,a=b,")
    assert ",'quoted," in row
    [event] = loads(dumps(timeline))
    assert event.place is not None and event.place.latitude == -33.86


def test_formula_escaping_can_be_turned_off() -> None:
    timeline = mitimeline.Timeline(events=[mitimeline.Event(id="a", title="=1+2", when="2020")])
    assert dumps(timeline, escape_formulas=False).splitlines()[1].startswith("a,=1+2,")
    assert loads(dumps(timeline, escape_formulas=False)).events[0].title == "=1+2"



@given(hostile)
@example("'")
@example("-1e5")
@example("''-x")
def test_neutralise_is_safe_and_reversible(cell: str) -> None:
    safe = neutralise(cell)
    assert restore(safe) == cell
    if safe[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert parse_number(safe) is not None  # only plain numbers stay as they are


# -- list cells ---------------------------------------------------------------------------


@given(st.lists(hostile))
@example(["a;b", "C:\\temp", " x ", "\\", "\\;", ""])
def test_list_cells_round_trip(items: list[str]) -> None:
    assert split_list(join_list(items)) == [item for item in items if item]


@given(st.lists(st.tuples(hostile.filter(str.strip), st.none() | hostile)))
@example([("Tom (Jr.)", "actor (stunts)"), ("a;b\\", " r "), ("x", "")])
def test_people_cells_round_trip(people: list[tuple[str, str | None]]) -> None:
    assert split_people(join_people(people)) == [(name, role or None) for name, role in people]


@pytest.mark.parametrize(
    ("cell", "items"),
    [("", []), ("a", ["a"]), (" a ; b ;", ["a", "b"]), ("a\\;b", ["a;b"]),
     ("a\\\\;b", ["a\\", "b"]), ("\\ a\\ ", [" a "]), ("C:\\temp", ["C:\\temp"]),
     ("x\\", ["x\\"])],
)
def test_split_list(cell: str, items: list[str]) -> None:
    assert split_list(cell) == items


# -- errors: every ParseError says where (row N, column 'name') and what was expected -------

H = "id,title,when"


@pytest.mark.parametrize(
    ("data", "location", "expected"),
    [
        ("id,title,when,budget\n", "row 1, column 4", "expected a column name (id, title"),
        ("id,title,when,Title\n", "row 1, column 4", "'title' appears twice"),
        ("id,title,kind\n", "row 1", "required column(s) when"),
        ("Title,Id,Kind,Place\na,b,shoot,x\n", "row 1", "required column(s) when"),
        (H + "\n,A,2020\n", "row 2, column 'id'", "expected a value in the required column"),
        (H + "\na, ,2020\n", "row 2, column 'title'", "expected a value in the required"),
        (H + "\na,A,\n", "row 2, column 'when'", "expected a value in the required column"),
        (H + "\nNot A Slug,A,2020\n", "row 2, column 'id'", "expected a slug"),
        (H + "\na,A,2020\n\nb,B,Septembr 2020\n", "row 4, column 'when'",
         "expected a date in EDTF or everyday English"),
        (H + "\na,A,2020-13\n", "row 2, column 'when'", "is not a valid EDTF date"),
        (H + ",kind\na,A,2020,filming\n", "row 2, column 'kind'", "expected one of shoot"),
        (H + ",status\na,A,2020,maybe\n", "row 2, column 'status'", "expected one of planned"),
        (H + ",region\na,A,2020,England\n", "row 2, column 'region'", "expected an ISO 3166"),
        (H + ",place,country\na,A,2020,Oslo,Norway\n", "row 2, column 'country'",
         "expected an ISO 3166-1 alpha-2 code"),
        (H + ",country\na,A,2020,NO\n", "row 2, column 'place'",
         "expected a place name, since country is given"),
        (H + ",place,latitude,longitude\na,A,2020,X,62°N,6.9\n", "row 2, column 'latitude'",
         "expected a number in degrees"),
        (H + ",place,latitude,longitude\na,A,2020,X,1_0,6.9\n", "row 2, column 'latitude'",
         "expected a number in degrees"),
        (H + ",place,latitude,longitude\na,A,2020,X,62.3,inf\n", "row 2, column 'longitude'",
         "expected a number in degrees"),
        (H + ",place,latitude,longitude\na,A,2020,X,95,6.9\n", "row 2, column 'latitude'",
         "expected a number from -90 to 90"),
        (H + ",place,latitude\na,A,2020,X,62.3\n", "row 2, column 'latitude'",
         "expected both coordinates or neither"),
        (H + ",place,timezone\na,A,2020,X,Europe/Stranda\n", "row 2, column 'timezone'",
         "expected an IANA time zone"),
        (H + ",people\na,A,2020,Smith)\n", "row 2, column 'people'", "expected 'Name' or"),
        (H + ",people\na,A,2020,(actor)\n", "row 2, column 'people'", "expected non-empty"),
        (H + ",extra\na,A,2020,{cost: 1}\n", "row 2, column 'extra'", "expected a JSON object"),
        (H + ",extra\na,A,2020,[1]\n", "row 2, column 'extra'", "got list"),
        (H + ',extra\na,A,2020,"{""x"": NaN}"\n', "row 2, column 'extra'",
         "NaN is not a JSON number"),
        (H + ',extra\na,A,2020,"{""x"": 1e999}"\n', "row 2, column 'extra'",
         "expected a finite number"),
        (H + "\na,A,2020,x\n", "row 2", "expected at most 3 cells (one per column in the header)"),
        ("a,A,2020" + ",x" * 20 + "\n", "row 1", "expected at most 20 cells (one per column)"),
        (H + ",claims\na,A,2020,[oops\n", "row 2, column 'claims'",
         "expected a JSON array of claims such as"),
        (H + ",claims\na,A,2020,{}\n", "row 2, column 'claims'",
         "claims: expected an array of claims"),
        (H + ',claims\na,A,2020,"[{""when"": ""2020""}]"\n', "row 2, column 'claims'",
         "claims[0].sources: missing required key 'sources'"),
        (H + ',claims\na,A,2020,"[{""sources"": [""b""], ""when"": ""2020-13""}]"\n',
         "row 2, column 'claims'", "claims[0].when: expected an EDTF date"),
        (H + ',sources,claims\na,A,2020,c,"[{""sources"": [""b""]}]"\n', "row 2, column 'sources'",
         "the union of the claims' sources"),
        (H + '\na,"A"B,2020\n', "row 2", "expected CSV cells separated by ','"),
        (H + '\na,A,2020\nb,"B,2020\n', "row 3", "unexpected end of data"),
        (H + '\na,"multi\nline\ntitle",2020\nb,B,2020,x\n', "row 3", "expected at most 3"),
    ],
)
def test_parse_errors(data: str, location: str, expected: str) -> None:
    with pytest.raises(mitimeline.ParseError) as caught:
        loads(data)
    assert caught.value.location == location
    assert expected in caught.value.reason
    assert location in str(caught.value)


@pytest.mark.parametrize(
    ("data", "location"),
    [
        (H.encode() + b"\na,A,2020\nb,B\xff,2020\n", "row 3, column 'title'"),
        (H.encode() + b"\xe9\n", "row 1, column 3"),
        (b"a,\x80,2020\n", "row 1, column 'title'"),
    ],
)
def test_bytes_that_are_not_utf8(data: bytes, location: str) -> None:
    with pytest.raises(mitimeline.ParseError) as caught:
        loads(data, header=None if data.startswith(b"id") else False)
    assert caught.value.location == location
    assert "expected UTF-8 text" in caught.value.reason


def test_empty_file_with_a_required_header() -> None:
    with pytest.raises(mitimeline.ParseError) as caught:
        loads("", header=True)
    assert caught.value.location == "row 1"
    assert "found an empty file" in caught.value.reason


def test_wrong_delimiter_option_is_reported() -> None:
    with pytest.raises(mitimeline.ParseError) as caught:
        loads("id;title;when\na;A;2020\n", delimiter=",")  # row 1 is no header: data
    assert caught.value.location == "row 1"
    assert "found one cell holding ';'; if ';' separates the cells, read with delimiter=';'" in (
        caught.value.reason)
    with pytest.raises(mitimeline.ParseError) as caught:
        loads("id;title;when\na;A;2020\n", delimiter=",", header=True)
    assert caught.value.location == "row 1, column 1"
    assert "got 'id;title;when'" in caught.value.reason


def test_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(H + "\na,A,someday\n", encoding="utf-8")
    with pytest.raises(mitimeline.ParseError) as caught:
        mitimeline.load(path)
    assert str(caught.value).startswith(f"{path}:row 2, column 'when': expected a date")
    assert (caught.value.format, caught.value.plugin) == ("csv", "mitimeline-csv")


def test_unwritable_text_raises_export_error() -> None:
    timeline = mitimeline.Timeline(events=[mitimeline.Event(id="a", title="\ud800", when="2020")])
    with pytest.raises(mitimeline.ExportError, match="UTF-8"):
        dumps(timeline)


# -- options -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [({"delimiter": "\t"}, ": bad option value: delimiter must be one of ',', ';', got '\\t'"),
     ({"delimiter": None}, ": bad option value: delimiter must be one of ',', ';', got None"),
     ({"header": "yes"}, ": bad option value: 'header' must be <class 'bool'>"),
     ({"header": None}, ": bad option value: 'header' must be <class 'bool'>"),
     ({"bom": 1}, ": bad option value: 'bom' must be <class 'bool'>"),
     ({"escape_formulas": None}, ": bad option value: 'escape_formulas' must be <class 'bool'>"),
     ({"quote": "all"}, " does not take option(s) quote; valid options: delimiter, header, "
                        "bom, escape_formulas")],
)
def test_bad_export_options_are_rejected(options: dict[str, Any], message: str,
                                         tmp_path: Path) -> None:
    timeline = mitimeline.load(EXAMPLE)
    expected = "^format 'csv'" + re.escape(message)
    with pytest.raises(mitimeline.OptionsError, match=expected):
        timeline.dumps("csv", **options)
    with pytest.raises(mitimeline.OptionsError, match=expected):
        timeline.export(tmp_path / "x.csv", **options)
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [({"delimiter": "|"}, ": bad option value: delimiter must be one of None, ',', ';', got '|'"),
     ({"header": 1}, ": bad option value: header must be one of None, True, False, got 1"),
     ({"title": 5}, ": bad option value: title must be text or None, got 5"),
     ({"unescape_formulas": "no"}, ": bad option value: 'unescape_formulas' must be "),
     ({"encoding": "latin-1"}, " does not take option(s) encoding; valid options: delimiter, "
                               "header, title, unescape_formulas")],
)
def test_bad_parse_options_are_rejected(options: dict[str, Any], message: str) -> None:
    with pytest.raises(mitimeline.OptionsError, match="^format 'csv'" + re.escape(message)):
        loads("id,title,when\n", **options)


def test_extra_is_json() -> None:
    timeline = mitimeline.Timeline(events=[mitimeline.Event(
        id="a", title="A", when="2020", extra={"cost_usd": 700000, "n": [1.5, None, "é"]})])
    assert dumps(timeline).splitlines()[1].endswith(
        '"{""cost_usd"":700000,""n"":[1.5,null,""é""]}"')
    assert loads(dumps(timeline)).events[0].extra == timeline.events[0].extra
    assert json.loads("{}") == loads(H + "\na,A,2020\n").events[0].extra


# -- claims ------------------------------------------------------------------------------


def test_claims_are_a_json_column_written_only_when_an_event_has_claims() -> None:
    timeline = claimed_timeline()
    text = dumps(timeline)
    header, jump, _release = list(csv.reader(io.StringIO(text, newline="")))
    assert header == list(COLUMNS) and header[-1] == "claims"
    assert json.loads(jump[-1])[0] == {
        "sources": ["independent-2020-10-05"], "when": "2020-09",
        "place": {"name": "Stranda", "country": "NO"},
        "note": "'last month' in a report of 5 October 2020"}
    assert list(loads(text)) == list(timeline)
    assert list(loads(dumps(timeline, header=False), header=False)) == list(timeline)


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_escaping_holds_for_claims(text: str) -> None:
    claim = mitimeline.Claim("a", title=text, note=text)
    timeline = mitimeline.Timeline(events=[mitimeline.Event(id="a", title="A", when="2020",
                                                            claims=[claim])])
    raw = dumps(timeline)
    row = list(csv.reader(io.StringIO(raw, newline="")))[1]
    assert all(not cell or cell[0] not in "=+-@\t\r" for cell in row)
    assert loads(raw).events[0].claims == (claim,)
