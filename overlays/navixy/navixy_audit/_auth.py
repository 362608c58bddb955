"""Navixy authentication: ``Authorization: NVX <hash>`` with an API key or a session hash.

The core's :class:`~audit_core.SessionAuth` does the flow; this module says what
is Navixy's. With login and password, the first request logs in with
``user/auth`` and keeps the session hash. A request answered with error 2, 3 or 4
(service auth error, wrong hash, session ended) logs in again and is repeated, once;
a second such error is raised. An API key is never renewed: those errors with an API
key are raised at once (error 4 means the key was revoked).
"""

from __future__ import annotations

import json
from collections.abc import Generator

import httpx

from audit_core import ConfigurationError, Secret, SessionAuth, TransportError, choose_credentials, json_body

from ._errors import SESSION_RENEWAL_CODES, VENDOR, SecondFactorRequiredError, read_envelope

AUTH_OPERATION = "user/auth"


def _secret(value: str | Secret | None, name: str) -> Secret | None:
    if value is None or isinstance(value, Secret):
        return value
    if isinstance(value, str):
        return Secret(value)
    raise ConfigurationError(f"{name}= must be a str, not {type(value).__name__}", vendor=VENDOR)


def _given(value: Secret | None) -> str | None:
    return None if value is None else value.get_secret_value().strip()


def _is_session_ended(response: httpx.Response) -> bool:
    try:
        body = json_body(response)
    except ValueError:
        return False
    if not isinstance(body, dict) or body.get("success") is not False:
        return False
    status = body.get("status")
    code = status.get("code") if isinstance(status, dict) else None
    return isinstance(code, int) and code in SESSION_RENEWAL_CODES


class NavixyAuth(SessionAuth):
    """Sign every request with ``Authorization: NVX <hash>``.

    Give either ``api_key`` or ``login`` and ``password`` (anything else is a
    :class:`~audit_core.ConfigurationError`); ``base_url`` locates ``user/auth``.

    >>> NavixyAuth(base_url="https://api.eu.navixy.com/v2", api_key="k3y")
    NavixyAuth(mode='api_key')
    """

    def __init__(
        self,
        *,
        base_url: str,
        api_key: str | Secret | None = None,
        login: str | Secret | None = None,
        password: str | Secret | None = None,
    ) -> None:
        key = _secret(api_key, "api_key")
        self._login = _secret(login, "login")
        self._password = _secret(password, "password")
        choose_credentials(
            VENDOR,
            [{"api_key=": _given(key)}, {"login=": _given(self._login), "password=": _given(self._password)}],
        )
        super().__init__(key=key, can_login=key is None)
        self._auth_url = httpx.URL(base_url.rstrip("/") + "/" + AUTH_OPERATION)

    @property
    def mode(self) -> str:
        """``"api_key"`` or ``"session"``."""
        return "api_key" if self._key is not None else "session"

    def secrets(self) -> list[Secret]:
        """Every secret this auth holds, for redaction."""
        return super().secrets() + [s for s in (self._login, self._password) if s is not None]

    def __repr__(self) -> str:
        return f"NavixyAuth(mode={self.mode!r})"

    # -- the hooks of SessionAuth -----------------------------------------------------------------

    def exempt(self, request: httpx.Request) -> bool:
        """A ``user/auth`` call of the caller's own is sent as it is."""
        return request.url.path.rstrip("/").endswith("/" + AUTH_OPERATION)

    def sign(self, request: httpx.Request, credential: Secret) -> httpx.Request:
        """``Authorization: NVX <hash>``."""
        request.headers["Authorization"] = f"NVX {credential.get_secret_value()}"
        return request

    def session_ended(self, request: httpx.Request, response: httpx.Response) -> bool:
        """Error 4, in any HTTP status."""
        return _is_session_ended(response)

    def login(self, like: httpx.Request) -> Generator[httpx.Request, httpx.Response, Secret]:
        """``user/auth`` with login and password; the session hash it answers (a second factor: a clear error)."""
        assert self._login is not None
        assert self._password is not None
        body = {"login": self._login.get_secret_value(), "password": self._password.get_secret_value()}
        request = httpx.Request(
            "POST",
            self._auth_url,
            content=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            extensions={k: v for k, v in like.extensions.items() if k == "timeout"},
        )
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
        return Secret(value)
