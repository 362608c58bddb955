"""AuditEvent field by field on the vendors' documented records, and their OCSF records against the schema."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from auditpull import Actor, AuditEvent, Resource, to_ocsf
from auditpull._vendors import Numbering, registry
from auditpull._vendors.nlpearl import content_hash

from .conftest import assert_valid_ocsf

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def _seed(marker: str) -> str:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text()
        if marker in text:
            return text
    raise AssertionError(f"no seed page contains {marker!r}")


def navixy_doc_record() -> dict[str, Any]:
    """The audit object of Navixy's "User audit log" page."""
    text = _seed("user/audit/log/list")
    block = re.search(r"## Audit object\s+```json\s+(\{.*?\})\s+```", text, re.S)
    assert block
    return dict(json.loads(block.group(1)))


def zabbix_doc_records() -> list[dict[str, Any]]:
    """The two records of the auditlog.get example response."""
    text = _seed("auditlog.get")
    block = re.search(r"Response:\s+``` \{\.java\}\s+(\{.*?\})\s+```", text, re.S)
    assert block
    return list(json.loads(block.group(1))["result"])


def test_navixy_doc_record_field_by_field() -> None:
    from navixy_audit import AuditRecord

    wire = navixy_doc_record()
    # The page shows the plain form; the SDK asks for ISO 8601 with an offset (NVX-ISO-DateTime: true),
    # which is how the same instant arrives for a user in UTC+3.
    assert wire["action_date"] == "2020-12-21 17:54:01"
    wire["action_date"] = "2020-12-21T17:54:01+03:00"
    ev = registry()["navixy"].to_event(AuditRecord.from_dict(wire), Numbering())
    assert ev == AuditEvent(
        vendor="navixy",
        id="44504790",
        time=datetime(2020, 12, 21, 14, 54, 1, tzinfo=UTC),
        actor=Actor(id="184541", name=None, type="subuser"),
        action="create",
        resource=Resource(type="custom_field", id=None, name="Decimal number"),
        source_ip="94.140.138.215",
        user_agent="Apache-HttpClient/4.1.1 (java 1.5)",
        outcome=None,
    )
    assert ev.raw == wire
    assert ev.to_dict()["time"] == "2020-12-21T14:54:01Z"
    ocsf = to_ocsf(ev)
    assert_valid_ocsf(ocsf)
    assert (ocsf["class_uid"], ocsf["activity_id"]) == (6003, 1)
    assert ocsf["src_endpoint"] == {"ip": "94.140.138.215"}
    assert ocsf["http_request"] == {"user_agent": "Apache-HttpClient/4.1.1 (java 1.5)"}
    assert ocsf["unmapped"] == {"payload": {"name": "Decimal number"}}


def test_zabbix_doc_records_field_by_field() -> None:
    from zabbix_audit import AuditRecord

    first, second = zabbix_doc_records()
    a = registry()["zabbix"].to_event(AuditRecord.from_wire(first), Numbering())
    assert a == AuditEvent(
        vendor="zabbix",
        id="cksstgfam0001yhdcc41y20q2",
        time=datetime(2021, 8, 26, 11, 1, 55, tzinfo=UTC),
        actor=Actor(id="1", name="Admin", type="user"),
        action="update",
        resource=Resource(type="user", id=None, name="Jim"),
        source_ip="127.0.0.1",
    )
    assert a.raw == first
    b = registry()["zabbix"].to_event(AuditRecord.from_wire(second), Numbering())
    assert (b.id, b.action, b.resource, b.time) == (
        "ckssofl0p0001yhdcqxclsg8r",
        "add",
        Resource(type="user", id="20", name="John"),
        datetime(2021, 8, 26, 8, 41, 18, tzinfo=UTC),
    )
    oa, ob = to_ocsf(a), to_ocsf(b)
    for rec in (oa, ob):
        assert_valid_ocsf(rec)
    assert (oa["class_uid"], oa["activity_id"]) == (3001, 99)  # a user changed: Account Change, Other
    assert (ob["class_uid"], ob["activity_id"], ob["type_uid"]) == (3001, 1, 300101)  # a user added: Create
    assert ob["user"]["uid"] == "20" and ob["user"]["name"] == "John"
    assert ob["actor"]["user"]["name"] == "Admin"
    assert ob["metadata"]["uid"] == "zabbix:ckssofl0p0001yhdcqxclsg8r"
    assert ob["metadata"]["product"] == {"name": "Zabbix", "vendor_name": "Zabbix"}
    assert ob["time"] == 1629967278000
    assert set(ob["unmapped"]) == {"action", "recordsetid", "details"}


