"""An archive written before the job moved to its own app (issue 13, the house) names the job,
its facts and its interviews by their old labels (`research.opportunity`, `research.fact`,
`interviews.interview`), as record files and as a drill card's content type: it imports whole
into this version, every link found again."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
import zoneinfo
from pathlib import Path
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from prepcoach.accounts.archive import RENAMED, ArchiveError
from prepcoach.accounts.archive_import import DATED_ROUND, DATED_TIME, import_archive
from prepcoach.accounts.models import Profile
from prepcoach.coach.drills import new_card
from prepcoach.interviews.models import Debrief
from prepcoach.jobs import schedule
from prepcoach.jobs.models import Fact, Interview, Opportunity
from prepcoach.practice.models import DrillCard
from prepcoach.reflection.models import Story
from tests.accounts.test_archive import export_bytes, resigned, rewrite
from tests.conftest import make_user

OLD = {new: old for old, new in RENAMED.items()}


def as_written_before(data: bytes) -> bytes:
    """The archive as the version before the move wrote it: old file names, old labels in the
    records and the manifest, checksums to match."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        members = {name: zf.read(name) for name in zf.namelist()}
    changed: dict[str, bytes | None] = {}
    for new, old in OLD.items():
        name = f"records/{new}.json"
        body = json.loads(members[name])
        body["model"] = old
        changed[name] = None
        changed[f"records/{old}.json"] = json.dumps(body).encode()
        manifest["files"].pop(name)
        manifest["counts"][old] = manifest["counts"].pop(new)
    cards = members["records/practice.drillcard.json"].replace(b'"jobs.fact"', b'"research.fact"')
    assert b'"research.fact"' in cards
    changed["records/practice.drillcard.json"] = cards
    for name, body in changed.items():
        if body is not None:
            manifest["files"][name] = {
                "size": len(body),
                "sha256": hashlib.sha256(body).hexdigest(),
            }
    changed["manifest.json"] = json.dumps(manifest).encode()
    old_archive = rewrite(data, {k: v for k, v in changed.items() if k in members})
    out = io.BytesIO(old_archive)
    with zipfile.ZipFile(out, "a") as zf:
        for name, body in changed.items():
            if body is not None and name not in members:
                zf.writestr(name, body)
    return out.getvalue()


def ann_with_a_job(tmp_path: Path, settings: Any) -> bytes:
    settings.MEDIA_ROOT = tmp_path
    ann = make_user("ann@example.com", name="Ann")
    job = Opportunity.objects.create(user=ann, company="Acme", role="Data analyst")
    fact = Fact.objects.create(opportunity=job, text="Founded in 1990", source="a talk")
    when = timezone.now() + dt.timedelta(days=2)
    interview = Interview.objects.create(
        user=ann, opportunity=job, starts_at=when, round_name="first round"
    )
    Debrief.objects.create(interview=interview, went_well="rapport")
    Story.objects.create(user=ann, title="The report").opportunities.add(job)
    now = timezone.now()
    DrillCard.objects.create(
        user=ann, content_type=ContentType.objects.get_for_model(Fact), object_id=fact.pk,
        state=new_card(fact.pk, now), due=now,
    )  # fmt: skip
    return export_bytes(ann)


@pytest.mark.django_db
def test_an_archive_from_before_the_move_imports_whole(tmp_path: Path, settings: Any) -> None:
    data = as_written_before(ann_with_a_job(tmp_path, settings))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert "records/research.opportunity.json" in zf.namelist()
        assert "records/jobs.opportunity.json" not in zf.namelist()
    ben = make_user("ben@example.com", name="Ben")
    import_archive(io.BytesIO(data), ben)
    job = Opportunity.objects.get(user=ben)
    assert (job.company, job.role) == ("Acme", "Data analyst")
    fact = job.facts.get()
    assert fact.text == "Founded in 1990"
    interview = job.interviews.get()
    assert (interview.user, interview.debrief.went_well) == (ben, "rapport")
    assert list(job.stories.values_list("title", flat=True)) == ["The report"]
    card = DrillCard.objects.get(user=ben)
    assert card.item == fact  # the old content type's name found the fact


