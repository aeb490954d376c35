from django.urls import path

from prepcoach.dashboard import digest_views, readiness_views, views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("digest/", digest_views.digest, name="digest"),
    path("ready/<int:interview_id>/", readiness_views.readiness, name="readiness"),
    path("ready/<int:interview_id>/card/", readiness_views.card, name="card"),
]
