"""How far a negation reaches (`term_negation.denied`): across a list of things it governs ("I
haven't used Tableau, Power BI or Looker"), through the phrase a negative determiner or
preposition opens ("no experience with Tableau", "without Excel") and no further ("without any
help I migrated the data to SQL"), and not at all where its scope is moved onto a focus word
("not only X but also Y", "not just X")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach import term_match
from prepcoach.coach.term_match import find_terms
from prepcoach.coach.term_negation import denied


def at(sentence: str, words: str) -> bool:
    """Whether `words`, where `sentence` first says them, are denied."""
    start = sentence.index(words)
    return denied(sentence, start, start + len(words))


def used(text: str, terms: list[str]) -> dict[str, tuple[str, str]]:
    """Each used term with how it is said and the words that say it."""
    found = find_terms(text, terms, term_match.shared_embedder())
    return {c.term: (c.by, c.words) for c in found if c is not None}


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        ("I haven't used Tableau, Power BI or Looker.", ["Tableau", "Power BI", "Looker"]),
        ("I haven't used Tableau, Power BI, and Looker yet.", ["Power BI", "Looker"]),
        ("i havent used tableau, power bi or looker", ["power bi", "looker"]),
        ("We didn't have SQL and Python skills in the team.", ["SQL", "Python"]),
        ("I never touched Tableau, Looker or Qlik, but I'd like to.", ["Looker", "Qlik"]),
        ("I haven't used Tableau, Power BI or Looker on a real project yet.", ["Looker"]),
        ("I have no experience with Tableau, Power BI or Looker.", ["Power BI", "Looker"]),
    ],
)
def test_a_negated_list_is_denied_to_its_last_item(sentence: str, items: list[str]) -> None:
    """A comma or an "and" ends a negation's clause, but not inside a list the negation
    governs: "I haven't used Tableau, Power BI or Looker" credited Power BI and Looker."""
    for item in items:
        assert at(sentence, item), item


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("We didn't have SQL or Python skills.", "Python"),
        ("I have never touched Tableau.", "Tableau"),
        ("i haven't used java or c# in anger", "c#"),
    ],
)
def test_what_was_denied_before_still_is(sentence: str, words: str) -> None:
    """An "or" never ended a negation's clause, and "never" was a negation already."""
    assert at(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I have no experience with Tableau.", "Tableau"),
        ("No exposure to payroll so far.", "payroll"),
        ("I did the whole analysis without Excel.", "Excel"),
        ("I built it without any SQL or Python.", "Python"),
        ("I've used neither Tableau nor Looker.", "Tableau"),
    ],
)
def test_a_negative_phrase_denies_its_words(sentence: str, words: str) -> None:
    assert at(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I not only built the dashboards in Power BI but also trained the team", "Power BI"),
        ("I not only built the dashboards in Power BI but also trained the team", "trained"),
        ("It's not just Excel, I use Python every day.", "Excel"),
        ("I don't just use Excel, I write the macros too.", "Excel"),
        ("without any help I migrated the data to SQL", "SQL"),
        ("without any help I migrated the data to SQL", "migrated"),
        ("no problem, I used Excel", "Excel"),
        ("Without it we'd have lost a week, so I rebuilt the model in Python.", "Python"),
        ("so a no is just one of the nineteen, you know", "one of the nineteen"),
    ],
)
def test_what_a_focused_or_ended_negation_leaves_said(sentence: str, words: str) -> None:
    """A negation moved onto "only" or "just" denies that X is all there is, and so affirms
    X; a negative phrase ends where a new subject begins, or at a comma that opens no list."""
    assert not at(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # A comma's next words are an item only where a coordinator ends the list.
        ("I didn't do any SQL there, it was all Excel, but I've done SQL at uni.", "Excel"),
        ("i haven't used java or c# in anger, the bootcamp was all js, but", "js"),
        ("I haven't used Tableau yet, but I ran the weekly payroll.", "payroll"),
        ("I haven't used Tableau, just Excel and SQL.", "Excel"),
        ("I haven't used Tableau, just Excel and SQL.", "SQL"),
        ("I haven't done payroll, invoicing and month-end were mine.", "invoicing"),
        ("I haven't used Tableau, Power BI was what we had.", "Power BI"),
        # A bare "and" before a word in lower case opens a clause as before.
        ("I don't post an advert and wait, I go on LinkedIn", "wait"),
        ("I didn't do payroll and I ran the ledger in Sage.", "Sage"),
        ("I haven't used Tableau, Power BI or Looker, and I learnt Qlik", "Qlik"),
        # Runs of clauses after a comma, as the labelled answers tell them, are no lists.
        ("We had no budget, deploys took an hour, and two teams shared a database.", "shared"),
        ("I rang them early, not at the desk, offered a free taxi, and a voucher.", "free taxi"),
        ("So I remade it, no argument, and gave her a cookie.", "gave her a cookie"),
        ("the two workflows the ATS couldn't do, and set up a QBR with her", "QBR"),
        ("invoices we never received, or an invoice posted twice", "invoice posted"),
    ],
)
def test_a_negation_still_ends_where_no_list_goes_on(sentence: str, words: str) -> None:
    assert not at(sentence, words)


