import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.followups import POINT_FIXED
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt, MockSession, Question
from tests.coach.test_questions_asking_for_neither import MOTIVATES, MOTIVATION
from tests.practice.mock_sessions import (
    answered,
    finished_summary,
    new_mock,
    post_follow_up,
    read,
    short_report,
    summary_rows,
)
from tests.relevance_samples import AMBITION, FIVE_YEARS, PLAN, PLAN_QUESTION

WEAK = "We had a project and we worked on it together. It was kind of messy but fine."
TEAM_PROJECT = "Tell me about a time you had to deliver a project with a team."


def test_a_mock_picks_questions_for_the_target(alice_client: Client, alice: User) -> None:
    session = new_mock(alice_client)
    questions = Question.objects.filter(pk__in=session.question_ids)
    assert len(session.question_ids) == 3
    assert {q.field for q in questions} <= {"data", "general"}
    page = alice_client.get(reverse("practice:mock_question", args=[session.pk, 1])).text
    assert "question 1 of 3" in page
    assert 'data-speak="1"' in page
    assert 'data-guide-seconds="90"' in page


def test_an_answer_that_lacks_a_result_gets_that_follow_up(
    alice_client: Client, alice: User
) -> None:
    # A story question: a mock opens with a motivation question (`pick_questions` warms up),
    # which asks for no story, so no result (`test_a_point_is_followed_up_about_its_point`).
    session, here, main = answered(alice_client, alice, TEAM_PROJECT, WEAK)
    first = Question.objects.get(pk=session.question_ids[0])
    page = alice_client.get(here).text
    assert "What was the outcome?" in page
    assert "Why this question: your answer did not say how it ended." in page
    assert "Asked because" not in page
    said = "In the end we shipped it two weeks late."
    follow = post_follow_up(alice_client, main, "What was the outcome?", said)
    assert follow.question_text == "What was the outcome?"
    assert follow.question_id == first.pk  # filed under the question it follows up
    summary = alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    assert summary.count("Follow-up: What was the outcome?") == 1
    assert summary.count("typed answer") == 2
    assert 'id="follow-title"' not in alice_client.get(here).text  # answered: not asked again


def test_answer_saved_is_said_right_after_saving_and_not_on_a_later_visit(
    alice_client: Client, alice: User
) -> None:
    session = new_mock(alice_client)
    here = reverse("practice:mock_question", args=[session.pk, 1])
    response = alice_client.post(
        reverse("practice:typed_create", args=[session.question_ids[0]]),
        {"text": WEAK, "mode": "mock", "session": session.pk, "next": here},
        follow=True,
    )
    assert response.text.count("Answer saved.") == 1
    assert "Answer saved." not in alice_client.get(here).text


def test_bad_settings_are_explained(alice_client: Client) -> None:
    response = alice_client.post(
        reverse("practice:mock_new"),
        {
            "count": "50",
            "seconds_per_answer": "5",
            "mix": "balanced",
            "field": "data",
            "seniority": "any",
        },
    )
    assert "less than or equal to 12" in response.text
    assert "greater than or equal to 30" in response.text
    assert not MockSession.objects.exists()


def test_bob_cannot_open_alices_mock(client: Client, alice_client: Client, bob: User) -> None:
    session = new_mock(alice_client)
    other = Client()
    other.force_login(bob)
    assert other.get(reverse("practice:mock_question", args=[session.pk, 1])).status_code == 404
    assert other.get(reverse("practice:mock_summary", args=[session.pk])).status_code == 404


def test_a_mock_with_nothing_to_ask_is_refused(alice_client: Client, alice: User) -> None:
    Question.objects.all().delete()
    response = alice_client.post(
        reverse("practice:mock_new"),
        {
            "count": "3",
            "mix": "balanced",
            "field": "data",
            "seniority": "any",
            "seconds_per_answer": "90",
        },
    )
    assert "No questions match these settings" in response.text
    assert not MockSession.objects.exists()


def test_a_question_deleted_mid_mock_does_not_lose_the_answers(
    alice_client: Client, alice: User, alices_question: Question
) -> None:
    session = MockSession.objects.create(
        user=alice, question_ids=[alices_question.pk], question_texts=[alices_question.text]
    )
    alice_client.post(
        reverse("practice:typed_create", args=[alices_question.pk]),
        {"text": "Because I care about patients.", "mode": "mock", "session": session.pk},
    )
    alices_question.delete()
    page = alice_client.get(reverse("practice:mock_question", args=[session.pk, 1])).text
    assert "was deleted from your bank" in page
    summary = alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    assert alices_question.text in summary
    assert "typed answer" in summary


