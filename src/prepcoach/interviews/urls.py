from django.urls import path

from prepcoach.interviews import transcript_views, views

app_name = "interviews"
urlpatterns = [
    path("", views.index, name="index"),
    path("jobs/<int:opportunity_id>/new/", views.interview_new, name="new"),
    path("<int:interview_id>/", views.detail, name="detail"),
    path("<int:interview_id>/edit/", views.interview_edit, name="edit"),
    path("<int:interview_id>/delete/", views.interview_delete, name="delete"),
    path("<int:interview_id>/debrief/", views.debrief, name="debrief"),
    path("asked/<int:asked_id>/bank/", views.bank, name="bank"),
    path("<int:interview_id>/transcript/", transcript_views.transcript_new, name="transcript_new"),
    path("transcripts/<int:transcript_id>/", transcript_views.transcript, name="transcript"),
    path(
        "transcripts/<int:transcript_id>/speaker/",
        transcript_views.transcript_speaker,
        name="transcript_speaker",
    ),
    path(
        "transcripts/<int:transcript_id>/bank/<int:index>/",
        transcript_views.transcript_bank,
        name="transcript_bank",
    ),
    path(
        "transcripts/<int:transcript_id>/delete/",
        transcript_views.transcript_delete,
        name="transcript_delete",
    ),
    path("mail/", views.mail_settings, name="mail"),
    path("mail/stop/<str:signed>/", views.mail_stop, name="mail_stop"),
]
