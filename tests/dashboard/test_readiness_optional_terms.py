"""The readiness page's likely questions come from what the advert requires: a term it asks for
only as a plus ("React experience is a plus") is asked about after every required term, and
said to be optional in the advert's own words, never "The advert asks for it" (a tester's
likely questions asked "What is your experience with React?" of such an advert). Alice owns
the job."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from tests.interviews.conftest import add_interview, add_job

ADVERT = """Frontend Developer
Brightwell builds booking software for dental clinics across the UK.

What you'll do
- Build new screens for our booking app in TypeScript
- Write accessible HTML and CSS
- Work with designers on the patient journey

What you need
- 3+ years of commercial TypeScript
- Strong CSS and accessibility skills
- Experience writing automated tests with Playwright
- React experience is a plus
"""


def likely(page: str) -> list[tuple[str, str]]:
    """The likely questions as the page lists them: (question, why)."""
    section = page[page.index('id="likely-title"') :]
    section = section[: section.index("</section>")]
    return [
        (html.unescape(q).strip(), html.unescape(why))
        for q, why in re.findall(r'<li>(.*?) <span class="meta">(.*?)</span></li>', section)
    ]


@pytest.mark.usefixtures("sentence_model")
def test_a_term_the_advert_calls_a_plus_does_not_lead_the_likely_questions(
    alice_client: Client, alice: User
) -> None:
    job = add_job(alice, "Brightwell", "Frontend Developer")
    job.job_description = ADVERT
    job.save()
    assert "react" in [t.lower() for t in job.key_terms]  # the extractor keeps it as a term
    interview = add_interview(alice, job, round_name="Final round")
    listed = likely(alice_client.get(f"/ready/{interview.pk}/").content.decode())
    about = [i for i, (question, _) in enumerate(listed) if "react" in question.lower()]
    required = [i for i, (_, why) in enumerate(listed) if why.startswith("The advert asks")]
    assert required, listed  # the advert's required terms still give questions
    for i in about:
        assert listed[i][1] == (
            "Optional in the advert (“React experience is a plus”); no story of yours covers "
            "it yet."
        )
        assert i > max(required), listed
    assert not [why for question, why in listed if "react" in question.lower()
                and why.startswith("The advert asks")]  # fmt: skip
