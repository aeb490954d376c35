"""The JSON API. Each part of the journey adds its router here, in `ROUTERS`."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csp import csp_override
from ninja import NinjaAPI, Router, Swagger
from ninja.security import django_auth

from prepcoach import __version__
from prepcoach.accounts.models import User
from prepcoach.accounts.views import profile_of
from prepcoach.api.auth import PersonalAccessToken
from prepcoach.api.schemas import MeOut
from prepcoach.api_contract import errors
from prepcoach.goals.api import router as goals_router
from prepcoach.ops.rate import RateLimitedError, with_retry_after
from prepcoach.practice.api import router as practice_router

accounts_router = Router(tags=["accounts"])


@accounts_router.get(
    "/me", response={200: MeOut, **errors()}, summary="The signed-in user and their profile"
)
def me(request: HttpRequest) -> dict[str, object]:
    user = request.user
    assert isinstance(user, User)
    profile = profile_of(user)
    return {
        "email": user.email,
        "profile": {
            "name": profile.name,
            "target_role": profile.target_role,
            "industry": profile.industry,
            "time_zone": profile.time_zone,
            "weekly_hours": profile.availability.hours,
        },
    }


ROUTERS: list[tuple[str, Router]] = [
    ("/", accounts_router),
    ("/", goals_router),
    ("/", practice_router),
]

# Swagger UI is served from django-ninja's own static files (no CDN); it styles itself inline,
# so its page alone may use inline styles.
docs_csp = csp_override(
    {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "frame-ancestors": ["'none'"],
    }
)


class Docs(Swagger):
    """django-ninja's Swagger UI page in a template that says its language (lang="en") and
    darkens the colours that fall below 4.5:1 (prepcoach/css/swagger.css)."""

    template = "api/swagger.html"


api = NinjaAPI(
    title="prepcoach API",
    version=__version__,
    description="Everything the prepcoach pages show, as JSON. Authenticate with your browser "
    "session or with a personal access token from your profile: `Authorization: Bearer pc_…`.",
    auth=[PersonalAccessToken(), django_auth],
    urls_namespace="api",
    # No deep links: Swagger UI puts each one inside its operation's button (nested controls).
    docs=Docs(settings={"deepLinking": False}),
    docs_decorator=docs_csp,
)
for prefix, router in ROUTERS:
    api.add_router(prefix, router)


@api.exception_handler(RateLimitedError)
def rate_limited(request: HttpRequest, error: RateLimitedError) -> HttpResponse:
    """An expensive action asked for too often (`ops.rate`): 429, with when to try again."""
    response = api.create_response(request, {"detail": str(error)}, status=429)
    return with_retry_after(response, error.decision)
