"""Demo accounts and jobs, so a newcomer sees a populated office at once."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import Channel, JobCategory, Urgency
from fieldtech.models import Job
from sync.server.auth import Principal
from sync.server.job_writes import create_job
from sync.server.models import Role, User
from sync.server.schemas.jobs import CustomerIn, ItemIn, JobCreate
from sync.server.settings import DEFAULT_TIMEZONE
from sync.server.users import create_user

DEMO_ACCOUNTS: tuple[tuple[str, str, Role], ...] = (
    ("admin", "demo-admin-pass", Role.ADMIN),
    ("office", "demo-office-pass", Role.OFFICE),
    ("supervisor", "demo-super-pass", Role.SUPERVISOR),
    ("tech.li", "demo-tech-pass", Role.TECHNICIAN),
    ("tech.wang", "demo-tech-pass", Role.TECHNICIAN),
)

DEMO_CALLS: tuple[JobCreate, ...] = (
    JobCreate(
        customer=CustomerIn(name="张伟", phone="138 0013 8000", address="北京市朝阳区建国路 88 号"),
        item=ItemIn(brand="Haier", model="XQG100-B12", serial="HX2024-001", purchase_date=None),
        fault_description="Drum stops mid-cycle with error E21.",
        category=JobCategory.PRODUCT_FAULT,
        sub_category="error_code",
    ),
    JobCreate(
        customer=CustomerIn(name="Emily Chen", phone="+86 139 1111 2222", address="5 Park Lane"),
        item=ItemIn(brand="Midea", model="KFR-35GW", serial="MD35-7781"),
        fault_description="Smell of burning plastic from the indoor unit.",
        category=JobCategory.PRODUCT_FAULT,
        sub_category="other",
        urgency=Urgency.MAJOR,
        channel=Channel.EMAIL,
    ),
    JobCreate(
        customer=CustomerIn(
            name="李娜", phone="137 2222 3333", address="上海市徐汇区漕溪北路 1 号"
        ),
        item=ItemIn(brand="Gree", model="GR-250", serial="GR250-0042"),
        fault_description="How to clean the filter?",
        category=JobCategory.USAGE_QUESTION,
        sub_category="maintenance",
        channel=Channel.ONLINE,
        preferred_time="Saturday morning",
    ),
)


def load_demo_data(session: Session, timezone: str = DEFAULT_TIMEZONE) -> int:
    """Adds whatever demo rows are missing; running it twice adds nothing. Returns jobs added."""
    for username, password, role in DEMO_ACCOUNTS:
        if session.scalar(select(User.id).where(User.username == username)) is None:
            create_user(session, username, role, password)
    office = session.scalars(select(User).where(User.username == "office")).one()
    who = Principal(office, None, None, "127.0.0.1", "fieldtech-office demo-data")
    if session.scalar(select(func.count()).select_from(Job)):
        return 0
    for call in DEMO_CALLS:
        create_job(session, who, call, timezone)
    return len(DEMO_CALLS)
