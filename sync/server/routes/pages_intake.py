"""Dashboard intake: take a call (callers on file found as you type) and show the ticket number."""

from __future__ import annotations

from typing import Any

import pydantic
from fastapi import APIRouter, Request, status
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from fieldtech.domain.errors import ValidationError
from fieldtech.models import Customer, CustomerItem
from sync.server.deps import SessionDep, SettingsDep
from sync.server.job_queries import job_public
from sync.server.job_writes import create_job
from sync.server.routes.customers import find_customers
from sync.server.routes.pages_jobs import CHOICES
from sync.server.routes.pages_params import optional_id
from sync.server.schemas.jobs import JobCreate
from sync.server.web import Staff, check_form_csrf, render

router = APIRouter(include_in_schema=False)

CUSTOMER_FIELDS = {"name": "customer_name", "phone": "phone", "address": "address"}
ITEM_FIELDS = ("brand", "model", "serial", "purchase_date")


def _body(form: dict[str, str]) -> dict[str, Any]:
    """Form fields as the JSON body of POST /api/v1/jobs, so both share one validation.

    A caller picked from the matches carries `customer_id` (and `item_id`): the record on file
    is used as it is.
    """
    item: dict[str, Any] = {name: form.get(name, "") for name in ITEM_FIELDS}
    if not item["purchase_date"]:
        item.pop("purchase_date")
    customer: dict[str, Any] = {key: form.get(name, "") for key, name in CUSTOMER_FIELDS.items()}
    if form.get("customer_id"):
        customer = {"id": form["customer_id"]}
        item = {"id": form["item_id"]} if form.get("item_id") else item
    return {
        "customer": customer,
        "item": item if any(item.values()) else None,
        **{
            name: form.get(name, "")
            for name in ("fault_description", "channel", "category", "sub_category", "urgency")
        },
        "preferred_time": form.get("preferred_time", ""),
    }


def _field(location: tuple[int | str, ...]) -> str:
    if len(location) >= 2 and location[0] == "customer":
        return CUSTOMER_FIELDS.get(str(location[1]), str(location[1]))
    return str(location[-1]) if location else "form"


def _intake_page(
    request: Request, who: Staff, form: dict[str, str], errors: dict[str, str], code: int = 200
) -> HTMLResponse:
    return render(
        request,
        "intake.html",
        {"form": form, "errors": errors, **CHOICES},
        who=who,
        status_code=code,
    )


@router.get("/intake", response_class=HTMLResponse)
def intake_form(
    request: Request,
    who: Staff,
    session: SessionDep,
    customer: str = "",
    item: str = "",
) -> HTMLResponse:
    """`?customer=<id>&item=<id>` starts the form from a caller on file (works without script)."""
    form = {"channel": "phone", "category": "product_fault", "urgency": "normal"}
    customer_id, item_id = optional_id(customer), optional_id(item)
    found = session.get(Customer, customer_id) if customer_id else None
    if found is not None:
        form |= {"customer_id": str(found.id), "customer_name": found.name}
        form |= {"phone": found.phone, "address": found.address}
        owned = session.scalar(
            select(CustomerItem).where(
                CustomerItem.id == item_id, CustomerItem.customer_id == found.id
            )
        )
        if owned is not None:
            form |= {"item_id": str(owned.id), "brand": owned.brand, "model": owned.model}
            form |= {"serial": owned.serial}
            form["purchase_date"] = owned.purchase_date.isoformat() if owned.purchase_date else ""
    return _intake_page(request, who, form, {})


@router.get("/intake/matches", response_class=HTMLResponse)
def caller_matches(
    request: Request, who: Staff, session: SessionDep, customer_name: str = "", phone: str = ""
) -> HTMLResponse:
    """The callers on file whose name or phone matches what is typed so far (an htmx fragment)."""
    query = (phone or customer_name).strip()[:200]
    matches = find_customers(who, session, query, 5) if len(query) >= 2 else []
    return render(request, "caller_matches.html", {"matches": matches}, who=who)


@router.post("/intake", response_class=HTMLResponse)
async def intake(
    request: Request, who: Staff, session: SessionDep, settings: SettingsDep
) -> HTMLResponse:
    raw = await request.form()
    form = {key: value for key, value in raw.items() if isinstance(value, str)}
    check_form_csrf(who, form.get("csrf_token"))
    errors: dict[str, str] = {}
    try:
        body = JobCreate.model_validate(_body(form))
        job = create_job(session, who, body, settings.timezone)
    except pydantic.ValidationError as invalid:
        errors = {
            _field(e["loc"]): e["msg"].removeprefix("Value error, ") for e in invalid.errors()
        }
    except ValidationError as refused:
        errors = {_field(tuple(refused.field.split("."))): refused.reason}
    if errors:
        session.rollback()
        return _intake_page(request, who, form, errors, status.HTTP_422_UNPROCESSABLE_CONTENT)
    session.commit()
    session.refresh(job)
    return render(request, "intake_done.html", {"job": job_public(job)}, who=who, status_code=201)
