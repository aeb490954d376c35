from django.urls import path

from prepcoach.research import views

app_name = "research"
urlpatterns = [path("", views.index, name="index")]
