"""The one reader of answers, stories and transcripts: sentence by sentence, which STAR part a
sentence plays, who does what it describes, and whether a result states an amount.

Each sentence is read from what generalises beyond a word list: its meaning (a MiniLM sentence
embedding, `coach.embeddings`) and the mean states of MiniLM's middle layers (3 and 4 of 6),
which carry more of a sentence's stance than its topic-trained last layer; its structure (where
it sits in the answer, the grammatical person of its subject, its tense, numbers with any unit
or currency, number words); and the old cue lists as features among the rest. Small multinomial
logistic regressions, trained on the development answer sets (`reader_training.DEVELOPMENT`) by
`prepcoach.coach.reader_training` and shipped as `reader_weights.npz`, turn those into a part
and an owner; where cross-validation chose it, the STAR order (situation before result) is kept
by a Viterbi pass over the answer with transition weights learned from the same data (the
structure-only weights use it; the embedding weights, which read the neighbours' structure
instead, do not since the fifteenth session). Closing remarks that read as "other" (a lesson, a
word about oneself) are set aside and the story before them is read again (`story_length`).

Text is read in the pieces a listener hears: sentences, and a run-on sentence cut into its
clauses (`coach.clauses`), as the labelled answers are.

A sentence's structural features (`structure`, `STRUCTURE_NAMES`), the classifier's input laid
out from them (`features`), whether it states an amount (`states_amount`) and the words the reader
counts (`words_of`, `SUBJECTS`) are `coach.reader_features`'s; this module splits the text, embeds
it and reads it with the trained weights.

The middle layers' states beside each sentence's vector, and the memory that keeps them from
`embed`'s run of the model, are `coach.reader_inputs`'s (`inputs`, `MIDDLE`, `INPUT_WIDTH`,
still importable from here).

Where a part is neither found nor missing (the "can't tell" band, `Presence.unsure`) is
`coach.reader_unsure_band`'s (`UNSURE_FROM`, `UNSURE_WEIGHTS`, still importable from here).

When there is nothing a reading could rest on (no words, one word, only fillers, not English),
`read_text` says so in `Reading.cannot_tell` and reads no parts, rather than guessing. Very long
text is read up to `MAX_SENTENCES` sentences and says how many it left out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prepcoach.coach import reader_inputs
from prepcoach.coach.clauses import clauses_of
from prepcoach.coach.embeddings import WIDTH, known_words
from prepcoach.coach.reader_features import SUBJECTS, features, states_amount, structure, words_of
from prepcoach.coach.reader_inputs import INPUT_WIDTH as INPUT_WIDTH
from prepcoach.coach.reader_inputs import MIDDLE as MIDDLE
from prepcoach.coach.reader_inputs import inputs as inputs
from prepcoach.coach.reader_unsure_band import UNSURE_FROM as UNSURE_FROM
from prepcoach.coach.reader_unsure_band import UNSURE_WEIGHTS as UNSURE_WEIGHTS
from prepcoach.coach.reader_unsure_band import band_for, unsure
from prepcoach.coach.splices import SPLICE_RULE, SpliceRule, uncut_splices
from prepcoach.coach.text import STOPWORDS, markup_tags, only_fillers, other_language

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from prepcoach.coach.patterns import Embedder

    Matrix = npt.NDArray[np.float64]

PARTS = ("situation", "task", "action", "result", "other")
OWNERS = ("i", "we", "other", "none")
WEIGHTS = Path(__file__).with_name("reader_weights.npz")
MAX_SENTENCES = 60  # a long answer is read this far; ~2 s of embedding on a laptop core
MIN_WORDS = 4  # fewer words than this is not an answer anyone could read parts from
MODEL_NAME = (
    "prepcoach-reader-2 (all-MiniLM-L6-v2 int8, its sentence vector and layers 3-4,"
    " + structure, logistic regression)"
)
# What an answer is judged to contain, each decided from the sentences' probabilities (see
# `presence`): a STAR part, an action by anyone, a personal ("i") or team ("we") action, and a
# result that states an amount.
CRITERIA = (
    "situation", "task", "action", "result", "personal_action", "team_action",
    "quantified_result",
)  # fmt: skip

# A sentence ends at . ! or ? followed by a space or the end, or at a line break: "2.5" and
# "99.9%" stay inside their sentence. "9 a.m. board round" and "e.g. the ward" do not end there.
SENTENCE_RE = re.compile(
    r"(?:\b(?:a\.m|p\.m|e\.g|i\.e|etc|vs|approx|Mr|Mrs|Ms|Dr|St|No)\.(?=\s+[a-z0-9])"
    r"|[^\n.!?]|[.!?](?!\s|$))+(?:[.!?]+|(?=\n)|$)",
    re.IGNORECASE,
)
LATIN_RE = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class SentenceReading:
    """One sentence as read. `part` is one of `PARTS`, `owner` one of `OWNERS`; `confidence`
    is the part's probability (0 to 1); `quantified` is true only for a result that states an
    amount (a count, money in any currency, a percentage, a time, "zero")."""

    text: str
    index: int  # 0-based place in the answer
    part: str
    owner: str
    quantified: bool
    confidence: float


@dataclass(frozen=True, slots=True)
class Presence:
    """Whether an answer contains one of `CRITERIA`: `probability` is the highest sentence
    probability for it, `cut` the threshold chosen by cross-validation on the development sets,
    `present` whether the first reaches the second, and `evidence` the sentences that reach it
    (in order; empty when it is absent). `unsure` marks a criterion the reader can't tell
    either way (`reader_unsure_band`): not present, no evidence, and its strongest sentence in
    `nearest`."""

    present: bool
    probability: float
    cut: float
    evidence: tuple[str, ...]
    # Neither found nor missing: the strongest sentence scores below the cut but not so low
    # that "absent" is right often enough to say (`reader_unsure_band`); `nearest` quotes it.
    unsure: bool = False
    nearest: str = ""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the reader made of a text. `sentences` holds a reading per sentence read (at most
    `MAX_SENTENCES`); `total_sentences` counts all of them. `cannot_tell` is None when the text
    was read, else why not (and then `sentences` is empty). `note` says what was left out."""

    sentences: tuple[SentenceReading, ...]
    total_sentences: int
    cannot_tell: str | None
    note: str | None
    model: str
    presence: dict[str, Presence] = field(default_factory=dict)

    def of_part(self, part: str) -> tuple[SentenceReading, ...]:
        return tuple(s for s in self.sentences if s.part == part)


