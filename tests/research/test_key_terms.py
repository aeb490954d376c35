"""A job's key terms corrected by its owner (research/term_views.py): a new user's browser trial
found junk terms ("English", "series models") and a skill the advert plainly asks for missing,
with no way to correct them, while the terms feed the brief, the coverage matrix, the mocks and
the tips.

- alice: owns the Reporting analyst job at Acme Health, whose advert the extractor reads as
  Excel, SQL, Python, Tableau, time series, series models and English (no "stakeholder
  management", which it asks for).
- bob: another job seeker; he must not change alice's terms, nor learn that her job exists.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.keywords import key_terms
from prepcoach.jobs.models import Opportunity
from prepcoach.jobs.terms import corrected, leading

ADVERT = (
    "Reporting Analyst at Acme Health. You will own weekly SQL reports and Tableau dashboards "
    "for clinical teams. You must explain findings in plain English to stakeholders. "
    "Experience with Python and Excel is a plus. We build time series models of admissions."
)
JUNK = "English"
MISSED = "stakeholder management"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def job(alice: User) -> Opportunity:
    made = Opportunity.objects.create(
        user=alice, company="Acme Health", role="Reporting analyst", job_description=ADVERT
    )
    found = key_terms(ADVERT, company=made.company, title=made.role)
    # The trial's faults, as the extractor reads this advert (a test below fails if not).
    assert JUNK in found, found
    assert MISSED not in [t.lower() for t in found], found
    return made


def terms_url(job: Opportunity) -> str:
    return reverse("research:key_terms", args=[job.pk])


def page(client: Client, job: Opportunity, *, editing: bool = False) -> str:
    url = reverse("research:opportunity", args=[job.pk]) + ("?terms=edit" if editing else "")
    response = client.get(url)
    assert response.status_code == 200
    return response.text


def card(html: str) -> str:
    """The key-terms card's words, tags dropped, runs of spaces one space."""
    found = re.search(r'<section class="card" id="key-terms".*?</section>', html, re.S)
    assert found is not None, "no key-terms card"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found[0])).strip()


def shown_terms(html: str) -> list[str]:
    """The terms the card (or its body, as HTMX gets it) lists, each as its badge starts
    (without "· added by you")."""
    found = re.search(r'<div id="key-terms-body">.*?<ul class="terms">(.*?)</ul>', html, re.S)
    assert found is not None, "no terms listed"
    badges = re.findall(r'<li class="badge">([^<]+)', found[1])
    return [b.removesuffix(" · ").strip() for b in badges]


def post(
    client: Client, job: Opportunity, htmx: bool = True, editing: bool = True, **data: str
) -> Any:
    """What the card's forms send: while correcting, they say so (`terms=edit`)."""
    sent = data | ({"terms": "edit"} if editing else {})
    return client.post(terms_url(job), sent, **(HTMX if htmx else {}))


def fresh(job: Opportunity) -> Opportunity:
    return Opportunity.objects.get(pk=job.pk)


def test_alice_removes_a_junk_term_and_it_leaves_key_terms_and_the_page(
    alice_client: Client, job: Opportunity
) -> None:
    assert JUNK in shown_terms(page(alice_client, job))
    response = post(alice_client, job, remove=JUNK)
    assert response.status_code == 200
    assert JUNK not in fresh(job).key_terms
    assert "SQL" in fresh(job).key_terms  # only the one term
    # The answer: the card's body without the term, and the note with its Undo, focused.
    assert JUNK not in shown_terms(response.text)
    assert 'hx-swap-oob="innerHTML"' in response.text
    assert f"Removed “{JUNK}” from the key terms." in response.text
    assert re.search(
        r'aria-label="Undo: bring back English" autofocus>Undo</button>', response.text
    )
    # Done goes back to the job's page, with or without JavaScript.
    job_url = reverse("research:opportunity", args=[job.pk])
    assert f'href="{job_url}#key-terms" hx-get="{job_url}"' in response.text
    shown = page(alice_client, job)
    assert JUNK not in shown_terms(shown)
    assert f"Removed by you: {JUNK} restore" in card(shown)


