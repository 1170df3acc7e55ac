"""The dashboard pages: sign-in with CSRF, intake with the big ticket number, the jobs list."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from fieldtech.models import Customer, Job
from sync.server.models import Role, User
from tests.sync.server.conftest import PASSWORD, AddUser


def _form_token(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]+)"', html)
    assert match, f"no {name} in the page"
    return match.group(1)


def _sign_in(client: TestClient, username: str) -> str:
    """Signs in through the form; returns the CSRF token the next pages carry."""
    page = client.get("/signin")
    response = client.post(
        "/signin",
        data={
            "username": username,
            "password": PASSWORD,
            "form_token": _form_token(page.text, "form_token"),
        },
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/jobs"
    return _form_token(client.get("/intake").text, "csrf_token")


def _intake_form(csrf: str, **overrides: str) -> dict[str, str]:
    form = {
        "csrf_token": csrf,
        "customer_name": "陈静",
        "phone": "135 5555 6666",
        "address": "1 Road",
        "model": "WM-800",
        "serial": "SN-1",
        "purchase_date": "2025-02-01",
        "fault_description": "water on the floor",
        "channel": "phone",
        "category": "product_fault",
        "sub_category": "leak",
        "urgency": "normal",
        "preferred_time": "",
    }
    form.update(overrides)
    return form


def _jobs(client: TestClient) -> int:
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        return session.scalar(select(func.count()).select_from(Job)) or 0


def test_pages_signed_out_redirect_to_sign_in(client: TestClient) -> None:
    for path in ("/jobs", "/intake", "/"):
        response = client.get(path, follow_redirects=True)
        assert response.url.path == "/signin", path
        assert 'name="password"' in response.text


def test_sign_in_form_without_its_token_refused_403(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    body = {"username": "office1", "password": PASSWORD, "form_token": "forged"}
    response = client.post("/signin", data=body, follow_redirects=False)
    assert response.status_code == 403
    assert client.get("/jobs", follow_redirects=False).status_code == 303


def test_sign_in_form_wrong_password_shows_message_401(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    page = client.get("/signin")
    body = {
        "username": "office1",
        "password": "nope",
        "form_token": _form_token(page.text, "form_token"),
    }
    response = client.post("/signin", data=body)
    assert response.status_code == 401
    assert "Wrong user name or password." in response.text


def test_technician_cannot_use_dashboard(client: TestClient, add_user: AddUser) -> None:
    add_user("tech1", Role.TECHNICIAN)
    page = client.get("/signin")
    body = {
        "username": "tech1",
        "password": PASSWORD,
        "form_token": _form_token(page.text, "form_token"),
    }
    assert client.post("/signin", data=body, follow_redirects=False).status_code == 403


def test_intake_saves_and_shows_big_ticket_number(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    response = client.post("/intake", data=_intake_form(csrf, urgency="major"))
    assert response.status_code == 201
    ticket = re.search(r'class="ticket"[^>]*>(\d{6}-\d{3})<', response.text)
    assert ticket is not None
    assert "supervisor" in response.text
    listing = client.get("/jobs", params={"q": ticket.group(1)})
    assert ticket.group(1) in listing.text
    assert "Jobs found: 1" in listing.text


def test_intake_bad_date_shows_field_error_and_saves_nothing(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    response = client.post("/intake", data=_intake_form(csrf, purchase_date="2999-01-01"))
    assert response.status_code == 422
    assert "the purchase date must lie between" in response.text
    assert 'value="陈静"' in response.text
    assert _jobs(client) == 0


def test_intake_without_csrf_token_refused_403(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    _sign_in(client, "office1")
    response = client.post("/intake", data=_intake_form("forged"))
    assert response.status_code == 403
    assert _jobs(client) == 0


def test_pages_escape_script_in_customer_text(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    hostile = "<script>alert(1)</script>"
    client.post("/intake", data=_intake_form(csrf, customer_name=hostile))
    listing = client.get("/jobs")
    assert hostile not in listing.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listing.text
    assert "default-src 'self'" in listing.headers["content-security-policy"]


def test_chinese_user_sees_chinese_pages(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        session.scalars(select(User).where(User.username == "office1")).one().language = "zh_CN"
        session.commit()
    _sign_in(client, "office1")
    page = client.get("/jobs")
    assert '<html lang="zh-CN">' in page.text
    assert "受理来电" in page.text
    assert "共 0 个工单" in page.text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_sign_in_page_language_switch(client: TestClient, lang: str) -> None:
    page = client.get("/signin", params={"lang": lang})
    assert ("登录" in page.text) is (lang == "zh_CN")


def test_empty_filters_from_plain_form_mean_any(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    client.post("/intake", data=_intake_form(csrf))
    params = {"q": "", "job_status": "", "category": "", "urgency": ""}
    page = client.get("/jobs", params=params)
    assert page.status_code == 200
    assert "Jobs found: 1" in page.text


def test_sign_out_needs_csrf_and_ends_session(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    assert client.post("/signout", data={"csrf_token": "forged"}).status_code == 403
    response = client.post("/signout", data={"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303
    assert client.get("/jobs", follow_redirects=False).status_code == 303


def test_vendored_htmx_served_with_its_licence(client: TestClient) -> None:
    script = client.get("/static/htmx.min.js")
    assert script.status_code == 200
    assert "htmx" in script.text[:200]
    assert "Zero-Clause BSD" in client.get("/static/htmx.LICENSE.txt").text


def _job_id(client: TestClient) -> str:
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        return str(session.scalars(select(Job.id)).one())


def _assign_form(
    client: TestClient, job_id: str, csrf: str, technician: str, day: str
) -> dict[str, str]:
    page = client.get(f"/jobs/{job_id}").text
    return {
        "csrf_token": csrf,
        "expected_updated_at": _form_token(page, "expected_updated_at"),
        "technician_id": technician,
        "day": day,
        "start": "09:00",
        "end": "11:00",
    }


def test_job_page_assigns_in_office_time_zone(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    add_user("tech1", Role.TECHNICIAN)
    csrf = _sign_in(client, "office1")
    client.post("/intake", data=_intake_form(csrf))
    job_id = _job_id(client)
    technician = client.get("/api/v1/technicians").json()[0]["id"]
    form = _assign_form(client, job_id, csrf, technician, "2026-12-01")
    response = client.post(f"/jobs/{job_id}/assign", data=form, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(f"/jobs/{job_id}").text
    assert "2026-12-01 01:00 UTC" in page
    assert "job.assign" in page


def test_job_page_stale_assign_shows_who_changed_it_saves_nothing(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    add_user("tech1", Role.TECHNICIAN)
    csrf = _sign_in(client, "office1")
    client.post("/intake", data=_intake_form(csrf))
    job_id = _job_id(client)
    technician = client.get("/api/v1/technicians").json()[0]["id"]
    stale = _assign_form(client, job_id, csrf, technician, "2026-12-01")
    fresh = _assign_form(client, job_id, csrf, technician, "2026-12-02")
    assert (
        client.post(f"/jobs/{job_id}/assign", data=fresh, follow_redirects=False).status_code == 303
    )
    response = client.post(f"/jobs/{job_id}/assign", data=stale)
    assert response.status_code == 409
    assert "changed by office1 at" in response.text
    assert "2026-12-02 01:00 UTC" in response.text


def test_supervisor_queue_page_lists_open_major_cases_only(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    client.post("/intake", data=_intake_form(csrf, customer_name="Calm Customer"))
    client.post("/intake", data=_intake_form(csrf, customer_name="Smoke Alarm", urgency="major"))
    page = client.get("/queue")
    assert page.status_code == 200
    assert "Smoke Alarm" in page.text
    assert "Calm Customer" not in page.text


def test_intake_finds_caller_on_file_and_reuses_the_record(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    client.post("/intake", data=_intake_form(csrf))
    matches = client.get("/intake/matches", params={"phone": "5555"})
    link = re.search(r'href="(/intake\?customer=[^"]+&amp;item=[^"]+)"', matches.text)
    assert link is not None, matches.text
    prefilled = client.get(link.group(1).replace("&amp;", "&")).text
    assert 'value="陈静"' in prefilled
    form = {
        "csrf_token": csrf,
        "customer_id": _form_token(prefilled, "customer_id"),
        "item_id": _form_token(prefilled, "item_id"),
        "fault_description": "again",
        "channel": "phone",
        "category": "product_fault",
        "urgency": "normal",
    }
    assert client.post("/intake", data=form).status_code == 201
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        customers = session.scalar(select(func.count()).select_from(Customer))
        items = set(session.scalars(select(Job.item_id)))
    assert (customers, len(items)) == (1, 1)
    assert client.get("/intake/matches", params={"customer_name": "x"}).text.strip() == ""
