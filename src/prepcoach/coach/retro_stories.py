"""Draft STAR stories from a retrospective: one story per project or episode it tells, each
sentence placed in Situation, Task, Action or Result by the same reader as answers.

A retrospective answers three prompts (`PROMPTS`). One answer may tell two projects, the
stumble may have happened on the project that energised the writer or on another one, and
some sentences tell no story at all ("small teams suit me"). Three small steps decide, each
from meaning and structure rather than a list of cue words:

1. **Story or remark.** Each sentence's reader part probabilities (`coach.reader`), its
   structure (tense, grammatical person, numbers) and which prompt it answers go to a logistic
   model that says whether it belongs to a story.
2. **Same story or a new one.** Walking the story sentences in order, each is compared with
   the story it follows (within an answer) or with every story so far (at the start of an
   answer): cosine similarity of MiniLM embeddings to the story's sentences, how much the
   sentence reads as a new situation, and whether it opens by referring back ("that", "it",
   "the same"). A second logistic model turns these into the chance it continues that story.
   An answer that counts its projects ("First, … Second, …", "The other project…") starts a
   new story at each one it counts (`retro_items`): structure the model has no feature for.
3. **Parts.** Each story's sentences, in order, are read by `coach.reader.label_sentences`.

Both models were trained on `tests/data/retrospectives/dev.json` by
`scripts/train_retro_stories.py` (settings chosen by cross-validation grouped by
retrospective) and ship as `retro_story_weights.json`. Without the embedder, prepcoach cannot
tell stories apart and says so (`RetroDrafts.cannot_tell`), and drafts nothing.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prepcoach.coach import reader, reader_features
from prepcoach.coach.clauses import clauses_of
from prepcoach.coach.quantities import find_quantities
from prepcoach.coach.retro_items import announces_items, new_items, without_ordinal
from prepcoach.coach.text import NUMBER_PATTERN

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from prepcoach.coach.patterns import Embedder

    Matrix = npt.NDArray[np.float64]

PROMPTS = ("energised", "stumbled", "best_team")
STAR = ("situation", "task", "action", "result")
WEIGHTS = Path(__file__).with_name("retro_story_weights.json")
MAX_SENTENCES = 80  # three answers of a retrospective; beyond this the rest is not read
# A sentence that opens by pointing back at something already told ("That migration…",
# "It taught me…", "On the same project…") is a structural signal, one feature among several.
REFERS_BACK_RE = re.compile(
    r"^\W*(?:(?:and|but|so|on|in|during|after|with|from|for)\s+)?"
    r"(?:that|this|it|those|these|there|the same|same|then|they)\b",
    re.IGNORECASE,
)
# ... or names what it continues anywhere in its first words ("I stumbled on that same
# engagement", "the stumble was on this project too").
SAME_RE = re.compile(
    r"\b(?:same|too|also|again)\b|\b(?:that|this)\s+(?:\w+\s+)?(?:project|one|work|rollout|"
    r"launch|programme|program|engagement|job|role|client|team)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PlacedSentence:
    """One sentence of a draft: the prompt it answered, its STAR part, and the reader's
    confidence in that part (0 to 1)."""

    text: str
    prompt: str
    part: str
    confidence: float


@dataclass(frozen=True, slots=True)
class DraftStory:
    """A story found in a retrospective. `parts` maps each of `STAR` to its text (empty when
    the retrospective does not say it); `sentences` are the story's sentences in order; `title`
    its first sentence, ending at a phrase boundary (`TITLE_WORDS`)."""

    title: str
    parts: Mapping[str, str]
    sentences: tuple[PlacedSentence, ...]

    @property
    def metrics(self) -> tuple[str, ...]:
        """The numbers with their units its result states (`story_metrics`): what the story
        form's "metrics" holds, "the numbers that show the result"."""
        return story_metrics(self.sentences)

    @property
    def prompts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.prompt for s in self.sentences))

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(p for p in STAR if not self.parts.get(p))


