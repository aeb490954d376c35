from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from prepcoach.ops import health


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database and a worker are alive, 503 with the reasons otherwise."""
    result = health.check()
    return JsonResponse(
        {"status": "ok" if result.ok else "unavailable", "checks": result.checks},
        status=200 if result.ok else 503,
    )