@pytest.mark.usefixtures("sentence_model")
def test_a_term_denied_by_scope_is_not_used() -> None:
    """By word form and by meaning alike."""
    terms = ["Tableau", "Power BI", "Looker"]
    assert used("I haven't used Tableau, Power BI or Looker.", terms) == {}
    assert used("We didn't have SQL and Python skills.", ["SQL", "Python"]) == {}
    assert used("I have no experience with stakeholder management.", [
        "stakeholder management"
    ]) == {}  # fmt: skip
    assert used("I did the whole analysis without Excel.", ["Excel"]) == {}
    assert used("I not only built the dashboards in Power BI but also trained the team.", [
        "Power BI"
    ]) == {"Power BI": ("word form", "Power BI")}  # fmt: skip
    assert used("Without any help I migrated the data to SQL.", ["SQL"]) == {
        "SQL": ("word form", "SQL")
    }
    assert used("No problem, I used Excel.", ["Excel"]) == {"Excel": ("word form", "Excel")}


def test_a_subject_after_a_list_opens_a_clause() -> None:
    """A list's last item ends where a subject begins, and the negation with it."""
    assert not at("I haven't used Tableau, and um I used Looker instead.", "Looker")
    said = "I haven't used Tableau, Power BI or Looker we did it all in Excel"
    assert at(said, "Looker")
    assert not at(said, "Excel")


@pytest.mark.parametrize(
    ("sentence", "items"),
    [
        # No coordinator: two items or more after the first, each a thing's words.
        ("I haven't used Tableau, Power BI, Looker.", ["Power BI", "Looker"]),
        ("i've never touched jira, trello, asana", ["trello", "asana"]),
        # An item longer than three words, in a list closed by "or", or written as a name.
        (
            "I haven't done budget forecasting, stakeholder management at board level or "
            "contract negotiation.",
            ["stakeholder management", "contract negotiation"],
        ),
        ("I haven't used Tableau, Microsoft Power BI Report Builder and Looker.", ["Looker"]),
        # A bare "and" before a word in lower case, after a negative phrase or in a sentence
        # with no capital to tell by.
        ("I have no experience with payroll and pensions.", ["pensions"]),
        ("i haven't used sql and python", ["python"]),
    ],
)
def test_a_negated_list_of_another_shape_is_denied_to_its_last_item(
    sentence: str, items: list[str]
) -> None:
    """Lists with no coordinator, with a long item or joined by "and" in lower case denied their
    first item only (the known misses `denied` named)."""
    for item in items:
        assert at(sentence, item), item


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # Verbs after commas are clauses, not a list with no coordinator.
        ("I didn't complain, paid the fee, moved on.", "moved on"),
        ("We had no budget, deploys took an hour, and nobody knew.", "nobody knew"),
        # A long item holding a verb's past is a clause.
        ("invoices we never received, or a refund posted twice to the wrong account", "refund"),
        # After a verb's negation, in a sentence that writes capitals, a lower-case "and" is as
        # often a verb's.
        ("I don't post an advert and wait, I go on LinkedIn", "wait"),
    ],
)
def test_a_run_of_clauses_is_still_no_list(sentence: str, words: str) -> None:
    assert not at(sentence, words)


def test_an_item_with_a_past_participle_is_still_an_item_of_a_coordinated_list() -> None:
    """Only a list with no coordinator, a long item or one after a lower-case "and" is asked to
    hold no verb's past: "automated testing" is a thing's words."""
    assert at("I haven't used Tableau, automated testing or Looker.", "Looker")


