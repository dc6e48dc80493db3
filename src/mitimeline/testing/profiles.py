"""Hypothesis profiles of the test suites: how many examples a run tries, in one place.

- ``mitimeline``: a developer's run, random examples (failures replayed from
  ``.hypothesis/``), no deadline.
- ``mitimeline-ci``: with ``CI`` set, the same examples every run (derandomized).
- ``thorough``: with ``MITIMELINE_HYPOTHESIS=thorough``, a nightly-style run: tests that
  drive a real peer (:func:`peer_settings`) try :data:`THOROUGH_PEER_EXAMPLES` random
  examples instead of their few.

Needs the ``test`` extra (hypothesis).
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import settings

__all__ = ["THOROUGH", "THOROUGH_PEER_EXAMPLES", "VARIABLE", "load_profile", "peer_settings",
           "thorough"]

VARIABLE = "MITIMELINE_HYPOTHESIS"
"""The environment variable that chooses the ``thorough`` profile."""
THOROUGH = "thorough"
THOROUGH_PEER_EXAMPLES = 40
"""Examples per real-peer test in a ``thorough`` run (each runs a batch through the peer)."""

settings.register_profile("mitimeline", deadline=None, derandomize=False)  # not inherited from CI
settings.register_profile("mitimeline-ci", deadline=None, derandomize=True)
settings.register_profile(THOROUGH, deadline=None, derandomize=False,
                          max_examples=THOROUGH_PEER_EXAMPLES)


def thorough() -> bool:
    """Whether this is a ``thorough`` run (``MITIMELINE_HYPOTHESIS=thorough``, exactly)."""
    return os.environ.get(VARIABLE) == THOROUGH


def load_profile() -> str:
    """Load the profile of this run (``thorough``, else ``mitimeline-ci`` under ``CI``,
    else ``mitimeline``) and return its name."""
    name = THOROUGH if thorough() else "mitimeline-ci" if os.environ.get("CI") else "mitimeline"
    settings.load_profile(name)
    return name


def peer_settings(examples: int, **overrides: Any) -> settings:
    """Settings for a test that drives a real peer (another program's parser, a browser, a
    renderer): ``examples`` examples in an ordinary or CI run, the ``thorough`` profile's
    :data:`THOROUGH_PEER_EXAMPLES` in a thorough one; no deadline. ``overrides`` are the
    test's other settings (e.g. health checks it suppresses, with its reason)."""
    if thorough():
        return settings(settings.get_profile(THOROUGH), **overrides)
    return settings(max_examples=examples, deadline=None, **overrides)
