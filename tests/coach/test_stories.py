from prepcoach.coach.stories import StoryInfo, check_story, coverage, shift


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


def test_a_shift_names_what_came_and_went() -> None:
    change = shift(
        "I want to lead a data team in a bank.", "I want to lead a data team in healthcare."
    )
    assert "healthcare" in change.new
    assert "bank" in change.dropped


def test_a_value_resting_on_one_word_is_covered_by_its_meaning_not_that_word() -> None:
    # A trial matched the value "Everyone counts" to a story for its "manual counts".
    stories = [
        StoryInfo(1, "Stock", "We did manual counts of the stock every Friday.", ()),
        StoryInfo(2, "Ward", "I made sure every patient and visitor was treated with respect.", ()),
    ]
    rows = {r.target: r for r in coverage(stories, values=["Everyone counts", "Be kind"])}
    assert 1 not in rows["Everyone counts"].stories
    assert rows["Be kind"].gap or 1 not in rows["Be kind"].stories
    # A term of one word, or with only an article beside it, is still matched by its form.
    terms = {r.target: r for r in coverage(stories, terms=["stock", "the stock"], embedder=None)}
    assert terms["stock"].stories == terms["the stock"].stories == (1,)


def test_a_story_part_without_a_full_stop_is_quoted_on_its_own() -> None:
    text = "Launching the triage dashboard\nIt cut waits by a third\nSQL, data quality"
    row = coverage([StoryInfo(1, "Launch", text, ())], terms=["SQL"], embedder=None)[-1]
    assert row.evidence == ("“SQL, data quality”",)
