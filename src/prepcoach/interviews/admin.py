from django.contrib import admin

from prepcoach.interviews.models import Debrief
from prepcoach.jobs.models import Interview


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("opportunity", "user", "starts_at", "round_name")


@admin.register(Debrief)
class DebriefAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("interview", "outcome", "updated_at")
