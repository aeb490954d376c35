"""The "What to work on" page: improvement areas from the user's own answers and reviews only,
each with links to its evidence and a goal to make from it."""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.accounts.timing import local_now
from prepcoach.coach.answer import analyse_answer
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.interviews.models import AskedQuestion, Debrief
from prepcoach.jobs.models import Interview, Opportunity
from prepcoach.practice.models import Attempt, DrillCard, DrillReview, Question
from tests.relevance_samples import WE_BACKLOG_STORY, WE_WARD_STORY

UNQUANTIFIED = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "In the end the queue got much shorter and customers were happier."
)
URL = reverse("practice:areas")


@pytest.fixture
def story_question(alice: User) -> Question:
    """STAR parts and numbers are judged on answers to a question that asks for a story."""
    return Question.objects.create(owner=alice, text="Tell me about a time you cleared a backlog.")


def answered(user: User, question: Question, text: str = UNQUANTIFIED) -> Attempt:
    analysis = analyse_answer(text=text, question=question.text).as_dict()
    return Attempt.objects.create(user=user, question=question, question_text=question.text,
                                  status=Attempt.Status.ANALYSED, analysis=analysis)  # fmt: skip


@pytest.mark.usefixtures("sentence_model")
def test_an_area_links_to_the_answers_it_rests_on(
    alice_client: Client, alice: User, story_question: Question
) -> None:
    first, second = answered(alice, story_question), answered(alice, story_question)
    page = alice_client.get(URL).text
    assert "Put a number on the result" in page
    assert "A result without a number: in 2 of the 2 answers it could judge" in page
    for attempt in (first, second):
        assert reverse("practice:attempt", args=[attempt.pk]) in page
    assert "customers were happier" in page
    # One week of answers: its count as a number, not a lone point.
    assert "Trend: 2 of the 2 answers it judged this week." in page


WEAKNESS = "What is your greatest weakness?"
STRENGTHS = (
    "I'd say I'm incredibly detail-oriented. I'm the person in the team who always spots the "
    "transposed numbers in the reconciliations, and my manager trusts me with the VAT returns "
    "because I just don't make mistakes. I'm also really good at building relationships with "
    "the budget holders, and they come to me with questions now. So I think accuracy and "
    "relationships are my strongest points."
)


@pytest.mark.usefixtures("sentence_model")
def test_answers_that_miss_their_question_make_a_plainly_titled_area(
    alice_client: Client, alice: User
) -> None:
    weakness = Question.objects.create(owner=alice, text=WEAKNESS)
    first = answered(alice, weakness, STRENGTHS)
    answered(alice, weakness, STRENGTHS)
    gist = (first.analysis or {})["relevance"]["gist"]
    page = html.unescape(alice_client.get(URL).text)
    assert "<h2>Answer the question that was asked</h2>" in page
    assert (
        "An answer that does not address its question: in 2 of the 2 answers it could judge."
        in page
    )
    assert f"does not address the question: “{gist}”" in page
    assert "<summary>How prepcoach decides</summary>prepcoach's relevance check" in page
    goal = "In your next 5 answers, answer the question that was asked (prepcoach's check finds"
    assert goal in page
    assert "without a story" not in page


@pytest.mark.usefixtures("sentence_model")
def test_make_it_a_goal_opens_the_goal_form_with_its_words(
    alice_client: Client, alice: User, story_question: Question
) -> None:
    answered(alice, story_question)
    answered(alice, story_question)
    page = alice_client.get(URL).text
    deadline = timezone.localdate() + dt.timedelta(days=14)
    goal = f"Put a number on the result in 5 practice answers by {deadline:%-d %B %Y}"
    link = reverse("goals:new") + "?" + urlencode({"text": goal, "area": "quantified"})
    assert html.escape(link) in page
    form = alice_client.get(link).text
    assert f">{goal}</textarea>" in form
    assert 'name="area" value="quantified"' in form


