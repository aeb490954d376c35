"""The owner's feedback page for a whole mock interview: asked for from the interview's
summary, the link shown once, withdrawn, and the reviews read beside the owner's own ratings
of its answers and prepcoach's reading of them, with the differences named.
Personas: alice (owner of the mock interview), bob (another user), anonymous."""

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.access import link_digest
from prepcoach.accounts.models import User
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.practice.models import Attempt, MockSession
from tests.feedback.conftest import MOCK_QUESTIONS, OTHER_SESSION_TEXT, make_link_at
from tests.relevance_samples import BACKLOG, BACKLOG_STORY, PLAN, PLAN_QUESTION

pytestmark = pytest.mark.usefixtures("sentence_model")


def ask_url(session: MockSession) -> str:
    return reverse("feedback:session_ask", args=[session.pk])


def page_url(session: MockSession) -> str:
    return reverse("feedback:session", args=[session.pk])


def test_the_summary_leads_to_feedback_on_the_whole_interview(
    alice_client: Client, mock_session: MockSession
) -> None:
    summary = alice_client.get(reverse("practice:mock_summary", args=[mock_session.pk])).text
    assert page_url(mock_session) in summary
    page = alice_client.get(page_url(mock_session)).text
    assert "Feedback on your mock interview of" in page
    assert "(Data analyst at Acme)" in page
    # Every answer in the order given, the follow-up under its question, each playable.
    first, second = (page.index(q) for q in MOCK_QUESTIONS)
    assert first < page.index("Follow-up: What was the outcome?") < second
    for attempt in mock_session.attempts.exclude(recording=""):
        assert reverse("practice:attempt_media", args=[attempt.pk]) in page
    assert OTHER_SESSION_TEXT not in page
    assert "No feedback yet." in page
    assert 'name="show_transcript"' in page  # answers have transcripts and measures


def test_the_summary_lists_each_answer_once_with_its_follow_up_under_it(
    alice_client: Client, mock_session: MockSession
) -> None:
    """A follow-up carries its question's id as well as the answer it follows (as the mock
    pages save it): it is listed once, under that answer, on the summary and the feedback
    pages alike."""
    summary = alice_client.get(reverse("practice:mock_summary", args=[mock_session.pk])).text
    assert summary.count("Follow-up: What was the outcome?") == 1
    assert summary.count("typed answer") == 1
    assert summary.count("<audio") == 2
    first, second = (summary.index(q) for q in MOCK_QUESTIONS)
    assert first < summary.index("Follow-up: What was the outcome?") < second
    page = alice_client.get(page_url(mock_session)).text
    assert page.count("Follow-up: What was the outcome?") == 1
    assert page.count('<li value="') == 3


def test_a_link_is_made_for_the_interview_and_shown_once(
    alice_client: Client, mock_session: MockSession
) -> None:
    token = make_link_at(alice_client, ask_url(mock_session))
    ask = FeedbackRequest.objects.get()
    assert (ask.session, ask.attempt, ask.story) == (mock_session, None, None)
    assert ask.token_digest == link_digest(token)
    again = alice_client.get(reverse("feedback:created", args=[ask.pk])).text
    assert token not in again
    assert "This link was shown once" in again
    assert page_url(mock_session) in again
    page = alice_client.get(page_url(mock_session)).text
    assert token not in page
    assert "Sam, my mentor" in page


def test_a_bad_request_says_what_to_fix_and_makes_no_link(
    alice_client: Client, mock_session: MockSession
) -> None:
    response = alice_client.post(ask_url(mock_session), {"reviewer_label": "", "days": 0})
    assert response.status_code == 400
    assert "Say who the link is for" in response.text
    assert "at least one day" in response.text
    assert not FeedbackRequest.objects.exists()


def test_reviews_sit_beside_her_ratings_and_prepcoachs_reading(
    alice_client: Client, mock_session: MockSession
) -> None:
    token = make_link_at(alice_client, ask_url(mock_session))
    url = reverse("feedback:review", args=[token])
    attempts = {a.question_text: a for a in mock_session.attempts.all()}
    first, second = (attempts[q] for q in MOCK_QUESTIONS)
    Client().post(url, {
        "reviewer_name": "Sam", "overall": "4", "score_situation": "2", "score_action": "0",
        "score_delivery": "1", "comments": "A calm interview.",
        f"answer_{first.pk}": "0:05 — slow start",
        f"answer_{second.pk}": "0:10 — this one rambles\nToo short.",
    })  # fmt: skip
    page = alice_client.get(page_url(mock_session)).text
    # She rated her answers 2 and 3 (3 of 5, half up); Sam gave the interview 4.
    assert "You gave it 3 of 5; your reviewer gave it 4:" in page
    assert "more harshly" in page
    # prepcoach read every answer it heard whole (the typed follow-up too) and combined them,
    # on the lines each is scored on: the story and its follow-up on the story's, and "Why do
    # you want this role?", which asks for neither a story nor a plan, on its point's.
    assert "over 2 answers" in page
    assert "Your reviewer heard less of your own part than prepcoach read" in page
    assert "Answers what was asked, plainly and early (answer 3)" in page
    unscored = ("point", "support", "fit", "clarity", "delivery")
    assert page.count("prepcoach does not score this") == len(unscored)
    assert "only a listener" not in page
    # Pins name their answer and play that answer's recording.
    assert f'data-seek="5.0" data-player="play-{first.pk}"' in page
    assert f'data-seek="10.0" data-player="play-{second.pk}"' in page
    assert f'id="play-{second.pk}"' in page
    assert "Answer 3</span>" in page
    assert "Answer 3</span> Too short." in page  # a line without a time, under its answer
    assert "A calm interview." in page


