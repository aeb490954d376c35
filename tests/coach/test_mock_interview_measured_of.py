"""The mock's figures take their 1-5 figure through the one rule every face uses
(`follow_up_answer.measured_of`), not a check of their own that could drift from it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from prepcoach.coach import mock_figures
from prepcoach.coach.follow_up_answer import FollowUpAnswer, measured_of
from prepcoach.coach.mock_interview import figures_of
from tests.coach.test_follow_up_measured import HARDEST, IN_NUMBERS, NUMBERS, WHOLE


def test_figures_of_asks_measured_of(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str | None, FollowUpAnswer | None]] = []

    def spy(
        analysis: Mapping[str, Any], asks: Any = None, follow: FollowUpAnswer | None = None
    ) -> int | None:
        asked.append((asks, follow))
        return measured_of(analysis, asks, follow)

    # `figures_of` lives in `mock_figures` (re-exported by `mock_interview`) and reads
    # `measured_of` there: patching `mock_interview` would leave the spy unasked.
    monkeypatch.setattr(mock_figures, "measured_of", spy)
    numbers = figures_of(NUMBERS, "story", IN_NUMBERS, WHOLE)
    hardest = figures_of(NUMBERS, "story", HARDEST, WHOLE)
    first = figures_of(NUMBERS, "story")
    assert numbers is not None
    assert hardest is not None
    assert first is not None
    assert [(asks, f.rule if f else None) for asks, f in asked] == [
        ("story", "result without a number"),
        ("story", "fixed list"),
        ("story", None),
    ]
    assert numbers.measured is None
    assert hardest.measured is None  # a reflection on the story: no story's figure
    assert first.measured == measured_of(NUMBERS, "story")
