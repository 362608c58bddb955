from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HistoryReport")


@_attrs_define
class HistoryReport:
    """The [GetHistoryReports] function result item.

    Attributes:
        history_report_id (int | Unset): The history report ID
        history_type (str | Unset): The history report type. The possible values are: calls, transactions, audit,
            call_list, transcriptions
        created (str | Unset): The creation UTC date in 24-h format: YYYY-MM-DD HH:mm:ss
        format_ (str | Unset): The report format type. The possible value is csv
        completed (str | Unset): The report completion UTC date in 24-h format: YYYY-MM-DD HH:mm:ss. Present only when
            the report is done
        file_name (str | Unset): The report file name
        file_size (int | Unset): The report file size
        download_size (int | Unset): The gzip report size
        download_count (int | Unset): The download attempt count
        last_downloaded (str | Unset): The last download UTC date in 24-h format: YYYY-MM-DD HH:mm:ss
        store_until (str | Unset): The UTC date until the report is stored, in 24-h format: YYYY-MM-DD HH:mm:ss
    """

    history_report_id: int | Unset = UNSET
    history_type: str | Unset = UNSET
    created: str | Unset = UNSET
    format_: str | Unset = UNSET
    completed: str | Unset = UNSET
    file_name: str | Unset = UNSET
    file_size: int | Unset = UNSET
    download_size: int | Unset = UNSET
    download_count: int | Unset = UNSET
    last_downloaded: str | Unset = UNSET
    store_until: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        HISTORY_REPORT_ID: Final = "history_report_id"
        HISTORY_TYPE: Final = "history_type"
        CREATED: Final = "created"
        FORMAT_: Final = "format"
        COMPLETED: Final = "completed"
        FILE_NAME: Final = "file_name"
        FILE_SIZE: Final = "file_size"
        DOWNLOAD_SIZE: Final = "download_size"
        DOWNLOAD_COUNT: Final = "download_count"
        LAST_DOWNLOADED: Final = "last_downloaded"
        STORE_UNTIL: Final = "store_until"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        history_report_id = self.history_report_id

        history_type = self.history_type

        created = self.created

        format_ = self.format_

        completed = self.completed

        file_name = self.file_name

        file_size = self.file_size

        download_size = self.download_size

        download_count = self.download_count

        last_downloaded = self.last_downloaded

        store_until = self.store_until

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if history_report_id is not UNSET:
            field_dict["history_report_id"] = history_report_id
        if history_type is not UNSET:
            field_dict["history_type"] = history_type
        if created is not UNSET:
            field_dict["created"] = created
        if format_ is not UNSET:
            field_dict["format"] = format_
        if completed is not UNSET:
            field_dict["completed"] = completed
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if file_size is not UNSET:
            field_dict["file_size"] = file_size
        if download_size is not UNSET:
            field_dict["download_size"] = download_size
        if download_count is not UNSET:
            field_dict["download_count"] = download_count
        if last_downloaded is not UNSET:
            field_dict["last_downloaded"] = last_downloaded
        if store_until is not UNSET:
            field_dict["store_until"] = store_until

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        history_report_id = d.pop("history_report_id", UNSET)

        history_type = d.pop("history_type", UNSET)

        created = d.pop("created", UNSET)

        format_ = d.pop("format", UNSET)

        completed = d.pop("completed", UNSET)

        file_name = d.pop("file_name", UNSET)

        file_size = d.pop("file_size", UNSET)

        download_size = d.pop("download_size", UNSET)

        download_count = d.pop("download_count", UNSET)

        last_downloaded = d.pop("last_downloaded", UNSET)

        store_until = d.pop("store_until", UNSET)

        history_report = cls(
            history_report_id=history_report_id,
            history_type=history_type,
            created=created,
            format_=format_,
            completed=completed,
            file_name=file_name,
            file_size=file_size,
            download_size=download_size,
            download_count=download_count,
            last_downloaded=last_downloaded,
            store_until=store_until,
        )

        history_report.additional_properties = d
        return history_report

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
