"""Property tests over the serializers: request parameters, records, cursors, URLs."""

from __future__ import annotations

import functools
import json
import math
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st
from openapi_schema_validator import OAS30Validator

from audit_core import InvalidInputError
from scripts.specs import resolved_spec
from zabbix_audit import AuditAction, AuditCursor, AuditRecord, ResourceType
from zabbix_audit._auth import ZabbixAuth
from zabbix_audit._paging import SEARCH_FIELDS, AuditQuery
from zabbix_audit._wire import normalize_url

EPOCH = datetime(2001, 1, 1, tzinfo=UTC)


@functools.cache
def validator(name: str) -> OAS30Validator:
    spec = resolved_spec("zabbix")
    return OAS30Validator({"$ref": f"#/components/schemas/{name}", "components": spec["components"]})


def fits(name: str, instance: Any) -> None:
    errors = sorted(validator(name).iter_errors(instance), key=str)
    assert not errors, f"{name}: {errors[0].message} in {instance!r}"


moments = st.datetimes(
    min_value=datetime(2001, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.sampled_from([UTC])
).map(lambda d: d.astimezone(UTC))
texts = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() == s and s)


@settings(max_examples=200, deadline=None)
@given(
    since=moments,
    length=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)),
    userids=st.none() | st.lists(st.integers(0, 10**9) | st.integers(0, 10**6).map(str), min_size=1, max_size=4),
    actions=st.none() | st.lists(st.sampled_from(list(AuditAction)) | st.integers(0, 99), min_size=1, max_size=4),
    resourcetypes=st.none() | st.lists(st.sampled_from(list(ResourceType)), min_size=1, max_size=4),
    search=st.none()
    | st.dictionaries(st.sampled_from(SEARCH_FIELDS), texts | st.lists(texts, min_size=1, max_size=3), min_size=1),
    page_size=st.integers(1, 100_000),
    seen=st.lists(st.text(alphabet="0123456789abcdefghijklmnopqrstuvwxyz", min_size=24, max_size=24), max_size=5),
)
def test_request_parameters_fit_the_spec(
    since: datetime,
    length: timedelta,
    userids: list[int | str] | None,
    actions: list[int] | None,
    resourcetypes: list[int] | None,
    search: dict[str, Any] | None,
    page_size: int,
    seen: list[str],
) -> None:
    until = since + length
    query = AuditQuery.build(
        since, until, userids=userids, actions=actions, resourcetypes=resourcetypes, search=search, page_size=page_size
    )
    assert query.time_from == math.ceil(since.timestamp())
    assert query.time_till == min(math.ceil(until.timestamp()) - 1, 2**31 - 1)
    cursor = AuditCursor.at(query.time_from, tuple("c" + s for s in seen))
    params = query.params(cursor)
    if query.time_till < query.time_from or query.time_from > 2**31 - 1:
        assert params is None
        return
    assert params is not None
    wire = params.to_dict()
    fits("AuditlogGetParams", wire)
    fits("AuditlogGetRequest", {"jsonrpc": "2.0", "method": "auditlog.get", "params": wire, "id": 1})
    assert wire["limit"] == page_size + len(set(seen))
    assert wire["sortfield"] == ["clock", "auditid"] and wire["sortorder"] == "ASC"
    if actions is not None:
        assert wire["filter"]["action"] == [str(int(a)) for a in actions]
    if userids is not None:
        assert wire["userids"] == [str(int(u)) for u in userids]
    if search is not None:
        assert wire["search"] == {k: (list(v) if isinstance(v, list) else v) for k, v in search.items()}
    whole = query.params(AuditCursor.at(query.time_from, (), -1, True))
    assert whole is not None and whole.to_dict()["time_till"] == query.time_from and "limit" not in whole.to_dict()


wire_ids = st.integers(0, 10**12).map(str)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)


