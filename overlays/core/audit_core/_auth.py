"""One session-login flow for every vendor that logs in (Zabbix, Navixy): an ``httpx.Auth``, no I/O.

A vendor whose API takes either a long-lived key (sent as it is) or a login that
opens a session subclasses :class:`SessionAuth` and supplies hooks:

* ``login(like)``: a generator that yields the login request(s) and returns the session secret;
* ``sign(request, credential)``: the request carrying that credential;
* ``session_ended(request, response)``: whether the answer says the session is over;
* ``exempt(request)`` (optional): requests sent as they are (a login of the caller's own);
* ``prepare(like)`` (optional): requests to make once before anything else (Zabbix reads the version).

The flow logs in on first use, signs every request, and when a session *it opened*
is reported ended, logs in again and repeats the request, once; a second "ended"
answer is returned as it is, for the vendor's error handling to raise. A key is
never renewed: an "ended" answer with a key means the key was revoked.
"""

from __future__ import annotations

import threading
from collections.abc import Generator

import httpx

from ._secrets import Secret

Flow = Generator[httpx.Request, httpx.Response, None]


class SessionAuth(httpx.Auth):
    """Sign requests with a static ``key`` or a session opened by :meth:`login`.

    >>> class Demo(SessionAuth):
    ...     def sign(self, request, credential):
    ...         request.headers["Authorization"] = credential.get_secret_value()
    ...         return request
    >>> auth = Demo(key=Secret("k"))
    >>> flow = auth.auth_flow(httpx.Request("GET", "https://example.com"))
    >>> next(flow).headers["Authorization"]
    'k'
    """

    requires_response_body = True

    def __init__(self, *, key: Secret | None = None, can_login: bool = False) -> None:
        self._key = key
        self._can_login = can_login and key is None
        self._session: Secret | None = None
        self._lock = threading.Lock()
        #: How many times a session was opened (the first login included).
        self.logins = 0

    # -- hooks -------------------------------------------------------------------------------------

    def login(self, like: httpx.Request) -> Generator[httpx.Request, httpx.Response, Secret]:
        """Yield the login request(s) (built like ``like``: same URL base, same time-outs); return the session."""
        raise NotImplementedError
        yield like  # pragma: no cover - makes this a generator

    def sign(self, request: httpx.Request, credential: Secret) -> httpx.Request:
        """Return ``request`` carrying ``credential``."""
        raise NotImplementedError

    def session_ended(self, request: httpx.Request, response: httpx.Response) -> bool:
        """Whether ``response`` says the session is over (default: never)."""
        return False

    def exempt(self, request: httpx.Request) -> bool:
        """Whether ``request`` is sent without a credential (default: none is)."""
        return False

    def prepare(self, like: httpx.Request) -> Flow:
        """Requests to make before the first signed one (default: none)."""
        yield from ()

    # -- the flow ------------------------------------------------------------------------------------

    @property
    def has_session(self) -> bool:
        """True while a session this flow opened is open."""
        return self._session is not None

    def forget_session(self) -> None:
        """Drop the session (after a logout)."""
        with self._lock:
            self._session = None

    def secrets(self) -> list[Secret]:
        """Every secret the flow holds (for redaction checks)."""
        return [s for s in (self._key, self._session) if s is not None]

    def _open(self, like: httpx.Request) -> Generator[httpx.Request, httpx.Response, Secret]:
        self.logins += 1
        session = yield from self.login(like)
        with self._lock:
            self._session = session
        return session

    def auth_flow(self, request: httpx.Request) -> Flow:
        """Sign ``request``: log in first or again when needed (see the module docs)."""
        if self.exempt(request):
            yield request
            return
        yield from self.prepare(request)
        credential = self._key or self._session
        if credential is None and self._can_login:
            credential = yield from self._open(request)
        if credential is None:  # logged out: sent as it is, the vendor says why not
            yield request
            return
        response = yield self.sign(request, credential)
        if self._key is None and self._can_login and self.session_ended(request, response):
            with self._lock:
                if self._session == credential:
                    self._session = None
            credential = self._session or (yield from self._open(request))
            yield self.sign(request, credential)
