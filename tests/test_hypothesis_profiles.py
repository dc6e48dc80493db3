"""The Hypothesis profiles (mitimeline.testing.profiles): a real-peer test tries its few
examples in an ordinary or CI run and many in a ``MITIMELINE_HYPOTHESIS=thorough`` one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, Phase, settings

from mitimeline.testing.profiles import (
    THOROUGH_PEER_EXAMPLES,
    VARIABLE,
    load_profile,
    peer_settings,
)

pytest_plugins = ["pytester"]


@pytest.fixture
def restore_profile() -> Iterator[None]:
    """Load this run's own profile again once the test has changed the environment."""
    yield
    load_profile()


@pytest.mark.parametrize("value", [None, "", "1", "Thorough", "nightly"])
def test_a_peer_test_tries_its_own_few_examples_outside_a_thorough_run(
        monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv(VARIABLE, raising=False)
    else:
        monkeypatch.setenv(VARIABLE, value)
    chosen = peer_settings(4, suppress_health_check=[HealthCheck.too_slow])
    assert (chosen.max_examples, chosen.deadline) == (4, None)
    assert list(chosen.suppress_health_check) == [HealthCheck.too_slow]


def test_a_thorough_run_tries_many_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(VARIABLE, "thorough")
    chosen = peer_settings(3, database=None, phases=[Phase.explicit, Phase.generate])
    assert chosen.max_examples == THOROUGH_PEER_EXAMPLES >= 10 * 3
    assert (chosen.deadline, chosen.derandomize, chosen.database) == (None, False, None)
    assert list(chosen.phases) == [Phase.explicit, Phase.generate]


@pytest.mark.usefixtures("restore_profile")
@pytest.mark.parametrize(("ci", "variable", "profile"), [
    (None, None, "mitimeline"), ("true", None, "mitimeline-ci"),
    ("true", "thorough", "thorough"), (None, "thorough", "thorough")])
def test_the_run_loads_one_profile(monkeypatch: pytest.MonkeyPatch, ci: str | None,
                                   variable: str | None, profile: str) -> None:
    for name, value in (("CI", ci), (VARIABLE, variable)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert load_profile() == profile
    assert settings.default.derandomize == (profile == "mitimeline-ci")
    assert settings.default.deadline is None


def test_a_thorough_session_runs_the_thorough_count(pytester: pytest.Pytester,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makepyfile(test_peer="""
        from hypothesis import given, strategies as st

        from mitimeline.testing.profiles import peer_settings

        SEEN = []

        @peer_settings(2)
        @given(st.integers())
        def test_peer(number):
            SEEN.append(number)

        def test_count():
            print(f"examples tried: {len(SEEN)}")
    """)
    monkeypatch.setenv(VARIABLE, "thorough")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-s")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines([f"*examples tried: {THOROUGH_PEER_EXAMPLES}*"])
    monkeypatch.delenv(VARIABLE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-s")
    result.stdout.fnmatch_lines(["*examples tried: 2*"])
