"""Where an answer says a job's term by its words but not as the speaker's own work done
(`term_not_done.said_not_done`): denied, another person's work, or still to come. A browser
check's card said "Not used: HMRC RTI submissions, CIPP Diploma, BrightPay" over an answer that
wrote those words, with no reason and no quote, and users thought prepcoach had missed them.
Only word-form matches are told; a term the matcher credits is never listed."""

from __future__ import annotations

import pytest

from prepcoach.coach.keywords import coverage
from prepcoach.coach.term_doer import not_the_speakers, not_the_speakers_kind
from prepcoach.coach.term_match import find_terms, shared_embedder
from prepcoach.coach.term_not_done import NotDone, said_not_done

pytestmark = pytest.mark.usefixtures("sentence_model")

PAYROLL = (
    "I run the monthly payroll for 400 staff in Sage. RTI submissions to HMRC are done by my "
    "supervisor. I'm booked on the BrightPay course next spring. I'm doing my CIPP diploma at "
    "the moment. I haven't used SAP."
)
TERMS = ["Sage", "HMRC RTI submissions", "CIPP Diploma", "BrightPay", "SAP", "Xero"]


def told(text: str, terms: list[str]) -> list[NotDone | None]:
    return said_not_done(text, terms, shared_embedder())


def test_each_why_is_told_with_its_words_and_sentence() -> None:
    sage, hmrc, cipp, brightpay, sap, xero = told(PAYROLL, TERMS)
    assert sage is None  # used: the speaker runs the payroll in Sage
    assert xero is None  # not said at all
    assert hmrc == NotDone(
        "HMRC RTI submissions",
        "RTI submissions to HMRC are done by my supervisor.",
        "RTI submissions to HMRC",
        "someone else's",
    )
    assert brightpay == NotDone(
        "BrightPay",
        "I'm booked on the BrightPay course next spring.",
        "BrightPay",
        "still to come",
    )
    assert cipp == NotDone(
        "CIPP Diploma",
        "I'm doing my CIPP diploma at the moment.",
        "CIPP diploma",
        "still to come",
    )
    assert sap == NotDone("SAP", "I haven't used SAP.", "SAP", "denied")


def test_another_persons_work_read_by_the_person_test() -> None:
    [found] = told("Our payroll manager runs the month end in BrightPay.", ["BrightPay"])
    assert found is not None
    assert (found.words, found.why) == ("BrightPay", "someone else's")


def test_a_term_said_both_ways_is_used_and_not_listed() -> None:
    text = (
        "Our analyst builds the Power BI reports for the board. Last quarter I rebuilt the "
        "sales dashboard in Power BI myself."
    )
    [covered] = find_terms(text, ["Power BI"], shared_embedder())
    assert covered is not None
    assert covered.by == "word form"
    assert told(text, ["Power BI"]) == [None]


def test_a_meaning_only_match_is_never_listed() -> None:
    # "customer focus" is not all in the sentence by its words: nothing to tell of it.
    text = "My supervisor does the customer service calls."
    service, focus = told(text, ["customer service", "customer focus"])
    assert service is not None
    assert service.why == "someone else's"
    assert focus is None
    # A term credited by meaning is used, and not listed either.
    text = "I ran the weekly payroll for 80 staff and answered their pay queries."
    [covered] = find_terms(text, ["payroll processing"], shared_embedder())
    assert covered is not None
    assert covered.by == "meaning"
    assert not covered.unsure
    assert told(text, ["payroll processing"]) == [None]


def test_initials_in_brackets_are_one_of_its_forms() -> None:
    text = "We file through CDS next spring."
    [found] = told(text, ["Customs Declaration Service (CDS)"])
    assert found == NotDone("Customs Declaration Service (CDS)", text, "CDS", "still to come")


@pytest.mark.parametrize("text", ["", "   ", "SAP", "Sage", "🙂", "🙂🙂 SAP 🙂"])
def test_empty_text_and_one_word_list_nothing(text: str) -> None:
    assert told(text, ["SAP", "Sage"]) == [None, None]