def sentences_of(text: str) -> list[str]:
    """The text's sentences, stripped, in order; pieces with no letter or digit are dropped."""
    return [s.strip() for s in SENTENCE_RE.findall(text) if re.search(r"\w", s)]


NOT_ENGLISH = "it does not read as English, the only language prepcoach reads"


def cannot_tell(text: str, sentences: Sequence[str], *, notes: bool = False) -> str | None:
    """Why a text cannot be read for STAR parts, or None when it can. `notes`: the text is a
    story's or a retrospective's notes, which are often terse ("Legacy billing system, monthly
    invoice errors"): too few words and too few English function words are no reason then (a
    review found such stories called "not English" and left out of the report and the
    matrix); markup, no words, only fillers, unknown words and another language still are."""
    if tags := markup_tags(text):
        shown = ", ".join(f"<{tag}>" for tag in dict.fromkeys(tags[:12]))
        return (
            f"it is a web page's HTML markup ({shown}), not words someone wrote or said: paste "
            "the words alone"
        )
    words = words_of(text)
    if not words:
        return "there are no words to read"
    if len(words) < MIN_WORDS and not notes:
        # Said as a user reads it (a page check read "too little to read parts from" as jargon).
        return (
            "1 word is too few to judge"
            if len(words) == 1
            else (f"{len(words)} words are too few to judge")
        )
    if only_fillers(words):
        return "it is only filler words"
    letters = [w for w in words if not w.isdigit()]
    # Two short sentences of German share enough words with English ("in", "team", "am") to
    # pass the counts below, and were read as an answer that set the scene. Another language
    # is named as such before the words English does not know are counted: only it means "um"
    # is a word of that language, not a filler (`answer.analyse_answer`), where an English
    # answer of jargon keeps its fillers counted.
    if other_language(letters):
        return NOT_ENGLISH
    counted = known_words(text)
    if counted is not None and counted[0] < 0.3 * counted[1]:
        return f"only {counted[0]} of its {counted[1]} different words read as English words"
    english = sum(w in STOPWORDS or w in SUBJECTS for w in letters)
    latin = sum(bool(LATIN_RE.search(w)) for w in letters)
    if letters and (
        latin < len(letters) / 2 or (english < max(1, len(letters) // 10) and not notes)
    ):
        return NOT_ENGLISH
    return None


@functools.cache
def embedder() -> Embedder | None:
    """The MiniLM embedder, loaded once per process (None when it is not installed)."""
    from prepcoach.coach.embeddings import load_embedder

    return load_embedder(threads=1)


def embed(texts: Sequence[str], model: Embedder | None = None) -> Matrix | None:
    """Unit vectors for `texts` (n × 384), or None without a model. The texts not in the
    reader's memory (`reader_inputs.MIDDLE`) go to the model in one call, each once:
    `embeddings.MiniLMEmbedder.embed` runs texts of one token count together, so a short
    sentence is never padded to a whole answer beside it. Each run's whole row (the vector and
    the middle layers' states the reader reads) is kept, so a text asked for again, a long
    one too, is not embedded again while it is kept. A model without the middle layers (a
    test's stand-in) is asked every time."""
    import numpy as np

    model = model if model is not None else embedder()
    if model is None:
        return None
    if not texts:
        return np.zeros((0, WIDTH))
    layered = getattr(model, "embed_layers", None)
    if layered is None:
        return np.array(model.embed(list(texts)), dtype=np.float64)
    return reader_inputs.MIDDLE.rows(texts, layered)[:, :WIDTH].astype(np.float64)


@functools.cache
def weights() -> dict[str, Any]:
    """The trained weights shipped with prepcoach (see `reader_training`)."""
    import numpy as np

    with np.load(WEIGHTS, allow_pickle=False) as data:
        return {key: data[key] for key in data.files}


def log_probabilities(x: Matrix, w: dict[str, Any], head: str) -> Matrix:
    """Log softmax of a trained logistic regression `head` on standardised features."""
    import numpy as np

    z = (x - w[f"{head}_mean"]) / w[f"{head}_scale"]
    logits = z @ w[f"{head}_coef"] + w[f"{head}_bias"]
    logits = logits - logits.max(axis=1, keepdims=True)
    out: Matrix = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    return out


def viterbi(log_p: Matrix, transitions: Matrix, start: Matrix) -> list[int]:
    """The likeliest sequence of parts given per-sentence log probabilities and the log
    transition weights between parts (STAR order)."""
    import numpy as np

    n, k = log_p.shape
    score = start + log_p[0]
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        total = score[:, None] + transitions + log_p[i][None, :]
        back[i] = total.argmax(axis=0)
        score = total.max(axis=0)
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i][path[-1]]))
    return path[::-1]


