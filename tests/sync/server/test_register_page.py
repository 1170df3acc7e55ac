"""The repair register page: items held with overdue flags, a movement recorded through a
CSRF-checked form, errors naming the field, text escaped, English and Chinese."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from fastapi.testclient import TestClient

from fieldtech.models import ItemMovement
from sync.server.models import User
from tests.sync.server.conftest import AddUser, sign_in_device
from tests.sync.server.test_dashboard import _sign_in
from tests.sync.server.test_register import _held, _today


def _form(html: str, pickup_id: uuid.UUID) -> dict[str, str]:
    found = re.search(rf'name="pickup_id" value="{pickup_id}">(.*?)</form>', html, re.S)
    assert found, "no movement form for the item"
    fields = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', found.group(1)))
    return {"pickup_id": str(pickup_id), **fields}


def test_register_page_flags_overdue_and_records_a_movement(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    office = sign_in_device(client, "office1")
    late = _held(client, office, "P-A-0001", _today() - dt.timedelta(days=10))
    csrf = _sign_in(client, "office1")
    page = client.get("/register")
    assert page.status_code == 200
    assert "P-A-0001" in page.text
    assert re.search(r"Overdue by \d+ working days", page.text)
    assert 'class="overdue"' in page.text
    form = {
        **_form(page.text, late),
        "csrf_token": csrf,
        "kind": "in_workshop",
        "note": "shelf B",
    }
    response = client.post("/register/movements", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"].startswith("/register?q=&view=held")
    after = client.get(response.headers["location"]).text
    assert "In the workshop" in after
    assert "shelf B" in after


def test_register_movement_without_csrf_refused_403(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    office = sign_in_device(client, "office1")
    pickup = _held(client, office, "P-A-0001", _today())
    _sign_in(client, "office1")
    body = {"csrf_token": "forged", "pickup_id": str(pickup), "kind": "in_workshop"}
    assert client.post("/register/movements", data=body).status_code == 403
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        assert session.query(ItemMovement).count() == 1


def test_register_page_wrong_order_and_stale_form_answer_plainly(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    office = sign_in_device(client, "office1")
    pickup = _held(client, office, "P-A-0001", _today())
    csrf = _sign_in(client, "office1")
    form = {**_form(client.get("/register").text, pickup), "csrf_token": csrf}
    wrong = client.post("/register/movements", data={**form, "kind": "repaired"})
    assert wrong.status_code == 422
    assert "kind: the item is taken; next can be in_workshop, returned" in wrong.text
    unknown = client.post("/register/movements", data={**form, "kind": "lost"})
    assert unknown.status_code == 422
    assert "kind:" in unknown.text
    first = client.post("/register/movements", data={**form, "kind": "in_workshop"})
    assert first.status_code == 200  # redirect followed
    stale = client.post("/register/movements", data={**form, "kind": "returned"})
    assert stale.status_code == 409
    assert "changed by office1" in stale.text


def test_register_page_escapes_text_and_speaks_chinese(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    office = sign_in_device(client, "office1")
    hostile = "<script>alert(1)</script>"
    _held(client, office, "P-A-0001", _today() - dt.timedelta(days=10), name=hostile)
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        session.query(User).filter(User.username == "office1").one().language = "zh_CN"
        session.commit()
    _sign_in(client, "office1")
    page = client.get("/register?view=overdue&sort=nonsense&page=x").text
    assert hostile not in page
    assert "&lt;script&gt;" in page
    assert "返修登记" in page
    assert "已逾期" in page


def test_register_page_counter_return_issues_a_printable_receipt(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    office = sign_in_device(client, "office1")
    pickup = _held(client, office, "P-A-0001", _today())
    csrf = _sign_in(client, "office1")
    page = client.get("/register").text
    found = re.search(r'action="/register/returns">(.*?)</form>', page, re.S)
    assert found
    hidden = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', found.group(1)))
    form = {**hidden, "csrf_token": csrf, "customer_name": "王芳", "charges_total": "80"}
    empty = client.post("/register/returns", data={**form, "work_done": ""})
    assert empty.status_code == 422
    assert "work_done" in empty.text
    response = client.post(
        "/register/returns", data={**form, "work_done": "Belt replaced"}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    after = client.get("/register?view=all").text
    assert "R-A-0001-OF" in after
    link = re.search(r'href="(/api/v1/register/return-receipts/[^"]+paper=a4[^"]*)"', after)
    assert link
    pdf = client.get(link.group(1).replace("&amp;", "&"))
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    assert str(pickup) in after
