"""The user's data in their hands (issue 13, item 8): export everything a user owns as one
archive and import it into an empty account, losslessly; a bad archive changes nothing.

The rich user is the access matrix's Alice (every table of the project has a row of hers, or
one that hangs off hers), plus the rows the matrix does not need: a bank question answered, a
follow-up, a mock interview that asked her own and a bank question, a drill card on a story
with a review, a plan snapshot.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone

from prepcoach.accounts import archive
from prepcoach.accounts.archive import ArchiveError, label_of
from prepcoach.accounts.archive_import import import_archive, read_archive
from prepcoach.accounts.models import Profile, User
from prepcoach.coach.drills import new_card
from prepcoach.goals.models import Goal, PlanSnapshot, Step
from prepcoach.practice.models import Attempt, DrillCard, DrillReview, MockSession, Question
from prepcoach.reflection.models import Story
from tests.access_world import build_world, owner_of
from tests.conftest import make_user
from tests.practice.conftest import tone_wav

# Rows the import cannot bring back on purpose: they need another person's row that is not in
# the archive (the peer mock Gus interviews pairs Alice's membership with his).
NEEDS_OTHERS = {"groups.peermock", "groups.peeranswer"}


def rich_alice(media_root: Path) -> User:
    world = build_world(media_root)
    alice = world.alice
    bank = Question.objects.filter(owner=None).order_by("pk").first()
    assert bank is not None
    own = Question.objects.filter(owner=alice).order_by("pk").first()
    assert own is not None
    mock = MockSession.objects.create(
        user=alice, question_ids=[own.pk, bank.pk], question_texts=[own.text, bank.text]
    )
    first = Attempt.objects.create(
        user=alice, question=bank, question_text=bank.text, session=mock, mode="mock",
        text="I led the migration and cut costs by 30%.", rating=4,
    )  # fmt: skip
    follow = Attempt.objects.create(
        user=alice, question_text="What did you do yourself?", session=mock, mode="mock",
        follow_up_to=first, status=Attempt.Status.ANALYSED, media_type="audio/wav",
        analysis={"version": 3, "transcript": "I wrote the plan myself."},
    )  # fmt: skip
    follow.recording.save("answer.wav", ContentFile(tone_wav(0.3)))
    story = Story.objects.filter(user=alice).order_by("pk").first()
    assert story is not None
    now = timezone.now()
    card = DrillCard.objects.create(user=alice, item=story, state=new_card(story.pk, now), due=now)
    DrillReview.objects.create(card=card, rating="good", reviewed_at=now, attempt=first)
    DrillCard.objects.create(user=alice, item=bank, state=new_card(bank.pk, now), due=now)
    step = Step.objects.filter(goal__user=alice).order_by("pk").first()
    assert step is not None
    PlanSnapshot.objects.create(
        user=alice, taken_on=dt.date(2026, 11, 1), finishes={str(step.pk): "2026-12-01"}
    )
    return alice


def mine(user_id: int) -> dict[str, set[Any]]:
    """Every row whose owner is the user, found the access matrix's way (not the archive's)."""
    out: dict[str, set[Any]] = {}
    for model in archive.project_models():
        label = label_of(model)
        if model is User or label in archive.EXCLUDED or model._meta.app_label == "ops":
            continue
        out[label] = {o.pk for o in model._base_manager.all() if owner_of(o) == user_id}
    return out


def export_bytes(user: User) -> bytes:
    out = io.BytesIO()
    archive.write_archive(user, out)
    return out.getvalue()


def rows_of(owned: dict[str, set[Any]]) -> dict[str, dict[Any, dict[str, Any]]]:
    out = {}
    for label, ids in owned.items():
        model = apps.get_model(label)
        out[label] = {
            obj.pk: {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
            for obj in model._base_manager.filter(pk__in=ids)
        }
    return out


def files_of(rows: dict[str, dict[Any, dict[str, Any]]]) -> dict[tuple[str, Any], bytes]:
    out = {}
    for label, by_pk in rows.items():
        model = apps.get_model(label)
        for f in archive.file_fields(model):
            for pk, values in by_pk.items():
                if values[f.attname]:
                    with f.storage.open(str(values[f.attname]), "rb") as handle:
                        out[label, pk] = handle.read()
    return out


@pytest.mark.django_db
def test_every_table_with_a_path_to_a_user_is_exported() -> None:
    # Worked out here independently: a table reaches a person by following foreign keys.
    user = archive.user_model()
    reaches: set[type[models.Model]] = set()
    grew = True
    while grew:
        grew = False
        for model in archive.project_models():
            if model is user or model in reaches:
                continue
            targets = [f.related_model for f in model._meta.concrete_fields if f.is_relation]
            if any(t is user or t in reaches for t in targets):
                reaches.add(model)
                grew = True
    exported = {label_of(m) for m in archive.exported_models()}
    for model in reaches:
        label = label_of(model)
        assert label in exported or label in archive.EXCLUDED, f"{label} is not exported"
    assert not set(archive.EXCLUDED) & exported


@pytest.mark.django_db
def test_export_holds_every_row_the_user_owns_and_nobody_elses(
    tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    alice = rich_alice(tmp_path)
    expected = mine(alice.pk)
    exported = archive.owned_rows(alice)
    for label, ids in expected.items():
        assert exported.get(label, set()) == ids, label
    assert sum(len(ids) for ids in expected.values()) > 60  # the world really is rich
    assert {label for label, ids in expected.items() if ids} >= {
        "goals.goal", "goals.step", "goals.checkin", "goals.milestone", "practice.attempt",
        "practice.mocksession", "reflection.story", "jobs.fact", "feedback.review",
        "partners.partnership", "groups.group", "network.contact", "partners.comment",
    }  # fmt: skip


@pytest.mark.django_db
def test_the_archive_has_a_manifest_records_media_and_markdown(
    tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    alice = rich_alice(tmp_path)
    data = export_bytes(alice)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
        assert manifest["format"] == "prepcoach-archive"
        assert manifest["format_version"] == 1
        assert manifest["email"] == "alice@example.com"
        assert dt.datetime.fromisoformat(manifest["created_at"])
        assert manifest["counts"]["goals.goal"] == Goal.objects.filter(user=alice).count()
        assert set(manifest["files"]) == names - {"manifest.json"}
        recordings = [n for n in names if n.startswith("media/recordings/")]
        assert len(recordings) == Attempt.objects.filter(user=alice).exclude(recording="").count()
        goals = zf.read("readable/goals.md").decode()
        assert "# " in goals
        assert "## Goals" in goals
        assert "Steps" in goals
        assert "ALICE-PRIVATE-checkin" in goals
        practice = zf.read("readable/practice.md").decode()
        assert "I wrote the plan myself." in practice  # a transcript
        assert "ALICE-PRIVATE-fact" in zf.read("readable/jobs.md").decode()
        tokens = json.loads(zf.read("records/feedback.feedbackrequest.json"))["records"]
        assert all(r["token_digest"] is None for r in tokens)  # credentials stay behind
        assert "records/accounts.accesstoken.json" not in names
        assert "password" not in zf.read("records/account.json").decode()


@pytest.mark.django_db
def test_round_trip_recreates_every_record_and_file(
    tmp_path: Path, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    alice = rich_alice(tmp_path)
    old_id = alice.pk
    before = rows_of(mine(old_id))
    files = files_of(before)
    assert len(files) >= 4
    data = export_bytes(alice)
    old_paths = [tmp_path / str(name) for name in _file_names(before)]

    with django_capture_on_commit_callbacks(execute=True):
        alice.delete()  # the original goes first, and its recordings with it
    assert not any(p.exists() for p in old_paths)
    fresh = make_user("alice.new@example.com")
    result = import_archive(io.BytesIO(data), fresh)

    assert set(result.left_out) == {"peer mocks", "peer answers"}
    after = rows_of(mine(fresh.pk))
    for label, rows in before.items():
        expected = 0 if label in NEEDS_OTHERS else len(rows)
        assert len(after[label]) == expected, label
    user_model = archive.user_model()
    for label, rows in before.items():
        if label in NEEDS_OTHERS:
            continue
        model = apps.get_model(label)
        secrets = archive.secret_fields(model)
        generic = {g.fk_field: g.ct_field for g in archive.generic_keys(model)}
        for old_pk, old in rows.items():
            new_pk = result.ids[label][old_pk]
            new = after[label][new_pk]
            for f in model._meta.concrete_fields:
                a, b = old[f.attname], new[f.attname]
                if f.primary_key:
                    assert b == new_pk
                elif f.name in secrets:
                    assert b
                    assert b != a
                elif isinstance(f, models.FileField):
                    assert bool(a) == bool(b)
                elif isinstance(f, models.ForeignKey) and f.related_model is user_model:
                    assert b == (fresh.pk if a == old_id else a), (label, f.name)
                elif isinstance(f, models.ForeignKey) and f.related_model is not ContentType:
                    target = label_of(f.related_model)  # type: ignore[arg-type]
                    assert b == _moved(result.ids, target, a), (label, f.name)
                elif f.attname in generic:
                    ct = ContentType.objects.get_for_id(old[generic[f.attname] + "_id"])
                    assert b == _moved(result.ids, label_of(ct.model_class()), a)  # type: ignore[arg-type]
                elif label == "practice.mocksession" and f.name == "question_ids":
                    assert b == [_moved(result.ids, "practice.question", q) or 0 for q in a]
                elif label == "goals.plansnapshot" and f.name == "finishes":
                    assert b == {str(result.ids["goals.step"][int(k)]): v for k, v in a.items()}
                elif label == "practice.drillcard" and f.name == "state":
                    assert b == {**a, "card_id": new["object_id"]}
                else:
                    assert b == a, (label, f.name, a, b)  # timestamps included
            key = (label, old_pk)
            if key in files:
                assert files[key] == _read(model, new), key
    assert result.files == len(files)


def _moved(ids: dict[str, dict[Any, Any]], label: str, old: Any) -> Any:
    if old is None:
        return None
    if label in ids and old in ids[label]:
        return ids[label][old]
    model = apps.get_model(label)
    owner = archive.owner_field(model)
    if owner is not None and model._base_manager.filter(pk=old, **{owner.name: None}).exists():
        return old  # a bank question: the same row in the same database
    return None


def _file_names(rows: dict[str, dict[Any, dict[str, Any]]]) -> list[str]:
    names = []
    for label, by_pk in rows.items():
        for f in archive.file_fields(apps.get_model(label)):
            names += [str(v[f.attname]) for v in by_pk.values() if v[f.attname]]
    return names


def _read(model: type[models.Model], values: dict[str, Any]) -> bytes:
    (f,) = archive.file_fields(model)
    with f.storage.open(str(values[f.attname]), "rb") as handle:
        return bytes(handle.read())


# --- bad archives change nothing --------------------------------------------------------------


def small_archive(tmp_path: Path, settings: Any) -> bytes:
    settings.MEDIA_ROOT = tmp_path
    ann = make_user("ann@example.com", name="Ann")
    goal = Goal.objects.create(user=ann, text="Run 3 mock interviews by Friday")
    Step.objects.create(goal=goal, title="Book a room", due_date=timezone.localdate())
    answer = Attempt.objects.create(user=ann, question_text="Tell me about yourself.")
    answer.recording.save("answer.wav", ContentFile(tone_wav(0.2)))
    return export_bytes(ann)


def rewrite(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The archive with some members replaced (None: removed), the manifest left as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in change:
                if change[info.filename] is not None:
                    dst.writestr(info.filename, change[info.filename])  # type: ignore[arg-type]
            else:
                dst.writestr(info, src.read(info))
    return out.getvalue()


def with_manifest(data: bytes, **fields: Any) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    return rewrite(data, {"manifest.json": json.dumps(manifest | fields).encode()})


def tampered(data: bytes) -> bytes:
    """One word changed, the size kept: only the checksum can tell."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = zf.read("records/goals.goal.json")
    assert b"Run 3 mock" in body
    return rewrite(data, {"records/goals.goal.json": body.replace(b"Run 3 mock", b"Run 9 mock")})


