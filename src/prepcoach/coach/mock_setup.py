"""How a mock interview is set up (`mock_setup`): field, level, company and role, from the job
when there is one, else from the profile's target role and industry; each says where it came
from. The level is read from the title's words (`level_for_role`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from prepcoach.coach.questions import field_for_role

# Words of a job title that say its level, checked in this order ("Senior lead" is lead).
# A seniority word beats a role noun: "Senior Product Manager" is senior, "Junior account
# manager" junior. "Manager" alone says no level: a product, account or customer success
# manager often manages no one (a trial's "Customer Success Manager (Mid-Market)" was set up
# as "Lead or manager"), so the title leaves it open ("any") for the user to set.
LEVEL_WORDS = (
    ("lead", r"lead|head of|principal|director|chief"),
    # "Staff" is a level in tech ("Staff engineer"), not in a "Staff nurse" (a ward's nurse).
    ("senior", r"senior|sr\.?|staff (?:[\w-]+ ){0,2}(?:engineer|scientist|designer|developer|"
               r"architect|manager)"),
    ("junior", r"junior|jr\.?|graduate|entry[- ]level|intern|trainee|apprentice|assistant"),
    ("mid", r"mid[- ]level|intermediate"),
)  # fmt: skip
LEVEL_RES = tuple(
    (level, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for level, words in LEVEL_WORDS
)


def level_for_role(role: str) -> str:
    """The bank's level for a job title ("Senior data analyst" → "senior"), "any" if unsaid."""
    return next((level for level, words in LEVEL_RES if words.search(role)), "any")


@dataclass(frozen=True, slots=True)
class MockSetup:
    company: str
    role: str
    field: str  # a bank field, "general" when the role names none
    seniority: str  # a bank level, "any" when the role names none
    source: str  # "job", "profile" or "" (nothing to go on)


def mock_setup(
    job_company: str = "", job_role: str = "", profile_role: str = "", profile_industry: str = ""
) -> MockSetup:
    """The job's company and role when there is a job, else the profile's target role; the
    field from the role (else the industry), the level from the role's words."""
    if job_role.strip() or job_company.strip():
        role, company, source = job_role.strip(), job_company.strip(), "job"
    elif profile_role.strip():
        role, company, source = profile_role.strip(), "", "profile"
    else:
        role, company, source = "", "", ""
    field = field_for_role(role) or field_for_role(profile_industry) or "general"
    return MockSetup(company, role, field, level_for_role(role), source)
