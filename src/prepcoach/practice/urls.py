from django.urls import path

from prepcoach.practice.views import areas, attempts, drills, home, mocks, questions, reverse

app_name = "practice"
urlpatterns = [
    path("", home.index, name="index"),
    path("progress/", home.progress, name="progress"),
    path("areas/", areas.areas, name="areas"),
    path("feedback-settings/", home.feedback_settings, name="feedback_settings"),
    path("questions/", questions.question_list, name="questions"),
    path("questions/new/", questions.question_new, name="question_new"),
    path("questions/export.csv", questions.questions_export, name="questions_export"),
    path("questions/import/", questions.questions_import, name="questions_import"),
    path("questions/<int:question_id>/", questions.question_detail, name="question"),
    path("questions/<int:question_id>/edit/", questions.question_edit, name="question_edit"),
    path("questions/<int:question_id>/delete/", questions.question_delete, name="question_delete"),
    path("questions/<int:question_id>/answer/", attempts.typed_create, name="typed_create"),
    path("questions/<int:question_id>/record/", attempts.recording_start, name="recording_start"),
    path("questions/<int:question_id>/drill/", drills.drill_add, name="drill_add"),
    path("attempts/<int:attempt_id>/", attempts.attempt_detail, name="attempt"),
    path("attempts/<int:attempt_id>/status/", attempts.attempt_status, name="attempt_status"),
    path("attempts/<int:attempt_id>/rate/", attempts.attempt_rate, name="attempt_rate"),
    path(
        "attempts/<int:attempt_id>/reanalyse/", attempts.attempt_reanalyse, name="attempt_reanalyse"
    ),
    path("attempts/<int:attempt_id>/delete/", attempts.attempt_delete, name="attempt_delete"),
    path("attempts/<int:attempt_id>/media/", attempts.attempt_media, name="attempt_media"),
    path("attempts/<int:attempt_id>/chunks/<int:index>/", attempts.chunk, name="chunk"),
    path("attempts/<int:attempt_id>/finalise/", attempts.recording_finalise, name="finalise"),
    path("drills/", drills.drill_home, name="drills"),
    path("drills/add/", drills.drill_add_some, name="drill_add_some"),
    path("drills/settings/", drills.drill_settings, name="drill_settings"),
    path("drills/<int:card_id>/grade/", drills.drill_grade, name="drill_grade"),
    path("drills/story/<int:story_id>/", drills.drill_add_story, name="drill_add_story"),
    path("drills/facts/<int:opportunity_id>/", drills.drill_add_facts, name="drill_add_facts"),
    path("mock/new/", mocks.mock_new, name="mock_new"),
    path("mock/<int:session_id>/<int:number>/", mocks.mock_question, name="mock_question"),
    path("mock/<int:session_id>/<int:number>/skip/", mocks.mock_skip, name="mock_skip"),
    path("mock/<int:session_id>/finish/", mocks.mock_finish, name="mock_finish"),
    path("mock/<int:session_id>/", mocks.mock_summary, name="mock_summary"),
    path("mock/answers/<int:attempt_id>/", mocks.mock_answer, name="mock_answer"),
    path("interviewer/", reverse.reverse_list, name="reverse"),
    path("interviewer/<int:question_id>/", reverse.reverse_question, name="reverse_question"),
]
