"""The JSON-RPC envelope: building requests, reading answers, the API URL."""

from __future__ import annotations

import itertools
import json
from typing import Any

import httpx

from audit_core import TransportError, check_base_url, json_body

from ._errors import VENDOR, error_from_envelope, http_error

ENDPOINT = "api_jsonrpc.php"
#: Methods that must be called without credentials.
UNAUTHENTICATED = frozenset({"apiinfo.version", "user.login"})
#: The first version that takes the credentials in ``Authorization: Bearer`` (``auth`` is refused from 7.2).
BEARER_SINCE = (6, 4)

_ids = itertools.count(1)


def next_id() -> int:
    """A fresh JSON-RPC request id."""
    return next(_ids)


def normalize_url(url: str) -> str:
    """The frontend URL, whether given as ``http://host/zabbix`` or ``.../api_jsonrpc.php``.

    >>> normalize_url("https://example.com/zabbix/api_jsonrpc.php")
    'https://example.com/zabbix'
    >>> normalize_url("https://example.com/zabbix/")
    'https://example.com/zabbix'
    """
    base = check_base_url(url, vendor=VENDOR)
    if base.endswith("/" + ENDPOINT):
        base = base[: -len(ENDPOINT) - 1]
    return base


def parse_version(text: str) -> tuple[int, ...]:
    """``"6.4.0"`` → ``(6, 4, 0)``; a version Zabbix would never send is an error.

    >>> parse_version("7.2.0") >= BEARER_SINCE
    True
    """
    try:
        parts = tuple(int(p) for p in text.split(".")[:3])
    except ValueError:
        raise TransportError(f"apiinfo.version answered {text[:40]!r}, not a version", vendor=VENDOR) from None
    if len(parts) < 2:
        raise TransportError(f"apiinfo.version answered {text[:40]!r}, not a version", vendor=VENDOR)
    return parts


def body_of(request: httpx.Request) -> Any:
    """The decoded JSON body of a request we built (``None`` when it has none or is not JSON)."""
    try:
        return json.loads(request.content or b"null")
    except ValueError:
        return None


def rpc_request(url: httpx.URL | str, body: dict[str, Any]) -> httpx.Request:
    """A POST of one JSON-RPC call (Zabbix refuses other content types with HTTP 412)."""
    return httpx.Request("POST", url, content=dump(body), headers={"Content-Type": "application/json"})


def dump(body: Any) -> bytes:
    """Compact JSON, as sent on the wire."""
    return json.dumps(body, separators=(",", ":")).encode()


def read_result(response: httpx.Response, method: str) -> Any:
    """The ``result`` of an answer, or the typed error it carries.

    HTTP errors that were not retried become :class:`APIError` (404, a wrong URL: :class:`NotFoundError`;
    401: :class:`ZabbixAuthenticationError`; 403: :class:`ZabbixPermissionError`).
    """
    if response.status_code != 200:
        raise http_error(response.status_code, method)
    try:
        data = json_body(response)
    except ValueError:
        raise TransportError("the answer is not valid JSON", vendor=VENDOR, operation=method) from None
    if not isinstance(data, dict):
        raise TransportError("the answer is not a JSON-RPC response", vendor=VENDOR, operation=method)
    if "error" in data:
        raise error_from_envelope(data["error"], method)
    if "result" not in data:
        raise TransportError("the answer has neither result nor error", vendor=VENDOR, operation=method)
    return data["result"]
