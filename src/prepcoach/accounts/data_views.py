"""The account page's "your data": download everything as one archive, or fill a new, empty
account from one (`archive`, `archive_import`)."""

from __future__ import annotations

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from prepcoach.accounts import archive
from prepcoach.accounts.access import archive_owner
from prepcoach.accounts.archive_import import import_archive
from prepcoach.accounts.forms import ImportArchiveForm
from prepcoach.ops.store import StoreUnavailableError
from prepcoach.ops.unavailable import unavailable


def store_down(request: HttpRequest, what: str, error: StoreUnavailableError) -> HttpResponse:
    return unavailable(
        request, "The file store is unavailable",
        f"The file store (where recordings are kept) cannot take or give files just now "
        f"({error.reason}). {what} Try again in a few minutes.",
        back=reverse("accounts:profile"),
    )  # fmt: skip


@login_required
@require_POST
def export_data(request: HttpRequest) -> HttpResponseBase:
    """Everything the signed-in person owns, as a zip streamed from a temporary file."""
    user = archive_owner(request)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    try:
        archive.write_archive(user, spool)
    except StoreUnavailableError as error:
        spool.close()
        return store_down(request, "Your data was not downloaded; nothing changed.", error)
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    name = f"prepcoach-{timezone.localdate():%Y-%m-%d}.zip"
    return FileResponse(spool, as_attachment=True, filename=name, content_type="application/zip")


@login_required
@require_POST
def import_data(request: HttpRequest) -> HttpResponse:
    user = archive_owner(request)
    form = ImportArchiveForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for e in form.errors.get("archive", [])))
        return redirect("accounts:profile")
    try:
        result = import_archive(form.cleaned_data["archive"], user)
    except archive.ArchiveError as exc:
        messages.error(request, f"Nothing was imported: {exc}")
    except StoreUnavailableError as error:
        return store_down(request, "Nothing was imported: send the same archive again.", error)
    else:
        messages.success(request, result.summary())
    return redirect("accounts:profile")
