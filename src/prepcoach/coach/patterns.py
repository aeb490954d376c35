"""Recurring themes across a person's own writing (reflections, retrospectives, STAR stories):
"mentoring appears in 5 of your 7 energising projects", with the entries that show it.

Words are the default and always work; an optional sentence-embedding model can group entries
by meaning instead, behind the small `Embedder` interface so the core never loads a model."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from prepcoach.coach.text import STOPWORDS, clip, quote, stem, words

# Words people use to write about any piece of work, which say nothing about what it was.
REFLECTION_WORDS = frozenset(
    """project projects team teams thing felt feel feeling feels think thought went go going
    goes gone made did like liked enjoy enjoyed enjoying way ways bit lot actually quite pretty
    said say told ask asked took take came come gave give put used use using still even though
    overall main first last part whole kind sort i'm i've i'd it's that's didn't don't wasn't
    couldn't can't won't isn't doesn't around others everyone someone something anything
    nothing people person back much just lots definitely probably maybe almost always never
    often sometimes again instead already yet since ago later early soon able""".split()
)
# Forms too irregular for suffix stripping that matter for themes about work.
IRREGULAR = {
    "led": "lead", "taught": "teach", "built": "build", "wrote": "write", "written": "write",
    "ran": "run", "spoke": "speak", "spoken": "speak", "sold": "sell", "chose": "choose",
    "chosen": "choose", "drove": "drive", "driven": "drive", "grew": "grow", "grown": "grow",
    "bought": "buy", "fought": "fight", "understood": "understand", "began": "begin",
}  # fmt: skip
# Where one phrase ends and the next begins: "mentoring. Code" is not the phrase "mentoring code".
CLAUSE_RE = re.compile(r"[!?;:,()\[\]\"“”\n]+|\.(?=\s|$)|\s[-–—]\s")
# Mean cosine similarity at which entries count as being about the same thing. Tuned by eye on
# all-MiniLM-L6-v2: unrelated work stories score 0.0–0.25, two mentoring stories 0.3–0.55.
SIMILARITY_THRESHOLD = 0.4
NEAR = 1e-9  # far above the rounding of summed similarities, far below any real difference


class Embedder(Protocol):
    """Anything that turns texts into vectors whose cosine similarity reflects meaning."""

    def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


@dataclass(frozen=True, slots=True)
class Entry:
    """One piece of the user's writing. `group` is a singular noun for its kind ("energising
    project", "STAR story"), so a sentence can say "of your 7 energising projects"."""

    key: str  # e.g. "story:12"; opaque to the core, handed back in themes
    text: str
    group: str = ""


@dataclass(frozen=True, slots=True)
class Theme:
    label: str  # short human label, e.g. "mentoring"
    keys: tuple[str, ...]  # the entries that show it, in input order
    group: str  # the group counted against; "" means all entries
    count: int
    total: int
    sentence: str  # “mentoring” appears in 5 of your 7 energising projects


