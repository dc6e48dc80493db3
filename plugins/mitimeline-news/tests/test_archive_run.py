"""A whole run on Dask (mitimeline_news.archive.bag, outputs, the news-archive command):
every scheduler writes the bytes a serial run writes, every record is accounted for, a
re-run gives the same files, and every error a user can make says what was expected."""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path
from typing import Any

import mitimeline
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mitimeline.cli import main

from mitimeline_news.archive import (
    load_productions,
    parse_many,
    read_records,
    run_archive,
    timelines_from_bag,
    to_bag,
)
from mitimeline_news.archive.outputs import CANDIDATE_COLUMNS, write_atomic

OUTPUTS = ("candidates.parquet", "dune-2021.json", "errors.jsonl", "harbour.json", "mi7.json",
           "summary.json")


def files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    from contextlib import redirect_stderr, redirect_stdout

    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def serial(archive: Path, productions_file: Path, tmp_path: Path) -> dict[str, bytes]:
    run_archive([str(archive)], str(productions_file), str(tmp_path / "serial"),
                scheduler="synchronous", partition_size=2)
    return files(tmp_path / "serial")


def test_a_run_writes_every_output(serial: dict[str, bytes]) -> None:
    assert tuple(serial) == OUTPUTS
    summary = json.loads(serial["summary.json"])
    assert (summary["records"], summary["parsed"], summary["skipped"], summary["failed"]) == (
        7, 4, 1, 2)
    assert summary["productions"]["mi7"] == {
        "title": "Mission: Impossible – Dead Reckoning", "reports": 3, "candidates": 4,
        "events": len(mitimeline.loads(serial["mi7.json"], "json"))}
    assert summary["productions"]["dune-1984"]["reports"] == 0
    errors = [json.loads(line) for line in serial["errors.jsonl"].splitlines()]
    assert [(e["id"], e["where"]) for e in errors] == [("r5", "archive.jsonl line 5"),
                                                      ("r7", "archive.jsonl line 7")]


def test_candidates_parquet_has_one_row_per_candidate(serial: dict[str, bytes]) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(io.BytesIO(serial["candidates.parquet"]))
    assert tuple(table.column_names) == CANDIDATE_COLUMNS
    rows = table.to_pylist()
    assert [(r["report"], r["production"], r["kind"], r["edtf"]) for r in rows] == [
        ("r1", "mi7", "shoot", "2020-09-30"), ("r1", "mi7", "release", "2021-11-19"),
        ("r2", "dune-2021", "wrap", "2020-09"), ("r2", "mi7", "shoot", "2020-10-05"),
        ("r4", "mi7", "shoot", "2020-10-19"), ("r6", "harbour", "shoot", "2020-03-03")]
    assert rows[0]["evidence"].startswith("Filming of MI7 resumed")
    assert rows[0]["place"] == "Norway" and rows[0]["source"] == "r1"


def test_the_merged_timelines_are_parse_many_merged(serial: dict[str, bytes], archive: Path,
                                                    productions_file: Path) -> None:
    productions = load_productions(str(productions_file))
    merged = parse_many(read_records([str(archive)]), productions=productions).merged()
    assert {f"{key}.json": mitimeline.dumps(value, "json").encode()
            for key, value in merged.items()} == {
        name: data for name, data in serial.items() if name.endswith(".json")
        and name != "summary.json"}


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_every_local_scheduler_writes_the_serial_bytes(
        serial: dict[str, bytes], archive: Path, productions_file: Path, tmp_path: Path,
        scheduler: str) -> None:
    run_archive([str(archive)], str(productions_file), str(tmp_path / scheduler),
                scheduler=scheduler, workers=2, partition_size=3)
    assert files(tmp_path / scheduler) == serial


