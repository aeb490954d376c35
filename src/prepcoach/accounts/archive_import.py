"""Reading an archive back (`archive` writes it), into a new install or an empty account.

Everything is checked before anything is written: the zip is whole, the manifest names this
format and version, every file is listed with its size and SHA-256 and matches them, every
record names a table and fields this install knows (or dropped since: `archive.RETIRED`).
Then every row is created with a new id in one transaction, every foreign key, generic
relation and id kept in JSON pointing at the new rows; the recordings are written through
`ops.store` and removed again if anything fails, so a failed import leaves nothing behind. A
store out of reach (or full) raises `StoreUnavailableError` after the rollback: the page
answers 503 and nothing is imported.

Rows are written as `loaddata` writes them (raw inserts): their own timestamps are kept, no
model's `save()` runs and no signal fires, so nothing is recomputed or mailed on the way in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import secrets
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import timezone

from prepcoach.accounts import archive
from prepcoach.accounts.archive import ArchiveError, label_of
from prepcoach.jobs.migrations import _typed_dates as typed_dates
from prepcoach.ops import store
from prepcoach.ops.store import StoreUnavailableError
from prepcoach.text_input import first_problem

logger = logging.getLogger(__name__)
BATCH = 100
MAX_JSON_BYTES = 512 * 1024 * 1024  # far above any real account; a zip bomb stops here
DELETED_ID = 0  # in a list of ids: a row that could not come along ("a deleted question")


@dataclass
class Archive:
    """A checked archive, ready to import."""

    zf: zipfile.ZipFile
    manifest: dict[str, Any]
    account: dict[str, Any]
    records: dict[str, list[dict[str, Any]]]
    # The tables whose records came under an old label (`archive.RENAMED`): the archive was
    # written before the job moved to its own app.
    renamed: frozenset[str] = frozenset()


@dataclass
class Imported:
    created: Counter[str] = field(default_factory=Counter)
    files: int = 0
    left_out: Counter[str] = field(default_factory=Counter)  # rows that needed someone else's
    unlinked: Counter[str] = field(default_factory=Counter)  # links to others' rows left empty
    ids: dict[str, dict[Any, Any]] = field(default_factory=dict)  # table → old id → new id
    # What became of the dates typed into a job's form (`archive.RETIRED`): the interviews
    # they made, and the jobs whose notes keep those with no interview on their day.
    dated: int = 0
    noted: int = 0

    def summary(self) -> str:
        rows = sum(self.created.values())
        text = f"Imported {rows} records and {self.files} recordings."
        if self.left_out:
            parts = ", ".join(f"{n} {label}" for label, n in sorted(self.left_out.items()))
            text += (
                f" Left out, because they belong with other people's accounts or things "
                f"that are not on this install: {parts}."
            )
        if links := sum(self.unlinked.values()):
            text += f" {links} links to other people's things were left empty."
        if self.dated:
            one = self.dated == 1
            text += (
                f" {self.dated} interview {'date' if one else 'dates'} typed into a job's form "
                f"became {'an interview' if one else 'interviews'}, at "
                f"{DATED_TIME:%H:%M} until you set {'its' if one else 'their'} time on "
                f"{'its' if one else 'their'} page."
            )
        if self.noted:
            jobs = "1 job's form" if self.noted == 1 else f"{self.noted} jobs' forms"
            text += (
                f" Interview dates typed into {jobs}, with no interview on their day, are kept "
                f"at the end of {'its' if self.noted == 1 else 'their'} notes."
            )
        return text


def read_archive(source: IO[bytes]) -> Archive:
    """Open and check an archive; ArchiveError says what is wrong with it."""
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ArchiveError(
            "This is not a prepcoach archive, or it was cut short: it is not a complete zip file."
        ) from None
    try:
        manifest = _json(zf, archive.MANIFEST)
        _check_manifest(manifest)
        check_files(zf, manifest["files"], archive.MANIFEST)
        account = _json(zf, archive.ACCOUNT_FILE)
        _check_text(account, "account")
        records, renamed = _records(zf, manifest)
    except ArchiveError:
        zf.close()
        raise
    account = account if isinstance(account, dict) else {}
    return Archive(zf, manifest, account, records, renamed)


def _json(zf: zipfile.ZipFile, name: str) -> Any:
    try:
        if zf.getinfo(name).file_size > MAX_JSON_BYTES:
            raise ArchiveError(f"The archive's {name} is too large to be a prepcoach record file.")
        return json.loads(zf.read(name))
    except KeyError:
        raise ArchiveError(f"This is not a prepcoach archive: it has no {name}.") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise ArchiveError(f"The archive's {name} cannot be read ({exc}).") from None


def _check_manifest(manifest: Any) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != archive.FORMAT:
        raise ArchiveError(
            "This zip is not a prepcoach data archive (its manifest says otherwise)."
        )
    version = manifest.get("format_version")
    if version != archive.FORMAT_VERSION:
        made_by = manifest.get("prepcoach_version", "an unknown version")
        raise ArchiveError(
            f"This archive is in format version {version!r} (made by prepcoach {made_by}); "
            f"this prepcoach reads version {archive.FORMAT_VERSION}: import it with a matching "
            "version of prepcoach."
        )
    if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("email"), str):
        raise ArchiveError("The archive's manifest is incomplete: it lists no files or no e-mail.")


def check_files(zf: zipfile.ZipFile, listed: dict[str, Any], manifest_name: str) -> None:
    """Every member of `zf` but the manifest is listed, and matches its size and SHA-256."""
    members = {info.filename: info for info in zf.infolist() if not info.is_dir()}
    extra = sorted(set(members) - set(listed) - {manifest_name})
    if extra:
        raise ArchiveError(f"The archive holds files its manifest does not list: {extra[0]}.")
    for name, expected in listed.items():
        info = members.get(name)
        if info is None:
            raise ArchiveError(f"The archive is incomplete: {name} is missing.")
        if not isinstance(expected, dict) or info.file_size != expected.get("size"):
            raise ArchiveError(
                f"The archive was changed after it was written: {name} has the wrong size."
            )
        digest = hashlib.sha256()
        try:
            with zf.open(info) as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        except (zipfile.BadZipFile, OSError, EOFError):
            raise ArchiveError(
                f"The archive is damaged or cut short: {name} cannot be read."
            ) from None
        if digest.hexdigest() != expected.get("sha256"):
            raise ArchiveError(
                f"The archive was changed after it was written: {name} does not match its checksum."
            )


def _records(
    zf: zipfile.ZipFile, manifest: dict[str, Any]
) -> tuple[dict[str, list[dict[str, Any]]], frozenset[str]]:
    """Each table's records, and the tables that came under an old label."""
    known = {label_of(m): m for m in archive.exported_models()}
    out: dict[str, list[dict[str, Any]]] = {}
    renamed: set[str] = set()
    media = {n.removeprefix("media/") for n in manifest["files"] if n.startswith("media/")}
    missing = set(manifest.get("missing_files") or [])
    for name in manifest["files"]:
        if not name.startswith("records/") or name == archive.ACCOUNT_FILE:
            continue
        body = _json(zf, name)
        label = body.get("model") if isinstance(body, dict) else None
        rows = body.get("records") if isinstance(body, dict) else None
        if not isinstance(label, str) or not isinstance(rows, list):
            raise ArchiveError(f"The archive's {name} is not a list of records.")
        if label in archive.RENAMED:
            label = archive.RENAMED[label]
            renamed.add(label)
        if label in out:
            raise ArchiveError(f"The archive holds {label} twice: {name} is another copy.")
        model = known.get(label)
        if model is None:
            raise ArchiveError(
                f"The archive holds {label}, which this version of prepcoach does not know: "
                "import it with the version that made it."
            )
        names = {f.name for f in model._meta.concrete_fields}
        for row in rows:
            if not isinstance(row, dict) or "id" not in row:
                raise ArchiveError(f"The archive's {name} holds a record without an id.")
            unknown = set(row) - names - {"id"} - set(archive.RETIRED.get(label, ()))
            if unknown:
                raise ArchiveError(
                    f"The archive's {label} records have fields this version of prepcoach "
                    f"does not know ({', '.join(sorted(unknown))}): import it with the version "
                    "that made it."
                )
            _check_text(row, f"{label} record {row['id']!r}")
            for f in archive.file_fields(model):
                value = row.get(f.name)
                if value and value not in media and value not in missing:
                    raise ArchiveError(f"The archive is incomplete: media/{value} is missing.")
        out[label] = rows
    return out, frozenset(renamed)


