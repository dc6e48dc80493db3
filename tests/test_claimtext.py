"""Who says what, in words (mitimeline.claimtext): shared by every format that shows claims."""

from __future__ import annotations

from mitimeline import Claim, Credit, Place, Source
from mitimeline.claimtext import NO_DETAILS, differ, source_name, statement, summary, who_says_what
from mitimeline.testing import claimed_timeline

SOURCES = {source.id: source for source in claimed_timeline().sources}


def test_a_source_is_named_by_publisher_or_title_and_publication_date() -> None:
    assert source_name("independent-2020-10-05", SOURCES) == "The Independent, 5 October 2020"
    assert source_name("x", {"x": Source("x", "A title")}) == "A title"
    assert source_name("unknown", SOURCES) == "unknown"


def test_a_statement_lists_the_set_fields_in_model_order() -> None:
    claim = Claim("a", when="2020-09", place=Place("Stranda", country="NO"), status="planned",
                  title="Jump", people=[Credit("Tom Cruise", "actor")], note="a note")
    assert statement(claim) == ("September 2020, at Stranda, NO, planned, “Jump”, "
                                "with Tom Cruise (actor) (a note)")
    assert statement(Claim("a")) == NO_DETAILS
    assert statement(Claim("a", note="only this")) == f"{NO_DETAILS} (only this)"


def test_claims_differ_only_on_a_field_both_state() -> None:
    assert not differ([Claim("a", when="2020"), Claim("b", place=Place("X"))])
    assert differ([Claim("a", when="2020"), Claim("b", when="2021")])
    assert not differ([Claim("a", when="2020"), Claim("b", when="2020", note="other")])


def test_sources_stating_the_same_are_grouped() -> None:
    claims = [Claim("a", when="2020"), Claim(["b", "a"], when="2020"), Claim("c")]
    assert who_says_what(claims, {}) == [("a and b", "2020"), ("c", NO_DETAILS)]


def test_summary() -> None:
    jump, release = claimed_timeline().events
    assert summary(jump.claims, SOURCES).startswith(
        "Sources differ — The Independent, 5 October 2020: September 2020, at Stranda, NO")
    assert summary(release.claims, SOURCES) == (
        "Sources agree — The Independent, 5 October 2020 and AceShowbiz, October 2020: "
        "19 November 2021, planned")
    assert summary((), SOURCES) == ""
