"""Readiness for one interview: every section with its empty state and the link that fills it,
then filled from research, stories, practice, improvement areas and the earlier rounds'
debriefs; reached from the interview's page and the dashboard countdown; owner only."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.dashboard.readiness import gather
from prepcoach.jobs.models import Fact
from prepcoach.practice.models import Attempt, Question
from prepcoach.reflection.models import Story
from tests.interviews.conftest import add_debrief, add_interview, add_job, add_transcript


def url(interview_id: int) -> str:
    return f"/ready/{interview_id}/"


def test_each_empty_section_says_what_to_do_next(alice_client: Client, alice: User) -> None:
    job = add_job(alice, "Acme")
    interview = add_interview(alice, job, round_name="Final round")
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "Ready for the final round?" in page
    assert "Not ready yet: research, stories and practice are all still to do." in page
    assert (
        f'No key facts about Acme yet (your target is 5). <a href="/grow/jobs/{job.pk}/research/">'
        in page
    )
    assert f'<a href="/grow/jobs/{job.pk}/edit/">Paste the job advert and the company' in page
    assert (
        f'<a href="/improve/mock/new/?opportunity={job.pk}">Start a mock interview for it</a>'
        in page
    )
    assert "No open improvement areas." in page
    assert (
        f'This is the first round logged for Acme. <a href="/interviews/jobs/{job.pk}/new/">'
        in page
    )
    assert "Nothing to go on yet" in page
    assert f'href="/ready/{interview.pk}/card/"' in page


ASKED = "Tell me about a time you rescued an audit."


def test_filled_from_research_stories_practice_and_earlier_rounds(
    alice_client: Client, alice: User
) -> None:
    job = add_job(alice, "Acme")
    # A story question: its answer is measured on STAR (one asking for neither, "Why Acme?",
    # has no measured figure to trend: `answer.measured_rating`).
    job.values = "Patient first"
    job.job_description = "We need a data analyst with strong SQL and Tableau skills."
    job.save()
    Fact.objects.create(opportunity=job, text="Acme serves 40 clinics", source="site")
    Story.objects.create(user=alice, title="Audit rescue", action="I rebuilt the reports in SQL.")
    screen = add_interview(alice, job, hours=-200, round_name="Phone screen")
    add_debrief(screen, ASKED, went_badly="Froze on the salary question",
                outcome="next")  # fmt: skip
    question = Question.objects.create(owner=alice, text=ASKED, company="Acme")
    Attempt.objects.create(
        user=alice, question=question, question_text=ASKED, text="Because.",
        status=Attempt.Status.ANALYSED, analysis={"star": {p: {"present": True, "evidence": []}
        for p in ("situation", "task", "action", "result", "quantified_result")}},
    )  # fmt: skip
    interview = add_interview(alice, job, round_name="Final round")
    page = alice_client.get(url(interview.pk)).content.decode()
    assert "1 of the 5 key facts you set out to collect." in page
    assert "<strong>SQL</strong>" in page
    assert "Audit rescue</a>" in page
    assert "no story yet" in page  # Patient first, or Tableau
    assert "1 answer to this job&#x27;s questions; the week of" in page
    assert "rates 5.0 of 5." in page
    assert f'<a href="/interviews/{screen.pk}/">Phone screen</a>' in page
    assert "Froze on the salary question" in page
    assert "Next round" in page
    assert (
        f'{ASKED} <span class="meta">Asked in the phone screen; your answer went well.</span>'
        in page
    )


def test_an_earlier_round_without_a_debrief_asks_for_it(alice_client: Client, alice: User) -> None:
    job = add_job(alice)
    screen = add_interview(alice, job, hours=-30, round_name="Phone screen")
    page = alice_client.get(url(add_interview(alice, job).pk)).content.decode()
    assert f'No debrief. <a href="/interviews/{screen.pk}/debrief/">Write it</a>' in page


def test_an_earlier_rounds_transcript_gives_likely_questions(
    alice_client: Client, alice: User
) -> None:
    job = add_job(alice)
    screen = add_interview(alice, job, hours=-30, round_name="Phone screen")
    add_transcript(screen)
    page = alice_client.get(url(add_interview(alice, job).pk)).content.decode()
    assert (
        'Why do you want to work with us? <span class="meta">Asked in the phone screen.</span>'
        in page
    )
    assert "Tell me about a time you improved a process." in page
    assert (
        "No debrief. The questions found in its transcript are used in the likely questions "
        f'below; <a href="/interviews/{screen.pk}/debrief/">write the debrief</a>' in page
    )
    assert "Write it</a> while you remember the questions" not in page


def test_small_talk_and_a_question_on_a_term_asked_already_are_not_listed(
    alice_client: Client, alice: User
) -> None:
    job = add_job(alice)
    job.job_description = "You will build our reports in Python and keep the data checks running."
    job.save()
    screen = add_interview(alice, job, hours=-30, round_name="Phone screen")
    add_transcript(
        screen,
        "Priya Shah: Hello Alice, how are you today?\nAlice Doe: Fine, thanks.\n"
        "Priya Shah: What is your experience with Python?\nAlice Doe: Five years of "
        "it, building the billing reports and the data checks that run every night.\n",
    )
    page = alice_client.get(url(add_interview(alice, job).pk)).content.decode()
    assert "how are you today" not in page  # neither likely nor "not practised yet"
    likely = page.split('id="likely"', 1)[1]
    assert likely.count("What is your experience with Python?") == 1


def test_the_interview_page_and_the_dashboard_countdown_link_it(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, hours=50)
    detail = alice_client.get(f"/interviews/{interview.pk}/").content.decode()
    assert f'href="/ready/{interview.pk}/">How ready you are</a>' in detail
    assert f'href="/ready/{interview.pk}/card/">Pre-interview card</a>' in detail
    home = alice_client.get("/").content.decode()
    assert f'<a href="/ready/{interview.pk}/">Get ready</a>' in home


def test_bob_gets_404_and_a_deleted_job_takes_it(client: Client, alice: User, bob: User) -> None:
    job = add_job(alice, "Secret Co")
    interview = add_interview(alice, job)
    client.force_login(bob)
    response = client.get(url(interview.pk))
    assert response.status_code == 404
    assert "Secret Co" not in response.content.decode()
    client.force_login(alice)
    assert client.post(url(interview.pk)).status_code == 405
    job.delete()
    response = client.get(url(interview.pk))
    assert response.status_code == 404
    assert "This interview is not here" in response.content.decode()


@pytest.mark.usefixtures("sentence_model")
def test_a_storys_tags_cover_a_job_term_by_their_words_alone(
    alice_client: Client, alice: User
) -> None:
    """A trial's readiness page said "renewal forecasting job term: Winning back a care-home
    group “renewal, retention”": the story's tags, by meaning, though nothing in it showed
    forecasting. Tags, the owner's labels, say a term only by its words."""
    job = add_job(alice, "Acme")
    job.terms_added = ["renewal forecasting", "retention"]
    job.save()
    Story.objects.create(
        user=alice, title="Winning back a care-home group", tags="renewal, retention",
        situation="A group of six care homes had given notice to leave us for a cheaper supplier.",
        action="I visited each home, listened to the managers and fixed the delivery problems.",
    )  # fmt: skip
    interview = add_interview(alice, job, round_name="Final round")
    page = alice_client.get(url(interview.pk)).content.decode()
    rows = dict(re.findall(r"<li><strong>([^<]+)</strong> .*?</span>:\s*(.*?)</li>", page, re.S))
    assert rows["renewal forecasting"].strip() == '<span class="warn-text">no story yet</span>'
    assert (
        'care-home group</a> <span class="meta">its tags: “renewal, retention”</span>'
        in rows["retention"]
    )


