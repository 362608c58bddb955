"""The audit-log record handed out by both ``iter_audit_log`` and ``export_audit_log``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from audit_core import unset_to_none
from voximplant_audit_api.models import AuditLogInfoType, AuditLogInfoTypeCmdArgs, AuditLogInfoTypeCmdResult
from voximplant_audit_api.types import Unset

from ._wire import parse_date

#: The report's CSV columns, in order (our assumption: the vendor does not publish them).
CSV_COLUMNS = (
    "audit_log_id",
    "account_id",
    "requested",
    "subuser_id",
    "subuser_name",
    "ip",
    "cmd_name",
    "cmd_args",
    "cmd_result",
)
_INT_COLUMNS = ("audit_log_id", "account_id", "subuser_id")
_JSON_COLUMNS = ("cmd_args", "cmd_result")


def _model_repr(value: Any) -> str:
    """A generated model as the dict it was sent as: its fields, never ``<... Unset object ...>``."""
    return "None" if value is None else repr(value.to_dict())


@attrs.frozen
class AuditLogEntry:
    """One audit-log record, typed: ``requested`` is an aware UTC datetime.

    ``raw`` is the generated :class:`voximplant_audit_api.models.AuditLogInfoType` as
    the API sent it (``raw.requested`` is the original string in ``timezone``).

    >>> raw = AuditLogInfoType.from_dict({"audit_log_id": 7, "requested": "2024-05-01 12:00:00"})
    >>> entry = AuditLogEntry.from_generated(raw, "Europe/Moscow")
    >>> entry.audit_log_id, entry.requested.isoformat()
    (7, '2024-05-01T09:00:00+00:00')
    """

    audit_log_id: int
    requested: datetime
    account_id: int | None
    subuser_id: int | None
    subuser_name: str | None
    ip: str | None
    cmd_name: str | None
    cmd_args: AuditLogInfoTypeCmdArgs | None = attrs.field(repr=_model_repr)
    cmd_result: AuditLogInfoTypeCmdResult | None = attrs.field(repr=_model_repr)
    timezone: str = attrs.field(eq=False)
    raw: AuditLogInfoType = attrs.field(repr=False, eq=False)

    @classmethod
    def from_generated(cls, raw: AuditLogInfoType, timezone: str) -> AuditLogEntry:
        """Wrap a generated record, reading ``requested`` in the answer's ``timezone``."""
        if not isinstance(raw.audit_log_id, int) or isinstance(raw.requested, Unset):
            raise ValueError("an audit-log record without audit_log_id or requested")
        return cls(
            audit_log_id=raw.audit_log_id,
            requested=parse_date(raw.requested, timezone),
            account_id=unset_to_none(raw.account_id),
            subuser_id=unset_to_none(raw.subuser_id),
            subuser_name=unset_to_none(raw.subuser_name),
            ip=unset_to_none(raw.ip),
            cmd_name=unset_to_none(raw.cmd_name),
            cmd_args=unset_to_none(raw.cmd_args),
            cmd_result=unset_to_none(raw.cmd_result),
            timezone=timezone,
            raw=raw,
        )

    @classmethod
    def from_csv_row(cls, row: Mapping[str, str], timezone: str = "UTC") -> AuditLogEntry:
        """Build a record from one row of the report CSV (see :data:`CSV_COLUMNS`).

        Integers come as decimal text, ``cmd_args``/``cmd_result`` as JSON text; empty
        cells mean "absent".

        >>> row = dict.fromkeys(CSV_COLUMNS, "")
        >>> row.update(audit_log_id="5", requested="2024-05-01 12:00:00", cmd_args='{"skill_id": [1]}')
        >>> AuditLogEntry.from_csv_row(row).cmd_args.skill_id
        [1]
        """
        data: dict[str, Any] = {}
        for key, value in row.items():
            if key is None or value is None or value == "":
                continue
            if key in _INT_COLUMNS:
                data[key] = int(value)
            elif key in _JSON_COLUMNS:
                decoded = json.loads(value)
                if decoded is None or decoded == "":
                    continue
                if decoded == []:  # an empty PHP array
                    decoded = {}
                if not isinstance(decoded, dict):
                    raise ValueError(f"{key} is not a JSON object")
                data[key] = decoded
            else:
                data[key] = value
        return cls.from_generated(AuditLogInfoType.from_dict(data), timezone)
