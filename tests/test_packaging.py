"""Packaging: the core's and every plugin's ``pyproject.toml`` are ready to publish."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def project(folder: Path) -> dict[str, Any]:
    data = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    table: dict[str, Any] = data["project"]
    return table


def requirement_names(requirements: list[str]) -> list[str]:
    return [re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0] for requirement in requirements]


def test_the_testing_extra_is_pytest_and_hypothesis_only() -> None:
    """What docs/testing-plugins.md promises plugin authors."""
    testing = project(ROOT)["optional-dependencies"]["testing"]
    assert requirement_names(testing) == ["pytest", "hypothesis"]


PLUGINS = sorted(path.parent for path in (ROOT / "plugins").glob("*/pyproject.toml"))
REQUIRED_CLASSIFIERS = (
    "Operating System :: OS Independent",
    "Programming Language :: Python :: 3",
    "Programming Language :: Python :: 3 :: Only",
)


def core_version() -> tuple[int, int]:
    text = (ROOT / "src" / "mitimeline" / "_version.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "(\d+)\.(\d+)\.', text)
    assert found, "src/mitimeline/_version.py holds no __version__"
    return int(found.group(1)), int(found.group(2))


def metadata_problems(folder: Path) -> list[str]:
    """What PyPI would show missing or wrong in ``folder``'s ``[project]`` table."""
    meta = project(folder)
    problems = [f"no {field}" for field in ("name", "description", "readme", "requires-python",
                                            "license", "authors", "classifiers", "keywords")
                if not meta.get(field)]
    if meta.get("readme") != "README.md" or not (folder / "README.md").is_file():
        problems.append("readme must be its README.md (the long description on PyPI)")
    if meta.get("requires-python") != project(ROOT)["requires-python"]:
        problems.append(f"requires-python {meta.get('requires-python')!r} differs from the core's")
    if meta.get("license") != "MIT":
        problems.append(f"license {meta.get('license')!r}, expected the SPDX expression 'MIT'")
    classifiers = meta.get("classifiers", [])
    problems += [f"no classifier {c!r}" for c in REQUIRED_CLASSIFIERS if c not in classifiers]
    if not any(c.startswith("Development Status :: ") for c in classifiers):
        problems.append("no 'Development Status :: ...' classifier")
    if any(c.startswith("License :: ") for c in classifiers):
        problems.append("a 'License :: ...' classifier beside the license expression")
    typed = any(folder.glob("src/*/py.typed"))
    if typed != ("Typing :: Typed" in classifiers):
        problems.append(f"'Typing :: Typed' must be a classifier exactly when a package has "
                        f"py.typed ({'has' if typed else 'has not'})")
    return problems


def test_the_core_has_the_metadata_to_publish() -> None:
    assert metadata_problems(ROOT) == []


def test_the_plugins_are_found() -> None:
    assert [folder.name for folder in PLUGINS] == [
        "mitimeline-caldav", "mitimeline-csv", "mitimeline-dood", "mitimeline-markwhen",
        "mitimeline-news", "mitimeline-probe", "mitimeline-timelinejs", "mitimeline-uss"]


def test_every_plugin_has_the_metadata_to_publish() -> None:
    problems = {folder.name: metadata_problems(folder) for folder in PLUGINS}
    assert problems == {folder.name: [] for folder in PLUGINS}


def test_every_plugin_is_a_mitimeline_plugin_pinned_below_the_next_minor_release() -> None:
    major, minor = core_version()
    pin = f"mitimeline>={major}.{minor},<{major}.{minor + 1}"
    for folder in PLUGINS:
        meta = project(folder)
        assert meta["name"] == folder.name, folder.name
        assert pin in meta["dependencies"], f"{folder.name}: no {pin!r} in its dependencies"
        entry_points = meta["entry-points"]["mitimeline"]
        package = folder.name.replace("-", "_")
        assert list(entry_points.values()) == [package], f"{folder.name}: {entry_points}"
        assert (folder / "src" / package / "__init__.py").is_file(), folder.name
        assert "test" in meta["optional-dependencies"], f"{folder.name}: no test extra"


def test_a_problem_is_reported(tmp_path: Path) -> None:
    """The check can fail: a pyproject with a classifier missing and no keywords."""
    (tmp_path / "README.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "mitimeline-x"\ndescription = "x"\nreadme = "README.md"\n'
        'requires-python = ">=3.10"\nlicense = "MIT"\nauthors = [{ name = "x" }]\n'
        'classifiers = ["Development Status :: 3 - Alpha", "Typing :: Typed",\n'
        '               "Programming Language :: Python :: 3"]\n', encoding="utf-8")
    assert metadata_problems(tmp_path) == [
        "no keywords",
        "no classifier 'Operating System :: OS Independent'",
        "no classifier 'Programming Language :: Python :: 3 :: Only'",
        "'Typing :: Typed' must be a classifier exactly when a package has py.typed (has not)",
    ]
