"""Grow, end to end: add a job from a pasted advert, research the company, turn a retrospective
into a STAR story that closes a gap in the coverage matrix, and take the brief away as a PDF."""

import datetime as dt
import re

import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.reflection.models import Story
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ADVERT = (
    '<div class="advert"><h2>About the role</h2><p>Northwind Clinics is hiring a '
    "<strong>Reporting analyst</strong> to own our <em>SQL</em> pipelines and <b>Tableau</b> "
    "dashboards.</p><ul><li>Write SQL for weekly clinic reporting</li><li>Publish Tableau "
    "dashboards for clinic managers</li><li>Keep patient data quality high</li></ul>"
    "<script>alert('pasted')</script></div>"
)
FACTS = [
    ("Runs 14 clinics across the north-east", "https://northwind.example/about"),
    ("Opened a diabetes clinic in Leeds in March", "Local news, Yorkshire Post"),
    ("Moved its reporting to Tableau Cloud last year", "Talk by their head of data"),
    ("About 1,200 staff, 40 of them in the data team", "Annual report 2024, page 3"),
    ("Mission: care close to home for everyone", "https://northwind.example/mission"),
]
STORY_TITLE = "Junior data analyst: Cleaning up the data quality of the outpatient waiting-list report in 2022"


def matrix_cell(page: Page, row_header: str) -> Locator:
    """The "Stories that show it" cell of the coverage matrix's row for row_header."""
    row = page.locator("table.matrix tr").filter(
        has=page.get_by_role("rowheader", name=row_header, exact=True)
    )
    expect(row).to_have_count(1)
    return row.get_by_role("cell")


def show_matrix_for_job(page: Page, job: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Grow").click()
    page.get_by_role("link", name="Open the story bank").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("STAR story bank")
    page.get_by_label("Against the job").select_option(label=job)
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"/stories/\?for=\d+$"))


