"""The job state machine: which status a job may move to from the one it is in.

The table follows the after-sales workflow:

- NEW -> ASSIGNED (staff assign a technician) or CANCELLED (the customer withdraws).
- ASSIGNED -> CONFIRMED (the technician confirmed the appointment with the customer),
  EN_ROUTE / ON_SITE (the technician went without a separate confirmation step),
  NEW (unassigned), ASSIGNED (reassigned to another technician), CANCELLED.
- CONFIRMED -> EN_ROUTE, ON_SITE, ASSIGNED (reassigned or rescheduled), NEW (unassigned: the
  technician is off and nobody else is free yet), CANCELLED.
- EN_ROUTE -> ON_SITE; ASSIGNED (the technician had to turn back, the visit is re-planned);
  CANCELLED (the customer cancels while the technician is on the road).
- ON_SITE -> AWAITING_SIGNATURE (the work is recorded, the slip goes to the customer) or
  ITEM_IN_WORKSHOP (the item is taken back against a signed pickup receipt).
- AWAITING_SIGNATURE -> SIGNED, or back to ON_SITE (the customer asked for a correction).
- SIGNED -> CLOSED (the office reconciled it); ON_SITE (a change after sign-off: a new revision
  that needs a new signature); ASSIGNED (a follow-up visit is booked, e.g. a part was ordered).
- ITEM_IN_WORKSHOP -> AWAITING_SIGNATURE (the item is back; the return receipt is signed) or
  ON_SITE (the technician brings the item back and works on site again).
- CLOSED -> ASSIGNED (reopened as a repeat repair: counted by the service figures).
- CANCELLED is final: a customer who calls again gets a new ticket.

EN_ROUTE may be cancelled or re-planned, CONFIRMED may be unassigned, and SIGNED may lead to a
follow-up visit because all three happen on real service days; without them staff would have to
invent detours through other statuses, which would spoil the service figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from fieldtech.domain.enums import JobStatus
from fieldtech.domain.errors import TransitionError

_S = JobStatus

TRANSITIONS: Mapping[JobStatus, frozenset[JobStatus]] = MappingProxyType(
    {
        _S.NEW: frozenset({_S.ASSIGNED, _S.CANCELLED}),
        _S.ASSIGNED: frozenset(
            {_S.CONFIRMED, _S.EN_ROUTE, _S.ON_SITE, _S.NEW, _S.ASSIGNED, _S.CANCELLED}
        ),
        _S.CONFIRMED: frozenset({_S.EN_ROUTE, _S.ON_SITE, _S.ASSIGNED, _S.NEW, _S.CANCELLED}),
        _S.EN_ROUTE: frozenset({_S.ON_SITE, _S.ASSIGNED, _S.CANCELLED}),
        _S.ON_SITE: frozenset({_S.AWAITING_SIGNATURE, _S.ITEM_IN_WORKSHOP}),
        _S.AWAITING_SIGNATURE: frozenset({_S.SIGNED, _S.ON_SITE}),
        _S.SIGNED: frozenset({_S.CLOSED, _S.ON_SITE, _S.ASSIGNED}),
        _S.ITEM_IN_WORKSHOP: frozenset({_S.AWAITING_SIGNATURE, _S.ON_SITE}),
        _S.CLOSED: frozenset({_S.ASSIGNED}),
        _S.CANCELLED: frozenset(),
    }
)
"""Every allowed move; anything not listed here is refused."""

NEW_REVISION_TRANSITIONS: frozenset[tuple[JobStatus, JobStatus]] = frozenset(
    {(_S.SIGNED, _S.ON_SITE), (_S.SIGNED, _S.ASSIGNED), (_S.CLOSED, _S.ASSIGNED)}
)
"""Moves that leave signed content behind: the next change must start a new revision."""

TERMINAL: frozenset[JobStatus] = frozenset({_S.CLOSED, _S.CANCELLED})
"""Statuses where no more work is expected (CLOSED can still be reopened as a repeat repair)."""

_ORDER = {status: index for index, status in enumerate(JobStatus)}


def allowed_next(status: JobStatus) -> tuple[JobStatus, ...]:
    """The statuses a job in `status` may move to, in workflow order (stable for menus)."""
    return tuple(sorted(TRANSITIONS[JobStatus(status)], key=_ORDER.__getitem__))


def is_allowed(current: JobStatus, target: JobStatus) -> bool:
    return JobStatus(target) in TRANSITIONS[JobStatus(current)]


def check_transition(current: JobStatus, target: JobStatus) -> None:
    """Refuse a move the table does not allow, naming both statuses and the allowed next ones."""
    if is_allowed(current, target):
        return
    options = ", ".join(s.value for s in allowed_next(current)) or "none: this status is final"
    raise TransitionError(
        f"a job cannot go from {JobStatus(current).value} to {JobStatus(target).value}; "
        f"allowed next: {options}",
        current=JobStatus(current),
        target=JobStatus(target),
        allowed=allowed_next(current),
    )


def is_terminal(status: JobStatus) -> bool:
    """True when the job is finished (closed or cancelled) and nobody should work on it."""
    return JobStatus(status) in TERMINAL


def needs_new_revision(current: JobStatus, target: JobStatus) -> bool:
    """True when the move reopens signed work, so edits after it go into a new revision."""
    return (JobStatus(current), JobStatus(target)) in NEW_REVISION_TRANSITIONS
