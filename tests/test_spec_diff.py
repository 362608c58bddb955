"""The differ's rules, on the vendors' kept documents edited in memory: what is breaking for our users."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from scripts.spec_diff import diff_documents
from scripts.specs import vendor_spec_path


def kept(vendor: str) -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(vendor_spec_path(vendor).read_text(encoding="utf-8"))
    return doc


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str, bool]]:
    return [(c.kind, c.where, c.detail, c.breaking) for c in diff_documents(old, new)]


@pytest.mark.parametrize("vendor", ["voximplant", "nlpearl"])
def test_a_document_has_no_changes_from_itself(vendor: str) -> None:
    assert diff_documents(kept(vendor), copy.deepcopy(kept(vendor))) == []


def vox_params(doc: dict[str, Any]) -> list[dict[str, Any]]:
    params: list[dict[str, Any]] = doc["paths"]["/GetAuditLog"]["post"]["parameters"]
    return params


def test_parameters() -> None:
    old = kept("voximplant")
    new = copy.deepcopy(old)
    vox_params(new).append({"name": "tz", "in": "query", "required": True, "schema": {"type": "string"}})
    vox_params(new)[:] = [p for p in vox_params(new) if p["name"] != "advanced_filters"]
    next(p for p in vox_params(new) if p["name"] == "count")["required"] = True
    next(p for p in vox_params(new) if p["name"] == "from_date")["required"] = False
    assert sorted(changes(old, new)) == [
        ("became optional", "POST /GetAuditLog query parameter from_date", "", False),
        ("became required", "POST /GetAuditLog query parameter count", "", True),
        ("parameter added", "POST /GetAuditLog query parameter tz", "required", True),
        ("parameter removed", "POST /GetAuditLog query parameter advanced_filters", "", True),
    ]


def test_response_fields() -> None:
    old = kept("voximplant")
    new = copy.deepcopy(old)
    item = new["components"]["schemas"]["AuditLogInfoType"]
    item["properties"]["region"] = {"type": "string"}
    del item["properties"]["ip"]
    item["properties"]["requested"]["format"] = "date-time"
    item["properties"]["cmd_name"]["nullable"] = True
    new["components"]["schemas"]["history_GetAuditLog_Response_200"]["properties"]["count"]["type"] = "number"
    assert sorted(changes(old, new)) == [
        ("became nullable", "AuditLogInfoType.cmd_name", "", True),
        ("response field added", "AuditLogInfoType.region", "optional", False),
        ("response field removed", "AuditLogInfoType.ip", "", True),
        ("type changed", "AuditLogInfoType.requested", "string -> string (date-time)", True),
        ("type changed", "history_GetAuditLog_Response_200.count", "integer -> number", True),
    ]


def test_request_fields_and_required_ness() -> None:
    old = kept("nlpearl")
    new = copy.deepcopy(old)
    request = new["components"]["schemas"]["AuditLogAPIRequest"]
    request["properties"]["region"] = {"type": "string"}
    request["properties"]["tenant"] = {"type": "string"}
    request["required"] = ["tenant", "from"]
    request["properties"]["userId"]["nullable"] = False
    view = new["components"]["schemas"]["AuditLogView"]
    view["required"] = ["timestamp"]
    assert sorted(changes(old, new)) == [
        ("became required", "AuditLogAPIRequest.from", "", True),
        # In a response, a field becoming required is no trouble (and becoming optional is, below).
        ("became required", "AuditLogView.timestamp", "", False),
        ("no longer nullable", "AuditLogAPIRequest.userId", "", True),
        ("request field added", "AuditLogAPIRequest.region", "optional", False),
        ("request field added", "AuditLogAPIRequest.tenant", "required", True),
    ]
    assert ("became optional", "AuditLogView.timestamp", "", True) in changes(new, old)
    assert ("became optional", "AuditLogAPIRequest.from", "", False) in changes(new, old)


def set_event_lines(doc: dict[str, Any], lines: str) -> None:
    schemas = doc["components"]["schemas"]
    for target in (
        schemas["eAuditLogEvent"],
        schemas["AuditLogView"]["properties"]["eventType"],
        schemas["AuditLogAPIRequest"]["properties"]["eventType"],
    ):
        target["description"] = f"The type of event recorded in the audit log.\n\n{lines}\n"


def test_enum_values_in_description_text() -> None:
    old = copy.deepcopy(kept("nlpearl"))
    set_event_lines(old, "`1 - LoginAttempt`\n\n`2 - LoginSuccessful`\n\n`81 - Set2FA`")
    new = copy.deepcopy(old)
    set_event_lines(new, "`1 - LoginAttempt`\n\n`2 - LoggedIn`\n\n`82 - ExportAuditLog`")
    found = {(c.kind, c.detail): c for c in diff_documents(old, new)}
    added = found[("enum value added", "82 = EXPORT_AUDIT_LOG")]
    assert not added.breaking and sorted(added.directions) == ["request", "response"] and "oasdiff" in added.note
    assert found[("enum value removed", "81 = SET_2FA")].breaking
    assert found[("enum member renamed", "2 = LOGIN_SUCCESSFUL -> LOGGED_IN")].breaking
    assert len(found) == 3


def test_operations_responses_and_media_types() -> None:
    old = kept("nlpearl")
    new = copy.deepcopy(old)
    post = new["paths"]["/v2/Account/AuditLog"]["post"]
    del post["responses"]["400"]
    del post["requestBody"]["content"]["text/json"]
    new["paths"]["/v2/Account/Usage"] = {"get": {"responses": {"200": {"description": "ok"}}}}
    assert sorted(changes(old, new)) == [
        ("media type removed", "POST /v2/Account/AuditLog request body", "text/json", False),
        ("operation added", "GET /v2/Account/Usage", "", False),
        ("response removed", "POST /v2/Account/AuditLog 400", "", False),
    ]
    del new["paths"]["/v2/Account/AuditLog"]
    assert ("operation removed", "POST /v2/Account/AuditLog", "", True) in changes(old, new)


def test_alternatives_are_compared_in_order() -> None:
    old = kept("nlpearl")
    view = old["components"]["schemas"]["AuditLogView"]["properties"]
    view["user"] = {"anyOf": [{"$ref": "#/components/schemas/AuditLogUserInfo"}, {"type": "string"}]}
    new = copy.deepcopy(old)
    new["components"]["schemas"]["AuditLogUserInfo"]["properties"]["email"] = {"type": "string"}
    assert changes(old, new) == [("response field added", "AuditLogUserInfo.email", "optional", False)]
    new["components"]["schemas"]["AuditLogView"]["properties"]["user"]["anyOf"].append({"type": "integer"})
    assert ("alternatives changed", "AuditLogView.user", "anyOf: 2 -> 3", True) in changes(old, new)
