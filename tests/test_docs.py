"""The docs tell the truth: every ```python block in README.md and docs/ runs.

The blocks of one page run in order in one namespace, in a temporary folder holding
``mi7.json`` (the example timeline), ``seeds/`` and an empty ``out/``. A block preceded by
the line ``<!-- no-run -->`` is illustration only and is skipped; one preceded by
``<!-- excerpt -->`` quotes the example plugin, and each of its lines (but ``...``) must
appear in that plugin's files.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import mitimeline
from mitimeline import Timeline

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(
    r"(?:<!-- (?P<marker>no-run|excerpt) -->\n[ \t]*)?```python\n(?P<code>.*?)```", re.DOTALL
)
PROBE = ROOT / "plugins" / "mitimeline-probe"


def python_blocks(page: Path, marker: str | None = None) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [m.group("code") for m in BLOCK.finditer(text) if m.group("marker") == marker]


def test_excerpts_quote_the_example_plugin() -> None:
    quoted = {line.strip() for path in PROBE.rglob("*.py")
              for line in path.read_text(encoding="utf-8").splitlines()}
    excerpts = [block for page in PAGES for block in python_blocks(page, "excerpt")]
    assert excerpts, "docs/writing-plugins.md should quote the example plugin"
    for block in excerpts:
        for line in block.splitlines():
            if line.strip() and line.strip() != "...":
                assert line.strip() in quoted, f"excerpt line not in the plugin: {line!r}"


@pytest.mark.parametrize("page", [p for p in PAGES if python_blocks(p)], ids=lambda p: p.name)
def test_python_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "seeds" / "mi7-example.json", tmp_path / "mi7.json")
    (tmp_path / "out").mkdir()
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, code in enumerate(python_blocks(page), start=1):
        try:
            exec(compile(code, f"{page.name} block {number}", "exec"), namespace)
        except Exception as exc:
            pytest.fail(f"{page.name}, python block {number} failed: {type(exc).__name__}: {exc}")


def test_readme_notebook_example_gives_a_valid_timeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's notebook example, run as printed, adds a new event: no errors after."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)  # no out/ folder: the example must not need one
    (code,) = python_blocks(ROOT / "README.md")
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    tl = namespace["tl"]
    assert isinstance(tl, Timeline) and "venice-shoot" in tl
    assert [f for f in tl.validate() if f.severity == "error"] == []
    assert len(mitimeline.load("mi7-edited.json")) == len(tl)


def test_every_hook_is_documented() -> None:
    from mitimeline import hookspecs

    hooks = [name for name in dir(hookspecs) if name.startswith("register_")]
    text = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    for hook in hooks:
        assert f"`{hook}(register)`" in text, f"docs/plugins.md has no section for {hook}"


def test_linked_pages_exist() -> None:
    link = re.compile(r"\]\((?!https?://|#)(?P<target>[^)#]+)")
    for page in [*PAGES, ROOT / "CONTRIBUTING.md"]:
        for match in link.finditer(page.read_text(encoding="utf-8")):
            target = (page.parent / match.group("target")).resolve()
            assert target.exists(), f"{page.name} links to missing {match.group('target')}"