def test_withdrawing_the_link_closes_it_and_keeps_the_feedback(
    alice_client: Client, mock_session: MockSession
) -> None:
    token = make_link_at(alice_client, ask_url(mock_session))
    Client().post(reverse("feedback:review", args=[token]),
                  {"reviewer_name": "Sam", "overall": "3", "comments": "Kept after withdrawal"})  # fmt: skip
    ask = FeedbackRequest.objects.get()
    response = alice_client.post(reverse("feedback:withdraw", args=[ask.pk]))
    assert response.url == page_url(mock_session)
    assert Client().get(reverse("feedback:review", args=[token])).status_code == 404
    page = alice_client.get(page_url(mock_session)).text
    assert "withdrawn" in page
    assert "Kept after withdrawal" in page
    assert Review.objects.count() == 1


def test_nobody_else_sees_asks_or_withdraws(
    alice_client: Client, mock_session: MockSession, bob: User
) -> None:
    make_link_at(alice_client, ask_url(mock_session))
    ask = FeedbackRequest.objects.get()
    bobs = Client()
    bobs.force_login(bob)
    assert bobs.get(page_url(mock_session)).status_code == 404
    made = bobs.post(ask_url(mock_session), {"reviewer_label": "x", "relation": "friend",
                                             "days": 3})  # fmt: skip
    assert made.status_code == 404
    assert bobs.post(reverse("feedback:withdraw", args=[ask.pk])).status_code == 404
    ask.refresh_from_db()
    assert ask.revoked_at is None
    assert FeedbackRequest.objects.count() == 1
    assert Client().get(page_url(mock_session)).status_code == 302  # to the sign-in page


def test_a_mock_interview_prepcoach_heard_nothing_of_says_so_once(
    alice_client: Client, alice: User
) -> None:
    """Its answers were recorded but nothing was transcribed: the rubric says once that
    prepcoach heard nothing it could read, not "only a listener can judge this" on each line."""
    asked = ["Tell me about a time you led a team.", "Tell me about a time you failed."]
    session = MockSession.objects.create(user=alice, question_texts=asked,
                                         status=MockSession.Status.FINISHED)  # fmt: skip
    for question in asked:
        # Recorded (a typed answer has no delivery line: `feedback.rubric_for`).
        Attempt.objects.create(user=alice, session=session, question_text=question, rating=3,
                               recording=f"recordings/{alice.pk}/{question[-8:-1]}.webm",
                               analysis={"version": 3, "transcript": "", "withheld": True})  # fmt: skip
    token = make_link_at(alice_client, ask_url(session))
    Client().post(reverse("feedback:review", args=[token]), {
        "reviewer_name": "Sam", "overall": "3", "score_action": "1", "score_clarity": "2",
    })  # fmt: skip
    page = alice_client.get(page_url(session)).text
    assert page.count("prepcoach could not read this mock interview") == 1
    assert "only a listener" not in page
    assert "prepcoach does not score this" not in page
    assert page.count('aria-label="no reading">—</span>') == 7  # every rubric line


def test_an_empty_mock_interview_asks_for_no_score(alice_client: Client, alice: User) -> None:
    session = MockSession.objects.create(user=alice, question_texts=["Q1?"])
    token = make_link_at(alice_client, ask_url(session))
    page = Client().get(reverse("feedback:review", args=[token])).text
    assert "This mock interview has no answers yet, so there is nothing to listen to" in page
    assert "score what you saw" not in page
    assert "Send my feedback" not in page


def test_a_plan_question_of_the_mock_is_scored_on_the_plans_lines(
    alice_client: Client, alice: User
) -> None:
    """A page look found a whole mock interview reviewed on the story's rubric alone, its plan
    question on "Sets the scene" and "Says how it ended" (as the answer alone was before): Sam
    scores the plan's lines for it, and prepcoach reads the plan for its action alone."""
    from prepcoach.coach.answer import analyse_answer
    from prepcoach.practice.models import Question

    questions = [Question.objects.create(owner=alice, text=t) for t in (BACKLOG,
                                                                         PLAN_QUESTION)]  # fmt: skip
    session = MockSession.objects.create(
        user=alice, question_ids=[q.pk for q in questions],
        question_texts=[q.text for q in questions], status=MockSession.Status.FINISHED,
    )  # fmt: skip
    for question, text in zip(questions, (BACKLOG_STORY, PLAN), strict=True):
        Attempt.objects.create(
            user=alice, question=question, question_text=question.text, session=session,
            mode=Attempt.Mode.MOCK, text=text, status=Attempt.Status.ANALYSED,
            analysis=analyse_answer(text=text, question=question.text).as_dict(),
        )  # fmt: skip
    token = make_link_at(alice_client, ask_url(session))
    url = reverse("feedback:review", args=[token])
    form = Client().get(url).text
    assert "Steps: Gives concrete steps, in an order that makes sense (answer 2)" in form
    assert "Situation: Sets the scene: where, when, what was at stake (answer 1)" in form
    assert "Result: Says how it ended (answer 1)" in form
    assert "Action: Says what they did, or would do, themselves" in form
    Client().post(url, {"reviewer_name": "Sam", "overall": "4", "score_situation": "2",
                        "score_steps": "2", "score_check": "1", "comments": "Calm."})  # fmt: skip
    assert Review.objects.get().scores == {"situation": 2, "steps": 2, "check": 1}
    page = alice_client.get(page_url(session)).text
    rows = page.split("<tbody>")[1].split("</tbody>")[0]
    assert "Gives concrete steps, in an order that makes sense (answer 2)" in rows
    # prepcoach's situation is the story's alone: the plan has none to give.
    situation = rows.split("Situation")[1].split("</tr>")[0]
    assert "over 1 answer: 1 yes" in situation
    action = rows.split("Action")[1].split("</tr>")[0]
    assert "over 2 answers" in action
