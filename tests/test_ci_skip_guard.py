"""The CI skip guard of the root ``conftest.py``: under ``CI`` a skipped test fails the run
and is named with its reason; outside CI a skip stays a skip."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT_CONFTEST = Path(__file__).resolve().parents[1] / "conftest.py"


def _session(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch,
             ci: str | None) -> pytest.RunResult:
    pytester.makeconftest(ROOT_CONFTEST.read_text(encoding="utf-8"))
    pytester.makepyfile(test_sample="""
        import pytest

        def test_runs():
            assert True

        def test_needs_a_server():
            pytest.skip("no CalDAV server at /nowhere")
    """)
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    return pytester.runpytest_subprocess("-p", "no:cacheprovider")


def test_a_skip_fails_a_ci_run_and_is_named(pytester: pytest.Pytester,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    result = _session(pytester, monkeypatch, "true")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["*skipped under CI*",
                                 "*test_needs_a_server: *no CalDAV server at /nowhere*"])


def test_a_skip_is_a_skip_outside_ci(pytester: pytest.Pytester,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    result = _session(pytester, monkeypatch, None)
    assert result.ret == pytest.ExitCode.OK
    result.assert_outcomes(passed=1, skipped=1)
