from django.urls import path

from prepcoach.network import views

app_name = "network"
urlpatterns = [
    path("", views.index, name="index"),
    path("contacts/new/", views.contact_new, name="contact_new"),
    path("contacts/import/", views.import_contacts, name="import"),
    path("contacts/<int:contact_id>/", views.contact, name="contact"),
    path("contacts/<int:contact_id>/edit/", views.contact_edit, name="contact_edit"),
    path("contacts/<int:contact_id>/followed-up/", views.contact_followed_up, name="followed_up"),
    path("contacts/<int:contact_id>/delete/", views.contact_delete, name="contact_delete"),
    path("events/new/", views.event_new, name="event_new"),
    path("events/<int:event_id>/", views.event, name="event"),
    path("events/<int:event_id>/edit/", views.event_edit, name="event_edit"),
    path("events/<int:event_id>/delete/", views.event_delete, name="event_delete"),
]
