"""A page heading's note ("What to work on from 14 answers, 2 reviews and 0 debriefs", "Your
progress 14 analysed answers") in Chromium: on a 390 px phone it wrapped inline, its second
line a heading's line height (40 px) below the first; it goes under the heading as one block
there, and stays beside the heading where it fits."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from prepcoach.accounts.models import User
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MEASURE = """() => {
  const note = document.querySelector('h1 .meta');
  const lines = [...note.getClientRects()];
  return {lines: lines.length, height: note.getBoundingClientRect().height,
          size: parseFloat(getComputedStyle(note).fontSize),
          top: note.getBoundingClientRect().top,
          heading: document.querySelector('h1').getBoundingClientRect().top};
}"""


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("url", ["/improve/areas/", "/improve/progress/"])
def test_a_headings_note_reads_as_one_block(page: Page, alice: User, width: int, url: str) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, alice)
    page.goto(url)
    found = page.evaluate(MEASURE)
    assert found["lines"] == 1, found  # one box: its lines close together
    assert found["height"] <= 2 * 1.5 * found["size"], found
    if width == 1280:  # beside the heading, on its first line
        assert found["top"] - found["heading"] < 20, found
