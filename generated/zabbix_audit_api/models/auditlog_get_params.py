from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.audit_log_field import AuditLogField
from ..models.audit_log_sort_field import AuditLogSortField
from ..models.output_extend import OutputExtend
from ..models.sort_order import SortOrder
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_log_filter import AuditLogFilter
    from ..models.audit_log_search import AuditLogSearch


T = TypeVar("T", bound="AuditlogGetParams")


@_attrs_define
class AuditlogGetParams:
    """The parameters of `auditlog.get`; all optional. Unknown parameters are rejected (-32602 `unexpected parameter`).
    There is no offset: page by `time_till`/`time_from` and `auditid`. Without `sortfield` the order is the database's
    (unspecified), and rows with equal sort values have no defined order either: sort by `clock` and `auditid` for a
    stable order.

        Attributes:
            auditids (list[str] | str | Unset): Return only audit log records with the given IDs (CUIDs, 25 characters;
                anything else is -32602 `must be 25 characters long`, or `an array is expected` for a single string). An empty
                array matches nothing.
            userids (list[str] | str | Unset): Return only audit log records created by the given users (numeric IDs as
                strings). An empty array matches nothing.
            time_from (int | Unset): Unix timestamp: only records created at or after this time (`clock >= time_from`,
                inclusive).
            time_till (int | Unset): Unix timestamp: only records created at or before this time (`clock <= time_till`,
                inclusive).
            sortfield (AuditLogSortField | list[AuditLogSortField] | Unset): Sort by these properties, in order: `auditid`,
                `userid`, `clock` (each at most once).
            sortorder (list[SortOrder] | SortOrder | Unset): `ASC` (default) or `DESC` (upper case only). One value applies
                to every `sortfield`; an array gives one order per `sortfield`.
            filter_ (AuditLogFilter | Unset): Exact match: each property is one value or an array of values (any of them
                matches); properties are combined with AND. Values are compared as given, e.g. `{"action": ["0", "1"],
                "resourcetype": "14"}`. The manual also lists `table_name` and `field_name` (details fields), but 6.0.14 rejects
                them (-32602 `unexpected parameter "table_name"`), so they are not offered here.
            search (AuditLogSearch | Unset): Case-insensitive substring search (see `startSearch`, `searchWildcardsEnabled`,
                `searchByAny`). Several patterns for one property must all match unless `searchByAny` is set.
            count_output (bool | Unset): Return the number of matching records (a string of digits, e.g. `"5012"`) instead
                of the records. `limit` does not apply to it. Do not combine it with `sortfield`: with PostgreSQL the count
                query then fails in the database (`ORDER BY` without `GROUP BY`); 6.0.14 answers with an empty array `[]`
                instead of a count or an error, 7.0.22 with error -32500 `Database error occurred.`.
            exclude_search (bool | Unset): Return records that do NOT match `search` (each pattern becomes a NOT LIKE, with
                the same AND/OR glue). Observed on 6.0.14: it has no effect (the frontend computes but never applies it); 7.0.22
                applies it.
            limit (int | Unset): Return at most this many records (1 to 2147483647).
            output (list[AuditLogField] | OutputExtend | Unset): The properties to return: `extend` (the default: all of
                them) or a non-empty list of property names. Records then carry only the listed properties (`auditid` too only
                when listed).
            preservekeys (bool | Unset): Return an object keyed by `auditid` (`AuditLogMap`) instead of an array. An empty
                result is still an empty array `[]`.
            search_by_any (bool | Unset): Return records that match any of the `search` criteria (and any of the patterns
                given for one property) instead of all of them.
            search_wildcards_enabled (bool | Unset): Make `*` in `search` patterns a wildcard; the pattern then matches the
                whole value (no implicit substring match). Empty patterns are ignored.
            start_search (bool | Unset): The `search` patterns match the start of the value only (still case insensitive).
    """

    auditids: list[str] | str | Unset = UNSET
    userids: list[str] | str | Unset = UNSET
    time_from: int | Unset = UNSET
    time_till: int | Unset = UNSET
    sortfield: AuditLogSortField | list[AuditLogSortField] | Unset = UNSET
    sortorder: list[SortOrder] | SortOrder | Unset = UNSET
    filter_: AuditLogFilter | Unset = UNSET
    search: AuditLogSearch | Unset = UNSET
    count_output: bool | Unset = UNSET
    exclude_search: bool | Unset = UNSET
    limit: int | Unset = UNSET
    output: list[AuditLogField] | OutputExtend | Unset = UNSET
    preservekeys: bool | Unset = UNSET
    search_by_any: bool | Unset = UNSET
    search_wildcards_enabled: bool | Unset = UNSET
    start_search: bool | Unset = UNSET

    class Keys:
        """The JSON name of each property (generated from the spec), and the required ones."""

        AUDITIDS: Final = "auditids"
        USERIDS: Final = "userids"
        TIME_FROM: Final = "time_from"
        TIME_TILL: Final = "time_till"
        SORTFIELD: Final = "sortfield"
        SORTORDER: Final = "sortorder"
        FILTER_: Final = "filter"
        SEARCH: Final = "search"
        COUNT_OUTPUT: Final = "countOutput"
        EXCLUDE_SEARCH: Final = "excludeSearch"
        LIMIT: Final = "limit"
        OUTPUT: Final = "output"
        PRESERVEKEYS: Final = "preservekeys"
        SEARCH_BY_ANY: Final = "searchByAny"
        SEARCH_WILDCARDS_ENABLED: Final = "searchWildcardsEnabled"
        START_SEARCH: Final = "startSearch"
        REQUIRED: Final[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        auditids: list[str] | str | Unset
        if isinstance(self.auditids, Unset):
            auditids = UNSET
        elif isinstance(self.auditids, list):
            auditids = self.auditids

        else:
            auditids = self.auditids

        userids: list[str] | str | Unset
        if isinstance(self.userids, Unset):
            userids = UNSET
        elif isinstance(self.userids, list):
            userids = self.userids

        else:
            userids = self.userids

        time_from = self.time_from

        time_till = self.time_till

        sortfield: list[str] | str | Unset
        if isinstance(self.sortfield, Unset):
            sortfield = UNSET
        elif isinstance(self.sortfield, AuditLogSortField):
            sortfield = self.sortfield.value
        else:
            sortfield = []
            for sortfield_type_1_item_data in self.sortfield:
                sortfield_type_1_item = sortfield_type_1_item_data.value
                sortfield.append(sortfield_type_1_item)

        sortorder: list[str] | str | Unset
        if isinstance(self.sortorder, Unset):
            sortorder = UNSET
        elif isinstance(self.sortorder, SortOrder):
            sortorder = self.sortorder.value
        else:
            sortorder = []
            for sortorder_type_1_item_data in self.sortorder:
                sortorder_type_1_item = sortorder_type_1_item_data.value
                sortorder.append(sortorder_type_1_item)

        filter_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filter_, Unset):
            filter_ = self.filter_.to_dict()

        search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.search, Unset):
            search = self.search.to_dict()

        count_output = self.count_output

        exclude_search = self.exclude_search

        limit = self.limit

        output: list[str] | str | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, OutputExtend):
            output = self.output.value
        else:
            output = []
            for output_type_1_item_data in self.output:
                output_type_1_item = output_type_1_item_data.value
                output.append(output_type_1_item)

        preservekeys = self.preservekeys

        search_by_any = self.search_by_any

        search_wildcards_enabled = self.search_wildcards_enabled

        start_search = self.start_search

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if auditids is not UNSET:
            field_dict["auditids"] = auditids
        if userids is not UNSET:
            field_dict["userids"] = userids
        if time_from is not UNSET:
            field_dict["time_from"] = time_from
        if time_till is not UNSET:
            field_dict["time_till"] = time_till
        if sortfield is not UNSET:
            field_dict["sortfield"] = sortfield
        if sortorder is not UNSET:
            field_dict["sortorder"] = sortorder
        if filter_ is not UNSET:
            field_dict["filter"] = filter_
        if search is not UNSET:
            field_dict["search"] = search
        if count_output is not UNSET:
            field_dict["countOutput"] = count_output
        if exclude_search is not UNSET:
            field_dict["excludeSearch"] = exclude_search
        if limit is not UNSET:
            field_dict["limit"] = limit
        if output is not UNSET:
            field_dict["output"] = output
        if preservekeys is not UNSET:
            field_dict["preservekeys"] = preservekeys
        if search_by_any is not UNSET:
            field_dict["searchByAny"] = search_by_any
        if search_wildcards_enabled is not UNSET:
            field_dict["searchWildcardsEnabled"] = search_wildcards_enabled
        if start_search is not UNSET:
            field_dict["startSearch"] = start_search

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_auditids(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                auditids_type_1 = cast(list[str], data)

                return auditids_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        auditids = _parse_auditids(d.pop("auditids", UNSET))

        def _parse_userids(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                userids_type_1 = cast(list[str], data)

                return userids_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        userids = _parse_userids(d.pop("userids", UNSET))

        time_from = d.pop("time_from", UNSET)

        time_till = d.pop("time_till", UNSET)

        def _parse_sortfield(
            data: object,
        ) -> AuditLogSortField | list[AuditLogSortField] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sortfield_type_0 = AuditLogSortField(data)

                return sortfield_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            sortfield_type_1 = []
            _sortfield_type_1 = data
            for sortfield_type_1_item_data in _sortfield_type_1:
                sortfield_type_1_item = AuditLogSortField(sortfield_type_1_item_data)

                sortfield_type_1.append(sortfield_type_1_item)

            return sortfield_type_1

        sortfield = _parse_sortfield(d.pop("sortfield", UNSET))

        def _parse_sortorder(data: object) -> list[SortOrder] | SortOrder | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sortorder_type_0 = SortOrder(data)

                return sortorder_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            sortorder_type_1 = []
            _sortorder_type_1 = data
            for sortorder_type_1_item_data in _sortorder_type_1:
                sortorder_type_1_item = SortOrder(sortorder_type_1_item_data)

                sortorder_type_1.append(sortorder_type_1_item)

            return sortorder_type_1

        sortorder = _parse_sortorder(d.pop("sortorder", UNSET))

        _filter_ = d.pop("filter", UNSET)
        filter_: AuditLogFilter | Unset
        if isinstance(_filter_, Unset):
            filter_ = UNSET
        else:
            filter_ = AuditLogFilter.from_dict(_filter_)

        _search = d.pop("search", UNSET)
        search: AuditLogSearch | Unset
        if isinstance(_search, Unset):
            search = UNSET
        else:
            search = AuditLogSearch.from_dict(_search)

        count_output = d.pop("countOutput", UNSET)

        exclude_search = d.pop("excludeSearch", UNSET)

        limit = d.pop("limit", UNSET)

        def _parse_output(data: object) -> list[AuditLogField] | OutputExtend | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                output_type_0 = OutputExtend(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            output_type_1 = []
            _output_type_1 = data
            for output_type_1_item_data in _output_type_1:
                output_type_1_item = AuditLogField(output_type_1_item_data)

                output_type_1.append(output_type_1_item)

            return output_type_1

        output = _parse_output(d.pop("output", UNSET))

        preservekeys = d.pop("preservekeys", UNSET)

        search_by_any = d.pop("searchByAny", UNSET)

        search_wildcards_enabled = d.pop("searchWildcardsEnabled", UNSET)

        start_search = d.pop("startSearch", UNSET)

        auditlog_get_params = cls(
            auditids=auditids,
            userids=userids,
            time_from=time_from,
            time_till=time_till,
            sortfield=sortfield,
            sortorder=sortorder,
            filter_=filter_,
            search=search,
            count_output=count_output,
            exclude_search=exclude_search,
            limit=limit,
            output=output,
            preservekeys=preservekeys,
            search_by_any=search_by_any,
            search_wildcards_enabled=search_wildcards_enabled,
            start_search=start_search,
        )

        return auditlog_get_params


# Imported here, after the class, so that two models may refer to each other.
from ..models.audit_log_filter import AuditLogFilter
from ..models.audit_log_search import AuditLogSearch
