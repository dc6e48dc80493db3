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
