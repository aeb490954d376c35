import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.stories import StoryInfo, coverage
from prepcoach.jobs.models import Opportunity
from prepcoach.reflection.models import Reflection, Story


def story_data(**extra: object) -> dict[str, object]:
    return {"title": "The late reports", "situation": "In my last job our weekly reports were always late.",
            "task": "My task was to get them out on time.", "action": "I built a checklist and I trained the team.",
            "result": "Reports went out earlier after that.", "metrics": "", "tags": "process",
            "competencies": ["ownership"]} | extra  # fmt: skip


def test_the_bank_starts_empty_and_shows_every_gap(alice_client: Client) -> None:
    page = alice_client.get(reverse("reflection:stories")).text
    assert "No stories yet" in page
    assert "12 gaps" in page


def test_a_story_is_checked_and_fills_the_matrix(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst", values="Ownership\nPatients first",
                                     job_description="Weekly SQL reports. SQL and checklists. Reporting for teams.")  # fmt: skip
    alice_client.post(reverse("reflection:story_new"), story_data(opportunities=[job.pk]))
    story = Story.objects.get(user=alice)
    page = alice_client.get(reverse("reflection:story", args=[story.pk])).text
    assert "Put a number on the result" in page
    matrix = alice_client.get(reverse("reflection:stories"), {"for": job.pk}).text
    assert "Patients first" in matrix
    assert ">The late reports</a>" in matrix
    before = matrix.count("no story yet")
    alice_client.post(
        reverse("reflection:story_edit", args=[story.pk]),
        story_data(
            result="Reports went out 2 days earlier; errors fell by 40%.",
            competencies=["ownership", "leadership"],
            opportunities=[job.pk],
        ),
    )
    after = alice_client.get(reverse("reflection:stories"), {"for": job.pk}).text
    assert after.count("no story yet") == before - 1  # leadership is covered now
    assert (
        "A complete STAR story"
        in alice_client.get(reverse("reflection:story", args=[story.pk])).text
    )


def test_a_story_read_for_evidence_keeps_each_part_apart(alice: User) -> None:
    # A trial's value "Everyone counts" was matched to a story whose title ("...manual counts")
    # ran into its situation ("Everyone on the ward..."), one sentence with both words; a
    # brief quoted a part run into the tags. Evidence reads `Story.lines`, a part a line.
    story = Story(user=alice, **{k: v for k, v in story_data(
        title="Replacing the manual counts", situation="Everyone on the ward had to help.",
        result="We cut the backlog and had 40 examples documented", tags="SQL, data quality",
    ).items() if k != "competencies"})  # fmt: skip
    assert story.lines.splitlines()[:2] == ["Replacing the manual counts", story.situation]
    run_in = coverage([StoryInfo(1, story.title, story.text, ())], values=["Everyone counts"],
                      terms=["SQL"], embedder=None)  # fmt: skip
    assert run_in[-2].stories == (1,)  # the fault, had the parts run together
    rows = coverage([StoryInfo(1, story.title, story.lines, ())], values=["Everyone counts"],
                    terms=["SQL"], embedder=None)  # fmt: skip
    assert rows[-2].gap
    assert rows[-1].evidence == ("its tags: “SQL, data quality”",)


def test_a_group_of_checkboxes_is_a_labelled_fieldset(alice_client: Client) -> None:
    page = alice_client.get(reverse("reflection:story_new")).text
    assert 'for=""' not in page
    assert "<legend>Competencies</legend>" in page


def test_reflections_are_dated_and_compared(alice_client: Client, alice: User) -> None:
    url = reverse("reflection:compass")
    alice_client.post(url, {"prompt": "five-years", "answer": "Leading a data team in a bank."})
    alice_client.post(url, {"prompt": "five-years", "answer": "Leading a data team in healthcare."})
    assert Reflection.objects.filter(user=alice).count() == 2
    page = alice_client.get(url).text
    assert "Since your previous answer" in page
    assert "healthcare" in page
    empty = alice_client.post(url, {"prompt": "motivation", "answer": ""})
    assert "Write a few sentences first" in empty.text
    assert Reflection.objects.filter(user=alice).count() == 2


