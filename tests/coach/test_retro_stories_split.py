"""A retrospective that counts its projects ("First, … Second, …") drafts one story per
project, and a story's metrics keep a change whole ("from 11 to 4")."""

from __future__ import annotations

import pytest

from prepcoach.coach.retro_items import new_items
from prepcoach.coach.retro_stories import PlacedSentence, changes_in, draft_stories, story_metrics

pytestmark = pytest.mark.usefixtures("sentence_model")

# A trial's retrospective (a staff nurse): two projects counted in one answer, the stumble on
# the second. It was drafted as one story holding both, and a second of the stumble alone.
WARD_7 = {
    "energised": (
        "Two things stand out from my last three years on Ward 7 (acute medicine).\n\n"
        "First, the falls audit. Our ward had the highest inpatient falls rate in the division "
        "in spring 2024 and the matron asked me to find out why. Nobody had looked at the Datix "
        "incident data properly. I exported eighteen months of falls reports into Excel, cleaned "
        "up the free-text times, and built pivot tables by hour and bay. I found that 60% of "
        "falls happened between 5am and 7am, mostly in the side rooms, when one healthcare "
        "assistant was on a break. I presented this to the ward meeting and we moved the HCA "
        "break and added a 5am comfort round. Over the next six months falls dropped from 11 to "
        "4. That project energised me more than anything in nursing, because the numbers "
        "changed what we did.\n\n"
        "Second, the e-obs rollout. When the trust moved observations from paper charts to "
        "tablets in 2023, I was a super-user. I struggled at first: I assumed everyone would "
        "learn as fast as I did and got impatient with two senior staff nurses who kept going "
        "back to paper. I learned to sit with them on night shifts, show them one screen at a "
        "time, and ask what was slowing them down. By the end of the month our compliance went "
        "from 54% to 93%, and one of them became a super-user herself."
    ),
    "stumbled": (
        "I stumbled with the e-obs rollout at first - I was impatient and assumed people would "
        "pick it up as fast as me. I grew by slowing down, pairing on nights and listening to "
        "what actually blocked them."
    ),
    "best_team": (
        "Small teams with a clear problem and a matron who trusts us to try things. Night "
        "shift, oddly: fewer interruptions, more time to think."
    ),
}


def test_counted_projects_are_drafted_as_a_story_each() -> None:
    drafts = draft_stories(WARD_7, role="Staff nurse")
    assert drafts.cannot_tell is None
    assert len(drafts.stories) == 2
    falls, eobs = drafts.stories
    falls_text = " ".join(falls.parts.values())
    eobs_text = " ".join(eobs.parts.values())
    assert "falls dropped from 11 to 4" in falls.parts["result"]
    assert "paper charts" not in falls_text
    assert "54%" not in falls_text
    assert "paper charts" in eobs_text
    assert "from 54% to 93%" in eobs.parts["result"]
    assert "falls" not in eobs_text
    # The stumble was on the e-obs rollout: it joins that story, not one of its own.
    assert "stumbled" in eobs.prompts
    # The list's ordinal is not the story's: the title names the project.
    assert falls.title == "Staff nurse: The falls audit"
    assert eobs.title == "Staff nurse: The e-obs rollout"
    assert not any(s.text.startswith(("First", "Second")) for s in falls.sentences)
    # The sentence announcing the two is about them, in neither story.
    assert any(s.text.startswith("Two things stand out") for s in drafts.set_aside)
    assert "Two things" not in falls_text


def test_the_metrics_keep_a_change_whole() -> None:
    drafts = draft_stories(WARD_7, role="Staff nurse")
    falls, eobs = drafts.stories
    assert falls.metrics == ("falls dropped from 11 to 4",)
    assert eobs.metrics == ("compliance went from 54% to 93%",)


