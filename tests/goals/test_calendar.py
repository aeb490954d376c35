import datetime as dt
import hashlib
import re
import zoneinfo

import icalendar
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.goals.models import CalendarFeed, Goal
from tests.goals.conftest import add_step


def events(body: bytes) -> dict[str, icalendar.Component]:
    calendar = icalendar.Calendar.from_ical(body)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def subscribe(client: Client) -> str:
    """Make a calendar address and read it off the page that shows it once."""
    page = client.post(reverse("goals:feed_action"), {"action": "create"}, follow=True).text
    found = re.search(r'id="feed-url" readonly[^>]*>http://testserver([^<]+)</textarea>', page)
    assert found, page
    return found.group(1)


def local_today(zone: str) -> dt.date:
    return timezone.now().astimezone(zoneinfo.ZoneInfo(zone)).date()


def test_subscribe_then_revoke(alice_client: Client, alice: User) -> None:
    alice.profile.time_zone = "Pacific/Kiritimati"  # UTC+14: often a day ahead of the server
    alice.profile.save()
    today = local_today("Pacific/Kiritimati")
    goal = Goal.objects.create(
        user=alice, text="Write 3 STAR stories", target_date=today + dt.timedelta(days=9)
    )
    add_step(goal, "Story about conflict", 0, resources="https://example.org/star")
    step = goal.steps.get()
    step.due_date = today + dt.timedelta(days=2)
    step.save()

    url = subscribe(alice_client)
    stranger = Client()  # no session: the address is the key
    response = stranger.get(url)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = events(response.content)
    due = found["Due: Story about conflict"]
    assert due.decoded("dtstart") == today + dt.timedelta(days=2)
    assert "https://example.org/star" in str(due["description"])
    assert found["Goal deadline: Write 3 STAR stories"].decoded("dtstart") == today + dt.timedelta(
        days=9
    )
    work = [e for s, e in found.items() if s.endswith("· Story about conflict")]
    assert work
    assert work[0].decoded("dtstart") >= today  # scheduled from alice's today, not the server's
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["x-wr-timezone"]) == "Pacific/Kiritimati"

    alice_client.post(reverse("goals:feed_action"), {"action": "revoke"})
    assert stranger.get(url).status_code == 404


def test_regenerating_replaces_the_address(alice_client: Client, alice: User) -> None:
    old = subscribe(alice_client)
    new = subscribe(alice_client)
    assert new != old
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200


def test_the_address_is_stored_hashed_and_shown_once(alice_client: Client, alice: User) -> None:
    """Issue 11, class 8: the database alone opens no calendar; the page shows it once."""
    url = subscribe(alice_client)
    token = url.removeprefix("/plan/calendar/").removesuffix(".ics")
    feed = CalendarFeed.objects.get(user=alice)
    assert feed.token_digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(CalendarFeed.objects.values_list()))
    again = alice_client.get(reverse("goals:calendar")).text
    assert token not in again
    assert "It was shown once, when it was made" in again
    assert Client().get(f"/plan/calendar/{feed.token_digest}.ics").status_code == 404


def test_the_feed_answers_get_and_head_only(alice_client: Client, alice: User) -> None:
    url = subscribe(alice_client)
    stranger = Client()
    head = stranger.head(url)
    assert head.status_code == 200
    assert head["Content-Type"] == "text/calendar; charset=utf-8"
    for method in ("post", "put", "patch", "delete", "options"):
        refused = getattr(stranger, method)(url)
        assert refused.status_code == 405, method
        assert set(refused["Allow"].split(", ")) == {"GET", "HEAD"}
        assert refused.content == b""  # nothing of the plan
    assert alice_client.post(reverse("goals:ics")).status_code == 405


def test_one_off_download_needs_login(alice_client: Client) -> None:
    response = alice_client.get(reverse("goals:ics"))
    assert response["Content-Disposition"] == 'attachment; filename="prepcoach-plan.ics"'
    icalendar.Calendar.from_ical(response.content)
    assert Client().get(reverse("goals:ics")).status_code == 302


def test_reminder_settings(alice_client: Client, alice: User) -> None:
    page = alice_client.get(reverse("goals:calendar")).text
    assert "Create a private calendar address" in page
    alice_client.post(reverse("goals:calendar"), {"frequency": "daily"})
    assert alice.reminder_settings.frequency == "daily"


def test_the_feed_carries_user_markup_escaped_for_the_format(
    alice_client: Client, alice: User
) -> None:
    """Control characters go, lines stay, HTML shows as typed (issue 11, class 4)."""
    text = "Learn <b>Optional<User></b>\r\nEND:VEVENT\x0b\x1b now"
    Goal.objects.create(
        user=alice, text=text, target_date=local_today("UTC") + dt.timedelta(days=9),
        success_note="Say <script>hi()</script>\nthen stop",
    )  # fmt: skip
    body = Client().get(subscribe(alice_client)).content
    assert b"\x0b" not in body
    assert b"\x1b" not in body
    calendar = icalendar.Calendar.from_ical(body)
    (deadline,) = calendar.walk("VEVENT")
    assert str(deadline["summary"]) == "Goal deadline: Learn <b>Optional<User></b>\nEND:VEVENT now"
    assert str(deadline["description"]) == "Say <script>hi()</script>\nthen stop"
    assert deadline["x-alt-desc"].params["FMTTYPE"] == "text/html"
    alt = str(deadline["x-alt-desc"]).replace("\\;", ";")  # TEXT escaping, undone
    assert alt == "Say &lt;script&gt;hi()&lt;/script&gt;<br>then stop"
