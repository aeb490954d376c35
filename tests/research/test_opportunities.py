import datetime as dt
import re

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import Profile, User
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt, MockSession, Question
from prepcoach.templating import day
from tests.goals.conftest import days
from tests.jobs.typed import delete, move, typed_job
from tests.support import page_queries

ADVERT_HTML = (
    "<div><h2>Reporting Analyst</h2><p>You will own weekly <b>SQL</b> reports and Tableau "
    "dashboards for clinical teams.</p><script>alert(1)</script><ul><li>SQL</li><li>Tableau "
    "dashboards</li><li>Stakeholder reporting</li></ul></div>"
)


def add(client: Client, **extra: str):
    data = {"company": "Acme Health", "role": "Reporting analyst", "stage": "applied",
            "job_description": ADVERT_HTML, "interview_dates": "2027-01-14, 2027-01-07"} | extra  # fmt: skip
    return client.post(reverse("research:opportunity_new"), data)


def test_the_job_page_shows_each_interview_date_once(alice_client: Client, alice: User) -> None:
    """In its Interviews card, with how long until it, not again in the page's head nor in the
    countdown (a new user's trial: the date read two or three times)."""
    add(alice_client, interview_dates="2031-01-14")
    job = Opportunity.objects.get(user=alice)
    url = reverse("research:opportunity", args=[job.pk])
    alice_client.get(url)  # the first says, once, that the date was added to the week
    page = alice_client.get(url).text
    assert page.count("14 Jan 2031") == 1
    assert re.search(r"Tue 14 Jan 2031, 09:00 · other · in \d+ \w+</span>", page)
    assert "· interview " not in page


def test_the_jobs_list_shows_the_days_of_the_interviews_as_they_are_now(
    alice_client: Client, alice: User
) -> None:
    """A new user's fault: an interview moved or deleted on its page kept the date typed on
    the list. The list reads each job's interviews, all of them in one query."""
    _, (first, second) = typed_job(alice_client, alice, days(10), days(20))
    move(alice_client, first, days(12))
    delete(alice_client, second)
    Opportunity.objects.create(user=alice, company="Initech", role="Analyst")  # none typed
    page = alice_client.get(reverse("research:index")).text
    assert f"Interviewing</span> · interview {day(days(12))}</p>" in page
    assert day(days(10)) not in page
    assert day(days(20)) not in page
    assert page.count("· interview ") == 1
    queries = page_queries(alice_client, reverse("research:index"))
    assert sum('"interviews_interview"' in q for q in queries) == 1


def test_grow_without_jobs_says_where_to_start(alice_client: Client) -> None:
    assert (
        "Add the job you are interviewing for" in alice_client.get(reverse("research:index")).text
    )


def test_add_a_job_cleans_pasted_html_and_shows_its_key_terms(
    alice_client: Client, alice: User
) -> None:
    response = add(alice_client)
    job = Opportunity.objects.get(user=alice)
    assert response.url == reverse("research:opportunity", args=[job.pk])
    assert "<" not in job.job_description
    assert "alert" not in job.job_description
    assert (
        "You will own weekly SQL reports and Tableau dashboards for clinical teams."
        in job.job_description
    )
    assert job.interview_days() == [dt.date(2027, 1, 7), dt.date(2027, 1, 14)]
    page = alice_client.get(response.url).text
    for term in ("SQL", "Tableau"):
        assert f'<li class="badge">{term}</li>' in page
    # "Tableau dashboards" is Tableau again, not a second term; the company is never a term.
    assert "Tableau dashboards</li>" not in page
    assert not any("acme" in t.lower() for t in job.key_terms)


