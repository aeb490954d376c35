"""Practice groups: create, invite by link, join, share questions, the board, leave; peer
mocks where one member interviews and the other answers, then they swap sides.

Every row is fetched through `accounts.access`; these views never decide who may see what.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from prepcoach.accounts.access import (
    get_group_or_404,
    get_owned_or_404,
    get_peer_mock_or_404,
    group_invite_for_link,
    group_shared_questions,
    groups_of,
    membership_in,
    new_link_token,
    owned_by,
    peer_answer_for_interviewer,
    peer_answers_for,
    peer_mock_questions,
    removable_membership,
    signed_in_user,
)
from prepcoach.coach.content import analyse_content
from prepcoach.coach.peers import Sides, held, interviewer_sheet, suggest_partner
from prepcoach.coach.relevance import asked_for
from prepcoach.feedback.forms import ReviewForm
from prepcoach.feedback.models import MAX_LINK_DAYS, FeedbackRequest, Review
from prepcoach.feedback.reviews import comments_initial, review_rubric, save_review
from prepcoach.feedback.subjects import answer_rubric, is_heard
from prepcoach.groups.forms import GroupForm, PeerMockForm, ShareForm
from prepcoach.groups.models import (
    Group,
    GroupInvite,
    Membership,
    PeerAnswer,
    PeerMock,
    SharedQuestion,
    member_names,
    name_of,
)
from prepcoach.groups.signals import settle
from prepcoach.ops.rate import spend, with_retry_after
from prepcoach.practice.forms import TypedAnswerForm
from prepcoach.practice.media import recording_response
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.views.common import queue_or_say, recording_started


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = GroupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            group = Group.objects.create(name=form.cleaned_data["name"], owner=user)
            Membership.objects.create(group=group, user=user)
        messages.success(request, "Group created. Make an invitation link to bring members in.")
        return redirect("groups:board", group_id=group.pk)
    groups = groups_of(user).select_related("owner__profile")
    return render(
        request, "groups/index.html", {"groups": groups, "form": form},
        status=422 if request.method == "POST" else 200,
    )  # fmt: skip


@login_required
def board(request: HttpRequest, group_id: int) -> HttpResponse:
    """What the group sees: its members, what they shared, and the practice planned."""
    user = signed_in_user(request)
    group = get_group_or_404(user, group_id)
    members = list(group.memberships.select_related("user__profile"))
    mocks = list(
        group.peer_mocks.select_related(
            "interviewer__user__profile", "answerer__user__profile"
        ).annotate(answer_count=Count("answers"))
    )
    # Practised together: the peer mocks held, never those only planned (`peers.held`).
    past = [
        (m.interviewer.user_id, m.answerer.user_id)
        for m in mocks
        if held(m.is_finished, m.answer_count)
    ]
    # Members with no profile name, numbered in the order they joined: the board read "A member
    # (owner)", "A member (you)" and "Next, practise with A member" (a browser check).
    names = member_names(group)

    def named(user_id: int, who: object) -> str:
        return names.get(user_id) or name_of(who)

    rows = [
        (m, named(m.interviewer.user_id, m.interviewer.user),
         named(m.answerer.user_id, m.answerer.user),
         user.pk in (m.interviewer.user_id, m.answerer.user_id))
        for m in mocks
    ]  # fmt: skip
    suggestion = suggest_partner(user.pk, [m.user_id for m in members], past)
    is_owner = group.owner_id == user.pk
    context: dict[str, Any] = {
        "group": group,
        "members": [(m, names[m.user_id]) for m in members],
        "shared": [
            (s, named(s.membership.user_id, s.membership.user))
            for s in group_shared_questions(user, group)
        ],
        "mocks": [row for row in rows if not row[0].is_finished],
        "done": sorted(
            (row for row in rows if row[0].is_finished),
            key=lambda row: row[0].finished_at or row[0].created_at,
            reverse=True,
        ),
        "suggestion": ((names[suggestion.member], suggestion.reason) if suggestion else None),
        "is_owner": is_owner,
        "invites": (
            group.invites.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())
            if is_owner
            else []
        ),
    }
    return render(request, "groups/board.html", context)


@login_required
def share(request: HttpRequest, group_id: int) -> HttpResponse:
    """Choose which of one's own questions the group sees (ticked = shared)."""
    user = signed_in_user(request)
    group = get_group_or_404(user, group_id)
    membership = membership_in(user, group)
    own = owned_by(Question.objects.all(), user, "owner").order_by("text")
    current = Question.objects.filter(group_shares__membership=membership)
    form = ShareForm(
        request.POST if request.method == "POST" else None,
        own=own,
        initial={"questions": list(current)},
    )
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["questions"])
        with transaction.atomic():
            SharedQuestion.objects.filter(membership=membership).exclude(
                question__in=chosen
            ).delete()
            for question in chosen:
                SharedQuestion.objects.get_or_create(membership=membership, question=question)
        messages.success(
            request,
            f"You share {len(chosen)} question{'s' if len(chosen) != 1 else ''} with {group.name}."
            if chosen
            else f"You share no questions with {group.name}.",
        )
        return redirect("groups:board", group_id=group.pk)
    return render(request, "groups/share.html", {"group": group, "form": form, "own": own})


