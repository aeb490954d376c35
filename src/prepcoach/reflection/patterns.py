"""The user's writing gathered for the core's theme finder, and its themes linked back."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.urls import reverse

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach import patterns as finder
from prepcoach.coach import text as text_rules
from prepcoach.coach.embeddings import load_embedder, model_name
from prepcoach.coach.patterns import Embedder, Entry, Theme, find_themes
from prepcoach.reflection.models import (
    PROMPTS,
    EntryVector,
    Reflection,
    Retrospective,
    Story,
    ThemeSet,
)

# Retrospective answers, each counted as its own kind of entry so a sentence can say
# "in 5 of your 7 energising projects".
RETRO_PARTS = {
    "energised": "energising project",
    "stumbled": "setback",
    "best_team": "team environment",
}


SEMANTIC_LIMIT = 60


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class LinkedTheme:
    theme: Theme
    sources: list[Source]


@functools.cache
def _embedder() -> Embedder | None:
    # Loaded once per process (a fraction of a second); None only if the embedding
    # packages were removed.
    return load_embedder(threads=1)


class StoredEmbedder:
    """The model's vectors as kept (`EntryVector`, by the model's name and the text's hash),
    read only: a text not kept yet (saved a moment ago, the worker not done) is embedded in
    memory and not written, so a page view writes nothing. `store_vectors` keeps them."""

    def __init__(self, user: User, embedder: Embedder, model: str) -> None:
        self.user, self.embedder, self.model = user, embedder, model

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        hashes = [_hash(t) for t in texts]
        known = _kept(self.user, self.model, hashes)
        missing = {
            digest: text for digest, text in zip(hashes, texts, strict=True) if digest not in known
        }
        if missing:
            made = self.embedder.embed(list(missing.values()))
            known |= dict(zip(missing, made, strict=True))
        return [known[digest] for digest in hashes]


def store_vectors(user: User) -> int:
    """Keep the sentence vector of each of `user`'s entries the patterns page groups by meaning
    and drop the vectors of texts no longer written anywhere (an entry edited or deleted);
    run by the worker after an entry is saved or deleted. Returns how many were made."""
    entries, _ = _entries(user)
    hashes = {_hash(e.text): e.text for e in entries}
    model = _model_for(entries)
    name = model_name()
    EntryVector.objects.filter(user=user).exclude(model=name, text_hash__in=hashes).delete()
    if model is None:
        return 0
    known = _kept(user, name, list(hashes))
    missing = {digest: text for digest, text in hashes.items() if digest not in known}
    if not missing:
        return 0
    made = model.embed(list(missing.values()))
    rows = [
        EntryVector(user=user, model=name, text_hash=digest, vector=_blob(v))
        for digest, v in zip(missing, made, strict=True)
    ]
    EntryVector.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _kept(user: User, model: str, hashes: Sequence[str]) -> dict[str, list[float]]:
    mine = EntryVector.objects.filter(user=user, model=model, text_hash__in=hashes)
    return {
        digest: _floats(bytes(blob)) for digest, blob in mine.values_list("text_hash", "vector")
    }


def _blob(vector: Sequence[float]) -> bytes:
    return array("f", vector).tobytes()  # the model's float32 values, exactly


def _floats(blob: bytes) -> list[float]:
    values = array("f")
    values.frombytes(blob)
    return values.tolist()


def themes_for(user: User) -> tuple[list[LinkedTheme], int]:
    """The user's recurring themes with links to the entries showing each; and how many
    entries were read. Reads only: the themes the worker kept for exactly these entries
    (`store_themes`), else found here and not written."""
    entries, sources = _entries(user)
    model = _model_for(entries)
    digest = _digest(entries, model_name() if model is not None else "")
    kept = ThemeSet.objects.filter(user=user, digest=digest).values_list("themes", flat=True)
    stored = kept.first()
    if stored is not None:
        themes = [Theme(**{**t, "keys": tuple(t["keys"])}) for t in stored]
    else:
        themes = _find(user, entries, model)
    linked = [LinkedTheme(t, [sources[k]() for k in t.keys if k in sources]) for t in themes]
    return linked, len(entries)


def store_themes(user: User) -> None:
    """Find the user's themes and keep them with the digest of what they came from; run by the
    worker after an entry is saved or deleted, once the entries' vectors are kept."""
    entries, _ = _entries(user)
    model = _model_for(entries)
    found = _find(user, entries, model)
    ThemeSet.objects.update_or_create(
        user=user,
        defaults={
            "digest": _digest(entries, model_name() if model is not None else ""),
            "themes": [dataclasses.asdict(t) for t in found],
        },
    )


def _model_for(entries: Sequence[Entry]) -> Embedder | None:
    # Grouping by meaning compares every pair of entries, which grows too slow for a page
    # beyond a few dozen; past that the themes come from shared words alone.
    return _embedder() if len(entries) <= SEMANTIC_LIMIT else None


def _find(user: User, entries: Sequence[Entry], model: Embedder | None) -> list[Theme]:
    embedder = StoredEmbedder(user, model, model_name()) if model is not None else None
    return find_themes(entries, embedder=embedder) if len(entries) > 1 else []


@functools.cache
def _finder_code() -> str:
    """The theme finder's own code (the core modules it is made of): kept themes found by an
    earlier version of it are not shown."""
    digest = hashlib.sha256()
    for module in (finder, text_rules):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()


def _digest(entries: Sequence[Entry], model: str) -> str:
    """What the themes are found from: the entries (key, group, words), the sentence model
    ("" without one) and the finder's code."""
    rows = [[e.key, e.group, e.text] for e in entries]
    what = json.dumps([_finder_code(), model, rows], ensure_ascii=False)
    return hashlib.sha256(what.encode("utf-8", "surrogatepass")).hexdigest()


def _entries(user: User) -> tuple[list[Entry], dict[str, Callable[[], Source]]]:
    """The user's writing as the theme finder's entries, and where each entry lives (made
    when asked: only the entries a theme shows need their link)."""
    entries: list[Entry] = []
    sources: dict[str, Callable[[], Source]] = {}
    for retro in owned_by(Retrospective.objects.all(), user):
        for field, group in RETRO_PARTS.items():
            text = getattr(retro, field)
            if text.strip():
                key = f"retro:{retro.pk}:{field}"
                entries.append(Entry(key, text, group))
                sources[key] = functools.partial(_retro_source, retro, group)
    for story in owned_by(Story.objects.all(), user):
        key = f"story:{story.pk}"
        text = "\n".join((story.title, story.situation, story.task, story.action, story.result))
        entries.append(Entry(key, text, "STAR story"))
        sources[key] = functools.partial(_story_source, story)
    for reflection in owned_by(Reflection.objects.all(), user):
        key = f"reflection:{reflection.pk}"
        entries.append(Entry(key, reflection.answer, "reflection"))
        sources[key] = functools.partial(_reflection_source, reflection)
    return entries, sources


def _retro_source(retro: Retrospective, group: str) -> Source:
    return Source(f"{retro} ({group})", retro.get_absolute_url())


def _story_source(story: Story) -> Source:
    return Source(story.title, story.get_absolute_url())


def _reflection_source(reflection: Reflection) -> Source:
    title = f"{PROMPTS.get(reflection.prompt, 'Reflection')} ({reflection.created_at:%d %b %Y})"
    return Source(title, reverse("reflection:compass") + f"#reflection-{reflection.pk}")
