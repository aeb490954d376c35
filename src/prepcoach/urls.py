from django.contrib import admin
from django.urls import include, path

from prepcoach.api.api import api
from prepcoach.ops.views import healthz

# A database or file store that is down gets a 503 with words, not a 500 (ops/unavailable.py).
handler500 = "prepcoach.ops.unavailable.server_error"

urlpatterns = [
    path("", include("prepcoach.dashboard.urls")),
    path("account/", include("prepcoach.accounts.urls")),
    path("plan/network/", include("prepcoach.network.urls")),
    path("plan/", include("prepcoach.goals.urls")),
    path("partners/", include("prepcoach.partners.urls")),
    path("grow/", include("prepcoach.research.urls")),
    path("grow/", include("prepcoach.reflection.urls")),
    path("grow/reading/", include("prepcoach.reading.urls")),
    path("interviews/", include("prepcoach.interviews.urls")),
    path("improve/groups/", include("prepcoach.groups.urls")),
    path("improve/", include("prepcoach.practice.urls")),
    path("", include("prepcoach.feedback.urls")),
    path("api/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
