from prepcoach.coach.brief import NextInterview, brief_company


def test_the_people_are_listed_once_each_without_list_marks() -> None:
    company = brief_company(
        " Grow in Europe ",
        "",
        "",
        NextInterview("First round", "Thu 10 Dec, 14:00", "- Ana Lee\n\n* ana  lee\n• Bo Chen,\n"),
    )
    assert company.meeting == ("Ana Lee", "Bo Chen")
    assert company.meeting_round == "First round, Thu 10 Dec, 14:00"
    assert company.strategy == "Grow in Europe"


def test_no_interview_planned_leaves_the_meeting_empty() -> None:
    company = brief_company("", "Contoso", "Met Dee", None)
    assert company.meeting == ()
    assert company.meeting_round == ""
    assert company.competitors == "Contoso"
    assert company.people_notes == "Met Dee"
