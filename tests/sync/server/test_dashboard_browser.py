"""The dashboard in a real browser (Debian's Chromium through Playwright): sign in, take a call,
read the ticket number, find the job by typing in the search box (htmx, no page reload)."""

from __future__ import annotations

import re
from pathlib import Path

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
