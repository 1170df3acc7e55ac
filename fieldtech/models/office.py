"""Office follow-up: satisfaction calls and complaints with their routes, owners and deadlines."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from fieldtech.domain.enums import ComplaintConcern, ComplaintRoute, ComplaintStatus, FollowUpKind
from fieldtech.models.base import Base, Synced
from fieldtech.models.jobs import _enum


class FollowUp(Synced, Base):
    __tablename__ = "follow_ups"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    kind: Mapped[FollowUpKind] = mapped_column(_enum(FollowUpKind))
    due_date: Mapped[dt.date] = mapped_column(index=True)
    called_at: Mapped[dt.datetime | None]
    rating: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    escalated: Mapped[bool] = mapped_column(default=False)
    escalation_deadline: Mapped[dt.datetime | None]


class Complaint(Synced, Base):
    __tablename__ = "complaints"

    job_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    concern: Mapped[ComplaintConcern] = mapped_column(_enum(ComplaintConcern))
    route: Mapped[ComplaintRoute] = mapped_column(_enum(ComplaintRoute))
    owner: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[dt.datetime]
    promised_reply_at: Mapped[dt.datetime]
    status: Mapped[ComplaintStatus] = mapped_column(
        _enum(ComplaintStatus), default=ComplaintStatus.OPEN
    )
