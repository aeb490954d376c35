"""Does an interview question ask for a plan (what the user WOULD do), a story (what they DID),
or neither (why they want the job, what they know)?

prepcoach judges the two differently (`relevance.NOT_IN_A_PLAN`): a story should set its scene,
say its task and how it ended; a plan's scene is the question's and its result has not happened.
The rule before this read a question as a plan only when its kind by meaning was sure (0.5 of
the kinds' prototypes) and its words said "would": on 1,079 labelled questions
(`tests/data/questions/dev.json`) it found .61 of the plans and none falsely, so 43 of the 74
"How would you…" questions of prepcoach's own bank got story tips ("never sets the scene",
"never says how it ended") on good plans.

This is a logistic regression over what generalises: the question's MiniLM sentence vector and
the unit mean states of MiniLM's middle layers (`reader_inputs.inputs`, 1,152 wide: the middle
layers carry a sentence's stance, "would", "did" or "do", more than the topic-trained last layer)
and two facts of its grammar (a modal or condition addressed to the user: "would you", "you'd",
"if you", "suppose"; a cue of a past story: "tell me about", "a time", "did you"). Neither
decides alone: "How would you describe your leadership style?" has "would you" and asks for no
plan, "Three patients need you at once. How do you decide who to see first?" has none and does.
Trained by `scripts/train_plan_questions.py` on three sets labelled by three people, chosen by
how well a model trained on two read the third; weights in `plan_question_weights.json`;
figures by `make bench` (`bench/bench_relevance.py`). A fourth set, of an interviewer's
follow-ups and short questions (`questions/dev3.json`), is trained on in every fold: the three
held 7 plans among their 261 questions of eight words or fewer, so a short plan read as asking
for neither ("What would that look like in your first months here?", prepcoach's own follow-up
to a point, at 0.009; "What would your first 90 days look like?", "Who would you involve, and
when?"). The shipped models of before read its plans at recall .500; the same three sets read
out of fold went from mean F1 .895 to .922 with it.

A question that is no plan then asks for a story or for neither, read by a second logistic
regression of the same shape over the same inputs (`story_probability`, weights in
`story_question_weights.json`), trained by the same script on the same sets' story and "other"
questions. The rule before it read "neither" from the question's words ("tell me about",
"describe", "a time you"): right on prepcoach's own bank, whose words it was written from, it
read 32 of the 100 story questions of a set worded by another writer (`questions/heldout2.json`:
"What was the hardest call you had to make?") as asking for neither, so their answers were
scored on point, support and fit instead of STAR, and the reverse gave a motivation question's
answer "sets the scene".
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from prepcoach.coach.embeddings import WIDTH
from prepcoach.coach.reader_inputs import INPUT_WIDTH, inputs

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from prepcoach.coach.patterns import Embedder

WEIGHTS = Path(__file__).with_name("plan_question_weights.json")
STORY_WEIGHTS = Path(__file__).with_name("story_question_weights.json")

# A modal or a condition addressed to the user: the grammar of a hypothetical question.
HYPOTHETICAL_RE = re.compile(
    r"\b(?:would|could|should|will)\s+you\b|\byou(?:'d|\u2019d|\s+would)\b|\bif you\b|"
    r"\bsuppose\b|\bimagine\b|\bwhat if\b",
    re.IGNORECASE,
)
# The words of a question asking for a past story.
PAST_STORY_RE = re.compile(
    r"\b(?:a time|tell me about|an example|have you ever|did you|walk me through|"
    r"describe a (?:time|situation))\b",
    re.IGNORECASE,
)
GRAMMAR = ("hypothetical", "past story")


def grammar(question: str) -> tuple[float, float]:
    """The two grammar facts the model reads (`GRAMMAR`), 1.0 or 0.0 each."""
    return (
        float(HYPOTHETICAL_RE.search(question) is not None),
        float(PAST_STORY_RE.search(question) is not None),
    )


@dataclass(frozen=True, slots=True)
class QuestionModel:
    layers: bool  # whether it reads the middle layers' states after the vector
    weights: tuple[float, ...]  # the vector's 384 (then the layers' 768, with `layers`)
    grammar_weights: tuple[float, ...]  # `GRAMMAR`'s
    bias: float
    cut: float  # a question is of the model's kind at this probability or more


@functools.cache
def _load(path: Path) -> QuestionModel:
    raw = json.loads(path.read_text())
    return QuestionModel(
        bool(raw["layers"]),
        tuple(raw["weights"]),
        tuple(raw["grammar_weights"]),
        float(raw["bias"]),
        float(raw["cut"]),
    )


def model() -> QuestionModel:
    """The plan model: a plan against anything else."""
    return _load(WEIGHTS)


def story_model() -> QuestionModel:
    """The story model: of the questions that are no plan, a story against neither."""
    return _load(STORY_WEIGHTS)


def plan_probability(
    question: str, vector: NDArray[np.float64], embedder: Embedder | None = None
) -> float:
    """The probability that `question` asks for a plan, from its unit sentence vector
    (`reader.embed`, 384 floats), its middle layers' states (kept by `reader.embed`'s run, or
    embedded now by `embedder`, the one that gave `vector`; None: the reader's) and its words.
    Without a model that gives the middle layers (a test's stand-in embedder), the vector and
    words alone are read, the layers as zeros."""
    return probability(model(), question, vector, embedder)


def story_probability(
    question: str, vector: NDArray[np.float64], embedder: Embedder | None = None
) -> float:
    """The probability that `question`, read as no plan (`asks_for_a_plan`), asks for a story
    rather than for neither; its inputs as `plan_probability`'s. Of a plan question it means
    nothing: ask `asks_for_a_plan` first."""
    return probability(story_model(), question, vector, embedder)


def probability(
    m: QuestionModel,
    question: str,
    vector: NDArray[np.float64],
    embedder: Embedder | None = None,
) -> float:
    """`m`'s probability for `question` (`plan_probability`'s inputs)."""
    import numpy as np

    x = np.asarray(vector, dtype=np.float64).reshape(1, -1)
    if m.layers:
        layered = inputs([question], x, embedder)
        x = layered if layered is not None else np.hstack([x, np.zeros((1, INPUT_WIDTH - WIDTH))])
    logit = float(x[0] @ np.array(m.weights)) + float(np.dot(grammar(question), m.grammar_weights))
    logit += m.bias
    return float(1 / (1 + np.exp(-np.clip(logit, -30, 30))))


def asks_for_a_plan(
    question: str, vector: NDArray[np.float64], embedder: Embedder | None = None
) -> bool:
    """Whether `question` asks what the user would do (`plan_probability` at the model's cut)."""
    return plan_probability(question, vector, embedder) >= model().cut


def asks_for_a_story(
    question: str, vector: NDArray[np.float64], embedder: Embedder | None = None
) -> bool:
    """Whether `question`, read as no plan, asks for a past story (`story_probability` at the
    story model's cut) rather than for neither a story nor a plan."""
    return story_probability(question, vector, embedder) >= story_model().cut
