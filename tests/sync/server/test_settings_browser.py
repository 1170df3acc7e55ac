"""Settings in a real browser (Debian's Chromium through Playwright): an admin renames the
company, uploads a logo, and records van stock after picking a technician (htmx swaps the van in)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from sync.server import migrate
from sync.server.db import make_engine, make_sessionmaker
from sync.server.models import Role
from sync.server.process import office_thread
from sync.server.settings import Settings
from sync.server.users import create_user
from tests.sync.server.conftest import PASSWORD
from tests.sync.server.test_dashboard_browser import CHROMIUM_FLAGS
from tests.tools import need_executable

MOVE_FORM = "form[method=post][action='/settings/van-stock']"


@pytest.mark.browser
@pytest.mark.slow
def test_admin_changes_company_logo_and_van_stock_in_chromium(tmp_path: Path) -> None:
    chromium = need_executable("chromium", "chromium")
    from playwright.sync_api import expect, sync_playwright

    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        create_user(session, "boss", Role.ADMIN, PASSWORD)
        create_user(session, "tech.li", Role.TECHNICIAN, PASSWORD)
        session.commit()
    engine.dispose()
    logo = tmp_path / "logo.png"
    picture = io.BytesIO()
    Image.new("RGB", (120, 40), (180, 20, 20)).save(picture, format="PNG")
    logo.write_bytes(picture.getvalue())
    settings = Settings(database_url=url, secure_cookies=False)
    with office_thread(settings) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{base}/signin")
        page.fill("input[name=username]", "boss")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/jobs")
        page.click("nav >> text=Settings")
        page.wait_for_url(f"{base}/settings/company")
        page.fill("input[name=name]", "Huaxin Service 华信")
        page.fill("input[name=tax_percent]", "9")
        invalid = page.eval_on_selector(
            "form[action='/settings/company']",
            "f => [...f.elements].filter(e => !e.checkValidity())"
            ".map(e => e.name + ': ' + e.validationMessage)",
        )
        assert not invalid, invalid
        with page.expect_navigation():
            page.click("form[action='/settings/company'] button.primary")
        assert page.url.endswith("?saved=1"), page.url
        expect(page.locator(".notice")).to_be_visible()
        expect(page.locator("input[name=name]")).to_have_value("Huaxin Service 华信")
        page.set_input_files("input[name=logo]", str(logo))
        page.click("text=Upload logo")
        expect(page.locator("img.logo")).to_be_visible()
        width = page.eval_on_selector("img.logo", "img => img.naturalWidth")
        assert width == 120

        page.goto(f"{base}/settings/parts")
        page.fill("form[action='/settings/parts'] input[name=part_number]", "BELT-7")
        page.fill("form[action='/settings/parts'] input[name=description]", "Drive belt")
        page.fill("form[action='/settings/parts'] input[name=unit_price]", "18.50")
        page.click("form[action='/settings/parts'] button")
        expect(page.locator(".grid-row .code")).to_contain_text("BELT-7")

        page.goto(f"{base}/settings/van-stock")
        page.select_option("select[name=technician]", label="tech.li")
        expect(page.locator(MOVE_FORM)).to_be_visible()
        assert "technician=" in page.url
        page.fill(f"{MOVE_FORM} input[name=part_number]", "BELT-7")
        page.fill(f"{MOVE_FORM} input[name=quantity]", "3")
        page.click(f"{MOVE_FORM} button")
        expect(page.locator("#van table").first).to_contain_text("Drive belt")
        expect(page.locator("#van")).to_contain_text("+3")
        browser.close()
