"""The importer over the shared corpus of real-world and edge-case calendars
(``../shared/corpora/ics``, see its README): every file becomes a Timeline or a clean
ParseError within a time limit, the numbers of files imported fully, partially (with
findings) or not at all never get worse than ``tests/golden/ical/corpus.json``, and the
dates of the all-day, time-zone and X-WR-TIMEZONE groups are checked.

Rerun with ``MITIMELINE_UPDATE_GOLDEN=1`` to record new numbers after review.
"""

from __future__ import annotations

import json
import signal
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest

from mitimeline import ParseError, Timeline
from mitimeline.default_plugins.ical import ICalFinding, load_with_findings
from mitimeline.testing import update_golden
from mitimeline.testing.shared import shared_data

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "ics"
GOLDEN = ROOT / "tests" / "golden" / "ical"
UPDATE = update_golden()
TIME_LIMIT = 30
"""Seconds one file may take (the slowest takes about 4 on a shared 2-core machine)."""
RANK = {"full": 0, "partial": 1, "failed": 2}



@pytest.fixture(autouse=True)
def _corpus_present() -> Path:
    """Every test here reads the corpus: when it is missing the test skips naming the folder,
    and fails naming it under ``CI`` (:func:`mitimeline.testing.shared.shared_data`)."""
    return shared_data(CORPUS)