UNQUANTIFIED = (
    "Last spring our support queue doubled after a product launch. I rewrote the triage rules "
    "and trained two new starters. In the end the queue got much shorter and customers were "
    "happier."
)


PROCESS = "Tell me about a time you improved a process."
WEAKNESS = "What is your greatest weakness?"
STRENGTHS = (
    "I'd say I'm incredibly detail-oriented. I'm the person in the team who always spots the "
    "transposed numbers in the reconciliations, and my manager trusts me with the VAT returns "
    "because I just don't make mistakes. I'm also really good at building relationships with "
    "the budget holders, and they come to me with questions now. So I think accuracy and "
    "relationships are my strongest points."
)


def test_a_mock_for_a_job_takes_field_level_company_and_role_from_it(
    alice_client: Client, alice: User
) -> None:
    job = Opportunity.objects.create(user=alice, company="Northwind", role="Senior data analyst")
    page = alice_client.get(reverse("practice:mock_new") + f"?opportunity={job.pk}").text
    assert "Set from the job: Senior data analyst at Northwind" in page
    assert 'value="Northwind"' in page
    assert '<option value="data" selected>' in page
    assert '<option value="senior" selected>' in page
    # Without a job: Alice's profile says "Data analyst", which names no level.
    page = alice_client.get(reverse("practice:mock_new")).text
    assert "Set from your profile's target role, Data analyst." in page
    assert '<option value="data" selected>' in page
    assert '<option value="any" selected>' in page


def test_bobs_job_is_not_used_for_alices_mock(alice_client: Client, bob: User) -> None:
    job = Opportunity.objects.create(user=bob, company="Globex", role="Head of sales")
    page = alice_client.get(reverse("practice:mock_new") + f"?opportunity={job.pk}").text
    assert "Globex" not in page
    assert '<option value="lead" selected>' not in page


@pytest.mark.usefixtures("sentence_model")
def test_each_answer_shows_its_short_report_inside_the_mock(
    alice_client: Client, alice: User, bob: User
) -> None:
    _, here, attempt = answered(alice_client, alice, PROCESS, UNQUANTIFIED)
    partial = reverse("practice:mock_answer", args=[attempt.pk])
    # While the worker has it: the page polls its short report.
    Attempt.objects.filter(pk=attempt.pk).update(status=Attempt.Status.QUEUED, analysis=None)
    waiting = alice_client.get(here).text
    assert "Reading your answer" in waiting
    assert f'hx-get="{partial}?seen=' in waiting  # watched until it is read
    read(attempt)
    shown = html.unescape(alice_client.get(partial).text)
    assert "hx-get" not in shown
    assert "no number in the result" in shown
    assert "Next time:</strong> Put a number on the result" in shown
    assert reverse("practice:attempt", args=[attempt.pk]) in shown  # the full report
    assert "Next time:</strong> Put a number" in html.unescape(alice_client.get(here).text)
    other = Client()
    other.force_login(bob)
    assert other.get(partial).status_code == 404


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_another_question_is_named_in_the_mock_and_leads_what_next(
    alice_client: Client, alice: User
) -> None:
    session, here, attempt = answered(alice_client, alice, WEAKNESS, STRENGTHS)
    attempt = read(attempt)
    relevance = (attempt.analysis or {})["relevance"]
    assert relevance["addresses"] is False
    shown = short_report(alice_client, attempt)
    assert (
        f"Answers the question: no. The answer talks about this instead: “{relevance['gist']}”"
        in shown
    )
    assert "Next time:</strong> Answer the question that was asked." in shown
    assert "Nothing stands out" not in shown
    # No follow-up that takes the answer as given: the question again, in other words.
    page = html.unescape(alice_client.get(here).text)
    assert "What was the outcome?" not in page
    again = "Let me put that another way: could you tell me about a weakness or an area to improve?"
    assert again in page
    assert "prepcoach's check finds your answer did not address the question" in page
    summary = finished_summary(alice_client, session)
    steps = summary.split('<ol class="next-steps">')[1].split("</ol>")[0]
    assert steps.startswith(
        "<li>Answer the question that was asked: prepcoach's check finds your answer to "
        f"“{WEAKNESS}” does not address it.</li>"
    )
    assert "Answers the question: no." in summary