def _check_text(data: Any, where: str) -> None:
    """The text rule every form and the API apply (`text_input`), on every string of a record,
    keys and values inside JSON included: a NUL or half a character pair is refused by name
    before anything is written, not a database error half way."""
    if problem := first_problem(data):
        raise ArchiveError(f"The archive's {where} cannot be imported: {problem}")


def import_archive(source: IO[bytes], user: models.Model) -> Imported:
    """Recreate an archive's rows and files as `user`'s. The account must hold no data yet."""
    checked = read_archive(source)
    saved: list[tuple[models.FileField, str]] = []
    try:
        try:
            with transaction.atomic():
                if held := archive.has_data(user):
                    what = ", ".join(f"{n} {name}" for name, n in list(held.items())[:3])
                    raise ArchiveError(
                        f"This account already holds data ({what}): an archive is imported "
                        "only into a new, empty account, so nothing of yours is mixed up or "
                        "overwritten."
                    )
                return _Importer(checked, user, saved).run()
        except BaseException:
            _remove(saved)
            raise
    except ArchiveError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, DatabaseError) as exc:
        # Records whose checksums match but whose values make no sense (written by hand):
        # rolled back like any other failure, and said in one sentence.
        raise ArchiveError(
            f"The archive's records cannot be imported ({type(exc).__name__}: {exc})."
        ) from None
    finally:
        checked.zf.close()