def test_zabbix_logins_are_authentication_with_their_outcome() -> None:
    from zabbix_audit import AuditRecord

    base = {
        "auditid": "c" * 25,
        "userid": "1",
        "username": "Admin",
        "clock": "1629975715",
        "ip": "192.0.2.1",
        "resourcetype": "0",
        "resourceid": "1",
        "resourcename": "Admin",
        "recordsetid": "r" * 25,
        "details": "",
    }
    seen = {}
    for action, expected in (("8", (3002, 1, 1)), ("9", (3002, 1, 2)), ("4", (3002, 2, None))):
        ev = registry()["zabbix"].to_event(AuditRecord.from_wire({**base, "action": action}), Numbering())
        rec = to_ocsf(ev)
        assert_valid_ocsf(rec)
        seen[ev.action] = (rec["class_uid"], rec["activity_id"], rec.get("status_id"))
        assert seen[ev.action] == expected
    assert set(seen) == {"login", "failed_login", "logout"}


def test_voximplant_record_field_by_field() -> None:
    from voximplant_audit import AuditLogEntry
    from voximplant_audit_api.models import AuditLogInfoType

    wire = {
        "audit_log_id": 583119,
        "account_id": 4217811,
        "requested": "2024-05-01 12:00:00",
        "subuser_id": 101,
        "subuser_name": "ops-admin",
        "ip": "10.0.0.7",
        "cmd_name": "AddUser",
        "cmd_args": {"user_name": "alice", "user_display_name": "Alice", "application_id": [77]},
        "cmd_result": {"user_id": 5001},
    }
    entry = AuditLogEntry.from_generated(AuditLogInfoType.from_dict(wire), "Europe/Berlin")
    ev = registry()["voximplant"].to_event(entry, Numbering())
    assert ev == AuditEvent(
        vendor="voximplant",
        id="583119",
        time=datetime(2024, 5, 1, 10, 0, tzinfo=UTC),
        actor=Actor(id="101", name="ops-admin", type="subuser"),
        action="AddUser",
        resource=Resource(type="user", id=None, name="alice"),
        source_ip="10.0.0.7",
    )
    assert ev.raw == wire
    rec = to_ocsf(ev)
    assert_valid_ocsf(rec)
    assert (rec["class_uid"], rec["activity_id"]) == (6003, 1)  # an application user, not an account user
    assert rec["unmapped"] == {"cmd_args": wire["cmd_args"], "cmd_result": wire["cmd_result"]}
    owner = AuditLogEntry.from_generated(
        AuditLogInfoType.from_dict({**wire, "subuser_id": 0, "subuser_name": None, "cmd_name": "CreateKey"}), "UTC"
    )
    key = registry()["voximplant"].to_event(owner, Numbering())
    assert key.actor == Actor(id="4217811", name=None, type="account_owner")
    assert (to_ocsf(key)["class_uid"], to_ocsf(key)["activity_id"]) == (3001, 1)


