import datetime as dt
import io

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Fact, Interview, Opportunity
from prepcoach.jobs.terms import corrected, leading
from prepcoach.reflection.models import Story
from prepcoach.templating import day
from tests.goals.conftest import days
from tests.jobs.typed import delete, move, typed_job


def job_with_research(alice: User) -> Opportunity:
    job = Opportunity.objects.create(
        user=alice,
        company="Acme Health",
        role="Reporting analyst",
        values="Patients first\nOwn the outcome",
        my_questions="How is success measured in the first 90 days?\nWho uses the reports?",
        logistics="Video call with Priya Shah, 45 minutes, camera on.",
        job_description="You will own weekly SQL reports and Tableau dashboards.",
    )
    for n in range(3):
        Fact.objects.create(
            opportunity=job, text=f"Fact {n}: 12 clinics in 2026", source="Annual report"
        )
    story = Story.objects.create(
        user=alice,
        title="Rescued the clinic dashboard",
        situation="The weekly clinic dashboard was wrong.",
        action="I owned the fix and rebuilt the SQL.",
        result="Errors fell by 80% within a month.",
        competencies=["ownership"],
        tags="own the outcome",
    )
    story.opportunities.add(job)
    return job


def test_brief_page_gathers_facts_values_stories_and_questions(
    alice_client: Client, alice: User
) -> None:
    job = job_with_research(alice)
    page = alice_client.get(reverse("research:brief", args=[job.pk])).text
    for text in ("Fact 2: 12 clinics in 2026", "Patients first", "Rescued the clinic dashboard",
                 "How is success measured in the first 90 days?", "Video call with Priya Shah"):  # fmt: skip
        assert text in page
    # Each story to bring links to it (a new user's trial: plain text); the PDF keeps words.
    story = Story.objects.get(user=alice)
    story_url = reverse("reflection:story", args=[story.pk])
    assert f'<a href="{story_url}">Rescued the clinic dashboard</a>' in page


def test_the_brief_page_shows_the_interviews_days_as_they_are_now(
    alice_client: Client, alice: User
) -> None:
    """A new user's fault: the brief's head kept the dates typed after the interview was
    moved or deleted on its page."""
    job, (first, second) = typed_job(alice_client, alice, days(10), days(20))
    move(alice_client, first, days(12))
    delete(alice_client, second)
    page = alice_client.get(reverse("research:brief", args=[job.pk])).text
    assert f'<p class="meta">Interviewing · interview {day(days(12))}</p>' in page
    assert day(days(10)) not in page
    assert day(days(20)) not in page
    move(alice_client, first, days(14))  # moved again, the only one left
    page = alice_client.get(reverse("research:brief", args=[job.pk])).text
    assert f"· interview {day(days(14))}</p>" in page
    assert day(days(12)) not in page
    delete(alice_client, first)  # none left: no date at all
    page = alice_client.get(reverse("research:brief", args=[job.pk])).text
    assert '<p class="meta">Interviewing</p>' in page


def test_the_brief_markdown_shows_the_interviews_days_as_they_are_now(
    alice_client: Client, alice: User
) -> None:
    job, (first, second) = typed_job(alice_client, alice, days(10), days(20))
    move(alice_client, first, days(12))
    delete(alice_client, second)
    text = alice_client.get(reverse("research:brief_md", args=[job.pk])).content.decode()
    assert f"\nInterviewing · interview {day(days(12))}\n" in text
    assert day(days(10)) not in text
    assert day(days(20)) not in text


