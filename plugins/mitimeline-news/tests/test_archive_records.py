"""Reading archives (mitimeline_news.archive.records): every form, compressed streams, every
bad record counted with its reason, slices that add up to the whole archive."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mitimeline
import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mitimeline_news.archive.records import Record, pieces, read_piece, read_records

Writer = Callable[[str, list[dict[str, Any]]], Path]

GOOD = [{"id": f"n{i}", "text": f"Report {i}\nFilming began on May {i + 1}, 2021.",
         "published": "2021-06-01", "language": "en", "outlet": "Reel"} for i in range(7)]


def ids(records: list[Record]) -> list[str]:
    return [record.id for record in records]


# -- JSON Lines -----------------------------------------------------------------------------


def test_jsonl_fields_become_the_record(jsonl_writer: Writer) -> None:
    path = jsonl_writer("a.jsonl", [{"id": 12, "text": "Hello\nWorld", "published": "2020-01-02",
                                      "language": "it", "url": "https://x.example/1",
                                      "outlet": "Reel", "title": "Hi"}])
    [record] = read_records([str(path)])
    assert record == Record(id="12", text="Hello\nWorld", published="2020-01-02",
                            language="it", url="https://x.example/1", outlet="Reel",
                            title="Hi", where="a.jsonl line 1")


@pytest.mark.parametrize(("line", "problem"), [
    (b'{"id": "a", "text": "caf\xe9", "published": "2020"}',
     "not UTF-8: byte b'\\xe9' at column 25"),
    (b"{nope", "not JSON: Expecting property name"),
    (b"[1, 2]", "expected a JSON object, got list"),
    (b"   ", "an empty line, not a report"),
    (b'{"id": "a", "published": "2020"}',
     "field 'text': expected the report's text, got nothing"),
    (b'{"id": "a", "text": 5, "published": "2020"}',
     "field 'text': expected the report's text, got int"),
    (b'{"id": "a", "text": "x"}',
     "field 'published': expected a date such as '2020-10-05', got None"),
    (b'{"text": "x", "published": "2020"}', "field 'id': expected text or a number, got None"),
    (b'{"id": "a", "text": "x", "published": "2020", "url": 3}',
     "field 'url': expected non-empty text, got 3"),
])
def test_a_bad_line_is_a_record_with_its_problem(tmp_path: Path, line: bytes,
                                                  problem: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(line + b"\n" + json.dumps(GOOD[0]).encode() + b"\n")
    bad, good = read_records([str(path)])
    assert bad.problem is not None and bad.problem.startswith(problem)
    assert bad.where == "bad.jsonl line 1"
    assert bad.id in ("a", "bad.jsonl line 1")
    assert good.problem is None and good.id == "n0"


def compress(path: Path, ending: str) -> Path:
    data = path.read_bytes()
    target = path.with_name(path.name + ending)
    target.write_bytes(gzip.compress(data) if ending == ".gz"
                       else zstandard.ZstdCompressor().compress(data))
    return target


def test_a_zstandard_archive_of_several_frames_reads_them_all(jsonl_writer: Writer) -> None:
    path = jsonl_writer("a.jsonl", GOOD)
    frames = [zstandard.ZstdCompressor().compress(json.dumps(r).encode() + b"\n") for r in GOOD]
    (path.parent / "b.jsonl.zst").write_bytes(b"".join(frames))
    assert ids(list(read_records([str(path.parent / "b.jsonl.zst")]))) == ids(
        list(read_records([str(path)])))


@pytest.mark.parametrize("ending", [".gz", ".zst"])
def test_compressed_archives_read_like_plain_ones(jsonl_writer: Writer, ending: str) -> None:
    plain = jsonl_writer("a.jsonl", GOOD)
    packed = compress(plain, ending)
    assert [attrs_without_where(r) for r in read_records([str(packed)])] == \
        [attrs_without_where(r) for r in read_records([str(plain)])]


def attrs_without_where(record: Record) -> tuple[str, str, str | None]:
    return record.id, record.text, record.published


@pytest.mark.parametrize("ending", [".gz", ".zst"])
def test_a_damaged_compressed_file_fails_one_record_and_keeps_the_rest(
        jsonl_writer: Writer, ending: str) -> None:
    packed = compress(jsonl_writer("a.jsonl", GOOD * 3000), ending)  # zstd: several blocks
    data = packed.read_bytes()
    packed.write_bytes(data[: len(data) - 12])  # cut inside the last block
    records = list(read_records([str(packed)]))
    assert all(r.problem is None for r in records[:-1]) and len(records) > 1
    assert records[-1].problem is not None
    assert records[-1].problem.startswith("the file is damaged from here on")
    assert records[-1].where == f"a.jsonl{ending} line {len(records)}"


@pytest.mark.parametrize(("name", "message"), [
    ("missing.jsonl", "no such file"),
    ("missing.csv", "no such file or folder"),
])
def test_an_archive_that_cannot_be_opened_raises_naming_it(tmp_path: Path, name: str,
                                                           message: str) -> None:
    with pytest.raises(mitimeline.ParseError, match=message) as info:
        list(read_records([str(tmp_path / name)]))
    assert info.value.source == str(tmp_path / name)


def test_an_unknown_kind_of_file_raises(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text("id,text\n")
    with pytest.raises(mitimeline.ParseError, match=r"expected a \.jsonl or \.ndjson file"):
        list(read_records([str(path)]))


# -- folders of .txt reports ----------------------------------------------------------------


def test_a_txt_folder_reads_the_source_line(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "2021").mkdir(parents=True)
    (folder / "2021" / "b.txt").write_text(
        "source: https://reel.example/b (The Reel (Weekly)), date: 2021-03-04\n\n"
        "Headline\n\nBody text.\n", encoding="utf-8")
    (folder / "a.txt").write_text("source: https://reel.example/a (Reel), date: 2020-01-02\n"
                                  "Headline A\n", encoding="utf-8")
    (folder / "notes.json").write_text("{}")
    b, a = read_records([str(folder)])  # in the order of their paths: "2021/b" < "a"
    assert (a.id, a.url, a.outlet, a.published, a.text) == (
        "a", "https://reel.example/a", "Reel", "2020-01-02", "Headline A\n")
    assert (b.id, b.outlet, b.published, b.text) == (
        "2021/b", "The Reel (Weekly)", "2021-03-04", "Headline\n\nBody text.\n")
    assert b.where == "news/2021/b.txt line 1"


@pytest.mark.parametrize(("content", "problem"), [
    (b"Headline only\n", "expected the first line 'source: URL (Outlet), date: YYYY-MM-DD'"),
    (b"source: https://x.example (X), date: 2020-01-02\n\n", "no text after the 'source:' line"),
    (b"source: https://x.example (X), date: 2020-01-02\n\xff\n", "not UTF-8: byte b'\\xff'"),
])
def test_a_bad_txt_report_is_a_record_with_its_problem(tmp_path: Path, content: bytes,
                                                       problem: str) -> None:
    (tmp_path / "r.txt").write_bytes(content)
    [record] = read_records([str(tmp_path)])
    assert record.id == "r"
    assert record.problem is not None and record.problem.startswith(problem)


# -- Parquet --------------------------------------------------------------------------------


def test_parquet_reads_like_json_lines(jsonl_writer: Writer, parquet_writer: Writer) -> None:
    records = [*GOOD, {"id": "x", "text": None, "published": "2020"}]
    from_jsonl = [attrs_without_where(r) for r in read_records([str(jsonl_writer("a.jsonl",
                                                                                  records))])]
    parquet = read_records([str(parquet_writer("a.parquet", records))])
    assert [attrs_without_where(r) for r in parquet] == from_jsonl


def test_a_parquet_file_without_the_columns_raises(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["a"], "body": ["x"]}), tmp_path / "a.parquet")
    with pytest.raises(mitimeline.ParseError, match="missing text, published"):
        list(read_records([str(tmp_path / "a.parquet")]))


def test_a_file_that_is_not_parquet_raises(tmp_path: Path) -> None:
    (tmp_path / "a.parquet").write_text("id,text\n")
    with pytest.raises(mitimeline.ParseError, match="expected a Parquet file"):
        list(read_records([str(tmp_path / "a.parquet")]))


# -- slices ---------------------------------------------------------------------------------


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(1, 9), count=st.integers(0, 8), form=st.sampled_from(
    ["jsonl", "jsonl.gz", "parquet", "txt"]))
def test_slices_add_up_to_the_archive(tmp_path_factory: pytest.TempPathFactory, size: int,
                                      count: int, form: str) -> None:
    folder = tmp_path_factory.mktemp("slices")
    records = GOOD[:count]
    if form == "txt":
        path = folder / "txt"
        path.mkdir()
        for r in records:
            (path / f"{r['id']}.txt").write_text(
                f"source: https://x.example ({r['outlet']}), date: 2021-06-01\n{r['text']}")
    elif form == "parquet":
        path = folder / "a.parquet"
        _write_parquet(path, records)
    else:
        path = folder / "a.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records))
        if form.endswith(".gz"):
            path = compress(path, ".gz")
    whole = list(read_records([str(path)]))
    sliced = pieces([str(path)], size)
    assert all(0 < piece.stop - piece.start <= size for piece in sliced if count)
    assert [r for piece in sliced for r in read_piece(piece)] == whole
    assert ids(whole) == [r["id"] for r in records]


def _write_parquet(path: Path, records: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = ["id", "text", "published", "language", "outlet"]
    pq.write_table(pa.table({c: pa.array([r.get(c) for r in records], type=pa.string())
                             for c in columns}), path, row_group_size=2)


def test_a_partition_size_below_one_is_refused(jsonl_writer: Writer) -> None:
    with pytest.raises(ValueError, match="partition_size: expected a positive number, got 0"):
        pieces([str(jsonl_writer("a.jsonl", GOOD))], 0)


# -- compressed archives cut once into chunks -----------------------------------------------


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(1, 9), count=st.integers(0, 8), ending=st.sampled_from([".gz", ".zst"]))
def test_a_compressed_archive_cut_into_chunks_reads_every_record_in_order(
        tmp_path_factory: pytest.TempPathFactory, size: int, count: int, ending: str) -> None:
    folder = tmp_path_factory.mktemp("staged")
    plain = folder / "a.jsonl"
    count = len(GOOD[:count])
    plain.write_text("".join(json.dumps(r) + "\n" for r in GOOD[:count]))
    packed = compress(plain, ending)
    (folder / "stage").mkdir()
    staged = pieces([str(packed)], size, stage=str(folder / "stage"))
    assert [piece.source for piece in staged] == [str(packed)] * len(staged)
    assert [(p.start, p.stop) for p in staged] == [
        (start, min(start + size, count)) for start in range(0, max(count, 1), size)]
    assert [r for piece in staged for r in read_piece(piece)] == list(read_records([str(packed)]))
    assert len(os.listdir(folder / "stage")) == len(staged)  # one chunk file per slice


def test_a_compressed_archive_is_decompressed_once_when_cut(
        jsonl_writer: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mitimeline_news.archive import records

    packed = compress(jsonl_writer("a.jsonl", GOOD * 10), ".zst")
    opened: list[str] = []
    real = records.opened

    def counting(path: str) -> Any:
        opened.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(records, "opened", counting)
    monkeypatch.setattr("mitimeline_news.archive.staging.opened", counting)
    staged = pieces([str(packed)], 7, stage=str(tmp_path))
    for piece in staged:
        list(read_piece(piece))
    assert opened.count("a.jsonl.zst") == 1 and len(staged) == 10


@pytest.mark.parametrize("ending", [".gz", ".zst"])
def test_a_damaged_compressed_archive_cut_into_chunks_fails_the_same_record(
        jsonl_writer: Writer, tmp_path: Path, ending: str) -> None:
    packed = compress(jsonl_writer("a.jsonl", GOOD * 3000), ending)
    data = packed.read_bytes()
    packed.write_bytes(data[: len(data) - 12])
    (tmp_path / "stage").mkdir()
    staged = pieces([str(packed)], 1000, stage=str(tmp_path / "stage"))
    assert [r for piece in staged for r in read_piece(piece)] == list(read_records([str(packed)]))
    assert staged[-1].damage is not None and staged[-1].stop == staged[-1].start + len(
        list(read_piece(staged[-1])))
