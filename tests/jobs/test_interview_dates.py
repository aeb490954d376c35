"""Interview dates typed into a job's form are on the week (a tester's bug: only interviews
added with "Add an interview" were). Each date newly typed becomes an interview of the job
(`jobs.schedule.add_dated`), the one thing the week, the countdown and the debrief read. Alice
types her Acme dates; she already has an interview with its time on one of those days."""

from __future__ import annotations

import datetime as dt
import html
import re
import zoneinfo

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.interviews.models import Debrief
from prepcoach.jobs.models import Interview, Opportunity
from tests.conftest import ALICE_ZONE
from tests.goals.conftest import days

ZONE = zoneinfo.ZoneInfo(ALICE_ZONE)


def job_data(dates: str) -> dict[str, str]:
    return {"company": "Acme Health", "role": "Reporting analyst", "stage": "interviewing",
            "job_description": "", "values": "", "link": "", "interview_dates": dates}  # fmt: skip


def dates(*when: dt.date) -> str:
    return ", ".join(d.isoformat() for d in when)


def week_interviews(client: Client, day: dt.date) -> str:
    """The interviews listed on the day's column of its week."""
    page = client.get(reverse("goals:week"), {"start": day.isoformat()}).text
    column = page.split(f'<span class="meta">{day:%-d %b}</span></h2>')[1].split('<li class="day')[
        0
    ]
    return "".join(part.split("</ul>")[0] for part in column.split('<ul class="interviews">')[1:])


def test_dates_typed_into_a_new_job_are_on_the_week(alice_client: Client, alice: User) -> None:
    first, second = days(3), days(10)
    response = alice_client.post(
        reverse("research:opportunity_new"), job_data(dates(second, first)), follow=True
    )
    assert response.status_code == 200
    assert "Added to your week: interviews on " in response.text
    assert "at 09:00 until you set their time and round on their page." in response.text
    job = Opportunity.objects.get(user=alice)
    made = list(job.interviews.all())
    assert [timezone.localtime(i.starts_at, ZONE) for i in made] == [
        dt.datetime.combine(first, dt.time(9), ZONE), dt.datetime.combine(second, dt.time(9), ZONE)
    ]  # fmt: skip
    assert all(i.user == alice and i.round_name == "Interview" for i in made)
    for day, interview in zip((first, second), made, strict=True):
        listed = week_interviews(alice_client, day)
        assert "Interview at Acme Health" in listed
        assert reverse("interviews:detail", args=[interview.pk]) in listed
        assert "09:00" in listed


def edit_form(client: Client, job: Opportunity) -> dict[str, str]:
    """The job's form as its page fills it: the dates box and the days it showed."""
    page = client.get(reverse("research:opportunity_edit", args=[job.pk])).text
    box = re.search(r'name="interview_dates" value="([^"]*)"', page)
    shown = re.search(r'name="dates_shown" value="([^"]*)"', page)
    assert shown is not None
    return job_data(html.unescape(box.group(1)) if box else "") | {"dates_shown": shown.group(1)}


def test_editing_the_job_adds_only_the_new_dates(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="Acme Health", role="Reporting analyst")
    # Logged with "Add an interview", with its real time, on a day she now types too.
    timed = Interview.objects.create(
        user=alice, opportunity=job, round_name="Final round",
        starts_at=dt.datetime.combine(days(5), dt.time(14, 30), ZONE),
    )  # fmt: skip
    url = reverse("research:opportunity_edit", args=[job.pk])
    form = edit_form(alice_client, job)
    assert form["interview_dates"] == written(days(5))  # the box shows the job's interviews
    form["interview_dates"] += f", {dates(days(8))}"
    response = alice_client.post(url, form, follow=True)
    assert response.status_code == 200
    # days(5) has the final round already: only days(8) is new.
    assert list(job.interviews.values_list("round_name", flat=True)) == ["Final round", "Interview"]
    assert "an interview on " in response.text
    listed = week_interviews(alice_client, days(5))
    assert "Final round at Acme Health" in listed
    assert "14:30" in listed
    assert "Interview at Acme Health" in week_interviews(alice_client, days(8))
    # Saved again unchanged, or after deleting an interview a date made, nothing comes back.
    alice_client.post(url, edit_form(alice_client, job))
    assert job.interviews.count() == 2
    job.interviews.filter(round_name="Interview").delete()
    form = edit_form(alice_client, job)
    assert form["interview_dates"] == written(days(5))
    response = alice_client.post(url, form, follow=True)
    assert "Added to your week" not in response.text
    assert list(job.interviews.all()) == [timed]


