"""A question's page asks which job the answer is practised for ("Practising for"): the user's
own jobs only, none chosen until they choose one, then the job they chose last for free
practice, said beside the record and save buttons so a job carried over is noticed; with no
job, a link to add one instead of an empty select.

- alice: two jobs of her own (Data analyst at Acme, Analyst at Initech).
- bob: a job of his own (Sales lead at Globex), which alice's page must never list.
"""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt, MockSession, Question


def select(client: Client, question: Question) -> str | None:
    """The "Practising for" select of the question's page, or None when the page has none."""
    page = client.get(reverse("practice:question", args=[question.pk]))
    assert page.status_code == 200
    found = re.search(r'<select name="job"[^>]*>.*?</select>', page.text, re.S)
    return found[0] if found else None


def options(html: str) -> list[tuple[str, str, bool]]:
    """Each option's value, words and whether it is selected."""
    return [
        (value, words, bool(chosen))
        for value, chosen, words in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', html
        )
    ]


def jobs(alice: User, bob: User) -> tuple[Opportunity, Opportunity, Opportunity]:
    acme = Opportunity.objects.create(user=alice, company="Acme", role="Data analyst")
    initech = Opportunity.objects.create(user=alice, company="Initech", role="Analyst")
    globex = Opportunity.objects.create(user=bob, company="Globex", role="Sales lead")
    return acme, initech, globex


def test_the_select_lists_only_alices_own_jobs(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    acme, initech, _ = jobs(alice, bob)
    html = select(alice_client, question)
    assert html is not None, "no Practising for select"
    listed = options(html)
    assert {value for value, _, _ in listed} == {"", str(acme.pk), str(initech.pk)}
    assert ("", "No particular job", True) in listed  # none chosen at first
    assert "Globex" not in html
    # Labelled, described, and sent with the typed answer's form, which has that id.
    page = alice_client.get(reverse("practice:question", args=[question.pk])).text
    assert '<label for="practising-for">Practising for</label>' in page
    assert 'id="practising-for"' in html
    assert 'form="typed-answer"' in html
    assert 'aria-describedby="id_job_helptext"' in html
    assert 'id="id_job_helptext"' in page
    assert (
        '<form method="post" action="{}" id="typed-answer"'.format(
            reverse("practice:typed_create", args=[question.pk])
        )
        in page
    )
    assert 'data-job-select="practising-for"' in page  # the recorder's start reads it


def test_without_jobs_the_page_links_to_adding_one(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    Opportunity.objects.create(user=bob, company="Globex", role="Sales lead")
    assert select(alice_client, question) is None
    page = alice_client.get(reverse("practice:question", args=[question.pk])).text
    assert "Practising for a particular job?" in page
    assert f'href="{reverse("research:opportunity_new")}">Add the job</a>' in page
    assert 'data-job-select=""' in page


def test_the_job_chosen_last_for_free_practice_is_chosen_again(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    acme, initech, _ = jobs(alice, bob)
    Attempt.objects.create(user=alice, question_text="Earlier", job=acme, text="An answer.")
    Attempt.objects.create(user=alice, question_text="Latest", job=initech, text="An answer.")
    # A mock's answer is its mock's job's, not a choice made on this page.
    mock = MockSession.objects.create(user=alice, opportunity=acme)
    Attempt.objects.create(user=alice, question_text="In a mock", session=mock, mode="mock")
    html = select(alice_client, question)
    assert html is not None
    assert (str(initech.pk), "Analyst at Initech", True) in options(html)
    # Then "No particular job" chosen for an answer: the page starts on it again.
    Attempt.objects.create(user=alice, question_text="Latest of all", text="An answer.")
    html = select(alice_client, question)
    assert html is not None
    assert ("", "No particular job", True) in options(html)


KEPT = (
    '<p class="message kept-job" data-kept-job="{}">Still practising for <strong>{}</strong>, as '
    'for your last answer. <a href="#practising-for">Change</a></p>'
)


def page(client: Client, question: Question) -> str:
    response = client.get(reverse("practice:question", args=[question.pk]))
    assert response.status_code == 200
    return response.text


def test_a_job_carried_over_is_said_beside_both_buttons(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    """A tester answered later questions for the job chosen last without noticing the select
    had started on it: the page says so where the answer is recorded and where it is saved."""
    _, initech, _ = jobs(alice, bob)
    Attempt.objects.create(user=alice, question_text="Latest", job=initech, text="An answer.")
    html = page(alice_client, question)
    line = KEPT.format(initech.pk, "Analyst at Initech")
    assert html.count(line) == 2
    recorder = html.split("data-recorder")[1].split("</section>")[0]
    assert recorder.index(line) < recorder.index('data-action="record"')
    typed = html.split('id="typed-answer"')[1].split("</form>")[0]
    assert typed.index(line) < typed.index("Save answer</button>")
    # "Change" goes to the select, and a script (the only one for it) hides the lines once the
    # select is changed.
    assert 'id="practising-for"' in html
    assert html.count("prepcoach/js/practising-for.js") == 1


def test_no_line_when_the_page_starts_on_no_job(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    acme, _, globex = jobs(alice, bob)
    html = page(alice_client, question)  # nothing practised yet
    assert "Still practising for" not in html
    assert "practising-for.js" not in html
    # "No particular job" chosen last: nothing carried over.
    Attempt.objects.create(user=alice, question_text="Earlier", job=acme, text="An answer.")
    Attempt.objects.create(user=alice, question_text="Latest", text="An answer.")
    assert "Still practising for" not in page(alice_client, question)
    # A job not hers (however it came to be on her answer) is never named, nor chosen.
    Attempt.objects.create(user=alice, question_text="Odd", job=globex, text="An answer.")
    html = page(alice_client, question)
    assert "Still practising for" not in html
    assert "Globex" not in html


def test_a_mocks_question_never_says_it(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    """A mock's answer takes its mock's job: its page has no "Practising for" to carry over."""
    _, initech, _ = jobs(alice, bob)
    Attempt.objects.create(user=alice, question_text="Latest", job=initech, text="An answer.")
    mock = MockSession.objects.create(user=alice, question_ids=[question.pk])
    response = alice_client.get(reverse("practice:mock_question", args=[mock.pk, 1]))
    assert response.status_code == 200
    assert "Still practising for" not in response.text


def test_with_one_job_and_no_answer_yet_it_starts_on_that_job_and_says_so(
    alice_client: Client, alice: User, question: Question
) -> None:
    """A browser check answered for "No particular job" without noticing, so no key terms were
    read: before any free-practice answer, alice's one job is where it starts."""
    acme = Opportunity.objects.create(user=alice, company="Acme", role="Data analyst")
    html = select(alice_client, question)
    assert html is not None
    assert (str(acme.pk), "Data analyst at Acme", True) in options(html)
    page = alice_client.get(reverse("practice:question", args=[question.pk])).text
    said = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Practising for Data analyst at Acme , your one job" in said
    # Once she has answered for no job, none is where it starts again.
    Attempt.objects.create(
        user=alice, question=question, question_text=question.text, status="analysed"
    )
    html = select(alice_client, question)
    assert html is not None
    assert ("", "No particular job", True) in options(html)
