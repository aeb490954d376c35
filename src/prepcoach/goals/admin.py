from django.contrib import admin

from prepcoach.goals.models import CheckIn, Goal, Milestone, Step


class StepInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Step
    extra = 0


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("text", "user", "kind", "status", "target_date")
    list_filter = ("kind", "status")
    inlines = (StepInline,)


admin.site.register(CheckIn)
admin.site.register(Milestone)
