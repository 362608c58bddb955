"""What changed between two versions of a vendor's OpenAPI document, and whether it breaks our users.

A small differ focused on what our generated SDK exposes: operations, their
parameters, request and response fields (walked through ``$ref`` and ``allOf``),
types, required-ness, nullability and enum values, including the values listed
only in description text (:mod:`scripts.enums`). No well-kept Python library does
this (the reference, oasdiff, is a Go program; the small PyPI differs we looked at
neither resolve ``allOf`` nor tell a request from a response nor know enums), so it
is ours, and kept small.

Each change is marked breaking or not from the side of our SDK's user, with
oasdiff's rules as the reference and these adjustments for our open enums and
generated code:

- a new enum value is never breaking: our enums are open (oasdiff warns about one
  in a response, because clients with closed enums break); a removed or renamed
  value is breaking (the enum member goes away);
- a new optional parameter or field is not breaking; a new required one in a
  request is;
- a removed operation, parameter or field is breaking in a request too (the
  generated function or model loses that keyword argument);
- a changed type is breaking; a response field becoming optional or nullable is
  breaking, a request field becoming required or not nullable is breaking.

Example::

    >>> old = {"paths": {"/a": {"post": {"parameters": []}}}}
    >>> new = {"paths": {"/a": {"post": {"parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}]}}}}
    >>> [str(c) for c in diff_documents(old, new)]
    ['[not breaking] parameter added: POST /a query parameter q (optional)']
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from scripts.enums import with_description_enums

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# String formats that change the Python type openapi-python-client generates.
_TYPED_FORMATS = {"date-time", "date", "binary", "byte", "uuid"}


@dataclass
class Change:
    """One difference, as reported.

    ``where`` names the thing as a user of the SDK sees it (``POST /GetAuditLog``,
    ``AuditLogView.eventType``); ``directions`` says whether it was reached
    through a request, a response or both.
    """

    kind: str
    where: str
    detail: str
    breaking: bool
    directions: list[str] = field(default_factory=list)
    note: str = ""

    def __str__(self) -> str:
        mark = "BREAKING" if self.breaking else "not breaking"
        text = f"[{mark}] {self.kind}: {self.where}"
        if self.detail:
            text += f" ({self.detail})"
        if self.directions:
            text += f" [{' and '.join(self.directions)}]"
        if self.note:
            text += f"; {self.note}"
        return text

    def as_json(self) -> dict[str, Any]:
        """The change as a JSON object (``--json``).

        >>> Change("operation added", "GET /a", "", False).as_json()["breaking"]
        False
        """
        return {
            "kind": self.kind,
            "where": self.where,
            "detail": self.detail,
            "breaking": self.breaking,
            "directions": self.directions,
            "note": self.note,
        }


class _Differ:
    def __init__(self, old_doc: dict[str, Any], new_doc: dict[str, Any]) -> None:
        self.old_doc = old_doc
        self.new_doc = new_doc
        self.changes: list[Change] = []
        self._seen: set[tuple[str, str, str]] = set()

    # -- reporting ------------------------------------------------------------------------
    def add(self, kind: str, where: str, detail: str, breaking: bool, direction: str = "", note: str = "") -> None:
        for change in self.changes:
            if (change.kind, change.where, change.detail) == (kind, where, detail):
                change.breaking = change.breaking or breaking
                if direction and direction not in change.directions:
                    change.directions.append(direction)
                if note and not change.note:
                    change.note = note
                return
        self.changes.append(Change(kind, where, detail, breaking, [direction] if direction else [], note))

    # -- schemas --------------------------------------------------------------------------
    @staticmethod
    def _deref(doc: dict[str, Any], schema: Any) -> tuple[dict[str, Any], str | None]:
        """Follow ``$ref`` and merge ``allOf``; return the schema and the component name it came from."""
        name: str | None = None
        if not isinstance(schema, dict):
            return {}, None
        for _ in range(50):
            ref = schema.get("$ref")
            if not isinstance(ref, str) or not ref.startswith("#/"):
                break
            node: Any = doc
            for part in ref[2:].split("/"):
                node = node.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(node, dict) else {}
            siblings = {k: v for k, v in schema.items() if k != "$ref"}
            name = ref.rsplit("/", 1)[-1]
            schema = {**node, **siblings} if isinstance(node, dict) else siblings
        parts = schema.get("allOf")
        if isinstance(parts, list):
            merged: dict[str, Any] = {}
            for part in parts:
                resolved, part_name = _Differ._deref(doc, part)
                name = name or part_name
                for key, value in resolved.items():
                    if key == "properties":
                        merged.setdefault("properties", {}).update(value)
                    elif key == "required":
                        merged["required"] = sorted({*merged.get("required", []), *value})
                    else:
                        merged.setdefault(key, value)
            siblings = {k: v for k, v in schema.items() if k != "allOf"}
            schema = {**merged, **siblings}
        return schema, name

    @staticmethod
    def _type(schema: dict[str, Any]) -> tuple[str, bool]:
        """The schema's type as our generated code sees it, and whether null is allowed."""
        kind = schema.get("type")
        nullable = bool(schema.get("nullable"))
        if isinstance(kind, list):  # OpenAPI 3.1: type: [string, "null"]
            nullable = nullable or "null" in kind
            rest = [k for k in kind if k != "null"]
            kind = rest[0] if len(rest) == 1 else "|".join(sorted(rest)) or None
        if kind is None:
            if "properties" in schema:
                kind = "object"
            elif any(k in schema for k in ("oneOf", "anyOf")):
                kind = "union"
            else:
                kind = "any"
        fmt = schema.get("format")
        if kind == "string" and fmt in _TYPED_FORMATS:
            kind = f"string ({fmt})"
        return str(kind), nullable

    def compare(self, old: Any, new: Any, where: str, direction: str) -> None:
        """Compare two schemas reached at ``where`` through a ``direction`` ("request"/"response")."""
        old_s, old_name = self._deref(self.old_doc, old)
        new_s, new_name = self._deref(self.new_doc, new)
        key = (old_name or where, new_name or where, direction)
        if old_name and new_name:
            if key in self._seen:
                return
            self._seen.add(key)
        old_type, old_null = self._type(old_s)
        new_type, new_null = self._type(new_s)
        if old_type != new_type:
            self.add("type changed", where, f"{old_type} -> {new_type}", True, direction)
            return
        if old_null != new_null:
            if new_null:
                self.add("became nullable", where, "", direction == "response", direction)
            else:
                self.add("no longer nullable", where, "", direction == "request", direction)
        self._compare_enums(old_s, new_s, new_name or old_name or where, direction)
        if old_type == "union":
            self._compare_alternatives(old_s, new_s, where, direction)
            return
        if old_type == "array":
            self.compare(old_s.get("items", {}), new_s.get("items", {}), f"{where}[]", direction)
            return
        self._compare_properties(old_s, new_s, new_name or old_name or where, direction)

    def _compare_alternatives(self, old_s: dict[str, Any], new_s: dict[str, Any], where: str, direction: str) -> None:
        """oneOf/anyOf: alternatives compared in order; more in a response, or fewer in a request, break."""
        for key in ("oneOf", "anyOf"):
            old_list, new_list = old_s.get(key) or [], new_s.get(key) or []
            if len(old_list) != len(new_list):
                more = len(new_list) > len(old_list)
                breaks = more if direction == "response" else not more
                self.add("alternatives changed", where, f"{key}: {len(old_list)} -> {len(new_list)}", breaks, direction)
                continue
            for number, (old_alt, new_alt) in enumerate(zip(old_list, new_list, strict=True), start=1):
                self.compare(old_alt, new_alt, f"{where} ({key} {number})", direction)

    def _compare_enums(self, old_s: dict[str, Any], new_s: dict[str, Any], where: str, direction: str) -> None:
        old_values = old_s.get("enum")
        new_values = new_s.get("enum")
        if not isinstance(old_values, list) and not isinstance(new_values, list):
            return
        old_names = dict(zip(old_values or [], old_s.get("x-enum-varnames") or [], strict=False))
        new_names = dict(zip(new_values or [], new_s.get("x-enum-varnames") or [], strict=False))
        old_set = [v for v in old_values or [] if v is not None]
        new_set = [v for v in new_values or [] if v is not None]
        for value in new_set:
            if value not in old_set:
                shown = f"{value!r}" + (f" = {new_names[value]}" if value in new_names else "")
                note = (
                    "oasdiff warns here (clients with closed enums break); ours are open: not breaking"
                    if direction == "response"
                    else ""
                )
                self.add("enum value added", where, shown, False, direction, note)
        for value in old_set:
            if value not in new_set:
                shown = f"{value!r}" + (f" = {old_names[value]}" if value in old_names else "")
                self.add("enum value removed", where, shown, True, direction, "its enum member goes away")
            elif old_names.get(value) != new_names.get(value) and value in old_names and value in new_names:
                self.add(
                    "enum member renamed",
                    where,
                    f"{value!r} = {old_names[value]} -> {new_names[value]}",
                    True,
                    direction,
                )

    def _compare_properties(self, old_s: dict[str, Any], new_s: dict[str, Any], owner: str, direction: str) -> None:
        old_props = old_s.get("properties") or {}
        new_props = new_s.get("properties") or {}
        old_req = set(old_s.get("required") or [])
        new_req = set(new_s.get("required") or [])
        field_kind = f"{direction} field"
        for name in new_props:
            if name in old_props:
                continue
            required = name in new_req
            breaking = required and direction == "request"
            self.add(
                f"{field_kind} added", f"{owner}.{name}", "required" if required else "optional", breaking, direction
            )
        for name in old_props:
            if name not in new_props:
                self.add(f"{field_kind} removed", f"{owner}.{name}", "", True, direction)
        for name in old_props:
            if name not in new_props:
                continue
            where = f"{owner}.{name}"
            if (name in old_req) != (name in new_req):
                if name in new_req:
                    self.add("became required", where, "", direction == "request", direction)
                else:
                    self.add("became optional", where, "", direction == "response", direction)
            self.compare(old_props[name], new_props[name], where, direction)

    # -- operations -----------------------------------------------------------------------
    @staticmethod
    def _operations(doc: dict[str, Any]) -> dict[str, tuple[dict[str, Any], list[Any]]]:
        found: dict[str, tuple[dict[str, Any], list[Any]]] = {}
        for path, item in (doc.get("paths") or {}).items():
            if not isinstance(item, dict):
                continue
            shared = item.get("parameters") or []
            for method in _METHODS:
                op = item.get(method)
                if isinstance(op, dict):
                    found[f"{method.upper()} {path}"] = (op, [*shared, *(op.get("parameters") or [])])
        return found

    def _parameters(self, doc: dict[str, Any], params: list[Any]) -> dict[tuple[str, str], dict[str, Any]]:
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for param in params:
            resolved, _ = self._deref(doc, param)
            if "name" in resolved:
                found[(str(resolved.get("in", "")), str(resolved["name"]))] = resolved
        return found

    def _media_types(self, old: Any, new: Any, where: str) -> None:
        """Media types offered: we send and read JSON, so only losing application/json breaks."""
        old_types = set(old.get("content") or {}) if isinstance(old, dict) else set()
        new_types = set(new.get("content") or {}) if isinstance(new, dict) else set()
        for media in sorted(new_types - old_types):
            self.add("media type added", where, media, False)
        for media in sorted(old_types - new_types):
            self.add("media type removed", where, media, media == "application/json")

    @staticmethod
    def _json_schema(body: Any) -> Any:
        content = body.get("content") if isinstance(body, dict) else None
        if not isinstance(content, dict) or not content:
            return None
        media = content.get("application/json") or next(iter(content.values()))
        return media.get("schema") if isinstance(media, dict) else None

    def run(self) -> list[Change]:
        old_ops = self._operations(self.old_doc)
        new_ops = self._operations(self.new_doc)
        for name in new_ops:
            if name not in old_ops:
                self.add("operation added", name, "", False)
        for name in old_ops:
            if name not in new_ops:
                self.add("operation removed", name, "", True)
        for name, (old_op, old_params) in old_ops.items():
            if name in new_ops:
                new_op, new_params = new_ops[name]
                self._compare_operation(name, old_op, old_params, new_op, new_params)
        return self.changes

    def _compare_operation(
        self, name: str, old_op: dict[str, Any], old_params: list[Any], new_op: dict[str, Any], new_params: list[Any]
    ) -> None:
        old_p = self._parameters(self.old_doc, old_params)
        new_p = self._parameters(self.new_doc, new_params)
        for key, param in new_p.items():
            if key not in old_p:
                required = bool(param.get("required"))
                where = f"{name} {key[0]} parameter {key[1]}"
                self.add("parameter added", where, "required" if required else "optional", required)
        for key in old_p:
            if key not in new_p:
                self.add("parameter removed", f"{name} {key[0]} parameter {key[1]}", "", True)
        for key, old in old_p.items():
            if key not in new_p:
                continue
            new = new_p[key]
            where = f"{name} {key[0]} parameter {key[1]}"
            if bool(old.get("required")) != bool(new.get("required")):
                became = "became required" if new.get("required") else "became optional"
                self.add(became, where, "", bool(new.get("required")))
            self.compare(old.get("schema", {}), new.get("schema", {}), where, "request")
        old_body, _ = self._deref(self.old_doc, old_op.get("requestBody"))
        new_body, _ = self._deref(self.new_doc, new_op.get("requestBody"))
        if old_body and not new_body:
            self.add("request body removed", name, "", True)
        elif new_body and not old_body:
            required = bool(new_body.get("required"))
            self.add("request body added", name, "required" if required else "optional", required)
        elif old_body:
            if new_body.get("required") and not old_body.get("required"):
                self.add("became required", f"{name} request body", "", True)
            self._media_types(old_body, new_body, f"{name} request body")
            self.compare(self._json_schema(old_body), self._json_schema(new_body), f"{name} request body", "request")
        old_responses = old_op.get("responses") or {}
        new_responses = new_op.get("responses") or {}
        for code in new_responses:
            if code not in old_responses:
                self.add("response added", f"{name} {code}", "", False)
        for code in old_responses:
            if code not in new_responses:
                self.add("response removed", f"{name} {code}", "", str(code).startswith("2"))
        for code, old_response in old_responses.items():
            if code in new_responses:
                old_r, _ = self._deref(self.old_doc, old_response)
                new_r, _ = self._deref(self.new_doc, new_responses[code])
                self._media_types(old_r, new_r, f"{name} {code} response")
                old_schema, new_schema = self._json_schema(old_r), self._json_schema(new_r)
                if old_schema is not None and new_schema is not None:
                    self.compare(old_schema, new_schema, f"{name} {code} response", "response")
                elif old_schema is not None:
                    self.add("response body removed", f"{name} {code}", "", True)


def diff_documents(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    r"""Every change from ``old`` to ``new`` (two versions of a vendor's document), in a stable order.

    Values listed in description text count as enum values. Breaking changes come first.

    >>> old = {"components": {"schemas": {"E": {"type": "integer", "description": "`1 - A`"}}},
    ...        "paths": {"/a": {"get": {"responses": {"200": {"description": "",
    ...            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/E"}}}}}}}}}
    >>> new = copy.deepcopy(old)
    >>> new["components"]["schemas"]["E"]["description"] = "`1 - A`\n`82 - ExportAuditLog`"
    >>> print(diff_documents(old, new)[0])  # doctest: +ELLIPSIS
    [not breaking] enum value added: E (82 = EXPORT_AUDIT_LOG) [response]; oasdiff warns here ...
    """
    differ = _Differ(with_description_enums(copy.deepcopy(old)), with_description_enums(copy.deepcopy(new)))
    changes = differ.run()
    return sorted(changes, key=lambda c: not c.breaking)


def breaking(changes: list[Change]) -> Iterator[Change]:
    """The breaking ones among ``changes``.

    >>> list(breaking([Change("operation added", "GET /a", "", False)]))
    []
    """
    return (c for c in changes if c.breaking)
