"""docs/cli.md tells the truth: every ``$ mitimeline ...`` line of its ```console blocks runs
and prints what the page shows under it (stdout, then stderr; a line ``...`` stands for any
number of lines)."""

from __future__ import annotations

import contextlib
import re
import shlex
import shutil
from pathlib import Path

import pytest

from mitimeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "cli.md"
CONSOLE = re.compile(r"```console\n(?P<body>.*?)```", re.DOTALL)


def examples() -> list[tuple[str, list[str]]]:
    """Each command of the page's console blocks and the lines shown under it."""
    found: list[tuple[str, list[str]]] = []
    for block in CONSOLE.finditer(PAGE.read_text(encoding="utf-8")):
        for line in block["body"].splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            else:
                found[-1][1].append(line)
    return found


def matches(expected: list[str], printed: list[str]) -> bool:
    """Whether ``printed`` is ``expected``, each ``...`` line standing for any lines."""
    if not expected:
        return not printed
    if expected[0] == "...":
        return any(matches(expected[1:], printed[start:]) for start in range(len(printed) + 1))
    return bool(printed) and printed[0] == expected[0] and matches(expected[1:], printed[1:])


def test_the_page_has_examples() -> None:
    assert len(examples()) >= 4


@pytest.mark.parametrize(("command", "expected"), examples(), ids=lambda x: str(x)[:40])
def test_console_examples_print_what_the_page_shows(
        command: str, expected: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ROOT / "seeds" / "mi7-example.json", tmp_path / "mi7.json")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")  # argparse's --help wraps at it
    words = shlex.split(command)
    assert words[0] == "mitimeline"
    with contextlib.suppress(SystemExit):  # --help exits
        main(words[1:])
    captured = capsys.readouterr()
    printed = (captured.out + captured.err).splitlines()
    assert matches(expected, printed), "\n".join(printed)