def test_undo_brings_the_term_back_where_it_was(alice_client: Client, job: Opportunity) -> None:
    before = fresh(job).key_terms
    post(alice_client, job, remove=JUNK)
    response = post(alice_client, job, restore=JUNK)  # what Undo and "restore" post
    assert f"“{JUNK}” is a key term again." in response.text
    assert fresh(job).key_terms == before
    assert fresh(job).terms_removed == []
    # The focus goes to the term's own Remove button.
    assert re.search(rf'aria-label="Remove {JUNK}" title="Remove {JUNK}" autofocus>', response.text)
    assert "Removed by you" not in card(page(alice_client, job))
    # Typed into the box instead, a removed term comes back as the advert's, not as hers.
    post(alice_client, job, remove=JUNK)
    response = post(alice_client, job, term=JUNK.lower())
    assert f"“{JUNK}” is a key term again." in response.text
    assert (fresh(job).key_terms, fresh(job).terms_added) == (before, [])


def test_restoring_from_the_job_page_leaves_it_as_it_was(
    alice_client: Client, job: Opportunity
) -> None:
    """The "Removed by you" line is on the page while not correcting too: bringing a term back
    from there does not open the correcting view."""
    post(alice_client, job, remove=JUNK)
    response = post(alice_client, job, editing=False, restore=JUNK)
    assert JUNK in shown_terms(response.text)
    assert 'name="remove"' not in response.text
    assert re.search(
        r'id="key-terms-mode" autofocus href="[^"]*"[^>]*>Correct these terms', response.text
    )
    post(alice_client, job, remove=JUNK)
    plain = post(alice_client, job, htmx=False, editing=False, restore=JUNK)
    assert plain.url == reverse("research:opportunity", args=[job.pk]) + "#key-terms"
    assert JUNK in fresh(job).key_terms


def test_alice_adds_the_skill_the_extractor_missed(alice_client: Client, job: Opportunity) -> None:
    response = post(alice_client, job, term="  stakeholder   management ")
    assert response.status_code == 200
    assert f"Added “{MISSED}” to the key terms." in response.text
    terms = fresh(job).key_terms
    assert terms[-1] == MISSED  # after the extractor's, trimmed, spaces made one
    assert terms[:-1] == key_terms(ADVERT, company=job.company, title=job.role)
    shown = page(alice_client, job)
    assert shown_terms(shown)[-1] == MISSED
    assert f"{MISSED} · added by you" in card(shown)
    assert card(shown).count("added by you") == 1
    # Every step reads the corrected terms: the brief among them.
    brief = alice_client.get(reverse("research:brief", args=[job.pk])).text
    assert MISSED in brief


def test_the_brief_keeps_alices_own_term_in_its_ten(alice: User, job: Opportunity) -> None:
    """The brief lists ten terms; a term the owner added is one of them even when the advert
    gives more than ten."""
    extracted = [f"skill {n}" for n in range(15)]
    terms = corrected(extracted, removed=["skill 2"], added=["SKILL 4", MISSED])
    assert [t.text for t in terms.terms].count("skill 4") == 1  # the extractor's spelling
    assert terms.removed == ("skill 2",)
    ten = leading(terms.terms, 10)
    assert len(ten) == 10
    assert ten[-1] == MISSED
    assert "skill 2" not in ten


@pytest.mark.parametrize("typed", ["sql", " SQL ", "Sql"])
def test_a_term_already_there_is_refused_whatever_its_case(
    alice_client: Client, job: Opportunity, typed: str
) -> None:
    before = fresh(job).key_terms
    response = post(alice_client, job, term=typed)
    assert response.status_code == 200
    said = f"“{typed.strip()}” is already a key term"
    assert said in response.text
    assert fresh(job).key_terms == before
    assert fresh(job).terms_added == []
    assert f'value="{typed}"' in response.text  # what was typed is still in the box


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_term_is_refused_with_what_to_type(
    alice_client: Client, job: Opportunity, typed: str
) -> None:
    before = fresh(job).key_terms
    response = post(alice_client, job, term=typed)
    assert response.status_code == 200
    assert "Type the term to add: a skill, tool or subject the advert asks for" in response.text
    assert "This field is required." not in response.text
    assert fresh(job).key_terms == before
    assert fresh(job).terms_added == []


