"""Laws of the calendar objects: object names are URL-safe and distinct for distinct UIDs;
the content digest ignores what servers rewrite (order, folding, escaping, stamps, other
clients' X- properties) and sees every edit; a marked object reads back as ours and
unedited; and, against a real server, publishing twice makes the second a no-op."""

from __future__ import annotations

import re
import string

import attrs
import mitimeline
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mitimeline.testing import timelines

from caldav_servers import Calendar
from mitimeline_caldav import publish
from mitimeline_caldav.objects import content_digest, marked, object_name, read_object
from mitimeline_caldav.render import render

URL_SAFE = re.compile(r"[A-Za-z0-9._@-]+\.ics")
MI7 = mitimeline.datasets.mission_impossible_7()


@given(st.text(min_size=1, max_size=300))
def test_object_names_are_url_safe_and_stable(uid: str) -> None:
    name = object_name(uid)
    assert URL_SAFE.fullmatch(name) and len(name) <= 125
    assert object_name(uid) == name


@given(st.text(min_size=1, max_size=80), st.text(min_size=1, max_size=80))
def test_distinct_uids_get_distinct_names(a: str, b: str) -> None:
    if a != b:
        assert object_name(a) != object_name(b)


def test_a_uid_that_looks_hashed_is_hashed_itself() -> None:
    hashed = object_name("tournage-à-Köln")
    lookalike = hashed.removesuffix(".ics")
    assert object_name(lookalike) != hashed


def _lines(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(render(MI7, MI7.title)), st.randoms(use_true_random=False))
def test_the_digest_ignores_what_servers_rewrite(planned: object, random: object) -> None:
    text = planned.text  # type: ignore[attr-defined]
    lines = _lines(text)
    begin, end = lines.index("BEGIN:VEVENT"), lines.index("END:VEVENT")
    body = lines[begin + 1:end]
    random.shuffle(body)  # type: ignore[attr-defined]
    body = [line for line in body if not line.startswith(("DTSTAMP", "LAST-MODIFIED"))]
    body += ["DTSTAMP:20990101T000000Z", "X-MOZ-LASTACK:20990101T000000Z",
             "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT1H", "END:VALARM"]
    rewritten = "\n".join([*lines[:begin + 1], *body, *lines[end:]])  # LF, unfolded
    assert content_digest(rewritten) == content_digest(text)
    assert read_object("x", None, rewritten).edited is False


@given(st.sampled_from(render(MI7, MI7.title)),
       st.sampled_from(["SUMMARY", "DTSTART;VALUE=DATE", "LOCATION", "X-MITIMELINE-KIND"]),
       st.text(string.ascii_letters, min_size=1, max_size=10))
def test_the_digest_sees_every_edit(planned: object, name: str, value: str) -> None:
    text = planned.text  # type: ignore[attr-defined]
    lines = [line for line in _lines(text) if not line.startswith(name.split(";")[0] + (
        ";" if ";" in name else ":"))]
    end = lines.index("END:VEVENT")
    edited = "\r\n".join([*lines[:end], f"{name}:{value}Z", *lines[end:]])
    assert content_digest(edited) != content_digest(text)
    assert read_object("x", None, edited).edited


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=100))
def test_a_marked_object_is_ours_under_any_scope(scope: str) -> None:
    text = mitimeline.dumps(mitimeline.Timeline("t", [MI7["rome-shoot"]]), "ical")
    assert isinstance(text, str)
    body, digest = marked(text, scope)
    obj = read_object("x", '"1"', body)
    assert obj.is_ours(scope) and not obj.edited and obj.hash == digest
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_an_object_with_several_events_is_never_ours() -> None:
    text = mitimeline.dumps(MI7, "ical")
    assert isinstance(text, str)
    assert not read_object("x", None, text).is_ours(MI7.title)
    with pytest.raises(ValueError, match="expected one VEVENT, found 20"):
        content_digest(text)


@settings(max_examples=8, deadline=None, phases=[Phase.generate],  # no slow shrinking
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(timelines(max_events=4))
def test_publishing_twice_the_second_is_a_no_op(radicale_calendar: Calendar,
                                                timeline: mitimeline.Timeline) -> None:
    unique = {event.id: event for event in timeline}
    timeline = attrs.evolve(timeline, events=list(unique.values()))
    # one object per VEVENT the .ics export writes (an event on multiple dates: one per run)
    objects = [item.event_id for item in render(timeline, "law")]
    scope = "law"  # each example prunes what it published: the next starts empty
    first = publish(timeline, radicale_calendar.url, auth=radicale_calendar.auth, scope=scope)
    assert first.failed == () and sorted(first.created) == sorted(objects)
    second = publish(timeline, radicale_calendar.url, auth=radicale_calendar.auth, scope=scope)
    assert sorted(second.unchanged) == sorted(objects) and second.requests == 2
    pruned = publish(timeline.remove(*unique), radicale_calendar.url,
                     auth=radicale_calendar.auth, scope=scope, prune=True)
    assert sorted(pruned.deleted) == sorted(objects)  # in the calendar's order


def test_an_event_on_multiple_dates_is_one_object_per_run(radicale_calendar: Calendar) -> None:
    """Each run of days is a VEVENT with a UID of its own (as the .ics export writes it), and a
    calendar object holds one UID: so one object per run, each re-published as unchanged."""
    timeline = mitimeline.Timeline("Runs", [
        mitimeline.Event("shoot", "Shoot", "{2020-10-01..2020-10-03,2020-10-09}")])
    first = publish(timeline, radicale_calendar.url, auth=radicale_calendar.auth, scope="runs")
    assert first.created == ("shoot", "shoot") and first.failed == ()
    second = publish(timeline, radicale_calendar.url, auth=radicale_calendar.auth, scope="runs")
    assert second.unchanged == ("shoot", "shoot") and second.requests == 2
    planned = render(timeline, "runs")
    assert len({item.uid for item in planned}) == 2
    assert all(item.text.count("BEGIN:VEVENT") == 1 for item in planned)
