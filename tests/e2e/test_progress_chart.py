"""The progress page's charts in Chromium, at a phone's width and a laptop's: a look at 390 px
found a plan's line (always at its top, 1 of 1) with its values written above the chart's edge,
a sliver of each "1" showing, and every label about 20 px tall there (the phone sizes of the
goal chart, whose drawing is wider, made the trend chart's 21 units nearly its own size). Said
in percent, its axis's "100 %" was cut to ".00 %" at its left edge."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PARTS = ("situation", "task", "action", "result")


def _answer(user: User, days_ago: int, found: tuple[str, ...], plan: bool) -> None:
    """An analysed typed answer with the STAR parts `found`; `plan`: its question asks what
    the user would do (the kind its analysis keeps)."""
    analysis = {
        "star": {p: {"present": p in found, "evidence": []} for p in PARTS},
        "relevance": {"kind": "would_do"} if plan else {},
    }
    # A story's question asks for one: an answer to one asking for neither a story nor a plan
    # is on no parts line (`relevance.asked_for`).
    asked = "What would you do first?" if plan else "Tell me about a time you fixed a backlog."
    attempt = Attempt.objects.create(
        user=user, question_text=asked, text="An answer.", status="analysed", analysis=analysis
    )
    Attempt.objects.filter(pk=attempt.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days_ago)
    )


MEASURE = """() => [...document.querySelectorAll('figure.trend')].map(figure => {
  const svg = figure.querySelector('svg').getBoundingClientRect();
  return {
    caption: figure.querySelector('figcaption').getBoundingClientRect().bottom,
    top: svg.top, bottom: svg.bottom, left: svg.left, right: svg.right,
    labels: [...figure.querySelectorAll('svg text')].map(t => {
      const r = t.getBoundingClientRect();
      return {text: t.textContent, top: r.top, bottom: r.bottom, height: r.height,
              left: r.left, right: r.right};
    }),
  };
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_every_value_is_written_inside_its_chart_at_a_readable_size(
    page: Page, alice: User, width: int
) -> None:
    for days_ago in (14, 7, 0):  # three weeks of a plan at its top, stories beside them
        _answer(alice, days_ago, ("action",), plan=True)
        _answer(alice, days_ago, PARTS, plan=False)
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, alice)
    page.goto("/improve/progress/")
    charts = page.evaluate(MEASURE)
    assert len(charts) == 2, charts  # the stories' parts and the plan's action
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for chart in charts:
        assert chart["top"] >= chart["caption"], chart  # the drawing starts under its caption
        # The stories' top, 4 of 4 parts, or the plans' share, 100 % (it read a bare "1").
        top = ("4", "100 %")
        values = [label for label in chart["labels"] if label["text"] in top]
        assert len(values) >= 3, chart["labels"]  # the axis's top and two values by their dots
        for label in chart["labels"]:
            # Inside the drawing (a label past its top edge was cut to a sliver), and read at
            # about the page's small text: neither 6 px nor 20.
            assert label["top"] >= chart["top"] - 0.5, (label, chart["top"])
            assert label["bottom"] <= chart["bottom"] + 0.5, (label, chart["bottom"])
            # Nor past its sides: the plans' axis read ".00 %" at 390 px.
            assert label["left"] >= chart["left"] - 0.5, (label, chart["left"])
            assert label["right"] <= chart["right"] + 0.5, (label, chart["right"])
            assert 11 <= label["height"] <= 19, label
