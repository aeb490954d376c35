"""A user's Markdown as HTML (`markdown_html`): a list right after a line is a list."""

from prepcoach.coach.text import markdown_html


def test_a_list_straight_after_a_line_is_a_list() -> None:
    """A trial's research note: "- RTT backlog" on the line after a paragraph's showed inline,
    under a help that says lists work."""
    html = markdown_html("Read before the panel:\n- RTT backlog\n- NHS 10-year plan\nThen rest.")
    assert "<p>Read before the panel:</p>" in html
    assert "<li>RTT backlog</li>" in html
    assert "<li>NHS 10-year plan" in html
    assert "<ol>" in markdown_html("Steps:\n1. Export the data\n2. Build the tables")


def test_only_a_dash_and_a_space_at_a_lines_start_opens_a_list() -> None:
    assert "<li>" not in markdown_html("It was cold, about\n-5 degrees on the ward.")
    assert "<li>" not in markdown_html("The e-obs roll-out and the\nfalls-audit overlapped.")
    assert "<li>" not in markdown_html("Notes\n\n    - indented code, not a list")
    tight = markdown_html("- one\n  more of one\n- two")
    assert tight.count("<li>") == 2
    assert "<p>" not in tight


def test_hard_wrapped_prose_stays_prose() -> None:
    """A review: "Total was\n10. Then we left." became a list and lost its 10, and a wrapped
    "- she said" line would have become one too."""
    assert "<li>" not in markdown_html("Total was\n10. Then we left.")
    assert "10. Then we left." in markdown_html("Total was\n10. Then we left.")
    assert "<li>" not in markdown_html("I asked what went wrong\n- she said the rota.")
    assert "<li>RTT backlog</li>" in markdown_html("Notes\n- RTT backlog\n- HES data")
