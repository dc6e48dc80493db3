"""Test-wide settings: Hypothesis without per-example deadlines (CI machines are shared and
timing is checked by benchmarks/, not by tests)."""

from hypothesis import settings

settings.register_profile("mitimeline", deadline=None)
settings.load_profile("mitimeline")