@login_required
@require_POST
def invite_new(request: HttpRequest, group_id: int) -> HttpResponse:
    group = get_group_or_404(signed_in_user(request), group_id, owner_only=True)
    token, digest = new_link_token()
    invite = GroupInvite.objects.create(
        group=group, token_digest=digest, expires_at=GroupInvite.expiry()
    )
    link = request.build_absolute_uri(reverse("groups:join", args=[token]))
    # Shown this once: only the digest is stored.
    return render(request, "groups/invite_created.html", {"group": group, "invite": invite,
                                                          "link": link})  # fmt: skip


@login_required
@require_POST
def invite_revoke(request: HttpRequest, group_invite_id: int) -> HttpResponse:
    user = signed_in_user(request)
    invite = get_owned_or_404(
        GroupInvite.objects.select_related("group"), user, "group__owner", pk=group_invite_id
    )
    if invite.revoked_at is None:
        invite.revoked_at = timezone.now()
        invite.save(update_fields=["revoked_at"])
    messages.info(request, "That invitation link no longer works. Members who joined stay.")
    return redirect("groups:board", group_id=invite.group_id)


def join(request: HttpRequest, invite_token: str) -> HttpResponse:
    """The invitation link: a page that says what it is, then one click to join."""
    invite = group_invite_for_link(invite_token)
    if invite is None:
        return render(request, "groups/link_gone.html", status=404)
    group = invite.group
    if not request.user.is_authenticated:
        return render(request, "groups/join.html", {"group": group, "visitor": True,
                                                    "owner": name_of(group.owner)})  # fmt: skip
    user = signed_in_user(request)
    if groups_of(user).filter(pk=group.pk).exists():
        messages.info(request, f"You are already a member of {group.name}.")
        return redirect("groups:board", group_id=group.pk)
    if request.method == "POST":
        try:
            with transaction.atomic():
                Membership.objects.create(group=group, user=user)
        except IntegrityError:  # joined a moment ago, in another tab
            pass
        messages.success(
            request, f"You joined {group.name}. Members see only what you choose to share."
        )
        return redirect("groups:board", group_id=group.pk)
    return render(request, "groups/join.html", {"group": group, "owner": name_of(group.owner)})


@login_required
def leave(request: HttpRequest, group_id: int) -> HttpResponse:
    user = signed_in_user(request)
    group = get_group_or_404(user, group_id)
    if request.method != "POST":
        context = {"group": group, "is_owner": group.owner_id == user.pk}
        return render(request, "groups/leave.html", context)
    was_owner = group.owner_id == user.pk
    with transaction.atomic():
        Membership.objects.filter(group=group, user=user).delete()
        after: Group | None = group
        if was_owner:
            group.owner = None
            group.save(update_fields=["owner"])
            after = settle(group)
    if after is None:
        messages.info(request, f"You left {group.name}; you were its last member, so it is closed.")
    elif was_owner and after.owner is not None:
        messages.info(
            request, f"You left {group.name}. {name_of(after.owner)} owns it now, as its "
            "longest-standing member. What you shared is no longer visible to it.",
        )  # fmt: skip
    else:
        messages.info(
            request, f"You left {group.name}. What you shared is no longer visible to it."
        )
    return redirect("groups:index")


