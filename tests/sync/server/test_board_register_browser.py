"""The assignment board and the repair register in a real browser (Debian's Chromium through
Playwright): assign a waiting job from the board, record a movement, print a return receipt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldtech.domain.enums import JobCategory, MovementKind
from fieldtech.models import Customer, ItemMovement, Job, PickupReceipt
from sync.server import migrate
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Role
from sync.server.process import office_thread
from sync.server.settings import Settings
from sync.server.users import create_user
from tests.sync.server.conftest import PASSWORD
from tests.sync.server.test_dashboard_browser import CHROMIUM_FLAGS
from tests.tools import need_executable


def _office(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    now = dt.datetime.now(dt.UTC)
    with make_sessionmaker(engine)() as session:
        create_user(session, "clerk", Role.OFFICE, PASSWORD)
        create_user(session, "li.na", Role.TECHNICIAN, PASSWORD)
        for number, name in ((1, "Waiting Customer"), (2, "Workshop Customer")):
            customer = Customer(name=name, phone="139 0000 1111", address="1 Road")
            session.add(customer)
            session.flush()
            job = Job(
                ticket_number=f"202611-{number:03d}",
                customer_id=customer.id,
                category=JobCategory.PRODUCT_FAULT,
                fault_description="no cooling",
            )
            session.add(job)
            session.flush()
        pickup = PickupReceipt(
            job_id=job.id,
            receipt_number="P-K7Q2-000001",
            taken_at=now - dt.timedelta(days=9),
            promised_return_date=(now - dt.timedelta(days=4)).date(),
        )
        session.add(pickup)
        session.flush()
        session.add(ItemMovement(pickup_id=pickup.id, kind=MovementKind.TAKEN, at=pickup.taken_at))
        session.commit()
    engine.dispose()
    return url


@pytest.mark.browser
@pytest.mark.slow
def test_browser_assign_from_board_then_return_item_at_counter_and_print(tmp_path: Path) -> None:
    chromium = need_executable("chromium", "chromium")
    from playwright.sync_api import expect, sync_playwright

    settings = Settings(
        database_url=_office(tmp_path), secure_cookies=False, attachments_dir=tmp_path / "blobs"
    )
    with office_thread(settings) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{base}/signin")
        page.fill("input[name=username]", "clerk")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/jobs")

        page.click("nav >> text=Assignment board")
        row = page.locator("tr", has_text="Waiting Customer")
        expect(row.locator(".clock").first).to_contain_text("First response")
        row.locator("select[name=technician_id]").select_option(label="li.na")
        row.locator("input[name=start]").fill("14:00")
        row.locator("input[name=end]").fill("16:00")
        row.locator("button", has_text="Assign").click()
        expect(page.locator(".board-waiting tr", has_text="Waiting Customer")).to_have_count(0)
        card = page.locator(".card-job", has_text="Waiting Customer")
        expect(card).to_contain_text("14:00–16:00")
        expect(card.locator(".clock.met")).to_contain_text("First response")

        page.click("nav >> text=Repair register")
        item = page.locator("tr", has_text="P-K7Q2-000001")
        expect(item.locator(".pill.overdue")).to_contain_text("Overdue by")
        item.locator("select[name=kind]").select_option("in_workshop")
        item.locator("input[name=note]").fill("shelf B")
        item.locator("button", has_text="Record").click()
        item = page.locator("tr", has_text="P-K7Q2-000001")
        expect(item).to_contain_text("shelf B")
        item.locator("summary").click()
        item.locator("textarea[name=work_done]").fill("Compressor relay replaced")
        item.locator("button", has_text="Issue receipt").click()
        page.locator("select[name=view]").select_option("all")
        item = page.locator("tr", has_text="P-K7Q2-000001")
        expect(item).to_contain_text("R-K7Q2-000001-OF")
        link = item.locator("a", has_text="Print A4").get_attribute("href")
        assert link
        pdf = page.request.get(base + link)
        assert pdf.status == 200
        assert pdf.headers["content-type"] == "application/pdf"
        browser.close()
