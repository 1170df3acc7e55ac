"""Dashboard pages of follow-up calls, complaints and figures: forms with CSRF, field errors,
the escalation queue, English and Chinese, text escaped."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from fieldtech.models import Complaint, FollowUp, Job, utcnow
from sync.server.models import Role, User
from tests.sync.server.conftest import AddUser
from tests.sync.server.factories import db, visit
from tests.sync.server.test_dashboard import _form_token, _intake_form, _sign_in


def _visited_job(client: TestClient, csrf: str, **overrides: str) -> Job:
    response = client.post("/intake", data=_intake_form(csrf, **overrides))
    assert response.status_code == 201, response.text
    ticket = re.search(r'class="ticket"[^>]*>(\d{6}-\d{3})<', response.text)
    assert ticket is not None
    with db(client) as session:
        job = session.scalar(select(Job).where(Job.ticket_number == ticket.group(1)))
        assert job is not None
        session.expunge(job)
    visit(client, job.id, utcnow() - dt.timedelta(days=8))
    return job


def _count(client: TestClient, model: type) -> int:
    with db(client) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _language(client: TestClient, username: str, language: str) -> None:
    with db(client) as session:
        user = session.scalar(select(User).where(User.username == username))
        assert user is not None
        user.language = language
        session.commit()


def test_call_list_record_rating_two_lands_in_supervisor_queue(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    job = _visited_job(client, csrf, customer_name="<script>alert(1)</script>")
    listing = client.get("/follow-ups")
    assert listing.status_code == 200
    assert job.ticket_number in listing.text
    assert "<script>alert(1)</script>" not in listing.text
    assert "&lt;script&gt;" in listing.text
    link = re.search(r'href="(/follow-ups/record\?job_id=[^"]+)"', listing.text)
    assert link is not None
    form_page = client.get(link.group(1).replace("&amp;", "&"))
    assert form_page.status_code == 200
    assert 'name="rating"' in form_page.text
    body = {"csrf_token": csrf, "job_id": str(job.id), "kind": "satisfaction", "rating": "2"}
    body["notes"] = "came late, floor left dirty"
    saved = client.post("/follow-ups/record", data=body, follow_redirects=False)
    assert saved.status_code == 303
    landed = client.get(saved.headers["location"])
    assert "sent to the supervisor" in landed.text
    assert job.ticket_number not in landed.text.split("Calls due")[1]
    queue = client.get("/queue")
    section = queue.text.split('id="escalations"')[1]
    assert job.ticket_number in section
    assert "came late, floor left dirty" in section
    assert "A supervisor marks these handled." in section


def test_record_call_without_rating_or_csrf_saves_nothing(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    job = _visited_job(client, csrf)
    body = {"csrf_token": csrf, "job_id": str(job.id), "kind": "satisfaction", "notes": "kept"}
    response = client.post("/follow-ups/record", data=body)
    assert response.status_code == 422
    assert "Rating: choose a rating from 1 to 5" in response.text
    assert ">kept</textarea>" in response.text
    response = client.post("/follow-ups/record", data={**body, "rating": "9"})
    assert response.status_code == 422
    assert "Rating: Input should be less than or equal to 5" in response.text
    forged = client.post("/follow-ups/record", data={**body, "rating": "4", "csrf_token": "x"})
    assert forged.status_code == 403
    assert _count(client, FollowUp) == 0


def test_supervisor_resolves_escalation_from_the_queue_page(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    add_user("boss", Role.SUPERVISOR)
    csrf = _sign_in(client, "office1")
    job = _visited_job(client, csrf)
    body = {"csrf_token": csrf, "job_id": str(job.id), "kind": "satisfaction", "rating": "1"}
    client.post("/follow-ups/record", data=body)
    with db(client) as session:
        follow_up_id = session.scalars(select(FollowUp.id)).one()
    url = f"/follow-ups/{follow_up_id}/resolve"
    refused = client.post(url, data={"csrf_token": csrf, "note": "done"})
    assert refused.status_code == 403
    client.cookies.clear()
    boss = _sign_in(client, "boss")
    empty = client.post(url, data={"csrf_token": boss, "note": " "})
    assert empty.status_code == 422
    assert "note: say what was done" in empty.text
    done = client.post(url, data={"csrf_token": boss, "note": "apologised"}, follow_redirects=False)
    assert done.status_code == 303
    assert "No poor ratings are waiting." in client.get("/queue").text


def test_complaint_form_routes_and_list_filters_and_status(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    job = _visited_job(client, csrf)
    form = {
        "csrf_token": csrf,
        "ticket_number": job.ticket_number,
        "concern": "packaging",
        "owner": "Warehouse lead 赵",
        "description": "box soaked <b>wet</b>",
        "deadline": "",
        "promised_reply_at": "",
    }
    saved = client.post("/complaints/new", data=form, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    page = client.get(saved.headers["location"])
    assert "routed to Warehouse" in page.text
    assert "box soaked &lt;b&gt;wet&lt;/b&gt;" in page.text
    assert "Complaints found: 0" in client.get("/complaints?route=quality_control").text
    assert "Complaints found: 1" in client.get("/complaints?route=warehouse").text
    with db(client) as session:
        complaint_id = session.scalars(select(Complaint.id)).one()
    change = {"csrf_token": csrf, "status": "closed"}
    moved = client.post(f"/complaints/{complaint_id}/status", data=change, follow_redirects=False)
    assert moved.status_code == 303
    assert "Complaints found: 1" in client.get("/complaints?complaint_status=closed").text


def test_complaint_form_errors_name_the_field_and_keep_input(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    base = {"csrf_token": csrf, "concern": "staff_attitude", "owner": "Sales", "description": "x"}
    cases = [
        ({"ticket_number": "209901-999"}, "Ticket number: no job has this ticket number"),
        ({"phone": "000"}, "Customer phone (on file): no customer on file has this phone"),
        ({}, "Ticket number: give the ticket number or the customer"),
    ]
    for extra, message in cases:
        response = client.post("/complaints/new", data={**base, **extra})
        assert response.status_code == 422
        assert message in response.text.replace("&#39;", "'"), response.text
    job = _visited_job(client, csrf)
    bad_time = {**base, "ticket_number": job.ticket_number, "deadline": "2020-01-01T09:00"}
    response = client.post("/complaints/new", data=bad_time)
    assert response.status_code == 422
    assert "Deadline: the deadline must be in the future" in response.text
    assert f'value="{job.ticket_number}"' in response.text
    assert _count(client, Complaint) == 0


def test_figures_page_shows_targets_charts_and_csv_link(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    _sign_in(client, "office1")
    page = client.get("/figures", params={"start": "2026-11-01", "end": "2026-11-30"})
    assert page.status_code == 200
    assert "First-time fix" in page.text
    assert "Target ≥\n        85 %" in page.text or "Target ≥" in page.text
    assert page.text.count("<svg") >= 2
    assert "/api/v1/figures/export.csv?start=2026-11-01&amp;end=2026-11-30" in page.text
    csv_response = client.get("/api/v1/figures/export.csv?start=2026-11-01&end=2026-11-30")
    assert csv_response.status_code == 200
    bad = client.get("/figures", params={"start": "2026-11-30", "end": "2026-11-01"})
    assert bad.status_code == 422
    assert "end: the end date must be on or after the start date" in bad.text


def test_pages_in_chinese_for_a_chinese_user(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    _language(client, "office1", "zh_CN")
    _sign_in(client, "office1")
    assert "回访电话" in client.get("/follow-ups").text
    assert "登记投诉" in client.get("/complaints").text
    figures = client.get("/figures").text
    assert "一次修复率" in figures
    assert "未设目标" in figures
    assert "今天须处理的低分回访" in client.get("/queue").text


def test_signed_out_office_pages_redirect_to_sign_in(client: TestClient) -> None:
    unknown = uuid.uuid4()
    paths = ["/follow-ups", "/complaints", "/complaints/new", "/figures", "/queue"]
    paths.append(f"/follow-ups/record?job_id={unknown}")
    for path in paths:
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"] == "/signin"


def test_page_forms_carry_csrf_token(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    _visited_job(client, csrf)
    assert _form_token(client.get("/complaints/new").text, "csrf_token") == csrf


def test_refusals_read_in_chinese_for_a_chinese_user(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    _language(client, "office1", "zh_CN")
    csrf = _sign_in(client, "office1")
    base = {"csrf_token": csrf, "concern": "packaging", "owner": "赵", "description": "x"}
    response = client.post("/complaints/new", data={**base, "ticket_number": "209901-999"})
    assert response.status_code == 422
    assert "工单号: 没有此工单号" in response.text
    bad = client.get("/figures", params={"start": "2026-11-30", "end": "2026-11-01"})
    assert "结束日期：结束日期不能早于开始日期" in bad.text


def test_job_page_links_to_recording_a_call_and_a_complaint(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    job = _visited_job(client, csrf)
    page = client.get(f"/jobs/{job.id}").text
    assert f'href="/follow-ups/record?job_id={job.id}"' in page
    assert f'href="/complaints/new?job_id={job.id}"' in page
    prefilled = client.get(f"/complaints/new?job_id={job.id}").text
    assert f'value="{job.ticket_number}"' in prefilled


def test_forms_with_nul_characters_refused_naming_the_field(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    base = {"csrf_token": csrf, "concern": "packaging", "owner": "Zhang", "description": "x"}
    response = client.post("/complaints/new", data={**base, "ticket_number": "2026\x00"})
    assert response.status_code == 422
    assert "Ticket number: the text contains a NUL character" in response.text
    job = _visited_job(client, csrf)
    body = {"csrf_token": csrf, "job_id": str(job.id), "kind": "satisfaction", "rating": "3"}
    response = client.post("/follow-ups/record", data={**body, "notes": "a\x00"})
    assert response.status_code == 422
    assert "Notes: the text contains a NUL character" in response.text
    assert _count(client, Complaint) == 0
    assert _count(client, FollowUp) == 0
