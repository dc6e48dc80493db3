"""The docs tell the truth: every ```python block in README.md and docs/ runs.

The blocks of one page run in order in one namespace, in a temporary folder holding what
the names they use mean: ``seeds/`` as in the repository (``seeds/mi7.json``, the
Mission: Impossible 7 dataset, and ``seeds/mi7-example.json``, the 7-event example),
``mi7.json``, a copy of that dataset (never the example under its name), ``forty-day.uss``,
the USS plugin's forty-day fixture (docs/production-office.md), and an empty ``out/``. A
line ``print(...)  # TEXT`` shows what it prints: the printed text must match TEXT, where
``...`` stands for any text. A block preceded by the line ``<!-- no-run -->``
is illustration only and is skipped; one preceded by ``<!-- excerpt -->`` quotes the
example plugin, and each of its lines (but ``...``) must appear in that plugin's files.
"""

from __future__ import annotations

import io
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
PRINTED = re.compile(r"^(?P<indent>[ \t]*)print\((?P<args>.*)\)[ \t]{2,}# (?P<shown>.+)$",
                     re.MULTILINE)


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


def shown(expected: str, *values: object, **options: object) -> None:
    """``print(*values, **options)``, checking that it prints ``expected`` (``...``: any
    text)."""
    buffer = io.StringIO()
    print(*values, **options, file=buffer)  # type: ignore[call-overload]
    printed = buffer.getvalue().rstrip("\n")
    print(printed)
    pattern = ".*".join(re.escape(part) for part in expected.split("..."))
    assert re.fullmatch(pattern, printed, re.DOTALL), (
        f"it prints {printed!r}; the page says {expected!r}")


def checking_prints(code: str) -> str:
    """``code`` with each ``print(...)  # TEXT`` line made a call of :func:`shown`."""
    return PRINTED.sub(lambda m: f"{m['indent']}__shown__({m['shown']!r}, {m['args']})", code)


def test_printed_comments_are_checked() -> None:
    namespace: dict[str, object] = {"__shown__": shown}
    exec(checking_prints('print(1 + 1, "a")    # 2 a\nprint("xyz")  # x...z\n'), namespace)
    with pytest.raises(AssertionError, match="it prints '3'; the page says '4'"):
        exec(checking_prints("print(3)  # 4\n"), namespace)
    assert checking_prints("print(3)  # 4 \nprint(2) # 5\nx = 1  # 6\n") == (
        "__shown__('4 ', 3)\nprint(2) # 5\nx = 1  # 6\n")


def lay_out_docs_folder(folder: Path) -> None:
    """Put in ``folder`` the files the docs' examples name, as the module docstring says
    (docs/errors.md's examples run in such a folder too)."""
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    shutil.copy(ROOT / "seeds" / "mi7.json", folder / "mi7.json")
    shutil.copy(ROOT / "plugins" / "mitimeline-uss" / "tests" / "fixtures" / "forty-day.uss",
                folder / "forty-day.uss")
    (folder / "out").mkdir()


def run_page(page: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run ``page``'s python blocks in ``folder``, laid out by :func:`lay_out_docs_folder`."""
    lay_out_docs_folder(folder)
    monkeypatch.chdir(folder)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}", "__shown__": shown}
    for number, code in enumerate(python_blocks(page), start=1):
        try:
            exec(compile(checking_prints(code), f"{page.name} block {number}", "exec"),
                 namespace)
        except Exception as exc:
            pytest.fail(f"{page.name}, python block {number} failed: {type(exc).__name__}: {exc}")


@pytest.mark.parametrize("page", [p for p in PAGES if python_blocks(p)], ids=lambda p: p.name)
def test_python_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_page(page, tmp_path, monkeypatch)


def test_the_examples_load_the_files_they_name(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: notebooks.md loaded ``mi7.json`` meaning the 7-event example, and this test
    gave it the example under that name; a user's mi7.json is the dataset."""
    run_page(ROOT / "docs" / "notebooks.md", tmp_path, monkeypatch)
    assert mitimeline.load(tmp_path / "mi7.json") == mitimeline.load(ROOT / "seeds" / "mi7.json")
    assert mitimeline.load(tmp_path / "mi7.json") != mitimeline.load(
        ROOT / "seeds" / "mi7-example.json")


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
    code = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)  # `[Name](location)` is Markwhen
    for page in [*PAGES, ROOT / "CONTRIBUTING.md"]:
        for match in link.finditer(code.sub("", page.read_text(encoding="utf-8"))):
            target = (page.parent / match.group("target")).resolve()
            assert target.exists(), f"{page.name} links to missing {match.group('target')}"