def test_a_mock_answers_page_names_the_mock_once_linking_to_its_summary(
    alice_client: Client, alice: User
) -> None:
    session = new_mock(alice_client)
    alice_client.post(
        reverse("practice:typed_create", args=[session.question_ids[0]]),
        {"text": WEAK, "mode": "mock", "session": session.pk},
    )
    page = alice_client.get(Attempt.objects.get().get_absolute_url()).text
    summary = reverse("practice:mock_summary", args=[session.pk])
    assert f'<p class="meta"><a href="{summary}">Mock interview</a> · ' in page
    assert ">mock interview</a>" not in page


def test_a_question_can_be_skipped_or_the_mock_finished_before_answering(
    alice_client: Client, alice: User
) -> None:
    session = new_mock(alice_client)
    first = alice_client.get(reverse("practice:mock_question", args=[session.pk, 1])).text
    assert "Skip this question" in first
    assert "Finish the interview" in first
    skip = reverse("practice:mock_skip", args=[session.pk, 1])
    assert f'action="{skip}"' in first
    response = alice_client.post(skip)
    assert response["Location"] == reverse("practice:mock_question", args=[session.pk, 2])
    assert not Attempt.objects.exists()  # skipping saves nothing
    alice_client.post(
        reverse("practice:typed_create", args=[session.question_ids[1]]),
        {"text": WEAK, "mode": "mock", "session": session.pk},
    )
    last = alice_client.get(reverse("practice:mock_question", args=[session.pk, 3])).text
    assert "Skip it and finish" in last
    response = alice_client.post(reverse("practice:mock_skip", args=[session.pk, 3]))
    assert response["Location"] == reverse("practice:mock_summary", args=[session.pk])
    session.refresh_from_db()
    assert session.status == MockSession.Status.FINISHED
    summary = alice_client.get(response["Location"]).text
    assert "1 answer; 2 questions not answered." in summary
    assert summary.count("Not answered.") == 2  # each skipped question's row


def test_a_skip_past_the_last_question_is_not_found(alice_client: Client, alice: User) -> None:
    session = new_mock(alice_client)
    assert alice_client.post(reverse("practice:mock_skip", args=[session.pk, 4])).status_code == 404
    assert alice_client.get(reverse("practice:mock_skip", args=[session.pk, 1])).status_code == 405


@pytest.mark.usefixtures("sentence_model")
def test_a_plan_is_followed_up_about_the_plan_not_its_outcome(
    alice_client: Client, alice: User
) -> None:
    """A trial's good plan to "What would you do if…" was asked "What was the outcome?"."""
    session, here, _ = answered(alice_client, alice, PLAN_QUESTION, PLAN)
    for analysed in (False, True):  # before the worker reads it, and after
        if analysed:
            read(Attempt.objects.get(session=session))
        page = html.unescape(alice_client.get(here).text)
        assert 'id="follow-title"' in page
        assert "What was the outcome?" not in page
        assert "How would you know your plan was working?" in page  # the plan's list, turn 1
        assert "Why this question: interviewers often ask it to test a plan." in page


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(("question", "answer"), [(MOTIVATES, MOTIVATION), (FIVE_YEARS, AMBITION)])
def test_a_point_is_followed_up_about_its_point(
    alice_client: Client, alice: User, question: str, answer: str
) -> None:
    """After "What motivates you?" every turn asked "What was the outcome?", "Why this
    question: your answer did not say how it ended": a question asking for neither a story nor
    a plan is followed up about the answer's point, as its report reads the question."""
    _, here, main = answered(alice_client, alice, question, answer)
    assert main.analysis is not None
    assert main.analysis["relevance"]["question_asks"] == "neither"
    read_then = (main.analysis, Attempt.Status.ANALYSED)
    for stored, status in (read_then, (None, Attempt.Status.QUEUED)):  # read, and not yet
        Attempt.objects.filter(pk=main.pk).update(analysis=stored, status=status)
        page = html.unescape(alice_client.get(here).text)
        assert 'id="follow-title"' in page
        assert "What was the outcome?" not in page
        assert "how it ended" not in page
        assert POINT_FIXED[1] in page  # the point's list, turn 1
        assert (
            "Why this question: interviewers often ask it to test the point an answer makes."
            in page
        )


