"""A Chinese-speaking clerk reads every refusal on the dashboard in Chinese, never English."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient

from fieldtech.models import Technician
from sync.server.i18n_errors import say
from tests.sync.server.conftest import AddUser
from tests.sync.server.factories import db
from tests.sync.server.test_dashboard import _form_token, _intake_form, _sign_in
from tests.sync.server.test_office_pages import _language, _visited_job

# Words a refusal may keep: the date format it asks for and the name of a control character.
ALLOWED = {"YYYY", "MM", "DD", "NUL"}
REFUSAL = re.compile(r'<(?:span|p) class="(?:error|alert)"[^>]*>(.*?)</(?:span|p)>', re.S)


def _english_in_refusals(html: str) -> list[str]:
    refusals = REFUSAL.findall(html)
    assert refusals, "the page shows no refusal"
    words = (word for text in refusals for word in re.findall(r"[A-Za-z]{2,}", text))
    return [word for word in words if word not in ALLOWED]


@pytest.fixture
def zh_csrf(client: TestClient, add_user: AddUser) -> str:
    add_user("office1")
    _language(client, "office1", "zh_CN")
    return _sign_in(client, "office1")


BAD_INTAKES = [
    {"customer_name": ""},
    {"phone": "call me maybe"},
    {"customer_name": "陈" * 201},
    {"purchase_date": "1970-01-01"},
    {"purchase_date": "2025-02-30"},
    {"sub_category": "no_power", "category": "complaint"},
    {"channel": "pigeon"},
]


def test_intake_refusals_zh_user_reads_no_english(client: TestClient, zh_csrf: str) -> None:
    for bad in BAD_INTAKES:
        response = client.post("/intake", data=_intake_form(zh_csrf, **bad))
        assert response.status_code == 422, bad
        assert "未保存。请修改下面标出的字段。" in response.text
        assert _english_in_refusals(response.text) == [], bad


def test_assign_refusal_zh_user_reads_no_english(client: TestClient, zh_csrf: str) -> None:
    job = _visited_job(client, zh_csrf)
    with db(client) as session:
        technician = Technician(username="t1", display_name="王师傅")
        session.add(technician)
        session.commit()
        technician_id = str(technician.id)
    page = client.get(f"/jobs/{job.id}").text
    form = {
        "csrf_token": zh_csrf,
        "expected_updated_at": _form_token(page, "expected_updated_at"),
        "technician_id": technician_id,
        "day": (dt.date.today() + dt.timedelta(days=2)).isoformat(),
        "start": "11:00",
        "end": "09:00",
    }
    backwards = client.post(f"/jobs/{job.id}/assign", data=form)
    assert backwards.status_code == 422
    assert "预约结束时间必须晚于开始时间" in backwards.text
    assert _english_in_refusals(backwards.text) == []
    no_day = client.post(f"/jobs/{job.id}/assign", data={**form, "day": "next week"})
    assert no_day.status_code == 422
    assert _english_in_refusals(no_day.text) == []


def test_follow_up_refusal_zh_user_reads_no_english(client: TestClient, zh_csrf: str) -> None:
    job = _visited_job(client, zh_csrf)
    form = {"csrf_token": zh_csrf, "job_id": str(job.id), "kind": "satisfaction", "rating": "9"}
    too_high = client.post("/follow-ups/record", data=form)
    assert too_high.status_code == 422
    assert "不能大于 5" in too_high.text
    assert _english_in_refusals(too_high.text) == []
    major = client.post("/follow-ups/record", data={**form, "kind": "major_case", "rating": "4"})
    assert major.status_code == 422
    assert _english_in_refusals(major.text) == []


def test_mangled_page_and_id_in_address_answer_the_page(client: TestClient, zh_csrf: str) -> None:
    for path in (
        "/jobs?page=abc",
        "/follow-ups?page=2x&saved=not-an-id",
        "/complaints?page=&saved=123",
        "/intake?customer=nobody&item=x",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html"), path


def test_say_english_reader_gets_the_text_unchanged() -> None:
    text = "end: the end date must be on or after the start date"
    assert say("en", text) == text
    assert say("zh_CN", text) == "结束日期：结束日期不能早于开始日期"


def test_say_names_codes_by_their_labels() -> None:
    refused = "sub_category: for complaint choose one of: product_quality, packaging, staff"
    assert say("zh_CN", refused) == "子类别：投诉类别请选择：产品质量、包装、服务人员"
    moved = "a job cannot go from closed to new; allowed next: none: this status is final"
    assert say("zh_CN", moved).startswith("工单不能从“已关闭”改为“新建”")


def test_phone_refusal_says_how_to_fix_it_in_both_languages(
    client: TestClient, zh_csrf: str
) -> None:
    response = client.post("/intake", data=_intake_form(zh_csrf, phone="call me maybe"))
    assert "只能填写数字、空格和 + ( ) - ." in response.text
    english = "phone: String should match pattern '^[0-9+()\\-. ]*$'"
    assert say("en", english) == "phone: use only digits, spaces and + ( ) - ."
