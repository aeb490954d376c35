"""Who may see what: the one place that decides it.

Every view and API endpoint that reads a user-owned row fetches it through these helpers, so an
owner check is never forgotten and never written twice. Grants to other people live here too:
capability links (one object, no account) and partners (chosen goals).
"""

from __future__ import annotations

import hashlib
import secrets
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F, Model, Q, QuerySet
from django.http import Http404, HttpRequest

from prepcoach.accounts.models import User

if TYPE_CHECKING:
    from prepcoach.feedback.models import FeedbackRequest
    from prepcoach.jobs.models import Opportunity
    from prepcoach.practice.models import Attempt


def signed_in_user(request: HttpRequest) -> User:
    """The user of a request that login_required (or an API auth) has already let through."""
    assert isinstance(request.user, User)
    return request.user


def archive_owner(request: HttpRequest) -> User:
    """Whose data an export streams or an import fills: only ever the signed-in person's own.
    The addresses take no id, so nobody can name another account's archive."""
    return signed_in_user(request)


def owned_by[M: Model](queryset: QuerySet[M], user: User, owner_field: str = "user") -> QuerySet[M]:
    """The rows of queryset that belong to user."""
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(**{owner_field: user})


def get_owned_or_404[M: Model](
    queryset: QuerySet[M], user: User, owner_field: str = "user", **lookup: Any
) -> M:
    """One row the user owns; 404 (not 403) otherwise, so ids of others' rows reveal nothing."""
    try:
        return owned_by(queryset, user, owner_field).get(**lookup)
    except ObjectDoesNotExist:
        raise Http404("Not found.") from None


def shared_or_owned[M: Model](
    queryset: QuerySet[M], user: User, owner_field: str = "owner"
) -> QuerySet[M]:
    """Rows everyone shares (no owner, such as the starter question bank) and the user's own."""
    shared = Q(**{f"{owner_field}__isnull": True})
    if not user.is_authenticated:
        return queryset.filter(shared)
    return queryset.filter(shared | Q(**{owner_field: user}))


# --- capability links -----------------------------------------------------------------------
# A link is a random token (192 bits) that the owner hands to someone without an account. Only
# its SHA-256 digest is stored, so the database alone opens nothing; a link works for the one
# object it was made for, until it expires or its owner withdraws it. A link that does not work
# looks the same whether it never existed, expired or was withdrawn: nothing hints at the rest.

LINK_TOKEN_BYTES = 24


def new_link_token() -> tuple[str, str]:
    """A fresh token for a link and the digest to store in its place."""
    token = secrets.token_urlsafe(LINK_TOKEN_BYTES)
    return token, link_digest(token)


def link_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def feedback_request_for_link(token: str) -> FeedbackRequest | None:
    """The open feedback request a link token opens, or None (unknown, expired, withdrawn).
    It opens the one thing it was made for (an answer, a mock interview or a story), and only
    while that thing is still its owner's."""
    from django.utils import timezone

    from prepcoach.feedback.models import FeedbackRequest

    if not token or len(token) > 100:
        return None
    found = (
        FeedbackRequest.objects.select_related("attempt", "session", "story", "owner__profile")
        .filter(token_digest=link_digest(token), revoked_at__isnull=True)
        .filter(expires_at__gt=timezone.now())
        .filter(
            Q(attempt__user=F("owner")) | Q(session__user=F("owner")) | Q(story__user=F("owner"))
        )
        .first()
    )
    return found


def feedback_attempts(ask: FeedbackRequest) -> QuerySet[Attempt]:
    """The answers a feedback request lets its holder read and play, oldest first: its one
    answer; for a mock interview, the owner's answers given in that session and no other;
    none for a story (it is read, not heard)."""
    from prepcoach.practice.models import Attempt

    mine = Attempt.objects.filter(user_id=ask.owner_id).order_by("created_at", "pk")
    if ask.attempt_id is not None:
        return mine.filter(pk=ask.attempt_id)
    if ask.session_id is not None:
        return mine.filter(session_id=ask.session_id, session__user_id=ask.owner_id)
    return mine.none()


