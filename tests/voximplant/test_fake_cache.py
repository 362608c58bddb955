"""The fake's cached JSON: each record encoded once, answers joined from those bytes, still exactly json.dumps."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from voximplant_audit.testing import DATE_FORMAT, Account, FakeVoximplant, make_records, record_json

T0 = datetime(2024, 5, 1, tzinfo=UTC)


def params(**more: str) -> dict[str, str]:
    base = {
        "from_date": T0.strftime(DATE_FORMAT),
        "to_date": (T0 + timedelta(days=1)).strftime(DATE_FORMAT),
        "count": "1000",
        "with_total_count": "true",
    }
    return {**base, **more}


def same(fake: FakeVoximplant, query: dict[str, str]) -> Any:
    """The bytes the server sends are json.dumps of the value answered; return that value."""
    value = fake.get_audit_log(query)
    assert fake.get_audit_log_json(query) == json.dumps(value).encode()
    return value


def test_a_records_cached_json_is_json_dumps_of_its_wire_dict() -> None:
    record = make_records(1, start=T0)[0]
    record["subuser_name"] = 'ünïcode "quoted"\n'
    zone = ZoneInfo("Asia/Tokyo")
    wire = {**record, "requested": record["requested"].astimezone(zone).strftime(DATE_FORMAT)}
    assert record_json(record, zone) == json.dumps(wire).encode()


def test_answers_stay_exact_as_records_come_change_and_the_time_zone_changes(account: Account) -> None:
    fake = FakeVoximplant(account, [], timezone="Europe/Moscow")
    fake.extend(make_records(50, start=T0, step=timedelta(seconds=10)))  # encoded here, with Moscow time
    for query in (params(), params(desc_order="true", offset="7", count="9"), params(filtered_ip="10.0.1.2")):
        same(fake, query)
    fake.append(make_records(1, start=T0 + timedelta(hours=1), first_id=990001)[0])  # in order: encoded on use
    assert [r["audit_log_id"] for r in same(fake, params(desc_order="true", count="2"))["result"]] == [990001, 900050]
    fake.append(make_records(1, start=T0 + timedelta(seconds=15), first_id=990002)[0])  # out of order: scans
    assert 990002 in [r["audit_log_id"] for r in same(fake, params())["result"]]
    fake.timezone = "UTC"  # the cached bytes were Moscow time: encoded again
    first = same(fake, params(count="1"))["result"][0]
    assert first["requested"] == T0.strftime(DATE_FORMAT)
    fake.records[0]["ip"] = "192.0.2.1"  # changed in place: announced, then answered anew
    fake.changed()
    assert same(fake, params(count="1"))["result"][0]["ip"] == "192.0.2.1"