def test_bad_input_is_explained(alice_client: Client) -> None:
    response = add(alice_client, company="", link="not a link", interview_dates="30/02/2027")
    assert "Which company is it?" in response.text
    assert "That is not a web address" in response.text
    assert "is not a date" in response.text
    assert not Opportunity.objects.exists()
    # Said where the page lands, each box a link away: a tester's too-long advert came back
    # on a 390-px page with its error below the fold (issue 9).
    summary = response.text.split('id="not-saved"')[1].split("</div>")[0]
    assert "autofocus" in summary
    assert "The job was not saved. What you typed is still in the form." in summary  # 3 boxes
    assert '<a href="#id_company">Company</a>: Which company is it?' in summary


def edit_page(client: Client, job: Opportunity) -> str:
    return client.get(reverse("research:opportunity_edit", args=[job.pk])).text


def test_alice_writes_interview_dates_day_first_and_reads_them_back(
    alice_client: Client, alice: User
) -> None:
    Profile.objects.filter(user=alice).update(date_order="DMY")
    assert "e.g. 24 Dec or 24/12/2026" in alice_client.get(reverse("research:opportunity_new")).text
    add(alice_client, interview_dates="10/12/2030, Wed 11 Dec 2030")
    job = Opportunity.objects.get(user=alice)
    assert job.interview_days() == [dt.date(2030, 12, 10), dt.date(2030, 12, 11)]
    assert 'value="Tue 10 Dec 2030, Wed 11 Dec 2030"' in edit_page(alice_client, job)


def test_a_month_first_writer_is_read_and_shown_month_first(
    alice_client: Client, alice: User
) -> None:
    Profile.objects.filter(user=alice).update(date_order="MDY")
    add(alice_client, interview_dates="12/10/2030; Dec 11, 2030")
    job = Opportunity.objects.get(user=alice)
    assert job.interview_days() == [dt.date(2030, 12, 10), dt.date(2030, 12, 11)]
    page = edit_page(alice_client, job)
    assert 'value="Tue Dec 10 2030, Wed Dec 11 2030"' in page
    assert "e.g. Dec 24 or 12/24/2026" in page


def test_a_date_that_cannot_be_read_is_named_and_nothing_typed_is_lost(
    alice_client: Client, alice: User
) -> None:
    Profile.objects.filter(user=alice).update(date_order="")
    response = add(alice_client, interview_dates="10 Dec 2030, sometime in spring")
    assert "“sometime in spring” is not a date prepcoach can read: write it like" in response.text
    assert 'value="10 Dec 2030, sometime in spring"' in response.text
    assert 'value="Acme Health"' in response.text
    response = add(alice_client, interview_dates="04/12/2030")
    assert "“04/12/2030” could be Wed 4 Dec 2030 or Fri 12 Apr 2030" in response.text
    assert not Opportunity.objects.exists()


def test_a_mock_for_a_job_checks_answers_for_its_terms(alice_client: Client, alice: User) -> None:
    add(alice_client)
    job = Opportunity.objects.get(user=alice)
    page = alice_client.get(reverse("practice:mock_new"), {"opportunity": job.pk}).text
    assert 'value="Acme Health"' in page
    alice_client.post(reverse("practice:mock_new"), {"opportunity": job.pk, "company": "", "role": "", "field": "data", "seniority": "any",
                                                    "count": "2", "mix": "balanced", "seconds_per_answer": "90"})  # fmt: skip
    session = MockSession.objects.get()
    assert (session.opportunity, session.company) == (job, "Acme Health")
    question = Question.objects.get(pk=session.question_ids[0])
    alice_client.post(reverse("practice:typed_create", args=[question.pk]),
                      {"text": "I built Tableau dashboards for the ward.", "mode": "mock", "session": session.pk})  # fmt: skip
    keywords = Attempt.objects.get().analysis["keywords"]
    assert "Tableau" in keywords["used"]
    assert "SQL" in keywords["missed"]


