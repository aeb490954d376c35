from django.urls import path

from prepcoach.reflection import views

app_name = "reflection"
urlpatterns = [
    path("stories/", views.stories, name="stories"),
    path("stories/new/", views.story_new, name="story_new"),
    path("stories/<int:story_id>/", views.story_detail, name="story"),
    path("stories/<int:story_id>/edit/", views.story_edit, name="story_edit"),
    path("stories/<int:story_id>/delete/", views.story_delete, name="story_delete"),
    path("retrospectives/", views.retros, name="retros"),
    path("retrospectives/<int:retro_id>/", views.retro_detail, name="retro"),
    path("retrospectives/<int:retro_id>/story/", views.retro_to_story, name="retro_story"),
    path("compass/", views.compass, name="compass"),
    path("patterns/", views.patterns, name="patterns"),
]