@pytest.mark.usefixtures("sentence_model")
def test_a_plans_figures_in_the_mock_count_its_action_and_ask_no_number(
    alice_client: Client, alice: User
) -> None:
    """A page look found Alice's plan shown as "1 of 4 STAR parts", "no number in the result"
    and, at the end, "Went best: … 1 of the 4 STAR parts"."""
    session, _, attempt = answered(alice_client, alice, PLAN_QUESTION, PLAN, count="1")
    attempt = read(attempt)
    shown = short_report(alice_client, attempt)
    assert "<li>the action (the one STAR part a plan is judged on)</li>" in shown
    # Typed: its figure weighs its steps alone (it said "…, fillers and pace"); its fillers are
    # counted in the text, as its report counts them, not weighed (it said it had none to
    # measure: `test_mock_typed_fillers.py`).
    assert (
        "as prepcoach measured it (the steps of the plan alone: a typed answer has no pace to "
        "measure, and its fillers are counted in the text, not weighed)" in shown
    )
    assert "of 4 STAR parts" not in shown
    assert "number" not in shown
    summary = finished_summary(alice_client, session)
    went_best = summary.split("<strong>Went best:</strong>")[1].split("</p>")[0]
    assert "the action (the one STAR part a plan is judged on)" in went_best
    assert "STAR parts" not in went_best
    listed = summary_rows(summary)
    assert "the action (the one STAR part a plan is judged on)" in listed
    assert "of 4 STAR parts" not in listed
    assert "number" not in listed


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_a_plans_follow_up_is_judged_as_a_plan(
    alice_client: Client, alice: User
) -> None:
    """Alice answered "How would you know your plan was working?", asked of her plan, with a
    step of it and got "Tell the whole story…": the plan model reads the follow-up alone as no
    plan. Her answer is read as the plan it was asked for (its parent's reading), by the
    worker as by every page after it."""
    _, here, main = answered(alice_client, alice, PLAN_QUESTION, PLAN, count="1")
    asked = "How would you know your plan was working?"
    assert asked in html.unescape(alice_client.get(here).text)
    said = (
        "I would check each week whether the deadlines we agreed were met, and I would ask my "
        "teammate how the check-ins feel."
    )
    follow = post_follow_up(alice_client, main, asked, said)
    assert follow.status == Attempt.Status.ANALYSED
    assert follow.analysis is not None
    assert follow.analysis["relevance"]["kind"] == "would_do"
    tips = " ".join(tip["text"] for tip in follow.analysis["tips"])
    assert "Tell the whole story" not in tips
    assert "sets the scene" not in tips
    shown = html.unescape(alice_client.get(reverse("practice:attempt", args=[follow.pk])).text)
    assert "Tell the whole story" not in shown
    assert "how it ended" not in shown
    mock_page = html.unescape(alice_client.get(here).text)
    assert mock_page.count("the action (the one STAR part a plan is judged on)") == 2


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_a_question_asking_for_no_story_is_not_scored_on_star_in_the_mock(
    alice_client: Client, alice: User
) -> None:
    """A trial: "Where do you see yourself in five years?" got "1 of 5 · 0 of 4 STAR parts · no
    number" and "Finish with the result" as a next thing to practise."""
    session, _, attempt = answered(alice_client, alice, FIVE_YEARS, AMBITION)
    attempt = read(attempt)
    shown = short_report(alice_client, attempt)
    assert (
        "No STAR parts or number counted: the question asks for neither a story nor a plan" in shown
    )
    assert "STAR parts</li>" not in shown
    assert "no number in the result" not in shown
    assert "as prepcoach measured it" not in shown
    assert "Finish with the result" not in shown
    summary = finished_summary(alice_client, session)
    assert "0 of 4 STAR parts" not in summary
    assert "no number" not in summary
    assert "Finish with the result" not in summary
    assert "Say what you did yourself" not in summary


def test_a_general_mock_for_a_role_asks_no_other_fields_questions(
    alice_client: Client, alice: User
) -> None:
    """A trial's mock for "Product manager" in the field "General" asked "How do you use
    assessment data to shape your teaching?": it asks general questions and those of the
    field its role names, never another field's, however many it is asked for."""
    for _ in range(3):
        MockSession.objects.all().delete()
        session = new_mock(alice_client, role="Product manager", field="general", count="12",
                           mix="role")  # fmt: skip
        fields = set(
            Question.objects.filter(pk__in=session.question_ids).values_list("field", flat=True)
        )
        assert fields <= {"general", "product"}, fields
