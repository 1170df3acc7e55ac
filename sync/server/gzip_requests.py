"""Accept gzip-compressed request bodies (laptops compress pushes), with a cap on the inflated size
so a small bomb cannot exhaust memory."""

from __future__ import annotations

import zlib
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class GzipRequestMiddleware:
    def __init__(self, app: ASGIApp, max_inflated_bytes: int) -> None:
        self.app = app
        self.max_inflated = max_inflated_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _gzipped(scope):
            await self.app(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            body.extend(message.get("body", b""))
            if not message.get("more_body"):
                break
        try:
            inflater = zlib.decompressobj(wbits=31)
            data = inflater.decompress(bytes(body), self.max_inflated + 1)
        except zlib.error:
            await _reject(send, 400, "the body says gzip but is not valid gzip")
            return
        if len(data) > self.max_inflated or inflater.unconsumed_tail:
            await _reject(send, 413, f"the body inflates past {self.max_inflated} bytes")
            return
        headers = [
            (k, v) for k, v in scope["headers"] if k not in (b"content-encoding", b"content-length")
        ]
        headers.append((b"content-length", str(len(data)).encode()))
        inner_scope = {**scope, "headers": headers}
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}

        await self.app(inner_scope, replay, send)


def _gzipped(scope: Scope) -> bool:
    return any(
        k == b"content-encoding" and v.strip().lower() == b"gzip" for k, v in scope["headers"]
    )


async def _reject(send: Send, code: int, detail: str) -> None:
    import json

    payload: Any = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": code,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": payload})
