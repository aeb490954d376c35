"""A mock interview that coaches: how it is set up from the job and the profile, the short
report shown after each answer, and the summary at its end. Each idea has its own module; this
one names them all, so `prepcoach.coach.mock_interview` stays the one place to import from.

- `mock_setup` (`mock_setup.py`): field, level, company and role, from the job when there is
  one, else from the profile's target role and industry; each says where it came from. The
  questions about the role of a mock for a job are written from its key terms
  (`role_questions`, `term_questions`: "Tell me about a time your work involved aseptic
  technique. What did you do?"), the bank giving the rest; `term_of` reads the term back.
- `short_report`, `figures_of`, `Figures`, `verdict_of` (`mock_figures.py`): the few figures
  and the first tip of one answer's stored analysis (the full report is the answer's own
  page). A plan's STAR parts are counted of those a plan is judged on (`PLAN_PARTS`, its
  action) and no number in its result is asked, as its report says. An answer to a question
  asking for neither a story nor a plan (`relevance.asked_for`: "Where do you see yourself in
  five years?") is counted on no STAR part and no number, has no measured figure
  (`answer.measured_rating` weighs STAR parts and a number: a trial's good answer measured "1
  of 5 · 0 of 4 STAR parts · no number") and no tip asking for a story's parts
  (`tips.asks_for_story_parts`), here or in the next steps. A part the reader can't tell
  about (`present` None with its nearest sentence, `unsure`) is named as such beside the parts
  found ("3 of 4 STAR parts (prepcoach can't tell about the result)"), never counted found or
  missing; a part not heard (`present` None without it) leaves the parts uncounted, and the
  row says why.
- `question_state` (`mock_question_state.py`): where a question of the mock stands from the
  answers given to it: its answer is the latest first answer that did not fail (one given
  again after a failure stands, even once the failed one is analysed again), so a failed one
  (an empty recording, a failed analysis) leaves the question, or its follow-up, to answer
  again, the failed answer kept; `questions_answered` counts for the progress bar the
  questions so answered.
- `MockAnswer`, `answer_label` (`mock_answers.py`): one answer of the mock, and what it is, for
  the link to it ("typed answer, 84 words", "recorded answer, 1:42"), so the summary's links
  can be told apart.
- `summarise_mock` (`mock_summary.py`): each answer once, in the order given (follow-ups under
  their question), with its figures; every question not answered listed as such; the answer
  that went best and why (never one the relevance verdict says missed its question); the
  job's key terms across the answers (`mock_terms`: of the terms bearing on each question, as
  each answer's stored `keywords.coverage` reading found them, those used, quoting where, and
  those not; the terms said where none bore); and the next things to practise
  (`mock_next_steps.py`): the improvement rules (`coach.improvement`) over this mock's
  answers, led by "answer the question that was asked" when the relevance verdict says an
  answer missed it, then the tips its answers share (less those an area already says), then
  the questions left unanswered. Each answer's figures carry the verdict with its quote. A
  part a follow-up of the same mock asked for and got (`follow_up_answer.FollowUpAnswer.given`:
  "What changed, in numbers?" answered with one) is
  credited where a step asks for it of the answer it followed up (`given_when_asked` in
  `mock_given_when_asked.py`, `_credited` in `mock_next_steps.py`): the step says it came only
  when asked and quotes the follow-up's words, never "Put a number on the result" as if no
  number was ever given.
"""

from __future__ import annotations

from prepcoach.coach.mock_answers import (
    NOTHING_ARRIVED,
    MockAnswer,
    answer_label,
    asks_of,
    figures_of_answer,
    row_status,
)
from prepcoach.coach.mock_figures import (
    PLAN_PARTS,
    STAR_PARTS,
    Figures,
    delivery_weighed,
    figures_of,
    short_report,
    tips_of,
    verdict_of,
)
from prepcoach.coach.mock_given_when_asked import QUOTE_CHARS, GivenWhenAsked, given_when_asked
from prepcoach.coach.mock_next_steps import NEXT_STEPS, SAME_ADVICE, TIP_AREAS, TITLES
from prepcoach.coach.mock_question_state import (
    Given,
    QuestionState,
    question_state,
    questions_answered,
)
from prepcoach.coach.mock_setup import (
    LEVEL_RES,
    LEVEL_WORDS,
    TERM_SOURCE,
    MockSetup,
    RoleQuestions,
    TermQuestion,
    level_for_role,
    mock_setup,
    role_questions,
    role_share,
    term_of,
    term_questions,
    term_shape,
    terms_note,
    terms_plan_note,
)
from prepcoach.coach.mock_summary import (
    MockSummary,
    MockTerms,
    SummaryRow,
    TermUse,
    mock_terms,
    summarise_mock,
)

__all__ = [
    "LEVEL_RES",
    "LEVEL_WORDS",
    "NEXT_STEPS",
    "NOTHING_ARRIVED",
    "PLAN_PARTS",
    "QUOTE_CHARS",
    "SAME_ADVICE",
    "STAR_PARTS",
    "TERM_SOURCE",
    "TIP_AREAS",
    "TITLES",
    "Figures",
    "Given",
    "GivenWhenAsked",
    "MockAnswer",
    "MockSetup",
    "MockSummary",
    "MockTerms",
    "QuestionState",
    "RoleQuestions",
    "SummaryRow",
    "TermQuestion",
    "TermUse",
    "answer_label",
    "asks_of",
    "delivery_weighed",
    "figures_of",
    "figures_of_answer",
    "given_when_asked",
    "level_for_role",
    "mock_setup",
    "mock_terms",
    "question_state",
    "questions_answered",
    "role_questions",
    "role_share",
    "row_status",
    "short_report",
    "summarise_mock",
    "term_of",
    "term_questions",
    "term_shape",
    "terms_note",
    "terms_plan_note",
    "tips_of",
    "verdict_of",
]
