"""Sign-in: Argon2 passwords, the sign-in limit, browser cookies with CSRF, roles, the audit log."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from fieldtech.models import utcnow
from sync.server.models import AuditEntry, DashboardSession, LoginFailure, Role
from tests.sync.server.conftest import PASSWORD, AddUser, sign_in_device


def _audit(client: TestClient) -> list[AuditEntry]:
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_browser_sign_in_sets_httponly_secure_samesite_cookie(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    response = client.post("/api/v1/session", json={"username": "office1", "password": PASSWORD})
    assert response.status_code == 201
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "secure" in cookie
    assert "samesite=lax" in cookie
    assert response.json()["user"]["role"] == "office"
    assert client.get("/api/v1/me").json()["username"] == "office1"


def test_browser_write_without_csrf_token_refused_403(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    csrf = client.post(
        "/api/v1/session", json={"username": "office1", "password": PASSWORD}
    ).json()["csrf_token"]
    assert client.delete("/api/v1/session").status_code == 403
    assert client.delete("/api/v1/session", headers={"X-CSRF-Token": "wrong"}).status_code == 403
    assert client.delete("/api/v1/session", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert client.get("/api/v1/me").status_code == 401


def test_wrong_password_answers_401_and_writes_no_session(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    response = client.post("/api/v1/session", json={"username": "office1", "password": "nope"})
    assert response.status_code == 401
    assert "password" in response.json()["detail"]
    assert "set-cookie" not in response.headers
    assert client.get("/api/v1/me").status_code == 401


def test_sign_in_limit_after_five_failures_answers_429_even_with_right_password(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    for _ in range(5):
        wrong = client.post("/api/v1/session", json={"username": "office1", "password": "bad"})
        assert wrong.status_code == 401
    limited = client.post("/api/v1/session", json={"username": "office1", "password": PASSWORD})
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) > 0


def test_unknown_user_answers_same_401_as_wrong_password(client: TestClient) -> None:
    response = client.post("/api/v1/session", json={"username": "ghost", "password": "x"})
    assert response.status_code == 401
    assert response.json()["detail"] == "wrong user name or password; check both"


def test_technician_listing_devices_refused_403(client: TestClient, add_user: AddUser) -> None:
    add_user("tech1", Role.TECHNICIAN)
    headers = sign_in_device(client, "tech1")
    response = client.get("/api/v1/devices", headers=headers)
    assert response.status_code == 403
    assert "office" in response.json()["detail"]


def test_admin_adds_user_audited_with_device(client: TestClient, add_user: AddUser) -> None:
    add_user("boss", Role.ADMIN)
    headers = sign_in_device(client, "boss", name="front desk")
    body = {"username": "new.clerk", "password": "long enough pw", "role": "office"}
    response = client.post("/api/v1/users", json=body, headers=headers)
    assert response.status_code == 201
    entry = _audit(client)[-1]
    assert (entry.action, entry.username, entry.changes["username"]) == (
        "user.create",
        "boss",
        "new.clerk",
    )
    assert entry.device_id is not None
    assert "front desk" in entry.client


def test_office_user_adding_user_refused_403(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    headers = sign_in_device(client, "office1")
    body = {"username": "x.y", "password": "long enough pw", "role": "admin"}
    assert client.post("/api/v1/users", json=body, headers=headers).status_code == 403


def test_add_user_taken_name_answers_422_naming_username(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("boss", Role.ADMIN)
    headers = sign_in_device(client, "boss")
    body = {"username": "boss", "password": "long enough pw", "role": "office"}
    response = client.post("/api/v1/users", json=body, headers=headers)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "username"]


def test_unknown_field_in_sign_in_answers_422_naming_it(client: TestClient) -> None:
    body = {"username": "a", "password": "b", "remember": True}
    response = client.post("/api/v1/session", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "remember"]


def test_refused_password_is_not_echoed_in_the_422(client: TestClient) -> None:
    secret = "p" * 201
    response = client.post("/api/v1/session", json={"username": "a", "password": secret})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "password"]
    assert secret not in response.text


def test_user_changes_own_language_audited(client: TestClient, add_user: AddUser) -> None:
    add_user("office1")
    headers = sign_in_device(client, "office1")
    response = client.patch("/api/v1/me", json={"language": "zh_CN"}, headers=headers)
    assert response.json()["language"] == "zh_CN"
    assert client.get("/api/v1/me", headers=headers).json()["language"] == "zh_CN"
    assert _audit(client)[-1].changes == {"language": ["en", "zh_CN"]}
    bad = client.patch("/api/v1/me", json={"language": "fr"}, headers=headers)
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "language"]


def test_failures_older_than_window_neither_count_nor_stay(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    long_ago = utcnow() - dt.timedelta(hours=2)
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        session.add_all(
            LoginFailure(username="office1", ip="testclient", at=long_ago) for _ in range(10)
        )
        session.commit()
    body = {"username": "office1", "password": PASSWORD}
    assert client.post("/api/v1/session", json=body).status_code == 201
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        assert session.scalar(select(func.count()).select_from(LoginFailure)) == 0


def test_expired_browser_session_refused_and_removed_at_next_sign_in(
    client: TestClient, add_user: AddUser
) -> None:
    add_user("office1")
    body = {"username": "office1", "password": PASSWORD}
    client.post("/api/v1/session", json=body)
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        for row in session.scalars(select(DashboardSession)):
            row.expires_at = utcnow() - dt.timedelta(seconds=1)
        session.commit()
    assert client.get("/api/v1/me").status_code == 401
    client.post("/api/v1/session", json=body)
    with client.app.state.sessionmaker() as session:  # type: ignore[attr-defined]
        assert session.scalar(select(func.count()).select_from(DashboardSession)) == 1
    assert client.get("/api/v1/me").status_code == 200
