"""Everything a user owns, as one archive: the export half (the import is `archive_import`).

Which rows are a user's is worked out from the models, not from a list, so a new model is
exported without editing this file:

- a row with a foreign key to the user named `user` or `owner` (`OWNER_FIELDS`) is that
  person's, whatever else it points at (a membership is its member's, not the group owner's);
- a row without one is the owner's of the first row it points at that has an owner (a pin
  on a review of their answer, a step of their goal, a many-to-many link of their story; a
  peer mock is the group owner's): the access matrix's rule, so a row has one owner at most.

`EXCLUDED` names the few tables left out on purpose, each with its reason. Accounts is
upstream of every app, so this module reaches their tables through the app registry only; it
imports none of them.

The archive is a zip: `manifest.json` (format, version, prepcoach's version, the user's e-mail,
when, counts per table, size and SHA-256 of every other file), `records/<app>.<model>.json`
(every row, foreign keys written so they can be found again on another install, below),
`media/<name>` (the files the rows name: recordings, read through `ops.store`, so a store out
of reach raises `StoreUnavailableError`) and `readable/*.md`.

How a foreign key is written, so that an import can give every row a new id:
- a number: the id of a row in this archive;
- `{"user": email}`: a person (the user themself, or a partner, found again by e-mail);
- `{"type": "app.model"}`: a content type;
- `{"shared": {...}}`: a row nobody owns that everyone shares (the starter question bank),
  found again by the fields in `SHARED_KEYS`;
- `{"other": "app.model"}`: someone else's row (another member's group): an import cannot
  link to it, so it leaves the link empty or, when the link is required, leaves the row out.
Ids stored inside JSON (`JSON_IDS`) are written the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.duration import duration_string

from prepcoach import __version__
from prepcoach.ops import store

FORMAT = "prepcoach-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ACCOUNT_FILE = "records/account.json"
OWNER_FIELDS = ("user", "owner")
# Left out on purpose. Everything else with a path to a user is exported.
EXCLUDED: dict[str, str] = {
    "accounts.user_groups": "admin permission groups belong to the install, not the person",
    "accounts.user_user_permissions": "admin permissions belong to the install, not the person",
    "accounts.accesstoken": "API tokens are keys to this install's account, not the user's data",
    "ops.actionuse": "recent expensive requests, counted for this install's rate limit only",
    "reflection.entryvector": "the patterns page's sentence vectors, made again from the text",
    "reflection.themeset": "the patterns page's themes, found again from the entries",
}
# Rows nobody owns that everyone shares, and the fields that find them again on another install.
SHARED_KEYS: dict[str, tuple[str, ...]] = {"practice.question": ("text",)}
# Ids kept inside JSON fields: table → field → (how they are stored, the table they name).
# "items": a list of ids; "keys": a dict keyed by ids; "card_id": the FSRS card's `card_id`,
# which is the id of the row the card's generic relation points at.
JSON_IDS: dict[str, dict[str, tuple[str, str]]] = {
    "practice.mocksession": {"question_ids": ("items", "practice.question")},
    "goals.plansnapshot": {"finishes": ("keys", "goals.step")},
    "practice.drillcard": {"state": ("card_id", "")},
}
# The account's own fields that travel (never the password, staff flags or last log-in).
ACCOUNT_FIELDS = ("first_name", "last_name", "date_joined")


class ArchiveError(ValueError):
    """An archive that cannot be written or read: the message says why and what to do."""


Owned = dict[str, set[Any]]


# Tables that moved to another app after archives of this format were first written (issue 13,
# the house: the job, its facts and its interviews went to `jobs`, tables and ids unchanged): an
# archive naming one by its old label, as a record file or a content type, is read as the new.
RENAMED = {
    "research.opportunity": "jobs.opportunity",
    "research.fact": "jobs.fact",
    "interviews.interview": "jobs.interview",
}
# Fields an older prepcoach wrote that this one dropped (table → fields): an archive holding
# them is read, not refused as unknown, and the importer says what became of them.
# `jobs.opportunity.interview_dates`: the box of dates typed into the job's form, dropped by jobs
# 0003 (a job's interviews are the one record of when they are); a date with no interview of
# the job on its day is kept in the job's notes, as that migration does
# (`archive_import._typed_dates`).
RETIRED: dict[str, tuple[str, ...]] = {"jobs.opportunity": ("interview_dates",)}


def label_of(model: Any) -> str:
    """ "app.model" of a model class (a related model is typed loosely by the stubs)."""
    return str(model._meta.label_lower)


def user_model() -> type[models.Model]:
    return apps.get_model(settings.AUTH_USER_MODEL)


def project_models() -> list[type[models.Model]]:
    """Every table of the project's apps, the many-to-many link tables included."""
    labels = {a.label for a in apps.get_app_configs() if a.name.startswith("prepcoach.")}
    return [m for m in apps.get_models(include_auto_created=True) if m._meta.app_label in labels]


