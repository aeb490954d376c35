"""The caps of `coach.limits` on the story and retrospective forms: a part over its limit is
refused with the field and the limit named, what was typed stays in the form, nothing is saved."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.limits import MAX_REFLECTION_CHARS, MAX_STORY_PART_CHARS
from prepcoach.reflection.models import Reflection, Retrospective, Story
from tests.reflection.test_stories import story_data

SENTENCE = "I reworked the pipeline and checked every report myself. "


def over(limit: int) -> str:
    return (SENTENCE * (limit // len(SENTENCE) + 2))[: limit + 1]


@pytest.mark.parametrize("part", ["situation", "task", "action", "result"])
def test_a_story_part_over_its_limit_is_refused(alice_client: Client, part: str) -> None:
    response = alice_client.post(
        reverse("reflection:story_new"), story_data(**{part: over(MAX_STORY_PART_CHARS)})
    )
    assert response.status_code in {200, 422}
    assert (f"The {part} is {MAX_STORY_PART_CHARS + 1:,} characters, over the limit of "
            f"{MAX_STORY_PART_CHARS:,}") in response.text  # fmt: skip
    assert SENTENCE.strip() in response.text
    assert not Story.objects.exists()
    summary = response.text.split('id="not-saved"')[1].split("</div>")[0]
    assert "The story was not saved. What you typed is still in its box." in summary
    assert f'<a href="#id_{part}">' in summary


def test_the_story_form_never_cuts_a_paste_short(alice_client: Client) -> None:
    """A box's `maxlength` cuts a long paste short without a word; the form refuses it with
    its count instead (as the answer box and the interview forms do)."""
    page = alice_client.get(reverse("reflection:story_new")).text
    boxes = re.findall(r"<textarea[^>]*>", page)
    assert len(boxes) >= 4  # situation, task, action, result
    assert not [box for box in boxes if "maxlength" in box]


def test_a_retrospective_answer_over_its_limit_is_refused(alice_client: Client) -> None:
    data = {"role": "Product manager", "energised": over(MAX_REFLECTION_CHARS), "stumbled": "",
            "best_team": ""}  # fmt: skip
    response = alice_client.post(reverse("reflection:retros"), data)
    assert f"over the limit of {MAX_REFLECTION_CHARS:,}" in response.text
    assert not Retrospective.objects.exists()
    # Said where the page lands: the form sits under the list of retrospectives, and a 390-px
    # page came back with the error 1,257 px down.
    summary = response.text.split('id="not-saved"')[1].split("</div>")[0]
    assert "autofocus" in summary
    assert "The retrospective was not saved. What you typed is still in its box." in summary


def test_a_reflection_over_its_limit_is_refused(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        reverse("reflection:compass"),
        {"prompt": "five-years", "answer": over(MAX_REFLECTION_CHARS)},
    )
    assert f"over the limit of {MAX_REFLECTION_CHARS:,}" in response.text
    assert not Reflection.objects.filter(user=alice).exists()


def test_the_retrospective_and_compass_boxes_never_cut_a_paste_short(
    alice_client: Client,
) -> None:
    """Issue 9's 10,000 words pasted into a retrospective were cut to 10,000 characters by the
    boxes' `maxlength`, mid-word, and saved without a word."""
    for page in (
        alice_client.get(reverse("reflection:retros")).text,
        alice_client.get(reverse("reflection:compass")).text,
    ):
        boxes = re.findall(r"<textarea[^>]*>", page)
        assert boxes
        assert not [box for box in boxes if "maxlength" in box]
