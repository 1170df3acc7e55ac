"""The dashboard in a real browser (Debian's Chromium through Playwright): sign in, take a call,
read the ticket number, find the job by typing in the search box (htmx, no page reload)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from sync.server import migrate
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Role
from sync.server.process import office_thread
from sync.server.settings import Settings
from sync.server.users import create_user
from tests.sync.server.conftest import PASSWORD
from tests.tools import need_executable

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.mark.browser
@pytest.mark.slow
def test_browser_sign_in_take_call_then_search_finds_it(tmp_path: Path) -> None:
    chromium = need_executable("chromium", "chromium")
    from playwright.sync_api import expect, sync_playwright

    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        create_user(session, "clerk", Role.OFFICE, PASSWORD)
        session.commit()
    engine.dispose()
    settings = Settings(database_url=url, secure_cookies=False)
    with office_thread(settings) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{base}/signin")
        page.fill("input[name=username]", "clerk")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/jobs")
        page.goto(f"{base}/intake")
        page.fill("input[name=customer_name]", "Zhao Lei")
        page.fill("input[name=phone]", "139 0000 1111")
        page.fill("input[name=model]", "KFR-35GW")
        page.fill("textarea[name=fault_description]", "no cooling")
        page.click("button.big")
        ticket = page.locator(".ticket").inner_text()
        assert re.fullmatch(r"\d{6}-001", ticket)
        page.goto(f"{base}/jobs")
        page.fill("input[type=search]", "nobody-by-this-name")
        expect(page.locator("#results")).to_contain_text("Jobs found: 0")
        page.fill("input[type=search]", "zhao")
        expect(page.locator("#results")).to_contain_text(ticket)
        assert "q=zhao" in page.url
        browser.close()


@pytest.mark.browser
@pytest.mark.slow
def test_browser_call_assign_visit_follow_up_escalation_and_csv(tmp_path: Path) -> None:
    """The office's whole loop: a clerk takes a call and assigns it on the board, the
    technician's laptop syncs a visit over HTTP, the clerk calls the customer back, a rating of 2
    reaches the supervisor's queue, a complaint is routed and filtered (htmx), and the jobs and
    the figures export as CSV."""
    chromium = need_executable("chromium", "chromium")
    import datetime as dt
    import uuid
    from zoneinfo import ZoneInfo

    from playwright.sync_api import expect, sync_playwright

    from fieldtech.store.capture import install_capture
    from fieldtech.store.engine import open_store
    from fieldtech.usecases.visit import record_arrival, record_departure
    from sync.client.engine import SyncEngine
    from sync.client.http import HttpTransport
    from sync.client.signin import sign_in

    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        create_user(session, "clerk", Role.OFFICE, PASSWORD)
        create_user(session, "boss", Role.SUPERVISOR, PASSWORD)
        create_user(session, "tech.li", Role.TECHNICIAN, PASSWORD)
        session.commit()
    engine.dispose()
    settings = Settings(database_url=url, secure_cookies=False)
    today = dt.datetime.now(ZoneInfo(settings.timezone)).date()
    with office_thread(settings) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        clerk = browser.new_context(accept_downloads=True).new_page()

        def sign_in_as(page: Any, username: str) -> None:
            page.goto(f"{base}/signin")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/jobs")

        sign_in_as(clerk, "clerk")
        clerk.click("nav >> text=Take a call")
        clerk.fill("input[name=customer_name]", "Zhao Lei")
        clerk.fill("input[name=phone]", "139 0000 2222")
        clerk.fill("input[name=model]", "KFR-35GW")
        clerk.fill("textarea[name=fault_description]", "no cooling since Monday")
        clerk.click("button.big")
        ticket = clerk.locator(".ticket").inner_text()
        job_path = clerk.locator("a[href^='/jobs/']").first.get_attribute("href")
        assert job_path is not None
        job_id = job_path.rsplit("/", 1)[-1]

        clerk.click("nav >> text=Assignment board")
        form = clerk.locator(f"form.assign-inline:has(input[name=job_id][value='{job_id}'])")
        form.locator("select[name=technician_id]").select_option(label="tech.li")
        form.locator("input[name=day]").fill(today.isoformat())
        form.locator("button[type=submit]").click()
        clerk.goto(f"{base}{job_path}")
        facts = clerk.locator("dl.facts")
        expect(facts).to_contain_text("tech.li")
        expect(facts).to_contain_text("Assigned")

        # The technician's laptop: encrypted store, signed in over HTTP, a visit synced.
        signed = sign_in(base, "tech.li", PASSWORD, uuid.uuid4())
        with open_store(
            tmp_path / "laptop.db", bytes(range(32)), on_sessionmaker=[install_capture]
        ) as laptop:
            sync = SyncEngine(laptop.sessions, HttpTransport(base, signed.token))
            assert sync.sync().ok
            record_arrival(laptop.sessions, uuid.UUID(job_id))
            record_departure(laptop.sessions, uuid.UUID(job_id))
            report = sync.sync()
            assert report.ok, report.message
            assert report.rejected == 0

        clerk.click("nav >> text=Follow-ups")
        clerk.fill("input[name=due_by]", (today + dt.timedelta(days=7)).isoformat())
        clerk.click("form.filters button[type=submit]")
        row = clerk.locator("table.calls tr", has_text=ticket)
        expect(row).to_contain_text("7-day satisfaction call")
        row.locator("text=Record the call").click()
        clerk.check("input[name=rating][value='2']")
        clerk.fill("textarea[name=notes]", "technician left the old filter behind")
        clerk.click("button[type=submit].primary")
        expect(clerk.locator(".notice")).to_contain_text("Rating 2: sent to the supervisor")

        supervisor = browser.new_context().new_page()
        sign_in_as(supervisor, "boss")
        supervisor.click("nav >> text=Supervisor queue")
        escalated = supervisor.locator("#escalations tr", has_text=ticket)
        expect(escalated).to_contain_text("2 – poor")
        expect(escalated).to_contain_text("technician left the old filter behind")
        expect(escalated.locator("button")).to_have_text("Mark handled")

        # The same customer complains about the packaging: routed to the warehouse.
        clerk.goto(f"{base}{job_path}")
        clerk.click("text=Record a complaint")
        expect(clerk.locator("input[name=ticket_number]")).to_have_value(ticket)
        clerk.select_option("select[name=concern]", "packaging")
        clerk.fill("input[name=owner]", "Warehouse lead")
        clerk.fill("textarea[name=description]", "box arrived soaked")
        clerk.click("button[type=submit].primary")
        expect(clerk.locator(".notice")).to_contain_text("routed to Warehouse")
        clerk.select_option("select[name=route]", "sales_management")
        expect(clerk.locator("#results")).to_contain_text("Complaints found: 0")
        clerk.select_option("select[name=route]", "warehouse")
        expect(clerk.locator("#results")).to_contain_text("box arrived soaked")
        assert "route=warehouse" in clerk.url

        clerk.click("nav >> text=Jobs")
        with clerk.expect_download() as jobs_csv:
            clerk.click("text=Export CSV")
        assert ticket in Path(jobs_csv.value.path()).read_text(encoding="utf-8-sig")
        clerk.click("nav >> text=Figures")
        expect(clerk.locator("#figure-satisfaction .value")).to_have_text("2.00")
        with clerk.expect_download() as figures_csv:
            clerk.click("text=Export CSV")
        rows = Path(figures_csv.value.path()).read_text(encoding="utf-8-sig").splitlines()
        assert "figure,satisfaction,2.0,1,1,4.5,no" in rows
        browser.close()
