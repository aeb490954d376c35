import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.stories import (
    COMPETENCIES,
    SavedStory,
    StoryInfo,
    check_story,
    coverage,
    read_bank,
    shift,
)


def test_a_story_missing_parts_or_a_number_is_flagged() -> None:
    thin = check_story(
        {
            "situation": "At a clinic our no-show rate was high.",
            "task": "",
            "action": "I set up reminders for every patient.",
            "result": "It got better.",
        }
    )
    assert thin.missing == ("task",)
    assert not thin.result_has_number
    assert any("number" in f for f in thin.flags)
    full = check_story({"situation": "At a clinic our no-show rate was high.", "task": "My job was to cut it.",
                        "action": "I set up text reminders.", "result": "No-shows fell from 18% to 7%."})  # fmt: skip
    assert full.complete


def test_coverage_shows_gaps_for_competencies_values_and_terms() -> None:
    stories = [
        StoryInfo(
            1, "Reminders", "I led the rollout of SQL dashboards for the clinic", ("leadership",)
        ),
        StoryInfo(2, "Handover", "I resolved a conflict between two nurses", ()),
    ]
    rows = {
        r.target: r for r in coverage(stories, values=["Patients first"], terms=["SQL", "Tableau"])
    }
    assert rows["leadership"].stories == (1,)
    assert rows["conflict"].stories == (2,)
    assert rows["failure"].gap
    assert rows["SQL"].stories == (1,)
    assert rows["Tableau"].gap
    assert rows["Patients first"].gap


def test_a_competency_is_read_by_its_bare_words_a_job_term_by_its_phrasings() -> None:
    """A job's term is compared with a story by the mean of its phrasings at the cut chosen on
    hand-labelled answers (0.42); a competency or a value has no such phrasing ("I did
    failure"), and its bare vector at that cut read a story's "errors fell by 40%" as a story
    of failure. It keeps the cut calibrated for bare terms (`BARE_THRESHOLD`)."""
    story = StoryInfo(
        1,
        "The late reports",
        "In my last job our weekly reports were always late.\nI built a checklist and trained "
        "the team.\nReports went out 2 days earlier; errors fell by 40%.\nI help customers "
        "find what they need.",
        (),
    )
    rows = {r.target: r for r in coverage([story], terms=["customer service"])}
    assert rows["failure"].gap  # 0.63 from "errors fell" by its bare vector
    assert rows["customer focus"].evidence == ("“I help customers find what they need.”",)
    assert rows["customer service"].evidence == ("“I help customers find what they need.”",)


# A trial's story: its tags "renewal, retention" were credited with "renewal forecasting" and
# "expansion opportunities" by meaning, and readiness quoted the tags as the evidence.
CARE_HOMES = "Winning back a care-home group"
CARE_HOMES_TOLD = (
    "A group of six care homes had given notice to leave us for a cheaper supplier.",
    "I was asked to keep the account.",
    "I visited each home, listened to the managers and fixed the delivery problems they raised.",
    "They signed a new three-year contract worth £180k a year.",
)


@pytest.mark.usefixtures("sentence_model")
def test_a_storys_tags_say_a_term_by_their_words_never_by_meaning() -> None:
    text = StoryInfo.lines(CARE_HOMES, CARE_HOMES_TOLD, "renewal, retention")
    story = StoryInfo(1, CARE_HOMES, text, ())
    terms = ["renewal forecasting", "expansion opportunities", "retention", "account management"]
    rows = {r.target: r for r in coverage([story], terms=terms, competencies=())}
    assert rows["renewal forecasting"].gap  # 0.63 from the tags by meaning
    assert rows["expansion opportunities"].gap  # 0.41
    assert rows["retention"].evidence == ("its tags: “renewal, retention”",)  # its own word
    assert rows["account management"].evidence == ("“I was asked to keep the account.”",)


@pytest.mark.usefixtures("sentence_model")
def test_a_storys_title_says_a_term_by_its_words_never_by_meaning() -> None:
    """A title is the owner's name for a story, as its tags are: "Keeping our biggest customer"
    covered "customer retention" by meaning (0.62), quoting the title, in a story that tells of
    reports; its own words it says ("customer")."""
    title = "Keeping our biggest customer"
    told = ("Our weekly reports were always late.", "I rebuilt them and they went out on Mondays.")
    story = StoryInfo(1, title, StoryInfo.lines(title, told), ())
    rows = {r.target: r for r in coverage([story], terms=["customer retention", "customer"])}
    assert rows["customer retention"].gap
    assert rows["customer"].evidence == ("by its title",)


def test_a_sentence_of_what_a_story_tells_is_its_evidence_before_its_labels() -> None:
    """Said by its words in the title, the tags and a part, a term is shown by the part: the
    sentence that tells what was done, not the title the matrix already names it by."""
    title = "SQL audit rescue"
    told = ("The audit was in a week.", "I rebuilt the reports in SQL.")
    story = StoryInfo(1, title, StoryInfo.lines(title, told, "SQL"), ())
    rows = coverage([story], terms=["SQL"], competencies=(), embedder=None)
    assert rows[0].evidence == ("“I rebuilt the reports in SQL.”",)


