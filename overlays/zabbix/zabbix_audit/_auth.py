"""Zabbix authentication on the core's ``SessionAuth``: version discovery, login, where the credential goes.

Every authenticated JSON-RPC call that goes through the SDK's httpx client (the SDK's
own and every generated operation via ``client.generated``) passes this flow:

1. ``prepare``: the server's version is read once with ``apiinfo.version`` (sent without credentials);
2. ``login``: with a user name and password, ``user.login`` opens a session (once);
3. ``sign``: the session id or API token is placed where that version wants it: the
   request member ``auth`` before 6.4, the header ``Authorization: Bearer`` from 6.4 on
   (the ``auth`` member is then removed: 7.2 refuses it);
4. ``session_ended``: a session we opened that the server ended ("Session terminated")
   is opened again, once; an API token is never renewed.

``apiinfo.version`` and ``user.login`` are ``exempt``: sent as they are.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import httpx

from audit_core import Secret, SessionAuth

from ._errors import is_session_ended
from ._wire import BEARER_SINCE, UNAUTHENTICATED, body_of, dump, next_id, parse_version, read_result, rpc_request


def _secret(value: str | Secret | None) -> Secret | None:
    if value is None or isinstance(value, Secret):
        return value
    return Secret(value)


def _method(request: httpx.Request) -> str:
    body = body_of(request)
    method = body.get("method") if isinstance(body, dict) else None
    return method if isinstance(method, str) else ""


class ZabbixAuth(SessionAuth):
    """Credentials for Zabbix: ``ZabbixAuth(username="Admin", password="zabbix")`` or ``ZabbixAuth(token=...)``.

    >>> ZabbixAuth(token="0" * 64)
    <ZabbixAuth token>
    """

    requires_request_body = True
    requires_response_body = True

    def __init__(
        self, *, username: str | None = None, password: str | Secret | None = None, token: str | Secret | None = None
    ) -> None:
        super().__init__(key=_secret(token), can_login=password is not None)
        self.username = username
        self._password = _secret(password)
        #: The server's version (``apiinfo.version``), once asked.
        self.version: str | None = None

    def __repr__(self) -> str:
        kind = "token" if self._key is not None else f"user={self.username!r}"
        return f"<ZabbixAuth {kind}>"

    @property
    def uses_token(self) -> bool:
        """True when authenticating with an API token (no session to open or close)."""
        return self._key is not None

    @property
    def bearer(self) -> bool:
        """True when this server version takes the credential in ``Authorization: Bearer``."""
        return self.version is not None and parse_version(self.version) >= BEARER_SINCE

    def secrets(self) -> list[Secret]:
        """Every secret this object holds (for redaction in tests and logs)."""
        return [*super().secrets(), *([self._password] if self._password is not None else [])]

    # -- SessionAuth hooks -------------------------------------------------------------------------

    def exempt(self, request: httpx.Request) -> bool:
        """``apiinfo.version`` and ``user.login`` are sent without credentials."""
        return _method(request) in UNAUTHENTICATED

    def prepare(self, like: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Ask the version once: it says where the credential goes."""
        if self.version is None:
            body = {"jsonrpc": "2.0", "method": "apiinfo.version", "params": [], "id": next_id()}
            response = yield _call_like(like, body)
            version = str(read_result(response, "apiinfo.version"))
            parse_version(version)
            self.version = version

    def login(self, like: httpx.Request) -> Generator[httpx.Request, httpx.Response, Secret]:
        """``user.login`` with the user name and password; the session id is the credential."""
        assert self._password is not None
        params = {"username": self.username, "password": self._password.get_secret_value()}
        body: dict[str, Any] = {"jsonrpc": "2.0", "method": "user.login", "params": params, "id": next_id()}
        response = yield _call_like(like, body)
        return Secret(str(read_result(response, "user.login")))

    def sign(self, request: httpx.Request, credential: Secret) -> httpx.Request:
        """The credential in ``Authorization: Bearer`` (6.4+, no ``auth`` member) or in the ``auth`` member."""
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

    def session_ended(self, request: httpx.Request, response: httpx.Response) -> bool:
        """Whether the answer is "Session terminated, re-login, please." (never for ``user.logout``)."""
        method = _method(request)
        if method == "user.logout":
            return False
        try:
            read_result(response, method)
        except Exception as exc:  # only the "session ended" error matters here
            return is_session_ended(exc)
        return False

    # -- used by the client's login() ----------------------------------------------------------------

    def handshake(self, like: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Ask the version and log in, as far as not done yet (a generator of requests, like a flow).

        The requests go to the URL of ``like`` and keep its extensions (the time-outs).
        """
        yield from self.prepare(like)
        if self._key is None and self._password is not None and not self.has_session:
            yield from self._open(like)


def _rebuild(request: httpx.Request, headers: list[tuple[str, str]], content: bytes) -> httpx.Request:
    # the extensions carry the client's time-outs: httpx sets them only on the request it was given
    return httpx.Request(request.method, request.url, headers=headers, content=content, extensions=request.extensions)


def _call_like(like: httpx.Request, body: dict[str, Any]) -> httpx.Request:
    request = rpc_request(like.url, body)
    request.extensions = dict(like.extensions)
    return request
