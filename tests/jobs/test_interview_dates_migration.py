"""The dates typed into a job's form before they made interviews become interviews (jobs
0002): at 09:00 on the owner's clock, none on a day the job has an interview already, none
twice, and the migration goes back and forth keeping the dates in the job's box. Then the box
is dropped (jobs 0003), a date with no interview kept in the job's notes."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from tests.support import migrate, migrate_to_latest

BEFORE = [("jobs", "0001_initial"), ("accounts", "0002_profile_date_order")]
AFTER = [("jobs", "0002_interview_dates_as_interviews"), ("accounts", "0002_profile_date_order")]
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.mark.django_db(transaction=True)
def test_the_dates_typed_before_become_interviews_and_go_back() -> None:
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    old.get_model("accounts", "Profile").objects.create(user=user, time_zone="Europe/Berlin")
    other = old.get_model("accounts", "User").objects.create(email="other@example.com")
    jobs = old.get_model("jobs", "Opportunity").objects
    acme = jobs.create(user=user, company="Acme", role="Analyst",
                       interview_dates=["2030-03-04", "2030-03-11", "2020-01-02"])  # fmt: skip
    quiet = jobs.create(user=other, company="Initech", role="Analyst", interview_dates=[])
    timed = old.get_model("jobs", "Interview").objects.create(
        user=user, opportunity=acme, round_name="Final round",
        starts_at=dt.datetime(2030, 3, 11, 14, 30, tzinfo=BERLIN),
    )  # fmt: skip

    def interviews(apps: object) -> list[tuple[str, dt.datetime, bool]]:
        rows = apps.get_model("jobs", "Interview").objects.order_by("starts_at")  # type: ignore[attr-defined]
        return [(i.round_name, i.starts_at, i.debrief_mailed_at is not None) for i in rows]

    made = [
        ("Interview", dt.datetime(2020, 1, 2, 9, tzinfo=BERLIN), True),  # long past: no mail
        ("Interview", dt.datetime(2030, 3, 4, 9, tzinfo=BERLIN), False),
        ("Final round", timed.starts_at, False),
    ]
    new = migrate(AFTER)
    assert interviews(new) == made
    assert not new.get_model("jobs", "Interview").objects.filter(opportunity_id=quiet.pk).exists()
    assert all(i.user_id == user.pk for i in new.get_model("jobs", "Interview").objects.all())

    back = migrate(BEFORE)  # back: the dates stay in the box, the interviews stay too
    assert back.get_model("jobs", "Opportunity").objects.get(pk=acme.pk).interview_dates == [
        "2030-03-04", "2030-03-11", "2020-01-02"
    ]  # fmt: skip
    assert interviews(migrate(AFTER)) == made  # and forward again: none made twice
    migrate_to_latest()


LATEST = [("jobs", "0003_interview_dates_are_interviews"), ("accounts", "0002_profile_date_order")]


@pytest.mark.django_db(transaction=True)
def test_the_box_is_dropped_keeping_in_the_notes_each_date_with_no_interview() -> None:
    """jobs 0003: a job's interview dates are its interviews. A date typed whose interview
    was moved or deleted is not lost (nor made an interview again, which would undo the
    deletion): it is written at the end of the job's notes, in its owner's order, the days
    matched on the owner's clock. Back, the box holds the interviews' days."""
    old = migrate(AFTER)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    old.get_model("accounts", "Profile").objects.create(
        user=user, time_zone="Europe/Berlin", date_order="MDY"
    )
    jobs = old.get_model("jobs", "Opportunity").objects
    interviews = old.get_model("jobs", "Interview").objects
    acme = jobs.create(user=user, company="Acme", role="Analyst", notes="Met Dee at the fair.",
                       interview_dates=["2030-03-04", "2030-03-11", "2030-03-20"])  # fmt: skip
    # The 4 March one moved to the 6th; the 20 March one deleted; 11 March just after midnight
    # in Berlin (10 March in UTC) is still that day's.
    for starts in (dt.datetime(2030, 3, 6, 9, tzinfo=BERLIN),
                   dt.datetime(2030, 3, 11, 0, 30, tzinfo=BERLIN)):  # fmt: skip
        interviews.create(user=user, opportunity=acme, round_name="Interview", starts_at=starts)
    kept = jobs.create(user=user, company="Initech", role="Analyst", interview_dates=["2030-03-06"])
    interviews.create(user=user, opportunity=kept, round_name="Interview",
                      starts_at=dt.datetime(2030, 3, 6, 9, tzinfo=BERLIN))  # fmt: skip
    quiet = jobs.create(user=user, company="Globex", role="Analyst", notes="")

    new = migrate(LATEST)
    notes = dict(new.get_model("jobs", "Opportunity").objects.values_list("pk", "notes"))
    assert notes[acme.pk] == (
        "Met Dee at the fair.\n\nInterview dates once typed for this job, with no interview on "
        "that day now: Mon Mar 4 2030, Wed Mar 20 2030."
    )
    assert (notes[kept.pk], notes[quiet.pk]) == ("", "")
    assert new.get_model("jobs", "Interview").objects.count() == 3  # none made again

    back = migrate(AFTER)
    dates = dict(back.get_model("jobs", "Opportunity").objects.values_list("pk", "interview_dates"))
    assert dates == {acme.pk: ["2030-03-06", "2030-03-11"], kept.pk: ["2030-03-06"], quiet.pk: []}
    again = migrate(LATEST)  # forward again: every date has its interview, no second line
    assert again.get_model("jobs", "Opportunity").objects.get(pk=acme.pk).notes == notes[acme.pk]
    migrate_to_latest()
