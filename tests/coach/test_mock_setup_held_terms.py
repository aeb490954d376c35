"""A key term is asked as a duty only where the advert writes it in a verb's place
(`term_shape`): a browser check's warehouse job was asked "Tell me about a time you had to reach
truck licence. What did you do, and how did it go?". A bullet usually starts with a noun phrase
("Reach truck licence"), so a bullet's start is no verb's place unless its list says what the
job does ("What you will do"), or the advert uses the term's first word as a verb elsewhere; and
a term whose last word names a thing held (a licence, a certificate, a degree…) is never a
duty."""

from __future__ import annotations

import pytest

from prepcoach.coach.mock_interview import term_questions, term_shape
from tests.coach.test_mock_setup_terms import ADVERT as PHARMACY

WAREHOUSE = """Warehouse Supervisor – Night Shift
Northgate Logistics, Daventry distribution centre

About the role
We are looking for an experienced Warehouse Supervisor to lead a team of 25 operatives on our \
night shift. You will run inbound, picking and dispatch for a busy ambient grocery site.

What you will do
- Lead, coach and motivate a team of operatives and two team leaders, running shift briefings \
and return-to-work interviews.
- Plan labour against forecast volumes and hit pick rate, accuracy and on-time dispatch KPIs.
- Manage stock control: cycle counts, stock discrepancies, replenishment and FIFO rotation.
- Keep the site safe: carry out risk assessments, enforce manual handling and PPE rules.
- Supervise MHE operations, including counterbalance and reach truck drivers, and check that \
every driver holds a valid forklift licence.

What you will bring
- At least two years' supervisory experience in a warehouse or distribution centre.
- A counterbalance or reach truck licence (or willingness to gain one).
- IOSH Managing Safely or NEBOSH certificate, or the willingness to work towards one.
"""


@pytest.mark.parametrize(
    ("term", "shape"),
    [
        ("reach truck licence", "skill"),  # "A counterbalance or reach truck licence"
        ("forklift licence", "skill"),
        ("return-to-work interviews", "skill"),  # "… and return-to-work interviews"
        ("stock control", "skill"),
        ("risk assessments", "skill"),
        ("manual handling", "skill"),
        ("plan labour", "duty"),  # a bullet of "What you will do"
        ("IOSH", "name"),
    ],
)
def test_the_browser_checks_terms_are_asked_in_words_that_fit_them(term: str, shape: str) -> None:
    assert term_shape(term, WAREHOUSE) == shape


def test_a_licence_is_never_asked_as_something_you_had_to_do() -> None:
    made = term_questions(["reach truck licence", "forklift licence"], 2, WAREHOUSE)
    said = " ".join(q.text for q in made)
    assert "had to reach truck licence" not in said
    assert "How do you forklift licence" not in said
    assert "your work involved reach truck licence" in said


@pytest.mark.parametrize(
    "advert",
    [
        "Requirements\n- Reach truck licence\n- Forklift licence\n",
        "You will need to hold a reach truck licence.",  # a verb's place, but a thing held
        "You will reach truck licence holders' targets.",
    ],
)
def test_a_thing_held_is_never_a_duty(advert: str) -> None:
    assert term_shape("reach truck licence", advert) == "skill"
    for held in ("food hygiene certificate", "first aid qualification", "driving license",
                 "nursing degree", "security card", "hcpc registration"):  # fmt: skip
        assert term_shape(held, f"You will {held} and more.") != "duty"


def test_a_bullets_start_alone_is_no_verbs_place() -> None:
    advert = "What you bring\n- Handle complaints calmly\n- Stock rotation\n"
    assert term_shape("handle complaints", advert) == "skill"
    # The advert uses its first word as a verb elsewhere: a duty.
    elsewhere = advert + "You will handle the team's rota.\n"
    assert term_shape("handle complaints", elsewhere) == "duty"
    # After "to", "will", "and", "you'll": a verb's place.
    for place in ("to", "will", "and", "you'll"):
        assert term_shape("handle complaints", f"Some text {place} handle complaints.") == "duty"


def test_the_trials_terms_keep_their_shapes() -> None:
    assert term_shape("counsel patients", PHARMACY) == "duty"
    assert term_shape("controlled drugs", PHARMACY) == "skill"


def test_and_before_a_word_elsewhere_does_not_make_it_a_verb() -> None:
    advert = "What you bring\n- Stock control\n\nYou will do cycle counts and stock rotation.\n"
    assert term_shape("stock control", advert) == "skill"


def test_and_or_join_nouns_and_a_heading_bullet_naming_a_thing_is_no_duty() -> None:
    """A review: "…cycle counts and stock rotation" asked "…you had to stock rotation", "pension,
    and free parking" "How do you free parking well?", and "- Team leadership" under "Key
    responsibilities" "How do you team leadership well?"."""
    from prepcoach.coach.mock_setup import term_shape

    advert = (
        "Key responsibilities:\n- Team leadership\n- Health & safety\n- Lead shift handovers\n"
        "You will be responsible for cycle counts and stock rotation.\n"
        "We offer: 28 days holiday, pension, and free parking.\n"
    )
    assert term_shape("stock rotation", advert) == "skill"
    assert term_shape("free parking", advert) == "skill"
    assert term_shape("team leadership", advert) == "skill"
    assert term_shape("health & safety", advert) == "skill"
    assert term_shape("lead shift handovers", advert) == "duty"


def test_a_term_is_asked_once_whatever_its_case_and_a_non_term_not_at_all() -> None:
    from prepcoach.coach.mock_setup import term_questions

    made = term_questions(
        ["Reach truck licence", "reach truck licence", "communication skills.",
         "communication skills", "etc.", "…", "--"], 10,
    )  # fmt: skip
    assert [q.term for q in made] == ["Reach truck licence", "communication skills"]