@login_required
def member_remove(request: HttpRequest, group_id: int, membership_id: int) -> HttpResponse:
    """The owner removes a member, after a confirmation: as when they leave, what they shared
    and their peer mocks in the group go at once, and the group is closed to them."""
    membership = removable_membership(signed_in_user(request), group_id, membership_id)
    group, name = membership.group, name_of(membership.user)
    if request.method != "POST":
        return render(request, "groups/member_remove.html", {"group": group, "name": name,
                                                             "membership": membership})  # fmt: skip
    membership.delete()
    messages.info(
        request, f"{name} is no longer in {group.name}: what they shared and their peer mocks "
        "in it are gone from the group. Their own questions and answers stay theirs.",
    )  # fmt: skip
    return redirect("groups:board", group_id=group.pk)


# --- peer mocks -----------------------------------------------------------------------------


@login_required
def mock_new(request: HttpRequest, group_id: int) -> HttpResponse:
    user = signed_in_user(request)
    group = get_group_or_404(user, group_id)
    me = membership_in(user, group)
    others = group.memberships.exclude(pk=me.pk).select_related("user__profile")
    shared = group_shared_questions(user, group).order_by("question__text")
    form = PeerMockForm(
        request.POST if request.method == "POST" else None, others=others, shared=shared
    )
    if request.method == "POST" and form.is_valid():
        them: Membership = form.cleaned_data["partner"]
        sides = Sides(me.pk, them.pk) if form.cleaned_data["i_interview"] else Sides(them.pk, me.pk)
        mock = PeerMock.objects.create(
            group=group, interviewer_id=sides.interviewer, answerer_id=sides.answerer,
            question_texts=[s.question.text for s in form.cleaned_data["questions"]],
            scheduled_for=form.cleaned_data["scheduled_for"],
        )  # fmt: skip
        messages.success(request, "Peer mock planned: it shows on the group board.")
        return redirect("groups:mock", mock_id=mock.pk)
    return render(
        request, "groups/mock_new.html",
        {"group": group, "form": form, "has_others": others.exists(),
         "has_shared": shared.exists()},
        status=422 if request.method == "POST" else 200,
    )  # fmt: skip


def _read(attempt: Attempt | None) -> Any:
    if attempt is None:
        return None
    data = attempt.analysis or {}
    said = str(data.get("transcript") or attempt.text or "")
    return analyse_content(said) if said.strip() else None


@login_required
def mock_detail(request: HttpRequest, mock_id: int) -> HttpResponse:
    """The interviewer's sheet (question, follow-ups, rubric, the answer to play and review), or
    the answerer's page (the questions, recorded or typed in their own browser)."""
    user = signed_in_user(request)
    return _mock_page(request, get_peer_mock_or_404(user, mock_id))


def _mock_page(
    request: HttpRequest, mock: PeerMock, typed: TypedAnswerForm | None = None,
    typed_for: int | None = None, status: int = 200,
) -> HttpResponse:  # fmt: skip
    """The peer mock's page; `typed`: a typed answer to question `typed_for` that was not
    saved, shown back as it was typed (with its errors, or why it was not saved) so nothing is
    lost."""
    user = signed_in_user(request)
    answers = peer_answers_for(user, mock)
    interviewing = mock.interviewer.user_id == user.pk
    rows: list[dict[str, Any]] = []
    texts = peer_mock_questions(mock)
    for number, shown in enumerate(texts, start=1):
        answer = answers.get(number)
        if shown is None and answer is None:
            continue  # withdrawn by the member who shared it, and never answered
        text = shown if shown is not None else (answer.attempt.question_text if answer else "")
        attempt = answer.attempt if answer else None
        sheet = interviewer_sheet(
            number, text, _read(attempt) if interviewing else None,
            asks=asked_for(text, attempt.analysis if attempt is not None else None),
            heard=attempt is None or is_heard(attempt),
        )  # fmt: skip
        rows.append({"sheet": sheet, "answer": answer, "attempt": attempt})
    asked = request.GET.get("q", "")
    numbers = [r["sheet"].number for r in rows]
    unanswered = [r["sheet"].number for r in rows if r["answer"] is None]
    chosen = int(asked) if re.fullmatch(r"[0-9]{1,3}", asked) else typed_for
    current = chosen if chosen in numbers else (unanswered[0] if unanswered else None)
    current_text = texts[current - 1] or "" if current else ""
    names = member_names(mock.group)  # one who left keeps their name, or "A member"
    return render(request, "groups/mock.html", {
        "mock": mock, "rows": rows, "interviewing": interviewing, "current": current,
        "current_text": current_text,
        "question": {"text": current_text},
        "swapped": PeerMock.objects.filter(swapped_from=mock).first(),
        "interviewer": names.get(mock.interviewer.user_id, name_of(mock.interviewer.user)),
        "answerer": names.get(mock.answerer.user_id, name_of(mock.answerer.user)),
        "typed_form": typed or TypedAnswerForm(), "kept": typed is not None,
    }, status=status)  # fmt: skip