def test_scripts_typed_in_stories_stay_text(alice_client: Client, alice: User) -> None:
    alice_client.post(
        reverse("reflection:story_new"), story_data(title="<script>alert(1)</script>")
    )
    page = alice_client.get(reverse("reflection:stories")).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_bob_cannot_see_alices_stories(client: Client, alice_client: Client, bob: User) -> None:
    alice_client.post(reverse("reflection:story_new"), story_data())
    story = Story.objects.get()
    client.force_login(bob)
    assert client.get(reverse("reflection:story", args=[story.pk])).status_code == 404
    assert "The late reports" not in client.get(reverse("reflection:stories")).text


def test_a_duplicate_job_is_refused(alice_client: Client, alice: User) -> None:
    Opportunity.objects.create(user=alice, company="Acme", role="Analyst")
    response = alice_client.post(
        reverse("research:opportunity_new"),
        {"company": "acme", "role": "analyst", "stage": "applied"},
    )
    assert "You already have analyst at acme" in response.text
    assert Opportunity.objects.count() == 1


def test_a_story_too_long_to_tell_is_saved_with_a_word_about_its_length(
    alice_client: Client, alice: User
) -> None:
    form = alice_client.get(reverse("reflection:story_new")).text
    assert 'data-words-per-minute="150"' in form  # spoken-length.js counts as it is typed
    assert form.count("data-spoken-length") == 4  # situation, task, action, result
    assert "prepcoach/js/spoken-length.js" in form
    action = "I reworked the pipeline step by step and checked every report myself. " * 100
    saved = alice_client.post(
        reverse("reflection:story_new"), story_data(action=action), follow=True
    )
    assert Story.objects.get(user=alice).action == action.strip()
    assert "Story saved." in saved.text
    assert "Told aloud, this story takes about 8 minutes" in saved.text
    short = alice_client.post(reverse("reflection:story_new"), story_data(), follow=True)
    assert "Told aloud" not in short.text


def test_the_matrix_starts_against_the_job_of_the_next_interview(
    alice_client: Client, alice: User, bob: User
) -> None:
    import datetime as dt

    from django.utils import timezone

    from prepcoach.jobs.models import Interview

    past = Opportunity.objects.create(user=alice, company="Oldco", role="Clerk", values="Thrift")
    soon = Opportunity.objects.create(user=alice, company="Acme", role="Analyst",
                                      values="Patients first")  # fmt: skip
    later = Opportunity.objects.create(user=alice, company="Zeta", role="Analyst", values="Speed")
    now = timezone.now()
    Interview.objects.create(user=alice, opportunity=past, round_name="First",
                             starts_at=now - dt.timedelta(days=2))  # fmt: skip
    Interview.objects.create(user=alice, opportunity=later, round_name="First",
                             starts_at=now + dt.timedelta(days=9))  # fmt: skip
    Interview.objects.create(user=alice, opportunity=soon, round_name="Final",
                             starts_at=now + dt.timedelta(days=3))  # fmt: skip
    bobs = Opportunity.objects.create(user=bob, company="Bobco", role="Chef", values="Knives")
    Interview.objects.create(user=bob, opportunity=bobs, round_name="First",
                             starts_at=now + dt.timedelta(hours=1))  # fmt: skip
    page = alice_client.get(reverse("reflection:stories")).text
    assert "Patients first" in page  # the job of the next interview, not the past or the later
    assert "Thrift" not in page
    assert "Speed" not in page
    assert "Knives" not in page  # Bob's sooner interview is his own
    assert "the job of your next interview" in page
    assert f'<option value="{soon.pk}" selected>' in page
    # Choosing "Competencies only" sends an empty choice, which stays chosen.
    alone = alice_client.get(reverse("reflection:stories"), {"for": ""}).text
    assert "Patients first" not in alone
    assert "the job of your next interview" not in alone


def test_without_an_interview_ahead_the_matrix_shows_the_competencies(
    alice_client: Client, alice: User
) -> None:
    Opportunity.objects.create(user=alice, company="Acme", role="Analyst", values="Patients first")
    page = alice_client.get(reverse("reflection:stories")).text
    assert "Patients first" not in page
    assert "the job of your next interview" not in page


