"""Where every vendor's spec lives and how the spec we generate from is made.

A vendor is one of :data:`VENDORS`. Its resolved spec is the vendor's published
document (``specs/<vendor>/vendor/*.yaml``) with our OpenAPI Overlay documents
(``specs/<vendor>/overlay*.yaml``) applied in name order, or our hand-written
``specs/<vendor>/openapi.yaml``. The spec validation tests and the contract
checks of the fake servers read specs through :func:`resolved_spec`; the generator
reads :func:`generation_spec`, the resolved spec with the enum values documented
only in description text written out as ``enum`` lists (:mod:`scripts.enums`).
The vendor's page is kept beside its document (``vendor/*.page.md``) and
``scripts.update_specs`` replaces both from a newer page.

Example::

    from scripts.specs import resolved_spec
    spec = resolved_spec("voximplant")
    assert "/GetAuditLogAsync" in spec["paths"]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonpath_ng.ext import parse as jsonpath_parse  # type: ignore[attr-defined]
from jsonschema import Draft202012Validator
from oas_patch.overlay import apply_overlay
from oas_patch.validator import load_schema

from scripts.enums import with_description_enums

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
#: Our openapi-python-client templates (open enums), used for every vendor.
TEMPLATES = SPECS / "templates"
GENERATED = ROOT / "generated"


@dataclass(frozen=True)
class Vendor:
    """One vendor: its spec folder and the package its generated client lands in."""

    name: str
    generated_package: str

    @property
    def spec_dir(self) -> Path:
        """``specs/<vendor>/``."""
        return SPECS / self.name

    @property
    def generator_config(self) -> Path:
        """The openapi-python-client config for this vendor."""
        return self.spec_dir / "generator.yaml"

    @property
    def output_dir(self) -> Path:
        """``generated/<package>/``, written only by ``make generate``."""
        return GENERATED / self.generated_package


VENDORS: dict[str, Vendor] = {
    v.name: v
    for v in (
        Vendor("voximplant", "voximplant_audit_api"),
        Vendor("nlpearl", "nlpearl_audit_api"),
        Vendor("zabbix", "zabbix_audit_api"),
        Vendor("navixy", "navixy_audit_api"),
    )
}


class OverlayError(ValueError):
    """An overlay document is invalid or one of its actions no longer applies."""


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def _apply_overlay(doc: Any, overlay: Any, path: Path, problems: list[str] | None = None) -> Any:
    """Apply ``overlay`` to ``doc`` action by action; every target must match.

    A target that matches nothing means the vendor changed its document under
    us: better a loud failure than a silently unpatched spec. With ``problems``
    given, each such action is skipped and described there instead of raising,
    so that a report can name every one.
    """
    schema = load_schema("overlay_schema_1.0.0.yml")
    errors = sorted(Draft202012Validator(schema).iter_errors(overlay), key=str)
    if errors:
        raise OverlayError(f"{path}: not a valid OpenAPI Overlay 1.0: {errors[0].message}")
    for number, action in enumerate(overlay["actions"], start=1):
        if not jsonpath_parse(action["target"]).find(doc):
            problem = f"{_shown(path)}: action {number} ({action['target']}) matches nothing in the spec"
            if problems is None:
                raise OverlayError(problem)
            problems.append(problem)
            continue
        doc = apply_overlay(doc, {"actions": [action]})
    return doc


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def vendor_spec_path(vendor: str) -> Path:
    """The vendor's published document we keep, ``specs/<vendor>/vendor/<name>.yaml``.

    >>> vendor_spec_path("nlpearl").name
    'AuditLog.yaml'
    """
    folder = VENDORS[vendor].spec_dir / "vendor"
    published = sorted(folder.glob("*.yaml"))
    if len(published) != 1:
        raise FileNotFoundError(f"expected one vendor spec in {folder}, found {len(published)}")
    return published[0]


def apply_overlays(vendor: str, doc: Any, problems: list[str] | None = None) -> dict[str, Any]:
    """Apply ``vendor``'s overlay documents (``specs/<vendor>/overlay*.yaml``, in name order) to ``doc``.

    Raises :class:`OverlayError` naming the first action that matches nothing, or,
    with ``problems`` given, lists every such action there and skips it.

    >>> doc = yaml.safe_load(vendor_spec_path("nlpearl").read_text())
    >>> apply_overlays("nlpearl", doc)["info"]["title"]
    'NLPearl Client API (audit log subset)'
    """
    for overlay_path in sorted(VENDORS[vendor].spec_dir.glob("overlay*.yaml")):
        doc = _apply_overlay(doc, _load_yaml(overlay_path), overlay_path, problems)
    result: dict[str, Any] = doc
    return result


def resolved_spec(vendor: str) -> dict[str, Any]:
    """Return the OpenAPI document the SDK of ``vendor`` follows (vendor's document and our overlays).

    >>> resolved_spec("nlpearl")["openapi"]
    '3.0.1'
    """
    hand_written = VENDORS[vendor].spec_dir / "openapi.yaml"
    if hand_written.exists():
        doc: dict[str, Any] = _load_yaml(hand_written)
        return doc
    return apply_overlays(vendor, _load_yaml(vendor_spec_path(vendor)))


def generation_spec(vendor: str) -> dict[str, Any]:
    """The document openapi-python-client generates ``vendor``'s client from.

    It is :func:`resolved_spec` with the values listed in description lines
    (NLPearl's `` `81 - Set2FA` ``) made into ``enum`` lists, so they become
    named enum members. The contract checks keep reading :func:`resolved_spec`:
    a value the page does not list yet is still a valid answer.

    >>> generation_spec("nlpearl")["components"]["schemas"]["eUserType"]["x-enum-varnames"]
    ['PLATFORM', 'API_KEY', 'SUPPORT', 'SYSTEM']
    """
    return for_generation(resolved_spec(vendor))


def for_generation(doc: dict[str, Any]) -> dict[str, Any]:
    """The generator's input made from a resolved document: description-listed values as enums.

    >>> for_generation({"type": "integer", "description": "`3 - APIKey`"})["x-enum-varnames"]
    ['API_KEY']
    """
    result: dict[str, Any] = with_description_enums(doc)
    return result