def test_nlpearl_record_field_by_field_and_its_derived_id() -> None:
    from nlpearl_audit import AuditEvent as PearlEvent

    wire = {
        "timestamp": "2024-05-01T10:00:00.1234567Z",
        "eventType": 30,
        "user": {"id": "u-ada", "name": "Ada", "type": 1},
        "additionalData": {"ip": "198.51.100.7", "keyName": "ci-pipeline", "userAgent": "curl/8.5"},
    }
    ev = registry()["nlpearl"].to_event(PearlEvent.from_wire(wire), Numbering())
    assert ev == AuditEvent(
        vendor="nlpearl",
        id=f"{content_hash(wire)}-1",
        time=datetime(2024, 5, 1, 10, 0, 0, 123456, tzinfo=UTC),
        actor=Actor(id="u-ada", name="Ada", type="platform"),
        action="create_api_key",
        resource=Resource(type="api_key", id=None, name="ci-pipeline"),
        source_ip="198.51.100.7",
        user_agent="curl/8.5",
    )
    assert ev.raw == wire
    rec = to_ocsf(ev)
    assert_valid_ocsf(rec)
    assert (rec["class_uid"], rec["activity_id"]) == (3001, 1)
    assert rec["time"] == 1714557600123


def test_identical_nlpearl_events_at_one_instant_keep_distinct_stable_ids() -> None:
    from nlpearl_audit import AuditEvent as PearlEvent

    wire = {"timestamp": "2024-05-01T10:00:00Z", "eventType": 2, "user": {"id": "u", "name": "n", "type": 1}}
    numbering = Numbering()
    ids = [registry()["nlpearl"].to_event(PearlEvent.from_wire(dict(wire)), numbering).id for _ in range(3)]
    assert [i.rsplit("-", 1)[1] for i in ids] == ["1", "2", "3"]
    assert len({i.rsplit("-", 1)[0] for i in ids}) == 1
    again = Numbering()
    assert [registry()["nlpearl"].to_event(PearlEvent.from_wire(dict(wire)), again).id for _ in range(3)] == ids
    # An identical event at another instant starts again at 1, with another hash.
    later = registry()["nlpearl"].to_event(
        PearlEvent.from_wire({**wire, "timestamp": "2024-05-01T10:00:01Z"}), numbering
    )
    assert later.id.endswith("-1") and later.id.rsplit("-", 1)[0] != ids[0].rsplit("-", 1)[0]


@pytest.mark.parametrize(
    ("event_type", "expected"),
    [
        (1, (3002, 1)),
        (2, (3002, 1)),
        (30, (3001, 1)),
        (31, (3001, 6)),
        (73, (3001, 7)),
        (80, (3001, 99)),
        (81, (3001, 10)),
        (19, (6003, 4)),
        (74, (6003, 3)),
        (500, (6003, 99)),
    ],
)
def test_nlpearl_event_types_land_in_their_ocsf_class(event_type: int, expected: tuple[int, int]) -> None:
    from nlpearl_audit import AuditEvent as PearlEvent

    wire = {"timestamp": "2024-05-01T10:00:00Z", "eventType": event_type, "user": None}
    rec = to_ocsf(registry()["nlpearl"].to_event(PearlEvent.from_wire(wire), Numbering()))
    assert_valid_ocsf(rec)
    assert (rec["class_uid"], rec["activity_id"]) == expected


def test_the_readme_tables_say_what_the_code_does() -> None:
    """Every row of the README's OCSF tables (vendor, action, class, activity) matches the mapping."""
    readme = (Path(__file__).resolve().parents[2] / "overlays" / "auditpull" / "README.md").read_text()
    rows = re.findall(
        r"^\| (voximplant|nlpearl|zabbix|navixy) \| `([^`]+)`(?: on `([^`]+)`)? \| (\d{4}) [^|]*\| (\d+) ", readme, re.M
    )
    assert len(rows) >= 40
    for vendor, action, resource, class_uid, activity in rows:
        ev = AuditEvent(
            vendor=vendor,
            id="x",
            time=datetime(2024, 5, 1, tzinfo=UTC),
            action=action,
            resource=Resource(type=resource or None),
        )
        chosen = registry()[vendor].ocsf_class(ev)
        assert (chosen.class_uid, chosen.activity_id) == (int(class_uid), int(activity)), (vendor, action, resource)
