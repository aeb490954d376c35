"""The report's pace chart in Chromium, at a phone's width and a laptop's: a trial's chart had
no wpm labels on its pace axis, began at "0:01" and ended at 0:45 for a 69 s answer. Its
labels are drawn, none overlaps another, and the time axis runs 0:00 to the answer's length."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question
from tests.e2e.conftest import log_in
from tests.practice.test_report_pace_chart import analysed

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LABELS = """() => [...document.querySelectorAll('.pace-chart text.axis')].map(t => {
  const b = t.getBoundingClientRect();
  return {text: t.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom,
          height: b.height};
})"""


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (
        a["right"] <= b["left"] or b["right"] <= a["left"]
        or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
    )  # fmt: skip


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("width", [390, 1280])
def test_the_pace_chart_is_labelled_in_wpm_and_runs_to_the_answers_length(
    page: Page, alice: User, width: int, tmp_path: Path
) -> None:
    question = Question.objects.create(owner=alice, text="Tell me about a time you fixed a report.")
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text,
        status=Attempt.Status.ANALYSED, analysis=analysed(last_word_by=65.0, recording_s=69.4),
    )  # fmt: skip
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, alice)
    page.goto(f"/improve/attempts/{attempt.pk}/")
    chart = page.locator(".pace-chart")
    chart.scroll_into_view_if_needed()
    chart.screenshot(path=str(tmp_path / f"pace-chart-{width}.png"))
    labels = page.evaluate(LABELS)
    texts = [label["text"] for label in labels]
    assert texts[:6] == ["0", "50", "100", "150", "200", "250"]
    assert "wpm" in texts
    assert texts[-5:] == ["0:00", "0:15", "0:30", "0:45", "1:05"]
    for n, label in enumerate(labels):
        assert label["height"] >= 8, label  # readable, not shrunk away
        for other in labels[n + 1 :]:
            assert not _overlap(label, other), (label, other)
    box = chart.locator("svg").bounding_box()
    assert box is not None
    for label in labels:  # inside the drawing, nothing cut off at its edges
        assert box["x"] - 0.5 <= label["left"], label
        assert label["right"] <= box["x"] + box["width"] + 0.5, label