def test_from_a_pasted_advert_to_a_brief_in_hand(page: Page, alice: User) -> None:
    job = "Reporting analyst at Northwind Clinics"
    interview = dt.date.today() + dt.timedelta(days=10)
    log_in(page, alice)

    # 1. The job: pasted HTML is reduced to text, and the advert's key terms are shown.
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Grow").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grow")
    page.get_by_role("link", name="Add a job").first.click()
    page.get_by_label("Company", exact=True).fill("Northwind Clinics")
    page.get_by_label("Role", exact=True).fill("Reporting analyst")
    page.get_by_label("Stage").select_option(label="Interviewing")
    page.get_by_label("Job description").fill(ADVERT)
    page.get_by_label("Company values").fill("Data quality\nCare close to home")
    page.get_by_label("Interview dates").fill(interview.isoformat())
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("status")).to_contain_text(f"Saved “{job}”.")
    expect(page.get_by_role("heading", level=1)).to_have_text(job)
    # The date as people write it (issue 12, class 1), never ISO: "Thu 10 Dec", with the year
    # when it is not this year's.
    year = "" if interview.year == dt.date.today().year else f" {interview.year}"
    shown = f"{interview:%a} {interview.day} {interview:%b}{year}"
    # The stage in the page's head; the interview's date once, in its Interviews card.
    expect(page.get_by_text("Interviewing", exact=True)).to_be_visible()
    expect(page.get_by_text(f"{shown}, 09:00")).to_be_visible()
    terms = page.get_by_role("region", name="Key terms of the description").get_by_role("listitem")
    expect(terms.first).to_be_visible()
    shown_terms = terms.all_inner_texts()
    # The tools and the method the advert asks for, "Tableau dashboards" as one term (Tableau);
    # never the job title or the employer.
    assert {"SQL", "Tableau"} <= set(shown_terms), shown_terms
    # More than the two tools: what the advert asks done with them. A known miss since the
    # twentieth session, named rather than hidden: "Write SQL for weekly clinic reporting" no
    # longer gives "clinic reporting" (0.09; 0.36 before, with "SQL pipelines" and "Publish
    # Tableau" beside it, now gone), the extractor reading each phrase in its line; on three
    # held-out advert sets it gives more right terms and fewer wrong ones (docs/architecture.md).
    assert len(shown_terms) >= 3, shown_terms
    assert not any(re.search(r"analyst|northwind|dashboards", t, re.I) for t in shown_terms), (
        shown_terms
    )
    assert not any(re.search(r"[<>]|strong|script|alert", t) for t in shown_terms), shown_terms
    page.get_by_text("The description", exact=True).click()
    description = page.locator(".jd")
    expect(description).to_contain_text("Keep patient data quality high")
    expect(description).not_to_contain_text("<strong>")
    expect(description).not_to_contain_text("alert")
    opportunity = Opportunity.objects.get(user=alice)
    assert opportunity.interview_days() == [interview]  # the interview the date made
    assert opportunity.stage == Opportunity.Stage.INTERVIEWING

    # 2. Company research: five facts, each with its source, fill the checklist.
    page.get_by_role("link", name="Company research (0/5 facts)").click()
    facts = page.locator("section.card").filter(
        has=page.get_by_role("heading", name=re.compile(r"^Key facts"))
    )
    expect(facts.get_by_role("heading")).to_have_text("Key facts 0 of 5")
    for number, (fact, source) in enumerate(FACTS, start=1):
        facts.get_by_label("Fact", exact=True).fill(fact)
        facts.get_by_label("Source", exact=True).fill(source)
        facts.get_by_role("button", name="Add fact").click()
        expect(page.get_by_role("status")).to_contain_text(f"Fact {number} of 5 saved.")
    expect(facts.get_by_role("heading")).to_have_text("Key facts 5 of 5")
    expect(page.get_by_role("progressbar", name="Key facts collected")).to_have_attribute(
        "value", "5"
    )
    expect(facts.get_by_role("listitem")).to_have_count(5)
    expect(facts.get_by_role("listitem").nth(1)).to_contain_text(  # then Correct, Delete
        "Opened a diabetes clinic in Leeds in March — Local news, Yorkshire Post"
    )
    expect(facts.get_by_role("link", name="https://northwind.example/about")).to_have_attribute(
        "href", "https://northwind.example/about"
    )
    assert opportunity.facts.count() == 5

    # The coverage matrix against this job, before any story: its value and a competency are gaps.
    show_matrix_for_job(page, job)
    value_cell = matrix_cell(page, "Data quality value")
    competency_cell = matrix_cell(page, "ownership competency")
    value_before, competency_before = value_cell.inner_text(), competency_cell.inner_text()
    assert value_before == "no story yet"
    assert competency_before == "no story yet"
    gaps_before = int(
        page.get_by_role("heading", name=re.compile(r"^Coverage")).inner_text().split()[1]
    )

    # 3. A retrospective telling two projects: each becomes its own draft story (issue 9), its
    #    sentences placed in S/T/A/R; the first is saved and completed in the STAR form.
    page.get_by_role("link", name="Retrospectives").click()
    page.get_by_label("Role or project").fill("Junior data analyst")
    page.get_by_label("Organisation").fill("Leeds Teaching Hospitals")
    page.get_by_label("Period").fill("2021–2023")
    page.get_by_label("Which projects energised you, and why?").fill(
        "Cleaning up the data quality of the outpatient waiting-list report in 2022. Clinicians "
        "did not trust the numbers, because one referral in ten appeared twice. I rebuilt the "
        "SQL that removed the duplicates and checked each fix with the records team. Duplicate "
        "referrals fell from 9% to under 1% within two months."
    )
    page.get_by_label("Where did you stumble, and how did you grow?").fill(
        "A year later I built a bed-occupancy dashboard on my own, without asking the ward "
        "managers what they needed. Nobody used it for three months. Now I sit with the people "
        "who will use a report before I build it."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Retrospective saved.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Junior data analyst")
    expect(page.get_by_text("prepcoach found 2 stories")).to_be_visible()
    drafts = page.get_by_role("listitem").filter(has=page.get_by_role("heading", level=3))
    expect(drafts).to_have_count(2)
    expect(drafts.nth(1)).to_contain_text("bed-occupancy dashboard")
    expect(drafts.nth(0)).not_to_contain_text("bed-occupancy")
    drafts.nth(0).get_by_role("button", name="Save as a draft story").click()

    expect(page.get_by_role("status")).to_contain_text("A draft story is ready: fill in the task.")
    expect(page.get_by_label("Title")).to_have_value(STORY_TITLE)
    expect(page.get_by_label("Situation")).to_have_value(
        re.compile(r"^As junior data analyst \(Leeds Teaching Hospitals, 2021–2023\): Cleaning")
    )
    expect(page.get_by_label("Action")).to_have_value(re.compile(r"^I rebuilt the SQL"))
    expect(page.get_by_label("Result")).to_have_value(re.compile(r"fell from 9% to under 1%"))
    page.get_by_label("Task").fill("I was asked to make the weekly waiting-list report correct.")
    page.get_by_label("Ownership").check()
    page.get_by_label(job).check()
    page.get_by_role("button", name="Save story").click()

    expect(page.get_by_role("status")).to_contain_text("Story saved.")
    expect(page.get_by_role("heading", level=1)).to_have_text(STORY_TITLE)
    expect(page.get_by_text("A complete STAR story, with a number in the result.")).to_be_visible()
    story = Story.objects.get(user=alice)
    assert story.competencies == ["ownership"]
    assert list(story.opportunities.all()) == [opportunity]

    # 4. The matrix again: the story now covers the company's value and the competency.
    show_matrix_for_job(page, job)
    value_cell = matrix_cell(page, "Data quality value")
    competency_cell = matrix_cell(page, "ownership competency")
    value_after, competency_after = value_cell.inner_text(), competency_cell.inner_text()
    assert value_before == competency_before == "no story yet"
    # Each story with what covers the row beside it (990d826): a sentence it tells, quoted, or
    # the competency its owner ticked.
    assert value_after.startswith(f"{STORY_TITLE} “"), value_after
    assert competency_after == f"{STORY_TITLE} you ticked it", competency_after
    expect(value_cell.get_by_role("link", name=STORY_TITLE)).to_have_attribute(
        "href", story.get_absolute_url()
    )
    heading = page.get_by_role("heading", name=re.compile(r"^Coverage")).inner_text()
    gaps_after = int(heading.split()[1]) if "gap" in heading else 0
    assert gaps_after < gaps_before - 1, (gaps_before, heading)

    # 5. The brief, downloaded as a PDF that carries the company, the facts and the story.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Grow").click()
    page.get_by_role("link", name=job).click()
    page.get_by_role("link", name="Interview brief").click()
    brief = page.locator("article.brief")
    expect(brief.get_by_role("heading", level=1)).to_have_text(job)
    expect(brief).to_contain_text(f"Data quality: {STORY_TITLE}")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"brief-{opportunity.pk}.pdf"
    reader = PdfReader(download.path())
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert job in text
    assert "Opened a diabetes clinic in Leeds in March (Local news, Yorkshire Post)" in text
    assert f"Data quality: {STORY_TITLE}" in text
    assert f"{STORY_TITLE}: Duplicate referrals fell from 9% to under 1%" in text