def _remove(saved: list[tuple[models.FileField, str]]) -> None:
    """The files an import that failed wrote. A store out of reach keeps them (the error that
    stopped the import is the one to tell): each is named in the log, to delete by hand."""
    for _, name in saved:
        try:
            store.delete(name)
        except FileNotFoundError:
            pass
        except StoreUnavailableError:
            logger.warning("import rolled back; %s is left in the store, unreachable", name)


class _Importer:
    def __init__(
        self, checked: Archive, user: models.Model, saved: list[tuple[models.FileField, str]]
    ) -> None:
        self.archive = checked
        self.user = user
        self.email = str(checked.manifest["email"]).lower()
        self.saved = saved
        self.result = Imported()
        self.new_ids = self.result.ids
        self.people: dict[str, Any] = {}
        self.missing = set(checked.manifest.get("missing_files") or [])
        self.done: set[str] = set()  # tables whose rows are all in
        self.held = {  # the ids each table has in the archive
            label: {row["id"] for row in rows} for label, rows in checked.records.items()
        }
        self.deferred: dict[str, set[str]] = {}  # table → links set once every table is in

    def run(self) -> Imported:
        self._account()
        later: list[tuple[type[models.Model], Any, dict[str, Any]]] = []
        for model in archive.exported_models():
            rows = self.archive.records.get(label_of(model), [])
            if rows:
                later += self._insert(model, rows)
            self.done.add(label_of(model))
        for model, new_pk, row in later:
            self._link(model, new_pk, row)
        self._typed_dates()
        return self.result

    def _typed_dates(self) -> None:
        """A job of an older archive holds the dates typed into its form (`archive.RETIRED`),
        read as the install's migrations read them. An archive that names the job by its old
        label was written before the move (jobs 0001), so before jobs 0002 made those dates
        interviews: none of them was ever an interview, so none can be one the user deleted,
        and each with no interview of the job on its day becomes one, as 0002 made it on every
        install. Then each date still with no interview of the job on its day, on the owner's
        clock (one moved or deleted since, in a later archive; a piece that is no date), is
        written at the end of the job's notes by jobs 0003's own step (`jobs/migrations/
        _typed_dates.py`, frozen with the migration, importing nothing of the apps), and is
        never made an interview."""
        before_interviews = "jobs.opportunity" in self.archive.renamed
        jobs = apps.get_model("jobs", "Opportunity")
        interviews = apps.get_model("jobs", "Interview")
        profile = (
            apps.get_model("accounts", "Profile")
            ._base_manager.filter(user_id=self.user.pk)
            .values_list("time_zone", "date_order")
            .first()
        )
        zone = typed_dates.zone(profile[0] if profile else None)
        order = profile[1] if profile else None
        for row in self.archive.records.get("jobs.opportunity", []):
            typed = row.get("interview_dates")
            new_pk = self.new_ids.get("jobs.opportunity", {}).get(row["id"])
            if not typed or not isinstance(typed, list) or new_pk is None:
                continue
            starts = interviews._base_manager.filter(opportunity_id=new_pk).values_list(
                "starts_at", flat=True
            )
            held = {s.astimezone(zone).date() for s in starts}
            if before_interviews:
                held |= self._dated(new_pk, typed, held, zone)
            job_notes = jobs._base_manager.values_list("notes", flat=True).get(pk=new_pk)
            notes = typed_dates.noted(job_notes, typed, held, order)
            if notes is not None:
                jobs._base_manager.filter(pk=new_pk).update(notes=notes)
                self.result.noted += 1

    def _dated(
        self, job_pk: Any, typed: list[Any], held: set[dt.date], zone: dt.tzinfo
    ) -> set[dt.date]:
        """jobs 0002 on one job of an archive written before it: an interview of the job on
        each day typed with none of its interviews yet, at `DATED_TIME` on the owner's clock,
        one already past marked as reminded (a date typed long ago asks for no debrief mail);
        the days made. Inserted as the archive's rows are: no `save()`, no signal."""
        interviews = apps.get_model("jobs", "Interview")
        now = timezone.now()
        days = set()
        for written in typed:
            try:
                days.add(dt.date.fromisoformat(written))
            except (TypeError, ValueError):
                continue  # kept in the notes as it was typed
        made = []
        for day in sorted(days - held):
            starts = dt.datetime.combine(day, DATED_TIME, zone)
            made.append(interviews(
                user_id=self.user.pk, opportunity_id=job_pk, round_name=DATED_ROUND,
                starts_at=starts, format="other", debrief_mailed_at=now if starts < now else None,
            ))  # fmt: skip
        interviews._base_manager.bulk_create(made)
        self.result.dated += len(made)
        return days - held

    def _account(self) -> None:
        data = self.archive.account
        values = {}
        for name in archive.ACCOUNT_FIELDS:
            if name in data:
                values[name] = _decode(archive.field_of(self.user, name), data[name])
        if values:
            archive.user_model()._base_manager.filter(pk=self.user.pk).update(**values)
        for model in archive.exported_models():  # one-per-person rows: the archive's win
            owner = archive.owner_field(model)
            if owner is not None and owner.one_to_one and self.archive.records.get(label_of(model)):
                model._base_manager.filter(**{owner.name: self.user}).delete()

    def _person(self, ref: Any) -> Any:
        email = str(ref.get("user", "")).lower() if isinstance(ref, dict) else ""
        if email == self.email:
            return self.user.pk
        if email not in self.people:
            model = archive.user_model()
            self.people[email] = (
                model._base_manager.filter(email__iexact=email).values_list("pk", flat=True).first()
                if email
                else None
            )
        return self.people[email]

    def _row(self, target: str, ref: Any) -> Any:
        """The new id a reference stands for, or None when it cannot come along."""
        if ref is None:
            return None
        if isinstance(ref, dict):
            keys = ref.get("shared")
            if isinstance(keys, dict) and target in archive.SHARED_KEYS:
                model = apps.get_model(target)
                owner = archive.owner_field(model)
                lookup = {owner.name: None} if owner is not None else {}
                wanted = {k: keys.get(k) for k in archive.SHARED_KEYS[target]}
                return (
                    model._base_manager.filter(**wanted, **lookup)
                    .values_list("pk", flat=True)
                    .first()
                )
            return None
        if ref not in self.held.get(target, ()):
            raise ArchiveError(
                f"The archive is inconsistent: a record points at {target} {ref!r}, which it "
                "does not hold."
            )
        return self.new_ids.get(target, {}).get(ref)  # None: left out, for want of another's

    def _generic(self, ct_ref: Any, ref: Any) -> Any:
        """The new id of the row a generic relation points at, or None."""
        ct_id = _content_type(ct_ref)
        target = ContentType.objects.get_for_id(ct_id).model_class() if ct_id else None
        return self._row(label_of(target), ref) if target else None

    def _insert(
        self, model: type[models.Model], rows: list[dict[str, Any]]
    ) -> list[tuple[type[models.Model], Any, dict[str, Any]]]:
        label = label_of(model)
        secrets_ = archive.secret_fields(model)
        generic = {g.fk_field: g.ct_field for g in archive.generic_keys(model)}
        self.deferred[label] = {
            f.name for f in archive.parent_fields(model) if self._deferred(model, f)
        }
        pending: list[tuple[models.Model, dict[str, Any]]] = []
        for row in rows:
            values: dict[str, Any] = {}
            keep = True
            for f in model._meta.concrete_fields:
                if f.primary_key or (f.name not in row and f.name not in secrets_):
                    continue
                raw = row.get(f.name)
                if isinstance(f, models.ForeignKey):
                    value, keep = self._foreign(model, f, raw, keep)
                    values[f.attname] = value
                elif f.name in generic:  # its table is in: generic ones come last
                    values[f.attname] = self._generic(row.get(generic[f.name]), raw)
                    keep = keep and values[f.attname] is not None
                elif isinstance(f, models.FileField):
                    values[f.attname] = ""  # written once the row has its id
                elif f.name in secrets_:
                    values[f.attname] = _new_secret(f)
                else:
                    values[f.attname] = _decode(f, raw)
            if not keep:
                self.result.left_out[str(model._meta.verbose_name_plural)] += 1
                continue
            pending.append((model(**values), row))
        later = []
        for start in range(0, len(pending), BATCH):
            batch = pending[start : start + BATCH]
            self._write(model, [obj for obj, _ in batch], label)
            for obj, row in batch:
                self.new_ids.setdefault(label, {})[row["id"]] = obj.pk
                self.result.created[label] += 1
                later.append((model, obj.pk, row))
        return later

    def _foreign(
        self, model: type[models.Model], f: models.ForeignKey[Any, Any], raw: Any, keep: bool
    ) -> tuple[Any, bool]:
        target = f.related_model
        if raw is None:
            return None, keep
        if target is archive.user_model():
            value = self._person(raw)
        elif target is ContentType:
            value = _content_type(raw)
        elif self._deferred(model, f):
            return None, keep  # set once every table is in (`_link`)
        else:
            value = self._row(label_of(target), raw)
            if value is None and f.null:
                self.result.unlinked[label_of(model)] += 1
        if value is None and not f.null:
            return None, False
        return value, keep

    def _deferred(self, model: type[models.Model], f: models.ForeignKey[Any, Any]) -> bool:
        """A nullable link to a table not in yet (or to its own): set by `_link`."""
        target = f.related_model
        return f.null and (target is model or label_of(target) not in self.done)

    def _write(self, model: type[models.Model], objs: list[models.Model], label: str) -> None:
        opts = model._meta
        if opts.concrete_fields != opts.local_concrete_fields:
            raise ArchiveError(f"{label} inherits another table: prepcoach cannot import it.")
        fields = [f for f in opts.local_concrete_fields if f is not opts.auto_field]
        try:
            rows = model._base_manager._insert(  # type: ignore[attr-defined]
                objs, fields=fields, returning_fields=opts.db_returning_fields, raw=True
            )
        except (DatabaseError, ValidationError, ValueError, TypeError) as exc:
            raise ArchiveError(f"The archive's {label} records cannot be stored: {exc}") from None
        for obj, returned in zip(objs, rows, strict=True):
            for value, f in zip(returned, opts.db_returning_fields, strict=True):
                setattr(obj, f.attname, value)

    def _link(self, model: type[models.Model], new_pk: Any, row: dict[str, Any]) -> None:
        """What needed every table in place: nullable links, generic relations, ids in JSON,
        files."""
        label = label_of(model)
        values: dict[str, Any] = {}
        for f in archive.parent_fields(model):
            if f.name in self.deferred[label] and row.get(f.name) is not None:
                found = self._row(label_of(f.related_model), row[f.name])
                values[f.attname] = found
                if found is None:
                    self.result.unlinked[label] += 1
        generic_ids = [
            (row.get(g.fk_field), self._generic(row.get(g.ct_field), row.get(g.fk_field)))
            for g in archive.generic_keys(model)
        ]
        for name, (kind, target) in archive.JSON_IDS.get(label, {}).items():
            value = row.get(name)
            if kind == "items" and isinstance(value, list):
                values[name] = [_or_deleted(self._row(target, v)) for v in value]
            elif kind == "keys" and isinstance(value, list):
                pairs = [(self._row(target, k), v) for k, v in value if isinstance(k, int | dict)]
                values[name] = {str(k): v for k, v in pairs if k is not None}
            elif kind == "card_id" and isinstance(value, dict) and generic_ids:
                old, new = generic_ids[0]
                values[name] = {**value, "card_id": new} if value.get("card_id") == old else value
        for file_field in archive.file_fields(model):
            if row.get(file_field.name):
                name = row[file_field.name]
                values[file_field.attname] = self._file(model, new_pk, file_field, name)
        if values:
            model._base_manager.filter(pk=new_pk).update(**values)

    def _file(self, model: type[models.Model], new_pk: Any, f: models.FileField, name: str) -> str:
        if name in self.missing:
            return ""
        obj = model._base_manager.get(pk=new_pk)
        target = f.generate_filename(obj, os.path.basename(name))
        with self.archive.zf.open(f"media/{name}") as handle:
            stored = store.save(target, handle)
        self.saved.append((f, stored))
        self.result.files += 1
        return stored


