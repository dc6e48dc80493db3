"""Golden files: the one rule for when a test rewrites them instead of comparing."""

from __future__ import annotations

import os

__all__ = ["UPDATE_GOLDEN_VARIABLE", "update_golden"]

UPDATE_GOLDEN_VARIABLE = "MITIMELINE_UPDATE_GOLDEN"
"""The environment variable that asks golden-file tests to rewrite their files."""


def update_golden() -> bool:
    """Whether golden files are to be rewritten: only when ``MITIMELINE_UPDATE_GOLDEN`` is
    exactly ``"1"`` (``0``, ``false`` or an empty value compare, as a test should)."""
    return os.environ.get(UPDATE_GOLDEN_VARIABLE) == "1"