@functools.lru_cache(maxsize=65536)  # the same few thousand words, read on every view
def lemma(word: str) -> str:
    """A light suffix stripping, enough that "mentored", "mentoring" and "mentors" meet; the
    result is a key, never shown (labels use a form the user wrote)."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) > 7 and word.endswith("ship"):  # mentorship, leadership, ownership
        word = word[:-4]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ied"):
        word = word[:-3] + "y"
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]
    else:
        word = stem(word)
    # planned/plan, shared/share: undouble, and drop a silent e, the same way for every form.
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouslz":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]
    return word


@dataclass(slots=True)
class _Term:
    """What one term looks like across the corpus, while themes are being found."""

    keys: list[str]  # entries containing it, in input order
    forms: Counter[str]  # surface forms as written
    capitalised_inside: bool = False  # written with a capital away from a sentence start
    lowercase_seen: bool = False


def _is_content(word: str) -> bool:
    low = word.lower()
    return len(low) > 1 and low not in STOPWORDS and low not in REFLECTION_WORDS


def _merge_duplicates(entries: Sequence[Entry]) -> list[Entry]:
    """One entry per key: the same story handed in twice must count once."""
    merged: dict[str, Entry] = {}
    for entry in entries:
        if entry.key in merged:
            first = merged[entry.key]
            merged[entry.key] = Entry(first.key, f"{first.text}\n{entry.text}", first.group)
        else:
            merged[entry.key] = entry
    return list(merged.values())


def _terms(entries: Sequence[Entry]) -> dict[str, _Term]:
    """Every content word and two-word phrase, by lemma, with the entries that use it."""
    terms: dict[str, _Term] = {}

    def note(key: str, surface: str, entry_key: str, initial: bool) -> None:
        term = terms.setdefault(key, _Term([], Counter()))
        if not term.keys or term.keys[-1] != entry_key:
            term.keys.append(entry_key)
        term.forms[surface] += 1
        if surface[:1].isupper():
            term.capitalised_inside |= not initial
        else:
            term.lowercase_seen = True

    for entry in entries:
        for clause in CLAUSE_RE.split(entry.text):
            tokens = words(clause)
            for i, word in enumerate(tokens):
                if _is_content(word):
                    note(lemma(word), word, entry.key, i == 0)
            for (i, a), (_, b) in itertools.pairwise(enumerate(tokens)):
                if _is_content(a) and _is_content(b) and lemma(a) != lemma(b):
                    note(f"{lemma(a)} {lemma(b)}", f"{a} {b}", entry.key, i == 0)
    return terms


def _label(term: _Term) -> str:
    """The form the user wrote most; kept in capitals only for names and acronyms (SQL, Figma),
    not for a word that merely started sentences."""
    form = term.forms.most_common(1)[0][0]
    is_name = (form.isupper() and len(form) > 1) or (
        term.capitalised_inside and not term.lowercase_seen
    )
    return form if is_name else form.lower()


def plural(noun: str) -> str:
    """ "story" → "stories", "energising project" → "energising projects"."""
    head, _, last = noun.rpartition(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def sentence(label: str, count: int, total: int, group: str, verb: str = "appears in") -> str:
    """“mentoring” appears in 5 of your 7 energising projects. The label is quoted so that any
    form the user wrote ("juniors", "code reviews") reads as a name and the verb still agrees."""
    return f"{quote(label)} {verb} {share(count, total, group)}"


def share(count: int, total: int, group: str) -> str:
    """ "2 of your 3 stories", "both of your stories", "all 4 of your entries"."""
    nouns = plural(group) if group else "entries"
    if count == total == 2:
        return f"both of your {nouns}"
    if count == total:
        return f"all {total} of your {nouns}"
    return f"{count} of your {total} {nouns}"


def _score(count: int, total: int, outside: float | None) -> float:
    """Coverage, shrunk for small groups (2 of 2 should not beat 5 of 7), plus how much more
    often the group shows it than the rest of the writing does."""
    coverage = count / (total + 2)
    return coverage + (max(count / total - outside, 0.0) if outside is not None else 0.0)


def _near(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Entry sets that tell the same story: equal, or differing by one entry out of many."""
    sa, sb = set(a), set(b)
    return len(sa ^ sb) <= 1 and len(sa & sb) / len(sa | sb) >= 0.75


def _lexical(
    entries: Sequence[Entry], min_count: int, terms: dict[str, _Term]
) -> list[tuple[float, Theme, bool]]:
    by_group: dict[str, list[str]] = {}
    for entry in entries:
        by_group.setdefault(entry.group, []).append(entry.key)
    # Count against each named group, and against everything when there is more than one kind.
    scopes: list[tuple[str, set[str]]] = [
        (group, set(keys)) for group, keys in by_group.items() if len(keys) >= min_count
    ]
    if len(by_group) > 1:
        scopes.append(("", {e.key for e in entries}))
    n = len(entries)
    best: dict[str, tuple[float, Theme, bool]] = {}
    for key, term in terms.items():
        if len(term.keys) < min_count:
            continue
        label = _label(term)
        for group, members in scopes:
            keys = tuple(k for k in term.keys if k in members)
            if len(keys) < min_count:
                continue
            total = len(members)
            rest = n - total
            outside = (len(term.keys) - len(keys)) / rest if group and rest else None
            score = _score(len(keys), total, outside)
            theme = Theme(
                label, keys, group, len(keys), total, sentence(label, len(keys), total, group)
            )
            if key not in best or score > best[key][0]:
                best[key] = (score, theme, " " in key)
    return list(best.values())


