"""Where a question of a mock stands from the answers given to it (`question_state`): its
answer is the latest first answer that did not fail (one given again after a failure stands,
even once the failed one is analysed again), so a failed one (an empty recording, a failed
analysis) leaves the question, or its follow-up, to answer again, the failed answer kept;
`questions_answered` counts for the progress bar the questions so answered."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass


def questions_answered(answers: Iterable[tuple[int, bool] | tuple[int, bool, bool]]) -> int:
    """How many of a mock's questions are answered, for its progress bar: the questions with
    an answer that is not a follow-up's and did not fail. `answers`: each answer's question
    number (1-based; 0 when it matches no question of the mock, never counted), whether it
    answers a follow-up, which is more said to its question, not another answered, and
    (optional, False) whether it failed, which leaves its question to answer again
    (`question_state`). A skipped question has no answer; one answered twice counts once.
    (The bar showed the question's number less one: "0 of 3" after question 1 was answered,
    "2 of 3" after all three and a follow-up.)"""
    counted = set()
    for number, follow_up, *failed in answers:
        if number > 0 and not follow_up and not any(failed):
            counted.add(number)
    return len(counted)


@dataclass(frozen=True, slots=True)
class Given:
    """One answer given to a question of a mock, as its page weighs it: `follows` the ref of
    the answer it follows up (None for a first answer, or one whose first answer is gone),
    `failed` that it could not be saved or read (nothing of the recording arrived, it ran too
    long, the analysis failed). The answer is kept either way."""

    ref: Hashable
    follow_up: bool = False
    follows: Hashable | None = None
    failed: bool = False


@dataclass(frozen=True, slots=True)
class QuestionState:
    """Where one question of a mock stands (`question_state`): `answer` its answer, the latest
    of its first answers that did not fail (None: the question is open, to answer, or to
    answer again); `follow_up_answered` whether that answer's follow-up has an answer that did
    not fail; `again` the failed answer to answer again, where one is: the last failed first
    answer of an open question, else the last failed answer to the open follow-up."""

    answer: Hashable | None
    follow_up_answered: bool
    again: Hashable | None

    @property
    def open(self) -> bool:
        return self.answer is None


def question_state(given: Sequence[Given]) -> QuestionState:
    """Where a question stands from the answers given to it, oldest first (see
    `QuestionState`). A failed answer never closes its question nor its follow-up: a tester's
    empty recording, once the page was reloaded, stood as the question's answer, with no way
    to answer it again (only the recorder's Retake, gone with the page) and a follow-up asked
    of an answer nothing of which was heard."""
    firsts = [g for g in given if not g.follow_up]
    # The LATEST first answer that did not fail stands, not the first: the forms to answer
    # again are offered only once the question's answer failed, so an answer given after a
    # failure is the one the user chose to stand. A failed answer analysed again later ("Analyse
    # again" on its report) is kept, and read, but does not take over from the answer given
    # after it (a review found it did, its follow-up asked again of the old answer, the follow-up
    # already answered of the new one left aside).
    answer = next((g.ref for g in reversed(firsts) if not g.failed), None)
    if answer is None:
        failed = [g.ref for g in firsts if g.failed]
        return QuestionState(None, False, failed[-1] if failed else None)
    to_it = [g for g in given if g.follow_up and g.follows == answer]
    if any(not g.failed for g in to_it):
        return QuestionState(answer, True, None)
    failed = [g.ref for g in to_it if g.failed]
    return QuestionState(answer, False, failed[-1] if failed else None)
