"""The specs: valid OpenAPI, vendor files exactly as published, origins stated, overlays strict."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from scripts.specs import ROOT, VENDORS, OverlayError, _apply_overlay, resolved_spec
from scripts.vendor_page import extract_openapi_block

SEEDS = ROOT.parent / "shared" / "seeds"
PUBLISHED = {
    "voximplant": ("000_149d0469fe78ae45.txt", "GetAuditLog.yaml"),
    "nlpearl": ("003_92c85c66170ab0d0.txt", "AuditLog.yaml"),
}


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_resolved_spec_is_valid_openapi(vendor: str) -> None:
    spec = resolved_spec(vendor)
    validate(spec)
    assert spec["paths"], f"{vendor} spec has no paths"


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_spec_says_where_it_came_from(vendor: str) -> None:
    origin = resolved_spec(vendor)["info"].get("x-origin", "")
    if vendor in PUBLISHED:
        assert origin.startswith("vendor page https://"), origin
    else:
        assert origin.startswith("hand-written"), origin


@pytest.mark.parametrize("vendor", sorted(PUBLISHED))
def test_vendor_spec_is_byte_for_byte_the_published_one(vendor: str) -> None:
    seed, name = PUBLISHED[vendor]
    page = (SEEDS / seed).read_text(encoding="utf-8")
    kept = (ROOT / "specs" / vendor / "vendor" / name).read_bytes()
    assert kept == extract_openapi_block(page).encode("utf-8")
    # The page itself is kept beside it, byte for byte, so the source of every spec is in the repo.
    assert (ROOT / "specs" / vendor / "vendor" / name).with_suffix(".page.md").read_bytes() == (
        SEEDS / seed
    ).read_bytes()


def test_voximplant_overlay_drops_the_token_parameter_and_adds_the_error_envelope() -> None:
    spec = resolved_spec("voximplant")
    op = spec["paths"]["/GetAuditLog"]["post"]
    assert "Authorization" not in [p["name"] for p in op["parameters"]]
    assert spec["security"] == [{"JwtAuth": []}]
    schema = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert {"$ref": "#/components/schemas/ApiErrorResponse"} in schema["oneOf"]
    for name in ("/GetAuditLogAsync", "/GetHistoryReports", "/DownloadHistoryReport"):
        assert spec["paths"][name]["post"]["x-origin"] == "hand-written"


def test_an_overlay_target_that_matches_nothing_fails_loudly(tmp_path: Path) -> None:
    overlay = {
        "overlay": "1.0.0",
        "info": {"title": "t", "version": "1"},
        "actions": [{"target": "$.paths['/Gone'].post", "update": {"summary": "x"}}],
    }
    doc = yaml.safe_load((ROOT / "specs/voximplant/vendor/GetAuditLog.yaml").read_text())
    with pytest.raises(OverlayError, match="matches nothing"):
        _apply_overlay(copy.deepcopy(doc), overlay, tmp_path / "overlay.yaml")


def test_an_invalid_overlay_document_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OverlayError, match="not a valid OpenAPI Overlay"):
        _apply_overlay({}, {"overlay": "1.0.0", "actions": []}, tmp_path / "overlay.yaml")


def test_every_vendor_has_a_generated_client() -> None:
    for vendor in VENDORS.values():
        assert (vendor.output_dir / "client.py").is_file(), vendor.output_dir