@dataclass(frozen=True, slots=True)
class RetroDrafts:
    """The stories of a retrospective, the sentences set aside as no story (general remarks),
    and `cannot_tell`: None when the retrospective was read, else why prepcoach could not tell
    its stories apart."""

    stories: tuple[DraftStory, ...]
    set_aside: tuple[PlacedSentence, ...]
    cannot_tell: str | None
    note: str | None = None


@functools.cache
def weights() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(WEIGHTS.read_text())
    return data


def sentences_by_prompt(answers: Mapping[str, str]) -> list[tuple[str, str]]:
    """(prompt, sentence) for each sentence of each answer, in prompt order, cut into the
    clauses the reader reads."""
    return [
        (prompt, sentence)
        for prompt in PROMPTS
        for sentence in clauses_of(reader.sentences_of(answers.get(prompt, "") or ""))
    ]


def sentence_features(sentences: Sequence[str], prompt: str, vectors: Matrix) -> Matrix:
    """Inputs of the story-or-remark model for one answer's sentences: the reader's part
    probabilities (read within the answer), the reader's structure features, the prompt."""
    import numpy as np

    part_p, _ = reader.probabilities(sentences, vectors, reader.weights())
    structural = reader_features.structure(sentences)
    prompt_hot = np.tile([float(prompt == p) for p in PROMPTS], (len(sentences), 1))
    return np.hstack([part_p, structural, prompt_hot])


# How a sentence points back at a story already told, or away from it, said once in words: the
# sentence's similarity to each is a feature the same-story model weighs, so "I stumbled on
# that same engagement" reads as a continuation without a list of nouns for "project".
PROTOTYPES = (
    "It happened on that same project.",
    "A different project, another time, somewhere else.",
)


_PROTOTYPE_VECTORS: dict[int, Matrix] = {}


def prototype_vectors(model: Embedder | None = None) -> Matrix:
    """The embeddings of `PROTOTYPES` (rows), once per loaded model."""
    chosen = model if model is not None else reader.embedder()
    if chosen is None:
        raise LookupError("the sentence model is not installed")
    if id(chosen) not in _PROTOTYPE_VECTORS:
        vectors = reader.embed(PROTOTYPES, chosen)
        assert vectors is not None
        _PROTOTYPE_VECTORS[id(chosen)] = vectors
    return _PROTOTYPE_VECTORS[id(chosen)]


def pair_features(
    text: str, vector: Matrix, story: Matrix, previous: Matrix | None, situation_p: float,
    same_answer: bool, prototypes: Matrix,
) -> list[float]:  # fmt: skip
    """Inputs of the same-story model: the sentence against the story's sentence vectors
    (`story`, rows) and, within an answer, against the sentence just before it."""
    sims = story @ vector
    toward = prototypes @ vector
    return [
        1.0,
        float(sims.max()),
        float(sims.mean()),
        float(previous @ vector) if previous is not None else float(sims[-1]),
        situation_p,
        float(bool(REFERS_BACK_RE.search(text))),
        float(bool(SAME_RE.search(" ".join(text.split()[:12])))),
        float(same_answer),
        math.log1p(len(story)),
        float(toward[0] - toward[1]),
    ]


def logistic(x: Sequence[float], coef: Sequence[float]) -> float:
    z = sum(a * b for a, b in zip(x, coef, strict=True))
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def standardised(x: Matrix, model: Mapping[str, Any]) -> Matrix:
    import numpy as np

    out: Matrix = (x - np.array(model["mean"])) / np.array(model["scale"])
    return out


def story_probabilities(
    answers: Sequence[tuple[str, Sequence[str]]], vectors: Sequence[Matrix], w: Mapping[str, Any]
) -> list[list[float]]:
    """Per answer, each sentence's probability of belonging to a story."""
    import numpy as np

    model = w["story"]
    out: list[list[float]] = []
    for (prompt, sentences), v in zip(answers, vectors, strict=True):
        if not sentences:
            out.append([])
            continue
        z = standardised(sentence_features(sentences, prompt, v), model)
        logits = z @ np.array(model["coef"]) + float(model["bias"])
        probs = [float(p) for p in 1.0 / (1.0 + np.exp(-logits))]
        # An announcement of the items to come is about them, in no story (`ANNOUNCE_RE`).
        out.append([0.0 if announces_items(sentences, i) else p for i, p in enumerate(probs)])
    return out


