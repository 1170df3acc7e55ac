"""Realistic, seeded data for benchmarks, screenshots and demos: jobs as if synced from the office.

Names are mostly Chinese and Latin with a few Arabic ones, so every screen and document meets
every script. The same seed always gives the same data.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from fieldtech.domain.enums import (
    Channel,
    ChargeKind,
    JobCategory,
    JobStatus,
    PaymentMethod,
    Urgency,
)
from fieldtech.models import (
    ChargeLine,
    Customer,
    CustomerItem,
    Diagnosis,
    Job,
    PartUsed,
    Payment,
    ProductCategory,
    Technician,
    Visit,
)

SURNAMES_ZH = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN_ZH = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
]
LATIN = [
    "Émile Durand",
    "Sofia Rossi",
    "Lukas Müller",
    "Ana Ramírez",
    "James O'Neill",
    "Zoë Lefèvre",
    "Mateo Silva",
    "Ingrid Nørgaard",
    "Chloé Martin",
    "Tomás Horvat",
]
ARABIC = ["محمد العلي", "فاطمة الزهراء", "أحمد حسن", "ليلى منصور"]
STREETS = ["建国路", "中山路", "人民路", "解放大道", "Rue de Rivoli", "Via Roma", "Hauptstraße"]
CITIES = ["北京市朝阳区", "上海市浦东新区", "广州市天河区", "深圳市南山区", "成都市武侯区"]
PRODUCTS = [
    (
        "washing_machine",
        "Washing machine",
        24,
        ["WM-8000", "WM-7200", "WD-9100"],
        ["E21", "E30", "F06"],
    ),
    ("refrigerator", "Refrigerator", 36, ["RF-450", "RF-620"], ["E1", "E5", "H3"]),
    ("air_conditioner", "Air conditioner", 36, ["AC-35G", "AC-50W"], ["E4", "F1", "P4"]),
    ("water_heater", "Water heater", 24, ["WH-60L", "WH-80L"], ["E2", "E3"]),
    ("dishwasher", "Dishwasher", 24, ["DW-14S"], ["E15", "E24"]),
]
SYMPTOMS = [
    "Stops mid-cycle, water left in drum",
    "Loud noise when spinning",
    "Not cooling",
    "Leaks from the bottom",
    "No power",
    "Error code on display",
    "Not heating water",
]
CAUSES = [
    "Drain pump blocked",
    "Worn drive belt",
    "Refrigerant leak",
    "Faulty thermostat",
    "Blown fuse on main board",
    "Door seal torn",
]
PARTS = [
    ("WM-PUMP-01", "Drain pump 40 W", "85.00"),
    ("WM-BELT-07", "Drive belt 1270 J5", "32.50"),
    ("RF-THERM-2", "Thermostat", "46.00"),
    ("AC-CAP-35", "Run capacitor 35 µF", "28.00"),
    ("WH-ELEM-2K", "Heating element 2 kW", "120.00"),
    ("DW-SEAL-14", "Door seal", "55.00"),
]


def _name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.75:
        return rng.choice(SURNAMES_ZH) + "".join(rng.choices(GIVEN_ZH, k=rng.choice((1, 2))))
    if roll < 0.95:
        return rng.choice(LATIN)
    return rng.choice(ARABIC)


def _chunks(rows: list[dict[str, Any]], size: int = 2000) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def seed(
    session: Session,
    *,
    jobs: int,
    technician_id: uuid.UUID,
    seed_value: int = 1,
    today: dt.date | None = None,
) -> int:
    """Insert `jobs` jobs with customers, items, visits, diagnoses, parts, charges and payments.

    Rows go in with bulk inserts and no change capture: they stand for data already synced.
    Returns the number of rows written.
    """
    rng = random.Random(seed_value)
    today = today or dt.datetime.now(dt.UTC).date()
    categories = []
    for code, name, months, _models, _codes in PRODUCTS:
        existing = session.query(ProductCategory).filter_by(code=code).one_or_none()
        if existing is None:
            existing = ProductCategory(code=code, name=name, warranty_months=months)
            session.add(existing)
        categories.append(existing)
    if session.get(Technician, technician_id) is None:
        session.add(
            Technician(
                id=technician_id,
                username=f"tech-{technician_id.hex[:6]}",
                display_name="Li Na 李娜",
            )
        )
    session.flush()
    tables: dict[Any, list[dict[str, Any]]] = {
        m: []
        for m in (Customer, CustomerItem, Job, Visit, Diagnosis, PartUsed, ChargeLine, Payment)
    }
    counters: dict[str, int] = {}
    for _ in range(jobs):
        day = today - dt.timedelta(days=int(rng.expovariate(1 / 200)))
        month = f"{day.year:04d}{day.month:02d}"
        counters[month] = counters.get(month, 0) + 1
        product = rng.randrange(len(PRODUCTS))
        _code, _label, _months, models, fault_codes = PRODUCTS[product]
        customer_id, item_id, job_id = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
        start = dt.datetime.combine(day, dt.time(rng.choice((9, 10, 13, 15)), 0), dt.UTC)
        stamp = {"created_at": start - dt.timedelta(days=2), "updated_at": start}
        tables[Customer].append(
            {
                "id": customer_id,
                "name": _name(rng),
                **stamp,
                "phone": f"1{rng.randrange(30, 90)}{rng.randrange(10**8):08d}",
                "address": f"{rng.choice(CITIES)}{rng.choice(STREETS)}{rng.randrange(1, 300)}号",
                "email": "",
            }
        )
        tables[CustomerItem].append(
            {
                "id": item_id,
                "customer_id": customer_id,
                "category_id": categories[product].id,
                "brand": "FieldTech",
                "model": rng.choice(models),
                **stamp,
                "serial": f"SN{day.year}{rng.randrange(10**7):07d}",
                "purchase_date": day - dt.timedelta(days=rng.randrange(30, 1500)),
            }
        )
        done = day < today
        tables[Job].append(
            {
                "id": job_id,
                "ticket_number": f"{month}-{counters[month]:03d}",
                **stamp,
                "customer_id": customer_id,
                "item_id": item_id,
                "channel": rng.choice(list(Channel)),
                "category": JobCategory.PRODUCT_FAULT,
                "sub_category": "other",
                "urgency": Urgency.MAJOR if rng.random() < 0.02 else Urgency.NORMAL,
                "fault_description": rng.choice(SYMPTOMS),
                "preferred_time": "",
                "appointment_start": start,
                "appointment_end": start + dt.timedelta(hours=2),
                "technician_id": technician_id,
                "revision": 1,
                "status": JobStatus.CLOSED if done else JobStatus.ASSIGNED,
                "first_response_at": start - dt.timedelta(days=2),
                "closed_at": start if done else None,
            }
        )
        if not done:
            continue
        tables[Visit].append(
            {
                "id": uuid.uuid4(),
                "job_id": job_id,
                "technician_id": technician_id,
                **stamp,
                "arrived_at": start + dt.timedelta(minutes=rng.randrange(-10, 40)),
                "departed_at": start + dt.timedelta(minutes=rng.randrange(50, 150)),
            }
        )
        tables[Diagnosis].append(
            {
                "id": uuid.uuid4(),
                "job_id": job_id,
                "visit_id": None,
                **stamp,
                "symptoms": rng.choice(SYMPTOMS),
                "cause": rng.choice(CAUSES),
                "fault_code": rng.choice(fault_codes),
                "checks_done": "Power, door lock, drain hose",
            }
        )
        part_number, description, price = rng.choice(PARTS)
        tables[PartUsed].append(
            {
                "id": uuid.uuid4(),
                "job_id": job_id,
                "part_number": part_number,
                **stamp,
                "description": description,
                "quantity": 1,
                "unit_price": Decimal(price),
                "serial_removed": f"R{rng.randrange(10**6):06d}",
                "serial_fitted": f"F{rng.randrange(10**6):06d}",
            }
        )
        tables[ChargeLine].append(
            {
                "id": uuid.uuid4(),
                "job_id": job_id,
                "kind": ChargeKind.LABOUR,
                **stamp,
                "description": "Labour",
                "quantity": Decimal("1"),
                "unit_price": Decimal("120.00"),
                "tax_rate": Decimal("0.13"),
            }
        )
        tables[Payment].append(
            {
                "id": uuid.uuid4(),
                "job_id": job_id,
                "technician_id": technician_id,
                **stamp,
                "method": rng.choice(list(PaymentMethod)),
                "amount": Decimal(price) + Decimal("135.60"),
                "receipt_number": f"RC{rng.randrange(10**8):08d}",
                "taken_at": start + dt.timedelta(hours=1),
            }
        )
    written = 0
    for model, rows in tables.items():
        for chunk in _chunks(rows):
            session.execute(insert(model), chunk)
            written += len(chunk)
    return written
