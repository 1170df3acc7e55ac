"""Customers on file, found by name or phone while a call is taken (so a caller is not re-typed)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from fieldtech.models import Customer
from sync.server.deps import OfficeUser, SessionDep
from sync.server.job_queries import escape_like
from sync.server.schemas.jobs import CustomerFound, CustomerPublic, ItemPublic

router = APIRouter(prefix="/customers", tags=["customers"])


@router.get("", response_model=list[CustomerFound])
def find_customers(
    _who: OfficeUser,
    session: SessionDep,
    q: Annotated[str, Query(min_length=2, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[CustomerFound]:
    """Name or phone containing `q` (digits only compared for phones), with their items."""
    pattern = f"%{escape_like(q.strip().lower())}%"
    digits = "".join(ch for ch in q if ch.isdigit())
    phone = func.replace(func.replace(Customer.phone, " ", ""), "-", "")
    matches = [func.lower(Customer.name).like(pattern, escape="\\")]
    if len(digits) >= 3:
        matches.append(phone.like(f"%{digits}%"))
    statement = (
        select(Customer)
        .where(or_(*matches))
        .options(selectinload(Customer.items))
        .order_by(Customer.name, Customer.id)
        .limit(limit)
    )
    return [
        CustomerFound(
            customer=CustomerPublic.model_validate(customer),
            items=[ItemPublic.model_validate(item) for item in customer.items],
        )
        for customer in session.scalars(statement)
    ]
