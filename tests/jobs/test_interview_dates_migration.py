"""The dates typed into a job's form before they made interviews become interviews (jobs
0002): at 09:00 on the owner's clock, none on a day the job has an interview already, none
twice, and the migration goes back and forth keeping the dates in the job's box."""

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
