"""The ``MITIMELINE_*_PLUGINS`` environment variables, and how plugin names are compared."""

from __future__ import annotations

import os
import re
import sys

__all__ = [
    "DISABLE_ENV",
    "LOAD_ENV",
    "STRICT_ENV",
    "TRACE_ENV",
    "env_flag",
    "env_names",
    "names_match",
    "normalise",
    "trace",
]

LOAD_ENV = "MITIMELINE_LOAD_PLUGINS"
DISABLE_ENV = "MITIMELINE_DISABLE_PLUGINS"
STRICT_ENV = "MITIMELINE_STRICT_PLUGINS"
TRACE_ENV = "MITIMELINE_TRACE_PLUGINS"


def env_flag(variable: str) -> bool:
    """True when ``variable`` is set to ``1``, ``true``, ``yes`` or ``on`` (any case)."""
    return os.environ.get(variable, "").strip().lower() in {"1", "true", "yes", "on"}


def env_names(variable: str) -> set[str] | None:
    """The normalised comma-separated names in ``variable``, or None when it is unset."""
    value = os.environ.get(variable)
    if value is None:
        return None
    return {normalise(name) for name in value.split(",") if name.strip()}


def normalise(name: str) -> str:
    """Compare names the way pip compares distribution names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def names_match(wanted: set[str], *names: str | None) -> bool:
    """True if any of ``names`` is, once normalised, in ``wanted``."""
    return any(name is not None and normalise(name) in wanted for name in names)


def trace(message: str) -> None:
    """Print a loading step to stderr when ``MITIMELINE_TRACE_PLUGINS`` is on."""
    if env_flag(TRACE_ENV):
        print(f"mitimeline plugins: {message}", file=sys.stderr)
