"""The job state machine: the table of allowed moves and walks along it."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldtech.domain.enums import JobStatus
from fieldtech.domain.errors import TransitionError
from fieldtech.rules.statemachine import (
    TRANSITIONS,
    allowed_next,
    check_transition,
    is_allowed,
    is_terminal,
    needs_new_revision,
)

S = JobStatus

EXPECTED: set[tuple[JobStatus, JobStatus]] = {
    (S.NEW, S.ASSIGNED),
    (S.NEW, S.CANCELLED),
    (S.ASSIGNED, S.CONFIRMED),
    (S.ASSIGNED, S.EN_ROUTE),
    (S.ASSIGNED, S.ON_SITE),
    (S.ASSIGNED, S.NEW),
    (S.ASSIGNED, S.ASSIGNED),
    (S.ASSIGNED, S.CANCELLED),
    (S.CONFIRMED, S.EN_ROUTE),
    (S.CONFIRMED, S.ON_SITE),
    (S.CONFIRMED, S.ASSIGNED),
    (S.CONFIRMED, S.NEW),
    (S.CONFIRMED, S.CANCELLED),
    (S.EN_ROUTE, S.ON_SITE),
    (S.EN_ROUTE, S.ASSIGNED),
    (S.EN_ROUTE, S.CANCELLED),
    (S.ON_SITE, S.AWAITING_SIGNATURE),
    (S.ON_SITE, S.ITEM_IN_WORKSHOP),
    (S.AWAITING_SIGNATURE, S.SIGNED),
    (S.AWAITING_SIGNATURE, S.ON_SITE),
    (S.SIGNED, S.CLOSED),
    (S.SIGNED, S.ON_SITE),
    (S.SIGNED, S.ASSIGNED),
    (S.ITEM_IN_WORKSHOP, S.AWAITING_SIGNATURE),
    (S.ITEM_IN_WORKSHOP, S.ON_SITE),
    (S.CLOSED, S.ASSIGNED),
}
ALL_PAIRS = list(itertools.product(JobStatus, repeat=2))
REFUSED = [pair for pair in ALL_PAIRS if pair not in EXPECTED]


def test_transitions_table_covers_every_status_and_matches_the_documented_rules() -> None:
    assert set(TRANSITIONS) == set(JobStatus)
    table = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
    assert table == EXPECTED


def test_transitions_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        TRANSITIONS[S.CANCELLED] = frozenset({S.NEW})  # type: ignore[index]


@pytest.mark.parametrize(("current", "target"), sorted(EXPECTED))
def test_check_transition_allowed_pair_passes(current: JobStatus, target: JobStatus) -> None:
    check_transition(current, target)
    assert is_allowed(current, target)
    assert target in allowed_next(current)


@pytest.mark.parametrize(("current", "target"), REFUSED)
def test_check_transition_other_pair_raises_naming_both_and_options(
    current: JobStatus, target: JobStatus
) -> None:
    with pytest.raises(TransitionError) as caught:
        check_transition(current, target)
    message = caught.value.message
    assert f"from {current.value} to {target.value}" in message
    for option in allowed_next(current):
        assert option.value in message
    assert caught.value.params["allowed"] == allowed_next(current)
    assert not is_allowed(current, target)


def test_check_transition_from_cancelled_says_final() -> None:
    with pytest.raises(TransitionError, match="final"):
        check_transition(S.CANCELLED, S.NEW)


def test_check_transition_plain_strings_accepted() -> None:
    check_transition(S("new"), S("assigned"))
    with pytest.raises(TransitionError):
        check_transition(S("new"), S("signed"))


def test_allowed_next_in_workflow_order() -> None:
    assert allowed_next(S.ASSIGNED) == (
        S.NEW,
        S.ASSIGNED,
        S.CONFIRMED,
        S.EN_ROUTE,
        S.ON_SITE,
        S.CANCELLED,
    )
    assert allowed_next(S.CANCELLED) == ()


def test_is_terminal_only_closed_and_cancelled() -> None:
    assert {s for s in JobStatus if is_terminal(s)} == {S.CLOSED, S.CANCELLED}


def test_needs_new_revision_exactly_for_moves_that_reopen_signed_work() -> None:
    reopening = {pair for pair in ALL_PAIRS if needs_new_revision(*pair)}
    assert reopening == {(S.SIGNED, S.ON_SITE), (S.SIGNED, S.ASSIGNED), (S.CLOSED, S.ASSIGNED)}
    assert reopening <= EXPECTED


def _reachable(start: JobStatus) -> set[JobStatus]:
    seen = {start}
    frontier = [start]
    while frontier:
        for nxt in TRANSITIONS[frontier.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return seen


def test_every_status_reachable_from_new() -> None:
    assert _reachable(S.NEW) == set(JobStatus)


def test_every_status_can_still_finish() -> None:
    for status in JobStatus:
        assert _reachable(status) & {S.CLOSED, S.CANCELLED}, status


@given(st.lists(st.integers(min_value=0, max_value=1000), max_size=60))
def test_random_walk_along_allowed_moves_never_gets_stuck(choices: list[int]) -> None:
    status = S.NEW
    for choice in choices:
        options = allowed_next(status)
        if not options:
            assert status is S.CANCELLED
            break
        target = options[choice % len(options)]
        check_transition(status, target)
        status = target
        assert is_terminal(status) or allowed_next(status)
        assert _reachable(status) & {S.CLOSED, S.CANCELLED}
