"""Settings pages: readable without script, admins change them through CSRF-checked forms,
supervisors read only, errors shown next to the field that caused them, English and Chinese."""

from __future__ import annotations

import io
import re

from fastapi.testclient import TestClient
from PIL import Image

from sync.server.models import Role
from tests.sync.server.conftest import PASSWORD, AddUser

SECTIONS = ("company", "categories", "depreciation", "calendar", "parts", "van-stock")


def _token(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert match, f"no {name} in the page"
    return match.group(1)


def _sign_in(client: TestClient, username: str) -> str:
    page = client.get("/signin")
    body = {
        "username": username,
        "password": PASSWORD,
        "form_token": _token(page.text, "form_token"),
    }
    assert client.post("/signin", data=body, follow_redirects=False).status_code == 303
    return _token(client.get("/settings/company").text, "csrf_token")


def _admin(client: TestClient, add_user: AddUser) -> str:
    add_user("boss", Role.ADMIN)
    return _sign_in(client, "boss")


def _company_form(csrf: str, **changes: str) -> dict[str, str]:
    form = {
        "csrf_token": csrf,
        "name": "Huaxin Service",
        "address": "1 Road",
        "phone": "+86 21 1234 5678",
        "currency": "CNY",
        "tax_percent": "6",
        "timezone": "Asia/Shanghai",
        "calendar_country": "CN",
        "document_language": "both",
    }
    return form | changes


def test_every_settings_page_renders_for_an_admin_with_the_nav_link(
    client: TestClient, add_user: AddUser
) -> None:
    _admin(client, add_user)
    for section in SECTIONS:
        page = client.get(f"/settings/{section}")
        assert page.status_code == 200, section
        assert 'href="/settings"' in page.text
        assert f'href="/settings/{section}" aria-current="page"' in page.text


def test_company_form_saves_and_tax_percent_becomes_a_fraction(
    client: TestClient, add_user: AddUser
) -> None:
    csrf = _admin(client, add_user)
    saved = client.post("/settings/company", data=_company_form(csrf), follow_redirects=False)
    assert saved.status_code == 303
    assert saved.headers["location"] == "/settings/company?saved=1"
    page = client.get("/settings/company?saved=1").text
    assert 'value="Huaxin Service"' in page
    assert 'name="tax_percent" type="text" value="6"' in page
    assert "Saved." in page


def test_company_form_bad_currency_is_shown_by_the_field_and_nothing_saved(
    client: TestClient, add_user: AddUser
) -> None:
    csrf = _admin(client, add_user)
    form = _company_form(csrf, currency="rmb", name="<script>alert(1)</script>")
    answer = client.post("/settings/company", data=form)
    assert answer.status_code == 422
    label = re.search(r'<label class="invalid">Currency.*?</label>', answer.text, re.S)
    assert label is not None
    assert 'class="error"' in label.group(0)
    assert "<script>alert(1)</script>" not in answer.text
    assert "&lt;script&gt;" in answer.text
    assert "Huaxin Appliance" in client.get("/settings/company").text


def test_form_without_csrf_token_is_refused_403(client: TestClient, add_user: AddUser) -> None:
    csrf = _admin(client, add_user)
    form = _company_form(csrf)
    form.pop("csrf_token")
    assert client.post("/settings/company", data=form).status_code == 403
    form["csrf_token"] = "forged"
    assert client.post("/settings/company", data=form).status_code == 403


def test_supervisor_reads_without_forms_and_cannot_post(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("sup", Role.SUPERVISOR)
    csrf = _sign_in(client, "sup")
    page = client.get("/settings/categories")
    assert page.status_code == 200
    assert "only an administrator" in page.text
    assert "Add a product category" not in page.text
    refused = client.post("/settings/company", data=_company_form(csrf))
    assert refused.status_code == 403


def test_office_staff_see_no_settings(client: TestClient, add_user: AddUser) -> None:
    add_user("clerk", Role.OFFICE)
    page = client.get("/signin")
    body = {
        "username": "clerk",
        "password": PASSWORD,
        "form_token": _token(page.text, "form_token"),
    }
    client.post("/signin", data=body)
    assert 'href="/settings"' not in client.get("/jobs").text
    assert client.get("/settings/company").status_code == 403


def test_logo_form_refuses_a_path_trick_and_shows_an_uploaded_logo(
    client: TestClient, add_user: AddUser
) -> None:
    csrf = _admin(client, add_user)
    picture = io.BytesIO()
    Image.new("RGB", (60, 30), (0, 90, 160)).save(picture, format="PNG")
    tricked = client.post(
        "/settings/company/logo",
        data={"csrf_token": csrf},
        files={"logo": ("../../../etc/logo.png", picture.getvalue(), "image/png")},
    )
    assert tricked.status_code == 422
    assert "without folders" in tricked.text
    good = client.post(
        "/settings/company/logo",
        data={"csrf_token": csrf},
        files={"logo": ("logo.png", picture.getvalue(), "image/png")},
        follow_redirects=False,
    )
    assert good.status_code == 303
    page = client.get("/settings/company").text
    assert '<img src="/settings/company/logo?v=' in page
    assert client.get("/settings/company/logo").content == picture.getvalue()


def test_depreciation_form_names_the_row_of_a_falling_rate(
    client: TestClient, add_user: AddUser
) -> None:
    csrf = _admin(client, add_user)
    form = {"csrf_token": csrf, "up_to_days_0": "30", "rate_0": "20", "rate_1": "10"}
    answer = client.post("/settings/depreciation", data=form)
    assert answer.status_code == 422
    assert re.search(r'<td class="invalid"><input name="rate_1"', answer.text)
    good = {"csrf_token": csrf, "up_to_days_0": "30", "rate_0": "5", "rate_1": "12.5"}
    assert (
        client.post("/settings/depreciation", data=good, follow_redirects=False).status_code == 303
    )
    page = client.get("/settings/depreciation").text
    assert 'name="rate_1" inputmode="decimal" value="12.5"' in page


def test_calendar_day_added_and_removed(client: TestClient, add_user: AddUser) -> None:
    csrf = _admin(client, add_user)
    bad = client.post("/settings/calendar", data={"csrf_token": csrf, "day": "31/12/2026"})
    assert bad.status_code == 422
    assert "YYYY-MM-DD" in bad.text
    form = {"csrf_token": csrf, "day": "2026-12-31", "working": "0", "note": "Year-end outing"}
    added = client.post("/settings/calendar", data=form, follow_redirects=False)
    assert added.headers["location"] == "/settings/calendar?year=2026&saved=1"
    page = client.get("/settings/calendar?year=2026").text
    assert "Year-end outing" in page
    assert "National Day" in page
    removed = client.post(
        "/settings/calendar/2026-12-31/delete", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert removed.status_code == 303
    assert "Year-end outing" not in client.get("/settings/calendar?year=2026").text


def test_parts_and_van_stock_forms_record_a_move_in_the_trail(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("tech.zhao", Role.TECHNICIAN)
    csrf = _admin(client, add_user)
    part = {"csrf_token": csrf, "part_number": "BELT-7", "description": "Drive belt"}
    part |= {"unit_price": "18.50", "active": "1"}
    assert client.post("/settings/parts", data=part, follow_redirects=False).status_code == 303
    again = client.post("/settings/parts", data=part)
    assert again.status_code == 422
    assert "in the catalogue already" in again.text
    van = client.get("/settings/van-stock").text
    technician = re.search(r'<option value="([0-9a-f-]{36})"', van)
    assert technician is not None
    move = {"csrf_token": csrf, "technician": technician.group(1), "kind": "issue"}
    move |= {"part_number": "BELT-7", "quantity": "4", "note": "new van"}
    done = client.post("/settings/van-stock", data=move, follow_redirects=False)
    assert done.status_code == 303
    page = client.get(done.headers["location"]).text
    assert "<td>BELT-7</td><td>Drive belt</td><td>4</td>" in page
    assert "+4" in page
    assert "new van" in page
    htmx = client.get(
        f"/settings/van-stock?technician={technician.group(1)}", headers={"HX-Request": "true"}
    )
    assert htmx.text.lstrip().startswith(('<div id="van">', '\n<div id="van">'))


def test_settings_pages_in_chinese(client: TestClient, add_user: AddUser) -> None:
    _admin(client, add_user)
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        from sqlalchemy import update

        from sync.server.models import User

        session.execute(update(User).values(language="zh_CN"))
        session.commit()
    words = {
        "company": "公司名称",
        "categories": "保修期（月）",
        "depreciation": "折旧率",
        "calendar": "法定节假日",
        "parts": "配件编号",
        "van-stock": "请选择一位技术员",
    }
    for section, word in words.items():
        page = client.get(f"/settings/{section}").text
        assert word in page, section
        assert ">设置<" in page
