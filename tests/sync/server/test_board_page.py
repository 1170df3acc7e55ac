"""The assignment board page: readable without script, assigning through a CSRF-checked form,
errors naming the field, text escaped, clocks red when breached, English and Chinese."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient

from fieldtech.models import Job
from sync.server.models import Role, User
from tests.sync.server.conftest import AddUser
from tests.sync.server.test_dashboard import _intake_form, _sign_in

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _take_call(client: TestClient, csrf: str, **overrides: str) -> uuid.UUID:
    response = client.post("/intake", data=_intake_form(csrf, **overrides))
    assert response.status_code == 201, response.text
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        job = session.query(Job).order_by(Job.created_at.desc()).first()
        return job.id


def _hidden(html: str, job_id: uuid.UUID, name: str) -> str:
    form = re.search(rf'name="job_id" value="{job_id}">(.*?)</form>', html, re.S)
    assert form, "no form for the job"
    found = re.search(rf'name="{name}" value="([^"]*)"', form.group(1))
    assert found, name
    return found.group(1)


def _technician_id(client: TestClient) -> str:
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        user = session.query(User).filter(User.username == "tech1").one()
        return str(user.technician_id)


def test_board_lists_waiting_job_and_assigns_it_through_the_form(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    add_user("tech1", Role.TECHNICIAN)
    csrf = _sign_in(client, "office1")
    job_id = _take_call(client, csrf)
    page = client.get("/board")
    assert page.status_code == 200
    assert "Waiting for a technician" in page.text
    assert "First response" in page.text
    day = dt.datetime.now(SHANGHAI).date().isoformat()
    form = {
        "csrf_token": csrf,
        "job_id": str(job_id),
        "expected_updated_at": _hidden(page.text, job_id, "expected_updated_at"),
        "technician_id": _technician_id(client),
        "day": day,
        "start": "14:00",
        "end": "16:00",
        "board_start": day,
        "board_days": "3",
    }
    response = client.post("/board/assign", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"/board?start={day}&days=3"
    after = client.get(response.headers["location"]).text
    assert "No job is waiting for a technician." in after
    assert "14:00–16:00" in after


def test_board_assign_without_csrf_refused_403(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    job_id = _take_call(client, csrf)
    response = client.post("/board/assign", data={"csrf_token": "forged", "job_id": str(job_id)})
    assert response.status_code == 403


def test_board_assign_bad_window_names_field_and_saves_nothing(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    add_user("tech1", Role.TECHNICIAN)
    csrf = _sign_in(client, "office1")
    job_id = _take_call(client, csrf)
    page = client.get("/board").text
    form = {
        "csrf_token": csrf,
        "job_id": str(job_id),
        "expected_updated_at": _hidden(page, job_id, "expected_updated_at"),
        "technician_id": _technician_id(client),
        "day": "2026-12-01",
        "start": "16:00",
        "end": "09:00",
    }
    response = client.post("/board/assign", data=form)
    assert response.status_code == 422
    assert "appointment_end" in response.text
    assert 'value="16:00"' in response.text  # what was typed is kept
    garbled = client.post("/board/assign", data={**form, "day": "soon"})
    assert garbled.status_code == 422
    assert "appointment_start" in garbled.text
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        assert session.get(Job, job_id).technician_id is None


def test_board_stale_form_answers_409_and_shows_the_job_as_it_is(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    add_user("tech1", Role.TECHNICIAN)
    csrf = _sign_in(client, "office1")
    job_id = _take_call(client, csrf)
    page = client.get("/board").text
    stamp = _hidden(page, job_id, "expected_updated_at")
    called = {"csrf_token": csrf, "job_id": str(job_id), "expected_updated_at": stamp}
    assert client.post("/board/first-response", data=called, follow_redirects=False).is_redirect
    form = {
        **called,
        "technician_id": _technician_id(client),
        "day": "2026-12-01",
        "start": "09:00",
        "end": "11:00",
    }
    response = client.post("/board/assign", data=form)
    assert response.status_code == 409
    assert "changed by office1" in response.text


def test_board_escapes_text_and_shows_breached_clock_red(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = _sign_in(client, "office1")
    hostile = "<script>alert(1)</script>"
    job_id = _take_call(client, csrf, customer_name=hostile, fault_description=hostile)
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        session.get(Job, job_id).created_at = dt.datetime(2026, 11, 17, 10, tzinfo=SHANGHAI)
        session.commit()
    page = client.get("/board").text
    assert hostile not in page
    assert "&lt;script&gt;" in page
    assert re.search(r'class="clock overdue breached"', page)
    assert 'class="breached' in page


def test_board_in_chinese_for_a_chinese_user(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        session.query(User).filter(User.username == "office1").one().language = "zh_CN"
        session.commit()
    csrf = _sign_in(client, "office1")
    _take_call(client, csrf)
    page = client.get("/board?start=bad&days=99").text
    assert "派工看板" in page
    assert "待派工" in page
    assert "首次响应" in page
