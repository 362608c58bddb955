"""The fake's cached JSON: each record encoded once, answers joined from those bytes, still exactly as json.dumps."""

from __future__ import annotations

import json
import random
from typing import Any

from zabbix_audit.testing import FakeZabbix

FIRST = 1714521600


def dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def same(fake: FakeZabbix, params: dict[str, Any]) -> Any:
    """The bytes the server sends are the compact json.dumps of the value answered (same shuffle: same seed)."""
    state = fake.rng.getstate()
    value = fake._auditlog_get(params)
    fake.rng.setstate(state)
    assert fake._auditlog_get_json(params) == dumps(value)
    return value


def test_answers_stay_exact_as_records_come_and_change() -> None:
    source = FakeZabbix(seed=3)
    for second in range(30):
        source.add_records(1 + second % 4, clock=FIRST + second, name="grüppe")
    fake = FakeZabbix()
    fake.load(random.Random(4).sample(source.records, len(source.records)))  # encoded here
    ordered = {"sortfield": ["clock", "auditid"], "sortorder": "DESC", "limit": 7}
    for params in (
        {"time_from": FIRST + 3, "time_till": FIRST + 20},
        {"time_from": FIRST + 3, **ordered},
        {"sortfield": "clock", "limit": 5},  # ties shuffled
        {"output": ["auditid", "clock"], **ordered},
        {"preservekeys": True, **ordered},
        {"countOutput": True, "time_from": FIRST + 10},
        {"filter": {"resourcename": ["grüppe-00001"]}, **ordered},
        {"userids": [], **ordered},
    ):
        same(fake, params)
    fake.add_records(2, clock=FIRST + 5, name="late")  # in the past: goes to its place, the index is redone
    assert {r["resourcename"] for r in same(fake, {"time_from": FIRST + 5, "time_till": FIRST + 5})} >= {"late-00001"}
    fake.add_records(1, clock=FIRST + 99, name="new")  # in order: encoded on first use
    assert same(fake, ordered)[0]["resourcename"] == "new-00000"
    fake.records[0]["ip"] = "192.0.2.1"  # changed in place: announced, then answered anew
    fake.changed()
    assert same(fake, {"sortfield": ["clock", "auditid"], "limit": 1})[0]["ip"] == "192.0.2.1"


def test_the_envelope_is_the_compact_json_dumps_and_a_login_record_is_cached_complete() -> None:
    fake = FakeZabbix(clock=lambda: FIRST)
    fake.add_records(3, clock=FIRST - 1)
    login = {"jsonrpc": "2.0", "method": "user.login", "params": {"username": "Admin", "password": "zabbix"}, "id": 1}
    sid = fake.handle(login, None)
    call = {"jsonrpc": "2.0", "method": "auditlog.get", "params": {"sortfield": ["clock", "auditid"]}, "auth": sid}
    got = json.loads(fake.handle_json(call, None))
    assert got == fake.handle(call, None)
    assert got[-1]["action"] == "8" and got[-1]["resourcename"] == "" and got[-1]["details"] == ""
    version = {"jsonrpc": "2.0", "method": "apiinfo.version", "params": [], "id": 2}
    assert fake.handle_json(version, None) == b'"6.0.14"' == dumps(fake.handle(version, None))
