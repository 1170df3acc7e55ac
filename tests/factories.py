"""Test data builders: a laptop identity with a lent ticket block, van stock, and jobs."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from fieldtech.models import Technician, VanStock
from fieldtech.usecases import device
from fieldtech.usecases.common import Db
from fieldtech.usecases.visit import NewJob, open_job

TODAY = dt.date(2026, 11, 25)
PREFIX = "K7Q2"


def set_up_laptop(db: Db, *, today: dt.date = TODAY, block: tuple[int, int] = (1, 50)) -> uuid.UUID:
    """A signed-in technician with a device prefix, a ticket block for `today`'s month and van stock."""
    with db.begin() as session:
        tech = Technician(username="li.na", display_name="Li Na 李娜")
        session.add(tech)
        session.flush()
        device.set_identity(session, device_prefix=PREFIX, technician_id=tech.id)
        device.lend_block(
            session, month=f"{today.year:04d}{today.month:02d}", first=block[0], last=block[1]
        )
        session.add_all(
            [
                VanStock(
                    technician_id=tech.id,
                    part_number="WM-PUMP-01",
                    description="Drain pump 40 W",
                    quantity=2,
                    unit_price=Decimal("85.00"),
                ),
                VanStock(
                    technician_id=tech.id,
                    part_number="WM-BELT-07",
                    description="Drive belt 1270 J5",
                    quantity=1,
                    unit_price=Decimal("32.50"),
                ),
            ]
        )
        return tech.id


def new_job(db: Db, *, name: str = "Zhang Wei 张伟", today: dt.date = TODAY) -> uuid.UUID:
    job = open_job(
        db,
        NewJob(
            customer_name=name,
            phone="138 0013 8000",
            address="18 Jianguo Road, Chaoyang, Beijing",
            category="product_fault",
            fault_description="Washer stops mid-cycle with water left in the drum",
            model="WM-8000",
            serial="SN-2024-000117",
            purchase_date=dt.date(2025, 3, 2),
        ),
        today=today,
    )
    return job.id
