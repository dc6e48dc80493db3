"""benchmarks/run.py: one table of every benchmark the issues asked for, peers side by side."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mitimeline.testing.shared import shared_data

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
RUN = BENCHMARKS / "run.py"
SHARED = BENCHMARKS.parent.parent / "shared"


@pytest.fixture(scope="module")
def bench() -> Iterator[None]:
    """benchmarks/ importable, as it is for the scripts run from there."""
    sys.path.insert(0, str(BENCHMARKS))
    yield
    sys.path.remove(str(BENCHMARKS))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(RUN), *args], capture_output=True, text=True,
                          timeout=600, check=False)


def markdown_rows(stdout: str) -> list[dict[str, str]]:
    lines = [line for line in stdout.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(header, (cell.strip() for cell in re.split(r"(?<!\\)\|",
                                                                  line.strip("|"))), strict=True))
            for line in lines[1:]]


@pytest.fixture(scope="module")
def smoke() -> subprocess.CompletedProcess[str]:
    return run("--smoke", "--markdown")


# (figure starts with, peer / floor starts with): every figure issue 7 lists.
EXPECTED = [
    (".ics export", "icalendar"),
    (".ics export", "floor: our content"),
    (".ics import", "icalendar"),
    (".ics import, history (431 yearly series)", "icalendar"),
    (".ics import, mixed (714 series", "icalendar"),
    ("JSON load", "json.loads"),
    ("JSON dump", "json.dumps"),
    ("at (point)", "naive scan"),
    ("between (30 days)", "naive scan"),
    ("conflicts()", "pairwise check"),
    ("merge(), ", "loading those reports"),
    ("merge(), ", "pairwise scoring"),
    ("merge of one production, 40 news reports", ""),
    ("import mitimeline", "bare interpreter"),
    ("SVG Gantt, 20 events", ""),
    ("SVG Gantt, 200 events", "20 events × 10"),
    ("Mermaid Gantt, 200 events", "20 events × 10"),
    ("mitimeline-news, own full reports", ""),
    ("mitimeline-news, first parse in a fresh process", "second parse"),
    ("When.parse", "one re.fullmatch each"),
    ("news archive, 60 reports: processes", "serial"),
    ("news archive, 60 reports: local-cluster", "serial"),
    ("CalDAV re-publish unchanged, 30 events", ""),
]
TIME = re.compile(r"^[0-9.,]+ (s|ms|µs|ns)$")


def test_smoke_run_prints_every_figure_with_its_peer(
        smoke: subprocess.CompletedProcess[str]) -> None:
    assert smoke.returncode == 0, smoke.stderr
    rows = markdown_rows(smoke.stdout)
    for figure, peer in EXPECTED:
        found = [row for row in rows
                 if row["figure"].startswith(figure) and row["peer / floor"].startswith(peer)]
        assert found, f"no row for {figure!r} against {peer!r} in\n{smoke.stdout}"
        for row in found:
            assert TIME.match(row["ours"]), row
            if peer:
                assert TIME.match(row["peer"]), row
                assert row["ratio"].split("×")[0].replace(",", "").replace(".", "").isdigit(), row
    assert all(row["result"] in ("met", "MISSED", "") for row in rows)
    goals = [row for row in rows if row["result"]]
    assert f"of {len(goals)} goals met" in smoke.stdout
    news = next(row for row in rows if row["figure"].startswith("mitimeline-news, own full"))
    assert news["goal"] == "≥ 100 reports/s" and "reports/s" in news["notes"]
    # The quality figures on the shared corpora are in the same table, with their goals
    # (only when the corpora are there: missing, they skip naming the folder, fail under CI).
    shared_data(SHARED / "corpora" / "timex")
    shared_data(SHARED / "corpora" / "news")
    quality = {row["figure"]: row for row in rows if " F1, " in row["figure"]}
    assert re.fullmatch(r"F1 [01]\.\d{3}",
                        quality["find_dates value F1, meantime-en (en, 120 docs)"]["ours"])
    assert quality["news events F1, shared reports, de"]["goal"] == "F1 ≥ 0.75"


def test_smoke_run_reports_progress_on_stderr_only(
        smoke: subprocess.CompletedProcess[str]) -> None:
    assert "[gantt]" in smoke.stderr and "[gantt]" not in smoke.stdout
    assert "smoke sizes" in smoke.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--only", "json,nope"], "--only: unknown benchmark nope; expected some of import, json"),
    (["--gantt", "100,x"], "expected sizes like 100,1000,10000, got '100,x'"),
    (["--gantt", "0"], "expected positive sizes, got '0'"),
    (["--scale", "0"], "expected a positive number, got '0'"),
    (["--events", "many"], "expected a positive number, got 'many'"),
])
def test_bad_arguments_are_named(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_a_failing_benchmark_exits_1_after_the_others_print(
        bench: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import _common
    import run as runner

    def broken(args: object) -> list[_common.Row]:
        raise OSError("disk full")

    def slow(args: object) -> list[_common.Row]:
        return [_common.against("slow thing", 2.0, "floor", 0.5, at_most=3.0, goal="≤ 3×")]

    monkeypatch.setitem(runner.BENCHMARKS, "broken", ("fails", broken))
    monkeypatch.setitem(runner.BENCHMARKS, "slow", ("misses its goal", slow))
    assert runner.main(["--only", "slow,broken"]) == 1
    out, err = capsys.readouterr()
    assert "OSError: disk full" in err
    assert "slow thing" in out and "MISSED" in out
    assert "GOAL MISSED: slow thing: 2 s = 4.00× floor; goal ≤ 3×" in out
    assert "ERROR: benchmarks that did not run: broken" in out
    assert "0 of 1 goals met" in out


def test_a_missed_goal_is_flagged_not_an_error(
        bench: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import _common
    import run as runner

    monkeypatch.setitem(runner.BENCHMARKS, "slow", ("misses its goal", lambda args: [
        _common.Row("rate", 0.1, goal="≥ 20 articles/s", met=False, note="10 articles/s")]))
    assert runner.main(["--only", "slow", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert "| rate | 100 ms |  |  |  | ≥ 20 articles/s | MISSED | 10 articles/s |" in out
    assert "GOAL MISSED: rate: 100 ms; goal ≥ 20 articles/s; 10 articles/s" in out


@given(st.floats(min_value=1e-9, max_value=1e5))
def test_seconds_has_a_unit_and_at_most_three_digits_below_a_thousand(
        bench: None, value: float) -> None:
    from _common import seconds

    number, unit = seconds(value).split(" ")
    scale = {"s": 1.0, "ms": 1e-3, "µs": 1e-6, "ns": 1e-9}[unit]
    assert float(number.replace(",", "")) * scale == pytest.approx(value, rel=5e-3)
    assert unit == "s" or float(number) < 1000


@given(st.floats(min_value=1e-6, max_value=1e6), st.floats(min_value=1e-6, max_value=1e6))
def test_ratio_and_goal_of_a_row(bench: None, ours: float, theirs: float) -> None:
    from _common import against, ratio_text

    row = against("x", ours, "peer", theirs, at_most=2.0)
    assert row.ratio == pytest.approx(ours / theirs)
    assert row.met is (ours <= 2.0 * theirs)
    text = ratio_text(row.ratio)
    assert float(text.split("×")[0].replace(",", "")) == pytest.approx(row.ratio, rel=0.05)
    assert ("faster" in text) is (row.ratio < 0.5)
