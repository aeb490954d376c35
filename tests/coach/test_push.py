"""coach.push.plan_wait: how long a watching page's request may be held."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.push import PushSettings, plan_wait, wait_capacity

S = PushSettings()


def test_a_first_look_is_answered_at_once_and_asked_again_at_once() -> None:
    plan = plan_wait(watching=False, open_for_s=0, held=0, capacity=4, held_by_person=0)
    assert (plan.wait_s, plan.again_s, plan.stopped, plan.reason) == (0, 0, False, "now")


def test_a_watching_page_waits_for_the_bound() -> None:
    plan = plan_wait(watching=True, open_for_s=60, held=1, capacity=4, held_by_person=0)
    assert (plan.wait_s, plan.again_s, plan.reason) == (S.hold_s, 0, "wait")


def test_the_last_wait_ends_when_the_page_has_watched_its_whole_allowance() -> None:
    plan = plan_wait(
        watching=True, open_for_s=S.give_up_s - 5, held=0, capacity=4, held_by_person=0
    )
    assert plan.wait_s == 5


def test_full_waits_fall_back_to_the_old_poll() -> None:
    for held, mine in ((4, 0), (0, S.per_person)):
        plan = plan_wait(watching=True, open_for_s=0, held=held, capacity=4, held_by_person=mine)
        assert (plan.wait_s, plan.again_s, plan.reason) == (0, S.busy_s, "busy")


def test_a_page_open_past_its_allowance_stops() -> None:
    for watching in (True, False):
        plan = plan_wait(
            watching=watching, open_for_s=S.give_up_s, held=0, capacity=4, held_by_person=0
        )
        assert (plan.stopped, plan.wait_s, plan.reason) == (True, 0, "stopped")


@given(
    st.booleans(),
    st.floats(-1e6, 1e7, allow_nan=False),
    st.integers(0, 20),
    st.integers(1, 20),
    st.integers(0, 5),
)
def test_no_wait_is_longer_than_the_bound_nor_taken_past_a_limit(
    watching: bool, open_for: float, held: int, capacity: int, mine: int
) -> None:
    plan = plan_wait(
        watching=watching, open_for_s=open_for, held=held, capacity=capacity, held_by_person=mine
    )
    assert 0 <= plan.wait_s <= S.hold_s
    if plan.wait_s > 0:
        assert watching
        assert held < capacity
        assert mine < S.per_person
        assert max(open_for, 0) + plan.wait_s <= S.give_up_s
    assert plan.stopped == (open_for >= S.give_up_s)


def test_a_process_never_holds_all_its_threads_in_waits() -> None:
    assert wait_capacity(4, None) == 4  # threads not known: as configured
    assert wait_capacity(8, 16) == 8  # prepcoach serve's default: half of 16
    assert wait_capacity(50, 16) == 15  # PUSH_WAITS above the threads: one is kept free
    assert wait_capacity(4, 2) == 1
    assert wait_capacity(4, 1) == 0  # a single-threaded process (gunicorn's sync worker)
    assert wait_capacity(0, None) == 0
    plan = plan_wait(
        watching=True, open_for_s=0, held=0, capacity=wait_capacity(4, 1), held_by_person=0
    )
    assert (plan.wait_s, plan.again_s, plan.reason) == (0, S.busy_s, "busy")