def test_bob_cannot_see_or_use_alices_jobs(client: Client, alice_client: Client, bob: User) -> None:
    add(alice_client)
    job = Opportunity.objects.get()
    client.force_login(bob)
    assert client.get(reverse("research:opportunity", args=[job.pk])).status_code == 404
    response = client.post(reverse("practice:mock_new"), {"opportunity": job.pk, "field": "data", "seniority": "any", "count": "2",
                                                         "mix": "balanced", "seconds_per_answer": "90"})  # fmt: skip
    assert "Select a valid choice" in response.text


def test_the_report_shows_the_jobs_terms(alice_client: Client, alice: User) -> None:
    add(alice_client)
    job = Opportunity.objects.get(user=alice)
    session = MockSession.objects.create(
        user=alice, opportunity=job, question_ids=[], question_texts=[]
    )
    question = Question.objects.filter(owner__isnull=True).first()
    assert question is not None
    alice_client.post(reverse("practice:typed_create", args=[question.pk]),
                      {"text": "I wrote SQL reports every week.", "mode": "mock", "session": session.pk})  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[Attempt.objects.get().pk])).text
    # The card names the job (it said "The job's key terms" before free practice could be for
    # a job too), and marks a used term by more than colour.
    assert f"Key terms of {job}" in page
    assert '<span class="badge badge-done">✓ SQL</span>' in page


def test_research_with_five_facts_drives_a_knowledge_goal(
    alice_client: Client, alice: User
) -> None:
    from prepcoach.goals.models import Goal

    add(alice_client)
    job = Opportunity.objects.get(user=alice)
    alice_client.post(reverse("goals:facts_goal", args=[job.pk]))
    goal = Goal.objects.get(user=alice)
    assert (goal.kind, goal.target_value, goal.unit) == ("knowledge", 5, "key facts")
    assert goal.target_date.isoformat() == "2027-01-07"  # type: ignore[union-attr]
    refused = alice_client.post(
        reverse("research:fact_add", args=[job.pk]),
        {"fact-text": "Founded in 1999", "fact-source": ""},
        follow=True,
    )
    assert "Every fact needs its source" in refused.text
    for n in range(5):
        alice_client.post(
            reverse("research:fact_add", args=[job.pk]),
            {"fact-text": f"Fact {n}", "fact-source": "https://acme.example/about"},
        )
    page = alice_client.get(reverse("goals:detail", args=[goal.pk])).text
    assert "5 of 5 key facts" in page
    research = alice_client.get(reverse("research:research", args=[job.pk])).text
    assert "Target reached: you know 5 key facts about Acme Health." in research


def test_research_notes_are_markdown_that_cannot_run_code(
    alice_client: Client, alice: User
) -> None:
    add(alice_client)
    job = Opportunity.objects.get(user=alice)
    alice_client.post(reverse("research:research", args=[job.pk]), {
        "mission": "**Heal** the world", "notes": "<script>alert(1)</script> [x](javascript:alert(2)) [ok](https://acme.example)",
        "strategy": "", "products": "", "culture": "", "news": "", "competitors": "", "people": "", "fact_target": "5"})  # fmt: skip
    page = alice_client.get(reverse("research:research", args=[job.pk])).text
    assert "<strong>Heal</strong>" in page
    assert "<script>alert(1)</script>" not in page
    assert "javascript:" not in page.split("Edit the research")[0]
    assert 'href="https://acme.example"' in page


def test_a_200_kb_description_is_refused_and_kept_in_the_form(alice_client: Client) -> None:
    huge = "We are hiring a data analyst. " * 7000  # about 200 KB
    response = add(alice_client, job_description=huge)
    assert (
        "The description is over 50,000 characters: paste the advert&#x27;s text only."
        in response.text
    )
    assert "We are hiring a data analyst." in response.text  # what was typed is still there
    assert not Opportunity.objects.exists()


def test_the_same_job_twice_is_refused(alice_client: Client) -> None:
    add(alice_client)
    again = add(alice_client, company="acme health ", role="Reporting Analyst")
    assert "You already have Reporting Analyst at acme health" in again.text
    assert Opportunity.objects.count() == 1
