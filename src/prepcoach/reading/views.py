from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, signed_in_user
from prepcoach.accounts.mailstop import stop_view
from prepcoach.reading import tasks
from prepcoach.reading.forms import FeedForm, ReadingItemForm
from prepcoach.reading.models import (
    DIGEST_STOP_SALT,
    DigestSettings,
    Feed,
    FeedItem,
    ReadingItem,
)

PAGE_SIZE = 50


@login_required
def reading_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = ReadingItemForm(request.POST or None, instance=ReadingItem(user=user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Added to your reading list.")
        return redirect("reading:list")
    mine = ReadingItem.objects.filter(user=user)
    counts = dict(mine.values_list("status").annotate(n=Count("pk")).order_by())
    # Grows without bound: a page at a time, the statuses in their order (to read first).
    rank = Case(
        *(When(status=value, then=Value(n)) for n, value in enumerate(ReadingItem.Status.values)),
        output_field=IntegerField(),
    )
    page = Paginator(mine.order_by(rank, "-created_at", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    items = list(page.object_list)
    groups = [
        (label, counts.get(value, 0), [i for i in items if i.status == value])
        for value, label in ReadingItem.Status.choices
    ]
    context = {"form": form, "groups": groups, "items": items, "page": page}
    return render(request, "reading/list.html", context)


@login_required
def item_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_owned_or_404(ReadingItem.objects.all(), signed_in_user(request), pk=item_id)
    form = ReadingItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Saved.")
        return redirect("reading:list")
    return render(request, "reading/item_form.html", {"form": form, "item": item})


@login_required
@require_POST
def item_delete(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_owned_or_404(ReadingItem.objects.all(), signed_in_user(request), pk=item_id)
    item.delete()
    messages.success(request, f"Removed “{item.title}” from your reading list.")
    return redirect("reading:list")


@login_required
def feeds(request: HttpRequest) -> HttpResponse:
    """The feeds the user follows and the inbox of their new items."""
    user = signed_in_user(request)
    form = FeedForm(request.POST or None, instance=Feed(user=user))
    if request.method == "POST" and form.is_valid():
        feed = form.save()
        tasks.fetch_feed.enqueue(feed.pk)
        feed.refresh_from_db()
        if feed.problem:
            messages.error(request, f"Feed added, but: {feed.problem}")
        elif feed.last_fetched_at:
            messages.success(
                request, f"Following {feed}: {feed.items.count()} items in your inbox."
            )
        else:
            messages.success(request, "Feed added: its items arrive in your inbox shortly.")
        return redirect("reading:feeds")
    inbox = FeedItem.objects.filter(feed__user=user, status=FeedItem.Status.NEW).select_related(
        "feed"
    )
    return render(
        request,
        "reading/feeds.html",
        {"form": form, "feeds": Feed.objects.filter(user=user), "inbox": list(inbox[:100])},
    )


@login_required
@require_POST
def feed_refresh(request: HttpRequest, feed_id: int) -> HttpResponse:
    feed = get_owned_or_404(Feed.objects.all(), signed_in_user(request), pk=feed_id)
    tasks.fetch_feed.enqueue(feed.pk)
    messages.success(request, f"Checking {feed} for new items.")
    return redirect("reading:feeds")


@login_required
@require_POST
def feed_delete(request: HttpRequest, feed_id: int) -> HttpResponse:
    feed = get_owned_or_404(Feed.objects.all(), signed_in_user(request), pk=feed_id)
    feed.delete()
    messages.success(
        request, f"Stopped following {feed}. Items you saved stay on your reading list."
    )
    return redirect("reading:feeds")


ACTIONS = {
    "read": FeedItem.Status.READ,
    "save": FeedItem.Status.SAVED,
    "dismiss": FeedItem.Status.DISMISSED,
    "undo": FeedItem.Status.NEW,
}


@login_required
@require_POST
def item_action(request: HttpRequest, item_id: int) -> HttpResponse:
    """Read, save to the reading list, dismiss, or undo that; HTMX swaps just the row."""
    item = get_owned_or_404(
        FeedItem.objects.select_related("feed", "reading_item"),
        signed_in_user(request),
        "feed__user",
        pk=item_id,
    )
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        return HttpResponse("Unknown action.", status=400)
    if action == "save" and item.reading_item is None:
        item.reading_item = ReadingItem.objects.create(
            user=signed_in_user(request), title=item.title, link=item.link
        )
    elif action == "undo" and item.reading_item is not None:
        # Only if untouched since: notes or progress written meanwhile are the user's.
        made = item.reading_item
        if made.status == ReadingItem.Status.TO_READ and not made.takeaways:
            made.delete()
        item.reading_item = None
    item.status = ACTIONS[action]
    item.save(update_fields=["status", "reading_item"])
    if request.headers.get("HX-Request"):
        return render(request, "reading/partials/inbox_item.html", {"item": item})
    return redirect("reading:feeds")


@login_required
def digest(request: HttpRequest) -> HttpResponse:
    """The digest moved to the dashboard (it holds goals, steps and areas as well as reading):
    an old link or bookmark lands there."""
    return redirect("dashboard:digest")


@csrf_exempt  # the signed link is the key; a mail client's one-click POST (RFC 8058) has no session
def digest_stop(request: HttpRequest, signed: str) -> HttpResponse:
    """One click from the digest mail, no sign-in: the digest off, and nothing else."""

    def turn_off(choice: DigestSettings) -> None:
        DigestSettings.objects.filter(pk=choice.pk).update(frequency=DigestSettings.Frequency.OFF)

    return stop_view(
        request, signed, salt=DIGEST_STOP_SALT, turn_off=turn_off,
        find=lambda user_id: DigestSettings.objects.filter(user_id=user_id).first(),
        words={"what": "digest mails", "question": "Stop the digest mails?",
               "done_text": "You will get no more digest mails. New items still arrive in your "
               "inbox, and the digest page still shows them.",
               "settings_text": "You can change the digest on the digest page after signing "
               "in."},
    )  # fmt: skip
