"""Test-wide settings: Hypothesis without per-example deadlines (CI machines are shared and
timing is checked by benchmarks/, not by tests).

Under ``CI`` the examples are derandomized (the same ones every run), so a landing never
hangs on a new random find; exploration happens on developers' machines, where failures are
kept in ``.hypothesis/`` and replayed, and in the fuzzers (docs/fuzzing.md).
"""

import os

from hypothesis import settings

settings.register_profile("mitimeline", deadline=None)
settings.register_profile("mitimeline-ci", deadline=None, derandomize=True)
settings.load_profile("mitimeline-ci" if os.environ.get("CI") else "mitimeline")