class TooSlow(Exception):
    """A file took longer than :data:`TIME_LIMIT`."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise TooSlow(f"more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def import_file(path: Path) -> tuple[Timeline | None, tuple[ICalFinding, ...], str]:
    """(timeline, findings, outcome) with outcome full, partial or failed."""
    with time_limit(TIME_LIMIT):
        try:
            timeline, findings = load_with_findings(path)
        except ParseError:
            return None, (), "failed"
    return timeline, findings, "partial" if findings else "full"


def corpus_files() -> list[Path]:
    return sorted(path for path in CORPUS.rglob("*.ics") if path.is_file())


def name(path: Path) -> str:
    return path.relative_to(CORPUS).as_posix()


def test_every_file_imports_or_fails_cleanly_and_nothing_regresses() -> None:
    outcomes: dict[str, str] = {}
    crashes = []
    for path in corpus_files():
        try:
            outcomes[name(path)] = import_file(path)[2]
        except Exception as exc:  # the point of this test: nothing else may escape
            crashes.append(f"{name(path)}: {''.join(traceback.format_exception(exc))[-1500:]}")
    assert not crashes, "\n\n".join(crashes)
    counts = Counter(outcomes.values())
    recorded = GOLDEN / "corpus.json"
    if UPDATE:
        recorded.write_text(json.dumps({"counts": {key: counts[key] for key in RANK},
                                        "files": outcomes}, indent=1, sort_keys=True) + "\n")
    golden = json.loads(recorded.read_text())
    new = sorted(set(outcomes) - set(golden["files"]))
    assert not new, f"files not in {recorded.name}; review and rerun with " \
                    f"MITIMELINE_UPDATE_GOLDEN=1: {new}"
    worse = {file: f"{golden['files'][file]} -> {outcome}" for file, outcome in outcomes.items()
             if RANK[outcome] > RANK[golden["files"][file]]}
    assert not worse, f"imports got worse: {worse}"
    assert counts["full"] >= golden["counts"]["full"]
    assert counts["failed"] <= golden["counts"]["failed"]


def test_failures_are_files_that_are_not_calendars() -> None:
    golden = json.loads((GOLDEN / "corpus.json").read_text())
    for file, outcome in golden["files"].items():
        if outcome == "failed":
            with pytest.raises(ParseError, match="not an iCalendar file") as caught:
                load_with_findings(CORPUS / file)
            assert caught.value.source == str(CORPUS / file)


# -- the dates of the all-day, time-zone and X-WR-TIMEZONE groups -------------------------


ALL_DAY = [
    "ical/compat/testdata/calendar_labs_same_day_dtend.ics",
    "recurring-ical-events/one_day_event.ics",
    "recurring-ical-events/zero_size_event.ics",
    "recurring-ical-events/end_before_start_event.ics",
    "recurring-ical-events/issue_132_swapped_start_and_end.ics",
    "recurring-ical-events/discourse_no_dtend.ics",
    "recurring-ical-events/issue_201_mixed_datetime_and_date.ics",
    "ical/testdata/event_all_day.ics",
    "ical/testdata/event_multi_day.ics",
    "recurring-ical-events/Germany_Holidays.ics",
]
TIME_ZONES = [
    "icalendar/calendars/issue_722_missing_timezones.ics",
    "icalendar/calendars/america_new_york_forward_reference.ics",
    "icalendar/calendars/issue_218_bad_tzid.ics",
    "icalendar/calendars/issue_836_do_not_quote_tzid.ics",
    "icalendar/calendars/timezone_same_start.ics",
    "icalendar/calendars/issue_313_globally_unique_tzid.ics",
    "icalendar/calendars/issue_722_missing_VTIMEZONE_custom.ics",
    "icalendar/calendars/pacific_fiji.ics",
    "ical/compat/testdata/office_356_custom_timezone.ics",
    "ical/compat/testdata/office_360_nz_tz.ics",
    "ical/compat/testdata/office_365_invalid_timezone.ics",
    "recurring-ical-events/daylight_saving_time.ics",
    "recurring-ical-events/issue_27_t1.ics",
]
X_WR_TIMEZONE = sorted(path.name for path in (CORPUS / "x-wr-timezone").glob("*.ics"))
# Without the corpus, one stand-in case, so the test reaches the fixture that names the
# missing folder instead of skipping as an empty parameter set.
X_WR_STEMS = sorted({name.split(".")[0] for name in X_WR_TIMEZONE}) or ["(corpus missing)"]


def dates_of(file: str) -> list[list[str]]:
    timeline, _findings, _outcome = import_file(CORPUS / file)
    assert timeline is not None
    return [[event.title, event.when.edtf] for event in timeline]


def summary(dates: list[list[str]], shown: int = 12) -> dict[str, object]:
    """How many events, the first few and the last (long recurring series stay readable)."""
    return {"count": len(dates), "first": dates[:shown], "last": dates[-1:]}


def test_group_dates_match_the_golden_file() -> None:
    files = ALL_DAY + TIME_ZONES + [f"x-wr-timezone/{name}" for name in X_WR_TIMEZONE]
    found = {file: summary(dates_of(file)) for file in files}
    recorded = GOLDEN / "corpus-dates.json"
    if UPDATE:
        recorded.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n")
    assert found == json.loads(recorded.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("file", "expected"), [
    # DTEND == DTSTART for a date (CalendarLabs): one day
    ("ical/compat/testdata/calendar_labs_same_day_dtend.ics",
     [["Immaculate Conception Day", "2025-12-08"]]),
    # DTEND exclusive: 28 June to 7 July inclusive
    ("ical/testdata/event_all_day.ics",
     [["Festival International de Jazz de Montreal", "2007-06-28/2007-07-08"]]),
    # DTSTART date, DTEND date-time: read as dates (reported)
    ("recurring-ical-events/issue_201_mixed_datetime_and_date.ics",
     [["Congés", "2023-07-24/2023-08-16"]]),
    # a VTIMEZONE named after its offset
    ("icalendar/calendars/issue_218_bad_tzid.ics",
     [["TESTIN", "2017-02-28T23:00:00+11:00/2017-02-28T23:30:00+11:00"]]),
    # an unknown TZID without VTIMEZONE: floating (reported)
    ("icalendar/calendars/issue_722_missing_VTIMEZONE_custom.ics",
     [["Untitled event", "2014-08-29T08:00:00"]]),
    # X-WR-TIMEZONE: UTC and floating times read in the calendar's zone
    ("x-wr-timezone/single-events-DTSTART-DTEND.in.ics",
     [["Google Calendar says this is noon to 1PM on 12/22/2021",
       "2021-12-22T12:00:00-05:00/2021-12-22T13:00:00-05:00"],
      ["Google says this is 9PM to 10PM on 12/22/2021",
       "2021-12-22T21:00:00-05:00/2021-12-22T22:00:00-05:00"]]),
])
def test_known_dates(file: str, expected: list[list[str]]) -> None:
    assert dates_of(file) == expected


def test_globally_unique_and_windows_tzids() -> None:
    titles = dict(dates_of("icalendar/calendars/issue_313_globally_unique_tzid.ics"))
    assert titles["libical / Evolution globally unique TZID"].startswith(
        "2020-04-26T14:00:00+02:00")
    assert titles["Mozilla Lightning globally unique TZID"].startswith(
        "2020-04-26T14:00:00-04:00")
    office = dates_of("ical/compat/testdata/office_360_nz_tz.ics")
    assert office[0] == ["9am local Wednesday event",
                         "2025-10-08T09:00:00+13:00/2025-10-08T09:30:00+13:00"]


@pytest.mark.parametrize("stem", X_WR_STEMS)
def test_x_wr_timezone_inputs_read_as_their_converted_outputs(stem: str) -> None:
    """x-wr-timezone's expected outputs are RFC 5545 without X-WR-TIMEZONE semantics: our
    reading of each input must give the same events at the same instants."""
    before = dates_of(f"x-wr-timezone/{stem}.in.ics")
    after = dates_of(f"x-wr-timezone/{stem}.out.ics")
    assert before == after and before
