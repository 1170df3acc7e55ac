"""The SQLAlchemy models of every record, laptop and office alike."""

from fieldtech.models.base import Base, Synced, utcnow
from fieldtech.models.companyprofile import CalendarOverride, CompanyProfile
from fieldtech.models.evidence import Attachment, Blob, Signature
from fieldtech.models.faultcases import FaultCase
from fieldtech.models.jobs import AdviceNote, Diagnosis, Job, Visit
from fieldtech.models.office import Complaint, FollowUp
from fieldtech.models.people import Customer, CustomerItem, ProductCategory, Technician
from fieldtech.models.syncstate import (
    ConflictEntry,
    LocalSetting,
    OutboxEntry,
    RecordVersion,
    TicketBlock,
)
from fieldtech.models.work import ChargeLine, PartUsed, Payment, VanStock
from fieldtech.models.workshop import ItemMovement, PickupReceipt, ReturnReceipt

__all__ = [
    "AdviceNote",
    "Attachment",
    "Base",
    "Blob",
    "CalendarOverride",
    "ChargeLine",
    "CompanyProfile",
    "Complaint",
    "ConflictEntry",
    "Customer",
    "CustomerItem",
    "Diagnosis",
    "FaultCase",
    "FollowUp",
    "ItemMovement",
    "Job",
    "LocalSetting",
    "OutboxEntry",
    "PartUsed",
    "Payment",
    "PickupReceipt",
    "ProductCategory",
    "RecordVersion",
    "ReturnReceipt",
    "Signature",
    "Synced",
    "Technician",
    "TicketBlock",
    "VanStock",
    "Visit",
    "utcnow",
]