FINISHED = "This peer mock is finished: reopen it to add an answer."


def _question_text(mock: PeerMock, number: int) -> str:
    from django.http import Http404

    texts = peer_mock_questions(mock)
    if not 1 <= number <= len(texts) or texts[number - 1] is None:
        raise Http404("No such question in this peer mock.")
    return str(texts[number - 1])[:300]


@transaction.atomic
def _attach(mock: PeerMock, number: int, attempt: Attempt) -> PeerAnswer:
    """Link the answerer's new answer to the question, with the interviewer's grant to review
    it; an earlier answer to the same question stays the answerer's, no longer shown."""
    old = PeerAnswer.objects.filter(mock=mock, number=number).first()
    if old is not None:
        FeedbackRequest.objects.filter(pk=old.request_id).update(revoked_at=timezone.now())
        old.delete()
    _, digest = new_link_token()  # a token nobody is given: the grant is the pairing
    grant = FeedbackRequest.objects.create(
        owner=attempt.user, attempt=attempt, relation=FeedbackRequest.Relation.PEER,
        reviewer_label=f"{name_of(mock.interviewer.user)} (peer mock in {mock.group.name})"[:100],
        token_digest=digest, expires_at=FeedbackRequest.expiry(MAX_LINK_DAYS),
    )  # fmt: skip
    return PeerAnswer.objects.create(mock=mock, number=number, attempt=attempt, request=grant)


@login_required
@require_POST
def mock_record(request: HttpRequest, mock_id: int, number: int) -> JsonResponse:
    """The recorder's start: an Attempt owned by the answerer; chunks and finalising go through
    practice's own recording URLs, as for any answer."""
    user = signed_in_user(request)
    mock = get_peer_mock_or_404(user, mock_id, side="answerer")
    if mock.is_finished:
        return JsonResponse({"error": FINISHED}, status=409)
    attempt = Attempt.objects.create(
        user=user, question_text=_question_text(mock, number), mode=Attempt.Mode.MOCK,
        status=Attempt.Status.RECORDING, with_video=request.POST.get("video") == "1",
    )  # fmt: skip
    _attach(mock, number, attempt)
    return recording_started(attempt)


@login_required
@require_POST
def mock_answer(request: HttpRequest, mock_id: int, number: int) -> HttpResponse:
    """A typed answer, for a browser that cannot record. One that cannot be saved (the peer mock
    was marked finished meanwhile, or the answer is not valid) is shown back as typed; a
    finished peer mock is reopened and the answer saved in one step when asked (`reopen`)."""
    user = signed_in_user(request)
    mock = get_peer_mock_or_404(user, mock_id, side="answerer")
    text = _question_text(mock, number)
    form = TypedAnswerForm(request.POST)
    if mock.is_finished and request.POST.get("reopen") == "1":
        PeerMock.objects.filter(pk=mock.pk).update(finished_at=None)
        mock.finished_at = None
    if mock.is_finished:
        return _mock_page(request, mock, form, number, status=409)
    if not form.is_valid():
        return _mock_page(request, mock, form, number, status=422)
    decision = spend(user, "typed_answer")
    if not decision.allowed:
        form.add_error(None, decision.message)  # shown back as typed
        return with_retry_after(_mock_page(request, mock, form, number), decision)
    attempt = form.save(commit=False)
    attempt.user, attempt.question_text, attempt.mode = user, text, Attempt.Mode.MOCK
    attempt.save()
    _attach(mock, number, attempt)
    queue_or_say(request, attempt)
    messages.success(request, f"Answer {number} saved: {name_of(mock.interviewer.user)} can "
                     "read it and review it on the rubric.")  # fmt: skip
    return redirect("groups:mock", mock_id=mock.pk)


