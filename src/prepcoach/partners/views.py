"""Accountability partners: invite, accept, follow shared goals, comment, cheer, nudge, end.

Every row is fetched through `accounts.access`; these views never decide who may see what.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from prepcoach.accounts.access import (
    get_owned_or_404,
    get_partner_goal_or_404,
    get_partner_milestone_or_404,
    get_partnership_or_404,
    owned_by,
    partner_goals,
    partnerships_of,
    signed_in_user,
)
from prepcoach.accounts.forms import SignUpForm
from prepcoach.accounts.mailstop import stop_view
from prepcoach.accounts.models import Profile, User
from prepcoach.accounts.tasks import mail_is_printed
from prepcoach.accounts.timing import user_zone
from prepcoach.coach.partners import goal_standing
from prepcoach.coach.progress import weekly_review
from prepcoach.goals import plans
from prepcoach.goals.charts import progress_chart
from prepcoach.goals.models import Goal, Step
from prepcoach.ops import login_throttle
from prepcoach.partners import mail
from prepcoach.partners.forms import (
    AcceptForm,
    CommentForm,
    InviteForm,
    NudgeForm,
    NudgeMailForm,
    SharedGoalsForm,
    WeeklyMailForm,
)
from prepcoach.partners.models import Cheer, Comment, Nudge, PartnerInvite, Partnership


@login_required
def index(request: HttpRequest, invite_form: InviteForm | None = None) -> HttpResponse:
    user = signed_in_user(request)
    partnerships = list(partnerships_of(user).prefetch_related("goals"))
    sharing = [p for p in partnerships if p.owner_id == user.pk]
    context = {
        # A contact from the user's network arrives with their e-mail ready to send.
        "invite_form": invite_form
        or InviteForm(owner=user, initial={"email": request.GET.get("email", "")[:254]}),
        "has_goals": owned_by(Goal.objects.all(), user).exists(),
        "pending": owned_by(PartnerInvite.objects.all(), user, "owner").filter(
            used_at__isnull=True, expires_at__gt=timezone.now()
        ),
        "sharing": [
            (p, SharedGoalsForm(owner=user, initial={"goals": list(p.goals.all())}))
            for p in sharing
        ],
        "following": [p for p in partnerships if p.partner_id == user.pk],
    }
    return render(request, "partners/index.html", context, status=422 if invite_form else 200)


MAX_INVITES_A_DAY = 10  # mail to people who never asked for it: a few a day is plenty


@login_required
@require_POST
def invite(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = InviteForm(request.POST, owner=user)
    recent = PartnerInvite.objects.filter(
        owner=user, created_at__gt=timezone.now() - dt.timedelta(days=1)
    )
    if form.is_valid() and recent.count() >= MAX_INVITES_A_DAY:
        # Withdrawn invitations count too: a loop of invite and withdraw mails nobody.
        form.add_error(None, f"You have sent {MAX_INVITES_A_DAY} invitations today: "
                             "try again tomorrow.")  # fmt: skip
    if not form.is_valid():
        return index(request, invite_form=form)
    with transaction.atomic():
        invitation, token = PartnerInvite.issue(user, form.cleaned_data["email"])
        invitation.goals.set(form.cleaned_data["goals"])
    url = request.build_absolute_uri(reverse("partners:accept", args=[token]))
    mail.send_invite(invitation, url)
    if mail_is_printed():
        # A local install mails nobody: the link, shown, is what the partner needs.
        messages.warning(
            request,
            f"No mail server is set up, so nothing was e-mailed to {invitation.email}. Send them "
            f"this link yourself (it works once, for 14 days): {url}",
        )
    else:
        messages.success(
            request,
            f"Invitation sent to {invitation.email}. The link works once, for 14 days.",
        )
    return redirect("partners:index")


@login_required
@require_POST
def invite_withdraw(request: HttpRequest, invite_id: int) -> HttpResponse:
    invitation = get_owned_or_404(PartnerInvite.objects.all(), signed_in_user(request), "owner",
                                  pk=invite_id)  # fmt: skip
    # Expired at once rather than deleted, so it still counts towards the day's invitations.
    PartnerInvite.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    messages.info(request, f"Invitation to {invitation.email} withdrawn: its link no longer works.")
    return redirect("partners:index")


def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the invitation mail: for a visitor, log in or sign up; then accept."""
    invitation = mail.pending_invite(token)
    if invitation is None:
        return render(request, "partners/invite_invalid.html", status=404)
    inviter = invitation.owner
    if not request.user.is_authenticated:
        return _accept_as_visitor(request, invitation)
    user = signed_in_user(request)
    if user.pk == inviter.pk:
        return render(request, "partners/invite_own.html", {"invitation": invitation})
    data = request.POST if request.method == "POST" else None
    form = AcceptForm(data, accepter=user, inviter=inviter)
    if request.method == "POST" and form.is_valid():
        partnership = _accept(invitation, user, list(form.cleaned_data["goals"]))
        if partnership is None:  # used a moment ago, in another tab
            return render(request, "partners/invite_invalid.html", status=404)
        messages.success(request, f"You are now {inviter.display_name}'s partner.")
        return redirect("partners:detail", partnership_id=partnership.pk)
    return render(
        request,
        "partners/accept.html",
        {"invitation": invitation, "inviter": inviter, "form": form,
         "goal_count": invitation.goals.count()},
    )  # fmt: skip


