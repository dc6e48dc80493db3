"""The bundled Mission: Impossible 7 dataset: the facts the reports support, and no more.

An edit to seeds/mi7.json that changes a date, its precision, a place or a citation
fails here.
"""

from __future__ import annotations

from datetime import date

import pytest

import mitimeline
from mitimeline import Timeline, When, datasets
from mitimeline.claims import narrow


@pytest.fixture(scope="module")
def mi7() -> Timeline:
    return datasets.mission_impossible_7()


def test_loads_by_call_and_by_path(mi7: Timeline) -> None:
    path = datasets.path("mission-impossible-7")
    assert path.name == "mi7.json"
    assert mitimeline.load(path) == mi7
    with pytest.raises(KeyError, match="no dataset 'mi9'; available: mission-impossible-7"):
        datasets.path("mi9")


def test_is_clean(mi7: Timeline) -> None:
    """No error or warning: the one finding is the Strand/Stranda spelling, which is info."""
    assert [(f.severity, f.code, f.event) for f in mi7.validate()] == [
        ("info", "place-variant", "stranda-filming")]
    assert all(event.sources for event in mi7)


def test_every_source_is_cited_with_outlet_date_and_language(mi7: Timeline) -> None:
    by_id = {source.id: source for source in mi7.sources}
    assert len(by_id) == 5
    assert by_id["independent-2020-10-05"].publisher == "The Independent"
    assert by_id["independent-2020-10-05"].published is not None
    assert by_id["independent-2020-10-05"].published.lower == date(2020, 10, 5)
    assert by_id["aceshowbiz-2020-10"].publisher == "AceShowbiz"
    assert {source.language for source in mi7.sources} == {"en", "de", "it"}
    assert all(source.published is not None for source in mi7.sources)


@pytest.mark.parametrize(
    ("event_id", "edtf", "precision", "kind", "country"),
    [
        ("norway-ramp-jump", "2020-09", "month", "stunt", "NO"),
        ("norway-train-roof-fight", "[2020-10-01..2020-10-05]", "day", "stunt", "NO"),
        ("director-post-cameras-rolling", "2020-09-06T09:14:00-07:00", "time", "announcement",
         "NO"),
        ("crew-ship-norway", "2020-09", "month", "other", "NO"),
        ("motorcycle-fire-stunt-gb", "2020-08%", "month", "stunt", "GB"),
        ("norway-wrap", "2020-10-05~/2020-10-06~", "day", "wrap", "NO"),
        ("move-to-rome", "2020-10-06~", "day", "move", "IT"),
        ("rome-shoot", "2020-10~/", "month", "shoot", "IT"),
        ("stranda-filming", "[2020-09-01..2020-10-06]", "day", "shoot", "NO"),
        ("rauma-filming", "[2020-09-01..2020-10-06]", "day", "shoot", "NO"),
        ("levisham-train-shoot", "[2020-10..2021-11]", "month", "shoot", "GB"),
        ("levisham-camera-operator", "[2020-10..2021-11]", "month", "stunt", "GB"),
        ("levisham-return-announced", "[2020-10..2021-11]", "month", "announcement", "GB"),
        ("fallout-finale-norway", "[..2018]", "year", "other", "NO"),
    ],
)
def test_dates_precision_and_places(mi7: Timeline, event_id: str, edtf: str, precision: str,
                                    kind: str, country: str) -> None:
    event = mi7[event_id]
    assert event.when == When(edtf)
    assert event.when.precision == precision
    assert event.kind == kind
    assert event.place is not None and event.place.country == country


def test_the_pandemic_hiatus_ends_when_filming_resumes(mi7: Timeline) -> None:
    hiatus, post = mi7["pandemic-hiatus"], mi7["director-post-cameras-rolling"]
    assert hiatus.kind == "hiatus"
    assert hiatus.when.open_start and hiatus.when.upper == date(2020, 9, 6)
    assert post.when.start_datetime is not None
    assert post.when.start_datetime.isoformat() == "2020-09-06T09:14:00-07:00"


def test_the_ship_costs_700000_dollars(mi7: Timeline) -> None:
    assert mi7["crew-ship-norway"].extra == {"cost_usd": 700000}


def test_the_train_stunt_is_early_october_and_the_ramp_jump_the_month_before(
        mi7: Timeline) -> None:
    ramp, train = mi7["norway-ramp-jump"], mi7["norway-train-roof-fight"]
    assert train.when.describe() == "some time in 1 October 2020 to 5 October 2020"
    assert train.when.is_one_of
    assert train.when.lower == date(2020, 10, 1) and train.when.upper == date(2020, 10, 5)
    assert ramp.when.before(train.when) is True
    assert {c.name for c in train.people} >= {"Tom Cruise", "Hayley Atwell"}


@pytest.mark.parametrize(
    ("event_id", "name", "lat", "lon"),
    [("stranda-filming", "Stranda", 62.3, 6.9), ("rauma-filming", "Rauma", 62.6, 7.7),
     ("move-to-rome", "Rome", 41.9, 12.5), ("levisham-train-shoot", "Levisham", 54.3, -0.7)],
)
def test_places_carry_coordinates(mi7: Timeline, event_id: str, name: str, lat: float,
                                  lon: float) -> None:
    place = mi7[event_id].place
    assert place is not None and place.name == name
    assert place.latitude == pytest.approx(lat, abs=0.1)
    assert place.longitude == pytest.approx(lon, abs=0.1)


