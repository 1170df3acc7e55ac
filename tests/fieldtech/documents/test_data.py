"""The signed content and verification code of each document."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from fieldtech.documents.data import (
    Photo,
    code_for,
    pickup_receipt_content,
    qr_payload,
    repair_slip_content,
    return_receipt_content,
)
from fieldtech.documents.sample import (
    sample_pickup_receipt,
    sample_repair_slip,
    sample_return_receipt,
)
from fieldtech.rules.signing import normalise_code


def test_code_same_content_is_stable_and_readable() -> None:
    first = code_for(repair_slip_content(sample_repair_slip()))
    second = code_for(repair_slip_content(sample_repair_slip()))
    assert first == second
    assert normalise_code(first) == first
    assert len(first) == 14


def test_code_changed_part_price_differs() -> None:
    slip = sample_repair_slip()
    part = dataclasses.replace(slip.parts[0], unit_price=Decimal("187.00"))
    changed = dataclasses.replace(slip, parts=(part, *slip.parts[1:]))
    assert code_for(repair_slip_content(changed)) != code_for(repair_slip_content(slip))


def test_code_signature_image_is_not_content_unchanged() -> None:
    slip = sample_repair_slip()
    unsigned = dataclasses.replace(slip, customer_signature=None)
    assert code_for(repair_slip_content(unsigned)) == code_for(repair_slip_content(slip))


def test_content_receipts_carry_their_numbers() -> None:
    pickup = pickup_receipt_content(sample_pickup_receipt())
    back = return_receipt_content(sample_return_receipt())
    assert pickup["receipt_number"] == "P-K7Q2-000124"
    assert back["pickup_receipt_number"] == pickup["receipt_number"]
    changed = dataclasses.replace(sample_pickup_receipt(), accessories=("Glass turntable",))
    assert code_for(pickup_receipt_content(changed)) != code_for(pickup)


def test_qr_payload_names_ticket_receipt_and_code() -> None:
    assert qr_payload("202611-001", "P-K7Q2-000123", "ABCD-EFGH-IJKL") == (
        "FT1|202611-001|P-K7Q2-000123|ABCD-EFGH-IJKL"
    )


def test_code_changed_photo_differs() -> None:
    first = sample_pickup_receipt(photos=(Photo("front.jpg", None, "a" * 64),))
    second = sample_pickup_receipt(photos=(Photo("front.jpg", None, "b" * 64),))
    assert code_for(pickup_receipt_content(first)) != code_for(pickup_receipt_content(second))