@login_required
@require_POST
def mock_swap(request: HttpRequest, mock_id: int) -> HttpResponse:
    """The same questions, sides swapped: the answerer interviews now. A peer mock that is
    itself the swap goes back to the first (posted to directly, it made a third peer mock, the
    first pairing again); one already swapped goes to its swap, made once even when both post
    at once (the first one's row is locked while it is looked for)."""
    mock = get_peer_mock_or_404(signed_in_user(request), mock_id)
    if mock.swapped_from_id is not None:
        messages.info(request, "Sides already swapped: this is the first peer mock.")
        return redirect("groups:mock", mock_id=mock.swapped_from_id)
    sides = Sides(mock.interviewer_id, mock.answerer_id).swapped()
    with transaction.atomic():
        PeerMock.objects.select_for_update().filter(pk=mock.pk).first()
        swapped = PeerMock.objects.filter(swapped_from=mock).first() or PeerMock.objects.create(
            group=mock.group, interviewer_id=sides.interviewer, answerer_id=sides.answerer,
            question_texts=[t for t in peer_mock_questions(mock) if t is not None],
            swapped_from=mock,
        )  # fmt: skip
    messages.success(request, f"Sides swapped: {name_of(swapped.interviewer.user)} interviews "
                     f"and {name_of(swapped.answerer.user)} answers.")  # fmt: skip
    return redirect("groups:mock", mock_id=swapped.pk)


@login_required
@require_POST
def mock_finish(request: HttpRequest, mock_id: int) -> HttpResponse:
    """Either of the two marks the peer mock finished (it shows as done on the board and takes
    no new answers), or reopens it."""
    mock = get_peer_mock_or_404(signed_in_user(request), mock_id)
    reopen = request.POST.get("reopen") == "1"
    PeerMock.objects.filter(pk=mock.pk).update(finished_at=None if reopen else timezone.now())
    messages.success(request, "Peer mock reopened: it shows as upcoming again." if reopen
                     else "Peer mock finished: it shows as done on the group board.")  # fmt: skip
    return redirect("groups:mock", mock_id=mock.pk)


@login_required
@never_cache  # withdrawn means gone everywhere, shared caches included
@require_safe
def answer_media(request: HttpRequest, answer_id: int) -> HttpResponse | FileResponse:
    answer = peer_answer_for_interviewer(signed_in_user(request), answer_id)
    return recording_response(request, answer.attempt)


@login_required
@never_cache
def answer_review(request: HttpRequest, answer_id: int) -> HttpResponse:
    """The interviewer scores the answer on feedback's rubric and pins comments to moments;
    the answerer reads it on the answer's feedback page, beside any other feedback."""
    user = signed_in_user(request)
    answer = peer_answer_for_interviewer(user, answer_id)
    ask, attempt = answer.request, answer.attempt
    browser_key = f"member-{user.pk}"  # one review a member: sending again updates it
    mine = Review.objects.filter(request=ask, browser_key=browser_key).first()
    # A plan's for a question asking what they would do, a point's for one asking for neither a
    # story nor a plan (`answer_rubric`); and the lines `mine` was scored on.
    rubric = review_rubric(answer_rubric(attempt), mine)
    if request.method == "POST":
        form = ReviewForm(request.POST, rubric=rubric, heard=is_heard(attempt))
        if form.is_valid() and not save_review(ask, mine, browser_key, form):
            form.add_error(None, "This answer has had as many reviews as it takes.")
        elif form.is_valid():
            messages.success(request, f"Review {'updated' if mine else 'sent'}: "
                             f"{name_of(attempt.user)} sees it with their answer.")  # fmt: skip
            return redirect("groups:mock", mock_id=answer.mock_id)
    else:
        initial: dict[str, object] = {"reviewer_name": name_of(user)}
        if mine is not None:
            initial = {"reviewer_name": mine.reviewer_name, "overall": mine.overall}
            initial |= comments_initial(mine)
            initial |= {f"score_{k}": str(v) for k, v in mine.scores.items()}
        form = ReviewForm(initial=initial, rubric=rubric, heard=is_heard(attempt))
    data = attempt.analysis or {}
    return render(request, "groups/review.html", {
        "answer": answer, "attempt": attempt, "form": form, "mine": mine,
        "answerer": name_of(attempt.user),
        "criteria": form.criteria(),
        "transcript": data.get("transcript") or attempt.text,
    }, status=422 if request.method == "POST" else 200)  # fmt: skip