def test_a_distributed_cluster_writes_the_serial_bytes(
        serial: dict[str, bytes], archive: Path, productions_file: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        run_archive([str(archive)], str(productions_file), str(tmp_path / "cluster"),
                    scheduler=client, partition_size=1, progress=True)
        # Released futures leave the workers asynchronously: wait (a few seconds at most).
        deadline = time.monotonic() + 10
        while any(client.has_what().values()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(client.has_what().values()), client.has_what()  # all released
    assert files(tmp_path / "cluster") == serial
    err = capsys.readouterr().err  # one bar per phase: 7 partitions, 7 id buckets, 4 merges
    assert all(f"| {n}/{n} {name} tasks\n" in err
               for n, name in ((7, "parse"), (7, "duplicate"), (4, "merge")))


@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(1, 8), order=st.permutations(range(3)))
def test_partition_size_and_archive_forms_do_not_change_the_output(
        archive: Path, productions_file: Path, tmp_path_factory: pytest.TempPathFactory,
        size: int, order: list[int]) -> None:
    """The archive split into a JSON Lines file, a Parquet file and a .txt folder (in an
    order Hypothesis picks, which numbers the records differently) gives the same merged
    timelines, whatever the partition size."""
    folder = tmp_path_factory.mktemp("forms")
    records = [json.loads(line) for line in archive.read_text().splitlines()]
    paths = [_jsonl(folder, records[:3]), _parquet(folder, records[3:5]),
             _txt_folder(folder, records[5:])]
    run_archive([paths[i] for i in order], str(productions_file), str(folder / "out"),
                scheduler="synchronous", partition_size=size)
    out = files(folder / "out")
    expected = parse_many(read_records([str(archive)]),
                          productions=load_productions(str(productions_file))).merged()
    assert sorted(name for name in out if name not in OUTPUTS) == []
    for name, theirs in expected.items():
        ours = mitimeline.loads(out[f"{name}.json"], "json")
        assert sorted(s.id for s in ours.sources) == sorted(s.id for s in theirs.sources)
        assert sorted(e.when.edtf for e in ours) == sorted(e.when.edtf for e in theirs)
    summary = json.loads(out["summary.json"])
    assert (summary["records"], summary["parsed"], summary["skipped"], summary["failed"]) == (
        7, 4, 1, 2)


def _jsonl(folder: Path, records: list[dict[str, Any]]) -> str:
    path = folder / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def _parquet(folder: Path, records: list[dict[str, Any]]) -> str:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = ["id", "text", "published", "language", "outlet", "url", "title"]
    pq.write_table(pa.table({c: pa.array([r.get(c) for r in records], type=pa.string())
                             for c in columns}), folder / "b.parquet")
    return str(folder / "b.parquet")


def _txt_folder(folder: Path, records: list[dict[str, Any]]) -> str:
    (folder / "txt").mkdir()
    for r in records:  # a .txt report has no language or title: "auto" reads English
        (folder / "txt" / f"{r['id']}.txt").write_text(
            f"source: https://x.example/{r['id']} (Reel), date: {r['published']}\n{r['text']}")
    return str(folder / "txt")


def test_a_rerun_rewrites_the_same_bytes_and_leaves_no_temporary_files(
        serial: dict[str, bytes], archive: Path, productions_file: Path,
        tmp_path: Path) -> None:
    run_archive([str(archive)], str(productions_file), str(tmp_path / "serial"),
                scheduler="synchronous", partition_size=5)
    assert files(tmp_path / "serial") == serial


def test_timelines_from_bag_gives_one_merged_timeline_per_production(
        archive: Path, productions_file: Path) -> None:
    productions = load_productions(str(productions_file))
    bag = to_bag([str(archive)], partition_size=2)
    assert bag.npartitions == 4
    merged = dict(timelines_from_bag(bag, productions).compute(scheduler="synchronous"))
    assert sorted(merged) == ["dune-2021", "harbour", "mi7"]
    assert merged == parse_many(read_records([str(archive)]), productions=productions).merged()


# -- atomic writes --------------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "summary.json"
    target.write_text("old")

    def half(stream: Any) -> None:
        stream.write(b"new, half")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        write_atomic(str(target), half)
    assert os.listdir(tmp_path) == ["summary.json"] and target.read_text() == "old"


def test_an_output_folder_that_cannot_be_made_is_an_export_error(
        archive: Path, productions_file: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    code, _, err = cli("news-archive", str(archive), "--productions", str(productions_file),
                       "-o", str(tmp_path / "file" / "out"), "--scheduler", "synchronous")
    assert code == 3
    assert "cannot create the output folder" in err and "file/out" in err


# -- the command ----------------------------------------------------------------------------


def test_the_command_is_listed() -> None:
    code, out, _ = cli("--help")
    assert code == 0 and "news-archive" in out


def test_loading_the_plugin_and_its_command_does_not_import_dask() -> None:
    import subprocess
    import sys

    code = ("import sys, mitimeline.cli, mitimeline.plugins; mitimeline.plugins.list_commands();"
            " mitimeline.list_formats(); print(sorted(m for m in ('dask', 'distributed', "
            "'pyarrow', 'zstandard') if m in sys.modules), 'mitimeline_news' in sys.modules)")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MITIMELINE_")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env=environment)
    assert result.stdout.split() == ["[]", "True"]


def test_the_command_runs_and_says_what_became_of_the_records(
        serial: dict[str, bytes], archive: Path, productions_file: Path,
        tmp_path: Path) -> None:
    code, out, err = cli("news-archive", str(archive), "--productions", str(productions_file),
                         "-o", str(tmp_path / "cli"), "--scheduler", "threads", "--workers",
                         "2", "--partition-size", "2")
    assert code == 0, err
    assert out == ("7 records: 4 parsed, 1 skipped (no production), 2 failed (see "
                   f"errors.jsonl); 3 productions -> {tmp_path / 'cli'}\n")
    assert "100% Completed" in err  # the progress bar
    assert files(tmp_path / "cli") == serial


@pytest.mark.parametrize(("args", "message"), [
    (["--scheduler", "cluster"],
     "expected synchronous, threads, processes or tcp://HOST:PORT, got 'cluster'"),
    (["--workers", "0"], "expected a positive whole number, got '0'"),
    (["--partition-size", "many"], "expected a positive whole number, got 'many'"),
])
def test_bad_arguments_are_refused(archive: Path, productions_file: Path, tmp_path: Path,
                                   args: list[str], message: str) -> None:
    code, _, err = cli("news-archive", str(archive), "--productions", str(productions_file),
                       "-o", str(tmp_path / "out"), *args)
    assert code == 2 and message in err
    assert not (tmp_path / "out").exists()


def test_workers_with_a_cluster_address_is_refused(archive: Path, productions_file: Path,
                                                   tmp_path: Path) -> None:
    code, _, err = cli("news-archive", str(archive), "--productions", str(productions_file),
                       "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1",
                       "--workers", "2")
    assert code == 2 and "--workers: the cluster's workers do the work" in err


def test_an_unreachable_scheduler_fails_before_writing(
        archive: Path, productions_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from mitimeline_news.archive import schedule

    monkeypatch.setattr(schedule, "CONNECT_TIMEOUT", "1s")
    code, _, err = cli("news-archive", str(archive), "--productions", str(productions_file),
                       "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in err
    assert not (tmp_path / "out").exists()


def test_bad_inputs_name_the_file(archive: Path, productions_file: Path,
                                  tmp_path: Path) -> None:
    code, _, err = cli("news-archive", str(tmp_path / "none.jsonl"), "--productions",
                       str(productions_file), "-o", str(tmp_path / "out"))
    assert code == 2 and "none.jsonl" in err and "no such file" in err
    code, _, err = cli("news-archive", str(archive), "--productions",
                       str(tmp_path / "p.json"), "-o", str(tmp_path / "out"))
    assert code == 2 and "p.json" in err and "no such file" in err
    assert not (tmp_path / "out").exists()


# -- duplicates, stale outputs, compressed archives, the work folder ------------------------


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_a_repeated_record_id_fails_each_later_record_naming_the_id(
        archive: Path, productions_file: Path, tmp_path: Path, scheduler: str) -> None:
    lines = archive.read_text().splitlines(keepends=True)
    r5_as_r1 = json.dumps({**json.loads(lines[4]), "id": "r1"}) + "\n"  # also fails its date
    twice = tmp_path / "twice.jsonl"
    twice.write_text("".join(lines) + lines[0] + lines[3] + r5_as_r1)
    run_archive([str(twice)], str(productions_file), str(tmp_path / "out"),
                scheduler=scheduler, workers=2, partition_size=3)
    out = files(tmp_path / "out")
    summary = json.loads(out["summary.json"])
    assert (summary["records"], summary["parsed"], summary["skipped"], summary["failed"]) == (
        10, 4, 1, 5)
    errors = [json.loads(line) for line in out["errors.jsonl"].splitlines()]
    assert [(e["id"], e["where"]) for e in errors] == [
        ("r5", "twice.jsonl line 5"), ("r7", "twice.jsonl line 7"), ("r1", "twice.jsonl line 8"),
        ("r4", "twice.jsonl line 9"), ("r1", "twice.jsonl line 10")]
    assert errors[2]["reason"] == (
        "duplicate id 'r1': the record at twice.jsonl line 1 has it already")
    assert errors[4]["reason"].startswith("option published: expected a publication date")
    assert errors[4]["reason"].endswith("; duplicate id 'r1': the record at twice.jsonl "
                                        "line 1 has it already")
    # nothing counted twice: the outputs are those of the archive without the repeats
    run_archive([str(archive)], str(productions_file), str(tmp_path / "once"),
                scheduler="synchronous")
    once = files(tmp_path / "once")
    assert json.loads(once["summary.json"])["productions"] == summary["productions"]
    assert once["mi7.json"] == out["mi7.json"]
    assert once["candidates.parquet"] == out["candidates.parquet"]


def test_a_rerun_removes_the_timeline_of_a_production_no_longer_there(
        archive: Path, productions_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_archive([str(archive)], str(productions_file), str(out), scheduler="synchronous")
    (out / "notes.json").write_text("{}")  # not a production's: left alone
    without_dune = [p for p in json.loads(productions_file.read_text())
                    if p["id"] != "dune-2021"]
    fewer = tmp_path / "fewer.json"
    fewer.write_text(json.dumps(without_dune))
    run_archive([str(archive)], str(fewer), str(out), scheduler="synchronous")
    assert "dune-2021.json" not in files(out) and "notes.json" in files(out)
    lines = archive.read_text().splitlines(keepends=True)
    no_harbour = tmp_path / "no-harbour.jsonl"
    no_harbour.write_text("".join(lines[:5]))  # r6, the only report on harbour, is gone
    run_archive([str(no_harbour)], str(fewer), str(out), scheduler="synchronous")
    assert sorted(files(out)) == ["candidates.parquet", "dune-1984.json", "errors.jsonl",
                                  "mi7.json", "notes.json", "summary.json"]  # "Dune": 1984
    run_archive([str(no_harbour)], str(fewer), str(tmp_path / "fresh"), scheduler="synchronous")
    assert files(tmp_path / "fresh") == {k: v for k, v in files(out).items()
                                         if k != "notes.json"}


@pytest.mark.parametrize("ending", [".gz", ".zst"])
def test_a_compressed_archive_writes_the_serial_bytes(
        serial: dict[str, bytes], archive: Path, productions_file: Path, tmp_path: Path,
        ending: str) -> None:
    import gzip

    import zstandard

    data = archive.read_bytes()
    packed = tmp_path / "in" / f"archive.jsonl{ending}"
    packed.parent.mkdir()
    packed.write_bytes(gzip.compress(data) if ending == ".gz"
                       else zstandard.ZstdCompressor().compress(data))
    run_archive([str(packed)], str(productions_file), str(tmp_path / "out"),
                scheduler="threads", workers=2, partition_size=2)
    out = files(tmp_path / "out")
    differ = ("errors.jsonl", "summary.json")  # they name the archive
    assert {k: v for k, v in out.items() if k not in differ} == {
        k: v for k, v in serial.items() if k not in differ}
    assert {**json.loads(out["summary.json"]), "archives": []} == {
        **json.loads(serial["summary.json"]), "archives": []}
    assert out["errors.jsonl"] == serial["errors.jsonl"].replace(
        b'"archive.jsonl line', f'"archive.jsonl{ending} line'.encode())


def test_the_work_folder_is_removed_when_a_run_fails(
        archive: Path, productions_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from mitimeline_news.archive import schedule

    def broken(*args: Any) -> None:
        raise RuntimeError("a task failed")

    monkeypatch.setattr(schedule, "merge_bucket", broken)
    with pytest.raises(RuntimeError, match="a task failed"):
        run_archive([str(archive)], str(productions_file), str(tmp_path / "out"),
                    scheduler="synchronous")
    assert os.listdir(tmp_path / "out") == []


def test_a_cluster_whose_workers_do_not_see_the_output_folder_is_refused(
        archive: Path, productions_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import Client, LocalCluster

    from mitimeline_news.archive import schedule

    monkeypatch.setattr(schedule, "_visible", lambda path: False)
    with (LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                       dashboard_address=":0") as cluster, Client(cluster) as client,
          pytest.raises(mitimeline.MitimelineError,
                        match=r"is not visible to the Dask worker.*must be on a file "
                              r"system they share")):
        run_archive([str(archive)], str(productions_file), str(tmp_path / "out"),
                    scheduler=client)
    assert os.listdir(tmp_path / "out") == []


def test_two_runs_at_once_on_one_cluster_do_not_share_tasks(
        serial: dict[str, bytes], archive: Path, productions_file: Path,
        tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        fewer = tmp_path / "fewer.jsonl"
        fewer.write_text("".join(archive.read_text().splitlines(keepends=True)[:3]))

        def run(paths: list[str], name: str) -> dict[str, Any]:
            return run_archive(paths, str(productions_file), str(tmp_path / name),
                               scheduler=client, partition_size=2)

        with ThreadPoolExecutor(2) as pool:
            whole = pool.submit(run, [str(archive)], "whole")
            part = pool.submit(run, [str(fewer)], "part")
            assert (whole.result()["records"], part.result()["records"]) == (7, 3)
    assert files(tmp_path / "whole") == serial
