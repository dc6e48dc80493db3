"""docs/publishing.md tells the truth: its Python example (marked ``no-run`` for the core
docs test, which has no CalDAV server) runs here against a real Radicale."""

from __future__ import annotations

import re
from pathlib import Path

import mitimeline
import pytest

from caldav_servers import Calendar

DOC = Path(__file__).resolve().parents[3] / "docs" / "publishing.md"
BLOCK = re.compile(r"<!-- no-run -->\n```python\n(?P<code>.*?)```", re.DOTALL)
EXAMPLE_URL, EXAMPLE_AUTH = "http://127.0.0.1:5232/ethan/mi7/", '("ethan", "secret")'


def test_the_python_example_runs(radicale_calendar: Calendar, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (block,) = [m.group("code") for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))]
    assert EXAMPLE_URL in block and EXAMPLE_AUTH in block
    code = block.replace(EXAMPLE_URL, radicale_calendar.url).replace(
        EXAMPLE_AUTH, repr(radicale_calendar.auth))
    mitimeline.datasets.mission_impossible_7().export(tmp_path / "mi7.json")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, f"{DOC.name} python block", "exec"), {"__name__": "docs_publishing"})
