"""The fake's cached JSON: each record encoded once, answers joined from those bytes, still exactly json.dumps."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from typing import Any

from navixy_audit.testing import PLAIN_FORMAT, USER_TZ, NavixyFake, Principal, Rec, record_json

T0 = datetime(2024, 5, 1, tzinfo=UTC)
ME = Principal(3)


def body(**more: Any) -> dict[str, Any]:
    return {"from": T0.isoformat(), "to": (T0 + timedelta(days=1)).isoformat(), "sort": ["action_datetime=asc"], **more}


def plain(params: dict[str, Any]) -> dict[str, Any]:
    """``from``/``to`` as a request without the ISO header writes them (the user's local time)."""
    local = {k: datetime.fromisoformat(params[k]).astimezone(USER_TZ).strftime(PLAIN_FORMAT) for k in ("from", "to")}
    return {**params, **local}


def same(fake: NavixyFake, params: dict[str, Any], iso: bool = True) -> list[dict[str, Any]]:
    """The bytes the server sends are json.dumps of the value answered (one time a record: no ties to shuffle)."""
    seed = fake.rng.getstate()
    value = fake.audit_log_list(ME, params, iso)
    fake.rng.setstate(seed)
    assert fake.audit_log_list_json(ME, params, iso) == json.dumps(value).encode()
    listed: list[dict[str, Any]] = value["list"]
    return listed


def test_a_records_cached_json_is_json_dumps_of_its_wire_dict() -> None:
    rec = Rec(1, 3, None, "user", 7, "update", {"ü": [1, 2.5, None]}, "10.0.0.1", None, T0, "x")
    for iso in (True, False):
        assert record_json(rec, iso) == json.dumps(rec.wire(iso)).encode()


def test_answers_stay_exact_as_records_come_and_change() -> None:
    fake = NavixyFake()
    recs = [
        Rec(fake.next_id(), 3, i % 3 or None, "tracker", i, "create", {"n": i}, "h", None, T0 + timedelta(seconds=i))
        for i in range(40)
    ]
    fake.extend(random.Random(1).sample(recs, len(recs)))  # the ISO JSON is encoded here
    for params in (body(), body(sort=["action_datetime=desc"], offset=5, limit=7), body(actions=["create"])):
        same(fake, params, True)
        same(fake, plain(params), False)
    late = fake.add(T0 + timedelta(hours=1), subuser_id=1)  # in order: encoded on first use
    assert same(fake, body(sort=["action_datetime=desc"], limit=1))[0]["id"] == late.id
    early = fake.add(T0 + timedelta(seconds=5, milliseconds=500))  # goes to its place: the index is redone
    assert [r["id"] for r in same(fake, body(offset=5, limit=3))] == [recs[5].id, early.id, recs[6].id]
    fake.ignore_iso_header = True
    assert same(fake, body(limit=1))[0]["action_date"] == "2024-05-01 05:30:00"
    fake.records[0].host = "192.0.2.1"  # changed in place: announced, then answered anew
    fake.changed()
    assert same(fake, body(limit=1))[0]["host"] == "192.0.2.1"