def group_stories(
    answers: Sequence[tuple[str, Sequence[str]]],
    vectors: Sequence[Matrix],
    in_story: Sequence[Sequence[bool]],
    w: Mapping[str, Any],
    prototypes: Matrix,
) -> list[list[tuple[int, int]]]:
    """Stories as lists of (answer index, sentence index), in order of first appearance."""
    import numpy as np

    same = w["same"]
    stories: list[list[tuple[int, int]]] = []
    for a, ((_, sentences), v) in enumerate(zip(answers, vectors, strict=True)):
        if not sentences:
            continue
        part_p, _ = reader.probabilities(sentences, v, reader.weights())
        situation = [float(p) for p in part_p[:, reader.PARTS.index("situation")]]
        current: int | None = None  # the story this answer is telling
        previous: int | None = None  # the last story sentence of this answer
        items = new_items(sentences, in_story[a], lambda s: bool(changes_in(s)))
        for i, text in enumerate(sentences):
            if not in_story[a][i]:
                continue
            if i in items:
                join = None  # the next item of an enumeration: a story of its own
            elif current is None:
                scored = [
                    (
                        logistic(
                            pair_features(
                                text, v[i], np.array([vectors[b][j] for b, j in story]),
                                None, situation[i], False, prototypes,
                            ),
                            same["coef"],
                        ),
                        k,
                    )
                    for k, story in enumerate(stories)
                ]  # fmt: skip
                best = max(scored, default=(0.0, -1))
                join = best[1] if best[0] >= float(same["cut_across"]) else None
            else:
                story = stories[current]
                p = logistic(
                    pair_features(
                        text, v[i], np.array([vectors[b][j] for b, j in story]),
                        v[previous] if previous is not None else None, situation[i], True,
                        prototypes,
                    ),
                    same["coef"],
                )  # fmt: skip
                join = current if p >= float(same["cut_within"]) else None
            if join is None:
                stories.append([])
                join = len(stories) - 1
            stories[join].append((a, i))
            current, previous = join, i
    return stories


# A draft's title is its first sentence, cut when longer than `TITLE_WORDS` at a phrase
# boundary: after a word that ends in a comma, semicolon or colon, or before a word that opens a
# new phrase (`OPENS_PHRASE`), never after a word a phrase cannot end on (`NEVER_LAST`: "and",
# "the", "our", "had"…). A clause's end (punctuation, or before `OPENS_CLAUSE`) leaving at least
# `TITLE_CLAUSE` words is taken before a phrase's ("…built on jQuery", not "…had become very
# hard"). A trial's titles were cut at 8 words, mid-phrase ("…had dropped for"). A title that
# ends at a phrase is whole as a title and takes no "…" (a later look found "…our billing
# system…"); only a sentence with no boundary in its first words is cut mid-phrase, with "…".
TITLE_WORDS = 12
TITLE_LEAST = 4  # a cut leaves at least this many words
TITLE_CLAUSE = 6
OPENS_CLAUSE = frozenset(
    "and but or so because which who when while after before until since where then if".split()
)
OPENS_PHRASE = frozenset(
    "and but or so because which who that when while after before until since with without "
    "for of in on at to by from into over under through across during within as if than where "
    "then".split()
)
NEVER_LAST = OPENS_PHRASE | frozenset(
    "the a an our my your their his her its this these those some any every each no "
    "i we they he she you is are was were be been being am has have had do does did will would "
    "can could should shall may might must not very more most also just".split()
)


def _bare(word: str) -> str:
    return word.strip("\"'“”‘’()[]").lower().rstrip(",;:.!?")


