"""Fair queueing of analyses: the per-person limit, turns by priority, and the state shown."""

from prepcoach.coach.queueing import admit_analysis, analysis_state


def test_each_waiting_answer_puts_the_next_one_a_turn_lower() -> None:
    assert [admit_analysis(n, 50).priority for n in range(3)] == [0, -1, -2]
    assert admit_analysis(0, 50).admitted


def test_at_the_limit_the_answer_is_refused_with_what_to_do() -> None:
    refused = admit_analysis(50, 50)
    assert not refused.admitted
    assert "You already have 50 answers waiting for analysis" in refused.message
    assert "This answer is saved" in refused.message


def test_the_limit_keeps_priorities_in_django_s_range() -> None:
    assert admit_analysis(99, 1000).priority == -99
    assert not admit_analysis(100, 1000).admitted


def test_a_queued_answer_whose_worker_died_is_restarting_and_may_be_analysed_again() -> None:
    state = analysis_state("queued", restarts=1)
    assert state.key == "restarting"
    assert state.label.startswith("Restarting")
    assert state.may_analyse_again


def test_a_running_or_waiting_answer_may_not_be_queued_twice() -> None:
    assert not analysis_state("queued", restarts=0).may_analyse_again
    assert not analysis_state("analysing", restarts=0).may_analyse_again
    assert not analysis_state("recording", restarts=0).may_analyse_again
    assert analysis_state("failed", restarts=0).may_analyse_again


def test_an_answer_whose_worker_stopped_answering_is_restarting_already() -> None:
    assert analysis_state("analysing", restarts=0, worker_lost=True).key == "restarting"
    assert analysis_state("analysing", restarts=0, worker_lost=True).may_analyse_again