def test_a_change_names_what_changed_and_keeps_its_unit() -> None:
    assert list(changes_in("Load time fell from 4.2 to 2.4 seconds.").values()) == [
        "Load time fell from 4.2 to 2.4 seconds"
    ]
    assert list(changes_in("Revenue rose from £10k to £40k.").values()) == [
        "Revenue rose from £10k to £40k"
    ]
    assert changes_in("I was on the ward from 2019 to 2021.") == {}  # a period, no change
    told = PlacedSentence("Wait times went from 40 to 20 minutes in a month.", "energised",
                          "result", 0.9)  # fmt: skip
    assert story_metrics([told]) == ("Wait times went from 40 to 20 minutes",)


def test_a_list_of_steps_is_one_story_and_another_project_is_a_new_one() -> None:
    steps = [
        "First, I mapped the discharge process.",
        "Second, I interviewed the nurses.",
        "Third, I changed the checklist.",
    ]
    assert new_items(steps, [True] * 3) == frozenset()
    told = [
        "The first was the falls audit on Ward 7.",
        "I exported the Datix reports.",
        "Falls dropped from 11 to 4.",
        "The second was the e-obs rollout.",
        "Compliance rose to 93%.",
    ]
    assert new_items(told, [True] * 5) == frozenset({3})
    other = ["I led the audit.", "Falls dropped.", "The other project was the e-obs rollout."]
    assert new_items(other, [True] * 3) == frozenset({2})
    # "The second half of the year" counts no project.
    half = [*told[:3], "The second half of the year was quieter.", "We kept the round."]
    assert new_items(half, [True] * 5) == frozenset()


def test_compounds_steps_and_other_clients_are_no_new_items() -> None:
    """A review: "Second-hand…" was read as the list's second item (and its heading cut to
    "Hand laptops…"), "Several patients fell…" before a step set aside as an announcement, and
    "The next job was…" and "Another client…" each began a story."""
    from prepcoach.coach.retro_items import announces_items, new_items, without_ordinal

    assert without_ordinal("Second-hand laptops arrived late.") == (
        "Second-hand laptops arrived late."
    )
    assert without_ordinal("Third-party audits were booked.") == "Third-party audits were booked."
    assert without_ordinal("Second, the e-obs rollout.") == "The e-obs rollout."
    told = [
        "Several patients fell in one week on our night shift.",
        "First, I pulled the Datix reports for the month.",
        "Second-hand bed alarms arrived, but falls dropped from 11 to 4.",
        "The next job was to clean the data.",
        "Another client complained about the wait.",
    ]
    assert not announces_items(told, 0)
    assert new_items(told, [True] * len(told)) == frozenset()
    assert announces_items(["Two things stand out.", "First, the falls audit."], 0)


def test_items_of_one_long_sentence_each_with_its_own_outcome_are_two_stories() -> None:
    """A browser check: each project told in one long sentence ending on its result read as
    one story; a list of steps whose result comes after them stays one."""
    from prepcoach.coach.retro_items import new_items
    from prepcoach.coach.retro_stories import changes_in

    told = [
        "First, I rebuilt our reporting in dbt: I wrote the models, set up tests and trained "
        "two analysts, and report build time fell from 6 hours to 40 minutes.",
        "Second, I ran the churn analysis for the subscriptions team: I joined the billing and "
        "support data, built a survival model, and monthly churn dropped from 4.2% to 3.1%.",
    ]
    assert new_items(told, [True, True], lambda s: bool(changes_in(s))) == frozenset({1})
    steps = [
        "First, I pulled the tickets for the month.",
        "Second, I grouped them by cause.",
        "Then the first response time went from 9 hours to 2 hours.",
    ]
    assert new_items(steps, [True] * 3, lambda s: bool(changes_in(s))) == frozenset()


def test_a_short_step_with_a_figure_is_still_a_step() -> None:
    """A review: "First, I rewrote the main query and build time fell from 6 hours to 40
    minutes. Second, I moved the refresh to overnight." became two stories."""
    from prepcoach.coach.retro_items import new_items
    from prepcoach.coach.retro_stories import changes_in

    steps = [
        "First, I rewrote the main query and build time fell from 6 hours to 40 minutes.",
        "Second, I moved the refresh to overnight.",
    ]
    assert new_items(steps, [True, True], lambda s: bool(changes_in(s))) == frozenset()
