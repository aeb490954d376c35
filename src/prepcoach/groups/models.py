"""Practice groups (DESIGN: *group membership* grants): members see only what each member
shared with the group, the practice planned on its board, and the answers given to them in a
peer mock. Every row hangs off a membership, so leaving deletes the member's shares and peer
mocks at once; their own answers (Attempts) stay theirs."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from prepcoach.feedback.models import FeedbackRequest
from prepcoach.practice.models import Attempt, Question

MAX_NAME_CHARS = 80
INVITE_DAYS = 7
MAX_MOCK_QUESTIONS = 5


class Group(models.Model):
    name = models.CharField(max_length=MAX_NAME_CHARS)
    # Null only for a moment: when the owner's account is deleted, ownership passes on
    # (signals.settle_ownerless_groups).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
        related_name="owned_practice_groups",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["joined_at", "pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["group", "user"], name="groups_one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.group}"


class GroupInvite(models.Model):
    """A link anyone may join by until it expires or the owner withdraws it. Only the token's
    SHA-256 is stored (192 random bits, `accounts.access.new_link_token`)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="invites")
    token_digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation to {self.group}"

    @staticmethod
    def expiry() -> dt.datetime:
        return timezone.now() + dt.timedelta(days=INVITE_DAYS)

    @property
    def is_open(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class SharedQuestion(models.Model):
    """One of a member's own questions, shared with the group."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="shared_questions"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="group_shares")
    shared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["-shared_at", "pk"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["membership", "question"], name="groups_share_once")
        ]

    def __str__(self) -> str:
        return f"{self.question} shared in {self.membership.group}"


class PeerMock(models.Model):
    """Two members: one interviews with the questions, the other answers in their own browser.
    The questions' words are copied: the pairing keeps them if a question is unshared later."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="peer_mocks")
    interviewer = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    answerer = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    question_texts = models.JSONField(default=list)
    scheduled_for = models.DateTimeField("when", null=True, blank=True)
    swapped_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="swaps"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when either of the two marks it finished: the board shows it as done, and it takes
    # no new answers until reopened.
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["scheduled_for", "created_at"]

    def __str__(self) -> str:
        return f"Peer mock {self.pk} in {self.group}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class PeerAnswer(models.Model):
    """The answerer's answer to one question of a peer mock, and the grant that lets the
    interviewer play and review it (a FeedbackRequest with no usable link: its digest is of a
    token nobody was given). The answerer can withdraw it on the answer's feedback page."""

    mock = models.ForeignKey(PeerMock, on_delete=models.CASCADE, related_name="answers")
    number = models.PositiveSmallIntegerField()  # 1-based, in question_texts
    attempt = models.OneToOneField(Attempt, on_delete=models.CASCADE, related_name="peer_answer")
    request = models.OneToOneField(
        FeedbackRequest, on_delete=models.CASCADE, related_name="peer_answer"
    )

    class Meta:
        ordering: ClassVar = ["number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["mock", "number"], name="groups_one_answer_a_question")
        ]

    def __str__(self) -> str:
        return f"Answer {self.number} of {self.mock}"


def name_of(user: object, unnamed: str = "A member") -> str:
    """How a member is named to the group: their profile name, never their e-mail; `unnamed`
    for one who set none (the board numbers them, "Member 2", `views.board`)."""
    profile = getattr(user, "profile", None)
    return (profile.name if profile is not None and profile.name else "") or unnamed


def member_names(group: Group) -> dict[int, str]:
    """Each member's name to the group by user id (`name_of`), a member with no profile name
    numbered in the order they joined ("Member 2"): the board, the plan-a-mock list and the
    mock page name them alike (a review found "A member" for everyone where a partner is
    picked)."""
    memberships = group.memberships.select_related("user__profile")
    return {m.user_id: name_of(m.user, f"Member {i}") for i, m in enumerate(memberships, 1)}