def _lead(sentence: str) -> str:
    """`sentence` as a title: whole up to `TITLE_WORDS`, else cut at the longest phrase
    boundary within them (see `TITLE_WORDS`); "…" only where no boundary was found."""
    kept, how = _cut(sentence)
    return kept + "…" if how == "mid-phrase" else kept


def _cut(sentence: str) -> tuple[str, str]:
    """The words of `sentence` a title keeps (see `TITLE_WORDS`), and how they end: "whole"
    (the whole sentence), "phrase" (at a phrase boundary) or "mid-phrase"."""
    words = sentence.split()
    if len(words) <= TITLE_WORDS:
        return " ".join(words).rstrip(",;:.!?"), "whole"
    ends = [
        k
        for k in range(TITLE_LEAST, TITLE_WORDS + 1)
        if _bare(words[k - 1]) not in NEVER_LAST
        and (words[k - 1][-1:] in ",;:" or _bare(words[k]) in OPENS_PHRASE)
    ]
    clauses = [
        k
        for k in ends
        if k >= TITLE_CLAUSE and (words[k - 1][-1:] in ",;:" or _bare(words[k]) in OPENS_CLAUSE)
    ]
    if clauses or ends:
        return " ".join(words[: (clauses or ends)[-1]]).rstrip(",;:.!?"), "phrase"
    kept = words[:TITLE_WORDS]  # no boundary: the first words, less any a phrase cannot end on
    while len(kept) > 1 and _bare(kept[-1]) in NEVER_LAST:
        kept.pop()
    return " ".join(kept).rstrip(",;:.!?"), "mid-phrase"


def _title(role: str, first: str) -> str:
    return _with_role(role, _lead(first))


def _with_role(role: str, lead: str) -> str:
    return (f"{role}: {lead}" if role else lead)[:150]


def legacy_title(role: str, first: str) -> str:
    """The title drafts had before the twentieth session (the first 8 words): a story saved
    from a draft kept that title's key (`reflection.views.draft_key`), so the retrospective's
    page still finds it."""
    words = first.split()
    lead = " ".join(words[:8]).rstrip(",;:.")
    lead = lead + "…" if len(words) > 8 else lead
    return _with_role(role, lead)


def former_titles(role: str, first: str) -> tuple[str, ...]:
    """Every title a draft of first sentence `first` had before, oldest first, each once and
    none the title it has now: the first 8 words (`legacy_title`), then the phrase with "…"
    after any cut (until titles ending at a phrase dropped it). A story saved from a draft
    kept the key of the title it had then (`reflection.views.draft_key`)."""
    kept, how = _cut(first)
    titles = (legacy_title(role, first), _with_role(role, kept if how == "whole" else kept + "…"))
    now = _title(role, first)
    return tuple(t for t in dict.fromkeys(titles) if t != now)


def story_metrics(sentences: Sequence[PlacedSentence]) -> tuple[str, ...]:
    """The numbers with their units that a story's result states ("12 percent", "2.4 seconds",
    "£40,000 a year"), each once, by `quantities.find_quantities` (a frequency such as "every
    week" is no figure). Only the result's: a team's size, a date or the weeks a problem lasted
    set the scene, and the steps' counts say what was done, not what came of it (a look at a
    draft found "three months" and "five user interviews" beside "12 percent"). A currency sign
    written before a number stays with it. A change ("falls dropped from 11 to 4") is one
    metric, told whole with what changed (`changes_in`): a trial's metrics read "six months
    falls dropped; 54%; 93%", the before and after of both results lost."""
    found: list[str] = []

    def keep(text: str) -> None:
        if text.lower() not in (f.lower() for f in found):
            found.append(text)

    for sentence in (s for s in sentences if s.part == "result"):
        changes = changes_in(sentence.text)
        for text in changes.values():
            keep(text)
        for quantity in find_quantities(sentence.text):
            if quantity.frequency:
                continue
            text = quantity.text
            at = sentence.text.find(text)
            if any(at < end and at + len(text) > start for start, end in changes):
                continue  # a number of a change, told with it
            if at > 0 and sentence.text[at - 1] in CURRENCY:
                text = sentence.text[at - 1] + text
            keep(text)
    return tuple(found)


