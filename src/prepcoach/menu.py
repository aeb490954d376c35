"""Which menu item a page belongs to (issue 12): the section of the journey its URL is part of.

Each app is one section, except the feedback pages, which follow what the feedback is on (a
story's under Grow, an answer's or a mock interview's under Improve). Partners keep the user to
their plan (Plan); a real interview's page holds its debrief, which feeds practice (Improve).
`tests/test_menu_item.py` walks every URL pattern and fails on one without a section."""

from __future__ import annotations

from typing import Final

PLAN: Final = "plan"
GROW: Final = "grow"
IMPROVE: Final = "improve"
DASHBOARD: Final = "dashboard"
ACCOUNT: Final = "account"

SECTION_OF_APP: Final[dict[str, str]] = {
    "goals": PLAN,
    "network": PLAN,
    "partners": PLAN,
    "research": GROW,
    "reflection": GROW,
    "reading": GROW,
    "practice": IMPROVE,
    "groups": IMPROVE,
    "feedback": IMPROVE,
    "interviews": IMPROVE,
    "dashboard": DASHBOARD,
    "accounts": ACCOUNT,
}
SECTION_OF_VIEW: Final[dict[str, str]] = {
    "feedback:story": GROW,
    "feedback:story_ask": GROW,
    "feedback:interviewer": GROW,
    "feedback:reply_delete": GROW,
}


def section_of(view_name: str) -> str | None:
    """The section of a URL by its name ("goals:detail"); None for one outside the menu."""
    if view_name in SECTION_OF_VIEW:
        return SECTION_OF_VIEW[view_name]
    app = view_name.partition(":")[0] if ":" in view_name else ""
    return SECTION_OF_APP.get(app)
