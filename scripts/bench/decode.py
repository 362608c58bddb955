"""Typed decoding: one 1,000-record answer, from its bytes to our typed records, against ``json.loads`` into dicts.

Both sides start from the same ``httpx.Response`` over the same bytes (the fake's own answer), so
the figure is the SDK's decoding alone: envelope checks, the generated models, our records, times.
The SDK side calls the functions its pager calls on each answer (internal names: this module moves
with them).

Example::

    >>> ours, raw = decoders("navixy")
    >>> body = b'{"success": true, "list": []}'
    >>> ours(body), raw(body)
    (0, 0)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import attrs
import httpx

#: Where each vendor's pager reads an answer (the request only names the call in errors).
REQUESTS = {
    "voximplant": httpx.Request("POST", "http://127.0.0.1/platform_api/GetAuditLog"),
    "navixy": httpx.Request("POST", "http://127.0.0.1/v2/user/audit/log/list"),
    "nlpearl": httpx.Request("POST", "http://127.0.0.1/v2/Account/AuditLog"),
    "zabbix": httpx.Request("POST", "http://127.0.0.1/api_jsonrpc.php"),
}
JSON = {"Content-Type": "application/json; charset=utf-8"}


def _response(vendor: str, body: bytes) -> httpx.Response:
    return httpx.Response(200, content=body, headers=JSON, request=REQUESTS[vendor])


def decoders(vendor: str) -> tuple[Callable[[bytes], int], Callable[[bytes], int]]:
    """(ours, baseline): each turns an answer's bytes into records and returns how many."""
    ours, baseline = _decoders(vendor)
    return (lambda body: len(ours(body))), baseline


def full_readers(vendor: str) -> tuple[Callable[[bytes], int], Callable[[bytes], int]]:
    """(ours, baseline) as :func:`decoders`, ours then reading every field of every record.

    Our records decode most fields on first access (``audit_core.LazyRecord``): this is the cost
    of a consumer that reads everything, ``raw`` included. The baseline is the same ``json.loads``.
    """
    ours, baseline = _decoders(vendor)

    def read_all(body: bytes) -> int:
        records = ours(body)
        if records:
            names = [field.name for field in attrs.fields(type(records[0]))]
            for record in records:
                for name in names:
                    getattr(record, name)
        return len(records)

    return read_all, baseline


def _decoders(vendor: str) -> tuple[Callable[[bytes], list[Any]], Callable[[bytes], int]]:

    def baseline(body: bytes) -> int:
        data = json.loads(_response(vendor, body).content)
        if isinstance(data, dict):
            data = data.get("result", data.get("list"))
        return len(data)

    if vendor == "voximplant":
        from voximplant_audit._models import read_audit_log_page
        from voximplant_audit._paging import records_of
        from voximplant_audit_api import Client

        client = Client(base_url="http://127.0.0.1")

        def ours(body: bytes) -> list[Any]:  # what the client's fetch and the pager do
            return records_of(read_audit_log_page(client, _response(vendor, body)))

    elif vendor == "navixy":
        from navixy_audit._paging import read_records as navixy_records

        def ours(body: bytes) -> list[Any]:
            return navixy_records(_response(vendor, body))

    elif vendor == "nlpearl":
        from nlpearl_audit._models import events_from_wire
        from nlpearl_audit._paging import read_records as nlpearl_records

        def ours(body: bytes) -> list[Any]:  # what the pager does with each answer before it sorts the events
            return events_from_wire(nlpearl_records(_response(vendor, body)))

    elif vendor == "zabbix":
        from zabbix_audit._paging import read_records as zabbix_records
        from zabbix_audit._wire import read_result

        def ours(body: bytes) -> list[Any]:
            return zabbix_records(read_result(_response(vendor, body), "auditlog.get"))

    else:
        raise ValueError(f"unknown vendor {vendor!r}")
    return ours, baseline