def relations(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.ForeignKey)]


def owner_field(model: type[models.Model]) -> models.ForeignKey[Any, Any] | None:
    """The foreign key that says whose a row is, or None when it hangs off other rows."""
    user = user_model()
    for f in relations(model):
        if f.name in OWNER_FIELDS and f.related_model is user:
            return f
    return None


def parent_fields(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]]:
    """Foreign keys to other rows of the project (not people, not content types)."""
    user = user_model()
    return [
        f
        for f in relations(model)
        if f.related_model is not user and f.related_model is not ContentType
    ]


def generic_keys(model: type[models.Model]) -> list[GenericForeignKey]:
    return [f for f in model._meta.private_fields if isinstance(f, GenericForeignKey)]


def secret_fields(model: type[models.Model]) -> set[str]:
    """Unique token columns (link tokens, feed addresses): credentials, not data. They are not
    exported; an import draws new ones, so a link given out before opens nothing after."""
    return {
        f.name
        for f in model._meta.concrete_fields
        if f.unique and not f.primary_key and "token" in f.name
    }


def exported_models() -> list[type[models.Model]]:
    """Every table with a path to a user, minus `EXCLUDED`, parents before children."""
    candidates = [m for m in project_models() if m is not user_model()]
    chosen: list[type[models.Model]] = [m for m in candidates if owner_field(m) is not None]
    changed = True
    while changed:
        changed = False
        for m in candidates:
            if m not in chosen and any(f.related_model in chosen for f in parent_fields(m)):
                chosen.append(m)
                changed = True
    return insert_order([m for m in chosen if label_of(m) not in EXCLUDED])


def insert_order(chosen: list[type[models.Model]]) -> list[type[models.Model]]:
    """Parents before children, by every foreign key where the links allow it and by the
    required ones where they go round in a circle (the nullable ones are then set once every
    row is in); tables with a generic relation after every other, since it may point at any."""
    remaining = sorted(chosen, key=label_of)
    done: list[type[models.Model]] = []

    def waits(m: type[models.Model], required_only: bool) -> bool:
        return any(
            f.related_model is not m
            and f.related_model in remaining
            and not (required_only and f.null)
            for f in parent_fields(m)
        )

    while remaining:
        ready = [m for m in remaining if not waits(m, False)] or [
            m for m in remaining if not waits(m, True)
        ]
        if not ready:  # a circle of required links: no project table has one
            raise ArchiveError("the tables' required links form a cycle: " + label_of(remaining[0]))
        done.append(ready[0])
        remaining.remove(ready[0])
    generic = [m for m in done if generic_keys(m)]
    after = {m for m in done if m in generic or _depends_on(m, generic)}
    return [m for m in done if m not in after] + [m for m in done if m in after]


def _depends_on(model: type[models.Model], targets: list[type[models.Model]]) -> bool:
    seen: set[type[models.Model]] = set()
    todo = [model]
    while todo:
        m = todo.pop()
        for f in parent_fields(m):
            parent = f.related_model
            assert isinstance(parent, type)
            if parent in targets:
                return True
            if parent not in seen and parent is not m:
                seen.add(parent)
                todo.append(parent)
    return False


