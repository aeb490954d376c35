from django.contrib import admin

from prepcoach.network.models import Contact, Event


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "user", "company", "next_follow_up")
    search_fields = ("name", "company")


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "user", "day")