def _log_probabilities(
    sentences: Sequence[str], vectors: Matrix | None, w: dict[str, Any]
) -> tuple[Matrix, Matrix]:
    """Log probabilities of each part and each owner, one row per sentence (see `story_length`
    for how a closing remark is read)."""
    prefix = "full" if vectors is not None else "structure"
    own = vectors if prefix == "full" else None
    context = bool(w[f"{prefix}_context"])

    def read(k: int) -> tuple[Matrix, Matrix]:
        structural = structure(sentences[:k])
        part = log_probabilities(
            features(structural, None if own is None else own[:k], context), w, f"{prefix}_part"
        )
        owner = log_probabilities(
            features(structural, None if own is None else own[:k], False), w, f"{prefix}_owner"
        )
        return part, owner

    part_lp, owner_lp = read(len(sentences))
    k = story_length(part_lp)
    if k < len(sentences):
        # Read the story again without its closing remarks, so its last sentence is read in
        # the place it has in the story; the remarks keep their first reading.
        part_lp[:k], owner_lp[:k] = read(k)
    return part_lp, owner_lp


def story_length(part_lp: Matrix) -> int:
    """How many sentences the story runs to: the answer less the closing sentences that read
    likeliest as "other" (a lesson or a remark about oneself), as long as three remain. Where a
    sentence sits in the answer is strong evidence of its part (most labelled answers end on
    their result), so a closing lesson would otherwise push the result into the place of an
    action: the good sample answers nearly all close with one, the labelled answers seldom.
    When it was chosen, cross-validated on the 285 development answers of then, the mean
    answer-level agreement was 0.938 with this rule against 0.935 without it. A story cut to
    two sentences puts its second, often an action, in the closing place where it reads as a
    result, so three must remain."""
    other = PARTS.index("other")
    k = len(part_lp)
    while k > 3 and int(part_lp[k - 1].argmax()) == other:
        k -= 1
    return k


