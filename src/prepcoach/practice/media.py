"""A recording served with byte ranges, so that players can seek: to its owner, and to a
reviewer holding a feedback link for it. Who may have it is decided before this is called."""

from __future__ import annotations

import re
from pathlib import Path

from django.http import FileResponse, Http404, HttpRequest, HttpResponse

from prepcoach.practice.models import Attempt

RANGE_RE = re.compile(r"bytes=(\d*)-(\d*)")
MAX_DIGITS = 15  # no file is a petabyte: a longer number is refused before it is read as one
MAX_RANGE_BYTES = 4 * 1024 * 1024


def recording_response(request: HttpRequest, attempt: Attempt) -> HttpResponse | FileResponse:
    """The attempt's recording: whole, or the byte range the request asks for (206)."""
    if not attempt.recording:
        raise Http404("This answer has no recording.")
    path = Path(attempt.recording.path)
    if not path.exists():
        raise Http404("The recording file is missing from the data folder.")
    size = path.stat().st_size
    match = RANGE_RE.fullmatch(request.headers.get("Range", ""))
    if match and max(len(match.group(1)), len(match.group(2))) > MAX_DIGITS:
        return HttpResponse(status=416, headers={"Content-Range": f"bytes */{size}"})
    if not match or not (match.group(1) or match.group(2)):
        whole = FileResponse(path.open("rb"), content_type=attempt.media_type)
        whole["Accept-Ranges"] = "bytes"
        return whole
    start = int(match.group(1)) if match.group(1) else max(size - int(match.group(2)), 0)
    end = int(match.group(2)) if match.group(1) and match.group(2) else size - 1
    # A player asking for "bytes=0-" gets the start and asks again: never load a whole file.
    end = min(end, size - 1, start + MAX_RANGE_BYTES - 1)
    if start > end:
        return HttpResponse(status=416, headers={"Content-Range": f"bytes */{size}"})
    with path.open("rb") as handle:
        handle.seek(start)
        body = handle.read(end - start + 1)
    response = HttpResponse(body, status=206, content_type=attempt.media_type)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response
