from django.urls import path
from django.views.generic import RedirectView

from prepcoach.research import fact_views, term_views, views

app_name = "research"
urlpatterns = [
    path("", views.index, name="index"),
    # Every job's page is under /grow/jobs/…, and the list of jobs is /grow/ itself: the
    # address a user trims back to (a trial's /grow/jobs/ was a 404) goes to the list.
    path(
        "jobs/",
        RedirectView.as_view(pattern_name="research:index", query_string=True),
        name="jobs",
    ),
    path("jobs/new/", views.opportunity_new, name="opportunity_new"),
    path("jobs/<int:opportunity_id>/", views.opportunity_detail, name="opportunity"),
    path("jobs/<int:opportunity_id>/edit/", views.opportunity_edit, name="opportunity_edit"),
    path("jobs/<int:opportunity_id>/delete/", views.opportunity_delete, name="opportunity_delete"),
    path("jobs/<int:opportunity_id>/terms/", term_views.key_terms, name="key_terms"),
    path("jobs/<int:opportunity_id>/research/", views.research, name="research"),
    path("jobs/<int:opportunity_id>/facts/", views.fact_add, name="fact_add"),
    path("facts/<int:fact_id>/edit/", fact_views.fact_edit, name="fact_edit"),
    path("facts/<int:fact_id>/delete/", fact_views.fact_delete, name="fact_delete"),
    path("jobs/<int:opportunity_id>/brief/", views.brief, name="brief"),
    path("jobs/<int:opportunity_id>/brief.md", views.brief_markdown, name="brief_md"),
    path("jobs/<int:opportunity_id>/brief.pdf", views.brief_pdf, name="brief_pdf"),
]
