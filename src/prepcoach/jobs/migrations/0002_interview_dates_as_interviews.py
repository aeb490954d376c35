"""The interview dates typed into a job's form before they became interviews: each becomes an
interview of the job (round "Interview", at 09:00 on its owner's clock, as `jobs.schedule.
add_dated` makes them now), unless the job has one on that day already, so the week, the
countdown and the debrief see it. The dates stay in the job's box; going back removes nothing
(an interview made here may have been given its real time or a debrief since). One whose time
has passed is marked as reminded: a date typed into a box long ago asks for no debrief mail."""

import datetime as dt
import zoneinfo
from typing import Any

from django.db import migrations

DATED_TIME = dt.time(9, 0)  # jobs.schedule.DATED_TIME
DATED_ROUND = "Interview"  # jobs.schedule.DATED_ROUND


def _zone(name: str | None) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def dates_to_interviews(apps: Any, schema_editor: Any) -> None:
    opportunity = apps.get_model("jobs", "Opportunity")
    interview = apps.get_model("jobs", "Interview")
    profile = apps.get_model("accounts", "Profile")
    now = dt.datetime.now(dt.UTC)
    for job in opportunity.objects.exclude(interview_dates=[]).iterator():
        zone = _zone(profile.objects.filter(user_id=job.user_id).values_list(
            "time_zone", flat=True).first())  # fmt: skip
        for written in sorted(set(job.interview_dates or [])):
            try:
                day = dt.date.fromisoformat(written)
            except (TypeError, ValueError):
                continue
            start = dt.datetime.combine(day, dt.time(), zone)
            end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
            if interview.objects.filter(
                opportunity_id=job.pk, starts_at__gte=start, starts_at__lt=end
            ).exists():
                continue
            starts = dt.datetime.combine(day, DATED_TIME, zone)
            interview.objects.create(
                user_id=job.user_id, opportunity_id=job.pk, round_name=DATED_ROUND,
                starts_at=starts, format="other", debrief_mailed_at=now if starts < now else None,
            )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
        ("accounts", "0002_profile_date_order"),
    ]

    operations = [migrations.RunPython(dates_to_interviews, migrations.RunPython.noop)]
