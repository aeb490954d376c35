"""The peer mock page: the interviewer's sheet (question, follow-ups, rubric, the answer) and
the answerer's page (the question and the recorder)."""

import html

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.rate_limits import RATE_LIMITS
from prepcoach.groups.models import Membership, PeerAnswer, PeerMock
from prepcoach.ops.models import ActionUse
from tests.conftest import make_user
from tests.groups.conftest import SHARED_TEXT, STAR_ANSWER, client_of, typed_answer


def test_the_interviewer_sees_question_follow_ups_and_rubric(
    bob_client: Client, peer_mock: PeerMock
) -> None:
    page = bob_client.get(reverse("groups:mock", args=[peer_mock.pk])).text
    assert "You interview Alice Doe" in page
    assert SHARED_TEXT in page
    assert "What would you do differently if it happened again?" in page  # before any answer
    assert "Backs the result with a number or a concrete fact" in page  # the rubric
    assert "Pace, pauses and fillers" in page
    assert "No answer yet." in page


def test_follow_ups_follow_the_answer_once_read(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    typed_answer(alice_client, peer_mock, "We talked to the team and we shipped a new process.")
    page = bob_client.get(reverse("groups:mock", args=[peer_mock.pk])).text
    assert "What was the outcome?" in page or "What did you do yourself?" in page
    assert "the answer has no" in page
    assert "Review answer 1 on the rubric" in page


def test_the_sheet_says_the_answers_result_has_no_number(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    """A page look found Bob's sheet tag "(the answer has result without a number)"."""
    typed_answer(
        alice_client, peer_mock,
        "Our weekly reports at Acme were always late. My task was to fix the process. I built a "
        "checklist and trained the team on it. In the end the reports went out on time and the "
        "managers stopped chasing us.",
    )  # fmt: skip
    page = html.unescape(bob_client.get(reverse("groups:mock", args=[peer_mock.pk])).text)
    assert (
        "How did you know it worked? What changed, in numbers? "
        '<span class="meta">(the answer\'s result has no number)</span>'
    ) in page
    assert "the answer has result without a number" not in page


def test_the_answerer_sees_the_recorder_for_the_question(
    alice_client: Client, peer_mock: PeerMock
) -> None:
    page = alice_client.get(reverse("groups:mock", args=[peer_mock.pk])).text
    assert "Bob Roe interviews you" in page
    assert reverse("groups:mock_record", args=[peer_mock.pk, 1]) in page
    assert "data-recorder" in page
    assert "Type the answer instead" in page
    assert "What was the outcome?" not in page  # the interviewer's sheet is theirs


def test_answer_html_stays_text(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    typed_answer(alice_client, peer_mock, "<script>alert('x')</script> " + STAR_ANSWER)
    page = bob_client.get(reverse("groups:mock", args=[peer_mock.pk])).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_a_typed_answer_of_10000_characters_is_kept(
    alice_client: Client, bob_client: Client, alice: User, peer_mock: PeerMock
) -> None:
    long = ("I did the work myself. " * 500)[:10_000]
    attempt = typed_answer(alice_client, peer_mock, long)
    assert attempt.text == long
    assert attempt.user == alice


def test_an_empty_typed_answer_says_what_to_do(alice_client: Client, peer_mock: PeerMock) -> None:
    response = alice_client.post(
        reverse("groups:mock_answer", args=[peer_mock.pk, 1]), {"text": ""}, follow=True
    )
    assert "Type your answer first, or record it." in response.text


def test_only_the_pair_sees_it(
    carol_client: Client, dave_client: Client, client: Client, peer_mock: PeerMock
) -> None:
    url = reverse("groups:mock", args=[peer_mock.pk])
    for other in (carol_client, dave_client):
        assert other.get(url).status_code == 404
    assert client.get(url).status_code == 302
    # A third member of the group sees it on the board, but cannot open it.
    erin = make_user("erin@example.com", name="Erin")
    Membership.objects.create(group=peer_mock.group, user=erin)
    erin_client = client_of(erin)
    assert erin_client.get(url).status_code == 404
    board = erin_client.get(reverse("groups:board", args=[peer_mock.group_id])).text
    assert "Bob Roe interviews Alice Doe" in board


def test_a_question_number_out_of_range_is_404(alice_client: Client, peer_mock: PeerMock) -> None:
    response = alice_client.post(
        reverse("groups:mock_answer", args=[peer_mock.pk, 9]), {"text": "x"}
    )
    assert response.status_code == 404


def test_a_typed_answer_past_the_per_minute_limit_waits_and_is_shown_back(
    alice_client: Client, alice: User, peer_mock: PeerMock
) -> None:
    limit = RATE_LIMITS["typed_answer"]
    ActionUse.objects.bulk_create(
        ActionUse(user=alice, action="typed_answer", at=timezone.now()) for _ in range(limit.uses)
    )
    response = alice_client.post(
        reverse("groups:mock_answer", args=[peer_mock.pk, 1]), {"text": STAR_ANSWER}
    )
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert f"You asked for {limit.uses} typed answers" in response.text
    assert "I built a checklist and trained the team on it." in response.text
    assert not PeerAnswer.objects.filter(mock=peer_mock).exists()


PLAN_TEXT = (
    "What would you do if a teammate repeatedly missed commitments that your own work depended on?"
)


def _asks_a_plan(alice: User, peer_mock: PeerMock) -> None:
    """Alice shares the plan question with the group and the peer mock asks it."""
    from prepcoach.groups.models import SharedQuestion
    from prepcoach.practice.models import Question

    question = Question.objects.create(owner=alice, text=PLAN_TEXT)
    SharedQuestion.objects.create(
        membership=Membership.objects.get(group=peer_mock.group, user=alice), question=question
    )
    peer_mock.question_texts = [PLAN_TEXT]
    peer_mock.save(update_fields=["question_texts"])


def test_a_plan_questions_follow_ups_are_named_as_the_plans_own(
    bob_client: Client, alice: User, peer_mock: PeerMock, sentence_model: None
) -> None:
    """A question asking what the answerer would do gets the plan's follow-ups (`followups.
    PLAN_FIXED`, rule "plan list"): the sheet called each "the answer has plan list"."""
    from prepcoach.coach.followups import PLAN_FIXED

    _asks_a_plan(alice, peer_mock)
    page = bob_client.get(reverse("groups:mock", args=[peer_mock.pk])).text
    assert PLAN_FIXED[0] in page  # before any answer: the plan's own list
    assert "plan list" not in page
    # Said once for the list: a look found "(a general follow-up to a plan)" after each.
    assert "a general follow-up" not in page
    assert page.count("Interviewers often ask these to test a plan.") == 1


def test_a_plan_question_is_reviewed_on_the_plans_rubric(
    alice_client: Client, bob_client: Client, alice: User, peer_mock: PeerMock,
    sentence_model: None,
) -> None:  # fmt: skip
    """A look at a practice group's sheet found a plan question scored on "Sets the scene:
    where, when, what was at stake" and "Says how it ended": the sheet, the review and the
    answerer's feedback page score its steps."""
    from prepcoach.feedback.models import Review

    _asks_a_plan(alice, peer_mock)
    sheet = bob_client.get(reverse("groups:mock", args=[peer_mock.pk])).text
    rubric = sheet.split('<dl class="rubric">')[1].split("</dl>")[0]
    assert "<dt>Steps</dt>" in rubric
    assert "Says what they would do themselves" in rubric
    assert "Sets the scene" not in rubric
    assert "Says how it ended" not in rubric
    attempt = typed_answer(alice_client, peer_mock, PLAN_ANSWER)
    url = reverse("groups:answer_review", args=[PeerAnswer.objects.get().pk])
    page = bob_client.get(url).text
    assert 'name="score_steps"' in page
    assert 'name="score_situation"' not in page
    bob_client.post(url, {"reviewer_name": "Bob", "overall": "4", "score_steps": "2",
                          "score_action": "2", "score_check": "0", "comments": "Clear."})  # fmt: skip
    assert Review.objects.get().scores == {"steps": 2, "action": 2, "check": 0}
    mine = alice_client.get(reverse("feedback:attempt", args=[attempt.pk])).text
    assert "Gives concrete steps, in an order that makes sense" in mine
    assert "Sets the scene" not in mine


PLAN_ANSWER = (
    "First I would talk to my teammate in private and ask what is getting in the way. Then I "
    "would agree with them on smaller deadlines we can both check each week. If the deadlines "
    "still slipped, I would raise it with our manager and suggest moving the work that blocks me."
)


def test_a_typed_peer_answer_is_reviewed_with_no_delivery(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    """A typed answer is read: the interviewer's sheet and review score no "Delivery" on it,
    and the review's help speaks of reading, not of a player's times."""
    typed_answer(alice_client, peer_mock, STAR_ANSWER)
    sheet = bob_client.get(reverse("groups:mock", args=[peer_mock.pk])).text
    rubric = sheet.split('<dl class="rubric">')[1].split("</dl>")[0]
    assert "<dt>Delivery</dt>" not in rubric
    assert "<dt>Clarity</dt>" in rubric
    page = bob_client.get(reverse("groups:answer_review", args=[PeerAnswer.objects.get().pk])).text
    assert 'name="score_delivery"' not in page
    assert 'name="score_clarity"' in page
    assert "button under the player" not in page
    assert "Quote the words you mean." in page