def test_the_strand_stranda_spelling_difference_is_two_place_claims(mi7: Timeline) -> None:
    stranda = mi7["stranda-filming"]
    spellings = {claim.sources: claim.place.name for claim in stranda.claims if claim.place}
    assert spellings == {("aceshowbiz-2020-10",): "Strand",
                         ("norway-wrap-report-2020-10-06",): "Stranda"}
    assert stranda.place is not None and stranda.place.name == "Stranda"
    assert "spellings" not in stranda.extra
    assert set(stranda.sources) == {"aceshowbiz-2020-10", "norway-wrap-report-2020-10-06"}
    (variant,) = [f for f in mi7.validate() if f.code == "place-variant"]
    assert "Strand" in variant.message and variant.event == "stranda-filming"


def test_the_ramp_jump_is_september_in_every_report(mi7: Timeline) -> None:
    ramp = mi7["norway-ramp-jump"]
    assert [claim.sources for claim in ramp.claims] == [
        ("independent-2020-10-05",), ("aceshowbiz-2020-10",), ("de-filming-restarts-2020-09",)]
    assert {claim.when for claim in ramp.claims} == {When("2020-09")} == {ramp.when}


def test_the_train_stunt_is_dated_as_each_report_dates_it_and_narrowed(mi7: Timeline) -> None:
    """Each report's dating is a claim; the event's date is the tightest within all of them."""
    train = mi7["norway-train-roof-fight"]
    claimed = {claim.sources[0]: claim.when for claim in train.claims}
    assert claimed == {"independent-2020-10-05": When("[2020-09-06..2020-10-05]"),
                       "aceshowbiz-2020-10": When("2020-10~"),
                       "norway-wrap-report-2020-10-06": When("[2020-09-06..2020-10-06]")}
    assert narrow(list(claimed.values())) == train.when
    assert all(when.contains(train.when) for when in claimed.values())


def test_the_undated_levisham_report_states_its_vague_date(mi7: Timeline) -> None:
    """Some time in October 2020 to November 2021 (one of a set), not a stay lasting from
    October 2020 to November 2021 (an interval): the report is undated."""
    for event_id in ("levisham-train-shoot", "levisham-camera-operator",
                     "levisham-return-announced"):
        (claim,) = mi7[event_id].claims
        assert claim.sources == ("it-levisham-report",)
        assert claim.when == mi7[event_id].when == When("[2020-10..2021-11]")
        assert claim.when.is_one_of
        # a report dated April 2021 would narrow it to April 2021
        assert narrow([claim.when, When("2021-04")]) == When("2021-04")
        assert claim.note is not None and "undated" in claim.note
    report = next(source for source in mi7.sources if source.id == "it-levisham-report")
    assert report.published == When("[2020-10..2021-11]")


def test_reports_of_some_time_in_a_window_are_one_of_sets(mi7: Timeline) -> None:
    """An event or claim dated by a window a report places it in is one of a set; an
    interval is kept for what lasted (the hiatus, the Norway shoot, the Rome shoot, the
    wrap)."""
    windows = {event.id for event in mi7 if event.when.is_one_of}
    assert windows == {"fallout-finale-norway", "stranda-filming", "rauma-filming",
                       "norway-train-roof-fight", "levisham-train-shoot",
                       "levisham-camera-operator", "levisham-return-announced"}
    lasting = {event.id for event in mi7 if event.when.is_interval}
    assert lasting == {"pandemic-hiatus", "norway-shoot", "norway-wrap", "rome-shoot"}
    assert not any(claim.when is not None and claim.when.is_interval
                   for event in mi7 for claim in event.claims)
    # narrowing the train stunt's windows by "October" keeps it some time in 1-5 October
    train = mi7["norway-train-roof-fight"]
    assert narrow([claim.when for claim in train.claims if claim.when]) == train.when


def test_each_release_date_has_its_own_source(mi7: Timeline) -> None:
    for release in mi7.filter(kind="release"):
        (claim,) = release.claims
        assert claim.when == release.when and claim.status == "planned"
        assert release.sources == claim.sources


def test_releases_per_region_as_planned(mi7: Timeline) -> None:
    releases = {(e.region, str(e.when)): e for e in mi7.filter(kind="release")}
    assert set(releases) == {("US", "2021-11-19"), ("IT", "2021-11-19"), ("DE", "2021-11-18"),
                             ("DE", "2022-11-03")}
    assert all(e.status == "planned" for e in releases.values())
    assert "mission-impossible-8" in releases[("DE", "2022-11-03")].tags


def test_mi7mi8_hint(mi7: Timeline) -> None:
    announced = mi7["levisham-return-announced"]
    assert announced.status == "planned" and "#MI7MI8" in announced.title


def test_queries_on_the_dataset(mi7: Timeline) -> None:
    norway_stunts = mi7.filter(kind="stunt", country="NO")
    assert [e.id for e in norway_stunts] == ["norway-ramp-jump", "norway-train-roof-fight"]
    assert "norway-train-roof-fight" in mi7.at("2020-10-05")
    assert [e.id for e in mi7.between("2021-11-18", "2021-11-18").filter(kind="release")] == [
        "release-de-2021-11-18"]


def test_the_docs_chart_is_current(mi7: Timeline) -> None:
    """docs/datasets.md shows docs/assets/mi7-gantt.svg: it must match the data and exporter."""
    from pathlib import Path

    chart = Path(__file__).resolve().parent.parent / "docs" / "assets" / "mi7-gantt.svg"
    options = {"group_by": "place", "start": "2020-07", "end": "2022-12"}
    assert chart.read_text(encoding="utf-8") == mi7.dumps("svg", **options), (
        f"regenerate: mi7.export('docs/assets/mi7-gantt.svg', **{options})")
