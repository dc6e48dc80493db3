"""Fuzzing every parser and ``When.parse`` with Hypothesis: raw bytes, text, and valid
documents with corrupted fields, dropped keys, changed types and inserted bytes.

The targets and what counts as a crash live in ``tests/fuzz/targets.py`` (shared with the
atheris harness ``tests/fuzz/fuzz.py``): a parser called directly may raise only a
``MitimelineError``, ``sniff`` nothing at all, ``When.parse`` only ``DateParseError``; what
parsed must re-export and parse again. Every file in ``tests/fuzz/regressions/<target>/``
is an input that once crashed its target, replayed here. See docs/fuzzing.md.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mitimeline
from mitimeline import DateParseError, When
from mitimeline._english import english_to_edtf
from mitimeline.formats import SNIFF_BYTES
from mitimeline.jsonio import timeline_to_data
from mitimeline.plugins import find_parser
from mitimeline.testing import edtf_texts, json_values, timelines

FUZZ = Path(__file__).resolve().parent / "fuzz"


def _load_targets() -> Any:
    spec = importlib.util.spec_from_file_location("mitimeline_fuzz_targets", FUZZ / "targets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


targets = _load_targets()
run = targets.run

EXAMPLES = int(os.environ.get("MITIMELINE_FUZZ_EXAMPLES", "60"))
"""Examples per test: 60 keeps the file well under a minute; raise it for a long run."""
FUZZ_SETTINGS = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])


# -- the regression files and the seed corpus -----------------------------------------------


def _files(kind: str) -> list[Any]:
    return [pytest.param(path.parent.name, path, id=f"{path.parent.name}/{path.name}")
            for path in sorted((FUZZ / kind).glob("*/*")) if path.is_file()]


@pytest.mark.parametrize(("target", "path"), _files("regressions"))
def test_regression(target: str, path: Path) -> None:
    """An input that once crashed its target now gets a documented error or a timeline,
    with every option set the target is fuzzed with."""
    for options in targets.OPTIONS.get(target, ({},)):
        run(target, path.read_bytes(), options)


@pytest.mark.filterwarnings("ignore::mitimeline.default_plugins.ical.ICalImportWarning")
@pytest.mark.parametrize(("target", "path"), _files("corpus"))
def test_corpus_seed_is_valid(target: str, path: Path) -> None:
    """The atheris seeds are inputs the target reads successfully (so mutations start deep)."""
    data = path.read_bytes()
    if target == "when":
        targets.check_when(When.parse(data.decode("utf-8")))
        return
    timeline = mitimeline.loads(data, target)
    assert isinstance(timeline, mitimeline.Timeline)
    run(target, data)


def test_fuzz_folders_name_targets() -> None:
    """Every target has seeds; a regression folder (git keeps only non-empty ones) is a target."""
    seeded = {p.name for p in (FUZZ / "corpus").iterdir() if any(p.iterdir())}
    assert seeded == set(targets.TARGETS)
    assert {p.name for p in (FUZZ / "regressions").iterdir()} <= set(targets.TARGETS)


# -- raw bytes and text -------------------------------------------------------------------


@pytest.mark.parametrize("name", targets.PARSERS)
@FUZZ_SETTINGS
@given(head=st.binary(max_size=SNIFF_BYTES))
def test_sniff_never_raises(name: str, head: bytes) -> None:
    assert isinstance(find_parser(name).sniff(head), bool)


@pytest.mark.parametrize("target", targets.TARGETS)
@FUZZ_SETTINGS
@given(data=st.binary(max_size=600))
def test_raw_bytes(target: str, data: bytes) -> None:
    run(target, data)


_TOKENS = {
    "json": ['{', '}', '[', ']', ',', ':', '"', '"title"', '"events"', '"id"', '"when"',
             '"kind"', '"place"', '"sources"', '"extra"', '"version"', '"people"', 'null',
             'true', '1e999', '-0', '"2020-09"', '"\\ud800"', '"\\u0000"', ' ', '1.5', '"x"'],
    "ical": ["BEGIN:VCALENDAR\r\n", "END:VCALENDAR\r\n", "BEGIN:VEVENT\r\n", "END:VEVENT\r\n",
             "BEGIN:VTIMEZONE\r\n", "END:VTIMEZONE\r\n", "DTSTART", "DTEND", ";VALUE=DATE",
             ";TZID=Europe/Rome", ":20200906", "T091400", "Z", "\r\n", "\r\n ", "SUMMARY:",
             "RRULE:FREQ=DAILY;COUNT=3", "RDATE", "EXDATE", "DURATION:P1D", "UID:x", ",",
             "X-MITIMELINE-EDTF:", "2020-09~", "RECURRENCE-ID", "LOCATION:", "GEO:1;2",
             "X-WR-TIMEZONE:Europe/Oslo", "\\n", "\\", ";", ":", "=", '"'],
    "csv": ["id", "title", "when", "kind", "place", "people", "tags", "extra", "sources",
            ",", ";", '"', "\n", "\r\n", "a", "2020-09", "early October 2020", "'=1", "{",
            "}", "Name (role); Other", "shoot", "\ufeff", "x"],
    "news": ["Mission: Impossible 7", " filming ", " in Rome ", " on ", " 6 September ",
             "2020", " last month", " wrapped", " resumes ", " shoot ", ". ", "\n",
             " Venice ", " Monday", " am 3. März", " a ottobre ", " early ", " late May ",
             "Posted ", "Fast Lane 3 ", "(", ")", "—", ","],
    "probe": ["# probe: ", "title", "\t", "\n", "\r", "2020-09-06", "201X", "../2021",
              "stunt", "move", "a-b", "\\t", "\\", "\\x", "#", " ", "Title"],
    "when": ["2020", "-", "09", "06", "T", ":", "Z", "+02:00", "/", "..", "~", "?", "%",
             "X", " ", "early ", "mid-", "late ", "September", "Sep.", "6th", ",", " to ",
             "between ", " and ", "c. ", "circa ", "autumn", "winter", "23", "24", "0000",
             "9999", "31", "29", "02", "–", "beginning of ", "end of "],
}


@pytest.mark.parametrize("target", targets.TARGETS)
@FUZZ_SETTINGS
@given(data=st.data())
def test_token_soup(target: str, data: st.DataObject) -> None:
    """Texts made of the format's own tokens, in any order: past the first syntax check."""
    pieces = data.draw(st.lists(st.sampled_from(_TOKENS[target]) | st.text(max_size=3),
                                max_size=40))
    run(target, "".join(pieces).encode("utf-8", "surrogatepass"))


