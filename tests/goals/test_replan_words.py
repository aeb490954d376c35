"""A plan that moved says so in words (issue 12, class 1): "“Compare offers” now finishes
Fri 4 Dec instead of Thu 3 Dec", not "'Compare…' Thu 3 Dec → Fri 4 Dec"."""

import datetime as dt

from django.template.loader import render_to_string

from prepcoach.coach.planning import Move
from prepcoach.goals.views import _when


def test_the_replan_box_says_what_moved_in_words() -> None:
    moves = [("Compare offers", "Thu 3 Dec", "Fri 4 Dec", True), ("Read", "Fri 4 Dec", "Wed 2 Dec", False)]  # fmt: skip
    html = render_to_string(
        "goals/partials/replan.html", {"replan": {"since": dt.date(2026, 11, 30), "moves": moves}}
    )
    assert "“Compare offers” now finishes <strong>Fri 4 Dec</strong> instead of Thu 3 Dec" in html
    assert "“Read” now finishes <strong>Wed 2 Dec</strong> instead of Fri 4 Dec (earlier)" in html
    assert "→" not in html


def test_a_step_pushed_past_the_plan_is_said_plainly() -> None:
    assert _when(None) == "after the weeks your plan covers"
    assert _when(dt.date(2026, 12, 4)) == "Fri 4 Dec"
    assert Move("s", dt.date(2026, 12, 3), None).later
