"""Test-wide settings: Hypothesis without per-example deadlines (CI machines are shared and
timing is checked by benchmarks/, not by tests), its profile chosen by
:func:`mitimeline.testing.profiles.load_profile`.

Under ``CI`` the examples are derandomized (the same ones every run), so a landing never
hangs on a new random find; exploration happens on developers' machines, where failures are
kept in ``.hypothesis/`` and replayed, in the fuzzers (docs/fuzzing.md), and in a
``MITIMELINE_HYPOTHESIS=thorough`` run, where the tests that drive real peers try many more
examples (CONTRIBUTING.md).

Under ``CI`` a skipped test fails the run (:data:`ALLOWED_SKIPS` lists the exceptions, none
today): a component the setup scripts install, or the shared corpora, missing from a CI run
must not leave it green. The skip reasons are printed.
"""

import os

import pytest

from mitimeline.testing.profiles import load_profile

ALLOWED_SKIPS: frozenset[str] = frozenset()
"""Test ids that may skip under ``CI``, each with its reason in CONTRIBUTING.md."""

_skipped: list[tuple[str, str]] = []

load_profile()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Note every skipped test (not an expected failure) and its reason."""
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _skipped.append((report.nodeid, reason))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under ``CI``, a run with a skip outside :data:`ALLOWED_SKIPS` fails."""
    unexpected = [(node, why) for node, why in _skipped if node not in ALLOWED_SKIPS]
    if os.environ.get("CI") and unexpected and session.exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Under ``CI``, name each unexpected skip and say why it fails the run."""
    unexpected = [(node, why) for node, why in _skipped if node not in ALLOWED_SKIPS]
    if os.environ.get("CI") and unexpected:
        terminalreporter.section("skipped under CI (each fails the run; see CONTRIBUTING.md)")
        for node, why in unexpected:
            terminalreporter.line(f"{node}: {why}")
