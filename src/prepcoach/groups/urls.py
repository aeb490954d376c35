from django.urls import path

from prepcoach.groups import views

app_name = "groups"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:group_id>/", views.board, name="board"),
    path("<int:group_id>/share/", views.share, name="share"),
    path("<int:group_id>/invites/", views.invite_new, name="invite_new"),
    path("invites/<int:group_invite_id>/revoke/", views.invite_revoke, name="invite_revoke"),
    path("join/<str:invite_token>/", views.join, name="join"),
    path("<int:group_id>/leave/", views.leave, name="leave"),
    path(
        "<int:group_id>/members/<int:membership_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path("<int:group_id>/mocks/new/", views.mock_new, name="mock_new"),
    path("mocks/<int:mock_id>/", views.mock_detail, name="mock"),
    path("mocks/<int:mock_id>/<int:number>/record/", views.mock_record, name="mock_record"),
    path("mocks/<int:mock_id>/<int:number>/answer/", views.mock_answer, name="mock_answer"),
    path("mocks/<int:mock_id>/swap/", views.mock_swap, name="mock_swap"),
    path("mocks/<int:mock_id>/finish/", views.mock_finish, name="mock_finish"),
    path("answers/<int:answer_id>/media/", views.answer_media, name="answer_media"),
    path("answers/<int:answer_id>/review/", views.answer_review, name="answer_review"),
]
