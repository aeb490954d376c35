"""A key term is shown as the advert writes it. A tester saw an advert's "Account management"
turned into "management accounting" (another profession's skill): at the head of a line of
duties "Account" was read as a verb ("account for") and "management" as its object, and the
trees scored that reading above the advert's own phrase, which it then stood in for."""

from __future__ import annotations

import pytest

from prepcoach.coach.keywords import key_terms

pytestmark = pytest.mark.usefixtures("sentence_model")

DUTIES = """Account Manager
Brightwave Software – Manchester – £35,000

What you'll do
- Account management of a portfolio of 40 SME customers
- Run quarterly business reviews
- Identify upsell opportunities

What we're looking for
- 2+ years in B2B account management
- Strong communication skills
- Experience with Salesforce"""

HEADING = """Account Manager – FMCG
Your role
- Account Management & Growth
- Building relationships with buyers
- Sales forecasting
About you
- Proven account management experience
- Commercial awareness"""

HTML = (
    "<h2>Account Manager</h2><p>We are hiring.</p><h3>What you will do</h3><ul><li>Account "
    "management for enterprise clients</li><li>Stakeholder management</li><li>Contract "
    "renewals</li></ul><h3>About you</h3><ul><li>Experience in account management</li><li>"
    "Excellent Excel</li></ul>"
)


@pytest.mark.parametrize("advert", [DUTIES, HEADING, HTML], ids=["duties", "heading", "html"])
def test_account_management_is_not_turned_into_management_accounting(advert: str) -> None:
    terms = [t.lower() for t in key_terms(advert, title="Account Manager")]
    assert "management accounting" not in terms
    assert "account management" in terms
