"""`answer.unmeasured_for`: the STAR parts the reader can't tell about for which
`measured_rating` gives no figure, so the report says that rather than "nothing measured"; and
nothing for an answer measured, not heard, or asking for neither a story nor a plan."""

from __future__ import annotations

from typing import Any

import pytest

from prepcoach.coach.answer import analyse_answer, measured_rating, unmeasured_for
from tests.coach.test_reader_band import NO_END, QUESTION, VAGUE, VAGUE_END


@pytest.mark.usefixtures("sentence_model")
def test_the_part_it_cannot_tell_about_is_why_there_is_no_figure() -> None:
    vague: dict[str, Any] = analyse_answer(text=VAGUE, question=QUESTION).as_dict()
    assert measured_rating(vague) is None  # the premise: 3 read missing, 4 read found
    assert unmeasured_for(vague) == ("result",)
    # Measured as a plan, by its action alone: the result does not move the figure.
    assert measured_rating(vague, "plan") is not None
    assert unmeasured_for(vague, "plan") == ()
    # A figure given, or none for another reason: no part to name.
    assert unmeasured_for(analyse_answer(text=NO_END, question=QUESTION).as_dict()) == ()
    assert unmeasured_for(vague, "neither") == ()
    lost = vague | {"star": vague["star"] | {"task": {"present": None, "evidence": []}}}
    assert measured_rating(lost) is None
    assert unmeasured_for(lost) == ()  # not heard: the report says so, not "can't tell"
    assert unmeasured_for({"transcript": "old"}) == ()
    # Two parts it can't tell about, in STAR order.
    both = vague | {"star": vague["star"] | {
        "situation": {"present": None, "evidence": [], "unsure": VAGUE_END}}}  # fmt: skip
    assert measured_rating(both) is None
    assert unmeasured_for(both) == ("situation", "result")
