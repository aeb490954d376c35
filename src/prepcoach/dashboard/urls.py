from django.urls import path

from prepcoach.dashboard import views

app_name = "dashboard"
urlpatterns = [path("", views.home, name="home")]