def test_emoji_around_a_denial() -> None:
    text = "🙂 I haven't used SAP 🙂"
    [found] = told(text, ["SAP"])
    assert found is not None
    assert (found.words, found.why) == ("SAP", "denied")


def test_no_terms_and_no_model() -> None:
    assert told(PAYROLL, []) == []
    # Without the sentence model the words are still read (a passive needs no person test).
    [found] = said_not_done("RTI submissions to HMRC are done by my supervisor.", TERMS[1:2])
    assert found is not None
    assert found.why == "someone else's"


def test_given_the_matchers_reading_it_is_not_made_again() -> None:
    found = find_terms(PAYROLL, TERMS, shared_embedder())
    assert said_not_done(PAYROLL, TERMS, shared_embedder(), found=found) == told(PAYROLL, TERMS)


def test_coverage_keeps_them_missed() -> None:
    covered = coverage(PAYROLL, TERMS)
    assert covered.used == ("Sage",)
    assert covered.missed == ("HMRC RTI submissions", "CIPP Diploma", "BrightPay", "SAP", "Xero")
    assert [(n.term, n.why) for n in covered.not_done] == [
        ("HMRC RTI submissions", "someone else's"),
        ("CIPP Diploma", "still to come"),
        ("BrightPay", "still to come"),
        ("SAP", "denied"),
    ]


@pytest.mark.parametrize(
    ("sentence", "words", "kind"),
    [
        ("Submissions to HMRC are done by my supervisor.", "Submissions to HMRC", "someone else's"),
        ("Her manager did the P11D returns.", "P11D returns", "someone else's"),
        ("I'm booked on the UEFA C in the summer.", "UEFA C", "still to come"),
        ("We're moving to Arbor in September.", "Arbor", "still to come"),
        ("I built the forecast in Excel for next year.", "Excel", None),
        ("I haven't used SAP.", "SAP", None),  # a denial is `term_negation`'s
    ],
)
def test_the_doers_kind_agrees_with_not_the_speakers(
    sentence: str, words: str, kind: str | None
) -> None:
    start = sentence.index(words)
    end = start + len(words)
    assert not_the_speakers_kind(sentence, start, end) == kind
    assert not_the_speakers(sentence, start, end) is (kind is not None)


@pytest.mark.parametrize(
    ("text", "term", "why"),
    [
        # a prospect's words, which `term_negation` reads as denials, are still to come (a
        # review: these read "said as not done")
        ("I'm studying for my CIPP diploma.", "CIPP diploma", "still to come"),
        ("I'd like to learn Xero.", "Xero", "still to come"),
        ("I haven't used SAP.", "SAP", "denied"),
        ("I'm still weak on Excel.", "Excel", "denied"),
    ],
)
def test_a_prospect_is_still_to_come_and_a_negation_denied(text: str, term: str, why: str) -> None:
    [found] = said_not_done(text, [term], shared_embedder())
    assert found is not None
    assert found.why == why


def test_a_negated_lapse_gets_no_reason() -> None:
    # "never missed" affirms the work; the matcher still misses it (a known miss), and the card
    # must not say it was "said as not done" (a review).
    text = "I never missed a payroll deadline in Sage."
    assert said_not_done(text, ["Sage", "payroll"], shared_embedder()) == [None, None]


def test_a_stored_find_is_quoted_only_as_the_card_can_say_it_truly() -> None:
    from prepcoach.coach.term_not_done import stored_not_done

    find = {"term": "SAP", "sentence": "I haven't used SAP.", "words": "SAP", "why": "denied"}
    assert stored_not_done({"missed": ["SAP"], "not_done": [find, find]}) == [find]
    # a term also listed as used, an unknown reason, words not in the sentence
    assert stored_not_done({"used": ["SAP"], "missed": ["SAP"], "not_done": [find]}) == []
    assert stored_not_done({"missed": ["SAP"], "not_done": [{**find, "why": "maybe"}]}) == []
    odd = stored_not_done({"missed": ["SAP"], "not_done": [{**find, "words": {"a": 1}}]})
    assert odd == [{**find, "words": ""}]
    assert stored_not_done({"missed": "SAP", "not_done": 5}) == []