def _cosine_groups(
    vectors: Sequence[Sequence[float]], threshold: float
) -> tuple[list[list[int]], list[list[float]]]:
    """Average-linkage clustering: join the two closest groups while their mean similarity
    stays above the threshold (the last such pair, in pair order, when several are closest).

    The sums of similarity between every two groups are kept and updated as groups join, so
    each join reads one matrix instead of averaging every pair of groups again (that was cubic
    in Python: half a second at 55 entries). The pairs within a hair of the best are averaged
    exactly as before, so the same pair joins on every input."""
    import numpy as np

    matrix = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    sims = unit @ unit.T
    groups = [[i] for i in range(len(vectors))]
    sums = sims.copy()  # sums[a, b]: the similarity summed over group a × group b
    sizes = np.ones(len(groups))
    while len(groups) > 1:
        means = sums / np.outer(sizes, sizes)
        upper = np.triu(np.ones_like(means, dtype=bool), k=1)
        top = float(means[upper].max())
        if top < threshold - NEAR:
            break
        close = np.argwhere(upper & (means >= top - NEAR))  # row-major: pair order
        best, pair = threshold, None
        for a, b in close.tolist():
            mean = float(sims[np.ix_(groups[a], groups[b])].mean())
            if mean >= best:
                best, pair = mean, (a, b)
        if pair is None:
            break
        a, b = pair
        groups[a] = sorted(groups[a] + groups[b])
        del groups[b]
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        sums = np.delete(np.delete(sums, b, axis=0), b, axis=1)
        sizes[a] += sizes[b]
        sizes = np.delete(sizes, b)
    similarity: list[list[float]] = sims.tolist()
    return groups, similarity


def _semantic(
    entries: Sequence[Entry],
    embedder: Embedder,
    min_count: int,
    threshold: float,
    terms: dict[str, _Term],
) -> list[tuple[float, Theme, bool]]:
    vectors = embedder.embed([e.text for e in entries])
    if len(vectors) != len(entries):
        raise ValueError(f"the embedder returned {len(vectors)} vectors for {len(entries)} texts")
    found: list[tuple[float, Theme, bool]] = []
    groups, similarity = _cosine_groups(vectors, threshold)
    for members in groups:
        if len(members) < min_count:
            continue
        keys = tuple(entries[i].key for i in members)
        inside = set(keys)
        # Name the group by the term most of its entries share and the rest of the writing
        # uses least; failing that, by its most typical entry, quoted.
        shared = [
            (sum(k in inside for k in t.keys), -sum(k not in inside for k in t.keys), " " in key, t)
            for key, t in terms.items()
            if sum(k in inside for k in t.keys) >= 2
        ]
        kinds = {entries[i].group for i in members}
        group = kinds.pop() if len(kinds) == 1 else ""
        total = sum(e.group == group for e in entries) if group else len(entries)
        if shared:
            label = _label(max(shared, key=lambda s: s[:3])[3])
            text = sentence(label, len(keys), total, group, "comes up in")
        else:
            central = max(members, key=lambda i: sum(similarity[i][j] for j in members))
            label = clip(entries[central].text, 48)
            text = f"{share(len(keys), total, group)} are like {quote(label)}"
        theme = Theme(label, keys, group, len(keys), total, text)
        found.append((_score(len(keys), total, None) + 0.5, theme, False))  # meaning beats words
    return found


def find_themes(
    entries: Sequence[Entry],
    *,
    embedder: Embedder | None = None,
    min_entries: int = 2,
    limit: int = 8,
    threshold: float = SIMILARITY_THRESHOLD,
) -> list[Theme]:
    """The recurring themes in a person's writing, most telling first.

    A theme is a word or two-word phrase (in any of its forms) found in at least `min_entries`
    entries, never fewer than two; with an `embedder`, entries that mean the same thing are
    grouped too, and named by the term they share. Themes that point at the same entries are
    shown once, as a phrase when there is one."""
    unique = _merge_duplicates(entries)
    min_count = max(2, min_entries)
    if len(unique) < min_count or limit <= 0:
        return []
    terms = _terms(unique)  # read once, for both the words and the meaning
    candidates = _lexical(unique, min_count, terms)
    if embedder is not None:
        candidates += _semantic(unique, embedder, min_count, threshold, terms)
    candidates.sort(key=lambda c: (-c[0], -c[1].count, c[1].label))
    chosen: list[Theme] = []
    for _, theme, is_phrase in candidates:
        if len(chosen) == limit:
            break
        if not is_phrase:
            # A word gives way to a phrase that points at (nearly) the same entries:
            # "code review" says more than "code" and "review".
            theme = next((c[1] for c in candidates if c[2] and _near(c[1].keys, theme.keys)), theme)
        if any(_near(c.keys, theme.keys) or c.label == theme.label for c in chosen):
            continue
        chosen.append(theme)
    return chosen


__all__ = ["Embedder", "Entry", "Theme", "find_themes", "lemma", "plural", "sentence"]