@pytest.mark.usefixtures("sentence_model")
def test_an_areas_goal_is_due_before_the_next_interview(
    alice_client: Client, alice: User, bob: User, story_question: Question
) -> None:
    """A trial's goal was due two days after the interview it was for. Bob's sooner interview
    moves nothing of Alice's."""
    answered(alice, story_question)
    answered(alice, story_question)
    today = local_now(alice).date()
    for user, days in ((alice, 9), (bob, 4)):
        job = Opportunity.objects.create(user=user, company="Northwind", role="Analyst")
        Interview.objects.create(
            user=user, opportunity=job, round_name="Final round",
            starts_at=timezone.now() + dt.timedelta(days=days),
        )  # fmt: skip
    page = alice_client.get(URL).text
    now = local_now(alice)  # the areas read the interview's day on her clock
    before = (now + dt.timedelta(days=8)).date()
    assert f"Put a number on the result in 5 practice answers by {before:%-d %B %Y}" in page
    assert f"by {today + dt.timedelta(days=14):%-d %B %Y}" not in page


@pytest.mark.usefixtures("sentence_model")
def test_another_users_answers_and_reviews_never_show(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    bobs = [answered(bob, question), answered(bob, question)]
    request = FeedbackRequest.objects.create(
        owner=bob, attempt=bobs[0], reviewer_label="Sam", token_digest="x" * 64,
        expires_at=FeedbackRequest.expiry(),
    )  # fmt: skip
    Review.objects.create(request=request, reviewer_name="Sam", browser_key="k",
                          scores={"evidence": 0}, overall=1)  # fmt: skip
    page = alice_client.get(URL).text
    assert "from 0 answers, 0 reviews and 0 debriefs" in page
    assert "Put a number on the result" not in page
    for attempt in bobs:
        assert reverse("practice:attempt", args=[attempt.pk]) not in page


def test_with_nothing_analysed_it_says_how_to_start(alice_client: Client) -> None:
    page = alice_client.get(URL).text
    assert "Nothing to go on yet" in page
    assert reverse("practice:questions") in page


def test_it_asks_to_sign_in(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def debriefed(user: User, ago: dt.timedelta = dt.timedelta(days=1), **fields: object) -> Debrief:
    job = Opportunity.objects.create(user=user, company="Northwind Health", role="Analyst")
    interview = Interview.objects.create(
        user=user, opportunity=job, round_name="Phone screen", starts_at=timezone.now() - ago,
    )  # fmt: skip
    return Debrief.objects.create(interview=interview, **fields)


def forgotten(user: User, question: Question, *grades: str) -> DrillCard:
    card = DrillCard.objects.create(user=user, item=question, state={}, due=timezone.now(),
                                    reviews=len(grades))  # fmt: skip
    for hours, grade in enumerate(grades):
        DrillReview.objects.create(card=card, rating=grade,
                                   reviewed_at=timezone.now() - dt.timedelta(hours=hours))  # fmt: skip
    return card


@pytest.mark.usefixtures("sentence_model")
def test_debriefs_and_drill_lapses_make_areas_that_link_to_them(
    alice_client: Client, alice: User, bob: User, story_question: Question
) -> None:
    answered(alice, story_question)
    mine = debriefed(alice, went_badly="I gave no numbers for my results.",
                     ratings={"teamwork": 2, "communication": 4})  # fmt: skip
    AskedQuestion.objects.create(debrief=mine, text="Why Northwind?", went="badly")
    forgotten(alice, story_question, "again", "good", "again")
    bobs = debriefed(bob, went_badly="Bob rambled.", ratings={"technical": 1})
    page = alice_client.get(URL).text
    assert "from 1 answer, 0 reviews and 1 debrief" in page
    debrief_url = reverse("interviews:debrief", args=[mine.interview_id])
    # One answer without a number and the debrief that says so: the area holds.
    assert "A result without a number: in the 1 answer it could judge; your debrief says so too" \
        in html.unescape(page)  # fmt: skip
    assert "your debrief: “I gave no numbers for my results.”" in html.unescape(page)
    assert "Build up teamwork" in page
    assert "Rework the answers that went badly" in page
    assert "Drill what you keep forgetting" in page
    assert "marked Again 2 times in its last 3 reviews" in page
    # Every area's goal moves by itself, each from its own evidence.
    assert "you log its progress yourself" not in page
    assert "it will move by itself as your debriefs meet it" in page
    assert "it will move by itself as your drills meet it" in page
    assert f'href="{debrief_url}"' in page
    assert f'href="{story_question.get_absolute_url()}"' in page
    assert "Bob rambled" not in page
    assert reverse("interviews:debrief", args=[bobs.interview_id]) not in page


@pytest.mark.usefixtures("sentence_model")
def test_a_debrief_counts_only_once_its_interview_has_started(
    alice_client: Client, alice: User
) -> None:
    """Alice wrote ahead for an interview a minute from now (later today): not evidence yet;
    once it has started, the same debrief is."""
    ahead = debriefed(alice, ago=-dt.timedelta(minutes=1), ratings={"teamwork": 1})
    page = alice_client.get(URL).text
    assert "Build up teamwork" not in page
    assert "and 0 debriefs" in page
    Interview.objects.filter(pk=ahead.interview_id).update(
        starts_at=timezone.now() - dt.timedelta(minutes=1)
    )
    page = alice_client.get(URL).text
    assert "Build up teamwork" in page
    assert "and 1 debrief" in page


# Off the question. Written over 60 words when the verdict never said "does not address" under
# 60 (`relevance.SHORT_WORDS`, dropped since the verdict was trained with length out of reach).
COOKING = (
    "I have always loved cooking. My grandmother taught me to make bread when I was small, and "
    "I still bake every weekend. I like trying recipes from different countries, and last "
    "month I made dumplings for the first time. My friends say my lasagne is the best they "
    "have had. Cooking helps me relax after a long week, and I find it very satisfying to "
    "share a meal with people I care about."
)


@pytest.mark.usefixtures("sentence_model")
def test_the_page_says_which_answers_an_area_did_not_judge_and_why(
    alice_client: Client, alice: User, story_question: Question
) -> None:
    """A trial's page read "from 4 answers" above "in 2 of your last 2 answers", leaving out
    unsaid an answer the relevance verdict says missed its question."""
    answered(alice, story_question)
    answered(alice, story_question)
    off = answered(alice, story_question, COOKING)
    assert (off.analysis or {})["relevance"]["addresses"] is False
    answered(alice, Question.objects.create(owner=alice, text=WEAKNESS), STRENGTHS)
    page = html.unescape(alice_client.get(URL).text)
    assert "from 4 answers" in page
    assert "A result without a number: in 2 of the 2 answers it could judge." in page
    assert (
        "Not judged: 1 answer to a question that asks for no story; 1 answer that does not "
        "address its question (see “Answer the question that was asked”)." in page
    )
    assert (
        "An answer that does not address its question: in 2 of the 2 answers it could judge. "
        '<span class="meta">Not judged: 2 answers where prepcoach couldn\'t tell whether they '
        "answered the question (too short or too long to judge," in page
    )
    assert "cuts" not in page  # the model's word, not the user's


@pytest.mark.usefixtures("sentence_model")
def test_an_area_points_to_answer_the_question_only_when_the_page_shows_it(
    alice_client: Client, alice: User, story_question: Question
) -> None:
    """A trial's page said "(see “Answer the question that was asked”)" while no such area
    was on it: one answer that missed its question is one slip, not a pattern, so the area
    was not raised. The answer left out is said without the pointer."""
    answered(alice, story_question)
    answered(alice, story_question)
    off = answered(alice, story_question, COOKING)
    assert (off.analysis or {})["relevance"]["addresses"] is False
    page = html.unescape(alice_client.get(URL).text)
    assert "A result without a number: in 2 of the 2 answers it could judge." in page
    assert "<h2>Answer the question that was asked</h2>" not in page
    assert "Not judged: 1 answer that does not address its question.</span>" in page
    assert "(see “Answer the question that was asked”)" not in page


PLAN_QUESTION = "What would you do if a teammate kept missing deadlines your work depended on?"


@pytest.mark.usefixtures("sentence_model")
def test_a_plans_reasons_scored_low_by_two_reviewers_is_an_area_of_their_reviews(
    alice_client: Client, alice: User
) -> None:
    """Sam and Ana scored the reasons of Alice's plans 0 of 2. prepcoach does not read a
    plan's reasons itself: the area rests on their reviews, links to them, and says so."""
    plans = Question.objects.create(owner=alice, text=PLAN_QUESTION)
    links = []
    for reviewer in ("Sam", "Ana"):
        request = FeedbackRequest.objects.create(
            owner=alice, attempt=answered(alice, plans, "I would sort it out and fix it."),
            reviewer_label=reviewer, token_digest=reviewer[0] * 64,
            expires_at=FeedbackRequest.expiry(),
        )  # fmt: skip
        Review.objects.create(request=request, reviewer_name=reviewer, browser_key="k",
                              scores={"steps": 2, "reasons": 0, "check": 2}, overall=3)  # fmt: skip
        links.append(request.owner_url())
    page = html.unescape(alice_client.get(URL).text)
    assert "from 2 answers, 2 reviews and 0 debriefs" in page
    assert "<h2>Say why you would do it</h2>" in page
    assert "Say how you would know it worked" not in page  # both scored the check 2
    assert "2 reviews scored the reasons your plans give 0 of 2, of the 2 that scored them." in page
    for link, reviewer in zip(links, ("Sam", "Ana"), strict=True):
        assert f'<a href="{link}">{reviewer}</a>' in page
    assert page.count("scored reasons 0 of 2") == 2
    assert "prepcoach does not read whether a plan gives reasons for its steps: reviewers" in page
    deadline = timezone.localdate() + dt.timedelta(days=14)
    goal = (
        f"Get 2 reviews that score the reasons your plans give 1 or 2 of 2 by {deadline:%-d %B %Y}"
    )
    assert f"“{goal}”: it will move by itself as your reviews meet it." in page
    link = reverse("goals:new") + "?" + urlencode({"text": goal, "area": "plan_reasons"})
    assert link in page
    area = page[page.index('id="area-plan_reasons"') :]
    assert "Trend:" not in area[: area.index("</li>")]  # no share of answers for reviews


PROCESS_QUESTION = "Tell me about a time you improved a process."


@pytest.mark.usefixtures("sentence_model")
def test_we_only_stories_make_an_area_to_say_what_you_did_yourself(
    alice_client: Client, alice: User
) -> None:
    """A new user's trial: "Say what you did yourself" was the tip on three of her answers and
    in her mock's next steps, but the areas page had no area for it, so it never became a
    goal."""
    process = Question.objects.create(owner=alice, text=PROCESS_QUESTION)
    first, second = (
        answered(alice, process, WE_BACKLOG_STORY),
        answered(alice, process, WE_WARD_STORY),
    )
    for attempt in (first, second):
        tips = [t["text"] for t in (attempt.analysis or {})["tips"]]
        assert any(t.startswith("Say what you did yourself") for t in tips)
    page = html.unescape(alice_client.get(URL).text)
    assert "<h2>Say what you did yourself</h2>" in page
    assert "fewer than half the team's (“we…”): in 2 of the 2 answers it could judge" in page
    for attempt in (first, second):
        assert reverse("practice:attempt", args=[attempt.pk]) in page
    assert "2 “we” actions against 0 “I”: “We rewrote the triage rules" in page
    assert "<summary>How prepcoach decides</summary>prepcoach's answer reader" in page
    deadline = timezone.localdate() + dt.timedelta(days=14)
    goal = (
        f"Say what you did or would do yourself, with “I”, in 5 practice answers by "
        f"{deadline:%-d %B %Y}"
    )
    link = reverse("goals:new") + "?" + urlencode({"text": goal, "area": "personal_action"})
    assert link in page


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_whose_speech_was_lost_is_not_judged_for_it(
    alice_client: Client, alice: User
) -> None:
    process = Question.objects.create(owner=alice, text=PROCESS_QUESTION)
    answered(alice, process, WE_BACKLOG_STORY)
    answered(alice, process, WE_WARD_STORY)
    lost = answered(alice, process, WE_BACKLOG_STORY)
    analysis = dict(lost.analysis or {})
    analysis["withheld"] = ["action", "keywords", "quantified", "result", "situation", "task"]
    lost.analysis = analysis
    lost.save()  # writes its evidence from the analysis
    page = html.unescape(alice_client.get(URL).text)
    assert "fewer than half the team's (“we…”): in 2 of the 2 answers it could judge." in page
    assert (
        "Not judged: 1 answer under 25 words, or not read in full (speech lost, or words "
        "prepcoach cannot read)." in page
    )


@pytest.mark.usefixtures("sentence_model")
def test_answers_whose_evidence_was_kept_before_the_area_are_read_whole(
    alice_client: Client, alice: User
) -> None:
    """Evidence written before the area (version 2) keeps no reading of whose actions they
    are: the answer is read from its analysis, and counts."""
    process = Question.objects.create(owner=alice, text=PROCESS_QUESTION)
    made = [answered(alice, process, WE_BACKLOG_STORY), answered(alice, process, WE_WARD_STORY)]
    for attempt in made:
        old = {k: v for k, v in (attempt.evidence or {}).items()
               if k not in ("ownership", "word_count")} | {"evidence_version": 2}  # fmt: skip
        Attempt.objects.filter(pk=attempt.pk).update(evidence=old)
    page = html.unescape(alice_client.get(URL).text)
    assert "<h2>Say what you did yourself</h2>" in page
    assert "in 2 of the 2 answers it could judge" in page


QUANTIFIED = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "Within a month the average wait fell from 9 hours to 2 hours."
)


@pytest.mark.usefixtures("sentence_model")
def test_the_trend_counts_the_answers_its_rule_judged_each_week(
    alice_client: Client, alice: User, story_question: Question
) -> None:
    """A trial's page said "Trend: 60 % of this week's answers" of 3 of the 5 answers its rule
    judged, of 11 answered that week: each week is counted of the answers the rule judged."""
    weeks_ago = {2: [UNQUANTIFIED, UNQUANTIFIED], 1: [UNQUANTIFIED, QUANTIFIED], 0: [UNQUANTIFIED]}
    for ago, texts in weeks_ago.items():
        for text in texts:
            attempt = answered(alice, story_question, text)
            Attempt.objects.filter(pk=attempt.pk).update(
                created_at=timezone.now() - dt.timedelta(days=7 * ago)
            )
    # This week's answer to a question asking for no story: the rule does not judge it.
    answered(alice, Question.objects.create(owner=alice, text=WEAKNESS), STRENGTHS)
    page = html.unescape(alice_client.get(URL).text)
    area = page[page.index('id="area-quantified"') :]
    area = area[: area.index("</li>")]
    today = timezone.localdate()
    mondays = [today - dt.timedelta(days=today.weekday() + 7 * ago) for ago in (2, 1, 0)]
    assert (
        "Trend: 2 of the 2 answers it judged 2 weeks ago, 1 of 1 this week (week by week: "
        f"{mondays[0]:%-d %b}: 2 of 2 · {mondays[1]:%-d %b}: 1 of 2 · {mondays[2]:%-d %b}: 1 of 1)."
    ) in area
    assert "%" not in area[area.index("Trend:") :]


def test_a_long_pause_is_written_as_the_report_writes_it(
    alice_client: Client, alice: User, question: Question
) -> None:
    """A trial's report said 3.55 s (card) and 3.6 s (transcript) of the pause this page
    called 3.5 s: every face writes it to one decimal, rounded half up (`coach.text.seconds`)."""
    from tests.practice.test_report_pauses import paused_analysis

    for _ in range(2):
        Attempt.objects.create(user=alice, question=question, question_text=question.text,
                               status=Attempt.Status.ANALYSED, analysis=paused_analysis())  # fmt: skip
    page = alice_client.get(URL).text
    assert "1 pause of 3 s or more (longest 3.6 s)" in page