# -- valid documents, corrupted ----------------------------------------------------------


@st.composite
def _mutated(draw: st.DrawFn, document: bytes) -> bytes:
    """``document`` with 1-4 byte-level edits: delete, insert, replace, duplicate, truncate."""
    data = bytearray(document)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        size = draw(st.integers(0, 16))
        action = draw(st.sampled_from(["delete", "insert", "replace", "duplicate", "truncate"]))
        if action == "delete":
            del data[at:at + size]
        elif action == "insert":
            data[at:at] = draw(st.binary(max_size=8) | st.sampled_from(
                [b"\x00", b"\xff", b"\xed\xa0\x80", b"\r", b"\n ", b'"', b"\\", b"{", b"["]))
        elif action == "replace":
            data[at:at + size] = draw(st.binary(min_size=size, max_size=size))
        elif action == "duplicate":
            data[at:at] = data[at:at + size * 8]
        else:
            del data[at:]
    return bytes(data)


_EXPORT_AS = {"json": "json", "ical": "ical", "csv": "csv", "probe": "probe"}


@pytest.mark.parametrize("target", sorted(_EXPORT_AS))
@FUZZ_SETTINGS
@given(timeline=timelines(max_events=3), data=st.data())
def test_valid_documents_corrupted(target: str, timeline: mitimeline.Timeline,
                                   data: st.DataObject) -> None:
    try:
        document = mitimeline.dumps(timeline, _EXPORT_AS[target])
    except mitimeline.ExportError:
        return  # e.g. a title with a lone surrogate: not a document to corrupt
    if isinstance(document, str):
        document = document.encode("utf-8")
    run(target, document)  # the valid one first
    run(target, data.draw(_mutated(document)))