def test_with_no_job_the_story_form_says_how_to_add_one_and_still_saves(
    alice_client: Client, alice: User
) -> None:
    """A new user's story form showed "Bring it to these interviews" over an empty box: with no
    job to pick there is no box, a line saying there are no interviews yet and where to add
    the job, and the story saves without the field."""
    new = reverse("reflection:story_new")
    page = alice_client.get(new).text
    assert 'name="opportunities"' not in page
    assert "<legend>Bring it to these interviews</legend>" not in page
    add_job = reverse("research:opportunity_new")
    assert (
        f'No interviews yet: <a href="{add_job}">add the job you are interviewing for</a>' in page
    )
    response = alice_client.post(new, story_data())
    story = Story.objects.get(user=alice)
    assert response["Location"] == story.get_absolute_url()
    assert not story.opportunities.exists()
    edit = reverse("reflection:story_edit", args=[story.pk])
    assert "No interviews yet" in alice_client.get(edit).text
    alice_client.post(edit, story_data(title="The late weekly reports"))
    story.refresh_from_db()
    assert story.title == "The late weekly reports"

    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst")
    page = alice_client.get(edit).text
    assert "<legend>Bring it to these interviews</legend>" in page
    assert f'value="{job.pk}"' in page
    assert "No interviews yet" not in page
    alice_client.post(edit, story_data(opportunities=[job.pk]))
    assert list(story.opportunities.all()) == [job]


def test_with_no_job_the_coverage_offers_no_job_to_choose(
    alice_client: Client, alice: User
) -> None:
    """A new user's coverage offered "Against the job" with one choice, "Competencies only",
    and a Show button that changed nothing: it says what the table is read against and where to
    add a job instead; with a job the choice is back."""
    page = alice_client.get(reverse("reflection:stories")).text
    assert 'name="for"' not in page
    assert (
        f'<a href="{reverse("research:opportunity_new")}">Add the job you are interviewing for</a>'
        in page
    )
    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst")
    page = alice_client.get(reverse("reflection:stories")).text
    assert f'<option value="{job.pk}">Analyst at Acme</option>' in page
    assert 'id="matrix-no-job"' not in page


GERMAN_RESULT = "Am Ende haben wir die Ladezeit um 40 Prozent reduziert."


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    ("part", "why"),
    [
        ("um uh like you know so um", "it is only filler words"),
        ("🚀🔥💯 😀😀 🎯✅", "there are no words to read"),
        (
            "Ich habe in meinem letzten Projekt ein Team von fünf Entwicklern geleitet. Wir "
            "mussten die Datenbank innerhalb von drei Monaten migrieren. " + GERMAN_RESULT,
            "read as English",  # by its words the vocabulary knows, or its function words
        ),
        (
            '<div class="job"><h1>Senior Python Developer</h1><p>Python &amp; Django</p></div>',
            "it is a web page's HTML markup (<div>, <h1>, <p>)",
        ),
    ],
    ids=["fillers", "emoji", "German", "HTML"],
)
def test_a_story_prepcoach_cannot_read_says_so_instead_of_what_it_lacks(
    alice_client: Client, alice: User, part: str, why: str
) -> None:
    """Issue 9's bad input in every part: a story of fillers, in German or of HTML was told only
    "Put a number on the result" (the German result has "40 Prozent"), one of emoji to add each
    part it had filled in, and the bank's badge said "result without a number"."""
    parts = dict.fromkeys(("situation", "task", "action", "result"), part)
    alice_client.post(reverse("reflection:story_new"), story_data(**parts))
    story = Story.objects.get(user=alice)
    page = alice_client.get(reverse("reflection:story", args=[story.pk])).text
    said = html.unescape(page)
    assert "prepcoach could not read this story: " in said
    assert why in said.split("could not read this story: ")[1].split("</p>")[0]
    assert "Put a number on the result" not in page
    assert "Add the situation" not in page
    bank = alice_client.get(reverse("reflection:stories")).text
    assert "not read: can't tell its parts" in html.unescape(bank)
    assert "result without a number" not in bank


def test_a_story_of_a_word_a_part_is_told_what_to_add(alice_client: Client, alice: User) -> None:
    """Thin, not unreadable: "leadership" in each part is not "another language"."""
    parts = dict.fromkeys(("situation", "task", "action", "result"), "leadership")
    alice_client.post(reverse("reflection:story_new"), story_data(**parts))
    story = Story.objects.get(user=alice)
    page = alice_client.get(reverse("reflection:story", args=[story.pk])).text
    assert "Add the situation" in page
    assert "could not read this story" not in page


