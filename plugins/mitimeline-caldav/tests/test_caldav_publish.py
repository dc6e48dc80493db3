"""The publishing scenarios of issue 15 against real servers (Radicale and Xandikos), with
python-caldav reading back: first publish, a re-publish that sends no PUT, one edit (one
PUT), one removal with prune (one DELETE, a foreign event untouched), an edit by another
client (a conflict, overwritten only with force), a connection cut mid-publish, a
redirect, non-ASCII text and UIDs, and all-day spans on the right days."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
import mitimeline
import pytest

from caldav_reader import add_foreign, edit_summary, events
from caldav_servers import Calendar
from mitimeline_caldav import SCOPE, publish

MI7 = mitimeline.datasets.mission_impossible_7()


def uids(timeline: mitimeline.Timeline) -> dict[str, str]:
    """Event id -> UID, as the project's own .ics export gives them."""
    import icalendar  # the core's dependency, as an independent reader

    text = mitimeline.dumps(timeline, "ical", uid_scope=timeline.title)
    calendar = icalendar.Calendar.from_ical(text)
    return {str(e["X-MITIMELINE-ID"]): str(e["UID"]) for e in calendar.walk("VEVENT")}


def test_first_publish_creates_one_object_per_event(calendar: Calendar) -> None:
    report = publish(MI7, calendar.proxied, auth=calendar.auth)
    assert report.created == tuple(event.id for event in MI7)
    assert (report.updated, report.unchanged, report.deleted, report.conflicts,
            report.failed) == ((), (), (), (), ())
    assert calendar.proxy.count("PUT") == 20 and report.requests == 22
    found = events(calendar.url, calendar.auth)
    assert set(found) == set(uids(MI7).values())
    for event_id, uid in uids(MI7).items():
        assert str(found[uid]["SUMMARY"]).endswith(MI7[event_id].title)
        assert str(found[uid][SCOPE]) == MI7.title


def test_publishing_again_unchanged_sends_no_write(calendar: Calendar) -> None:
    publish(MI7, calendar.proxied, auth=calendar.auth)
    calendar.proxy.reset()
    report = publish(MI7, calendar.proxied, auth=calendar.auth)
    assert report.unchanged == tuple(event.id for event in MI7)
    assert report.summary() == ("0 created, 0 updated, 20 unchanged, 0 deleted, 0 conflicts, "
                                "0 failed (2 requests)")
    assert [method for method, _ in calendar.proxy.requests] == ["PROPFIND", "REPORT"]


def test_one_edited_event_is_one_put(calendar: Calendar) -> None:
    publish(MI7, calendar.proxied, auth=calendar.auth)
    calendar.proxy.reset()
    edited = MI7.replace(attrs.evolve(MI7["rome-shoot"], title="Filming in Rome, at last"))
    report = publish(edited, calendar.proxied, auth=calendar.auth)
    assert report.updated == ("rome-shoot",) and len(report.unchanged) == 19
    assert calendar.proxy.count("PUT") == 1 and len(calendar.proxy.requests) == 3
    found = events(calendar.url, calendar.auth)
    assert str(found[uids(MI7)["rome-shoot"]]["SUMMARY"]).endswith("Filming in Rome, at last")


def test_prune_deletes_only_our_event_that_left(calendar: Calendar) -> None:
    publish(MI7, calendar.proxied, auth=calendar.auth)
    add_foreign(calendar.url, calendar.auth, "someone-else-1", "Crew party")
    before = events(calendar.url, calendar.auth)["someone-else-1"].to_ical()
    smaller = MI7.remove("rome-shoot")
    calendar.proxy.reset()
    kept = publish(smaller, calendar.proxied, auth=calendar.auth)  # without prune: kept
    assert kept.deleted == () and calendar.proxy.count("DELETE") == 0
    assert uids(MI7)["rome-shoot"] in events(calendar.url, calendar.auth)
    calendar.proxy.reset()
    report = publish(smaller, calendar.proxied, auth=calendar.auth, prune=True)
    assert report.deleted == ("rome-shoot",) and len(report.unchanged) == 19
    assert calendar.proxy.count("DELETE") == 1 and calendar.proxy.count("PUT") == 0
    found = events(calendar.url, calendar.auth)
    assert uids(MI7)["rome-shoot"] not in found and len(found) == 20
    assert found["someone-else-1"].to_ical() == before


def test_an_event_edited_by_another_client_is_a_conflict_left_alone(
        calendar: Calendar) -> None:
    publish(MI7, calendar.proxied, auth=calendar.auth)
    uid = uids(MI7)["rome-shoot"]
    edit_summary(calendar.url, calendar.auth, uid, "Rome (moved by the production office)")
    edited = MI7.replace(attrs.evolve(MI7["rome-shoot"], title="Filming in Rome, at last"))
    calendar.proxy.reset()
    report = publish(edited, calendar.proxied, auth=calendar.auth)
    assert report.conflicts == ("rome-shoot",) and calendar.proxy.count("PUT") == 0
    assert str(events(calendar.url, calendar.auth)[uid]["SUMMARY"]) == (
        "Rome (moved by the production office)")
    pruned = publish(MI7.remove("rome-shoot"), calendar.proxied, auth=calendar.auth,
                     prune=True)
    assert pruned.conflicts == ("rome-shoot",) and pruned.deleted == ()
    forced = publish(edited, calendar.proxied, auth=calendar.auth, force=True)
    assert forced.updated == ("rome-shoot",) and forced.conflicts == ()
    assert str(events(calendar.url, calendar.auth)[uid]["SUMMARY"]).endswith(
        "Filming in Rome, at last")
    assert publish(edited, calendar.proxied, auth=calendar.auth).unchanged == tuple(
        event.id for event in edited)


