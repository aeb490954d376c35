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
from prepcoach.feedback.models import Review
from prepcoach.partners.models import Cheer, Comment, Nudge, Partnership
from prepcoach.practice.models import BULKY_FIELDS

DAYS = 14
SHOWN = 6


@dataclass(frozen=True, slots=True)
class News:
    when: dt.datetime
    text: str
    url: str


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
        what = f"“{ask.attempt.question_text}”" if ask.attempt is not None else ask.subject_phrase
        items.append(News(
            review.updated_at,
            f"{review.reviewer_name} sent feedback on {what} ({review.overall} of 5)",
            ask.owner_url(),
        ))  # fmt: skip
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
        items.append(News(
            comment.created_at,
            f"{comment.author.display_name} commented on “{comment.goal.text}”",
            # The comments are on the partnership's page, under the goal they are about.
            reverse("partners:detail", args=[comment.partnership_id])
            + f"#comments-{comment.goal_id}",
        ))  # fmt: skip
    cheers = owned_by(Cheer.objects.select_related("milestone", "partnership__partner"), user,
                      "partnership__owner")  # fmt: skip
    for cheer in cheers.filter(created_at__gte=since).order_by("-created_at")[:SHOWN]:
        items.append(News(
            cheer.created_at,
            f"{cheer.partnership.partner.display_name} cheered “{cheer.milestone.title}”",
            reverse("goals:detail", args=[cheer.milestone.goal_id]),
        ))  # fmt: skip
    nudges = owned_by(Nudge.objects.select_related("partnership__partner"), user,
                      "partnership__owner")  # fmt: skip
    for nudge in nudges.filter(created_at__gte=since).order_by("-created_at")[:SHOWN]:
        said = f": “{nudge.note}”" if nudge.note else ""
        items.append(News(
            nudge.created_at,
            f"{nudge.partnership.partner.display_name} sent you a nudge{said}",
            reverse("partners:detail", args=[nudge.partnership_id]),
        ))  # fmt: skip
    return items
