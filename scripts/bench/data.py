"""The benchmark data: each vendor's fake filled with ``n`` records in bulk, and the page its clients ask for.

Records are spread evenly over a fixed window starting at :data:`START`, in time order:

- Voximplant: one a second (``make_records``), pages of 1,000 with count/offset;
- Navixy: one a second, pages of 1,000 (limit/offset, sorted by ``action_datetime``);
- NLPearl: 1,000 a day (one every 86.4 s, never on a midnight), so ``n`` records are ``n / 1000`` one-day windows;
- Zabbix: 50 a second (one ``recordsetid`` per second, like a bulk API call), pages of 1,000.

Example::

    >>> fake, since, until = build("nlpearl", 2_000)
    >>> (until - since).days
    2
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from typing import Any

START = datetime(2024, 5, 1, tzinfo=UTC)
VENDORS = ("voximplant", "navixy", "nlpearl", "zabbix")
PAGE = 1000
NLPEARL_PER_DAY = 1000
ZABBIX_PER_SECOND = 50
#: The Navixy API key and the Voximplant account every fake of a run is built with.
NAVIXY_KEY = "0123456789abcdef0123456789abcdef"
ACTIONS = ("create", "update", "delete", "login")
CATEGORIES = ("tracker", "user", "custom_field", "zone")


def window(vendor: str, n: int) -> tuple[datetime, datetime]:
    """``[since, until)`` holding exactly the ``n`` records of :func:`build`."""
    if vendor == "nlpearl":
        return START, START + timedelta(days=-(-n // NLPEARL_PER_DAY))
    if vendor == "zabbix":
        return START, START + timedelta(seconds=-(-n // ZABBIX_PER_SECOND))
    return START, START + timedelta(seconds=n)


def build(vendor: str, n: int, account: Any = None) -> tuple[Any, datetime, datetime]:
    """The vendor's fake holding ``n`` records, and the window that holds them all."""
    since, until = window(vendor, n)
    if vendor == "voximplant":
        from voximplant_audit.testing import FakeVoximplant, make_account, make_records

        vox = FakeVoximplant(account or make_account(), [], report_polls=0, download_mode="gzip-file")
        vox.extend(make_records(n, start=START, step=timedelta(seconds=1)))
        return vox, since, until
    if vendor == "navixy":
        from navixy_audit.testing import NavixyFake, Rec

        nvx = NavixyFake(max_span=timedelta(days=3650))
        nvx.add_api_key(NAVIXY_KEY)
        nvx.extend(
            Rec(
                id=nvx.next_id(),
                user_id=3,
                subuser_id=100 + i % 5 if i % 4 else None,
                entry_category=CATEGORIES[i % 4],
                entry_id=5000 + i % 97,
                action=ACTIONS[i % 4],
                payload={"field": f"label {i}", "old": i % 11, "new": i % 13} if i % 3 else None,
                host=f"10.0.{i % 4}.{1 + i % 7}",
                user_agent="Mozilla/5.0 (X11; Linux x86_64)" if i % 2 else None,
                action_date=START + timedelta(seconds=i),
                user_name=f"user-{100 + i % 5}",
            )
            for i in range(n)
        )
        return nvx, since, until
    if vendor == "nlpearl":
        from nlpearl_audit.testing import NLPearlFake, StoredEvent, ticks_of

        pearl = NLPearlFake()
        step = timedelta(days=1) / NLPEARL_PER_DAY
        first = ticks_of(START + step / 2)
        pearl.extend(
            StoredEvent(
                first + i * (step // timedelta(microseconds=1)) * 10,
                {
                    "eventType": (2, 10, 30, 41)[i % 4],
                    "user": {"id": f"u{i % 7}", "name": f"User {i % 7}", "type": 1 + i % 2},
                    "additionalData": {"pearlId": f"p{i % 13}", "ip": f"10.1.{i % 4}.{i % 200}"} if i % 3 else None,
                },
            )
            for i in range(n)
        )
        return pearl, since, until
    if vendor == "zabbix":
        from zabbix_audit.testing import FakeZabbix

        zbx = FakeZabbix(seed=7)
        zbx.load(zabbix_records(n))
        return zbx, since, until
    raise ValueError(f"unknown vendor {vendor!r}")


def zabbix_records(n: int) -> list[dict[str, str]]:
    """``n`` ``auditlog.get`` records as Zabbix 6.0 writes a bulk ``hostgroup.create``: 50 a second."""
    rng = random.Random(7)
    first = int(START.timestamp())
    out = []
    for i in range(n):
        second = i // ZABBIX_PER_SECOND
        name = f"group-{i:07d}"
        out.append(
            {
                "auditid": f"c{i:024d}",
                "userid": "1",
                "username": "Admin",
                "clock": str(first + second),
                "ip": "127.0.0.1",
                "action": "0",
                "resourcetype": "14",
                "resourceid": str(1000 + i),
                "resource_cuid": "0",
                "resourcename": name,
                "recordsetid": f"r{second:024d}",
                "details": json.dumps(
                    {
                        "hostgroup.name": ["add", name],
                        "hostgroup.uuid": ["add", f"{rng.getrandbits(128):032x}"],
                        "hostgroup.groupid": ["add", str(1000 + i)],
                    },
                    separators=(",", ":"),
                ),
            }
        )
    return out


def page_body(vendor: str, fake: Any, since: datetime, until: datetime, offset: int = 0) -> bytes:
    """The bytes of the 1,000-record answer a client reads from ``offset`` of the window (the fake's own encoder)."""
    if vendor == "voximplant":
        last = until - timedelta(seconds=1)
        params = {
            "from_date": since.strftime("%Y-%m-%d %H:%M:%S"),
            "to_date": last.strftime("%Y-%m-%d %H:%M:%S"),
            "count": str(PAGE),
            "offset": str(offset),
        }
        return fake.get_audit_log_json(params)  # type: ignore[no-any-return]
    if vendor == "navixy":
        from navixy_audit.testing import Principal

        body = {
            "from": since.isoformat(),
            "to": until.isoformat(),
            "limit": PAGE,
            "offset": offset,
            "sort": ["action_datetime=asc"],
        }
        return fake.audit_log_list_json(Principal(3), body, True)  # type: ignore[no-any-return]
    if vendor == "nlpearl":
        from nlpearl_audit.testing import ticks_of

        day = since + timedelta(days=offset // NLPEARL_PER_DAY)
        return fake.select_json(ticks_of(day), ticks_of(day + timedelta(days=1)) - 1, None, None)  # type: ignore[no-any-return]
    if vendor == "zabbix":
        rpc: dict[str, Any] = {
            "output": "extend",
            "time_from": int(since.timestamp()) + offset // ZABBIX_PER_SECOND,
            "time_till": int(until.timestamp()) - 1,
            "sortfield": ["clock", "auditid"],
            "sortorder": "ASC",
            "limit": PAGE,
        }
        return b'{"jsonrpc":"2.0","result":' + fake._auditlog_get_json(rpc) + b',"id":1}'  # type: ignore[no-any-return]
    raise ValueError(f"unknown vendor {vendor!r}")