@pytest.mark.parametrize("answer_lost", [False, True], ids=["request-lost", "answer-lost"])
def test_a_connection_cut_mid_publish_is_reported_and_a_rerun_completes(
        calendar: Calendar, answer_lost: bool) -> None:
    calendar.proxy.cut_after = 7
    calendar.proxy.cut_forwarding = answer_lost
    report = publish(MI7, calendar.proxied, auth=calendar.auth)
    ids = [event.id for event in MI7]
    assert report.created == tuple(ids[:7])
    assert [failure.event_id for failure in report.failed] == ids[7:]
    port = calendar.proxy.server_address[1]
    assert report.failed[0].reason == (f"cannot reach 127.0.0.1:{port}: the connection was "
                                       f"closed (after 4 tries)")
    assert all(failure.reason.startswith("not sent: the connection failed earlier in this "
                                         "run") for failure in report.failed[1:])
    calendar.proxy.reset()
    again = publish(MI7, calendar.proxied, auth=calendar.auth)
    assert again.failed == () and again.conflicts == ()
    assert again.created == tuple(ids[8:] if answer_lost else ids[7:])
    assert again.unchanged == tuple(ids[:8] if answer_lost else ids[:7])
    assert set(events(calendar.url, calendar.auth)) == set(uids(MI7).values())


def test_a_calendar_reached_through_a_redirect(calendar: Calendar) -> None:
    path = calendar.url.removeprefix(calendar.server.root)
    calendar.proxy.redirects["/moved/"] = path
    report = publish(MI7, calendar.proxy.url + "/moved/", auth=calendar.auth)
    assert len(report.created) == 20
    assert report.calendar == calendar.proxied  # the calendar's own URL, after the redirect
    assert calendar.proxy.requests[:2] == [("PROPFIND", "/moved/"), ("PROPFIND", path)]
    assert len(events(calendar.url, calendar.auth)) == 20


def test_non_ascii_titles_scopes_and_uids(calendar: Calendar) -> None:
    imported = mitimeline.Event(
        id="koeln-dreh", title="Dreharbeiten in Köln – 北京 «Rückkehr»; ok, \\ done",
        when="2021-03-02/2021-03-04", kind="shoot",
        extra={"ical": {"uid": "tournage-à-Köln@例え.jp"}})
    timeline = mitimeline.Timeline("Mission: Impossible 7 — Drehplan", [imported, MI7[
        "rome-shoot"]])
    report = publish(timeline, calendar.proxied, auth=calendar.auth, scope="MI7 — Köln")
    assert report.created == ("koeln-dreh", "rome-shoot")
    found = events(calendar.url, calendar.auth)
    component = found["tournage-à-Köln@例え.jp"]
    assert str(component["SUMMARY"]) == imported.title
    assert str(component[SCOPE]) == "MI7 — Köln"
    put = [path for method, path in calendar.proxy.requests if method == "PUT"]
    assert all(part.isascii() for part in put)
    calendar.proxy.reset()
    again = publish(timeline, calendar.proxied, auth=calendar.auth, scope="MI7 — Köln")
    assert again.unchanged == ("koeln-dreh", "rome-shoot") and calendar.proxy.count("PUT") == 0


def test_all_day_spans_land_on_their_days(calendar: Calendar) -> None:
    publish(MI7, calendar.proxied, auth=calendar.auth)
    found = events(calendar.url, calendar.auth)
    checked = 0
    for event_id, uid in uids(MI7).items():
        component = found[uid]
        start = component.decoded("DTSTART")
        when = MI7[event_id].when
        if isinstance(start, datetime) or when.open_start or when.open_end:
            continue
        end = component.decoded("DTEND") if "DTEND" in component else start + timedelta(1)
        # a DATE, not a DATE-TIME: floating days, the same in every time zone
        assert isinstance(start, date) and isinstance(end, date)
        assert not isinstance(end, datetime)
        assert start == when.lower, event_id
        assert end == when.upper + timedelta(days=1), event_id  # DTEND is exclusive
        checked += 1
    assert checked >= 10


def test_an_object_holding_our_uid_under_another_name_is_updated_not_duplicated(
        calendar: Calendar) -> None:
    one = mitimeline.Timeline(MI7.title, [MI7["rome-shoot"]], MI7.sources)
    text = mitimeline.dumps(one, "ical", uid_scope=MI7.title)
    assert isinstance(text, str)
    from caldav_servers import request

    assert request("PUT", calendar.url + "imported-copy.ics", text.encode(), calendar.auth,
                   {"Content-Type": "text/calendar"}) == 201  # a copy imported from a file
    report = publish(one, calendar.proxied, auth=calendar.auth)
    assert report.updated == ("rome-shoot",) and report.failed == ()
    found = events(calendar.url, calendar.auth)
    assert list(found) == [uids(MI7)["rome-shoot"]]
    assert str(found[uids(MI7)["rome-shoot"]][SCOPE]) == MI7.title
    assert publish(one, calendar.proxied, auth=calendar.auth).unchanged == ("rome-shoot",)


def test_a_dry_run_writes_nothing(calendar: Calendar) -> None:
    publish(MI7.remove("rome-shoot"), calendar.proxied, auth=calendar.auth)
    edited = MI7.replace(attrs.evolve(MI7["norway-shoot"], title="Norway"))
    calendar.proxy.reset()
    report = publish(edited.remove("levisham-train-shoot"), calendar.proxied,
                     auth=calendar.auth, dry_run=True, prune=True)
    assert report.dry_run and report.summary().startswith("dry run, nothing written: ")
    assert (report.created, report.updated, report.deleted) == (
        ("rome-shoot",), ("norway-shoot",), ("levisham-train-shoot",))
    assert [method for method, _ in calendar.proxy.requests] == ["PROPFIND", "REPORT"]