def test_brief_downloads_as_markdown(alice_client: Client, alice: User) -> None:
    job = job_with_research(alice)
    response = alice_client.get(reverse("research:brief_md", args=[job.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="brief-{job.pk}.md"'
    text = response.content.decode()
    assert text.startswith("# Reporting analyst at Acme Health")
    assert "1. Fact 0: 12 clinics in 2026 (Annual report)" in text
    assert "- **Rescued the clinic dashboard**: Errors fell by 80% within a month." in text
    assert "2. Who uses the reports?" in text


def test_brief_markdown_shows_the_users_markup_as_text(alice_client: Client, alice: User) -> None:
    """brief.md escapes user markup for Markdown (issue 11, class 4)."""
    import markdown

    job = job_with_research(alice)
    job.role = "**Lead** <img src=x onerror=alert(1)>"
    job.logistics = "Bring <b>ID</b>, ask for `Optional<User>` at <https://acme.example/desk>"
    job.my_questions = "# Not a heading\n[click](javascript:alert(2))"
    job.save()
    Fact.objects.create(opportunity=job, text="Optional<User> and <Enter>", source="_docs_")
    text = alice_client.get(reverse("research:brief_md", args=[job.pk])).content.decode()
    assert text.startswith("# \\*\\*Lead\\*\\* &lt;img src=x onerror=alert(1)> at Acme Health")
    assert "Bring &lt;b>ID&lt;/b>, ask for `Optional<User>` at <https://acme.example/desk>" in text
    assert "Optional&lt;User> and &lt;Enter> (\\_docs\\_)" in text
    html = markdown.markdown(text)
    assert "<img" not in html
    assert "<b>" not in html
    assert 'href="javascript' not in html
    assert "<h1>Not a heading" not in html
    assert "Optional&lt;User&gt; and &lt;Enter&gt; (_docs_)" in html
    assert "<code>Optional&lt;User&gt;</code>" in html


def test_brief_downloads_as_a_one_page_pdf(alice_client: Client, alice: User) -> None:
    job = job_with_research(alice)
    response = alice_client.get(reverse("research:brief_pdf", args=[job.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Reporting analyst at Acme Health" in text
    assert "How is success measured in the first 90 days?" in text
    assert "Rescued the clinic dashboard" in text


def test_every_user_text_in_the_pdf_wraps_inside_the_page(
    alice_client: Client, alice: User
) -> None:
    """A long link in the logistics ran off the page (issue 11, class 6): WeasyPrint's own
    layout of the brief puts every piece of text inside the page's content box."""
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from weasyprint import HTML

    from prepcoach.research.views import _brief

    link = "https://meet.example.com/j/" + "a1b2c3d4e5" * 12 + "?pwd=" + "Z" * 40
    job = job_with_research(alice)
    job.role = "Analyst" + "x" * 110  # the column holds 120
    job.logistics = (
        f"Join at {link}\n\n    {link}\n\n| where | when |\n| --- | --- |\n| {link} | 9:00 |"
    )
    job.my_questions = "Why" + "y" * 200 + "?"
    job.values = "Patients" + "p" * 120
    job.strategy = f"Read {link}"  # the sections issue 12 added wrap as well
    job.competitors = link
    job.people = link
    job.save()
    Interview.objects.create(
        user=alice, opportunity=job, starts_at=timezone.now() + dt.timedelta(days=2),
        round_name="First round", interviewers=link,
    )  # fmt: skip
    Fact.objects.create(opportunity=job, text=link, source=link)
    response = alice_client.get(reverse("research:brief_pdf", args=[job.pk]))
    text = "".join(PdfReader(io.BytesIO(response.content)).pages[0].extract_text().split())
    assert link in text  # wrapped, and every character kept

    request = RequestFactory().get("/")
    request.user = alice
    html = render_to_string("research/brief_print.html", _brief(request, job.pk))
    outside = []
    for page in HTML(string=html).render().pages:
        box = page._page_box
        right = box.content_box_x() + box.width
        stack = [box]
        while stack:
            item = stack.pop()
            stack.extend(getattr(item, "children", None) or [])
            if type(item).__name__ == "TextBox" and item.position_x + item.width > right + 0.5:
                outside.append(item.text[:30])
    assert outside == []


def test_an_empty_brief_says_what_to_add(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst")
    text = alice_client.get(reverse("research:brief_md", args=[job.pk])).content.decode()
    assert "(none yet)" in text
    assert "(none chosen)" in text


def test_the_brief_pages_hints_link_to_where_each_part_is_written(
    alice_client: Client, alice: User
) -> None:
    """An empty part of the brief says where to fill it in, and on the page that is a link (a
    new user's trial: "on the research page", with no way there); the PDF keeps the words."""
    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst")
    page = alice_client.get(reverse("research:brief", args=[job.pk])).text
    research = reverse("research:research", args=[job.pk])
    for part in ("logistics", "strategy", "competitors", "my_questions"):
        assert f'<a href="{research}#id_{part}">the research page</a>' in page
    assert f'<a href="{research}#facts-title">the research page</a>' in page
    assert page.count(f'<a href="{reverse("research:opportunity", args=[job.pk])}">') == 3
    assert f'<a href="{reverse("reflection:stories")}">the story bank</a>' in page
    assert "on the research page" not in page  # every such hint is a link
    research_page = alice_client.get(research).text
    for part in ("logistics", "strategy", "competitors", "my_questions"):
        assert f'id="id_{part}"' in research_page
    assert 'id="facts-title"' in research_page


def test_someone_elses_brief_is_not_found(client: Client, alice: User, bob: User) -> None:
    job = job_with_research(alice)
    client.force_login(bob)
    for name in ("research:brief", "research:brief_md", "research:brief_pdf"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404


def test_a_story_prepcoach_cannot_read_matches_no_value_by_its_words(
    alice_client: Client, alice: User
) -> None:
    """A company's page pasted into a story "showed" its values (issue 9's bad input), as a
    pasted advert did every key term in the coverage matrix: the brief reads the bank as the
    matrix does (`coach.stories.read_bank`)."""
    job = job_with_research(alice)
    pasted = "<div class='about'><h2>Our values</h2><p>Patients first, always.</p></div>"
    Story.objects.create(user=alice, title="Pasted page", situation=pasted, task=pasted,
                         action=pasted, result=pasted)  # fmt: skip
    page = alice_client.get(reverse("research:brief", args=[job.pk])).text
    line = next(li for li in page.split("<li>") if li.startswith("<strong>Patients first"))
    assert "Pasted page" not in line


def test_the_brief_lists_required_terms_before_optional_ones() -> None:
    """A trial's brief kept "stock control" (desirable) and "IOSH Managing Safely" (a plus)
    among its ten and left out required terms."""
    terms = corrected([f"skill {n}" for n in range(12)], removed=[], added=["my own"])
    shown = leading(terms.terms, 10, optional=["skill 0", "SKILL 1"])
    assert shown == [*(f"skill {n}" for n in range(2, 11)), "my own"]
    assert leading(terms.terms, 10) == [*(f"skill {n}" for n in range(9)), "my own"]


def test_the_brief_says_how_many_terms_it_leaves_out(alice_client: Client, alice: User) -> None:
    job = job_with_research(alice)
    job.terms_added = [f"added skill {n}" for n in range(12)]
    job.save()
    more = len(job.key_terms) - 10
    assert more >= 2
    page = alice_client.get(reverse("research:brief", args=[job.pk])).text
    job_url = reverse("research:opportunity", args=[job.pk])
    assert f'And {more} more on <a href="{job_url}#key-terms">the job\'s page</a>.' in page
    text = alice_client.get(reverse("research:brief_md", args=[job.pk])).content.decode()
    assert f"And {more} more on the job's page: <http://testserver{job_url}#key-terms>." in text


def test_the_brief_says_nothing_more_when_it_lists_every_term(
    alice_client: Client, alice: User
) -> None:
    job = job_with_research(alice)
    assert 0 < len(job.key_terms) <= 10
    page = alice_client.get(reverse("research:brief", args=[job.pk])).text
    assert "more on" not in page
