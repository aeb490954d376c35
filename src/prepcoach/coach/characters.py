"""Whether a text can be stored and shown: the one rule every face applies to what a person
types (forms, the JSON API), so that what one accepts the other does too.

Refused: NUL and the other control characters (tab, line feed and carriage return are text),
and lone surrogates (half of a UTF-16 pair: JSON's "\\ud800" can carry one, UTF-8 cannot, and no
database stores it). The message names the character and where it is, so it can be found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ALLOWED_CONTROLS = "\t\n\r"
BAD_CHARACTER_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
NAMES = {"\x00": "a NUL byte", "\x0b": "a vertical tab", "\x0c": "a form feed", "\x1b": "an escape"}


@dataclass(frozen=True)
class TextProblem:
    character: str
    position: int  # 1-based, in characters
    message: str


def text_problem(text: str) -> TextProblem | None:
    """The first character of `text` that cannot be stored, or None when every one can."""
    found = BAD_CHARACTER_RE.search(text)
    if found is None:
        return None
    char = found.group(0)
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        what = f"half of a character pair ({code}) with no other half"
    else:
        what = f"{NAMES.get(char, 'an invisible control character')} ({code})"
    position = found.start() + 1
    return TextProblem(
        char,
        position,
        f"The text holds {what} at character {position}: remove it and send again.",
    )