_AMOUNT = rf"[£$€¥]?{NUMBER_PATTERN}(?:\s?%|\s+percent\b|k\b)?"
# "from 11 to 4", "from 54% to 93%", "from 40 minutes to 20", "from £10k to £40k".
CHANGE_RE = re.compile(
    rf"\bfrom\s+(?P<before>{_AMOUNT})(?:\s+[a-z]+){{0,2}}?\s+to\s+(?P<after>{_AMOUNT})",
    re.IGNORECASE,
)
YEAR_RE = re.compile(r"(?:19|20)\d\d")
# What changed is named by the words just before "from", back to one of these: a period
# ("over six months"), a determiner or a joining word names no measure.
NOT_THE_MEASURE = frozenset(
    "the a an our my their his her its this that these those next last first over by of in on "
    "at and but so which who when then after within during for to with about around some "
    "seconds minutes hours days weeks months years quarter quarters".split()
)
CHANGE_NAME_WORDS = 3


def changes_in(sentence: str) -> dict[tuple[int, int], str]:
    """Each change `sentence` states (`CHANGE_RE`; a span of years, "from 2019 to 2021", is a
    period), by its span: the words naming what changed (up to `CHANGE_NAME_WORDS` before
    "from"), the before and the after with the after's unit ("from 4.2 to 2.4 seconds")."""
    out: dict[tuple[int, int], str] = {}
    for match in CHANGE_RE.finditer(sentence):
        if YEAR_RE.fullmatch(match.group("before")) and YEAR_RE.fullmatch(match.group("after")):
            continue
        end = match.end()
        for quantity in find_quantities(sentence[match.start("after") :]):
            if sentence.find(quantity.text, match.start("after")) == match.start("after"):
                end = max(end, match.start("after") + len(quantity.text))
                break
        start = match.start()
        words = sentence[:start].split()
        named = 0
        while named < CHANGE_NAME_WORDS and len(words) > named:
            word = words[-1 - named]
            if (
                word[-1:] in ",;:.!?()"
                or _bare(word) in NOT_THE_MEASURE
                or any(c.isdigit() for c in word)
            ):
                break
            named += 1
        if named:
            start = sentence.rindex(words[-named], 0, start)
        out[(start, end)] = sentence[start:end].strip()
    return out


CURRENCY = "£$€¥"


def metrics_line(metrics: Sequence[str], limit: int) -> str:
    """`metrics` joined by "; ", as many whole ones as fit in `limit` characters."""
    line = ""
    for metric in metrics:
        longer = f"{line}; {metric}" if line else metric
        if len(longer) > limit:
            break
        line = longer
    return line


def draft_stories(
    answers: Mapping[str, str], role: str = "", model: Embedder | None = None
) -> RetroDrafts:
    """The draft stories of a retrospective. `answers` maps prompts (`PROMPTS`) to the user's
    text; `role` names the role or project for the titles. Never raises on any text."""
    pairs = sentences_by_prompt(answers)
    note = None
    if len(pairs) > MAX_SENTENCES:
        note = f"read the first {MAX_SENTENCES} of {len(pairs)} sentences; the rest was not read"
        pairs = pairs[:MAX_SENTENCES]
    grouped = [(p, [s for q, s in pairs if q == p]) for p in PROMPTS]
    grouped = [(p, s) for p, s in grouped if s]
    written = "\n".join(t.strip() for t in answers.values() if t and t.strip())
    if not grouped:
        if written:  # answers of emoji were told to "answer at least one prompt"
            return RetroDrafts(
                (), (), "There is nothing to read: the answers have no words. Write one in words."
            )
        return RetroDrafts((), (), "There is nothing to read yet: answer at least one prompt.")
    if (why := reader.cannot_tell(written, [s for _, s in pairs], notes=True)) is not None:
        # Three answers in German were drafted into a story whose situation and task were the
        # same German sentence, three of fillers offered a draft of everything.
        return RetroDrafts(
            (), (), f"prepcoach could not read this retrospective: {why}. It drafts no story."
        )
    chosen = model if model is not None else reader.embedder()
    if chosen is None:
        return RetroDrafts(
            (), (), "prepcoach cannot tell the stories apart without its sentence model."
        )
    vectors = _vectors(grouped, chosen)
    w = weights()
    probs = story_probabilities(grouped, vectors, w)
    cut = float(w["story"]["cut"])
    in_story = [[p >= cut for p in ps] for ps in probs]
    groups = group_stories(
        grouped,
        vectors,
        in_story,
        w,
        prototype_vectors(chosen),
    )
    stories = [_placed(grouped, vectors, group, role) for group in groups]
    aside = tuple(
        PlacedSentence(text, prompt, "none", round(1.0 - probs[a][i], 3))
        for a, (prompt, sentences) in enumerate(grouped)
        for i, text in enumerate(sentences)
        if not in_story[a][i]
    )
    return RetroDrafts(tuple(stories), aside, None, note)


