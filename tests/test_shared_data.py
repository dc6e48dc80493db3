"""The one rule for tests that read ``../shared/`` (mitimeline.testing.shared.shared_data):
a missing folder skips the test naming it, and fails it naming it under ``CI``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mitimeline.testing.shared import shared_data

pytest_plugins = ["pytester"]


def test_a_present_folder_is_returned(tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert shared_data(tmp_path) == tmp_path


@pytest.mark.parametrize("ci", [None, ""])
def test_a_missing_folder_skips_naming_it_outside_ci(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     ci: str | None) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    missing = tmp_path / "corpora" / "ics"
    with pytest.raises(pytest.skip.Exception,
                       match=f"the shared test data folder {re.escape(str(missing))} is "
                             r"missing \(.*\.\./shared"):
        shared_data(missing)


def test_a_missing_folder_fails_naming_it_under_ci(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    missing = tmp_path / "seeds"
    with pytest.raises(pytest.fail.Exception,
                       match=f"folder {re.escape(str(missing))} is missing .*; under CI "
                             "missing shared data fails the run"):
        shared_data(missing)


def test_a_file_is_not_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    (tmp_path / "news").write_text("not a folder", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="news is missing"):
        shared_data(tmp_path / "news")


def test_a_ci_run_without_shared_data_fails_and_names_the_folder(
        pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_reads_shared="""
        from pathlib import Path

        from mitimeline.testing.shared import shared_data

        def test_corpus():
            shared_data(Path("/nowhere/shared/corpora/timex"))
    """)
    monkeypatch.setenv("CI", "true")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*/nowhere/shared/corpora/timex is missing*under CI*"])
    monkeypatch.delenv("CI")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*/nowhere/shared/corpora/timex is missing*"])
