"""The brief's strategy, competitors and people (issue 12, class 9), in all three forms: the
page, brief.md and the PDF; and the advert's words in brief.md too."""

import datetime as dt
import io

import markdown
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Interview, Opportunity


def researched_job(alice: User) -> Opportunity:
    """Alice, preparing for a product-manager interview, has written the company's strategy,
    its competitors and a note on a person, and has her first round booked with two people."""
    job = Opportunity.objects.create(
        user=alice,
        company="Northwind",
        role="Product manager",
        strategy="Move the clinics onto one booking platform by 2027.",
        competitors="Contoso Care and Fabrikam Health.",
        people="Met Dee Okafor at the open day; she runs onboarding.",
        job_description="You will own the roadmap, run discovery and work with SQL and Figma.",
    )
    Interview.objects.create(
        user=alice,
        opportunity=job,
        starts_at=timezone.now() + dt.timedelta(days=3),
        round_name="First round",
        interviewers="Ana Lee, Head of Product\n\n- Bo Chen, Engineering lead\nana lee, head of product",
    )
    Interview.objects.create(  # already past: not who she will meet
        user=alice,
        opportunity=job,
        starts_at=timezone.now() - dt.timedelta(days=3),
        round_name="Phone screen",
        interviewers="Old Recruiter",
    )
    return job


EXPECTED = (
    "Their strategy",
    "Move the clinics onto one booking platform by 2027.",
    "Competitors",
    "Contoso Care and Fabrikam Health.",
    "Who you will meet",
    "First round",
    "Ana Lee, Head of Product",
    "Bo Chen, Engineering lead",
    "Met Dee Okafor at the open day; she runs onboarding.",
)


def test_the_page_shows_strategy_competitors_and_people(alice_client: Client, alice: User) -> None:
    job = researched_job(alice)
    page = alice_client.get(reverse("research:brief", args=[job.pk])).content.decode()
    for text in EXPECTED:
        assert text in page
    assert page.count("Ana Lee") == 1  # the same person typed twice is listed once
    assert "Old Recruiter" not in page


def test_the_markdown_shows_them_and_the_adverts_words(alice_client: Client, alice: User) -> None:
    job = researched_job(alice)
    text = alice_client.get(reverse("research:brief_md", args=[job.pk])).content.decode()
    for expected in EXPECTED:
        assert expected in text
    assert "## Who you will meet" in text
    assert "- Bo Chen, Engineering lead" in text
    assert "Old Recruiter" not in text
    assert "## Words the advert leans on" in text
    assert "roadmap" in text.split("## Words the advert leans on")[1]


def test_the_pdf_holds_them(alice_client: Client, alice: User) -> None:
    job = researched_job(alice)
    response = alice_client.get(reverse("research:brief_pdf", args=[job.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in EXPECTED:
        assert expected in text


def test_user_markup_in_the_new_sections_stays_text_in_markdown(
    alice_client: Client, alice: User
) -> None:
    job = researched_job(alice)
    job.strategy = "Grow <img src=x onerror=alert(1)> in **Europe**"
    job.competitors = "<b>Contoso</b> and *Fabrikam*"
    job.people = "<script>alert(3)</script> Dee"
    job.save()
    Interview.objects.filter(opportunity=job, round_name="First round").update(
        interviewers="# Not a heading\n**Ana** <img src=y>\n[click](javascript:alert(2))",
        round_name="<i>Final</i>",
    )
    text = alice_client.get(reverse("research:brief_md", args=[job.pk])).content.decode()
    assert "Grow &lt;img src=x onerror=alert(1)> in **Europe**" in text  # her Markdown kept
    assert "- \\# Not a heading" in text
    assert "- \\*\\*Ana\\*\\* &lt;img src=y>" in text
    html = markdown.markdown(text)
    for markup in ("<img", "<b>", "<script", "<i>", 'href="javascript', "<h1>Not a heading"):
        assert markup not in html
    assert "<strong>Europe</strong>" in html  # the Markdown she wrote in her notes
    assert "&lt;b&gt;Contoso&lt;/b&gt; and <em>Fabrikam</em>" in html


def test_empty_sections_say_what_to_add_and_where(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst")
    page = alice_client.get(reverse("research:brief", args=[job.pk])).content.decode()
    text = alice_client.get(reverse("research:brief_md", args=[job.pk])).content.decode()
    research = reverse("research:research", args=[job.pk])
    assert (
        "Add where the company is heading under “Strategy” on "
        f'<a href="{research}#id_strategy">the research page</a>.' in page
    )
    assert (
        "Add who they compete with under “Competitors” on "
        f'<a href="{research}#id_competitors">the research page</a>.' in page
    )
    assert "No interview planned: add one, with its interviewers" in page
    assert "(none yet: add it under Strategy on the research page)" in text
    assert "(none yet: add them under Competitors on the research page)" in text
    assert "(no interview planned: add one, with its interviewers" in text
    pdf = alice_client.get(reverse("research:brief_pdf", args=[job.pk])).content
    pdf_text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "under “Strategy” on the research page" in pdf_text
    assert "No interview planned: add one, with its interviewers" in pdf_text


def test_an_interview_without_interviewers_asks_for_them(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="Acme", role="Analyst")
    interview = Interview.objects.create(
        user=alice, opportunity=job, starts_at=timezone.now() + dt.timedelta(days=1),
        round_name="Final round",
    )  # fmt: skip
    page = alice_client.get(reverse("research:brief", args=[job.pk])).content.decode()
    # Linked to the interview's own form, where its interviewers are written (a new user's
    # trial: the link led to the job's page); the PDF keeps the words.
    edit = reverse("interviews:edit", args=[interview.pk])
    assert f'add the interviewers to <a href="{edit}">this interview</a>' in page
    assert "Final round, " in page
    # The logistics hint knows when it is: it asks only for the rest.
    assert "Add where, when and who" not in page
    assert ": add where, how long and what to bring on" in page
    pdf = alice_client.get(reverse("research:brief_pdf", args=[job.pk])).content
    pdf_text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "add the interviewers to this interview, from “Interviews” on the job's page" in pdf_text
