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
from prepcoach.accounts.archive_import import import_archive
from prepcoach.accounts.models import Profile
from prepcoach.coach.drills import new_card
from prepcoach.interviews.models import Debrief
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


@pytest.mark.django_db
def test_an_archive_from_before_the_dates_box_was_dropped_keeps_its_dates(
    tmp_path: Path, settings: Any
) -> None:
    """An older archive's job holds the dates once typed into its form (`archive.RETIRED`,
    dropped by jobs 0003): it imports, and a date with no interview of the job on its day (on
    the owner's clock) is kept in the job's notes, as the migration keeps it on an install,
    never made an interview (it may be one the user deleted)."""
    data = ann_with_a_job(tmp_path, settings)
    interview = Interview.objects.get(user__email="ann@example.com")
    zone = zoneinfo.ZoneInfo(Profile.objects.get(user=interview.user).time_zone)
    held = interview.starts_at.astimezone(zone).date()
    typed = [held.isoformat(), "2030-03-04", "2030-03-04"]
    data = resigned(
        data, "records/jobs.opportunity.json", lambda r: r.update(interview_dates=typed)
    )
    data = as_written_before(data)
    ben = make_user("ben@example.com", name="Ben")
    import_archive(io.BytesIO(data), ben)
    job = Opportunity.objects.get(user=ben)
    assert job.notes == (
        "Interview dates once typed for this job, with no interview on that day now: "
        "Mon 4 Mar 2030."
    )
    assert job.interviews.count() == 1
