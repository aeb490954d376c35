"""`prepcoach analyze` names the job's terms prepcoach can't tell were said (`Covered.unsure`)."""

import pytest

from prepcoach.cli.analyze import _key_terms_line
from prepcoach.coach.answer import analyse_answer
from tests.coach.test_term_unsure import ANSWER, TERMS

pytestmark = pytest.mark.usefixtures("sentence_model")


def test_the_command_line_summary_says_it_cannot_tell() -> None:
    data = analyse_answer(text=ANSWER, question="", job_terms=TERMS).as_dict()
    line = _key_terms_line("An advert asking for Datix, stock control and controlled drugs.", data)
    assert line.startswith("Key terms: used Datix; not used stock control; can't tell, perhaps")
    assert "controlled drugs (nearest: “A patient came in upset" in line