@pytest.mark.parametrize(
    ("sentence", "words", "denied_there"),
    [
        ("without any help the team moved it to SQL", "SQL", False),
        ("With no budget the team still shipped the dashboards in Power BI.", "Power BI", False),
        ("No sign-off from finance the project stalled for a month", "stalled", False),
        # A determiner after a preposition, a joiner or an "-ing" form is still the phrase's.
        ("I have no experience with the CRM.", "CRM", True),
        ("I have no experience leading a team.", "team", True),
        ("We had no budget for the new dashboards.", "dashboards", True),
    ],
)
def test_a_negative_phrase_ends_where_a_noun_subject_begins(
    sentence: str, words: str, denied_there: bool
) -> None:
    """A negative phrase ended only at a pronoun subject: "without help the team moved it to
    SQL" denied SQL."""
    assert at(sentence, words) is denied_there


@pytest.mark.parametrize(
    ("sentence", "words", "denied_there"),
    [
        ("It's not that I didn't use Excel, it was just slow.", "Excel", False),
        ("It's not like I haven't done payroll before.", "payroll", False),
        ("it wasn't that we had no tests, they were just flaky", "tests", False),
        ("I didn't use Excel.", "Excel", True),
        ("It's not that I use Excel much.", "Excel", True),
        # Only a copula's negation denies a proposition: "don't like" has an object.
        ("I don't like that we never test the backups.", "backups", True),
    ],
)
def test_a_double_negative_affirms(sentence: str, words: str, denied_there: bool) -> None:
    """A negation inside the proposition a negation denies ("not that …", "not like …")
    cancels it: "it's not that I didn't use X" said X was not used."""
    assert at(sentence, words) is denied_there


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("I'm studying for my CIPD Level 5 at evening classes.", "CIPD Level 5"),
        ("I'd like to learn Tableau on the job.", "Tableau"),
        ("I want to get into B2B sales.", "B2B sales"),
        ("We're going to move the warehouse to Azure next year.", "Azure"),
        ("I'm still working on differentiation for my Year 8 group.", "differentiation"),
        ("I'm still weak on budgeting.", "budgeting"),
        ("I'm starting the ILM Level 3 in May.", "ILM Level 3"),
        ("I'd expect SQL to come quickly.", "SQL"),
        ("I'm working towards my ACCA.", "ACCA"),
    ],
)
def test_what_is_meant_or_hoped_for_is_denied(sentence: str, words: str) -> None:
    """The guide's labellers tick nothing the candidate says they will learn or are still weak
    at: "I'm studying for my AAT Level 3" was credited with it by its words."""
    assert at(sentence, words)


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Most falls were patients going to the toilet alone.", "toilet"),
        ("I'm working on the payroll this week.", "payroll"),
        ("If a driver is late I'll ring the depot.", "depot"),
        ("I like to plan the rota on Mondays.", "rota"),
        ("I wanted the team on the new rota, so I rewrote it in Excel.", "Excel"),
        ("The product team wanted to split the monolith, so I ran the migration.", "migration"),
        ("We aim to answer every call within the hour.", "call"),
        ("I ran the training for new starters.", "new starters"),
        ("I signed up forty customers in May.", "customers"),
        ("We were starting the migration when I joined.", "migration"),
    ],
)
def test_a_habit_or_a_past_aim_is_no_prospect(sentence: str, words: str) -> None:
    """Not "I'll" nor "I'd" alone, which tell a habit as often, nor "going to" without a form
    of "be", nor a prospect's reach past its clause."""
    assert not at(sentence, words)


@pytest.mark.usefixtures("sentence_model")
def test_a_prospect_or_a_double_negative_is_read_by_word_form_and_meaning() -> None:
    assert used("I'm studying for my AAT Level 3 at evening classes.", ["AAT Level 3"]) == {}
    assert used("I'm still weak on wine, our sommelier runs the list.", ["wine knowledge"]) == {}
    assert used("It's not that I didn't use Excel, it was just slow.", ["Excel"]) == {
        "Excel": ("word form", "Excel")
    }
    assert used("I haven't used Tableau, Power BI, Looker.", ["Power BI", "Looker"]) == {}


NEUTRAL = (
    "I we the team built ran a an our report reports dashboard in SQL Excel Power BI and or , "
    "with for to on at budget payroll it was is data Looker then so rotas meetings weekly"
).split()


@given(st.lists(st.sampled_from(NEUTRAL), min_size=1, max_size=25))
def test_a_sentence_without_a_negation_denies_nothing(words: list[str]) -> None:
    """Lists, clauses and subjects only end a negation's reach: with none, nothing is denied."""
    sentence = " ".join(words)
    assert not denied(sentence, 0, len(sentence))
