"""`prepcoach analyze` quotes a job's term whose words the answer says only as not done by the
speaker (`term_not_done`), as the report's key-terms card does."""

import pytest

from prepcoach.cli.analyze import _key_terms_line
from prepcoach.coach.answer import analyse_answer

pytestmark = pytest.mark.usefixtures("sentence_model")

ANSWER = (
    "I run the monthly payroll for 400 staff in Sage. RTI submissions to HMRC are done by my "
    "supervisor. I'm doing my CIPP diploma at the moment. I haven't used SAP."
)
TERMS = ["Sage", "HMRC RTI submissions", "CIPP diploma", "SAP"]


def test_the_command_line_summary_says_why_a_said_term_is_not_used() -> None:
    data = analyse_answer(text=ANSWER, question="", job_terms=TERMS).as_dict()
    line = _key_terms_line("An advert asking for Sage, HMRC RTI submissions, CIPP and SAP.", data)
    assert line.startswith("Key terms: used Sage; not used HMRC RTI submissions, CIPP diploma, SAP")
    assert (
        "HMRC RTI submissions said as someone else's work: “RTI submissions to HMRC” in “RTI"
        in line
    )
    assert "CIPP diploma said as still to come: “CIPP diploma” in “I'm doing my" in line
    assert "SAP said as not done: “SAP” in “I haven't used SAP.”" in line


def test_an_odd_stored_find_is_left_out() -> None:
    data = analyse_answer(text=ANSWER, question="", job_terms=TERMS).as_dict()
    data["keywords"]["not_done"] = [5, {"term": None}, {"term": "Sage", "sentence": "x"}]
    line = _key_terms_line("An advert.", data)
    assert "said as" not in line


def test_each_term_is_quoted_once_with_a_known_reason() -> None:
    data = analyse_answer(text=ANSWER, question="", job_terms=TERMS).as_dict()
    found = data["keywords"]["not_done"]
    data["keywords"]["not_done"] = [*found, *found, {**found[0], "why": "maybe"}]
    line = _key_terms_line("An advert.", data)
    assert line.count("SAP said as") == 1
    assert "maybe" not in line