def _accept_as_visitor(request: HttpRequest, invitation: PartnerInvite) -> HttpResponse:
    signup = SignUpForm(request.POST or None, initial={"email": invitation.email})
    if request.method == "POST" and signup.is_valid():
        with transaction.atomic():
            user = signup.save()
            Profile.objects.create(user=user, date_order=signup.cleaned_data.get("date_order", ""))
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Account created. One more click to become a partner.")
        return login_throttle.remember_sign_in(request, redirect(request.path), user.email)
    return render(
        request,
        "partners/accept_visitor.html",
        {"invitation": invitation, "inviter": invitation.owner, "signup": signup,
         "goal_count": invitation.goals.count()},
        status=422 if request.method == "POST" else 200,
    )  # fmt: skip


def _accept(invitation: PartnerInvite, user: User, share_back: list[Goal]) -> Partnership | None:
    with transaction.atomic():
        # Single use, even with two tabs: only one request turns the unused invitation used.
        claimed = PartnerInvite.objects.filter(pk=invitation.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if not claimed:
            return None
        partnership, _ = Partnership.objects.get_or_create(owner=invitation.owner, partner=user)
        partnership.goals.add(*invitation.goals.filter(user=invitation.owner))
        if share_back:
            back, _ = Partnership.objects.get_or_create(owner=user, partner=invitation.owner)
            back.goals.add(*share_back)
    return partnership


@login_required
def detail(
    request: HttpRequest, partnership_id: int, bound: dict[int, CommentForm] | None = None
) -> HttpResponse:
    """One partnership: for the partner, what the owner shared; for the owner, what the
    partner sees and what they said."""
    user = signed_in_user(request)
    partnership = get_partnership_or_404(user, partnership_id)
    goals = partner_goals(user, partnership).prefetch_related("steps", "check_ins", "milestones")
    today, zone = timezone.localdate(), user_zone(partnership.owner)
    cards = [
        _goal_card(partnership, goal, today, (bound or {}).get(goal.pk), zone) for goal in goals
    ]
    steps = [plans.step_state(s) for s in Step.objects.filter(goal__in=[g.pk for g in goals])]
    is_partner = partnership.partner_id == user.pk
    context = {
        "partnership": partnership,
        "is_partner": is_partner,
        "other": partnership.owner if is_partner else partnership.partner,
        "cards": cards,
        "review": weekly_review(steps, today),
        "nudges": partnership.nudges.all()[:5],
        "nudge_form": NudgeForm(),
        "mail_form": WeeklyMailForm(instance=partnership),
        "nudge_mail_form": NudgeMailForm(instance=partnership),
    }
    return render(request, "partners/detail.html", context, status=422 if bound else 200)


def _goal_card(
    partnership: Partnership,
    goal: Goal,
    today: dt.date,
    form: CommentForm | None,
    zone: dt.tzinfo,  # the owner's clock: the day a goal ended is theirs
) -> dict[str, Any]:
    progress = plans.progress_of(goal, today)
    outcome = plans.outcome_of(goal, progress, zone)
    cheered = set(partnership.cheers.values_list("milestone_id", flat=True))
    return {
        "goal": goal,
        "progress": progress,
        "outcome": outcome,
        "standing": goal_standing(goal.text, progress, outcome),
        "chart": progress_chart(progress, goal.start_date, goal.target_date, today),
        "check_ins": list(goal.check_ins.all())[:10],
        "milestones": [(m, m.pk in cheered) for m in goal.milestones.all()],
        "comments": partnership.comments.filter(goal=goal).select_related("author__profile"),
        "form": form or CommentForm(),
    }


@login_required
@require_POST
def comment(request: HttpRequest, partnership_id: int, goal_id: int) -> HttpResponse:
    user = signed_in_user(request)
    partnership = get_partnership_or_404(user, partnership_id)
    goal = get_partner_goal_or_404(user, goal_id, partnership)
    form = CommentForm(request.POST)
    if not form.is_valid():
        if request.headers.get("HX-Request"):
            zone = user_zone(partnership.owner)
            card = _goal_card(partnership, goal, timezone.localdate(), form, zone)
            return render(request, "partners/partials/comments.html", {"card": card,
                          "partnership": partnership})  # fmt: skip
        return detail(request, partnership.pk, bound={goal.pk: form})
    Comment.objects.create(
        partnership=partnership, goal=goal, author=user, text=form.cleaned_data["text"]
    )
    if request.headers.get("HX-Request"):
        card = _goal_card(
            partnership, goal, timezone.localdate(), None, user_zone(partnership.owner)
        )
        return render(request, "partners/partials/comments.html",
                      {"card": card, "partnership": partnership, "posted": True})  # fmt: skip
    messages.success(request, "Comment posted.")
    return redirect(reverse("partners:detail", args=[partnership.pk]) + f"#goal-{goal.pk}")


@login_required
@require_POST
def cheer(request: HttpRequest, milestone_id: int) -> HttpResponse:
    partnership, milestone = get_partner_milestone_or_404(signed_in_user(request), milestone_id)
    if milestone.reached_on is None:
        messages.info(request, f"“{milestone.title}” is not reached yet: cheer when it is.")
    else:
        Cheer.objects.get_or_create(partnership=partnership, milestone=milestone)
        messages.success(
            request, f"You cheered “{milestone.title}”. {partnership.owner.display_name} sees it."
        )
    url = reverse("partners:detail", args=[partnership.pk])
    return redirect(f"{url}#goal-{milestone.goal_id}")


@login_required
@require_POST
def nudge(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = get_partnership_or_404(signed_in_user(request), partnership_id, "partner")
    form = NudgeForm(request.POST)
    owner = partnership.owner.display_name
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors["note"]))
    elif partnership.nudges.filter(created_at__date=timezone.localdate()).exists():
        messages.info(request, f"You nudged {owner} today already: one a day is plenty.")
    else:
        sent = Nudge.objects.create(partnership=partnership, note=form.cleaned_data["note"])
        mail.send_nudge(sent, request.build_absolute_uri(reverse("goals:index")))
        messages.success(
            request,
            f"Nudge sent: {owner} sees it on their home page"
            # No e-mail when none goes out, or when they stopped nudge mails.
            + (" and gets an e-mail." if partnership.nudge_mail and not mail_is_printed() else "."),
        )
    return redirect("partners:detail", partnership_id=partnership.pk)


