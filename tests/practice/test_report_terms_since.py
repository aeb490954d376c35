"""The report's key-terms card, as a new user's trial read it (trial 307).

- alice: practises for her Reporting analyst job at Acme Health (`tests.research`'s advert).

Two things the card said that did not hold together: every report said "Bearing on this
question: none of the job's terms, so none is expected in this answer" and went on to list
terms under "Used, and where the answer says it:"; and after the trial removed a term from the
job, an older answer's report still showed it as used, with nothing saying the report read the
job's terms as they were then, until "Analyse again" was pressed."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt
from tests.research.test_key_terms import ADVERT, MISSED

pytestmark = pytest.mark.usefixtures("sentence_model")

QUESTION = "Tell me about a time priorities changed suddenly and you had to adjust."
ANSWER = (
    "When the board moved the deadline forward, I rebuilt the weekly SQL report overnight and "
    "the figures reached the ward managers on time."
)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def card_of(page: str) -> str:
    found = re.search(
        r'<section class="card" aria-labelledby="terms-title">(.*?)</section>', page, re.S
    )
    assert found is not None, "no key-terms card"
    return found[1]


def report(client: Client, user: User, keywords: dict[str, Any], **fields: Any) -> str:
    analysis = analyse_answer(text=ANSWER, question=QUESTION).as_dict()
    analysis["keywords"] = keywords
    analysis.update(fields.pop("analysis", {}))
    attempt = Attempt.objects.create(
        user=user, question_text=QUESTION, status="analysed", analysis=analysis, **fields
    )
    return client.get(reverse("practice:attempt", args=[attempt.pk])).text


SQL = {"term": "SQL", "words": "SQL", "sentence": ANSWER.split(", ")[1], "by": "words"}


# Finding 1 -------------------------------------------------------------------------------


def test_terms_used_where_none_bears_are_introduced_as_used_anyway(
    alice_client: Client, alice: User
) -> None:
    keywords = {"used": ["SQL"], "missed": ["Power BI"], "bearing": [], "evidence": [SQL]}
    text = _text(card_of(report(alice_client, alice, keywords)))
    assert "Bearing on this question: none of the job's terms" in text
    # Not "Used, and where the answer says it:" after "none is expected".
    assert "Used, and where the answer says it" not in text
    assert "Used anyway, and where the answer says it: ✓ SQL by its words" in text
    assert "✓ SQL by its words" in text


def test_an_answer_using_none_where_none_bears_says_so_plainly(
    alice_client: Client, alice: User
) -> None:
    keywords = {"used": [], "missed": ["Power BI"], "bearing": []}
    text = _text(card_of(report(alice_client, alice, keywords)))
    assert "Used: none" in text
    assert "anyway" not in text


def test_a_bare_list_where_none_bears_is_used_anyway_too(alice_client: Client, alice: User) -> None:
    """An analysis stored before each term quoted its words keeps its chips."""
    keywords = {"used": ["SQL"], "missed": ["Power BI"], "bearing": []}
    text = _text(card_of(report(alice_client, alice, keywords)))
    assert "Used anyway: ✓ SQL" in text


def test_terms_used_where_some_bear_keep_their_heading(alice_client: Client, alice: User) -> None:
    keywords = {"used": ["SQL"], "missed": ["Power BI"], "bearing": ["SQL"], "evidence": [SQL]}
    text = _text(card_of(report(alice_client, alice, keywords)))
    assert "Bearing on this question: ✓ SQL" in text
    assert "Used, and where the answer says it: ✓ SQL by its words" in text
    assert "anyway" not in text


# Finding 2 -------------------------------------------------------------------------------


def job_of(alice: User) -> Opportunity:
    return Opportunity.objects.create(
        user=alice, company="Acme Health", role="Reporting analyst", job_description=ADVERT
    )


def read_with(job: Opportunity, used: list[str]) -> dict[str, Any]:
    """The keywords an analysis stores when it reads an answer with the job's terms now."""
    terms = job.key_terms
    return {
        "used": used,
        "missed": [t for t in terms if t not in used],
        "bearing": [],
        "evidence": [{**SQL, "term": t} for t in used],
    }


def test_a_report_read_with_the_jobs_terms_now_says_nothing_of_a_change(
    alice_client: Client, alice: User
) -> None:
    job = job_of(alice)
    used = job.key_terms[:1]
    page = report(alice_client, alice, read_with(job, used), job=job)
    assert "changed since" not in _text(card_of(page))


def test_a_report_read_before_a_term_was_removed_says_the_terms_changed(
    alice_client: Client, alice: User
) -> None:
    job = job_of(alice)
    removed, kept = job.key_terms[:2]
    keywords = read_with(job, [removed, kept])
    job.remove_term(removed)
    job.save()
    page = report(alice_client, alice, keywords, job=job)
    card = card_of(page)
    text = _text(card)
    assert (
        f"The job's key terms changed since this answer was read: “{removed}” was removed."
    ) in text
    assert "Analyse again to read it against the job's terms as they are now." in text
    assert reverse("practice:attempt_reanalyse", args=[Attempt.objects.get().pk]) in card
    # The removed term is still listed as the report read it, marked.
    assert f"✓ {removed} (no longer one of the job's terms)" in text
    assert f"✓ {kept} (no longer" not in text


def test_a_term_added_since_is_named_too(alice_client: Client, alice: User) -> None:
    job = job_of(alice)
    keywords = read_with(job, job.key_terms[:1])
    job.add_term(MISSED)
    job.save()
    text = _text(card_of(report(alice_client, alice, keywords, job=job)))
    assert f"The job's key terms changed since this answer was read: “{MISSED}” was added." in text


def test_where_the_terms_not_heard_were_withheld_a_removal_is_still_seen(
    alice_client: Client, alice: User
) -> None:
    """Speech was lost: the analysis keeps only the terms used, so a term added since cannot
    be told from one the report did not list; one it used and the job no longer has can."""
    job = job_of(alice)
    removed = job.key_terms[0]
    keywords = {**read_with(job, [removed]), "missed": []}
    job.remove_term(removed)
    job.add_term(MISSED)
    job.save()
    page = report(alice_client, alice, keywords, job=job, analysis={"withheld": ["keywords"]})
    text = _text(card_of(page))
    assert f"changed since this answer was read: “{removed}” was removed." in text
    assert MISSED not in text


def test_with_the_terms_it_read_kept_an_addition_is_seen_though_speech_was_lost(
    alice_client: Client, alice: User
) -> None:
    """An analysis keeps every term it read with (`keywords.terms`, since 2026-12-06), so with
    speech lost a term added since is named too."""
    job = job_of(alice)
    removed = job.key_terms[0]
    keywords = {**read_with(job, [removed]), "missed": [], "terms": list(job.key_terms)}
    job.remove_term(removed)
    job.add_term(MISSED)
    job.save()
    page = report(alice_client, alice, keywords, job=job, analysis={"withheld": ["keywords"]})
    text = _text(card_of(page))
    assert f"“{removed}” was removed, and “{MISSED}” was added." in text


def test_with_no_job_now_nothing_is_said(alice_client: Client, alice: User) -> None:
    job = job_of(alice)
    keywords = read_with(job, job.key_terms[:1])
    job.delete()
    assert "changed since" not in _text(card_of(report(alice_client, alice, keywords)))
