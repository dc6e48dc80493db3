"""Our Markwhen exports, read by the real parser: npm ``@markwhen/parser`` 1.2.0.

``.ci/setup-markwhen.sh`` installs it into ``.cache/markwhen`` of the checkout
(``$MITIMELINE_MARKWHEN_NODE`` overrides the folder); ``parse.mjs`` runs it on a batch of
documents. Without it these tests skip, naming the script, or fail when ``CI`` is set.

For every document: no parse message, our title, description and time zone in the header,
one Markwhen event per event, each from the midnight starting our first day to the midnight
ending our last (:func:`mitimeline_markwhen.day_bounds`) in the header's time zone, and an
``edtf`` property that reads back as the event's ``When``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import mitimeline
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mitimeline.testing import timelines, whens

from mitimeline_markwhen import GROUPS, day_bounds
from mitimeline_markwhen.lines import display, slug

ROOT = Path(__file__).resolve().parents[3]
NODE_DIR = Path(os.environ.get("MITIMELINE_MARKWHEN_NODE", ROOT / ".cache" / "markwhen"))
PARSER = NODE_DIR / "node_modules" / "@markwhen" / "parser" / "package.json"
SCRIPT = Path(__file__).with_name("parse.mjs")
DATASET = ROOT / "seeds" / "mi7.json"
SETUP = ".ci/setup-markwhen.sh"
ZONES = ("UTC", "Europe/Oslo", "America/Los_Angeles", "Asia/Kolkata")

HOSTILE = (
    "Mission: Impossible 7", "title: x", "#stunt #2020 # heading", "[Stranda](location)",
    "2020-09-06: injected event", "\n2020-09-06: injected on its own line", "// comment",
    "# A section", "group Unit", "endGroup", "---", "!norway-ramp-jump after !x",
    "every 2 days", "50% done", "@user", "  spaces  ", "tab\there", "\r\n", "'single' \"double\"",
    "\\ backslash \\n", "{flow: map}", "[a, b]", "- list item", "&anchor *alias", "? key",
    "| literal", "> folded", "%YAML 1.2", "null", "true", "2020", "ø Møre ≠ 東京 🎬",
    "\x85 next line \u2028 separator", "\ufeff bom", "#", ":", "-",
)


def _missing() -> str | None:
    problems = []
    if shutil.which("node") is None:
        problems.append("node is not on PATH")
    if not PARSER.is_file():
        problems.append(f"@markwhen/parser is not installed in {NODE_DIR}")
    if not problems:
        return None
    return f"Markwhen parser check: {'; '.join(problems)}; run `bash {SETUP}` (as root)"


@pytest.fixture(autouse=True)
def _require_parser() -> None:
    """Fail (under CI) or skip (elsewhere) when the parser is missing."""
    reason = _missing()
    if reason is None:
        return
    if "CI" in os.environ:
        pytest.fail(reason)
    pytest.skip(reason)


def markwhen(documents: list[str]) -> list[dict[str, Any]]:
    """What the real parser reads from each document (see parse.mjs for the fields)."""
    result = subprocess.run(
        ["node", str(SCRIPT), str(NODE_DIR)], input=json.dumps(documents),
        capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        raise AssertionError(f"parse.mjs failed ({result.returncode}):\n{result.stderr}")
    readings: list[dict[str, Any]] = json.loads(result.stdout)
    return readings


_ISO = re.compile(r"([+-]\d{6}|\d{4})-(\d{2})-(\d{2})T00:00:00\.000(?:Z|[+-]\d{2}:\d{2})")


def _midnight(text: str) -> str:
    """The local day of Markwhen's ISO instant, which must be a local midnight.

    Only the local day is compared: before standard time (1895 in Oslo) Node's ICU and
    Python's tzdata give the zone different offsets, but both put the day at midnight."""
    match = _ISO.fullmatch(text)
    assert match, f"not a local midnight: {text}"
    year, month, day = match.groups()
    return f"{int(year):04d}-{month}-{day}"


