"""docs/errors.md tells the truth: it documents every class in ``mitimeline.errors``, each
with an example, and each example prints exactly the text shown under it."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from mitimeline import errors, plugins
from test_docs import lay_out_docs_folder

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "errors.md"
SECTION = re.compile(r"^## `(?P<name>\w+)`\n(?P<body>.*?)(?=^## |\Z)", re.DOTALL | re.MULTILINE)
EXAMPLE = re.compile(r"```python\n(?P<code>.*?)```\n\n```text\n(?P<output>.*?)```", re.DOTALL)
BLOCK = re.compile(r"```python\n(?P<code>.*?)```(?:\n\n```text\n(?P<output>.*?)```)?", re.DOTALL)


def sections() -> dict[str, str]:
    return {m["name"]: m["body"] for m in SECTION.finditer(PAGE.read_text(encoding="utf-8"))}


def test_every_error_class_has_a_section_with_exit_code_and_example() -> None:
    documented = sections()
    assert sorted(documented) == sorted(errors.__all__)
    for name, body in documented.items():
        for part in ("**When:**", "**Attributes:**", "**Exit code:**"):
            assert part in body, f"docs/errors.md: {name} has no {part}"
        assert EXAMPLE.search(body), f"docs/errors.md: {name} has no example with its output"


def test_every_documented_attribute_exists() -> None:
    samples = {
        "DateParseError": errors.DateParseError("m", "t"),
        "InvalidEventError": errors.InvalidEventError("m", "f"),
        "ParseError": errors.ParseError("m"),
        "ExportError": errors.ExportError("m"),
        "PluginLoadError": errors.PluginLoadError("m", "p"),
        "MergeError": errors.MergeError("m", "s"),
    }
    for name, body in sections().items():
        attributes = body.split("**Attributes:**")[1].split("**Exit code:**")[0]
        for attribute in re.findall(r"`(\w+)`(?= \(|, the| and `)", attributes):
            if attribute in {"None", "OSError", "__cause__"} or name not in samples:
                continue
            assert hasattr(samples[name], attribute), f"{name} has no attribute {attribute}"


def test_the_examples_print_what_the_page_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lay_out_docs_folder(tmp_path)  # mi7.json is the dataset, as for every docs page
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(plugins.LOAD_ENV, "")
    plugins.reset()
    namespace: dict[str, object] = {"__name__": "docs_errors"}
    checked = 0
    try:
        for number, block in enumerate(BLOCK.finditer(PAGE.read_text(encoding="utf-8")), 1):
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                exec(compile(block["code"], f"errors.md block {number}", "exec"), namespace)
            if block["output"] is not None:
                assert printed.getvalue() == block["output"], f"errors.md block {number}"
                checked += 1
    finally:
        plugins.reset()
    assert checked >= len(errors.__all__)
