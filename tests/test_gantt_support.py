"""Shared helpers for the Gantt and notebook tests (imported by the test_gantt_* modules).

- :func:`production`: a deterministic, realistic timeline of any size;
- :func:`hostile_text`: Hypothesis text built from what breaks chart formats;
- :func:`renderers` / :class:`Renderer`: the real renderers (Mermaid in headless Chromium)
  that ``.ci/setup-renderers.sh`` installs; missing pieces skip the test with a message
  naming that script, or fail it when ``CI`` is set;
- :func:`screenshot_dir` and :func:`show`: where screenshots go, printed to the test log.
"""

from __future__ import annotations

import json
import os
import queue
import random
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

from mitimeline import Credit, Event, Place, Source, Timeline

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / ".cache" / "gantt-renderers"
SERVER = ROOT / "tests" / "render" / "render_server.mjs"
SETUP = ".ci/setup-renderers.sh"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
REPLY_TIMEOUT = 180.0

# -- generated timelines --------------------------------------------------------------------

PLACES = [
    Place("Helsetkopen", "Stryn", "Vestland", "NO", 61.9036, 6.7202, "Europe/Oslo"),
    Place("Preikestolen", "Forsand", "Rogaland", "NO", 58.9864, 6.1904, "Europe/Oslo"),
    Place("Piazza Venezia", "Rome", "Lazio", "IT", 41.8960, 12.4828, "Europe/Rome"),
    Place("Ponte di Rialto", "Venice", "Veneto", "IT", 45.4380, 12.3358, "Europe/Rome"),
    Place("Longcross Studios", "Chertsey", "Surrey", "GB", 51.3830, -0.5930, "Europe/London"),
    Place("Wadi Rum", "Aqaba", None, "JO", 29.5760, 35.4210, "Asia/Amman"),
    Place("Cape Town docks", "Cape Town", "Western Cape", "ZA", -33.9060, 18.4240),
]
PEOPLE = [Credit("Tom Cruise", "actor"), Credit("Hayley Atwell", "actor"),
          Credit("Christopher McQuarrie", "director"), Credit("Wade Eastwood", "stunts")]
KINDS = ["shoot"] * 6 + ["stunt"] * 2 + ["move", "hiatus", "wrap", "announcement", "release"]
WHAT = ["Car chase through the old town", "Night exteriors on the bridge",
        "Second-unit aerials over the fjord", "Train interior, carriage 3",
        "Motorcycle jump rehearsal with the full stunt team and safety divers on standby",
        "Crowd scene", "Company move", "Press day", "Rooftop fight"]


def _when(rng: random.Random) -> str:
    year = rng.choice([2020, 2021, 2021, 2022])
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    roll = rng.random()
    if roll < 0.45:
        return f"{year}-{month:02d}-{day:02d}"
    if roll < 0.55:
        return f"{year}-{month:02d}"
    if roll < 0.62:
        return f"{year}-{month:02d}-{day:02d}~"
    if roll < 0.67:
        return f"{year}-{month:02d}-{day:02d}?"
    if roll < 0.72:
        return f"{year}-{month:02d}-{day:02d}T{rng.randint(5, 22):02d}:30:00Z"
    if roll < 0.92:
        end = min(day + rng.randint(1, 25), 28)
        return f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{end:02d}"
    if roll < 0.96:
        return f"{year}-{month:02d}/{year}-{min(12, month + 2):02d}~"
    return f"{year}-{month:02d}-{day:02d}/.." if roll < 0.98 else f"/{year}-{month:02d}-{day:02d}"


