"""Navixy authentication: ``Authorization: NVX <hash>`` with an API key or a session hash.

With login and password, the first request logs in with ``user/auth`` and keeps
the session hash. A request answered with error 2, 3 or 4 (service auth error,
wrong hash, session ended) logs in again and is repeated, once; a second such
error is raised. An API key is never renewed: those errors with an API key are
raised at once (error 4 means the key was revoked).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Generator

import httpx

from audit_core import InvalidInputError, Secret, TransportError

from ._errors import SESSION_RENEWAL_CODES, VENDOR, SecondFactorRequiredError, read_envelope

AUTH_OPERATION = "user/auth"


def _secret(value: str | Secret | None, name: str) -> Secret | None:
    if value is None:
        return None
    if isinstance(value, Secret):
        secret = value
    elif isinstance(value, str):
        secret = Secret(value)
    else:
        raise InvalidInputError(f"{name} must be a str, not {type(value).__name__}")
    if not secret.get_secret_value().strip():
        raise InvalidInputError(f"{name} is empty")
    return secret


def _is_session_ended(response: httpx.Response) -> bool:
    try:
        body = json.loads(response.content)
    except ValueError:
        return False
    if not isinstance(body, dict) or body.get("success") is not False:
        return False
    status = body.get("status")
    code = status.get("code") if isinstance(status, dict) else None
    return isinstance(code, int) and code in SESSION_RENEWAL_CODES


class NavixyAuth(httpx.Auth):
    """Sign every request with ``Authorization: NVX <hash>``.

    Give either ``api_key`` or ``login`` and ``password``; ``base_url`` locates ``user/auth``.

    >>> NavixyAuth(base_url="https://api.eu.navixy.com/v2", api_key="k3y")
    NavixyAuth(mode='api_key')
    """

    requires_response_body = True

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str | Secret | None = None,
        login: str | Secret | None = None,
        password: str | Secret | None = None,
    ) -> None:
        self._api_key = _secret(api_key, "api_key")
        self._login = _secret(login, "login")
        self._password = _secret(password, "password")
        if self._api_key is not None and (self._login is not None or self._password is not None):
            raise InvalidInputError("give either api_key or login and password, not both")
        if self._api_key is None and (self._login is None or self._password is None):
            raise InvalidInputError("give api_key=..., or both login=... and password=...")
        self._auth_url = httpx.URL(base_url.rstrip("/") + "/" + AUTH_OPERATION)
        self._session: Secret | None = None
        self._lock = threading.Lock()
        #: How many times user/auth was called (first login included).
        self.logins = 0

    @property
    def mode(self) -> str:
        """``"api_key"`` or ``"session"``."""
        return "api_key" if self._api_key is not None else "session"

    def secrets(self) -> list[Secret]:
        """Every secret this auth holds, for redaction."""
        return [s for s in (self._api_key, self._login, self._password, self._session) if s is not None]

    def __repr__(self) -> str:
        return f"NavixyAuth(mode={self.mode!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Sign ``request``; log in first or again when needed (see the module docs)."""
        if request.url.path.rstrip("/").endswith("/" + AUTH_OPERATION):
            yield request  # a login call of the caller's own: sent as it is
            return
        if self._api_key is not None:
            request.headers["Authorization"] = f"NVX {self._api_key.get_secret_value()}"
            yield request
            return
        session = self._session
        if session is None:
            session = yield from self._log_in()
        request.headers["Authorization"] = f"NVX {session.get_secret_value()}"
        response = yield request
        if _is_session_ended(response):
            with self._lock:
                if self._session == session:
                    self._session = None
            session = self._session or (yield from self._log_in())
            request.headers["Authorization"] = f"NVX {session.get_secret_value()}"
            yield request

    def _log_in(self) -> Generator[httpx.Request, httpx.Response, Secret]:
        assert self._login is not None
        assert self._password is not None
        body = {"login": self._login.get_secret_value(), "password": self._password.get_secret_value()}
        request = httpx.Request(
            "POST",
            self._auth_url,
            content=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        self.logins += 1
        response = yield request
        answer = read_envelope(response, AUTH_OPERATION)
        value = answer.get("hash")
        if not isinstance(value, str) or not value:
            raise TransportError("user/auth answered without a hash", vendor=VENDOR, operation=AUTH_OPERATION)
        if answer.get("second_factor_required") is True:
            raise SecondFactorRequiredError(
                "the account requires a second authentication factor, which an API client cannot give: "
                "use an API key (api_key=... or NAVIXY_API_KEY) instead of login and password",
                vendor=VENDOR,
                operation=AUTH_OPERATION,
            )
        session = Secret(value)
        with self._lock:
            self._session = session
        return session