@pytest.mark.usefixtures("sentence_model")
def test_a_story_prepcoach_cannot_read_covers_no_job_term_by_its_words(
    alice_client: Client, alice: User
) -> None:
    """A job advert's HTML pasted into a story "showed" every key term of its own job in the
    coverage matrix (issue 9's bad input), though the story's page says it cannot be read."""
    advert = (
        '<div class="job"><h1>Reporting analyst</h1><p>You will own weekly SQL reports and '
        "Tableau dashboards for clinical teams.</p><ul><li>Python</li><li>Excel</li></ul></div>"
    )
    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst",
                                     job_description=advert)  # fmt: skip
    assert "Tableau" in job.key_terms
    parts = dict.fromkeys(("situation", "task", "action", "result"), advert)
    alice_client.post(reverse("reflection:story_new"),
                      story_data(title="Pasted", competencies=["teamwork"], **parts))  # fmt: skip
    matrix = alice_client.get(reverse("reflection:stories"), {"for": job.pk}).text
    rows = dict(re.findall(r'<th scope="row">([^<]+?) <span.*?<td>(.*?)</td>', matrix, re.S))
    assert "Pasted" not in rows["Tableau"]
    assert "Pasted" in rows["teamwork"]  # her own tag still counts
    assert 'id="matrix-unread"' in matrix
    assert ">Pasted</a>. The competencies you tagged on it still count." in matrix


CELL_RE = r'<th scope="row">([^<]+?) <span.*?<td>(.*?)</td>'


@pytest.mark.usefixtures("sentence_model")
def test_the_matrix_shows_what_covers_each_term_and_reads_tags_by_their_words(
    alice_client: Client, alice: User
) -> None:
    """A trial's user saw a term covered by a story, but not why; and the story's tags,
    "renewal, retention", covered "renewal forecasting" by meaning, though nothing in it showed
    forecasting. Each story in a cell is followed by what shows it; tags say only their words."""
    job = Opportunity.objects.create(
        user=alice, company="Acme", role="Account manager",
        terms_added=["renewal forecasting", "expansion opportunities", "retention", "account management"],
    )  # fmt: skip
    alice_client.post(reverse("reflection:story_new"), story_data(
        title="Winning back a care-home group",
        situation="A group of six care homes had given notice to leave us for a cheaper supplier.",
        task="I was asked to keep the account.",
        action="I visited each home, listened to the managers and fixed the delivery problems.",
        result="They signed a new three-year contract worth £180k a year.",
        tags="renewal, retention", competencies=["ownership"],
    ))  # fmt: skip
    story = Story.objects.get(user=alice)
    matrix = alice_client.get(reverse("reflection:stories"), {"for": job.pk}).text
    rows = dict(re.findall(CELL_RE, matrix, re.S))
    link = f'<a href="{story.get_absolute_url()}">Winning back a care-home group</a>'
    assert rows["renewal forecasting"] == '<strong class="warn-text">no story yet</strong>'
    assert rows["expansion opportunities"] == '<strong class="warn-text">no story yet</strong>'
    assert rows["retention"] == f'{link} <span class="meta">its tags: “renewal, retention”</span>'
    assert rows["account management"] == (
        f'{link} <span class="meta">“I was asked to keep the account.”</span>'
    )
    assert rows["ownership"] == f'{link} <span class="meta">you ticked it</span>'


def test_each_story_in_a_matrix_cell_has_its_own_evidence(
    alice_client: Client, alice: User
) -> None:
    job = Opportunity.objects.create(
        user=alice, company="Acme", role="Analyst", terms_added=["SQL"]
    )
    alice_client.post(reverse("reflection:story_new"), story_data(
        title="Audit rescue", action="I rebuilt the reports in SQL.", tags="",
    ))  # fmt: skip
    alice_client.post(reverse("reflection:story_new"), story_data(tags="SQL, process"))
    matrix = alice_client.get(reverse("reflection:stories"), {"for": job.pk}).text
    cell = html.unescape(dict(re.findall(CELL_RE, matrix, re.S))["SQL"])
    shown = re.findall(r'<a href="[^"]+">([^<]+)</a> <span class="meta">([^<]+)</span>', cell)
    assert sorted(shown) == [
        ("Audit rescue", "“I rebuilt the reports in SQL.”"),
        ("The late reports", "its tags: “SQL, process”"),
    ]
    assert "</span>; <a" in cell