@pytest.mark.django_db
def test_an_archive_with_a_table_under_both_names_is_refused(tmp_path: Path, settings: Any) -> None:
    data = ann_with_a_job(tmp_path, settings)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        body = json.loads(zf.read("records/jobs.fact.json"))
    body["model"] = "research.fact"
    twin = json.dumps(body).encode()
    manifest["files"]["records/research.fact.json"] = {
        "size": len(twin), "sha256": hashlib.sha256(twin).hexdigest()
    }  # fmt: skip
    out = io.BytesIO(rewrite(data, {"manifest.json": json.dumps(manifest).encode()}))
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("records/research.fact.json", twin)
    ben = make_user("ben@example.com", name="Ben")
    with pytest.raises(ArchiveError, match=r"holds jobs\.fact twice"):
        import_archive(io.BytesIO(out.getvalue()), ben)
    assert not Opportunity.objects.filter(user=ben).exists()


def with_typed_dates(tmp_path: Path, settings: Any, *extra: str, zone: str = "UTC") -> bytes:
    """Ann's archive, her clock set to `zone`, her job holding the dates once typed into its
    form (`archive.RETIRED`, dropped by jobs 0003): the day of its interview on her clock, and
    `extra`."""
    data = ann_with_a_job(tmp_path, settings)
    data = resigned(data, "records/accounts.profile.json", lambda r: r.update(time_zone=zone))
    starts = Interview.objects.get(user__email="ann@example.com").starts_at
    typed = [starts.astimezone(zoneinfo.ZoneInfo(zone)).date().isoformat(), *extra]
    return resigned(
        data, "records/jobs.opportunity.json", lambda r: r.update(interview_dates=typed)
    )


@pytest.mark.django_db
def test_an_archive_from_before_the_dates_box_was_dropped_keeps_its_dates(
    tmp_path: Path, settings: Any
) -> None:
    """An archive written after jobs 0002 (the job under its own label) made every date typed
    an interview: a date with no interview of the job on its day (on the owner's clock) is one
    moved or deleted since, kept in the job's notes, as jobs 0003 keeps it on an install, never
    made an interview again (that would undo the deletion), and the import says so."""
    data = with_typed_dates(tmp_path, settings, "2030-03-04", "2030-03-04")
    ben = make_user("ben@example.com", name="Ben")
    result = import_archive(io.BytesIO(data), ben)
    job = Opportunity.objects.get(user=ben)
    assert job.notes == (
        "Interview dates once typed for this job, with no interview on that day now: "
        "Mon 4 Mar 2030."
    )
    assert job.interviews.count() == 1
    assert (
        "Interview dates typed into 1 job's form, with no interview on their day, are kept at "
        "the end of its notes."
    ) in result.summary()


@pytest.mark.django_db
def test_the_dates_typed_in_an_archive_from_before_the_move_become_interviews(
    tmp_path: Path, settings: Any
) -> None:
    """An archive that names the job by its old label was written before the move (jobs
    0001), so before jobs 0002 made the dates typed into interviews: none of its dates was ever
    an interview, so none can be one the user deleted. On an install 0002 made each one an
    interview, and 0003 then found nothing to keep in the notes; the import does the same,
    rather than leave the user's next interview as a line of notes, off the week, the
    countdown and the debrief."""
    # Far from UTC: 09:00 on 4 March in Auckland is 3 March in UTC.
    typed = with_typed_dates(
        tmp_path, settings, "2030-03-04", "2020-01-02", zone="Pacific/Auckland"
    )
    data = as_written_before(typed)
    ben = make_user("ben@example.com", name="Ben")  # on UTC: the archive's clock is the one
    result = import_archive(io.BytesIO(data), ben)
    job = Opportunity.objects.get(user=ben)
    assert job.notes == ""
    zone = zoneinfo.ZoneInfo("Pacific/Auckland")
    assert Profile.objects.get(user=ben).time_zone == "Pacific/Auckland"
    made = [
        (timezone.localtime(i.starts_at, zone), i.round_name, i.format, bool(i.debrief_mailed_at))
        for i in job.interviews.exclude(round_name="first round")
    ]
    assert made == [  # as jobs 0002 and the job's form make them; one long past asks no debrief
        (dt.datetime(2020, 1, 2, 9, tzinfo=zone), schedule.DATED_ROUND, "other", True),
        (dt.datetime(2030, 3, 4, 9, tzinfo=zone), schedule.DATED_ROUND, "other", False),
    ]
    assert (schedule.DATED_TIME, schedule.DATED_ROUND) == (DATED_TIME, DATED_ROUND)  # frozen
    assert job.interviews.filter(round_name="first round").count() == 1  # none on its day
    assert (
        "2 interview dates typed into a job's form became interviews, at 09:00 until you set "
        "their time on their page."
    ) in result.summary()
