from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_log_list_request_grouping import AuditLogListRequestGrouping
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditLogListRequest")


@_attrs_define
class AuditLogListRequest:
    """
    Attributes:
        from_ (str): Include audit objects recorded after this date (date/time, `yyyy-MM-dd HH:mm:ss`, or ISO 8601 with
            `NVX-ISO-DateTime: true`).
        to (str): Include audits before this date (date/time, as `from`). Whether `from` and `to` are inclusive is not
            documented ("after" / "before" this date); clients must not depend on it.
        subuser_ids (list[int] | Unset): Include audits for specific sub-users.
        actions (list[str] | Unset): Include audits for specific actions only.
        limit (int | Unset): Pagination. Maximum number of audit records to return.
        offset (int | Unset): Pagination. Get audits starting from.
        sort (list[str] | Unset): Set of sort options, each a pair of property name and direction, e.g.
            `["action_date=asc", "user=desc"]`. Properties: `action`, `action_date` (date only), `action_datetime` (date and
            time), `user` (sub-user's name, not ID), `host`. Default `["action_date=asc"]`.
        grouping (AuditLogListRequestGrouping | Unset): Group log by "user", "action_date", "action" or don't group
            "default".
    """

    from_: str
    to: str
    subuser_ids: list[int] | Unset = UNSET
    actions: list[str] | Unset = UNSET
    limit: int | Unset = UNSET
    offset: int | Unset = UNSET
    sort: list[str] | Unset = UNSET
    grouping: AuditLogListRequestGrouping | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        FROM_: Final = "from"
        TO: Final = "to"
        SUBUSER_IDS: Final = "subuser_ids"
        ACTIONS: Final = "actions"
        LIMIT: Final = "limit"
        OFFSET: Final = "offset"
        SORT: Final = "sort"
        GROUPING: Final = "grouping"
        REQUIRED: Final[frozenset[str]] = frozenset(
            {
                "from",
                "to",
            }
        )

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        to = self.to

        subuser_ids: list[int] | Unset = UNSET
        if not isinstance(self.subuser_ids, Unset):
            subuser_ids = self.subuser_ids

        actions: list[str] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = self.actions

        limit = self.limit

        offset = self.offset

        sort: list[str] | Unset = UNSET
        if not isinstance(self.sort, Unset):
            sort = self.sort

        grouping: str | Unset = UNSET
        if not isinstance(self.grouping, Unset):
            grouping = self.grouping.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
            }
        )
        if subuser_ids is not UNSET:
            field_dict["subuser_ids"] = subuser_ids
        if actions is not UNSET:
            field_dict["actions"] = actions
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset
        if sort is not UNSET:
            field_dict["sort"] = sort
        if grouping is not UNSET:
            field_dict["grouping"] = grouping

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        from_ = d.pop("from")

        to = d.pop("to")

        subuser_ids = cast(list[int], d.pop("subuser_ids", UNSET))

        actions = cast(list[str], d.pop("actions", UNSET))

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        sort = cast(list[str], d.pop("sort", UNSET))

        _grouping = d.pop("grouping", UNSET)
        grouping: AuditLogListRequestGrouping | Unset
        if isinstance(_grouping, Unset):
            grouping = UNSET
        else:
            grouping = AuditLogListRequestGrouping(_grouping)

        audit_log_list_request = cls(
            from_=from_,
            to=to,
            subuser_ids=subuser_ids,
            actions=actions,
            limit=limit,
            offset=offset,
            sort=sort,
            grouping=grouping,
        )

        audit_log_list_request.additional_properties = d
        return audit_log_list_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
