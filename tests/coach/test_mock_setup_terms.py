"""A mock for a job asks about the role from the job's key terms (`role_questions`): a trial's
aseptic pharmacy technician job, set to "Mostly about the role" in the field "General" (the
bank holds no pharmacy questions), was asked four generic behavioural questions."""

from __future__ import annotations

from prepcoach.coach.mock_interview import (
    role_questions,
    role_share,
    term_of,
    term_questions,
    term_shape,
    terms_note,
)

ROLE = {"motivation": 1, "behavioral": 1, "role-specific": 4}
BALANCED = {"motivation": 1, "behavioral": 2, "situational": 1, "role-specific": 2}
BEHAVIOURAL = {"motivation": 1, "behavioral": 4, "situational": 1}
ADVERT = (
    "Pharmacy Technician – Aseptic Services\n"
    "Key responsibilities\n"
    "- Prepare and label cytotoxic products using validated aseptic technique.\n"
    "- Reconcile patients' medicines on admission and counsel patients at discharge.\n"
    "- Maintain the controlled drugs register.\n"
    "- Report incidents through Datix.\n"
    "Desirable: experience with Omnicell automated dispensing cabinets."
)
TERMS = ["aseptic technique", "Datix", "counsel patients", "controlled drugs", "Omnicell"]


def test_a_role_mock_for_a_job_with_terms_asks_about_them() -> None:
    made = role_questions(4, ROLE, TERMS, job=True, advert=ADVERT, optional=["Omnicell"])
    assert made.said == ""
    assert len(made.questions) == role_share(4, ROLE) == 3
    assert made.bank_count == 1
    assert "role-specific" not in made.bank_mix  # the bank has no role questions to give
    assert [q.term for q in made.questions] == ["aseptic technique", "Datix", "counsel patients"]
    for question in made.questions:
        assert question.term in question.text
        assert term_of(question.text) == question.term


def test_each_shape_of_term_is_asked_in_words_that_fit_it() -> None:
    by_term = {q.term: q.text for q in term_questions(TERMS, 5, ADVERT, optional=["Omnicell"])}
    assert by_term["aseptic technique"] == (
        "Tell me about a time your work involved aseptic technique. What did you do?"
    )
    assert by_term["Datix"] == "What is your experience with Datix?"
    assert by_term["counsel patients"].startswith("Tell me about a time you had to counsel")
    assert "involved counsel patients" not in " ".join(by_term.values())
    assert term_shape("controlled drugs", ADVERT) == "skill"  # "the controlled drugs register"
    assert term_shape("counsel patients", ADVERT) == "duty"
    assert term_shape("counsel patients") == "skill"  # no advert says it is a duty


def test_required_terms_come_before_optional_ones_and_recent_questions_wait() -> None:
    made = term_questions(["Omnicell", "aseptic technique"], 2, ADVERT, optional=["Omnicell"])
    assert [q.term for q in made] == ["aseptic technique", "Omnicell"]
    assert made[1].optional
    first = term_questions(TERMS, 1, ADVERT)[0]
    again = term_questions(TERMS, 1, ADVERT, avoid=[first.text])
    assert again[0].term != first.term


def test_the_shapes_take_turns_so_a_mock_does_not_read_alike() -> None:
    skills = ["aseptic technique", "stock control", "root cause analysis"]
    texts = [q.text for q in term_questions(skills, 3)]
    assert len({t.split(skills[i])[0] for i, t in enumerate(texts)}) == 3


def test_a_job_without_an_advert_or_terms_falls_back_to_the_bank_and_says_so() -> None:
    bare = role_questions(4, ROLE, [], job=True, advert="")
    assert bare.questions == ()
    assert bare.bank_count == 4
    assert bare.bank_mix == ROLE
    assert "This job has no advert" in bare.said
    blank = role_questions(4, ROLE, [], job=True, advert="We are hiring.")
    assert blank.questions == ()
    assert "found no key terms in this job's advert" in blank.said
    assert terms_note(job=False, advert="", terms=[]) == ""
    assert role_questions(4, ROLE, [], job=False).said == ""


def test_a_mix_that_asks_nothing_about_the_role_writes_no_term_question() -> None:
    made = role_questions(4, BEHAVIOURAL, TERMS, job=True, advert=ADVERT)
    assert made.questions == ()
    assert made.bank_count == 4
    assert made.said == ""
    balanced = role_questions(4, BALANCED, TERMS, job=True, advert=ADVERT)
    assert len(balanced.questions) == 1
    assert balanced.bank_count == 3


def test_a_field_with_role_questions_in_the_bank_shares_them_with_the_terms() -> None:
    made = role_questions(4, ROLE, TERMS, job=True, advert=ADVERT, bank_has_role=True)
    assert len(made.questions) == 2
    assert made.bank_count == 2
    assert made.bank_mix == ROLE


def test_fewer_terms_than_the_share_leave_the_rest_to_the_bank() -> None:
    made = role_questions(4, ROLE, ["Datix"], job=True, advert=ADVERT)
    assert len(made.questions) == 1
    assert made.bank_count == 3
    assert made.bank_mix == ROLE  # the bank still asks what role questions it has


def test_a_question_of_the_bank_names_no_term() -> None:
    assert term_of("Tell me about a career decision you made and why you made it.") is None
