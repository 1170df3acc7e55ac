"""The job and what the visit records on it: visits, diagnoses and advice notes."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldtech.domain.enums import Channel, JobCategory, JobStatus, Urgency
from fieldtech.models.base import Base, Synced
from fieldtech.models.people import Customer, CustomerItem, Technician


def _enum(cls: type) -> Enum:
    return Enum(cls, native_enum=False, length=32, values_callable=lambda e: [m.value for m in e])


class Job(Synced, Base):
    __tablename__ = "jobs"

    ticket_number: Mapped[str] = mapped_column(String(16), unique=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customer_items.id"))
    channel: Mapped[Channel] = mapped_column(_enum(Channel), default=Channel.PHONE)
    category: Mapped[JobCategory] = mapped_column(_enum(JobCategory))
    sub_category: Mapped[str] = mapped_column(String(64), default="")
    urgency: Mapped[Urgency] = mapped_column(_enum(Urgency), default=Urgency.NORMAL)
    fault_description: Mapped[str] = mapped_column(Text, default="")
    preferred_time: Mapped[str] = mapped_column(String(200), default="")
    appointment_start: Mapped[dt.datetime | None] = mapped_column(index=True)
    appointment_end: Mapped[dt.datetime | None]
    technician_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("technicians.id"), index=True
    )
    status: Mapped[JobStatus] = mapped_column(_enum(JobStatus), default=JobStatus.NEW, index=True)
    # Revision of what the customer signs; a change after sign-off starts the next revision.
    revision: Mapped[int] = mapped_column(default=1)
    # The repair actions taken on site, as printed on the repair slip.
    work_done: Mapped[str] = mapped_column(Text, default="", server_default="")
    first_response_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]

    customer: Mapped[Customer] = relationship()
    item: Mapped[CustomerItem | None] = relationship()
    technician: Mapped[Technician | None] = relationship()
    visits: Mapped[list[Visit]] = relationship(back_populates="job", order_by="Visit.arrived_at")
    diagnoses: Mapped[list[Diagnosis]] = relationship(
        back_populates="job", order_by="Diagnosis.created_at"
    )
    advice_notes: Mapped[list[AdviceNote]] = relationship(order_by="AdviceNote.created_at")


class Visit(Synced, Base):
    __tablename__ = "visits"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    technician_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("technicians.id"))
    arrived_at: Mapped[dt.datetime | None]
    departed_at: Mapped[dt.datetime | None]

    job: Mapped[Job] = relationship(back_populates="visits")


class Diagnosis(Synced, Base):
    __tablename__ = "diagnoses"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    visit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("visits.id"))
    symptoms: Mapped[str] = mapped_column(Text, default="")
    cause: Mapped[str] = mapped_column(Text, default="")
    fault_code: Mapped[str] = mapped_column(String(64), default="", index=True)
    checks_done: Mapped[str] = mapped_column(Text, default="")

    job: Mapped[Job] = relationship(back_populates="diagnoses")


class AdviceNote(Synced, Base):
    """What the technician explained to the customer: the repair and usage advice."""

    __tablename__ = "advice_notes"

    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("jobs.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
