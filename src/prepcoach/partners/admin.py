from django.contrib import admin

from prepcoach.partners.models import PartnerInvite, Partnership


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("owner", "partner", "weekly_mail", "created_at")


@admin.register(PartnerInvite)
class PartnerInviteAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("owner", "email", "created_at", "expires_at", "used_at")
    exclude = ("token_hash",)
