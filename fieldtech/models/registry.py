"""The synced tables by name, grouped by how a technician comes to hold their records."""

from __future__ import annotations

from typing import Any

from fieldtech.models.companyprofile import CalendarOverride, CompanyProfile
from fieldtech.models.evidence import Attachment, Signature
from fieldtech.models.faultcases import FaultCase
from fieldtech.models.jobs import AdviceNote, Diagnosis, Job, Visit
from fieldtech.models.office import Complaint, FollowUp
from fieldtech.models.people import Customer, CustomerItem, ProductCategory, Technician
from fieldtech.models.work import ChargeLine, PartUsed, Payment, VanStock
from fieldtech.models.workshop import ItemMovement, PickupReceipt, ReturnReceipt

# Parents before children: the order to insert in, and (reversed) to delete in.
SYNCED_ORDER: tuple[type[Any], ...] = (
    Technician,
    ProductCategory,
    CompanyProfile,
    CalendarOverride,
    FaultCase,
    Customer,
    CustomerItem,
    Job,
    Visit,
    Diagnosis,
    AdviceNote,
    PartUsed,
    VanStock,
    ChargeLine,
    Payment,
    Attachment,
    Signature,
    PickupReceipt,
    ReturnReceipt,
    ItemMovement,
    FollowUp,
    Complaint,
)

MODELS: dict[str, type[Any]] = {m.__tablename__: m for m in SYNCED_ORDER}
TABLE_ORDER = {name: n for n, name in enumerate(MODELS)}

GLOBAL_TABLES = frozenset(
    {"technicians", "product_categories", "company_profile", "calendar_overrides", "fault_cases"}
)
"""Every technician holds these (no customer data in them), parents first in SYNCED_ORDER."""

SHARED_TABLES = frozenset({"customers", "customer_items"})
"""Held by a technician while one of their jobs refers to the record."""

OFFICE_ONLY = frozenset({"follow_ups", "complaints"})
"""Never sent to a laptop."""

JOB_TABLES = frozenset(MODELS) - GLOBAL_TABLES - SHARED_TABLES - OFFICE_ONLY - {"van_stock"}
"""Records that belong to exactly one job (the job itself included)."""