def written(*when: dt.date) -> str:
    """Days as the box writes them for Alice (no date order set: day first)."""
    return ", ".join(f"{d:%a} {d.day} {d:%b} {d.year}" for d in when)


def test_the_box_shows_an_interview_moved_on_its_page_and_a_day_typed_again_is_made(
    alice_client: Client, alice: User
) -> None:
    """The box once kept the date typed after its interview was moved or deleted; it shows
    the job's interviews as they are, and a day typed into it again is an interview again."""
    alice_client.post(reverse("research:opportunity_new"), job_data(dates(days(3), days(9))))
    job = Opportunity.objects.get(user=alice)
    first, second = job.interviews.all()
    first.starts_at = dt.datetime.combine(days(4), dt.time(11), ZONE)
    first.save()
    second.delete()
    form = edit_form(alice_client, job)
    assert form["interview_dates"] == written(days(4))
    form["interview_dates"] += f", {dates(days(9))}"  # the deleted one is back on
    alice_client.post(reverse("research:opportunity_edit", args=[job.pk]), form)
    assert [timezone.localtime(i.starts_at, ZONE) for i in job.interviews.all()] == [
        dt.datetime.combine(days(4), dt.time(11), ZONE),
        dt.datetime.combine(days(9), dt.time(9), ZONE),
    ]


def test_a_form_opened_before_an_interview_was_moved_does_not_make_it_again(
    alice_client: Client, alice: User
) -> None:
    """Her job's form open in one tab, she moves the interview in another, then saves the
    form: the day the form showed is not made an interview again."""
    alice_client.post(reverse("research:opportunity_new"), job_data(dates(days(3))))
    job = Opportunity.objects.get(user=alice)
    stale = edit_form(alice_client, job)
    interview = job.interviews.get()
    interview.starts_at = dt.datetime.combine(days(6), dt.time(15), ZONE)
    interview.save()
    response = alice_client.post(
        reverse("research:opportunity_edit", args=[job.pk]), stale, follow=True
    )
    assert "Added to your week" not in response.text
    assert list(job.interviews.all()) == [interview]


def test_a_date_taken_out_of_the_box_keeps_its_interview_and_says_so(
    alice_client: Client, alice: User
) -> None:
    alice_client.post(reverse("research:opportunity_new"), job_data(dates(days(3), days(9))))
    job = Opportunity.objects.get(user=alice)
    form = edit_form(alice_client, job)
    form["interview_dates"] = written(days(9))
    response = alice_client.post(
        reverse("research:opportunity_edit", args=[job.pk]), form, follow=True
    )
    assert job.interviews.count() == 2
    assert (
        f"Taking a date out of the box cancels no interview: the one on {written(days(3))} is "
        "kept; delete it from Interviews on the job&#x27;s page."
    ) in response.text


def short(d: dt.date) -> str:
    """A day as the save message writes it: "Thu 10 Dec" (the year when not this one's)."""
    year = "" if d.year == timezone.localdate().year else f" {d.year}"
    return f"{d:%a} {d.day} {d:%b}{year}"


