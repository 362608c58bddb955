# Generated from overlays/zabbix/zabbix_audit/_async/_client.py by scripts/unasync.py: edit that file.
"""The Zabbix client: JSON-RPC over ``api_jsonrpc.php``, version-dependent auth, keyset paging over ``auditlog.get``."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Self, Unpack

import httpx

from audit_core import (
    AuditError,
    BaseClient,
    ClientOptions,
    ConfigurationError,
    EnvSpec,
    EnvVar,
    RetryReason,
    Secret,
    choose_credentials,
)

from .._auth import ZabbixAuth
from .._backend import login_at_enter, unknown_version
from .._errors import VENDOR, classify, operation
from .._wire import ENDPOINT, dump, next_id, normalize_url, parse_version, read_result

# The generated models and the paging are imported by the methods that need them: importing the
# SDK and building a client stays cheap (start-up time). The names below are for type checkers.
if TYPE_CHECKING:
    from audit_core import Page, SlicedPager

    from .._models import AuditRecord
    from .._paging import AuditCursor

logger = logging.getLogger("zabbix_audit")

_JSON = {"Content-Type": "application/json"}


def _credentials(username: object, password: object, token: object) -> None:
    """Exactly one way to log in, as strings: ``token=``, or ``username=`` and ``password=``."""
    choose_credentials(VENDOR, [{"token=": token}, {"username=": username, "password=": password}])
    for name, value in (("username", username), ("password", password), ("token", token)):
        if value is not None and not isinstance(value, (str, Secret)):
            raise ConfigurationError(f"{name}= must be a string, not {type(value).__name__}", vendor=VENDOR)
    if isinstance(token, str) and not token.strip():
        raise ConfigurationError("token= is blank: pass the API token from Users > API tokens", vendor=VENDOR)


class Client(BaseClient):
    """Read the Zabbix audit log (``auditlog.get``).

    ``base_url`` is the frontend URL, ``https://host/zabbix``; the API URL
    ``https://host/zabbix/api_jsonrpc.php`` is accepted too. Log in with ``username`` and
    ``password`` (a session, closed by ``close()``) or with an API ``token``, not both.
    The options (``timeout=``, ``max_retries=``, ``retry_policy=``, ``verify=``,
    ``transport=``) are every SDK's; ``.generated`` is the generated client on the same
    connection, auth and retries.

    >>> from datetime import datetime, timedelta, timezone
    >>> with Client("https://zabbix.example.com/zabbix", token="...") as zbx:  # doctest: +SKIP
    ...     until = datetime.now(timezone.utc)
    ...     for rec in zbx.iter_audit_log(until - timedelta(days=1), until):
    ...         print(rec.clock, rec.action.name, rec.resourcename)
    """

    VENDOR = VENDOR
    GENERATED_CLIENT = "zabbix_audit_api:AuthenticatedClient"
    ENV = EnvSpec(
        vendor=VENDOR,
        url=EnvVar("ZABBIX_URL", "base_url", "the Zabbix frontend URL, like https://zabbix.example.com/zabbix"),
        url_required=True,
        credentials=(
            (EnvVar("ZABBIX_TOKEN", "token", "API token (Users > API tokens)", secret=True),),
            (
                EnvVar("ZABBIX_USER", "username", "user name (a Super admin: auditlog.get needs one)"),
                EnvVar("ZABBIX_PASSWORD", "password", "that user's password", secret=True),
            ),
        ),
    )

    def __init__(
        self,
        base_url: str,
        *,
        username: str | None = None,
        password: str | Secret | None = None,
        token: str | Secret | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        _credentials(username, password, token)
        self._auth = ZabbixAuth(username=username, password=password, token=token)
        super().__init__(normalize_url(base_url), auth=self._auth, **options)

    def classify(self, request: httpx.Request, response: httpx.Response) -> RetryReason | None:
        """Retry answers that are not JSON-RPC and the transient "Error connecting to database." (code 1)."""
        return classify(request, response)

    def operation(self, request: httpx.Request) -> str:
        """The JSON-RPC method (``auditlog.get``)."""
        return operation(request)

    def _call(self, method: str, content: bytes) -> Any:
        return read_result(self._post(ENDPOINT, method, content=content, headers=_JSON), method)

    @property
    def version(self) -> str:
        """The API version (``apiinfo.version``), like ``"6.0.14"``; asked once.

        Known after entering the client, :meth:`login` or :meth:`get_version`. Before that, the
        sync client asks the server now; the sync one raises :class:`InvalidInputError` (a
        property cannot wait).
        """
        return self._auth.version or unknown_version(self)

    def get_version(self) -> str:
        """Ask ``apiinfo.version`` (once) and return it."""
        if self._auth.version is None:
            from zabbix_audit_api.models import ApiinfoVersionRequest

            body = ApiinfoVersionRequest(params=[], id=next_id()).to_dict()
            version = str(self._call("apiinfo.version", dump(body)))
            parse_version(version)
            self._auth.version = version
        return self._auth.version

    def login(self) -> None:
        """Ask the version and open the session now, to fail early (otherwise the first call does it)."""
        flow = self._auth.handshake(self._http.build_request("POST", ENDPOINT))
        try:
            request = next(flow)
            while True:
                request = flow.send(self._send(request, operation(request)))
        except StopIteration:
            pass

    def iter_audit_log(
        self,
        since: datetime,
        until: datetime,
        *,
        userids: Iterable[int | str] | None = None,
        actions: Iterable[int] | None = None,
        resourcetypes: Iterable[int] | None = None,
        search: Mapping[str, str | Sequence[str]] | None = None,
        page_size: int = 1000,
        cursor: AuditCursor | str | None = None,
    ) -> SlicedPager[AuditRecord, AuditCursor]:
        """Every audit record with ``since <= clock < until``, once each, oldest first.

        ``userids``, ``actions`` (:class:`AuditAction`), ``resourcetypes`` (:class:`ResourceType`)
        keep records matching any of the values; ``search`` maps ``username``, ``ip``,
        ``resourcename`` or ``details`` to a case-insensitive substring (all must match).
        ``page_size`` records are asked for per request. ``cursor`` (``pager.cursor`` or its
        ``to_token()`` from an earlier pull) starts right after that position, whatever
        ``since`` says; ``until`` may be later than the earlier pull's.

        >>> pager = zbx.iter_audit_log(since, until, actions=[AuditAction.LOGIN])  # doctest: +SKIP
        >>> [rec.username for rec in pager]  # doctest: +SKIP
        """
        import attrs

        from audit_core import Page, SlicedPager, Slicer

        from .._paging import AuditCursor, AuditQuery, auditlog_body, read_records

        query = AuditQuery.build(
            since,
            until,
            userids=userids,
            actions=actions,
            resourcetypes=resourcetypes,
            search=search,
            page_size=page_size,
        )
        start = query.start(cursor)

        def fetch(at: AuditCursor, limit: datetime) -> Page[AuditRecord, AuditCursor]:
            slice_query = query.ending(limit)
            if slice_query.time_till == at.clock and not at.whole_second:  # a one-second slice: read it whole
                at = attrs.evolve(at, whole_second=True)
            params = slice_query.params(at)
            if params is None:
                return Page([], [], None)
            return slice_query.page(at, params, read_records(self._call("auditlog.get", auditlog_body(params))))

        slicer: Slicer[AuditRecord, AuditCursor] = Slicer(
            position=_position, at=AuditCursor, until=query.until, page_size=query.page_size
        )
        return SlicedPager(fetch, start, slicer, self._concurrency)

    def close(self) -> None:
        """Log out of the session this client opened (not of an API token) and close the connection.

        A failed ``user.logout`` is logged as a warning, not raised: the session then expires on the server.
        """
        try:
            if self._auth.has_session:
                from zabbix_audit_api.models import UserLogoutRequest

                body = UserLogoutRequest(params=[], id=next_id()).to_dict()
                try:
                    self._call("user.logout", dump(body))
                except AuditError as exc:  # do not hide the caller's own error; the session will expire
                    logger.warning("zabbix: user.logout failed, the session stays until it expires: %s", exc)
                finally:
                    self._auth.forget_session()
        finally:
            super().close()

    def __enter__(self) -> Self:
        login_at_enter(self)
        return self


def _position(cursor: AuditCursor) -> datetime:
    return cursor.position
