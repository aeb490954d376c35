"""The dashboard's template filters over `coach.shorten`."""

from prepcoach.coach.shorten import shorten
from prepcoach.dashboard.templatetags.dashboard_text import is_shortened
from prepcoach.dashboard.templatetags.dashboard_text import shorten as shorten_filter
from tests.coach.test_shorten import GOAL


def test_the_template_filters() -> None:
    assert shorten_filter(GOAL, "60") == shorten(GOAL, 60)
    assert shorten_filter(None, 60) == ""
    assert is_shortened(GOAL, 60)
    assert not is_shortened("Write  3 STAR stories", 60)
