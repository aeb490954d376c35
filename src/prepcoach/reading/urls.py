from django.urls import path

from prepcoach.reading import views

app_name = "reading"
urlpatterns = [
    path("", views.reading_list, name="list"),
    path("<int:item_id>/edit/", views.item_edit, name="item_edit"),
    path("<int:item_id>/delete/", views.item_delete, name="item_delete"),
    path("feeds/", views.feeds, name="feeds"),
    path("feeds/<int:feed_id>/refresh/", views.feed_refresh, name="feed_refresh"),
    path("feeds/<int:feed_id>/delete/", views.feed_delete, name="feed_delete"),
    path("inbox/<int:item_id>/", views.item_action, name="item_action"),
    path("digest/", views.digest, name="digest"),
    path("digest/stop/<str:signed>/", views.digest_stop, name="digest_stop"),
]