def label_sentences(
    sentences: Sequence[str],
    vectors: Matrix | None,
    w: dict[str, Any],
    in_order: bool = True,
) -> list[tuple[str, str, bool, float]]:
    """(part, owner, quantified, confidence) per sentence, from trained weights `w`; `vectors`
    are the sentences' unit vectors or the reader's whole `inputs`. `in_order`: keep the STAR
    order by the Viterbi pass where the weights chose it; False reads each sentence in its place
    without it (a story stitched from several answers, `coach.retro_stories`, is not told in
    one order)."""
    import numpy as np

    if not sentences:
        return []
    vectors = inputs(sentences, vectors)
    prefix = "full" if vectors is not None else "structure"
    part_lp, owner_lp = _log_probabilities(sentences, vectors, w)
    if in_order and bool(w[f"{prefix}_sequence"]) and len(sentences) > 1:
        # Order matters only between sentences: one sentence is read on its own merits.
        path = viterbi(part_lp, w["transitions"], w["start"])
    else:
        path = [int(k) for k in part_lp.argmax(axis=1)]
    owners = owner_lp.argmax(axis=1)
    out = []
    for i, text in enumerate(sentences):
        part = PARTS[path[i]]
        out.append(
            (
                part,
                OWNERS[int(owners[i])],
                part == "result" and states_amount(text),
                round(float(np.exp(part_lp[i, path[i]])), 3),
            )
        )
    return out


def probabilities(
    sentences: Sequence[str], vectors: Matrix | None, w: dict[str, Any]
) -> tuple[Matrix, Matrix]:
    """Each sentence's probability of each part (n × len(PARTS)) and of each owner
    (n × len(OWNERS)), read on its own (no STAR-order pass), from trained weights `w`; `vectors`
    are the sentences' unit vectors or the reader's whole `inputs`."""
    import numpy as np

    if not sentences:
        return np.zeros((0, len(PARTS))), np.zeros((0, len(OWNERS)))
    part_lp, owner_lp = _log_probabilities(sentences, inputs(sentences, vectors), w)
    return np.exp(part_lp), np.exp(owner_lp)


def criterion_scores(sentences: Sequence[str], part_p: Matrix, owner_p: Matrix) -> Matrix:
    """Per sentence (rows) and criterion (columns, in `CRITERIA` order), the probability that
    the sentence carries it: a part's probability; for a personal or team action, the action's
    probability times the owner's; for a quantified result, the result's probability when the
    sentence states an amount and reads likelier as a result than as any other part, else 0
    (an amount that describes the problem is situation, never a quantified result)."""
    import numpy as np

    part = {name: part_p[:, k] for k, name in enumerate(PARTS)}
    amount = np.array([float(states_amount(s)) for s in sentences])
    is_result = (part_p.argmax(axis=1) == PARTS.index("result")).astype(np.float64)
    columns = [
        part["situation"],
        part["task"],
        part["action"],
        part["result"],
        part["action"] * owner_p[:, OWNERS.index("i")],
        part["action"] * owner_p[:, OWNERS.index("we")],
        part["result"] * amount * is_result,
    ]
    return np.stack(columns, axis=1).reshape(len(sentences), len(CRITERIA))