def test_a_sentence_is_refused_and_kept_in_the_box(alice_client: Client, job: Opportunity) -> None:
    typed = "experience presenting complex findings to senior clinical leaders " * 2
    response = post(alice_client, job, term=typed)
    assert "A term is at most 80 characters (this one is 131)" in response.text
    assert typed.strip() in response.text  # nothing lost
    assert 'maxlength="' not in response.text  # the browser cuts nothing short
    assert fresh(job).terms_added == []


def test_thirty_added_terms_are_the_most(alice_client: Client, job: Opportunity) -> None:
    Opportunity.objects.filter(pk=job.pk).update(terms_added=[f"skill {n}" for n in range(30)])
    response = post(alice_client, job, term=MISSED)
    assert "You have added 30 terms, the most a job takes: remove one first." in response.text
    assert MISSED not in fresh(job).key_terms


def test_editing_the_advert_later_keeps_the_corrections(
    alice_client: Client, job: Opportunity
) -> None:
    post(alice_client, job, remove=JUNK)
    post(alice_client, job, term=MISSED)
    edited = ADVERT.replace("Python and Excel", "Power BI and Excel")
    data = {"company": job.company, "role": job.role, "stage": "applied",
            "job_description": edited, "values": "", "link": "", "interview_dates": ""}  # fmt: skip
    response = alice_client.post(reverse("research:opportunity_edit", args=[job.pk]), data)
    assert response.status_code == 302
    extracted = key_terms(edited, company=job.company, title=job.role)
    assert "Power BI" in extracted
    assert JUNK in extracted  # the new advert still asks for it: still removed
    terms = fresh(job).key_terms
    assert terms == [*[t for t in extracted if t != JUNK], MISSED]
    assert "Python" not in terms
    shown = page(alice_client, job)
    assert "Power BI" in shown_terms(shown)
    assert f"Removed by you: {JUNK} restore" in card(shown)


def test_removing_the_term_alice_added_can_be_undone_too(
    alice_client: Client, job: Opportunity
) -> None:
    post(alice_client, job, term=MISSED)
    post(alice_client, job, remove="Stakeholder Management")
    assert MISSED not in fresh(job).key_terms
    assert f"Removed by you: {MISSED} restore" in card(page(alice_client, job))
    # Typed again, it comes back rather than being refused or listed twice.
    response = post(alice_client, job, term=MISSED.upper())
    assert f"“{MISSED}” is a key term again." in response.text
    assert fresh(job).key_terms.count(MISSED) == 1
    assert fresh(job).terms_removed == []


@pytest.mark.parametrize(
    "data",
    [{"remove": "SQL"}, {"restore": JUNK}, {"term": MISSED}],
    ids=["remove", "restore", "add"],
)
def test_bob_cannot_correct_alices_terms(
    client: Client, bob: User, alice_client: Client, job: Opportunity, data: dict[str, str]
) -> None:
    post(alice_client, job, remove=JUNK)
    before = (fresh(job).terms_removed, fresh(job).terms_added)
    client.force_login(bob)
    for htmx in (True, False):
        response = post(client, job, htmx=htmx, **data)
        assert response.status_code == 404
        assert b"Acme" not in response.content
    assert (fresh(job).terms_removed, fresh(job).terms_added) == before
    assert client.get(reverse("research:opportunity", args=[job.pk])).status_code == 404


def test_signed_out_visitors_are_sent_to_log_in(client: Client, job: Opportunity) -> None:
    response = post(client, job, htmx=False, remove="SQL")
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert fresh(job).terms_removed == []


def test_only_a_post_corrects(alice_client: Client, job: Opportunity) -> None:
    assert alice_client.get(terms_url(job) + "?remove=SQL").status_code == 405
    assert fresh(job).terms_removed == []