def test_a_story_prepcoach_cannot_read_covers_nothing_by_its_words(alice: User) -> None:
    """A job advert pasted into a story "showed" every key term of its own job (issue 9's bad
    input): readiness reads the bank as the coverage matrix does (`coach.stories.read_bank`),
    the competencies its owner ticked kept."""
    job = add_job(alice, "Acme")
    pasted = "<div class='job'><p>We need a data analyst with strong SQL and Tableau.</p></div>"
    story = Story.objects.create(user=alice, title="Pasted", situation=pasted, task=pasted,
                                 action=pasted, result=pasted, competencies=["teamwork"])  # fmt: skip
    read = Story.objects.create(user=alice, title="Audit rescue", action="I rebuilt the SQL.")
    interview = add_interview(alice, job, round_name="Final round")
    stories = {s.id: s for s in gather(alice, interview, timezone.localdate()).stories}
    assert stories[story.pk].text == ""
    assert stories[story.pk].competencies == ("teamwork",)
    assert stories[read.pk].text == read.lines


def test_answers_prepcoach_could_not_read_are_no_practice_and_no_areas_is_said_as_the_areas_page(
    alice_client: Client, alice: User
) -> None:
    """A tester's one-word and French answers, both refused ("too little to read", "does not
    read as English"), were counted among "8 answers to this job's questions"; and after 11
    answers "What to work on" said "answer a few questions to see what to work on"."""
    job = add_job(alice, "Acme")
    question = Question.objects.create(owner=alice, text=ASKED, company="Acme")
    star = {
        "star": {
            p: {"present": True, "evidence": []}
            for p in ("situation", "task", "action", "result", "quantified_result")
        }
    }
    for text, analysis in (
        ("I rebuilt the audit.", star),
        ("Yes.", {"cannot_tell": "too little to read"}),
        ("J'ai refait l'audit.", {"cannot_tell": "the answer does not read as English"}),
    ):
        Attempt.objects.create(user=alice, question=question, question_text=ASKED, text=text,
                               status=Attempt.Status.ANALYSED, analysis=analysis)  # fmt: skip
    interview = add_interview(alice, job, round_name="Final round")
    page = alice_client.get(url(interview.pk)).content.decode()
    assert (
        "1 answer to this job&#x27;s questions, not counting 2 answers prepcoach could not read;"
    ) in page
    assert "no pattern holds in two of them" in page
    assert "answer a few questions" not in page
    facts = gather(alice, interview, timezone.localdate())
    assert sorted(a.unread for a in facts.answers) == [
        "", "the answer does not read as English", "too little to read"
    ]  # fmt: skip


def test_only_unread_answers_practise_no_question() -> None:
    import datetime as dt

    from prepcoach.coach.readiness import AnswerFacts, practice_of

    day = dt.date(2026, 12, 1)
    practice = practice_of([ASKED], [AnswerFacts(1, day, ASKED, {}, unread="too little to read")])
    assert (practice.answers, practice.practised, practice.unread) == (0, (), 1)
    assert practice.words == (
        "No answer to this job's questions yet, not counting 1 answer prepcoach could not read."
    )