@settings(max_examples=200, deadline=None)
@given(
    clock=st.integers(0, 2**31 - 1),
    action=st.integers(0, 500),
    resourcetype=st.integers(0, 500),
    details=st.dictionaries(st.text(max_size=20), json_values, max_size=4),
    userid=wire_ids,
    auditid=st.text(alphabet="0123456789abcdefghijklmnopqrstuvwxyz", min_size=24, max_size=24).map(lambda s: "c" + s),
)
def test_records_are_typed_without_losing_the_wire_values(
    clock: int, action: int, resourcetype: int, details: dict[str, Any], userid: str, auditid: str
) -> None:
    wire = {
        "auditid": auditid,
        "userid": userid,
        "username": "Admin",
        "clock": str(clock),
        "ip": "127.0.0.1",
        "action": str(action),
        "resourcetype": str(resourcetype),
        "resourceid": "0",
        "resource_cuid": "0",
        "resourcename": "x",
        "recordsetid": auditid,
        "details": json.dumps(details) if details else "",
    }
    fits("AuditLog", wire)
    record = AuditRecord.from_wire(wire)
    assert record.clock == datetime.fromtimestamp(clock, UTC) and record.clock.tzinfo is UTC
    assert record.timestamp == clock
    assert record.action == action and type(record.action) is AuditAction  # typed even when unknown
    assert record.action.value == action
    assert record.action.is_known == (action in AuditAction._value2member_map_)
    assert record.action.name == (AuditAction(action).name if record.action.is_known else f"UNKNOWN_{action}")
    assert record.resourcetype == resourcetype and type(record.resourcetype) is ResourceType
    assert record.resourcetype.is_known == (resourcetype in ResourceType._value2member_map_)
    assert record.details == (details or None)
    assert record.raw.to_dict() == wire
    assert (record.auditid, record.userid) == (auditid, userid)


@given(
    clock=st.integers(0, 2**31),
    seen=st.lists(st.text(min_size=1, max_size=30), max_size=6),
    whole=st.booleans(),
)
def test_cursors_round_trip_through_tokens(clock: int, seen: list[str], whole: bool) -> None:
    cursor = AuditCursor.at(clock, tuple(seen), -1, whole)
    token = cursor.to_token()
    again = AuditCursor.from_token(json.loads(json.dumps(token)))
    assert again == cursor and hash(again) == hash(cursor)
    assert again.seen == frozenset(seen) and again.position == datetime.fromtimestamp(clock, UTC)
    assert again.position.tzinfo is UTC
    # a cursor saved by 0.1's to_dict() still reads
    old = {"clock": clock, "seen": sorted(set(seen)), "whole_second": whole}
    assert AuditCursor.from_dict(old) == cursor


hosts = st.from_regex(r"[a-z][a-z0-9-]{0,10}(\.[a-z]{2,5}){0,2}", fullmatch=True)
paths = st.lists(st.from_regex(r"[a-z0-9_]{1,8}", fullmatch=True), max_size=3).map(
    lambda p: "".join("/" + s for s in p)
)


@given(scheme=st.sampled_from(["http", "https"]), host=hosts, port=st.none() | st.integers(1, 65535), path=paths)
def test_frontend_and_api_urls_normalise_to_the_same_base(scheme: str, host: str, port: int | None, path: str) -> None:
    base = f"{scheme}://{host}{f':{port}' if port else ''}{path}"
    expected = normalize_url(base)
    for variant in (base + "/", base + "/api_jsonrpc.php", base + "/api_jsonrpc.php/"):
        assert normalize_url(variant) == expected
    assert httpx.URL(expected + "/api_jsonrpc.php").path == (path or "") + "/api_jsonrpc.php"


@given(bad=st.sampled_from([{"bogus": "x"}, {"ip": ""}, {"ip": []}, {"ip": [""]}, {"ip": 5}, {}]))
def test_bad_search_is_refused(bad: dict[str, Any]) -> None:
    try:
        AuditQuery.build(EPOCH, EPOCH, userids=None, actions=None, resourcetypes=None, search=bad, page_size=1)
    except InvalidInputError:
        return
    raise AssertionError(f"{bad!r} was accepted")


@given(secret=st.text(alphabet="0123456789abcdef!#%", min_size=16, max_size=64))
def test_auth_repr_never_shows_a_secret(secret: str) -> None:
    for auth in (ZabbixAuth(token=secret), ZabbixAuth(username="Admin", password=secret)):
        assert secret not in repr(auth) and secret not in str(auth)