# How jobs 0002 made a typed date an interview (`jobs.schedule.DATED_TIME`, `DATED_ROUND`,
# frozen here as in the migration: accounts imports no app code downstream of it, only the
# jobs migrations' frozen `_typed_dates`).
DATED_TIME = dt.time(9, 0)
DATED_ROUND = "Interview"


def _or_deleted(value: Any) -> Any:
    return DELETED_ID if value is None else value


def _content_type(ref: Any) -> Any:
    name = str(ref.get("type", "")) if isinstance(ref, dict) else ""
    app_label, _, model = archive.RENAMED.get(name, name).partition(".")
    found = ContentType.objects.filter(app_label=app_label, model=model).first()
    return found.pk if found else None


def _decode(f: models.Field[Any, Any], value: Any) -> Any:
    if value is None or isinstance(f, models.JSONField):
        return value
    try:
        return f.to_python(value)
    except ValidationError as exc:
        raise ArchiveError(
            f"The archive's {f.model._meta.label_lower}.{f.name} holds {value!r}, "
            f"which is not valid: {' '.join(exc.messages)}"
        ) from None


def _new_secret(f: models.Field[Any, Any]) -> str:
    if f.has_default():
        return str(f.get_default())
    return secrets.token_hex(min(32, (f.max_length or 64) // 2))