@login_required
@require_POST
def shared_goals(request: HttpRequest, partnership_id: int) -> HttpResponse:
    user = signed_in_user(request)
    partnership = get_partnership_or_404(user, partnership_id, "owner")
    form = SharedGoalsForm(request.POST, owner=user)
    if form.is_valid():
        partnership.goals.set(form.cleaned_data["goals"])
        count = len(form.cleaned_data["goals"])
        messages.success(
            request,
            f"{partnership.partner.display_name} now sees {count} of your goals."
            if count
            else f"{partnership.partner.display_name} sees none of your goals now.",
        )
    else:
        messages.error(request, "That goal list could not be saved: pick from your own goals.")
    return redirect("partners:index")


@login_required
@require_POST
def weekly_mail(request: HttpRequest, partnership_id: int) -> HttpResponse:
    partnership = get_partnership_or_404(signed_in_user(request), partnership_id, "partner")
    form = WeeklyMailForm(request.POST, instance=partnership)
    form.save()
    owner = partnership.owner.display_name
    messages.success(
        request,
        f"You will get a weekly mail about {owner}'s progress."
        if partnership.weekly_mail
        else f"No more weekly mails about {owner}'s progress.",
    )
    return redirect("partners:detail", partnership_id=partnership.pk)


@login_required
@require_POST
def nudge_mail(request: HttpRequest, partnership_id: int) -> HttpResponse:
    """The owner turns the mails of this partner's nudges on or off (the mail's stop link turns
    them off; this is where they come back on)."""
    partnership = get_partnership_or_404(signed_in_user(request), partnership_id, "owner")
    NudgeMailForm(request.POST, instance=partnership).save()
    who = partnership.partner.display_name
    messages.success(
        request,
        f"Nudges from {who} come by mail too." if partnership.nudge_mail
        else f"No more nudge mails from {who}: their nudges still show on your dashboard.",
    )  # fmt: skip
    return redirect("partners:detail", partnership_id=partnership.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def end(request: HttpRequest, partnership_id: int) -> HttpResponse:
    """Either side ends it, both ways at once: nothing of either stays visible. GET asks first,
    saying what goes (a new user's trial: one click ended it and deleted the partner's
    comments); the page's POST ends it."""
    user = signed_in_user(request)
    partnership = get_partnership_or_404(user, partnership_id)
    other = partnership.owner if partnership.partner_id == user.pk else partnership.partner
    if request.method != "POST":
        both = Partnership.objects.filter(
            Q(owner=user, partner=other) | Q(owner=other, partner=user)
        )
        counts = {
            "comments": Comment.objects.filter(partnership__in=both).count(),
            "cheers": Cheer.objects.filter(partnership__in=both).count(),
            "nudges": Nudge.objects.filter(partnership__in=both).count(),
        }
        return render(
            request, "partners/end.html", {"partnership": partnership, "other": other, **counts}
        )
    Partnership.objects.filter(owner=user, partner=other).delete()
    Partnership.objects.filter(owner=other, partner=user).delete()
    messages.info(
        request,
        f"Partnership with {other.display_name} ended: neither of you sees the other's goals.",
    )
    return redirect("partners:index")


def _partnership(partnership_id: int) -> Partnership | None:
    found = Partnership.objects.filter(pk=partnership_id).select_related("owner", "partner")
    return found.first()


@csrf_exempt  # a mail client's one-click unsubscribe (RFC 8058) posts without a session
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """No more weekly mails about one partnership (`accounts.mailstop`)."""
    return stop_view(
        request, token, salt=mail.UNSUBSCRIBE_SALT, find=_partnership,
        turn_off=lambda p: Partnership.objects.filter(pk=p.pk).update(weekly_mail=False),
        template="partners/unsubscribe.html", name="partnership",
    )  # fmt: skip


@csrf_exempt  # the link in the mail is the key; a mail client's one-click POST has no session
def nudges_stop(request: HttpRequest, token: str) -> HttpResponse:
    """No more nudge mails from one partner: a page with one button, so a mail scanner that
    opens the link changes nothing."""
    return stop_view(
        request, token, salt=mail.NUDGES_SALT, find=_partnership,
        turn_off=lambda p: Partnership.objects.filter(pk=p.pk).update(nudge_mail=False),
        template="partners/nudges_stop.html", name="partnership",
    )  # fmt: skip