def presence(
    sentences: Sequence[str],
    scores: Matrix,
    cuts: Sequence[float],
    unsure_from: Mapping[str, float] | None = None,
) -> dict[str, Presence]:
    """Answer-level findings: a criterion is present when its highest sentence score reaches
    its cut. One sentence that merely leans towards a part does not flip the answer. With
    `unsure_from` (criterion → score: `reader_unsure_band.UNSURE_FROM`), a criterion whose
    highest score lies from that score up to its cut is `unsure` (`reader_unsure_band.unsure`),
    quoting that sentence; below it, absent."""
    out = {}
    for k, name in enumerate(CRITERIA):
        column = [float(v) for v in scores[:, k]] if len(sentences) else []
        top = max(column, default=0.0)
        cut = float(cuts[k])
        if column and unsure(name, top, cut, unsure_from):
            strongest = sentences[column.index(top)]
            out[name] = Presence(False, round(top, 3), round(cut, 3), (), True, strongest)
            continue
        evidence = tuple(s for s, v in zip(sentences, column, strict=True) if v >= cut)
        out[name] = Presence(top >= cut, round(top, 3), round(cut, 3), evidence)
    return out


def cuts_of(w: dict[str, Any], prefix: str) -> list[float]:
    return [float(v) for v in w[f"{prefix}_presence_cuts"]]


def read_text(
    text: str,
    model: Embedder | None = None,
    trained: dict[str, Any] | None = None,
    splice: SpliceRule = SPLICE_RULE,
) -> Reading:
    """Read `text` sentence by sentence. Never raises on any string; an unreadable text gives
    a `Reading` with `cannot_tell` set and no sentences. `model` overrides the packaged
    embedder (tests); without any embedder the structure-only weights read the text and
    `model` in the result says so. `trained` overrides the shipped weights and `splice` when a
    spliced sentence is cut (cross-validation in the bench; `splices.NEVER_CUT` reads every
    sentence as written)."""
    # Read clause by clause: a spoken run-on split only at full stops would give several STAR
    # parts one label (`coach.clauses`); punctuated sentences come back as they were.
    every = clauses_of(sentences_of(text))
    reason = cannot_tell(text, every)
    chosen = model if model is not None else embedder()
    name = MODEL_NAME if chosen is not None else MODEL_NAME + " — structure only, no embedder"
    if reason is not None:
        return Reading((), len(every), reason, None, name)
    w = trained if trained is not None else weights()
    first = every[:MAX_SENTENCES]
    read, vectors = uncut_splices(
        first, lambda texts: embed(texts, chosen) if chosen is not None else None,
        lambda texts, vectors: probabilities(texts, inputs(texts, vectors, chosen), w)[0],
        splice, MAX_SENTENCES,
    )  # fmt: skip
    read = read[:MAX_SENTENCES]
    if vectors is not None:
        vectors = inputs(read, vectors[: len(read)], chosen)
        if vectors is None:
            name = MODEL_NAME + " — structure only, the embedder gives no middle layers"
    total = len(every) + len(read) - len(first)
    note = None
    if total > MAX_SENTENCES:
        note = f"read the first {MAX_SENTENCES} of {total} sentences; the rest was not read"
    labels = label_sentences(read, vectors, w)
    readings = tuple(
        SentenceReading(s, i, part, owner, quantified, confidence)
        for i, (s, (part, owner, quantified, confidence)) in enumerate(
            zip(read, labels, strict=True)
        )
    )
    part_p, owner_p = probabilities(read, vectors, w)
    shipped = trained is None and vectors is not None
    found = presence(
        read,
        criterion_scores(read, part_p, owner_p),
        cuts_of(w, "full" if vectors is not None else "structure"),
        band_for(shipped),
    )
    return Reading(readings, total, None, note, name, found)