@pytest.mark.parametrize("target", ["json", "ical", "csv", "news", "probe"])
@FUZZ_SETTINGS
@given(data=st.data())
def test_corpus_corrupted(target: str, data: st.DataObject) -> None:
    """The atheris seeds (real files: foreign .ics, news reports), corrupted."""
    seeds = sorted((FUZZ / "corpus" / target).iterdir())
    document = data.draw(st.sampled_from(seeds)).read_bytes()
    run(target, data.draw(_mutated(document)))


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into nested JSON data (dict keys and list indexes)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


@st.composite
def _corrupted_json(draw: st.DrawFn) -> Any:
    """Timeline JSON data with fields dropped, retyped, added or given odd values."""
    document = timeline_to_data(draw(timelines(max_events=3)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(document)))
        if not path:
            continue
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["drop", "retype", "add", "odd"]))
        if action == "drop":
            del parent[path[-1]]
        elif action == "retype":
            parent[path[-1]] = draw(json_values(max_leaves=4))
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=6))] = draw(json_values(max_leaves=3))
        else:
            parent[path[-1]] = draw(st.sampled_from([
                "", " ", "\ud800", "\x00", "0000", "9999-12-31/..", "-1", 10**30, -(10**30),
                1e308, -0.0, [], {}, [[]], None, True, "2020-02-30", "not a date"]))
    return document


@FUZZ_SETTINGS
@given(document=_corrupted_json())
def test_json_structure_corrupted(document: Any) -> None:
    run("json", json.dumps(document).encode("utf-8", "surrogatepass"))


@FUZZ_SETTINGS
@given(published=st.one_of(st.text(max_size=20), st.integers(), edtf_texts()),
       text=st.text(max_size=200))
def test_news_published_option(published: Any, text: str) -> None:
    """``published=`` is user input too: a bad one is a ParseError naming the option."""
    run("news", text.encode("utf-8", "surrogatepass"), {"published": published})


# -- When.parse and the English reader ---------------------------------------------------


@FUZZ_SETTINGS
@given(text=st.text(max_size=60))
def test_when_parse_text(text: str) -> None:
    try:
        when = When.parse(text)
    except DateParseError:
        return
    targets.check_when(when)


@FUZZ_SETTINGS
@given(valid=edtf_texts(), data=st.data())
def test_when_parse_mutated_edtf(valid: str, data: st.DataObject) -> None:
    targets.check_when(When.parse(valid))
    mutated = data.draw(_mutated(valid.encode())).decode("utf-8", "replace")
    run("when", mutated.encode("utf-8"))


@FUZZ_SETTINGS
@given(text=st.text(max_size=60) | st.lists(st.sampled_from(_TOKENS["when"])).map("".join))
def test_english_reader_returns_text_or_none(text: str) -> None:
    """``english_to_edtf`` never raises: it returns EDTF text or ``None``."""
    edtf = english_to_edtf(text)
    assert edtf is None or isinstance(edtf, str)


@FUZZ_SETTINGS
@given(value=json_values(max_leaves=3))
def test_when_parse_non_text(value: Any) -> None:
    if isinstance(value, str):
        return
    with pytest.raises(DateParseError, match="expected a date as text"):
        When.parse(value)


# -- the atheris harness -----------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux" or sys.version_info >= (3, 13),
                    reason="atheris has wheels for Linux and CPython < 3.13 only")
def test_atheris_harness_runs_a_bounded_session(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(FUZZ / "fuzz.py"), "probe", "--runs", "300",
         "--artifacts", str(tmp_path)],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fuzz: probe: 300 inputs tried, no crash" in result.stdout
    assert not any(tmp_path.rglob("crash-*"))


def test_atheris_harness_needs_a_limit_for_all() -> None:
    result = subprocess.run([sys.executable, str(FUZZ / "fuzz.py"), "all"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert "'all' needs --seconds or --runs" in result.stderr
