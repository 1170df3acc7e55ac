"""The HTTP transport of the sync engine: requests, gzip bodies, and failures turned into states."""

from __future__ import annotations

import gzip
import json
from typing import Any

import requests

from sync.client.errors import SyncState, TransportError

WIPE_HEADER = "X-Device-Wipe"  # the office sets it on a revoked device asked to wipe
COMPRESS_FROM = 1024
API = "/api/v1"


class HttpTransport:
    """Posts JSON to the office with the device token; never raises anything but TransportError."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        session: requests.Session | None = None,
        timeout: float = 30.0,
        app_version: str = "",
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout
        self.headers = {
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            "Accept-Encoding": "gzip",
            "User-Agent": f"FieldTech/{app_version or 'dev'}",
        }

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        data = json.dumps(body, separators=(",", ":")).encode("utf-8")
        headers = dict(self.headers)
        if len(data) >= COMPRESS_FROM:
            data = gzip.compress(data, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
        return answer_of(self._send("POST", path, data, headers))

    def put_bytes(self, path: str, data: bytes) -> dict[str, Any]:
        headers = {**self.headers, "Content-Type": "application/octet-stream"}
        return answer_of(self._send("PUT", path, data, headers))

    def get_bytes(self, path: str) -> bytes | None:
        response = self._send("GET", path, None, dict(self.headers))
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            answer_of(response)
        content: bytes = response.content
        return content

    def _send(
        self, method: str, path: str, data: bytes | None, headers: dict[str, str]
    ) -> requests.Response:
        try:
            return self.session.request(
                method, self.base_url + path, data=data, headers=headers, timeout=self.timeout
            )
        except requests.ConnectionError as failure:
            raise TransportError(
                SyncState.UNREACHABLE,
                f"the office at {self.base_url} cannot be reached; changes stay on this laptop "
                f"and go out at the next sync ({type(failure).__name__})",
            ) from None
        except requests.Timeout:
            raise TransportError(
                SyncState.UNREACHABLE,
                f"the office at {self.base_url} did not answer in {self.timeout:.0f} s; "
                "the sync will be retried",
            ) from None
        except requests.RequestException as failure:
            raise TransportError(
                SyncState.UNREACHABLE,
                "the connection to the office broke off before its answer was complete; "
                f"nothing is lost, the sync will be retried ({type(failure).__name__})",
            ) from None


def _detail(response: Any) -> str:
    try:
        detail = response.json().get("detail", "")
    except ValueError:
        return str(response.text)[:200]
    return detail if isinstance(detail, str) else json.dumps(detail)[:300]


def answer_of(response: Any) -> dict[str, Any]:
    """The decoded body of an office answer, or the TransportError that describes the failure."""
    status = response.status_code
    if status == 401:
        if response.headers.get(WIPE_HEADER) == "1":
            raise TransportError(SyncState.WIPE_REQUESTED, _detail(response))
        message = _detail(response)
        state = SyncState.REVOKED if "revoked" in message else SyncState.SIGNED_OUT
        raise TransportError(state, message)
    if status == 426:
        raise TransportError(SyncState.INCOMPATIBLE, _detail(response))
    if status >= 500:
        raise TransportError(
            SyncState.SERVER_ERROR,
            f"the office had a problem (HTTP {status}); nothing was lost, the sync will retry",
        )
    if status >= 400:
        raise TransportError(
            SyncState.SERVER_ERROR, f"the office refused the request: {_detail(response)}"
        )
    try:
        answer: dict[str, Any] = response.json()
    except ValueError:
        raise TransportError(
            SyncState.SERVER_ERROR, "the office answered with something that is not JSON"
        ) from None
    return answer
