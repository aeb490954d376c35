from django.contrib import admin

from prepcoach.feedback.models import FeedbackRequest, Review


@admin.register(FeedbackRequest)
class FeedbackRequestAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("reviewer_label", "owner", "created_at", "expires_at", "revoked_at")
    exclude = ("token_digest",)


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("reviewer_name", "request", "overall", "created_at")
