"""Feedback, end to end in two browsers: alice makes a feedback link for her recorded answer;
a reviewer with no account opens it in another browser, plays the recording, scores it on the
rubric and pins a comment to a moment; alice sees it beside her own rating and the measures,
and plays her answer from the pinned moment. And a story: alice asks for feedback on a STAR
story, a reviewer with no account reads it and scores it (no delivery: a story is not heard),
and alice reads it beside prepcoach's reading of the story. A mock interview: the reviewer
pins a comment to the second answer's recording, and alice plays that answer from it."""

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import Browser, Page, expect

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, MockSession
from prepcoach.reflection.models import Story
from tests.e2e.conftest import log_in, watched_page
from tests.practice.conftest import tone_wav

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_without_an_account_scores_a_recorded_answer(
    page: Page,
    browser: Browser,
    live_server: object,
    alice: User,
    settings: object,
    tmp_path: object,
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    attempt = Attempt.objects.create(
        user=alice, question_text="Tell me about a time you fixed a process.",
        status=Attempt.Status.ANALYSED, media_type="audio/wav", rating=2,
        analysis={"version": 3, "duration_s": 20.0, "wpm": 150, "fillers": {"count": 2},
                  "transcript": "Our weekly reports were late. My task was to fix that. I built "
                  "a checklist and trained the team. Reports went out two days earlier."},
    )  # fmt: skip
    attempt.recording.save("answer.wav", ContentFile(tone_wav(20.0)))
    log_in(page, alice)

    # alice asks for feedback from her answer's page.
    page.goto(attempt.get_absolute_url())
    page.get_by_role("link", name="Ask for feedback and read it").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Feedback on")
    expect(page.get_by_text("No feedback yet.")).to_be_visible()
    page.get_by_label("Who it is for").fill("Sam, my mentor")
    page.get_by_role("button", name="Make the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A link for Sam, my mentor")
    link = page.get_by_label("Feedback link").input_value()
    assert "/r/" in link

    # Sam opens it in a browser of his own, with no account.
    with watched_page(browser, str(live_server)) as sam:
        sam.goto(link)
        expect(sam.get_by_role("heading", level=1)).to_have_text(
            "Your feedback on an interview answer"
        )
        expect(sam.get_by_text("Tell me about a time you fixed a process.")).to_be_visible()
        sam.wait_for_function("() => document.querySelector('audio').readyState >= 1")
        assert sam.evaluate("document.querySelector('audio').duration") == pytest.approx(
            20, abs=0.5
        )
        sam.evaluate("document.querySelector('audio').currentTime = 12.4")
        pin = sam.get_by_role("button", name="Pin a comment at 0:12")
        expect(pin).to_be_visible()
        sam.get_by_label("Your name").fill("Sam")
        sam.get_by_role("group", name="Overall, how did the answer go? (1–5)").get_by_label(
            "4"
        ).check()
        sam.get_by_role("group", name="Situation: Sets the scene").get_by_label("yes").check()
        sam.get_by_role("group", name="Action: Describes what they did").get_by_label(
            "partly"
        ).check()
        pin.click()
        sam.keyboard.type("this is where you lost me")
        expect(sam.get_by_label("Comments")).to_have_value("0:12 — this is where you lost me")
        sam.get_by_role("button", name="Send my feedback").click()
        expect(sam.get_by_role("heading", level=1)).to_have_text("Thank you")
        # Nothing else of alice's opens from his browser.
        response = sam.goto(attempt.get_absolute_url())
        assert response is not None
        expect(sam).to_have_url(
            f"{live_server}/account/login/?next=/improve/attempts/{attempt.pk}/"
        )

    # alice's answer says it has arrived, and from whom (it said only "1 link made for this
    # answer"); she reads it beside her own rating and prepcoach's measures.
    page.goto(attempt.get_absolute_url())
    expect(page.get_by_text("Feedback has arrived: 1 review.")).to_contain_text(
        "Sam scored it 4 of 5 overall."
    )
    page.get_by_role("link", name="Read the feedback").click()
    expect(page).to_have_url(f"{live_server}/improve/attempts/{attempt.pk}/feedback/")
    expect(page.get_by_text("You gave it 2 of 5; your reviewer gave it 4")).to_be_visible()
    review = page.get_by_role("article").filter(has_text="Sam")
    expect(review).to_contain_text("this is where you lost me")
    row = page.get_by_role("row", name="Action")
    expect(row).to_contain_text("1")
    page.get_by_role("button", name="Play from 0:12").click()
    page.wait_for_function("() => document.querySelector('audio').currentTime >= 12")


def test_a_reviewer_without_an_account_reviews_a_story(
    page: Page, browser: Browser, live_server: object, alice: User
) -> None:
    story = Story.objects.create(
        user=alice, title="Late weekly reports",
        situation="At Acme our weekly reports to the board were always two days late.",
        task="My task was to get them out on time.",
        action="I built a checklist, automated the data pull and trained the team on it.",
        result="Reports went out on Monday morning, two days earlier, for the next 40 weeks.",
    )  # fmt: skip
    log_in(page, alice)

    # alice asks for feedback from her story's page: a story has no transcript to offer.
    page.goto(story.get_absolute_url())
    page.get_by_role("link", name="Ask for feedback on this story").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Feedback on your story “Late weekly reports”"
    )
    expect(page.get_by_label("Let them read the transcript")).to_have_count(0)
    page.get_by_label("Who it is for").fill("Kim, my friend")
    page.get_by_label("Relation").select_option("friend")
    page.get_by_role("button", name="Make the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A link for Kim, my friend")
    link = page.get_by_label("Feedback link").input_value()

    # Kim opens it in a browser of her own, with no account, and reads the story.
    with watched_page(browser, str(live_server)) as kim:
        kim.goto(link)
        expect(kim.get_by_role("heading", level=1)).to_have_text(
            "Your feedback on an interview story"
        )
        expect(kim.get_by_text("I built a checklist, automated the data pull")).to_be_visible()
        expect(kim.locator("audio")).to_have_count(0)
        expect(kim.get_by_role("group", name="Delivery: Pace, pauses and fillers help rather "
                               "than get in the way")).to_have_count(0)  # fmt: skip
        kim.get_by_label("Your name").fill("Kim")
        kim.get_by_role("group", name="Overall, how well does the story work? (1–5)").get_by_label(
            "4"
        ).check()
        kim.get_by_role("group", name="Result: Says how it ended").get_by_label("partly").check()
        kim.get_by_role("group", name="Clarity: Easy to follow: one story, in order, without "
                        "losing the reader").get_by_label("yes").check()  # fmt: skip
        kim.get_by_label("General comments").fill("Say what the board did with the reports.")
        kim.get_by_role("button", name="Send my feedback").click()
        expect(kim.get_by_role("heading", level=1)).to_have_text("Thank you")
        kim.goto(story.get_absolute_url())  # nothing else of alice's opens from her browser
        expect(kim).to_have_url(f"{live_server}/account/login/?next=/grow/stories/{story.pk}/")

    # alice reads it beside prepcoach's reading of the story.
    page.goto(f"/grow/stories/{story.pk}/feedback/")
    expect(page.get_by_text("Your reviewer gave it 4 of 5.")).to_be_visible()
    expect(page.get_by_role("article").filter(has_text="Kim")).to_contain_text(
        "Say what the board did with the reports."
    )
    row = page.get_by_role("row", name="Result Says how it ended")
    expect(row).to_contain_text("Your reviewer found less of a result in it than prepcoach did")
    expect(page.get_by_role("row", name="Delivery")).to_have_count(0)