def whole_story(
    answers: Mapping[str, str], role: str = "", model: Embedder | None = None
) -> DraftStory | None:
    """Every sentence of the retrospective as one story, its sentences placed by the reader:
    for the user who wants a draft where prepcoach found no story (None when there is no text,
    or no sentence model to place the sentences with)."""
    pairs = sentences_by_prompt(answers)[:MAX_SENTENCES]  # bounded before any embedding
    grouped = [(p, s) for p in PROMPTS if (s := [t for q, t in pairs if q == p])]
    chosen = model if model is not None else reader.embedder()
    if not grouped or chosen is None:
        return None
    vectors = _vectors(grouped, chosen)
    group = [(a, i) for a, (_, s) in enumerate(grouped) for i in range(len(s))]
    return _placed(grouped, vectors, group, role)


def _placed(
    grouped: Sequence[tuple[str, Sequence[str]]],
    vectors: Sequence[Matrix],
    group: Sequence[tuple[int, int]],
    role: str,
) -> DraftStory:
    """One story from the sentences at `group` (answer index, sentence index), each placed in
    S/T/A/R by the reader reading them in order."""
    texts = [grouped[a][1][i] for a, i in group]
    # Without the STAR-order pass: the story's sentences come from several answers, each
    # written in its own order (nineteenth session, cross-validated on the development
    # retrospectives with the reader that chose the pass: STAR part .793 with it, .820 without).
    labels = reader.label_sentences(
        texts, _stack([vectors[a][i] for a, i in group]), reader.weights(), in_order=False
    )
    placed = tuple(
        PlacedSentence(
            without_ordinal(text), grouped[a][0], _star_part(part, k, labels), confidence
        )
        for k, ((a, _), text, (part, _, _, confidence)) in enumerate(
            zip(group, texts, labels, strict=True)
        )
    )
    parts = {p: " ".join(s.text for s in placed if s.part == p) for p in STAR}
    return DraftStory(_title(role, placed[0].text), parts, placed)


def _vectors(grouped: Sequence[tuple[str, Sequence[str]]], model: Embedder) -> list[Matrix]:
    out = []
    for _, sentences in grouped:
        vectors = reader.embed(sentences, model)
        assert vectors is not None  # a model was given
        out.append(vectors)
    return out


def _stack(rows: Sequence[Matrix]) -> Matrix:
    import numpy as np

    return np.array(rows, dtype=np.float64)


def _star_part(part: str, k: int, labels: Sequence[tuple[str, str, bool, float]]) -> str:
    """The reader's "other" (a lesson, a remark about oneself) inside a story: at its end it
    is how the story came out (result); before any action it sets the scene (situation);
    otherwise it goes with what was done (action)."""
    if part != "other":
        return part
    if all(label[0] == "other" for label in labels[k:]):
        return "result"
    if not any(label[0] == "action" for label in labels[:k]):
        return "situation"
    return "action"
