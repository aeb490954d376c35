"""The improvement areas page ("What to work on") in Chromium, at a phone's width and a
laptop's: a look at 390 px found the area cards touching each other, indented 40 px past the
page's text (and their evidence 40 px more), and "The evidence" 2 px above the first link it
opens."""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import Page

from prepcoach.accounts.models import User
from prepcoach.practice.models import Question
from tests.e2e.conftest import log_in
from tests.practice.test_areas import STRENGTHS, WEAKNESS, answered

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# What a finger can hit: WCAG 2.2's target size (minimum), 24 by 24 CSS pixels.
TARGET = 24
# The page's own gap between cards (app.css --gap, 1rem), less a pixel of rounding.
CARD_GAP = 15

MEASURE = """() => {
  const box = el => { const r = el.getBoundingClientRect();
                      return {x: r.x, top: r.top + scrollY, bottom: r.bottom + scrollY,
                              height: r.height, text: el.textContent.trim().slice(0, 40)}; };
  return {
    intro: box(document.querySelector('main > p')),
    cards: [...document.querySelectorAll('.areas > li')].map(card => ({
      ...box(card),
      rank: getComputedStyle(card.querySelector('h2'), '::before').content,
      targets: [...card.querySelectorAll('summary, .button, details li > a')].map(box),
    })),
    scroll: document.documentElement.scrollWidth,
  };
}"""


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize("width", [390, 1280])
def test_the_area_cards_stand_apart_and_their_targets_too(
    page: Page, alice: User, width: int
) -> None:
    story = Question.objects.create(owner=alice, text="Tell me about a time you cleared a backlog.")
    weakness = Question.objects.create(owner=alice, text=WEAKNESS)
    for _ in range(2):
        answered(alice, story)
        answered(alice, weakness, STRENGTHS)
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, alice)
    page.goto("/improve/areas/")
    for details in page.locator(".areas details").all():
        details.evaluate("e => { e.open = true; }")
    found = page.evaluate(MEASURE)
    assert found["scroll"] <= width
    cards = found["cards"]
    assert len(cards) == 2, [c["text"] for c in cards]
    for card in cards:
        # Each card starts where the page's text does, and keeps its rank in words.
        assert abs(card["x"] - found["intro"]["x"]) <= 1, (card["x"], found["intro"]["x"])
        assert card["rank"] not in ("none", "normal", ""), card["rank"]
        targets = card["targets"]
        assert len(targets) >= 4, targets  # its disclosures, evidence links and button
        for target in targets:
            assert target["height"] >= TARGET, target
        ordered = sorted(targets, key=lambda t: t["top"])
        for above, below in itertools.pairwise(ordered):
            assert below["top"] - above["bottom"] >= 4, (above, below)
    assert cards[1]["top"] - cards[0]["bottom"] >= CARD_GAP, cards