def test_a_date_changed_in_the_box_moves_its_interview(alice_client: Client, alice: User) -> None:
    """The new user's fault: she changed "Thu Dec 10 2026" to "Dec 11" to move the interview,
    and got a second one beside it with a message that the first was kept."""
    job = Opportunity.objects.create(user=alice, company="Acme Health", role="Reporting analyst")
    final = Interview.objects.create(
        user=alice, opportunity=job, round_name="Final round", format=Interview.Format.ON_SITE,
        interviewers="Ana Lee, Head of Data", starts_at=dt.datetime.combine(days(3), dt.time(14, 30), ZONE),
    )  # fmt: skip
    form = edit_form(alice_client, job)
    assert form["interview_dates"] == written(days(3))
    form["interview_dates"] = f"{days(4):%b} {days(4).day}"  # "Dec 6", as she typed it
    response = alice_client.post(
        reverse("research:opportunity_edit", args=[job.pk]), form, follow=True
    )
    assert f"Moved the interview of {short(days(3))} to {short(days(4))}." in response.text
    assert "cancels no interview" not in response.text
    assert "Added to your week" not in response.text
    moved = job.interviews.get()
    assert moved.pk == final.pk
    assert timezone.localtime(moved.starts_at, ZONE) == dt.datetime.combine(
        days(4), dt.time(14, 30), ZONE
    )
    assert (moved.round_name, moved.format, moved.interviewers) == (
        "Final round", "on-site", "Ana Lee, Head of Data"
    )  # fmt: skip
    assert edit_form(alice_client, job)["interview_dates"] == written(days(4))


def test_with_more_than_one_day_changed_nothing_moves_and_the_form_says_so(
    alice_client: Client, alice: User
) -> None:
    """One day changed is a move; with more, pairing them is a guess (earliest with earliest
    sent "10 -> 11, and add 7" to 7 with the 10th's time and round), so the days typed are new
    interviews and the days taken out keep theirs, each said."""
    new_job = job_data(dates(days(3), days(5)))
    alice_client.post(reverse("research:opportunity_new"), new_job)
    job = Opportunity.objects.get(user=alice)
    url = reverse("research:opportunity_edit", args=[job.pk])
    before = list(job.interviews.values_list("pk", flat=True))
    form = edit_form(alice_client, job)
    form["interview_dates"] = dates(days(2), days(3), days(6))  # 5 -> 6, and add 2?
    response = alice_client.post(url, form, follow=True)
    assert "Moved the interview" not in response.text
    assert f"the one on {written(days(5))} is kept" in response.text
    assert job.interview_days() == [days(2), days(3), days(5), days(6)]
    assert set(before) < set(job.interviews.values_list("pk", flat=True))


def test_an_interview_held_or_debriefed_is_not_moved(alice_client: Client, alice: User) -> None:
    """Only an interview still ahead with no debrief moves: a day whose interview has started,
    or has its debrief, is kept and said so, and the day typed is a new interview."""
    job = Opportunity.objects.create(user=alice, company="Acme Health", role="Reporting analyst")
    held = Interview.objects.create(
        user=alice, opportunity=job, round_name="Phone screen",
        starts_at=timezone.now() - dt.timedelta(hours=2),
    )  # fmt: skip
    ahead = Interview.objects.create(
        user=alice, opportunity=job, round_name="First round",
        starts_at=dt.datetime.combine(days(3), dt.time(10), ZONE),
    )  # fmt: skip
    Debrief.objects.create(interview=ahead)  # posted from an older page
    held_day = timezone.localtime(held.starts_at, ZONE).date()
    form = edit_form(alice_client, job)
    form["interview_dates"] = dates(days(5), days(6))
    response = alice_client.post(
        reverse("research:opportunity_edit", args=[job.pk]), form, follow=True
    )
    assert "Moved the interview" not in response.text
    assert (
        f"the ones on {written(held_day, days(3))} are kept; delete them from Interviews"
    ) in response.text
    assert job.interviews.count() == 4
    held.refresh_from_db()
    ahead.refresh_from_db()
    assert timezone.localtime(held.starts_at, ZONE).date() == held_day
    assert timezone.localtime(ahead.starts_at, ZONE).date() == days(3)


def test_a_date_refused_makes_no_interview(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        reverse("research:opportunity_new"), job_data(f"{days(3).isoformat()}, sometime soon")
    )
    assert response.status_code == 200
    assert not Opportunity.objects.filter(user=alice).exists()
    assert not Interview.objects.exists()
