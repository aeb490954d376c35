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