def test_without_javascript_alice_corrects_with_plain_forms(
    alice_client: Client, job: Opportunity
) -> None:
    # The page offers the correcting view as a link, and shows it at that address.
    assert f'href="/grow/jobs/{job.pk}/?terms=edit#key-terms"' in page(alice_client, job)
    editing = page(alice_client, job, editing=True)
    assert re.search(rf'<form method="post" action="{terms_url(job)}"', editing)
    assert 'name="remove" value="SQL" aria-label="Remove SQL"' in editing
    # Each of its forms says it was sent while correcting, so the answer is the same view.
    assert editing.count('<input type="hidden" name="terms" value="edit">') == 2
    assert '<label for="id_term">Add a term the advert asks for</label>' in editing
    back = reverse("research:opportunity", args=[job.pk]) + "?terms=edit#key-terms"

    removed = post(alice_client, job, htmx=False, remove=JUNK)
    assert removed.status_code == 302
    assert removed.url == back
    landed = alice_client.get(removed.url).text
    assert f"Removed “{JUNK}” from the key terms." in landed
    assert JUNK not in shown_terms(landed)
    assert 'name="restore" value="English" aria-label="Restore English"' in landed

    restored = post(alice_client, job, htmx=False, restore=JUNK)
    assert restored.url == back
    assert f"“{JUNK}” is a key term again." in alice_client.get(back).text
    assert JUNK in fresh(job).key_terms

    added = post(alice_client, job, htmx=False, term=MISSED)
    assert added.url == back
    assert shown_terms(alice_client.get(back).text)[-1] == MISSED

    # Refused: the whole page again, with the box, what was typed, why, and the focus there.
    refused = post(alice_client, job, htmx=False, term="SQL")
    assert refused.status_code == 200
    assert refused.text.lstrip().lower().startswith("<!doctype")
    assert "“SQL” is already a key term." in refused.text
    assert re.search(r'<input[^>]*name="term"[^>]*value="SQL"', refused.text)
    assert re.search(
        r'<input[^>]*autofocus[^>]*name="term"|<input[^>]*name="term"[^>]*autofocus', refused.text
    )


@pytest.mark.parametrize(
    ("advert", "said"),
    [
        ("leadership", "prepcoach found no key terms in the description"),
        ("🚀🔥💯 😀😀 🎯✅", "No key terms: the description has no words to find terms in."),
        ("um uh like you know so um", "No key terms: the description is only filler words."),
        # Fillers the answer reader always knew as such (`text.FILLER_WORDS`).
        ("Well, basically, right, anyway.", "No key terms: the description is only filler words."),
        (
            "Wir suchen einen Entwickler für unser Team in Berlin. Du hast Erfahrung mit Python "
            "und arbeitest gern mit der Datenbank; am Ende jeder Woche prüfst du den Fortschritt.",
            "No key terms: the description does not read as English",
        ),
        (
            "Buscamos una persona para el equipo de datos. Tienes experiencia con SQL y te gusta "
            "hablar con los clientes cada semana; trabajas a tiempo completo en Madrid.",
            "No key terms: the description does not read as English",
        ),
    ],
    ids=["one word", "emoji", "fillers", "more fillers", "German", "Spanish"],
)
def test_an_advert_with_no_terms_to_read_says_why_and_never_that_alice_removed_them(
    alice_client: Client, alice: User, advert: str, said: str
) -> None:
    """Issue 9's bad input: each said "No key terms: you removed them all" (she removed none),
    or gave junk as terms: "um", "ich habe", "und jede", "ciento m"."""
    job = Opportunity.objects.create(
        user=alice, company="Acme", role="Developer", job_description=advert
    )
    assert job.key_terms == []
    words = card(page(alice_client, job))
    assert said in words
    assert "you removed them all" not in words
    assert "Correct these terms" in words  # she may add the terms herself


def test_a_term_the_advert_asks_for_only_as_a_plus_is_marked_so(
    alice_client: Client, job: Opportunity
) -> None:
    """A new user's trial saw every term alike, where readiness and the likely questions treat
    "a plus" terms as optional: the card marks them, with the advert's words."""
    page = alice_client.get(job.get_absolute_url()).text
    optional = {o.term for o in job.optional_terms}
    assert optional, "the advert's 'is a plus' makes some terms optional"
    body = re.search(r'<div id="key-terms-body">.*?<ul class="terms">(.*?)</ul>', page, re.S)
    assert body is not None
    for badge in re.findall(r'<li class="badge">(.*?)</li>', body[1], re.S):
        term = badge.split(" · ")[0].split("<")[0].strip()
        marked = "a plus</em>" in badge
        assert marked == (term in optional), badge
        if marked:
            assert "(the advert: “Experience with Python and Excel is a plus.”)" in badge
