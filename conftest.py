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

The session loads this repository's plugins only (``MITIMELINE_LOAD_PLUGINS``, unless it is
set): an entry point of another distribution in the environment (a plugin installed from
another checkout, the leftover of one half reinstalled) never decides a test. They are
loaded once at the start, so one that does not load fails the session there, naming it,
instead of failing the collection of whichever module happens to use the registry first.
"""

import importlib.metadata
import os
import warnings
from pathlib import Path

import pytest

from mitimeline import plugins
from mitimeline.errors import PluginLoadWarning
from mitimeline.plugins._environment import normalise
from mitimeline.testing.profiles import load_profile

try:
    import tomllib
except ImportError:  # Python 3.10: the test extra installs tomli
    import tomli as tomllib

ALLOWED_SKIPS: frozenset[str] = frozenset()
"""Test ids that may skip under ``CI``, each with its reason in CONTRIBUTING.md."""

_skipped: list[tuple[str, str]] = []

load_profile()

REPOSITORY = Path(__file__).resolve().parent


def repository_plugins() -> list[str]:
    """The distribution names of this repository's plugins (``plugins/*/pyproject.toml``)
    that are installed, i.e. offer a ``mitimeline`` entry point."""
    ours = {normalise(tomllib.loads(path.read_text(encoding="utf-8"))["project"]["name"])
            for path in REPOSITORY.glob("plugins/*/pyproject.toml")}
    installed = {normalise(ep.dist.metadata["Name"]) for ep in importlib.metadata.entry_points(
        group=plugins.ENTRY_POINT_GROUP) if ep.dist is not None}
    return sorted(ours & installed)


def pytest_configure(config: pytest.Config) -> None:
    """Load only this repository's installed plugins, unless ``MITIMELINE_LOAD_PLUGINS``
    says otherwise."""
    if plugins.LOAD_ENV not in os.environ:
        os.environ[plugins.LOAD_ENV] = ",".join(repository_plugins())


def pytest_sessionstart(session: pytest.Session) -> None:
    """Load the plugins once; one that does not load stops the session, named."""
    plugins.reset()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PluginLoadWarning)
        plugins.load_plugins()
    broken = [str(warning.message) for warning in caught
              if issubclass(warning.category, PluginLoadWarning)]
    if broken:
        raise pytest.UsageError(f"a plugin does not load: {'; '.join(broken)} (install the "
                                "plugins again, as CONTRIBUTING.md says)")


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
