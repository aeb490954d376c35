"""The archive's readable Markdown shows the user's words as typed (issue 11, class 4): a goal
named "# Heading" or a note with HTML is not a heading or markup in a Markdown viewer."""

import markdown

from prepcoach.accounts import archive, readable
from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.reflection.models import Story


def test_user_markup_in_the_readable_archive_stays_text(alice: User) -> None:
    Goal.objects.create(user=alice, text="# Learn Optional<User> **now**")
    Story.objects.create(
        user=alice, title="[click](javascript:alert(1))",
        situation="Line one <script>alert(2)</script>\nLine two with `List<int>` and **bold**",
    )  # fmt: skip
    owned = archive.owned_rows(alice)
    files = readable.render(alice, owned)
    goals, stories = files["goals.md"], files["reflection.md"]
    assert r"\# Learn Optional&lt;User> \*\*now\*\*" in goals
    assert r"\[click\](javascript:alert(1))" in stories
    assert "Line one &lt;script>alert(2)&lt;/script>" in stories
    html = markdown.markdown(goals + stories)
    assert "<h1>Learn" not in html
    assert "<script>" not in html
    assert 'href="javascript' not in html
    assert "<code>List&lt;int&gt;</code>" in html  # the user's own Markdown is kept
    assert "<strong>bold</strong>" in html
