"""The outlet's address decides the order of numeric dates when it can."""

from __future__ import annotations

import pytest

from mitimeline_news.outlets import day_first_for


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.bbc.co.uk/news/entertainment", True),
    ("https://www.abc.net.au/news/2023", True),
    ("http://www.corriere.it/spettacoli/", True),
    ("https://www.sueddeutsche.de/kultur", True),
    ("www.irishtimes.ie/culture", True),  # no scheme
    ("https://www.nps.gov/films", False),
    ("https://variety.com/2020/film/", None),  # generic: the language's habit decides
    ("https://example.org", None),
    ("", None),
    (None, None),
    ("not a web address", None),
    ("https://localhost:8080/x", None),
])
def test_day_first_from_the_country_domain(url: str | None, expected: bool | None) -> None:
    assert day_first_for(url) is expected