def feedback_attempt_for_link(token: str, attempt_id: int) -> Attempt | None:
    """One answer a working link may play: one of `feedback_attempts` of its request, else
    None (whatever the reason, so a link never tells whether another answer exists)."""
    ask = feedback_request_for_link(token)
    if ask is None:
        return None
    return feedback_attempts(ask).filter(pk=attempt_id).first()


def followed_up_answer(attempt: Attempt) -> Attempt | None:
    """The answer `attempt` (the answer to a follow-up) follows up, only when it is the same
    owner's: a follow-up is asked of its owner's own answer, and nothing of anyone else's is
    read through one (a row naming another's answer, by a bug or an import, shows none of
    it). None for a first answer. Reads the relation as loaded (`select_related`): no query
    of its own beyond it."""
    if attempt.follow_up_to_id is None:
        return None
    first = attempt.follow_up_to
    if first is None or first.user_id != attempt.user_id:
        return None
    return first


def answer_job(attempt: Attempt) -> Opportunity | None:
    """The job an answer is read against (its key terms and advert) and its report names: its
    mock interview's job, else the job it was practised for (`Attempt.job`, chosen on a
    question's page), only when it is the answer's owner's: nothing of anyone else's job is
    read through an answer (a row naming another's job, by a bug or an import, reads none).
    None when neither is set, or the job was deleted. Reads the relations as loaded
    (`select_related("session__opportunity", "job")`)."""
    session = attempt.session if attempt.session_id is not None else None
    mock_job = session.opportunity if session and session.user_id == attempt.user_id else None
    job = mock_job or (attempt.job if attempt.job_id is not None else None)
    if job is None or job.user_id != attempt.user_id:
        return None
    return job


def practice_jobs(user: User) -> QuerySet[Opportunity]:
    """The jobs a user may practise an answer for: their own, as the jobs list orders them."""
    from prepcoach.jobs.models import Opportunity

    return owned_by(Opportunity.objects.all(), user)


def calendar_feed_owner(token: str) -> User | None:
    """Whose plan a calendar address opens: the active owner of the feed whose stored digest
    is this token's, else None (revoked, replaced, mistyped or never made look the same)."""
    from prepcoach.goals.models import CalendarFeed

    if not token or len(token) > 100:
        return None
    found = CalendarFeed.objects.filter(token_digest=link_digest(token)).select_related("user")
    feed = found.first()
    return feed.user if feed is not None and feed.user.is_active else None


# --- partners -------------------------------------------------------------------------------
# A partnership lets its partner see the goals its owner chose, and nothing else: their
# progress, check-ins, milestones and the weekly review of those goals. Ending it (either side)
# deletes the row, so every page below answers 404 at once, the same 404 as for an id that
# never existed.

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Literal

    from prepcoach.goals.models import Goal, Milestone
    from prepcoach.partners.models import Partnership


def partnerships_of(user: User) -> QuerySet[Partnership]:
    """Partnerships the user is on either side of: sharing their goals, or following."""
    from prepcoach.partners.models import Partnership

    if not user.is_authenticated:
        return Partnership.objects.none()
    return Partnership.objects.filter(Q(owner=user) | Q(partner=user)).select_related(
        "owner__profile", "partner__profile"
    )


def get_partnership_or_404(
    user: User, partnership_id: int, side: Literal["owner", "partner"] | None = None
) -> Partnership:
    """A partnership the user is on either side of (or on the given side: only its owner
    chooses its goals, only its partner nudges or takes the weekly mail); 404 otherwise."""
    found = partnerships_of(user)
    if side is not None:
        found = found.filter(**{side: user})
    try:
        return found.get(pk=partnership_id)
    except ObjectDoesNotExist:
        raise Http404("Not found.") from None


