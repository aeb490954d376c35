"""No page carries meaning in an emoji: Debian's Chromium (and many Linux desktops) has no emoji
font and shows an empty box. Icons are inline SVG beside words (templates/partials/icon.html).
Scans every template, every script and every string the Python code shows."""

from __future__ import annotations

import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "prepcoach"
# Pictographs, emoticons, transport, supplemental symbols, and the media-control signs (⏸ ⏹ ⏺).
EMOJI = re.compile("[\U0001f300-\U0001faff\u23e9-\u23fa\u2b50\u2705\u274c\u2728]")
SHOWN = [
    p for p in SOURCE.rglob("*")
    if p.suffix in {".html", ".js", ".txt"} or (p.suffix == ".py" and "migrations" not in p.parts)
]  # fmt: skip


def test_no_emoji_in_what_users_see() -> None:
    found = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()[:80]}"
        for path in SHOWN
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if EMOJI.search(line)
    ]
    assert SHOWN, "the scan found no files"
    assert not found, found