def owned_rows(user: models.Model) -> Owned:
    """The ids of every row the user owns, per table (see the module's rules)."""
    models_ = exported_models()
    owned: Owned = {label_of(m): set() for m in models_}
    for m in models_:
        if (f := owner_field(m)) is not None:
            owned[label_of(m)] = set(
                m._base_manager.filter(**{f.name: user}).values_list("pk", flat=True)
            )
    owners = _Owners()
    changed = True
    while changed:
        changed = False
        for m in models_:
            parents = parent_fields(m)
            if owner_field(m) is not None or not parents:
                continue
            near = Q()
            for f in parents:
                if ids := owned.get(label_of(f.related_model)):
                    near |= Q(**{f"{f.attname}__in": ids})
            if not near:
                continue
            for pk, *links in m._base_manager.filter(near).values_list(
                "pk", *[f.attname for f in parents]
            ):
                if pk not in owned[label_of(m)] and owners.first(parents, links) == user.pk:
                    owned[label_of(m)].add(pk)
                    changed = True
    return owned


class _Owners:
    """Whose a row is when it has no owner of its own: the owner of the first row it points
    at that has one (the access matrix's rule), so every row belongs to one person at most: a
    peer mock is the group owner's, not its interviewer's."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, Any], Any] = {}

    def first(self, parents: list[models.ForeignKey[Any, Any]], links: list[Any]) -> Any:
        for f, pk in zip(parents, links, strict=True):
            if pk is not None and (found := self.of(f.related_model, pk)) is not None:
                return found
        return None

    def of(self, model: Any, pk: Any, depth: int = 0) -> Any:
        key = (label_of(model), pk)
        if key not in self.known:
            self.known[key] = None
            if (f := owner_field(model)) is not None:
                found = model._base_manager.filter(pk=pk).values_list(f.attname, flat=True)
                self.known[key] = found.first()
            elif depth < 5 and (parents := parent_fields(model)):
                row = (
                    model._base_manager.filter(pk=pk)
                    .values_list(*[p.attname for p in parents])
                    .first()
                )
                if row is not None:
                    self.known[key] = next(
                        (
                            o
                            for p, v in zip(parents, row, strict=True)
                            if v is not None
                            and (o := self.of(p.related_model, v, depth + 1)) is not None
                        ),
                        None,
                    )
        return self.known[key]


def has_data(user: models.Model) -> dict[str, int]:
    """What the account already holds, beyond its one-per-person settings rows (its profile,
    reminder settings...): tables and counts. An import goes only into an account without."""
    owned = owned_rows(user)
    out: dict[str, int] = {}
    for m in exported_models():
        f = owner_field(m)
        if f is not None and f.one_to_one:
            continue
        if count := len(owned[label_of(m)]):
            out[str(m._meta.verbose_name_plural)] = count
    return out


# --- writing ---------------------------------------------------------------------------------


def encode_value(f: models.Field[Any, Any], value: Any) -> Any:
    """A column's value as JSON; `decode_value` in the import reads it back with the field."""
    if value is None or isinstance(f, models.JSONField):
        return value
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return duration_string(value)
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    raise ArchiveError(f"cannot write {f.model._meta.label}.{f.name} ({type(value).__name__})")


@dataclass
class Refs:
    """Writes foreign keys (and ids inside JSON) as the module docstring describes."""

    user: models.Model
    owned: Owned
    emails: dict[Any, str] = field(default_factory=dict)
    shared: dict[tuple[str, Any], dict[str, Any] | None] = field(default_factory=dict)

    def person(self, pk: Any) -> dict[str, str] | None:
        if pk not in self.emails:
            self.emails[pk] = str(
                user_model()._base_manager.filter(pk=pk).values_list("email", flat=True).first()
                or ""
            )
        return {"user": self.emails[pk]} if self.emails[pk] else None

    def row(self, target: str, pk: Any) -> Any:
        if pk is None:
            return None
        if pk in self.owned.get(target, ()):
            return pk
        keys = SHARED_KEYS.get(target)
        if keys is not None:
            if (target, pk) not in self.shared:
                model = apps.get_model(target)
                owner = owner_field(model)
                lookup = {owner.name: None} if owner is not None else {}
                values = model._base_manager.filter(pk=pk, **lookup).values(*keys).first()
                self.shared[target, pk] = dict(values) if values else None
            found = self.shared[target, pk]
            if found is not None:
                return {"shared": found}
        return {"other": target}


