"""A job's interview dates are its interviews (`jobs.Interview`): the box of dates typed into
the job's form is dropped. It kept a date after its interview was moved or deleted on the
interview's page, and the jobs list, the brief, the facts goal's deadline and the interviewer's
thanks showed that stale date (a new user's fault); they read the interviews now
(`Opportunity.interview_days`).

Nothing typed is lost: every date typed became an interview (0002, and the form since), unless
the job had one that day. A typed date with no interview of the job on its day now (moved or
deleted since, or brought in by an archive) is written at the end of the job's research notes,
saying what it is; it is not made an interview again, which would undo the user's deletion.
Back: the box holds the days of the job's interviews (what it meant); the notes keep the line.
The importer does the same with an older archive's dates (`accounts.archive_import`)."""

import datetime as dt
from typing import Any

from django.db import migrations

# The line's words and the step itself live beside this migration, frozen with it, since the
# importer reads an older archive's typed dates the same way (`accounts.archive_import`).
from prepcoach.jobs.migrations._typed_dates import noted, zone


def _owner(profile: Any, user_id: int) -> tuple[dt.tzinfo, str | None]:
    row = profile.objects.filter(user_id=user_id).values_list("time_zone", "date_order").first()
    return (zone(row[0]), row[1]) if row else (dt.UTC, None)


def keep_dates_without_interviews(apps: Any, schema_editor: Any) -> None:
    opportunity = apps.get_model("jobs", "Opportunity")
    interview = apps.get_model("jobs", "Interview")
    profile = apps.get_model("accounts", "Profile")
    for job in opportunity.objects.exclude(interview_dates=[]).iterator():
        zone, order = _owner(profile, job.user_id)
        held = {
            starts.astimezone(zone).date()
            for starts in interview.objects.filter(opportunity_id=job.pk).values_list(
                "starts_at", flat=True
            )
        }
        notes = noted(job.notes, job.interview_dates or [], held, order)
        if notes is not None:
            opportunity.objects.filter(pk=job.pk).update(notes=notes)


def dates_from_interviews(apps: Any, schema_editor: Any) -> None:
    opportunity = apps.get_model("jobs", "Opportunity")
    interview = apps.get_model("jobs", "Interview")
    profile = apps.get_model("accounts", "Profile")
    for job in opportunity.objects.filter(interviews__isnull=False).distinct().iterator():
        zone, _ = _owner(profile, job.user_id)
        starts = interview.objects.filter(opportunity_id=job.pk).values_list("starts_at", flat=True)
        days = sorted({s.astimezone(zone).date().isoformat() for s in starts})
        opportunity.objects.filter(pk=job.pk).update(interview_dates=days)


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0002_interview_dates_as_interviews"),
        ("accounts", "0002_profile_date_order"),
    ]

    operations = [
        migrations.RunPython(keep_dates_without_interviews, dates_from_interviews),
        migrations.RemoveField(model_name="opportunity", name="interview_dates"),
    ]
