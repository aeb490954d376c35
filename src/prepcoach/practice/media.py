"""A recording served with byte ranges, so that players can seek: to its owner, and to a
reviewer holding a feedback link for it. Who may have it is decided before this is called."""

from __future__ import annotations

import re

from django.http import FileResponse, Http404, HttpRequest, HttpResponse

from prepcoach.ops import store
from prepcoach.ops.store import StoreUnavailableError
from prepcoach.practice.models import Attempt

RANGE_RE = re.compile(r"bytes=(\d*)-(\d*)")
MAX_DIGITS = 15  # no file is a petabyte: a longer number is refused before it is read as one
MAX_RANGE_BYTES = 4 * 1024 * 1024


def recording_response(request: HttpRequest, attempt: Attempt) -> HttpResponse | FileResponse:
    """The attempt's recording: whole, or the byte range the request asks for (206), read
    from the store (the media folder or the object store) without holding the whole file."""
    if not attempt.recording:
        raise Http404("This answer has no recording.")
    name = str(attempt.recording.name)
    try:
        return _served(request, attempt, name)
    except FileNotFoundError:
        raise Http404("The recording file is missing from the store.") from None
    except StoreUnavailableError as error:
        return HttpResponse(str(error), status=503, headers={"Retry-After": "10"})


def _served(request: HttpRequest, attempt: Attempt, name: str) -> HttpResponse | FileResponse:
    size = store.size(name)
    match = RANGE_RE.fullmatch(request.headers.get("Range", ""))
    if match and max(len(match.group(1)), len(match.group(2))) > MAX_DIGITS:
        return HttpResponse(status=416, headers={"Content-Range": f"bytes */{size}"})
    if not match or not (match.group(1) or match.group(2)):
        whole = FileResponse(store.blocks(name), content_type=attempt.media_type)
        whole["Content-Length"] = str(size)
        whole["Accept-Ranges"] = "bytes"
        return whole
    start = int(match.group(1)) if match.group(1) else max(size - int(match.group(2)), 0)
    end = int(match.group(2)) if match.group(1) and match.group(2) else size - 1
    # A player asking for "bytes=0-" gets the start and asks again: never load a whole file.
    end = min(end, size - 1, start + MAX_RANGE_BYTES - 1)
    if start > end:
        return HttpResponse(status=416, headers={"Content-Range": f"bytes */{size}"})
    body = store.read_range(name, start, end)
    response = HttpResponse(body, status=206, content_type=attempt.media_type)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response