def test_a_reviewer_pins_comments_to_answers_of_a_mock_interview(
    page: Page, browser: Browser, live_server: object, alice: User, settings: object,
    tmp_path: object,
) -> None:  # fmt: skip
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    session = MockSession.objects.create(
        user=alice, question_ids=[0, 0], status=MockSession.Status.FINISHED,
        question_texts=["Tell me about a conflict.", "Why this role?"],
    )  # fmt: skip
    for question, seconds in (("Tell me about a conflict.", 10.0), ("Why this role?", 12.0)):
        answer = Attempt.objects.create(
            user=alice, session=session, question_text=question, mode=Attempt.Mode.MOCK,
            status=Attempt.Status.ANALYSED, media_type="audio/wav", rating=3,
            analysis={"version": 3, "duration_s": seconds, "transcript": "I listened first."},
        )  # fmt: skip
        answer.recording.save("answer.wav", ContentFile(tone_wav(seconds)))
    log_in(page, alice)
    page.goto(f"/improve/mock/{session.pk}/")
    page.get_by_role("link", name="Ask for feedback on this mock interview").click()
    page.get_by_label("Who it is for").fill("Sam")
    page.get_by_role("button", name="Make the link").click()
    link = page.get_by_label("Feedback link").input_value()

    with watched_page(browser, str(live_server)) as sam:
        sam.goto(link)
        expect(sam.get_by_role("heading", level=1)).to_have_text(
            "Your feedback on a mock interview"
        )
        second = sam.get_by_role("region", name="Answer 2")
        expect(second).to_contain_text("Why this role?")
        sam.wait_for_function("() => document.querySelectorAll('audio')[1].readyState >= 1")
        sam.evaluate("document.querySelectorAll('audio')[1].currentTime = 7.2")
        second.get_by_role("button", name="Pin a comment at 0:07").click()
        sam.keyboard.type("the reason comes too late")
        expect(sam.get_by_label("Comments on answer 2")).to_have_value(
            "0:07 — the reason comes too late"
        )
        expect(sam.get_by_label("Comments on answer 1")).to_have_value("")
        sam.get_by_label("Your name").fill("Sam")
        sam.get_by_role("group", name="Overall, how did the mock interview go? (1–5)").get_by_label(
            "3"
        ).check()
        sam.get_by_role("button", name="Send my feedback").click()
        expect(sam.get_by_role("heading", level=1)).to_have_text("Thank you")

    page.goto(f"/improve/mock/{session.pk}/feedback/")
    expect(page.get_by_text("You gave it 3 of 5; your reviewer gave it 3")).to_be_visible()
    page.get_by_role("button", name="Play answer 2 from 0:07").click()
    page.wait_for_function("() => document.querySelectorAll('audio')[1].currentTime >= 7")
    assert page.evaluate("document.querySelectorAll('audio')[0].currentTime") == 0


