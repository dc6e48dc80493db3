"""The labelled set: the scores must not fall below what the parser reaches today, and the
scorer itself must count right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mitimeline import Event, Place, Source, Timeline, When
from mitimeline.testing.shared import shared_data

from mitimeline_news.evaluation import (
    DEFAULT_CORPORA,
    DEFAULT_KEYS,
    DEFAULT_SEEDS,
    HALF,
    Score,
    credit,
    evaluate,
    load_corpus,
    load_keys,
    main,
    merged_comparison,
    same_dates,
    same_qualifiers,
    score_dates,
    scores,
    without_assumed_dates,
)

KEYS = {path.stem: path for path in DEFAULT_KEYS}

# What the parser reaches (precision, recall, F1, rounded down) under the matching rule of
# the shared corpus (kind, dates end by end within a day, other qualifiers half a match:
# scoring.py); raise these when it gets better,
# never lower them to make a change pass. ("A few weeks ago" is a vague span whose width
# the keys and the parser draw differently, so it misses under this rule.)
FLOORS = {
    "sentences": {"all": (0.96, 0.96, 0.96), "en": (0.947, 0.947, 0.947),
                  "it": (1.0, 1.0, 1.0), "de": (0.937, 0.937, 0.937)},
    "articles": {"all": (1.0, 0.923, 0.96), "en": (1.0, 1.0, 1.0), "it": (1.0, 1.0, 1.0),
                 "de": (1.0, 0.75, 0.857)},
    "seeds": {"all": (0.875, 0.875, 0.875), "en": (0.857, 0.857, 0.857), "it": (1.0, 1.0, 1.0)},
}


# The same on material the plugin's authors did not write (../shared/corpora): events per
# language on the shared labelled reports, and find_dates' extent and value F1 on the
# TIMEX corpora (the corpora's own score.py). Rounded down; raise, never lower. (Lowered
# once, from 0.84 / 0.86 / 0.75, when the scorer stopped ignoring qualifiers: five half
# matches, the parser unchanged.)
SHARED_EVENT_FLOORS = {"en": 0.82, "de": 0.80, "it": 0.73}
DATE_FLOORS = {("meantime-en", "official"): (0.59, 0.54),
               ("meantime-en", "annotated"): (0.94, 0.90),
               ("krauts-dev", "official"): (0.90, 0.83), ("wikiwarsde", "official"): (0.96, 0.90)}


def test_shared_report_scores_do_not_fall() -> None:
    shared_data(DEFAULT_CORPORA / "news")
    reached = scores(evaluate(load_corpus(DEFAULT_CORPORA / "news")))
    for language, floor in SHARED_EVENT_FLOORS.items():
        assert reached[language].f1 >= floor, (language, reached[language])


def test_find_dates_scores_on_the_timex_corpora_do_not_fall() -> None:
    shared_data(DEFAULT_CORPORA / "timex")
    for result in score_dates(DEFAULT_CORPORA / "timex"):
        part = "official" if result.part == "official" else "annotated"
        extent, value = DATE_FLOORS[result.corpus, part]
        assert result.extent[2] >= extent and result.value[2] >= value, result


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_scores_do_not_fall(name: str) -> None:
    reports = load_keys([KEYS[name]])
    if name == "seeds":
        shared_data(DEFAULT_SEEDS)
    outcomes = evaluate(reports)
    assert not [o.report.id for o in outcomes if o.skipped]
    reached = scores(outcomes)
    for language, floor in FLOORS[name].items():
        score = reached[language]
        figures = (score.precision, score.recall, score.f1)
        assert all(got >= want for got, want in zip(figures, floor, strict=True)), (
            f"{name}/{language}: P {figures[0]:.3f} R {figures[1]:.3f} F1 {figures[2]:.3f} "
            f"fell below {floor}")


def test_the_labelled_set_is_big_enough() -> None:
    sentences = load_keys([KEYS["sentences"]])
    by_language = {code: [r for r in sentences if r.language == code] for code in
                   ("en", "it", "de")}
    assert len(sentences) >= 30
    assert all(len(reports) >= 10 for reports in by_language.values())
    assert len(load_keys([KEYS["seeds"]])) == 5


def test_same_dates_compares_each_end_within_a_day() -> None:
    assert same_dates(When("2020-09"), When("2020-09"))
    assert same_dates(When("2020-09-06"), When("2020-09-07"))  # a day apart
    assert not same_dates(When("2020-09-06"), When("2020-09-08"))
    assert not same_dates(When("2020"), When("2020-09"))  # a year is not a month
    assert not same_dates(When("2020-09"), When("2020-09-15"))  # a month is not a day
    assert same_dates(When("2020-10-01~/2020-10-10~"), When("2020-10-02~/2020-10-11~"))
    assert same_dates(When("2020-09-06/.."), When("2020-09-06/.."))
    assert same_dates(When("../2020-09-06"), When("../2020-09-07"))
    assert same_dates(When("2020-09-06/"), When("2020-09-05/"))
    # A month-long interval is not the month: each end is compared as a date.
    assert not same_dates(When("2020-09-01/2020-09-30"), When("2020-09"))


@pytest.mark.parametrize(("a", "b"), [
    ("2020-09-06/..", "1990/.."),  # open ends alike, known ends 30 years apart
    ("../2020-09-06", "../1990"),
    ("2020-09-06/..", "2020-09-06"),  # an open end is no known date
    ("2020-09-06/..", "2020-09-06/9999-12-30"),  # however far the known end is
    ("../2020-09-06", "2020-09-06"),
    ("2020-09-06/..", "../2020-09-06"),  # the known end on the other side
    ("2020-09-06/..", "2020-09-06/"),  # open is not unknown
    ("2020-09/..", "2020-09-01/.."),  # a month is not a day, at a known end too
    ("2020-09-06/2020-09-20", "2020-09-06/2020-09-23"),
])
def test_pairs_that_must_not_match(a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        assert not same_dates(When(x), When(y)), (x, y)
        assert credit(When(x), When(y)) == 0.0, (x, y)


@pytest.mark.parametrize(("a", "b"), [
    ("2020-09~", "2020-09"),
    ("2020-09?", "2020-09"),
    ("2020-09%", "2020-09~"),
    ("2020-09-06~/..", "2020-09-06/.."),
    ("2020-10-01/2020-10-10~", "2020-10-01/2020-10-10"),
])
def test_other_qualifiers_are_half_a_match(a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        assert same_dates(When(x), When(y)) and not same_qualifiers(When(x), When(y))
        assert credit(When(x), When(y)) == HALF == 0.5


def test_same_dates_and_qualifiers_are_a_whole_match() -> None:
    assert credit(When("2020-09~"), When("2020-09~")) == 1.0
    assert credit(When("2020-10-01~/2020-10-10~"), When("2020-10-02~/2020-10-11~")) == 1.0
    assert credit(When("2020-09-06/.."), When("2020-09-06/..")) == 1.0


def test_score_arithmetic() -> None:
    score = Score(3, 1, 2) + Score(1, 0, 0)
    assert (score.precision, score.recall) == (0.8, 4 / 6)
    assert score.f1 == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))
    assert Score().f1 == 1.0 and Score(0, 1, 1).f1 == 0.0


def test_a_wrong_key_costs_precision_and_recall(tmp_path: Path) -> None:
    keys = {"reports": [
        {"id": "right", "language": "en", "published": "2020-10-05",
         "text": "Last month the crew filmed a stunt.",
         "expected": [{"kind": "stunt", "when": "2020-09"}]},
        {"id": "wrong-kind", "language": "en", "published": "2020-10-05",
         "text": "Last month the crew filmed a stunt.",
         "expected": [{"kind": "shoot", "when": "2020-09"}]},
        {"id": "wrong-precision", "language": "en", "published": "2020-10-05",
         "text": "Last month the crew filmed a stunt.",
         "expected": [{"kind": "stunt", "when": "2020"}]},
        {"id": "missing-seed", "language": "en", "published": None, "file": "nope.txt",
         "expected": []},
    ]}
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(keys), encoding="utf-8")
    outcomes = evaluate(load_keys([path]), tmp_path)
    assert [o.matched for o in outcomes] == [1, 0, 0, 0]
    assert outcomes[-1].skipped
    total = scores(outcomes)["all"]
    assert (total.true_positives, total.false_positives, total.false_negatives) == (1, 2, 2)


def _keys(tmp_path: Path, *reports: dict[str, object]) -> Path:
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"reports": list(reports)}), encoding="utf-8")
    return path


STUNT = {"language": "en", "published": "2020-10-05",
         "text": "Last month the crew filmed a stunt."}  # a stunt in 2020-09


def test_other_qualifiers_count_half_each_way(tmp_path: Path) -> None:
    path = _keys(tmp_path, {**STUNT, "id": "approx", "expected": [
        {"kind": "stunt", "when": "2020-09~", "evidence": "Last month"}]})
    (outcome,) = evaluate(load_keys([path]), tmp_path)
    assert (outcome.matched, outcome.missed, outcome.extra) == (0, (), ())
    ((expected, event),) = outcome.halves
    assert (str(expected.when), str(event.when)) == ("2020-09~", "2020-09")
    assert outcome.score == Score(0.5, 0.5, 0.5)
    assert scores([outcome])["en"].f1 == 0.5


def test_a_key_that_assumes_a_publication_date_is_scored_without_it_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _keys(tmp_path,
                 {**STUNT, "id": "undated", "published_assumed": True,
                  "expected": [{"kind": "stunt", "when": "2020-09"}]},
                 {**STUNT, "id": "dated", "expected": [{"kind": "stunt", "when": "2020-09"}]})
    reports = load_keys([path])
    assert [r.published_assumed for r in reports] == [True, False]
    bare = without_assumed_dates(reports)
    assert [(r.published, r.published_assumed) for r in bare] == [(None, False),
                                                                   ("2020-10-05", False)]
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert ("keys: the key assumes a publication date for 1 undated report(s): undated "
            "(2020-10-05); scored with it, and again without it as 'keys, no assumed "
            "dates'") in out
    with_it, without_it = out.split("keys, no assumed dates\n")
    assert "all     1.000  1.000  1.000     2     0     0" in with_it
    # Without a publication date "last month" has no date: that report finds nothing.
    assert "all     1.000  0.500  0.667     1     0     1" in without_it


@pytest.mark.parametrize(("entry", "message"), [
    ({"published_assumed": "yes"}, "'published_assumed' must be true .* got 'yes'"),
    ({"published_assumed": True, "published": None},
     r"'published_assumed' must be true \(with a 'published' date\) or false, got True"),
])
def test_a_bad_published_assumed_is_named(tmp_path: Path, entry: dict[str, object],
                                          message: str) -> None:
    path = _keys(tmp_path, {**STUNT, "id": "r1", "expected": [], **entry})
    with pytest.raises(ValueError, match=f"keys.json: report 'r1': {message}"):
        load_keys([path])


def test_main_prints_the_table_and_the_misses(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"reports": [
        {"id": "r1", "language": "en", "published": "2020-10-05",
         "text": "Last month the crew filmed a stunt.",
         "expected": [{"kind": "wrap", "when": "2020-09", "evidence": "filmed a stunt"}]}]}),
        encoding="utf-8")
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == str(path)
    assert out.splitlines()[1].split() == ["set", "P", "R", "F1", "TP", "FP", "FN"]
    assert "all     0.000  0.000  0.000     0     1     1" in out
    assert "missed  wrap" in out and "extra   stunt" in out


def test_main_scores_each_key_file_on_its_own(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    right = tmp_path / "right.json"
    right.write_text(json.dumps({"reports": [{**STUNT, "id": "r", "expected": [
        {"kind": "stunt", "when": "2020-09"}]}]}), encoding="utf-8")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"reports": [{**STUNT, "id": "w", "expected": [
        {"kind": "wrap", "when": "2020-09"}]}]}), encoding="utf-8")
    assert main([str(right), str(wrong)]) == 0
    first, second = capsys.readouterr().out.split(f"\n\n{wrong}\n")
    assert first.startswith(f"{right}\n")
    assert "all     1.000  1.000  1.000     1     0     0" in first
    assert "all     0.000  0.000  0.000     0     1     1" in second
    assert "     1     1     1" not in first + second  # no figure pools the two files


def test_main_reports_a_bad_key_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"reports": [
        {"id": "r1", "language": "en", "text": "x", "expected": [{"kind": "wrap",
                                                                  "when": "soon"}]}]}),
        encoding="utf-8")
    assert main([str(path)]) == 2
    assert "report 'r1'" in capsys.readouterr().err


def test_merged_seeds_against_the_dataset() -> None:
    shared_data(DEFAULT_SEEDS)
    result = merged_comparison(load_keys([KEYS["seeds"]]))
    merged = list(result.merged)
    assert result.events_out == len(merged) <= result.events_in
    assert result.events_out < result.events_in  # the reports share events
    matched = [mine for mine, _ in result.matched]
    assert sorted(matched + list(result.unmatched)) == sorted(e.id for e in merged)
    assert len({theirs for _, theirs in result.matched}) == len(result.matched)
    assert len(result.matched) <= result.dataset_events == 20
    joined = [e for e in merged if len({s for c in e.claims for s in c.sources}) > 1]
    assert joined and all(len(e.claims) > 1 for e in joined)
    codes = [f.code for f in result.merged.validate()]
    assert (result.contradictions, result.reschedules) == (
        codes.count("contradiction"), codes.count("rescheduled"))
    assert result.reschedules >= 1  # the seeds give the release as 18 and 19 November 2021


def test_merged_comparison_matches_one_to_one(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"reports": [
        {"id": f"r{n}", "language": "en", "published": "2020-10-05",
         "text": "Last month the crew filmed a stunt in Norway.", "expected": []}
        for n in (1, 2)]}), encoding="utf-8")
    source = Source("curated", "Curated")
    dataset = Timeline("Curated", sources=[source], events=[
        Event("a", "Ramp jump", "2020-09-06", kind="stunt", place=Place("Stranda", country="NO"),
              sources=["curated"]),
        Event("b", "Another stunt", "2020-09", kind="stunt", sources=["curated"]),
        Event("c", "Fire stunt", "2020-09", kind="stunt", place=Place("Levisham", country="GB"),
              sources=["curated"]),
        Event("d", "Shoot", "2020-09", kind="shoot", sources=["curated"])])
    result = merged_comparison(load_keys([path]), tmp_path, dataset)
    assert (result.events_in, result.events_out) == (2, 1)
    assert len(result.matched) == 1 and result.matched[0][1] in {"a", "b"}
    assert result.unmatched == () and result.dataset_events == 4
    empty = Timeline("Curated", sources=[source], events=[dataset["c"], dataset["d"]])
    assert merged_comparison(load_keys([path]), tmp_path, empty).unmatched == (
        result.matched[0][0],)


def test_main_merged_prints_both_figures(capsys: pytest.CaptureFixture[str]) -> None:
    shared_data(DEFAULT_SEEDS)
    assert main(["--merged"]) == 0
    out = capsys.readouterr().out
    assert "dataset events matched by a merged candidate: " in out
    assert " of 20" in out and "merged candidates matching no dataset event: " in out


def test_main_merged_without_the_seeds(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--merged", "--seeds", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "not found" in err and "--seeds" in err


def _corpus(folder: Path, name: str, header: str, body: str, events: list[dict[str, object]],
            language: str = "en") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(f"{header}\n\n{body}\n", encoding="utf-8")
    (folder / f"{name}.expected.json").write_text(json.dumps(
        {"language": language, "published": None, "film": "X", "events": events}),
        encoding="utf-8")


def test_a_corpus_report_reads_its_header_and_optional_events_count_neither_way(
        tmp_path: Path) -> None:
    news = tmp_path / "news"
    _corpus(news, "en-01_x", "source: https://example.org/a (The Example), date: 2020-10-05",
            "Last month the crew filmed a stunt in Norway.",
            [{"kind": "stunt", "date": "2020-09", "evidence": "", "optional": False},
             {"kind": "shoot", "date": "2020-09", "evidence": "", "optional": True}])
    (report,) = load_corpus(news)
    assert (report.published, report.publisher, report.url) == (
        "2020-10-05", "The Example", "https://example.org/a")
    assert report.text is not None and report.text.startswith("Last month")
    (outcome,) = evaluate([report])
    assert (outcome.matched, outcome.missed, outcome.extra) == (1, (), ())


def test_a_corpus_folder_without_keys_or_with_a_bad_header_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no labelled reports"):
        load_corpus(tmp_path)
    _corpus(tmp_path, "en-02_y", "from somewhere", "Text.", [])
    with pytest.raises(ValueError, match=r"en-02_y\.txt: line 1: expected 'source: URL"):
        load_corpus(tmp_path)


def test_main_prints_shared_then_own_sets_and_says_what_was_not_scored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _corpus(tmp_path / "news", "de-01_z", "source: https://example.org/b (Blatt), "
            "date: 2021-03-10", "Der Film soll am 12. November 2021 in die Kinos kommen.",
            [{"kind": "release", "date": "2021-11-12", "evidence": "", "optional": False}],
            language="de")
    assert main(["--corpora", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"not scored: {tmp_path / 'timex' / 'score.py'} not found" in out
    rows = [line.split()[0:3] for line in out.splitlines() if line.startswith(("shared", "own"))]
    assert rows[0][:3] == ["shared", "news", "(others')"]
    assert any(row[:2] == ["own:", "sentences"] for row in rows)
    # The seeds' key assumes dates for three undated reports: said, and scored without.
    assert any(row[:3] == ["own:", "seeds,", "no"] for row in rows)
    assert "own: seeds: the key assumes a publication date for 3 undated report(s)" in out
    assert "no figure pools sets" in out


def test_meantime_lead_keeps_the_mentions_of_the_first_six_lines() -> None:
    from mitimeline_news import find_dates
    from mitimeline_news.evaluation.timex import meantime_lead

    lines = ["A title of 5 May 2020", "May 5, 2020", "It began on 6 May 2020.",
             "Two days later it stopped.", "Nothing on 7 May 2020.", "Then 8 May 2020.",
             "A late date, 9 May 2020.", "And 10 May 2020."]
    text = "\n".join(lines)
    whole = find_dates(text, published="2020-05-05", language="en")
    lead = meantime_lead(text, published="2020-05-05", language="en")
    cut = len("\n".join(lines[:6]))
    assert lead == [m for m in whole if m.start < cut]
    assert len(lead) == len(whole) - 2
    assert meantime_lead("2 June 2020", published="2020-06-02", language="en") \
        == find_dates("2 June 2020", published="2020-06-02", language="en")