def encode_record(obj: models.Model, refs: Refs) -> dict[str, Any]:
    model = type(obj)
    label = label_of(model)
    secrets_ = secret_fields(model)
    record: dict[str, Any] = {"id": obj.pk}
    generic = {g.fk_field: g for g in generic_keys(model)}
    for f in model._meta.concrete_fields:
        if f.primary_key:
            continue
        raw = getattr(obj, f.attname)
        if isinstance(f, models.ForeignKey):
            target = f.related_model
            if raw is None:
                record[f.name] = None
            elif target is user_model():
                record[f.name] = refs.person(raw)
            elif target is ContentType:
                ct = ContentType.objects.get_for_id(raw)
                record[f.name] = {"type": f"{ct.app_label}.{ct.model}"}
            else:
                record[f.name] = refs.row(label_of(target), raw)
        elif f.name in generic:
            ct_id = getattr(obj, generic[f.name].ct_field + "_id")
            item_model = ContentType.objects.get_for_id(ct_id).model_class()
            record[f.name] = refs.row(label_of(item_model) if item_model else "", raw)
        elif isinstance(f, models.FileField):
            record[f.name] = raw.name or ""
        elif f.name in secrets_:
            record[f.name] = None
        else:
            record[f.name] = encode_value(f, raw)
    for name, (kind, named) in JSON_IDS.get(label, {}).items():
        value = record.get(name)
        if kind == "items" and isinstance(value, list):
            record[name] = [refs.row(named, v) for v in value]
        elif kind == "keys" and isinstance(value, dict):
            record[name] = [[refs.row(named, _int_or(k)), v] for k, v in value.items()]
    return record


def _int_or(value: Any) -> Any:
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


@dataclass
class Written:
    """What went into an archive: shown to the user and checked by the tests."""

    counts: dict[str, int]
    files: int
    missing: list[str]


class HashingWriter:
    """Writes members into a zip and remembers each one's size and SHA-256 for a manifest."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.files: dict[str, dict[str, Any]] = {}

    def put(self, name: str, data: bytes) -> None:
        self.zf.writestr(name, data)
        self.files[name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}

    def put_stream(self, name: str, chunks: Iterable[bytes]) -> None:
        digest = hashlib.sha256()
        size = 0
        with self.zf.open(name, "w", force_zip64=True) as out:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        self.files[name] = {"size": size, "sha256": digest.hexdigest()}


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode()


def write_archive(user: models.Model, out: IO[bytes]) -> Written:
    """Write everything `user` owns into `out` as a zip (see the module docstring)."""
    from prepcoach.accounts import readable

    owned = owned_rows(user)
    refs = Refs(user, owned)
    counts: dict[str, int] = {}
    media: set[str] = set()
    missing: list[str] = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        writer = HashingWriter(zf)
        account = {name: encode_value(field_of(user, name), getattr(user, name))
                   for name in ACCOUNT_FIELDS}  # fmt: skip
        writer.put(ACCOUNT_FILE, _dump({"email": getattr(user, "email", ""), **account}))
        for model in exported_models():
            label = label_of(model)
            rows = model._base_manager.filter(pk__in=owned[label]).order_by("pk")
            records = [encode_record(obj, refs) for obj in rows]
            for f in file_fields(model):
                for record in records:
                    if record[f.name]:
                        media.add(record[f.name])
            counts[label] = len(records)
            writer.put(f"records/{label}.json", _dump({"model": label, "records": records}))
        for name in sorted(media):
            if not store.exists(name):
                missing.append(name)
                continue
            writer.put_stream(f"media/{name}", store.blocks(name))
        for name, text in readable.render(user, owned).items():
            writer.put(f"readable/{name}", text.encode())
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "prepcoach_version": __version__,
            "email": getattr(user, "email", ""),
            "created_at": timezone.now().isoformat(),
            "counts": counts,
            "missing_files": missing,
            "files": writer.files,
        }
        zf.writestr(MANIFEST, _dump(manifest))
    return Written(counts, len(media) - len(missing), missing)


def field_of(obj: models.Model, name: str) -> models.Field[Any, Any]:
    f = obj._meta.get_field(name)
    assert isinstance(f, models.Field)
    return f
