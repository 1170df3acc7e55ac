"""The documents' whole input as frozen data, and the signed content each document shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from fieldtech.rules.signing import content_hash, verification_code

CENT = Decimal("0.01")


@dataclass(frozen=True)
class CompanyHeader:
    """What the company prints on every document; times are shown in `time_zone`."""

    name: str
    address: str = ""
    phone: str = ""
    logo_path: Path | None = None
    currency: str = "CNY"
    time_zone: str = "UTC"


@dataclass(frozen=True)
class CustomerInfo:
    name: str
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class ItemInfo:
    brand: str = ""
    model: str = ""
    serial: str = ""
    purchase_date: dt.date | None = None


@dataclass(frozen=True)
class WarrantyInfo:
    """Free or paid, with the reason code the warranty rule gave (e.g. `within_period`)."""

    in_warranty: bool | None
    reason: str = ""


@dataclass(frozen=True)
class PartLine:
    part_number: str
    description: str = ""
    quantity: int = 1
    serial_removed: str = ""
    serial_fitted: str = ""
    unit_price: Decimal = Decimal("0.00")

    @property
    def total(self) -> Decimal:
        return (self.unit_price * self.quantity).quantize(CENT)


@dataclass(frozen=True)
class ChargeLine:
    """A charged line; `kind` is a ChargeKind code and `tax_rate` a fraction (0.13 for 13 %)."""

    kind: str
    description: str = ""
    quantity: Decimal = Decimal("1")
    unit_price: Decimal = Decimal("0.00")
    tax_rate: Decimal = Decimal("0")

    @property
    def net(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(CENT)

    @property
    def tax(self) -> Decimal:
        return (self.net * self.tax_rate).quantize(CENT)


@dataclass(frozen=True)
class PaymentLine:
    method: str
    amount: Decimal
    receipt_number: str = ""
    taken_at: dt.datetime | None = None


@dataclass(frozen=True)
class SignatureBlock:
    """A signature as printed: the name, when (aware datetime), and the drawn image (PNG) if any."""

    printed_name: str
    signed_at: dt.datetime
    image_png: bytes | None = None


@dataclass(frozen=True)
class Photo:
    """A photo of the item: the name shown, the image (bytes from the store, or a file; None when
    the store lacks it) and its SHA-256 as recorded, which binds it into the signed content."""

    name: str
    source: bytes | Path | None
    sha256: str = ""


@dataclass(frozen=True)
class RepairSlipData:
    company: CompanyHeader
    ticket_number: str
    revision: int
    customer: CustomerInfo
    item: ItemInfo
    warranty: WarrantyInfo
    technician_name: str = ""
    arrived_at: dt.datetime | None = None
    departed_at: dt.datetime | None = None
    fault_description: str = ""
    symptoms: str = ""
    cause: str = ""
    fault_code: str = ""
    checks_done: str = ""
    work_done: str = ""
    parts: tuple[PartLine, ...] = ()
    charges: tuple[ChargeLine, ...] = ()
    payments: tuple[PaymentLine, ...] = ()
    advice: tuple[str, ...] = ()
    customer_signature: SignatureBlock | None = None


@dataclass(frozen=True)
class PickupReceiptData:
    company: CompanyHeader
    receipt_number: str
    ticket_number: str
    revision: int
    customer: CustomerInfo
    item: ItemInfo
    taken_at: dt.datetime
    promised_return_date: dt.date
    technician_name: str = ""
    condition: str = ""
    accessories: tuple[str, ...] = ()
    reason: str = ""
    photos: tuple[Photo, ...] = ()
    customer_signature: SignatureBlock | None = None
    technician_signature: SignatureBlock | None = None


@dataclass(frozen=True)
class ReturnReceiptData:
    company: CompanyHeader
    receipt_number: str
    pickup_receipt_number: str
    ticket_number: str
    revision: int
    customer: CustomerInfo
    item: ItemInfo
    returned_at: dt.datetime
    work_done: str = ""
    condition_on_return: str = ""
    charges: tuple[ChargeLine, ...] = ()
    charges_total: Decimal = Decimal("0.00")
    technician_name: str = ""
    customer_signature: SignatureBlock | None = None
    photos: tuple[Photo, ...] = ()


def charge_totals(charges: tuple[ChargeLine, ...]) -> tuple[Decimal, Decimal, Decimal]:
    """Net, tax and gross of the charged lines."""
    net = sum((c.net for c in charges), Decimal("0.00"))
    tax = sum((c.tax for c in charges), Decimal("0.00"))
    return net, tax, net + tax


def _company(c: CompanyHeader) -> dict[str, Any]:
    return {"name": c.name, "address": c.address, "phone": c.phone, "currency": c.currency}


def _customer(c: CustomerInfo) -> dict[str, Any]:
    return {"name": c.name, "phone": c.phone, "address": c.address}


def _item(i: ItemInfo) -> dict[str, Any]:
    return {
        "brand": i.brand,
        "model": i.model,
        "serial": i.serial,
        "purchase_date": i.purchase_date,
    }


def _charges(charges: tuple[ChargeLine, ...]) -> list[dict[str, Any]]:
    return [
        {
            "kind": c.kind,
            "description": c.description,
            "quantity": c.quantity,
            "unit_price": c.unit_price,
            "tax_rate": c.tax_rate,
        }
        for c in charges
    ]


def _photos(photos: tuple[Photo, ...]) -> list[dict[str, Any]]:
    return [{"name": p.name, "sha256": p.sha256} for p in photos]


def repair_slip_content(d: RepairSlipData) -> dict[str, Any]:
    """Exactly what the repair slip shows, signature image excluded: what the customer signs."""
    return {
        "document": "repair_slip",
        "company": _company(d.company),
        "ticket_number": d.ticket_number,
        "revision": d.revision,
        "customer": _customer(d.customer),
        "item": _item(d.item),
        "warranty": {"in_warranty": d.warranty.in_warranty, "reason": d.warranty.reason},
        "technician": d.technician_name,
        "arrived_at": d.arrived_at,
        "departed_at": d.departed_at,
        "fault_description": d.fault_description,
        "symptoms": d.symptoms,
        "cause": d.cause,
        "fault_code": d.fault_code,
        "checks_done": d.checks_done,
        "work_done": d.work_done,
        "parts": [
            {
                "part_number": p.part_number,
                "description": p.description,
                "quantity": p.quantity,
                "serial_removed": p.serial_removed,
                "serial_fitted": p.serial_fitted,
                "unit_price": p.unit_price,
            }
            for p in d.parts
        ],
        "charges": _charges(d.charges),
        "payments": [
            {
                "method": p.method,
                "amount": p.amount,
                "receipt_number": p.receipt_number,
                "taken_at": p.taken_at,
            }
            for p in d.payments
        ],
        "advice": list(d.advice),
    }


def pickup_receipt_content(d: PickupReceiptData) -> dict[str, Any]:
    """Exactly what the pickup receipt shows (photos by name and hash, signatures excluded)."""
    return {
        "document": "pickup_receipt",
        "company": _company(d.company),
        "receipt_number": d.receipt_number,
        "ticket_number": d.ticket_number,
        "revision": d.revision,
        "customer": _customer(d.customer),
        "item": _item(d.item),
        "taken_at": d.taken_at,
        "promised_return_date": d.promised_return_date,
        "technician": d.technician_name,
        "condition": d.condition,
        "accessories": list(d.accessories),
        "reason": d.reason,
        "photos": _photos(d.photos),
    }


def return_receipt_content(d: ReturnReceiptData) -> dict[str, Any]:
    """Exactly what the return receipt shows, signature image excluded."""
    return {
        "document": "return_receipt",
        "company": _company(d.company),
        "receipt_number": d.receipt_number,
        "pickup_receipt_number": d.pickup_receipt_number,
        "ticket_number": d.ticket_number,
        "revision": d.revision,
        "customer": _customer(d.customer),
        "item": _item(d.item),
        "returned_at": d.returned_at,
        "work_done": d.work_done,
        "condition_on_return": d.condition_on_return,
        "charges": _charges(d.charges),
        "charges_total": d.charges_total,
        "technician": d.technician_name,
        "photos": _photos(d.photos),
    }


def code_for(content: dict[str, Any]) -> str:
    """The verification code printed on the document and carried in its QR."""
    return verification_code(content_hash(content))


def qr_payload(ticket_number: str, receipt_number: str, code: str) -> str:
    """`FT1|ticket|receipt|code`, read by a phone; the receipt is empty on a repair slip."""
    return f"FT1|{ticket_number}|{receipt_number}|{code}"
