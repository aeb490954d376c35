"""Another person's work, or something still to come, is not the speaker's use of a job's term
(the labelling guide: "Mentioning it as something others did … or something they will learn is
`false`"). A trial's answers were credited with "HMRC RTI submissions" for "Submissions to HMRC
are done by my supervisor" and "UEFA C Licence" for "I'm booked on the UEFA C in the summer";
a review then found the speaker's own work read as another's ("My role involved building
dashboards in Power BI", "Our team migrated the CRM to Salesforce", "I started the daily
stand-ups in Jira", "I built the forecast in Excel for next year")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.term_doer import not_the_speakers


def read(sentence: str, words: str, person: bool = False) -> bool:
    start = sentence.index(words)
    test = (lambda phrase: phrase.split()[-1] in {"supervisor", "registrar"}) if person else None
    return not_the_speakers(sentence, start, start + len(words), test)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # a passive whose agent is another person
        ("Submissions to HMRC are done by my supervisor.", "Submissions to HMRC"),
        ("Stock ordering is done by our receptionist.", "Stock ordering"),
        ("The temporary works were all designed by the contractor's coordinator.", "works"),
        # a pronoun or a noun phrase after his, her, their before an action verb
        ("and he did an emergency supply for one inhaler.", "emergency supply"),
        ("Her manager did the P11D returns.", "P11D returns"),
        # a present after a one-word head, and an object added with "and the" (a review)
        ("Her assistant handles the pension auto-enrolment in Xero.", "Xero"),
        ("She runs the payroll in Sage.", "Sage"),
        ("Her supervisor does the RTI returns and the P11D returns in BrightPay.", "BrightPay"),
        # still to come
        ("I'm booked on the UEFA C in the summer.", "UEFA C"),
        ("my am2 is booked for june.", "am2"),
        ("We're moving to Arbor in September.", "Arbor"),
        ("I'm doing my CIPP diploma at the moment, second year.", "CIPP diploma"),
        ("I've started the Level 3 award in assessing.", "Level 3 award"),
        ("Our practice is going for the Practice Standards Scheme.", "Practice Standards"),
        ("I'll sit the exam next spring.", "exam"),
    ],
)
def test_others_work_and_prospects_are_not_the_speakers(sentence: str, words: str) -> None:
    assert read(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I set up the dashboards in Power BI.", "Power BI"),
        ("My manager and I ran the risk assessment together.", "risk assessment"),
        ("The planner updated the programme in Powerproject from my notes.", "Powerproject"),
        # a thing or a client as the subject: the work's situation or result
        ("The published dashboards are in Power BI.", "Power BI"),
        ("the data showed the problem was the required practicals.", "data"),
        ("a customer complained her latte was cold so I remade it.", "customer complained"),
        ("They renewed four months later with a small expansion.", "renewed"),
        ("The vet did the dental.", "dental"),
        # the speaker's own things and team (a review)
        ("My role involved building dashboards in Power BI.", "Power BI"),
        ("My script automated the reconciliations in Xero.", "Xero"),
        ("Our team migrated the CRM to Salesforce last year.", "Salesforce"),
        ("The audit was done by our team.", "audit"),
        ("The project was delivered by a small team I led.", "project"),
        # "by" a time or an amount; "then" is no participle
        ("The migration was completed by the end of March.", "migration"),
        ("Churn was reduced by a third.", "Churn"),
        ("Then by the end of the week the dashboard was live.", "dashboard"),
        # work done now or before, not a prospect
        ("At the moment I'm doing the month-end close in Oracle.", "Oracle"),
        ("I'm taking the lead on our GDPR audit.", "GDPR"),
        ("I started the daily stand-ups in Jira when I joined.", "Jira"),
        ("All the venues were booked through Cvent.", "Cvent"),
        ("Appointments are booked in Cliniko and I manage the diary.", "Cliniko"),
        ("the pharmacists on my team booked structured medication reviews", "medication reviews"),
        ("I built the budget forecast in Excel for next year.", "Excel"),
        ("I put the dashboard next to the sales figures.", "dashboard"),
        ("i proposed moving to databricks on azure.", "databricks"),
        ("We were moving to Xero when I left, so I mapped the ledgers.", "Xero"),
        ("I ran the payroll in Sage and the pensions in Xero.", "Xero"),
        ("Her clients' accounts were all in Sage.", "Sage"),
    ],
)
def test_the_speakers_own_work_stands(sentence: str, words: str) -> None:
    assert not read(sentence, words, person=True)


def test_a_subject_after_my_or_our_needs_the_person_test() -> None:
    sentence = "Our registrar dealt with the loan agreements."
    assert not read(sentence, "loan agreements")  # no sentence model: not read
    assert read(sentence, "loan agreements", person=True)
    assert not read("Our DSO went from 58 to 44 days.", "DSO", person=True)


def test_a_sentence_is_read_clause_by_clause() -> None:
    sentence = "Her colleague did the dental, and I monitored the anaesthetic throughout."
    assert read(sentence, "dental")
    assert not read(sentence, "monitored the anaesthetic")
    assert read(sentence, sentence)  # the whole sentence holds the colleague's clause


@given(st.text(max_size=80), st.integers(0, 80), st.integers(0, 80))
def test_a_span_with_no_word_of_its_own_is_read_only_in_its_clause(
    text: str, start: int, length: int
) -> None:
    # Any text and span read without error; a sentence of only the speaker's words ("I …")
    # with no "by", subject or prospect cue is never another person's.
    assert not_the_speakers(text, start, start + length) in (True, False)
    mine = f"I {text.replace('by', '').replace('next', '')}"
    if not any(cue in mine.lower() for cue in ("booked", "started", "moving", "going", "doing")):
        assert not not_the_speakers(mine, 0, len(mine))