def _after(day: date) -> str:
    """The day after ``day`` (10000-01-01 after 9999-12-31)."""
    return "10000-01-01" if day == date.max else (day + timedelta(days=1)).isoformat()


def check(timeline: mitimeline.Timeline, zone: str = "UTC", group_by: str | None = None,
          ) -> None:
    """Export ``timeline`` and check what the real parser reads (module docstring)."""
    check_many([(timeline, zone, group_by)])


def check_many(cases: list[tuple[mitimeline.Timeline, str, str | None]]) -> None:
    documents = [timeline.dumps("markwhen", timezone=zone, group_by=group_by)
                 for timeline, zone, group_by in cases]
    assert all(isinstance(document, str) for document in documents)
    for (timeline, zone, _), document, reading in zip(
            cases, documents, markwhen(documents), strict=True):
        assert reading["parseMessages"] == [], document
        header = reading["header"]
        assert header["title"] == timeline.title
        assert header.get("description") == timeline.description
        assert header["timezone"] == zone
        events = {event.id: event for event in timeline}
        assert len(reading["events"]) == len(timeline), document
        read_ids = [read["properties"]["id"] for read in reading["events"]]
        assert sorted(read_ids) == sorted(event.id for event in timeline)
        for read in reading["events"]:
            event = events[read["properties"]["id"]]
            lower, upper = day_bounds(event.when)
            where = f"{event.when} in {zone}, date part {read['datePart']!r}"
            assert _midnight(read["from"]) == lower.isoformat(), where
            assert _midnight(read["to"]) == _after(upper), where
            assert mitimeline.When(read["properties"]["edtf"]) == event.when, where


@pytest.mark.parametrize("group_by", [None, *GROUPS])
def test_the_dataset(group_by: str | None) -> None:
    timeline = mitimeline.load(DATASET)
    check_many([(timeline, zone, group_by) for zone in ZONES])


def test_sections_tags_and_titles_as_markwhen_shows_them() -> None:
    timeline = mitimeline.load(DATASET)
    reading = markwhen([timeline.dumps("markwhen", group_by="country")])[0]
    by_id = {read["properties"]["id"]: read for read in reading["events"]}
    for event in timeline:
        read = by_id[event.id]
        country = event.place.country if event.place else None
        assert read["sections"] == ([country] if country else [])
        assert read["tags"] == [slug(tag) for tag in event.tags]
        if "title" not in read["properties"]:  # the line alone gives the exact title
            assert display(read["title"]) == event.title


@given(st.lists(whens(), min_size=1, max_size=12), st.sampled_from(ZONES))
@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
def test_every_when_form(dates: list[mitimeline.When], zone: str) -> None:
    events = [mitimeline.Event(f"e{index}", "An event", when)
              for index, when in enumerate(dates)]
    check(mitimeline.Timeline("Every form", events=events), zone)


@given(st.lists(st.tuples(timelines(), st.sampled_from(ZONES),
                          st.sampled_from([None, *GROUPS])), min_size=1, max_size=6))
@settings(max_examples=12, suppress_health_check=[HealthCheck.too_slow,
                                                  HealthCheck.data_too_large])
def test_generated_timelines(cases: list[tuple[mitimeline.Timeline, str, str | None]]) -> None:
    check_many([case for case in cases if _writable(case[0])])


def _writable(timeline: mitimeline.Timeline) -> bool:
    try:
        timeline.dumps("markwhen")
    except mitimeline.ExportError:  # a lone surrogate: tested in test_markwhen.py
        return False
    return True


def test_hostile_titles_and_descriptions() -> None:
    events = [mitimeline.Event(f"e{index}", text if text.strip() else f"x{text}", "2020-09",
                               description=text, tags=[text] if text.strip() else [],
                               place=mitimeline.Place(text) if text.strip() else None,
                               unit=text)
              for index, text in enumerate(HOSTILE)]
    cases = [(mitimeline.Timeline(text if text.strip() else "x", events=events,
                                  description=text), "UTC", group_by)
             for text in HOSTILE for group_by in (None, "unit")]
    check_many(cases)