def test_a_sentence_said_by_meaning_is_quoted_before_a_tag_said_by_its_words() -> None:
    """Adding the tag "client retention" made the tags the evidence of a story that tells it
    (a review): what the story tells comes first, by its words or by meaning; a label shows
    only where nothing it tells covers the term, and says what it is."""
    title = "Winning back the rival's clients"
    told = (
        "Three of our biggest clients were about to leave for a rival.",
        "I visited each one, fixed their delivery problems and they all renewed.",
    )
    tagged = StoryInfo(1, title, StoryInfo.lines(title, told, "client retention"), ())
    [row] = coverage([tagged], terms=["client retention"], competencies=())
    assert row.evidence[0].startswith("“Three of our biggest clients") or row.evidence[
        0
    ].startswith("“I visited each one"), row.evidence
    plain = StoryInfo(
        2, "SQL rescue", StoryInfo.lines("SQL rescue", ["I fixed it."], "Tableau"), ()
    )
    rows = coverage([plain], terms=["SQL", "Tableau"], competencies=(), embedder=None)
    assert [r.evidence for r in rows] == [("by its title",), ("its tags: “Tableau”",)]


def test_a_storys_text_keeps_its_title_and_tags_apart_from_what_it_tells() -> None:
    text = StoryInfo.lines(
        " Audit rescue ", ["I rebuilt the SQL.", "", "Saved 2 days."], " SQL,\ndata "
    )
    story = StoryInfo(1, "Audit rescue", text, ())
    assert story.told_and_labels == ("I rebuilt the SQL.\nSaved 2 days.", "Audit rescue\nSQL, data")
    # A text of parts alone (no title line, no tags) is all told.
    assert StoryInfo(2, "Audit rescue", "I rebuilt the SQL.", ()).told_and_labels == (
        "I rebuilt the SQL.",
        "",
    )


def test_a_shift_names_what_came_and_went() -> None:
    change = shift(
        "I want to lead a data team in a bank.", "I want to lead a data team in healthcare."
    )
    assert "healthcare" in change.new
    assert "bank" in change.dropped


# Which stories of a bank prepcoach can read: every face that weighs the bank asks `read_bank`.

READABLE = {
    "situation": "At a clinic our no-show rate was high and the waiting list grew.",
    "task": "My job was to cut the missed appointments before the winter.",
    "action": "I set up text reminders and rang every patient who missed one.",
    "result": "No-shows fell from 18% to 7% in three months.",
}
ADVERT = (
    '<div class="job"><h1>Reporting analyst</h1><p>You will own weekly SQL reports and '
    "Tableau dashboards for clinical teams.</p></div>"
)
UNREADABLE = {
    "html": dict.fromkeys(READABLE, ADVERT),
    "fillers": dict.fromkeys(READABLE, "um uh like you know so um"),
    "German": dict.fromkeys(
        READABLE,
        "Ich habe in meinem letzten Projekt ein Team von fünf Entwicklern geleitet und am Ende "
        "die Ladezeit um 40 Prozent reduziert.",
    ),
}


def _saved(key: int, parts: dict[str, str], ticked: tuple[str, ...] = ()) -> SavedStory[int]:
    return SavedStory(key, f"Story {key}", parts, "\n".join(parts.values()), ticked)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([None, *UNREADABLE]), st.sampled_from(COMPETENCIES)),
        max_size=6,
    )
)
def test_a_bank_is_read_story_by_story_in_its_order(
    bank: list[tuple[str | None, str]],
) -> None:
    stories = [
        _saved(key, READABLE if why is None else UNREADABLE[why], (ticked,))
        for key, (why, ticked) in enumerate(bank)
    ]
    reading = read_bank(stories)
    assert reading.unread == {key for key, (why, _) in enumerate(bank) if why is not None}
    assert [s.id for s in reading.readable] == [
        key for key, (why, _) in enumerate(bank) if why is None
    ]
    infos = reading.for_coverage
    assert [(i.id, i.title, i.competencies) for i in infos] == [
        (s.id, s.title, s.competencies) for s in stories
    ]  # every story, its ticks kept
    assert [i.text for i in infos] == [
        "" if s.id in reading.unread else s.text for s in stories
    ]  # an unread story's words count for nothing


def test_a_pasted_advert_covers_no_term_by_its_words_but_its_ticks_still_count() -> None:
    reading = read_bank([_saved(1, UNREADABLE["html"], ("teamwork",)), _saved(2, READABLE)])
    rows = {
        r.target: r
        for r in coverage(reading.for_coverage, terms=["Tableau", "reminders"], embedder=None)
    }
    assert rows["Tableau"].gap  # the advert's own term, in the pasted story's words
    assert rows["reminders"].stories == (2,)
    assert rows["teamwork"].stories == (1,)
    assert [s.id for s in reading.readable] == [2]


def test_a_story_of_terse_notes_is_still_read() -> None:
    """A story's notes are often terse ("Legacy billing, monthly invoice errors"): read."""
    notes = dict.fromkeys(READABLE, "Legacy billing system, monthly invoice errors")
    assert read_bank([_saved(1, notes)]).unread == frozenset()


@pytest.mark.usefixtures("sentence_model")
def test_a_value_that_is_also_a_job_term_reads_as_the_term() -> None:
    """A trial's readiness page said "Continuous improvement value: no story yet" beside
    "continuous improvement job term: [story]": the same words read at two cuts."""
    told = "I kept making small improvements to our workflow week after week."
    rows = coverage(
        [StoryInfo(1, "Small steps", told, ())],
        values=["Continuous improvement"],
        terms=["continuous improvement"],
        competencies=(),
    )
    value, term = rows
    assert (value.kind, term.kind) == ("value", "job term")
    assert value.target == "Continuous improvement"
    assert term.stories == (1,)  # by its phrasings (read at its bare words' cut, no story)
    assert value.stories == term.stories
    assert value.evidence == term.evidence