def test_the_ask_form_lines_up_like_the_other_forms(
    page: Page, live_server: object, alice: User, settings: object, tmp_path: object
) -> None:
    """Fields one under the other, each checkbox at the start of its line before its label
    (not centred under it), and the button under the last field, not beside it in a grid."""
    # Recorded: a typed answer is read, with no transcript or measures to offer (its ask form
    # has neither checkbox).
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    attempt = Attempt.objects.create(user=alice, question_text="Why this role?",
                                     media_type="audio/wav")  # fmt: skip
    attempt.recording.save("answer.wav", ContentFile(tone_wav(1.0)))
    log_in(page, alice)
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(f"/improve/attempts/{attempt.pk}/feedback/")
    who = page.get_by_label("Who it is for").bounding_box()
    days = page.get_by_label("The link works for (days)").bounding_box()
    button = page.get_by_role("button", name="Make the link").bounding_box()
    assert who is not None
    assert days is not None
    assert button is not None
    for name in ("Let them read the transcript", "Let them see prepcoach's measures"):
        box = page.get_by_label(name).bounding_box()
        words = page.get_by_text(name, exact=True).bounding_box()
        assert box is not None
        assert words is not None
        assert abs(box["x"] - who["x"]) <= 2, name  # at the start of the line
        assert box["x"] + box["width"] < words["x"] + words["width"], name  # before its words
        assert abs(box["y"] + box["height"] / 2 - (words["y"] + words["height"] / 2)) <= 6, name
    assert abs(button["x"] - who["x"]) <= 2
    assert button["y"] >= days["y"] + days["height"]  # under the last field
