from django.urls import path

from prepcoach.goals import views

app_name = "goals"
urlpatterns = [path("", views.index, name="index")]