def partner_goals(viewer: User, partnership: Partnership | None = None) -> QuerySet[Goal]:
    """The goals others shared with viewer (in one partnership, if given). The owner of a
    partnership also gets its goals: they are the owner's own."""
    from prepcoach.goals.models import Goal

    if not viewer.is_authenticated:
        return Goal.objects.none()
    if partnership is None:
        return Goal.objects.filter(partner_grants__partner=viewer).distinct()
    if viewer.pk not in (partnership.owner_id, partnership.partner_id):
        return Goal.objects.none()
    return Goal.objects.filter(partner_grants=partnership, user_id=partnership.owner_id)


def followed_goals(
    viewer: User, partnerships: Sequence[Partnership] | None = None
) -> list[tuple[Partnership, list[Goal]]]:
    """What viewer keeps accountable: each partnership viewer is the partner in (oldest
    first), with the goals its owner shared with viewer, and nothing else of theirs.
    `partnerships`: viewer's `partnerships_of`, when the caller has read them already."""
    found = list(partnerships_of(viewer)) if partnerships is None else partnerships
    following = sorted(
        (p for p in found if p.partner_id == viewer.pk), key=lambda p: (p.created_at, p.pk)
    )
    if not following:
        return []
    goals = list(partner_goals(viewer).order_by("pk"))
    return [(p, [g for g in goals if g.user_id == p.owner_id]) for p in following]


def get_partner_goal_or_404(
    viewer: User, goal_id: int, partnership: Partnership | None = None
) -> Goal:
    """One goal shared with viewer (or, within a partnership, one of its goals)."""
    try:
        return partner_goals(viewer, partnership).get(pk=goal_id)
    except ObjectDoesNotExist:
        raise Http404("Not found.") from None


def get_partner_milestone_or_404(viewer: User, milestone_id: int) -> tuple[Partnership, Milestone]:
    """A milestone of a goal shared with viewer, and the partnership that shares it."""
    from prepcoach.goals.models import Milestone
    from prepcoach.partners.models import Partnership

    milestone = (
        Milestone.objects.filter(pk=milestone_id, goal__in=partner_goals(viewer))
        .select_related("goal")
        .first()
    )
    if milestone is None:
        raise Http404("Not found.")
    partnership = Partnership.objects.get(owner_id=milestone.goal.user_id, partner=viewer)
    return partnership, milestone


# --- groups ---------------------------------------------------------------------------------
# A practice group lets its members see what each member shared with it (questions), who is in
# it and the practice planned on its board; nothing else of a member's. In a peer mock the
# interviewer may also play and review the answers given to them, for as long as both are
# members and the answerer has not withdrawn it. Leaving deletes the membership, and with it
# the member's shares and peer mocks, so every page below answers 404 at once; so does being
# removed by the group's owner (the only one who may remove a member). An invitation
# link that does not work looks the same whatever the reason.

if TYPE_CHECKING:
    from prepcoach.groups.models import (
        Group,
        GroupInvite,
        Membership,
        PeerAnswer,
        PeerMock,
        SharedQuestion,
    )


def groups_of(user: User) -> QuerySet[Group]:
    from prepcoach.groups.models import Group

    if not user.is_authenticated:
        return Group.objects.none()
    return Group.objects.filter(memberships__user=user)


def get_group_or_404(user: User, group_id: int, owner_only: bool = False) -> Group:
    """A group the user belongs to (or owns); 404 otherwise."""
    found = groups_of(user)
    if owner_only:
        found = found.filter(owner=user)
    try:
        return found.select_related("owner__profile").get(pk=group_id)
    except ObjectDoesNotExist:
        raise Http404("Not found.") from None


def membership_in(user: User, group: Group) -> Membership:
    from prepcoach.groups.models import Membership

    try:
        return Membership.objects.get(group=group, user=user)
    except ObjectDoesNotExist:
        raise Http404("Not found.") from None