def production(n_events: int, seed: int = 7) -> Timeline:
    """A deterministic timeline of ``n_events`` events shaped like real production data."""
    rng = random.Random(seed)
    sources = [Source(f"report-{i}", f"Report {i} on the shoot", publisher="Outlet",
                      url=f"https://news.example/{i}", published="2020-10")
               for i in range(max(1, n_events // 10))]
    events = []
    for i in range(n_events):
        kind = rng.choice(KINDS)
        place = rng.choice(PLACES) if rng.random() < 0.85 else None
        events.append(Event(
            id=f"event-{i:05d}",
            title=f"{rng.choice(WHAT)} #{i}",
            when=_when(rng),
            kind=kind,
            place=place,
            people=rng.sample(PEOPLE, rng.randint(0, 2)),
            unit=rng.choice(["main unit", "second unit", None]),
            sources=[rng.choice(sources).id],
        ))
    return Timeline(f"Generated production ({n_events} events)", events, sources)


# -- hostile text ---------------------------------------------------------------------------

HOSTILE_PIECES = [
    ":", ";", "#", "%", "%%", "%%{init: {'theme': 'dark'}}%%", "#58;", "#35;", "&amp;", "&#60;",
    "<script>alert(1)</script>", "<br>", "<b>bold</b>", "\"", "'", "`", "{", "}", "[", "]",
    "(", ")", ",", "|", "\\", "/", "-", "--", "---", "=", "¶ß", "ﬂ°", "ﬂ°°58¶ß", "Straße",
    "title ", "Title sequence", "section ", "Section 5", "click ", "call ", "href \"x\"",
    "gantt", "dateFormat YYYY", "excludes weekends", "includes ", "todayMarker off",
    "accTitle: x", "accDescr { y", "accDescription z", "weekday monday", "weekend friday",
    "axisFormat %Y", "tickInterval 1day", "topAxis", "inclusiveEndDates", "2020-09-06",
    "after ev1", "until ev2", "milestone", "vert", "crit", "done", "active",
    " ", "  ", "\t", "\n", "日本語", "עברית", "🎬", "e\u0301", "Ω", "$x^2$", "$",
    # the rest of tests/test_hostile_strings.py's list
    '"><svg onload=alert(1)>', "' onmouseover='x", "]]><!--", "&#x3c;", "\r\n", "\x00",
    "\x1b[31m", "\x85", "\u2028", "\u202e", "\u200f", "\ufeff", "👩\u200d👩\u200d👧",
    "click x call alert()", "{{x}}", "```", "100%", "=HYPERLINK(\"x\")", "@SUM(A1)",
]


def hostile_text() -> st.SearchStrategy[str]:
    """Non-blank text made of pieces that chart formats are known to mishandle."""
    pieces = st.sampled_from(HOSTILE_PIECES) | st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=4)
    return st.lists(pieces, min_size=1, max_size=6).map("".join).filter(str.strip)


@st.composite
def hostile_timelines(draw: st.DrawFn, max_events: int = 6) -> Timeline:
    """Small timelines whose every text (titles, places, units, people) is hostile."""
    size = draw(st.integers(1, max_events))
    events = []
    for i in range(size):
        day = draw(st.integers(1, 28))
        kind = draw(st.sampled_from(["shoot", "stunt", "release", "move", "announcement"]))
        when = draw(st.sampled_from([f"2020-09-{day:02d}", "2020-10", f"2020-09-{day:02d}~",
                                     f"2020-09-{day:02d}/2020-10-{day:02d}", "/2020-11-02",
                                     "2020-11/..", f"2020-09-{day:02d}T10:00:00Z"]))
        events.append(Event(
            id=f"e{i}", title=draw(hostile_text()), when=when, kind=kind,
            place=Place(draw(hostile_text())) if draw(st.booleans()) else None,
            unit=draw(hostile_text()) if draw(st.booleans()) else None,
            people=[Credit(draw(hostile_text()))] if draw(st.booleans()) else [],
        ))
    return Timeline(draw(hostile_text()), events)


# -- real renderers -------------------------------------------------------------------------


def missing_renderers() -> list[str]:
    """What ``.ci/setup-renderers.sh`` installs and is not there."""
    missing = []
    if shutil.which("node") is None:
        missing.append("node")
    if not CHROMIUM.exists():
        missing.append(str(CHROMIUM))
    for package, path in (("mermaid", "dist/mermaid.min.js"), ("playwright-core", "package.json")):
        if not (NODE_DIR / "node_modules" / package / path).exists():
            missing.append(f"npm package {package} in {NODE_DIR.relative_to(ROOT)}")
    return missing


def require_renderers() -> None:
    """Skip (or, when ``CI`` is set, fail) unless every real renderer is installed."""
    missing = missing_renderers()
    if missing:
        message = (f"real Gantt renderers missing: {', '.join(missing)}; "
                   f"install them with `bash {SETUP}` (as root)")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


class Renderer:
    """A ``render_server.mjs`` process: one headless Chromium for many requests."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            ["node", str(SERVER), str(NODE_DIR)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.replies: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.replies.put(line)

    def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        try:
            reply: dict[str, Any] = json.loads(self.replies.get(timeout=REPLY_TIMEOUT))
        except queue.Empty:
            raise AssertionError(f"the renderer gave no reply in {REPLY_TIMEOUT} s; "
                                 f"stderr: {self._stderr()}") from None
        if str(reply.get("error", "")).startswith("renderer failure"):
            raise AssertionError(reply["error"])
        return reply

    def mermaid(self, code: str, png: Path | None = None) -> dict[str, Any]:
        """Render Mermaid text; the reply has ``error`` or ``svg``, ``texts`` and ``tasks``."""
        return self.ask({"op": "mermaid", "code": code, "png": str(png) if png else None})

    def screenshot(self, file: Path, png: Path, width: int = 1000) -> dict[str, Any]:
        """Screenshot an SVG or HTML file (the whole document) into ``png``."""
        return self.ask({"op": "screenshot", "file": str(file), "png": str(png), "width": width})

    def _stderr(self) -> str:
        if self.process.poll() is None:
            return "(still running)"
        assert self.process.stderr is not None
        return self.process.stderr.read()[-2000:]

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="session")
def renderers() -> Iterator[Renderer]:
    """The real renderers, started once per test session."""
    require_renderers()
    renderer = Renderer()
    try:
        yield renderer
    finally:
        renderer.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where screenshots go, kept after the run for people to look at:
    ``$MITIMELINE_ARTIFACTS/gantt-screenshots`` if that variable is set (for CI to collect),
    else the gitignored ``.cache/gantt-screenshots`` of the checkout. Each run replaces
    the files it writes."""
    chosen = os.environ.get("MITIMELINE_ARTIFACTS")
    path = Path(chosen) / "gantt-screenshots" if chosen else ROOT / ".cache" / "gantt-screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def show(capsys: pytest.CaptureFixture[str], what: str, path: Path) -> None:
    """Print a screenshot's path to the test log, even when the test passes."""
    with capsys.disabled():
        print(f"\n  {what}: {path}")


def test_production_is_deterministic() -> None:
    assert production(50) == production(50)
    assert production(50) != production(50, seed=8)
    assert len(production(123)) == 123
