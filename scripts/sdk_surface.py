"""The public surface of a generated client, read from its source, and what changed in it.

What a user of ``<vendor>_audit_api`` touches: the members of its enums, the
fields of its models (their constructors' keyword arguments) and the keyword
arguments of its operation functions. Read with :mod:`ast`, so a package in a
temporary folder is compared with the one in ``generated/`` without importing
either. :func:`overlay_passes_on` tells whether the hand-written overlay's
``iter_audit_log`` takes a new request parameter yet.

Example::

    before = surface(Path("generated/nlpearl_audit_api"))
    after = surface(Path("/tmp/new/nlpearl_audit_api"))
    for line in describe(before, after): print(line)
"""

from __future__ import annotations

import ast
import importlib
import inspect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_ENUM_BASES = {"IntEnum", "StrEnum", "Enum"}
_NOT_PARAMETERS = {"client"}


@dataclass
class Surface:
    """Enums (class -> {member: value}), models (class -> fields), operations (module -> kwargs, body model)."""

    enums: dict[str, dict[str, Any]] = field(default_factory=dict)
    models: dict[str, list[str]] = field(default_factory=dict)
    operations: dict[str, list[str]] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)


def _base_names(node: ast.ClassDef) -> set[str]:
    return {b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else "" for b in node.bases}


def surface(package: Path) -> Surface:
    """Read the surface of the generated package at ``package`` (e.g. ``generated/nlpearl_audit_api``).

    >>> from scripts.specs import VENDORS
    >>> s = surface(VENDORS["nlpearl"].output_dir)
    >>> s.enums["EventType"]["SET_2FA"], s.operations["account.get_audit_log"], s.bodies["account.get_audit_log"]
    (81, ['body'], 'AuditLogAPIRequest')
    """
    found = Surface()
    for path in sorted((package / "models").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ClassDef):
                continue
            if _base_names(node) & _ENUM_BASES:
                members: dict[str, Any] = {}
                for item in node.body:
                    if isinstance(item, ast.Assign) and len(item.targets) == 1:
                        target = item.targets[0]
                        if isinstance(target, ast.Name) and target.id.isupper():
                            members[target.id] = ast.literal_eval(item.value)
                found.enums[node.name] = members
            else:
                found.models[node.name] = [
                    item.target.id
                    for item in node.body
                    if isinstance(item, ast.AnnAssign)
                    and isinstance(item.target, ast.Name)
                    and item.target.id != "additional_properties"
                ]
    for path in sorted((package / "api").rglob("*.py")):
        if path.name == "__init__.py":
            continue
        name = ".".join(path.relative_to(package / "api").with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name == "sync_detailed":
                args = [*node.args.args, *node.args.kwonlyargs]
                found.operations[name] = [a.arg for a in args if a.arg not in _NOT_PARAMETERS]
                for arg in args:
                    if arg.arg == "body" and arg.annotation is not None:
                        found.bodies[name] = ast.unparse(arg.annotation).split("|")[0].strip()
    return found


@dataclass
class SurfaceChange:
    """One change a user of the generated package sees."""

    kind: str
    where: str
    name: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.where}.{self.name}" if self.where else f"{self.kind}: {self.name}"

    def as_json(self) -> dict[str, str]:
        """The change as a JSON object (``--json``).

        >>> SurfaceChange("new enum member", "EventType", "EXPORT_AUDIT_LOG = 82").as_json()["where"]
        'EventType'
        """
        return {"kind": self.kind, "where": self.where, "name": self.name}


def compare(before: Surface, after: Surface) -> list[SurfaceChange]:
    """What changed from ``before`` to ``after``: enum members, model fields, operations and their keyword arguments.

    >>> a, b = Surface(enums={"E": {"A": 1}}), Surface(enums={"E": {"A": 1, "B": 2}})
    >>> [str(c) for c in compare(a, b)]
    ['new enum member: E.B = 2']
    """
    changes: list[SurfaceChange] = []
    for cls, members in after.enums.items():
        old = before.enums.get(cls)
        if old is None:
            changes.append(SurfaceChange("new enum", "", cls))
            continue
        changes += [SurfaceChange("new enum member", cls, f"{m} = {v!r}") for m, v in members.items() if m not in old]
        changes += [SurfaceChange("enum member removed", cls, m) for m in old if m not in members]
    changes += [SurfaceChange("enum removed", "", cls) for cls in before.enums if cls not in after.enums]
    for cls, fields in after.models.items():
        old_fields = before.models.get(cls)
        if old_fields is None:
            changes.append(SurfaceChange("new model", "", cls))
            continue
        changes += [SurfaceChange("new model field", cls, f) for f in fields if f not in old_fields]
        changes += [SurfaceChange("model field removed", cls, f) for f in old_fields if f not in fields]
    changes += [SurfaceChange("model removed", "", cls) for cls in before.models if cls not in after.models]
    for op, kwargs in after.operations.items():
        old_kwargs = before.operations.get(op)
        if old_kwargs is None:
            changes.append(SurfaceChange("new operation", "api", op))
            continue
        changes += [SurfaceChange("new keyword argument", f"api.{op}", k) for k in kwargs if k not in old_kwargs]
        changes += [SurfaceChange("keyword argument removed", f"api.{op}", k) for k in old_kwargs if k not in kwargs]
    changes += [SurfaceChange("operation removed", "api", op) for op in before.operations if op not in after.operations]
    return changes


def new_request_parameters(before: Surface, after: Surface) -> list[str]:
    """Names of the request parameters new in ``after``: operation keywords and request-body model fields.

    >>> a = Surface(models={"Req": ["from_"]}, operations={"x.op": ["body"]}, bodies={"x.op": "Req"})
    >>> b = Surface(models={"Req": ["from_", "region"]}, operations={"x.op": ["body"]}, bodies={"x.op": "Req"})
    >>> new_request_parameters(a, b)
    ['region']
    """
    names: list[str] = []
    for op, kwargs in after.operations.items():
        names += [k for k in kwargs if k not in before.operations.get(op, kwargs) and k != "body"]
        body = after.bodies.get(op)
        if body is not None and body in before.models:
            names += [f for f in after.models.get(body, []) if f not in before.models[body]]
    return sorted(set(names))


def overlay_passes_on(vendor: str, parameter: str) -> bool | None:
    """Whether ``<vendor>_audit.Client.iter_audit_log`` takes ``parameter`` (None when it can't be told).

    >>> overlay_passes_on("nlpearl", "event_type"), overlay_passes_on("nlpearl", "region")
    (True, False)
    """
    try:
        client = importlib.import_module(f"{vendor}_audit").Client
        parameters = inspect.signature(client.iter_audit_log).parameters
    except Exception:  # the overlay is not importable or has no such method: say so, don't guess
        return None
    if parameter in parameters:
        return True
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
        return None
    return False
