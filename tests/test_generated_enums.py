"""Enums come out of generation open, and NLPearl's keep every public name they had when written by hand."""

from __future__ import annotations

import enum

import pytest
import yaml

from navixy_audit_api.models import AuditLogListRequestGrouping
from nlpearl_audit import EventType as PublicEventType
from nlpearl_audit import UserType as PublicUserType
from nlpearl_audit_api.models import AuditLogUserInfo, AuditLogView, EventType, UserType
from scripts.enums import DescriptionEnumError, description_values, upper_snake, with_description_enums
from scripts.specs import VENDORS, generation_spec, vendor_spec_path
from zabbix_audit_api.models import SortOrder

# The members of nlpearl_audit's EventType and UserType when they were written by hand
# (before the enums came out of generation): every name and value must stay.
HAND_WRITTEN_EVENT_TYPES = {
    "LOGIN_ATTEMPT": 1,
    "LOGIN_SUCCESSFUL": 2,
    "PUBLISH_PEARL": 10,
    "PEARL_STATUS": 11,
    "TRANSFER_PEARL": 18,
    "DELETE_PEARL": 19,
    "CREATE_API_KEY": 30,
    "DELETE_API_KEY": 31,
    "PURCHASE_AGENTS": 40,
    "DELETE_AGENT": 41,
    "SET_BILLING_DETAILS": 50,
    "SET_PAYMENT_METHOD": 51,
    "SET_SUBSCRIPTION": 52,
    "CANCEL_SUBSCRIPTION": 59,
    "PURCHASE_CREDITS": 60,
    "SET_AUTO_RECHARGE": 61,
    "INVITE_USER": 70,
    "USER_JOIN": 71,
    "INVITATION_CANCELED": 72,
    "UPDATE_USER_ROLE": 73,
    "UPDATE_ACCOUNT_INFORMATIONS": 74,
    "REMOVE_USER_FROM_THE_ACCOUNT": 75,
    "USER_LEFT_ACCOUNT": 76,
    "UPDATE_SESSION_TTL": 80,
    "SET_2FA": 81,
}
HAND_WRITTEN_USER_TYPES = {"PLATFORM": 1, "API_KEY": 3, "SUPPORT": 90, "SYSTEM": 99}


def test_the_public_enums_are_the_generated_ones_with_every_hand_written_member() -> None:
    assert PublicEventType is EventType and PublicUserType is UserType
    assert {m.name: m.value for m in EventType} == HAND_WRITTEN_EVENT_TYPES
    assert {m.name: m.value for m in UserType} == HAND_WRITTEN_USER_TYPES
    assert issubclass(EventType, enum.IntEnum) and issubclass(UserType, enum.IntEnum)


def test_the_name_conversion_keeps_every_hand_written_name_from_the_vendor_page() -> None:
    doc = yaml.safe_load(vendor_spec_path("nlpearl").read_text(encoding="utf-8"))
    schemas = doc["components"]["schemas"]
    for schema, expected in (("eAuditLogEvent", HAND_WRITTEN_EVENT_TYPES), ("eUserType", HAND_WRITTEN_USER_TYPES)):
        pairs = description_values(schemas[schema]["description"], integer=True)
        assert {upper_snake(name): value for value, name in pairs} == expected


@pytest.mark.parametrize(
    ("vendor_name", "member"),
    [
        ("Set2FA", "SET_2FA"),
        ("CreateAPIKey", "CREATE_API_KEY"),
        ("APIKey", "API_KEY"),
        ("UpdateSessionTTL", "UPDATE_SESSION_TTL"),
        ("RemoveUserFromTheAccount", "REMOVE_USER_FROM_THE_ACCOUNT"),
        ("ExportAuditLog", "EXPORT_AUDIT_LOG"),
        ("TTLUpdate", "TTL_UPDATE"),
        ("Use2FAKey", "USE_2FA_KEY"),
        ("System", "SYSTEM"),
        ("already_snake", "ALREADY_SNAKE"),
    ],
)
def test_upper_snake(vendor_name: str, member: str) -> None:
    assert upper_snake(vendor_name) == member


def test_description_lines_become_enum_and_member_names_for_generation() -> None:
    schemas = generation_spec("nlpearl")["components"]["schemas"]
    event = schemas["eAuditLogEvent"]
    assert event["enum"] == list(HAND_WRITTEN_EVENT_TYPES.values())
    assert event["x-enum-varnames"] == list(HAND_WRITTEN_EVENT_TYPES)
    # Schemas that only refer to it keep referring; an enum the vendor wrote is left alone.
    assert "enum" not in schemas["AuditLogView"]["properties"]["eventType"]
    written = {"type": "integer", "enum": [5], "description": "`1 - One`"}
    assert with_description_enums(written) == written


def test_a_value_listed_twice_differently_is_an_error_the_same_line_twice_is_not() -> None:
    with pytest.raises(DescriptionEnumError, match="lists the value 1 twice, differently"):
        with_description_enums({"type": "integer", "description": "`1 - One`\n`1 - Uno`"})
    with pytest.raises(DescriptionEnumError, match="lists the member name ONE twice"):
        with_description_enums({"type": "integer", "description": "`1 - One`\n`2 - One`"})
    schema = with_description_enums({"type": "integer", "description": "`1 - One`\n\n`1 - One`"})
    assert (schema["enum"], schema["x-enum-varnames"]) == ([1], ["ONE"])


def test_string_values_in_description_lines() -> None:
    schema = with_description_enums({"type": "string", "description": "`calls - Calls`\n`call_list - CallList`"})
    assert (schema["enum"], schema["x-enum-varnames"]) == (["calls", "call_list"], ["CALLS", "CALL_LIST"])


def test_a_generated_int_enum_is_open() -> None:
    unknown = EventType(82)
    assert isinstance(unknown, EventType) and unknown == 82 and int(unknown) == 82
    assert (unknown.name, unknown.value, unknown.is_known) == ("UNKNOWN_82", 82, False)
    assert EventType.SET_2FA.is_known and EventType(81) is EventType.SET_2FA
    assert UserType(7).name == "UNKNOWN_7" and UserType.API_KEY == 3
    with pytest.raises(ValueError, match="is not a valid"):
        EventType("81")


def test_generated_models_read_an_unknown_value_into_a_pseudo_member_and_write_it_back() -> None:
    view = AuditLogView.from_dict({"eventType": 500, "user": {"type": 42}})
    assert view.event_type.name == "UNKNOWN_500" and not view.event_type.is_known
    assert isinstance(view.user, AuditLogUserInfo) and view.user.type_ == 42 and not view.user.type_.is_known
    assert view.to_dict()["eventType"] == 500


def test_a_generated_str_enum_is_open() -> None:
    unknown = AuditLogListRequestGrouping("month")
    assert isinstance(unknown, AuditLogListRequestGrouping) and unknown == "month"
    assert (unknown.name, unknown.value, unknown.is_known) == ("UNKNOWN_month", "month", False)
    assert AuditLogListRequestGrouping("user").is_known and SortOrder("DESC") is SortOrder.DESC
    with pytest.raises(ValueError, match="is not a valid"):
        AuditLogListRequestGrouping(3)


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_every_generated_enum_is_open_and_self_contained(vendor: str) -> None:
    models = VENDORS[vendor].output_dir / "models"
    for path in models.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "(IntEnum):" in text or "(StrEnum):" in text:
            assert "def _missing_(cls, value: object)" in text and "def is_known(self) -> bool:" in text, path
            assert "audit_core" not in text, path
