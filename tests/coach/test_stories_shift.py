"""What shifted between two answers to one compass prompt: themes, not word noise."""

from prepcoach.coach.stories import shift, themes_of

# A trial's two answers to "Where do you see yourself in five years?", earlier then later.
EARLIER = (
    "Leading a small analytics team inside a hospital, ideally one that sits next to the wards, "
    "so clinicians ask us questions directly. I do not want to go back to bedside nursing full "
    "time, but I want to keep my registration."
)
LATER = (
    "Honestly unsure. Maybe a clinical informatics role rather than pure analysis - something "
    "that uses my nursing and my SQL. Team leadership matters less than I thought."
)
NOISE = {"honestly", "maybe", "matter", "matters", "pure", "informatic", "ask", "back", "full",
         "go", "unsure", "directly", "ideally", "uses", "sits", "us"}  # fmt: skip


def test_a_shift_lists_themes_not_hedges_adverbs_or_light_verbs() -> None:
    change = shift(EARLIER, LATER)
    shown = {*change.new, *change.dropped, *change.less}
    assert not shown & NOISE
    assert "clinical informatics role" in change.new  # whole, never "informatic"
    assert "SQL" in change.new
    assert {"analytics team", "hospital", "registration"} <= set(change.dropped)
    assert "nursing" not in shown  # named in both answers


def test_a_theme_said_to_matter_less_is_never_new() -> None:
    change = shift(EARLIER, LATER)
    assert not any("leadership" in t for t in change.new)
    assert "leadership" in change.less
    assert "analysis" in change.less  # "rather than pure analysis"
    assert not any("analysis" in t for t in change.new)
    # What the earlier answer did not want is not held: "bedside nursing" was set against.
    assert themes_of(EARLIER)[1] == ["bedside nursing"]


def test_when_no_theme_shifted_the_shift_says_so() -> None:
    same = shift("I want to lead a data team.", "Honestly, I still want to lead a data team!")
    assert not same.clear
    assert same.new == same.dropped == same.less == ()


def test_not_only_and_never_wanting_to_stop_hold_their_themes() -> None:
    """A review: "Not only data engineering but also product strategy" set both against, and
    "I never want to stop learning SQL" set SQL against."""
    from prepcoach.coach.stories import themes_of

    held, away = themes_of("Not only data engineering but also product strategy.")
    assert away == []
    assert "data engineering" in held
    held, away = themes_of("I never want to stop learning SQL.")
    assert away == []
    held, away = themes_of("I want data work, not sales targets.")
    assert away == ["sales targets"]


def test_a_not_inside_a_clause_still_sets_against() -> None:
    """A review: with only a clause-opening "not" read, "I want analytics and not sales
    targets" held sales targets; "not just" held both."""
    from prepcoach.coach.stories import themes_of

    assert themes_of("I want analytics and not sales targets.")[1] == ["sales targets"]
    held, away = themes_of("Not just data engineering but also product strategy.")
    assert away == []
    assert "data engineering" in held