BAD = {
    "truncated": (lambda d: d[: len(d) // 2], "cut short"),
    "not a zip": (lambda d: b"hello", "not a complete zip"),
    "tampered": (tampered, "does not match its checksum"),
    "other version": (lambda d: with_manifest(d, format_version=2), "format version 2"),
    "other format": (lambda d: with_manifest(d, format="something"), "not a prepcoach data"),
    "no manifest": (lambda d: rewrite(d, {"manifest.json": None}), "no manifest.json"),
    "file missing": (
        lambda d: rewrite(d, {"records/goals.step.json": None}),
        "records/goals.step.json is missing",
    ),
    "malformed manifest": (lambda d: rewrite(d, {"manifest.json": b"{oops"}), "cannot be read"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_archive_is_refused_and_changes_nothing(
    case: str, tmp_path: Path, settings: Any
) -> None:
    spoil, message = BAD[case]
    data = spoil(small_archive(tmp_path, settings))
    fresh = make_user("new@example.com")
    files_before = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    with pytest.raises(ArchiveError, match=message):
        import_archive(io.BytesIO(data), fresh)
    assert archive.has_data(fresh) == {}
    assert sorted(p for p in tmp_path.rglob("*") if p.is_file()) == files_before


def resigned(data: bytes, name: str, change: Any) -> bytes:
    """The archive with one record file changed by `change` and its checksum recomputed, as
    someone editing it by hand would: only the records themselves can give it away."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = json.loads(zf.read(name))
        manifest = json.loads(zf.read("manifest.json"))
    change(body["records"][0])
    changed = json.dumps(body).encode()
    digest = hashlib.sha256(changed).hexdigest()
    manifest["files"][name] = {"size": len(changed), "sha256": digest}
    return rewrite(data, {name: changed, "manifest.json": json.dumps(manifest).encode()})


@pytest.mark.django_db
def test_an_unknown_field_is_refused_before_anything_is_written(
    tmp_path: Path, settings: Any
) -> None:
    data = small_archive(tmp_path, settings)
    data = resigned(data, "records/goals.goal.json", lambda r: r.update(colour="blue"))
    with pytest.raises(ArchiveError, match="fields this version of prepcoach does not know"):
        read_archive(io.BytesIO(data))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "field", "value", "message"),
    [
        ("records/goals.step.json", "due_date", "the day after never", "not valid"),
        ("records/goals.step.json", "goal", 999999, "does not hold"),
        ("records/goals.step.json", "goal", [1], "cannot be imported"),
        ("records/practice.attempt.json", "rating", "five", "not valid"),
    ],
)
def test_nonsense_in_a_resigned_archive_is_refused_and_changes_nothing(
    name: str, field: str, value: Any, message: str, tmp_path: Path, settings: Any
) -> None:
    data = resigned(small_archive(tmp_path, settings), name, lambda r: r.update({field: value}))
    fresh = make_user("new@example.com")
    files_before = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    with pytest.raises(ArchiveError, match=message):
        import_archive(io.BytesIO(data), fresh)
    assert archive.has_data(fresh) == {}
    assert sorted(p for p in tmp_path.rglob("*") if p.is_file()) == files_before


@pytest.mark.django_db
def test_rows_that_need_a_person_not_on_this_install_are_left_out_and_said(
    tmp_path: Path, settings: Any
) -> None:
    data = small_archive(tmp_path, settings)
    data = resigned(data, "records/goals.goal.json", lambda r: r.update(user={"user": "x@y.z"}))
    fresh = make_user("new@example.com")
    result = import_archive(io.BytesIO(data), fresh)
    assert not Goal.objects.filter(user=fresh).exists()
    assert result.left_out == {"goals": 1, "steps": 1}  # the step hung off that goal
    assert "Left out" in result.summary()


@pytest.mark.django_db
def test_a_failure_half_way_removes_the_files_and_rows_it_wrote(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = small_archive(tmp_path, settings)
    fresh = make_user("new@example.com")
    files_before = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    from prepcoach.accounts import archive_import

    real = archive_import._Importer._file
    calls = []

    def fail_after_file(self: Any, *args: Any) -> str:
        calls.append(real(self, *args))
        raise RuntimeError("disk full")

    monkeypatch.setattr(archive_import._Importer, "_file", fail_after_file)
    with pytest.raises(RuntimeError):
        import_archive(io.BytesIO(data), fresh)
    assert calls  # a recording had been written...
    assert sorted(p for p in tmp_path.rglob("*") if p.is_file()) == files_before  # ...and removed
    assert archive.has_data(fresh) == {}


@pytest.mark.django_db
def test_an_account_with_data_is_refused(tmp_path: Path, settings: Any) -> None:
    data = small_archive(tmp_path, settings)
    busy = make_user("busy@example.com", name="Busy")
    Goal.objects.create(user=busy, text="Read two books by June")
    with pytest.raises(ArchiveError, match="already holds data"):
        import_archive(io.BytesIO(data), busy)
    assert Goal.objects.filter(user=busy).count() == 1
    assert Profile.objects.get(user=busy).name == "Busy"


@pytest.mark.django_db
def test_settings_rows_of_a_new_account_are_replaced_by_the_archives(
    tmp_path: Path, settings: Any
) -> None:
    data = small_archive(tmp_path, settings)
    fresh = make_user("new@example.com", name="")
    result = import_archive(io.BytesIO(data), fresh)
    assert Profile.objects.get(user=fresh).name == "Ann"
    assert Goal.objects.get(user=fresh).steps.count() == 1
    assert result.files == 1
    assert "Imported" in result.summary()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "field", "value", "where"),
    [
        ("records/goals.goal.json", "text", "Run 3\x00 mock interviews", "text: The text holds"),
        ("records/practice.attempt.json", "question_text", "Tell me \ud800", "question_text"),
        ("records/goals.step.json", "title", "Book\x1b a room", "title: The text holds"),
    ],
)
def test_text_the_forms_refuse_is_refused_in_an_archive_before_anything_is_written(
    name: str, field: str, value: str, where: str, tmp_path: Path, settings: Any
) -> None:
    data = resigned(small_archive(tmp_path, settings), name, lambda r: r.update({field: value}))
    fresh = make_user("new@example.com")
    with pytest.raises(ArchiveError, match="cannot be imported") as refused:
        import_archive(io.BytesIO(data), fresh)
    assert where in str(refused.value)
    assert "at character" in str(refused.value)
    assert archive.has_data(fresh) == {}
