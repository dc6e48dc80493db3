"""Shared third-party test data (``../shared/`` beside a checkout): the one rule for a
test that reads it when it is missing (needs the ``test`` extra: pytest)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

__all__ = ["CI_VARIABLE", "shared_data"]

CI_VARIABLE = "CI"
"""The environment variable that marks a CI run (any non-empty value)."""


def shared_data(folder: Path) -> Path:
    """``folder`` when it is a directory; otherwise skip the calling test with a message
    naming it, or, under ``CI`` (set and not empty), fail it naming the folder."""
    if folder.is_dir():
        return folder
    message = (f"the shared test data folder {folder} is missing (the shared corpora and "
               "seeds are a checkout of ../shared beside this repository)")
    if os.environ.get(CI_VARIABLE):
        pytest.fail(f"{message}; under CI missing shared data fails the run", pytrace=False)
    pytest.skip(message)