def removable_membership(user: User, group_id: int, membership_id: int) -> Membership:
    """A membership the user may end for someone else: only a group's owner may, and only
    for another member of that group (the owner leaves by leaving); 404 otherwise."""
    from prepcoach.groups.models import Membership

    group = get_group_or_404(user, group_id, owner_only=True)
    try:
        return (
            Membership.objects.filter(group=group)
            .exclude(user=user)
            .select_related("group", "user__profile")
            .get(pk=membership_id)
        )
    except ObjectDoesNotExist:
        raise Http404("Not found.") from None


def group_shared_questions(viewer: User, group: Group) -> QuerySet[SharedQuestion]:
    """What the group's members shared with it, for a member of the group only."""
    from prepcoach.groups.models import SharedQuestion

    if not groups_of(viewer).filter(pk=group.pk).exists():
        return SharedQuestion.objects.none()
    return SharedQuestion.objects.filter(
        membership__group=group, question__owner=F("membership__user")
    ).select_related("question", "membership__user__profile")


def peer_mocks_of(user: User) -> QuerySet[PeerMock]:
    """Peer mocks the user is paired in, on either side."""
    from prepcoach.groups.models import PeerMock

    if not user.is_authenticated:
        return PeerMock.objects.none()
    return PeerMock.objects.filter(Q(interviewer__user=user) | Q(answerer__user=user))


def get_peer_mock_or_404(
    user: User, mock_id: int, side: Literal["interviewer", "answerer"] | None = None
) -> PeerMock:
    found = peer_mocks_of(user)
    if side is not None:
        found = found.filter(**{f"{side}__user": user})
    try:
        return found.select_related(
            "group", "interviewer__user__profile", "answerer__user__profile"
        ).get(pk=mock_id)
    except ObjectDoesNotExist:
        raise Http404("Not found.") from None


def peer_answer_for_interviewer(user: User, answer_id: int) -> PeerAnswer:
    """An answer given to the user in a peer mock where they interview, while its answerer
    has not withdrawn it; 404 otherwise."""
    from prepcoach.groups.models import PeerAnswer

    if not user.is_authenticated:
        raise Http404("Not found.")
    found = (
        PeerAnswer.objects.filter(
            pk=answer_id, mock__interviewer__user=user, request__revoked_at__isnull=True,
            attempt__user=F("mock__answerer__user"),
        ).select_related("attempt", "request", "mock__answerer__user__profile").first()
    )  # fmt: skip
    if found is None:
        raise Http404("Not found.")
    return found


def group_invite_for_link(token: str) -> GroupInvite | None:
    """The open invitation a link token opens, or None (unknown, expired, withdrawn)."""
    from django.utils import timezone

    from prepcoach.groups.models import GroupInvite

    if not token or len(token) > 100:
        return None
    return (
        GroupInvite.objects.select_related("group__owner__profile")
        .filter(token_digest=link_digest(token), revoked_at__isnull=True)
        .filter(expires_at__gt=timezone.now())
        .first()
    )


def peer_mock_questions(mock: PeerMock) -> list[str | None]:
    """A peer mock's questions as its two members may read them: a question its sharer has
    since unshared, deleted or taken away by leaving the group is None (its words were only
    ever the group's while it was shared). The answers already given keep their own words."""
    from prepcoach.groups.models import SharedQuestion

    shared = set(
        SharedQuestion.objects.filter(membership__group_id=mock.group_id).values_list(
            "question__text", flat=True
        )
    )
    return [text if text in shared else None for text in mock.question_texts]


def peer_answers_for(user: User, mock: PeerMock) -> dict[int, PeerAnswer]:
    """A peer mock's answers (by question number) as `user`, one of its two members, may see
    them: only answers the answerer gave; to the interviewer, none the answerer withdrew."""
    answers = mock.answers.select_related("attempt", "request").filter(
        attempt__user_id=mock.answerer.user_id
    )
    if mock.interviewer.user_id == user.pk:
        answers = answers.filter(request__revoked_at__isnull=True)
    return {a.number: a for a in answers}
