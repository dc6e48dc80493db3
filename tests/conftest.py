"""Fixtures shared by the core test modules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mitimeline import plugins


@pytest.fixture
def only_builtins(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fresh registry loading no installed plugin (``MITIMELINE_LOAD_PLUGINS`` set but
    empty), not strict: the built-ins and what a test registers itself."""
    monkeypatch.setenv(plugins.LOAD_ENV, "")
    monkeypatch.delenv(plugins.STRICT_ENV, raising=False)
    plugins.reset()
    yield
    plugins.reset()
