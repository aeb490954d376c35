"""What other people did for the user lately: feedback on their answers, mock interviews and
stories, and their partners' comments, cheers and nudges. Only rows that hang off the user's own
things and goals are read (`accounts.access.owned_by` on the owning field), so nobody else's
news can show here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse

from prepcoach.accounts.access import owned_by
from prepcoach.accounts.models import User
from prepcoach.coach.shorten import shorten
from prepcoach.feedback.models import Review
from prepcoach.partners.models import Cheer, Comment, Nudge, Partnership
from prepcoach.practice.models import BULKY_FIELDS

DAYS = 14
SHOWN = 6


# What a line quotes (a question, a goal, a milestone, a nudge's note) is shortened to this at a
# clause (`shorten`), inside its quotation marks: the page cut the whole line at 120 characters,
# mid-word and with the quotation left open.
QUOTED_CHARS = 80


@dataclass(frozen=True, slots=True)
class News:
    when: dt.datetime
    text: str
    url: str
    whole: str = ""  # the text with nothing shortened, when `text` is shortened


def _news(when: dt.datetime, said: str, quoted: str, url: str, after: str = "") -> News:
    """`said` “`quoted`” `after`, what it quotes shortened to `QUOTED_CHARS`."""
    short = shorten(quoted, QUOTED_CHARS)
    whole = f"{said}“{quoted}”{after}"
    text = f"{said}“{short}”{after}"
    return News(when, text, url, whole if text != whole else "")


def recent(user: User, now: dt.datetime, shares: bool | None = None) -> list[News]:
    """The latest news from people, newest first: at most `SHOWN`, from the last `DAYS` days.
    `shares`: whether the user made a partnership, when the caller has read that already."""
    since = now - dt.timedelta(days=DAYS)
    items: list[News] = []
    reviews = owned_by(
        Review.objects.select_related("request__attempt", "request__session", "request__story")
        # An answer's question is shown, never its analysis (tens of KB for a spoken answer).
        .defer(*(f"request__attempt__{big}" for big in BULKY_FIELDS)),
        user, "request__owner",
    )  # fmt: skip
    for review in reviews.filter(updated_at__gte=since).order_by("-updated_at")[:SHOWN]:
        ask = review.request
        # An answer by its question, as it always was; a mock interview or a story by name.
        said, score = f"{review.reviewer_name} sent feedback on ", f" ({review.overall} of 5)"
        if ask.attempt is not None:
            items.append(_news(review.updated_at, said, ask.attempt.question_text,
                               ask.owner_url(), score))  # fmt: skip
        elif ask.story is not None:  # a title of up to 150 characters: shortened as a question
            items.append(_news(review.updated_at, f"{said}your story ", ask.story.title,
                               ask.owner_url(), score))  # fmt: skip
        else:
            what = ask.subject_phrase
            items.append(News(review.updated_at, f"{said}{what}{score}", ask.owner_url()))
    if shares is None:
        shares = owned_by(Partnership.objects.all(), user, "owner").exists()
    if shares:
        items += _from_partners(user, since)
    items.sort(key=lambda n: n.when, reverse=True)
    return items[:SHOWN]


def _from_partners(user: User, since: dt.datetime) -> list[News]:
    """Comments, cheers and nudges: each hangs off a partnership the user made, so a user with
    none (most) is asked once whether there is one instead of three times for their news."""
    items: list[News] = []
    comments = owned_by(
        Comment.objects.select_related("author", "goal", "partnership"), user, "partnership__owner"
    ).exclude(author=user)
    for comment in comments.filter(created_at__gte=since).order_by("-created_at")[:SHOWN]:
        items.append(_news(
            comment.created_at,
            f"{comment.author.display_name} commented on ",
            comment.goal.text,
            # The comments are on the partnership's page, under the goal they are about.
            reverse("partners:detail", args=[comment.partnership_id])
            + f"#comments-{comment.goal_id}",
        ))  # fmt: skip
    cheers = owned_by(Cheer.objects.select_related("milestone", "partnership__partner"), user,
                      "partnership__owner")  # fmt: skip
    for cheer in cheers.filter(created_at__gte=since).order_by("-created_at")[:SHOWN]:
        items.append(_news(
            cheer.created_at,
            f"{cheer.partnership.partner.display_name} cheered ",
            cheer.milestone.title,
            reverse("goals:detail", args=[cheer.milestone.goal_id]),
        ))  # fmt: skip
    nudges = owned_by(Nudge.objects.select_related("partnership__partner"), user,
                      "partnership__owner")  # fmt: skip
    for nudge in nudges.filter(created_at__gte=since).order_by("-created_at")[:SHOWN]:
        said = f"{nudge.partnership.partner.display_name} sent you a nudge"
        url = reverse("partners:detail", args=[nudge.partnership_id])
        items.append(
            _news(nudge.created_at, f"{said}: ", nudge.note, url)
            if nudge.note
            else News(nudge.created_at, said, url)
        )
    return items
