"""The ownership tip on an answer in which the reader found no action at all (a new user's
answer to "What was the outcome?", all result) says so plainly, where it read "Ownership: 0
“we” actions against 0 “I”", in the report's tip and in its area alike
(`tips.no_action_found`)."""

from __future__ import annotations

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.area_readings import personal_action
from prepcoach.coach.followups import RULES

OUTCOME = dict(RULES)["no result"]
RESULT = (
    "Churn fell from nine percent to five percent over the next quarter, and the average wait "
    "for a first reply dropped from three days to four hours, which the head of support "
    "reported to the board as the best quarter that year."
)


def test_an_answer_with_no_action_at_all_is_said_to_have_none() -> None:
    read = analyse_answer(text=RESULT, question=OUTCOME)
    own = read.content.ownership
    assert own.i_actions == own.we_actions == 0
    rules = [tip.rule for tip in read.tips]
    analysis = read.as_dict()
    assert "Ownership: no action told as yours (no “I” action found)" in rules
    assert not [rule for rule in rules if "0 “we” actions against 0 “I”" in rule]
    # Its area says it in the same words.
    reading = personal_action(analysis)
    assert reading is not None
    assert reading[0].startswith("no action told as yours (no “I” action found)")
