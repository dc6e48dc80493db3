"""docs/writing-plugins.md holds the whole example plugin, so a pip-only author has it all.

The blocks marked ``<!-- plugin-file: PATH -->`` are, in page order, the complete file
``plugins/mitimeline-probe/PATH`` (blank lines aside); the ``toml`` block of step 2 is a
part of the plugin's ``pyproject.toml``.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "writing-plugins.md"
PROBE = ROOT / "plugins" / "mitimeline-probe"
PLUGIN_BLOCK = re.compile(
    r"<!-- plugin-file: (?P<path>\S+) -->\n<!-- excerpt -->\n```python\n(?P<code>.*?)```",
    re.DOTALL,
)
TOML_BLOCK = re.compile(r"```toml\n(?P<code>.*?)```", re.DOTALL)


def code_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def page_files() -> dict[str, str]:
    """Each file the page shows in full: its blocks, in page order, joined."""
    files: dict[str, list[str]] = {}
    for match in PLUGIN_BLOCK.finditer(PAGE.read_text(encoding="utf-8")):
        files.setdefault(match.group("path"), []).append(match.group("code"))
    return {path: "\n".join(blocks) for path, blocks in files.items()}


def test_the_page_shows_the_whole_plugin_module() -> None:
    files = page_files()
    assert list(files) == ["src/mitimeline_probe/__init__.py"]
    for path, shown in files.items():
        real = code_lines((PROBE / path).read_text(encoding="utf-8"))
        page = code_lines(shown)
        for number, (page_line, real_line) in enumerate(zip(page, real, strict=False), 1):
            assert page_line == real_line, (
                f"writing-plugins.md, code line {number} of {path}: the page has "
                f"{page_line!r}, the plugin {real_line!r}")
        assert len(page) == len(real), (
            f"writing-plugins.md shows {len(page)} code lines of {path}; it has {len(real)}")


def test_the_page_defines_every_name_its_code_uses() -> None:
    """The names the issue found undefined on the page are defined in its own blocks."""
    shown = page_files()["src/mitimeline_probe/__init__.py"]
    for name in ("HEADER", "MEDIA_TYPE", "FIELDS", "_escape", "_unescape", "_read_event"):
        assert re.search(rf"^(?:def )?{name}\b", shown, re.MULTILINE), name


def test_the_pyproject_on_the_page_is_the_plugins() -> None:
    (block,) = [m.group("code") for m in TOML_BLOCK.finditer(PAGE.read_text(encoding="utf-8"))]
    real = set(code_lines((PROBE / "pyproject.toml").read_text(encoding="utf-8")))
    missing = [line for line in code_lines(block) if line not in real]
    assert missing == [], f"lines of the page's pyproject.toml not in the plugin's: {missing}"
