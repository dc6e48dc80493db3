"""Which plugins a test session loads (the root ``conftest.py``): this repository's, once, at
the start. An entry point whose module is gone (a plugin half reinstalled, or installed
from a checkout that moved) once failed a collection with ``PluginLoadWarning: No module
named 'mitimeline_probe'``, blamed on whichever module first used the registry; these
sessions show that cause and that it no longer decides a run by accident."""

from __future__ import annotations

from pathlib import Path

import pytest

from mitimeline import plugins

pytest_plugins = ["pytester"]

ROOT_CONFTEST = Path(__file__).resolve().parents[1] / "conftest.py"
FILTER = ("-p", "no:cacheprovider", "-W", "error::mitimeline.errors.PluginLoadWarning")


def _stale_entry_point(pytester: pytest.Pytester, dist: str) -> None:
    """An installed distribution whose ``mitimeline`` entry point names a missing module
    (its dist-info in the session's folder, which is on ``sys.path``)."""
    info = pytester.path / f"{dist.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n",
                                   encoding="utf-8")
    (info / "entry_points.txt").write_text("[mitimeline]\nstale = gone_plugin_module\n",
                                           encoding="utf-8")
    pytester.makepyfile(test_formats="""
        import mitimeline

        FORMATS = [f.name for f in mitimeline.list_formats()]  # the registry, at collection

        def test_formats():
            assert "json" in FORMATS
    """)


@pytest.fixture
def session(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A folder for a session of its own, with the environment of a plain shell."""
    monkeypatch.delenv(plugins.LOAD_ENV, raising=False)
    return pytester


def test_without_the_rule_a_stale_entry_point_fails_the_collection(
        session: pytest.Pytester) -> None:
    _stale_entry_point(session, "mitimeline-elsewhere")
    result = session.runpytest_subprocess(*FILTER)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*ERROR collecting test_formats.py*",
                                 "*PluginLoadWarning*No module named 'gone_plugin_module'*"])


def test_another_distributions_stale_entry_point_is_not_loaded(
        session: pytest.Pytester) -> None:
    session.makeconftest(ROOT_CONFTEST.read_text(encoding="utf-8"))
    _stale_entry_point(session, "mitimeline-elsewhere")
    result = session.runpytest_subprocess(*FILTER)
    result.assert_outcomes(passed=1)


def test_a_stale_plugin_of_this_repository_stops_the_session_naming_it(
        session: pytest.Pytester) -> None:
    session.makeconftest(ROOT_CONFTEST.read_text(encoding="utf-8"))
    project = session.path / "plugins" / "mitimeline-stale"
    project.mkdir(parents=True)
    (project / "pyproject.toml").write_text('[project]\nname = "mitimeline-stale"\n',
                                            encoding="utf-8")
    _stale_entry_point(session, "mitimeline-stale")
    result = session.runpytest_subprocess(*FILTER)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: a plugin does not load: *mitimeline-stale*No module "
                                 "named 'gone_plugin_module'* (install the plugins again*"])

