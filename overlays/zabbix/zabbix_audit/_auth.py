"""Zabbix authentication as an :class:`httpx.Auth`: version discovery, login, where the credential goes.

Every authenticated JSON-RPC call that goes through the SDK's httpx client (the SDK's
own and every generated operation via ``client.generated``) passes this flow:

1. the server's version is read once with ``apiinfo.version`` (sent without credentials);
2. with a user name and password, ``user.login`` opens a session (once);
3. the session id or API token is placed where that version wants it: the request
   member ``auth`` before 6.4, the header ``Authorization: Bearer`` from 6.4 on (the
   ``auth`` member is then removed: 7.2 refuses it);
4. a session we opened that the server ended ("Session terminated") is opened again, once.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import httpx

from audit_core import Secret

from ._errors import is_session_ended
from ._wire import BEARER_SINCE, UNAUTHENTICATED, body_of, dump, next_id, parse_version, read_result, rpc_request


class ZabbixAuth(httpx.Auth):
    """Credentials for Zabbix: ``ZabbixAuth(username="Admin", password="zabbix")`` or ``ZabbixAuth(token=...)``.

    >>> ZabbixAuth(token="0" * 64)
    <ZabbixAuth token>
    """

    requires_request_body = True
    requires_response_body = True

    def __init__(self, *, username: str | None = None, password: str | None = None, token: str | None = None):
        self.username = username
        self._password = Secret(password) if password is not None else None
        self._token = Secret(token) if token is not None else None
        self._session: Secret | None = None
        self.version: str | None = None

    def __repr__(self) -> str:
        kind = "token" if self._token is not None else f"user={self.username!r}"
        return f"<ZabbixAuth {kind}>"

    @property
    def uses_token(self) -> bool:
        """True when authenticating with an API token (no session to open or close)."""
        return self._token is not None

    @property
    def has_session(self) -> bool:
        """True while a session opened by ``user.login`` is open."""
        return self._session is not None

    @property
    def bearer(self) -> bool:
        """True when this server version takes the credential in ``Authorization: Bearer``."""
        return self.version is not None and parse_version(self.version) >= BEARER_SINCE

    def secrets(self) -> list[Secret]:
        """Every secret this object holds (for redaction in tests and logs)."""
        return [s for s in (self._password, self._token, self._session) if s is not None]

    def forget_session(self) -> None:
        """Drop the session (after ``user.logout``)."""
        self._session = None

    def _credential(self) -> Secret | None:
        return self._token if self._token is not None else self._session

    def _authorize(self, request: httpx.Request, credential: Secret) -> httpx.Request:
        headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() != "content-length"]
        body = body_of(request)
        if self.bearer:
            headers.append(("Authorization", f"Bearer {credential.get_secret_value()}"))
            if isinstance(body, dict) and "auth" in body:
                del body["auth"]  # 7.2 refuses the member
                content = dump(body)
            else:
                content = request.content
            return _rebuild(request, headers, content)
        if isinstance(body, dict) and not body.get("auth"):
            body["auth"] = credential.get_secret_value()
        return _rebuild(request, headers, dump(body) if isinstance(body, dict) else request.content)

    def handshake(self, like: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Ask the version and log in, as far as not done yet (a generator of requests, like a flow).

        The requests go to the URL of ``like`` and keep its extensions (the time-outs).
        """
        if self.version is None:
            body = {"jsonrpc": "2.0", "method": "apiinfo.version", "params": [], "id": next_id()}
            response = yield _call_like(like, body)
            version = read_result(response, "apiinfo.version")
            parse_version(str(version))
            self.version = str(version)
        if self._credential() is None and self._password is not None:
            yield from self._login(like)

    def _login(self, like: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        assert self._password is not None
        params = {"username": self.username, "password": self._password.get_secret_value()}
        body: dict[str, Any] = {"jsonrpc": "2.0", "method": "user.login", "params": params, "id": next_id()}
        response = yield _call_like(like, body)
        session = read_result(response, "user.login")
        self._session = Secret(str(session))

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the credential to ``request`` (opening a session first when needed)."""
        body = body_of(request)
        method = body.get("method") if isinstance(body, dict) else None
        if method in UNAUTHENTICATED:
            yield request
            return
        yield from self.handshake(request)
        credential = self._credential()
        if credential is None:  # logged out: send as is, the server says "Not authorized."
            yield request
            return
        response = yield self._authorize(request, credential)
        if self._token is None and method != "user.logout" and _session_ended(response, method or ""):
            self._session = None
            yield from self._login(request)
            credential = self._credential()
            assert credential is not None
            yield self._authorize(request, credential)


def _rebuild(request: httpx.Request, headers: list[tuple[str, str]], content: bytes) -> httpx.Request:
    # the extensions carry the client's time-outs: httpx sets them only on the request it was given
    return httpx.Request(request.method, request.url, headers=headers, content=content, extensions=request.extensions)


def _call_like(like: httpx.Request, body: dict[str, Any]) -> httpx.Request:
    request = rpc_request(like.url, body)
    request.extensions = dict(like.extensions)
    return request


def _session_ended(response: httpx.Response, method: str) -> bool:
    try:
        read_result(response, method)
    except Exception as exc:  # only the "session ended" error matters here
        return is_session_ended(exc)
    return False
