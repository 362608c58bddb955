"""Update a vendor's spec from its documentation page, report what changed, regenerate.

``python -m scripts.update_specs VENDOR PAGE`` reads PAGE (a saved file or an
http(s) URL), takes the OpenAPI document out of it (:mod:`scripts.vendor_page`),
compares it with the one we keep (:mod:`scripts.spec_diff`, before our overlay),
re-applies our overlay, validates the result, generates the client into a
temporary folder and compares its public surface with ``generated/``
(:mod:`scripts.sdk_surface`). Only when all of that is fine does it write the
page and the document into ``specs/<vendor>/vendor/`` and the client into
``generated/``.

Exit codes:

- 0: applied (nothing breaking, breaking changes accepted with ``--accept-breaking``,
  or nothing changed);
- 3: a change is breaking and ``--accept-breaking`` was not given; nothing written;
- 2: the page is unusable (unreadable, no machine-readable spec in it); nothing written;
- 1: any other failure, e.g. an overlay action that no longer matches; nothing written.

``--dry-run`` prints the report, writes nothing and exits with the code the real run
would give; ``--json`` prints the report as JSON. ``make update-specs`` re-runs the
update over the pages kept in ``specs/``.

Voximplant's GetAuditLogAsync, GetHistoryReports and DownloadHistoryReport are ours
(``x-origin: hand-written`` in its overlay), written from rendered pages that carry
no YAML: this update can't see changes to them, and its report says so.

Example::

    python -m scripts.update_specs nlpearl ../shared/seeds/003_92c85c66170ab0d0.txt --dry-run
    python -m scripts.update_specs voximplant https://example.test/get-audit-log.md --json
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from scripts.enums import DescriptionEnumError
from scripts.generate import GenerationError, render
from scripts.sdk_surface import SurfaceChange, compare, new_request_parameters, overlay_passes_on, surface
from scripts.spec_diff import Change, diff_documents
from scripts.specs import ROOT, VENDORS, OverlayError, apply_overlays, for_generation, vendor_spec_path
from scripts.vendor_page import PageError, extract_openapi_block, read_page

#: The vendors that publish an OpenAPI document in their pages (Zabbix and Navixy specs are ours).
PUBLISHING = ("voximplant", "nlpearl")

EXIT_APPLIED, EXIT_FAILED, EXIT_UNUSABLE_PAGE, EXIT_BREAKING = 0, 1, 2, 3


@dataclass
class Report:
    """What one update found and did; printed as text or JSON."""

    vendor: str
    page: str
    dry_run: bool = False
    exit_code: int = EXIT_APPLIED
    status: str = ""
    problem: str = ""
    changes: list[Change] = field(default_factory=list)
    overlay_problems: list[str] = field(default_factory=list)
    sdk_changes: list[SurfaceChange] = field(default_factory=list)
    sdk_checked: bool = False
    passes_on: dict[str, bool | None] = field(default_factory=dict)
    out_of_reach: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    @property
    def breaking(self) -> bool:
        """Whether any change in the vendor's document is breaking for our users.

        >>> Report("nlpearl", "page.md", changes=[Change("operation removed", "GET /a", "", True)]).breaking
        True
        """
        return any(c.breaking for c in self.changes)

    def as_json(self) -> dict[str, Any]:
        """The report as one JSON object (``--json``), for a CI bot.

        >>> Report("nlpearl", "page.md").as_json()["exit_code"]
        0
        """
        return {
            "vendor": self.vendor,
            "page": self.page,
            "dry_run": self.dry_run,
            "exit_code": self.exit_code,
            "status": self.status,
            "problem": self.problem,
            "breaking": self.breaking,
            "changes": [c.as_json() for c in self.changes],
            "overlay_problems": self.overlay_problems,
            "sdk_checked": self.sdk_checked,
            "sdk_changes": [c.as_json() for c in self.sdk_changes],
            "iter_audit_log_passes_on": self.passes_on,
            "out_of_reach": self.out_of_reach,
            "written": self.written,
        }

    def as_text(self) -> str:
        """The report for a person.

        >>> Report("nlpearl", "page.md", status="applied").as_text().splitlines()[-1]
        'Result: applied (exit 0)'
        """
        lines = [f"update-specs {self.vendor} <- {self.page}" + (" (dry run)" if self.dry_run else "")]
        if self.problem:
            lines += ["", self.problem]
        if self.status != "unusable page":
            lines += ["", "Changes in the vendor's document (before our overlay):"]
            lines += [f"  {c}" for c in self.changes] or ["  none"]
            lines += ["", "Our overlay:"]
            if self.overlay_problems:
                lines += [f"  no longer matches: {p}" for p in self.overlay_problems]
            else:
                lines += ["  every action still applies"]
            lines += ["", f"Public SDK surface ({self.vendor}_audit_api):"]
            if not self.sdk_checked:
                lines += ["  not regenerated (see above)"]
            else:
                lines += [f"  {c}" for c in self.sdk_changes] or ["  unchanged"]
            for name, passed in self.passes_on.items():
                if passed:
                    lines.append(f"  {self.vendor}_audit iter_audit_log: passes {name} on")
                else:
                    state = "does not take" if passed is False else "may not take (could not tell)"
                    lines.append(
                        f"  {self.vendor}_audit iter_audit_log: {state} {name} yet; it reaches "
                        f"the generated functions at once (client.generated)"
                    )
        if self.out_of_reach:
            lines += ["", "Out of reach (ours, x-origin: hand-written, written from rendered pages with no YAML;"]
            lines += ["this update can't see changes to them):"]
            lines += [f"  {op}" for op in self.out_of_reach]
        lines += ["", f"Result: {self.status} (exit {self.exit_code})"]
        lines += [f"  wrote {w}" for w in self.written]
        return "\n".join(lines) + "\n"


def _hand_written_operations(doc: dict[str, Any]) -> list[str]:
    found = []
    for path, item in (doc.get("paths") or {}).items():
        for method, op in (item or {}).items():
            if isinstance(op, dict) and op.get("x-origin") == "hand-written":
                found.append(f"{op.get('summary') or path} ({method.upper()} {path})")
    return found


def kept_page_path(vendor: str) -> Path:
    """Where the vendor's page is kept: beside its document, ``<name>.page.md``.

    >>> kept_page_path("nlpearl").relative_to(ROOT).as_posix()
    'specs/nlpearl/vendor/AuditLog.page.md'
    """
    spec = vendor_spec_path(vendor)
    return spec.with_name(f"{spec.stem}.page.md")


def _stop(report: Report, code: int, status: str, problem: str = "") -> Report:
    report.exit_code, report.status = code, status
    if problem:
        report.problem = problem
    return report


def update(vendor: str, page_source: str, *, accept_breaking: bool = False, dry_run: bool = False) -> Report:
    """Run the update of ``vendor`` from ``page_source``; write only when the result is exit 0 and not a dry run.

    >>> report = update("nlpearl", str(kept_page_path("nlpearl")), dry_run=True)
    >>> report.exit_code, report.changes, report.overlay_problems, report.sdk_changes
    (0, [], [], [])
    """
    report = Report(vendor, page_source, dry_run=dry_run)
    current_doc = yaml.safe_load(vendor_spec_path(vendor).read_text(encoding="utf-8"))
    report.out_of_reach = _hand_written_operations(apply_overlays(vendor, copy.deepcopy(current_doc), []))
    try:
        page = read_page(page_source)
        block = extract_openapi_block(page.text)
        new_doc = yaml.safe_load(block)
    except PageError as exc:
        return _stop(report, EXIT_UNUSABLE_PAGE, "unusable page", f"Unusable page: {exc}. Nothing written.")
    except yaml.YAMLError as exc:
        problem = f"Unusable page: its YAML block does not parse: {exc}. Nothing written."
        return _stop(report, EXIT_UNUSABLE_PAGE, "unusable page", problem)
    if not isinstance(new_doc, dict) or not isinstance(new_doc.get("paths"), dict):
        problem = "Unusable page: its YAML block is not an OpenAPI document with paths. Nothing written."
        return _stop(report, EXIT_UNUSABLE_PAGE, "unusable page", problem)

    try:
        report.changes = diff_documents(current_doc, new_doc)
    except DescriptionEnumError as exc:
        return _stop(report, EXIT_FAILED, "failed", f"The enum values the page lists conflict: {exc}. Nothing written.")
    try:
        resolved = apply_overlays(vendor, copy.deepcopy(new_doc), report.overlay_problems)
    except OverlayError as exc:
        return _stop(report, EXIT_FAILED, "failed", f"Our overlay is not usable: {exc}. Nothing written.")

    with tempfile.TemporaryDirectory(prefix=f"update-{vendor}-") as tmp:
        package = Path(tmp) / VENDORS[vendor].generated_package
        if not report.overlay_problems:
            try:
                validate(resolved)
                render(VENDORS[vendor], for_generation(resolved), package)
            except OpenAPIValidationError as exc:
                report.problem = f"The result (vendor document + our overlay) is not valid OpenAPI: {exc.message}"
            except GenerationError as exc:
                report.problem = f"Generation failed: {exc}"
            else:
                before, after = surface(VENDORS[vendor].output_dir), surface(package)
                report.sdk_checked = True
                report.sdk_changes = compare(before, after)
                report.passes_on = {p: overlay_passes_on(vendor, p) for p in new_request_parameters(before, after)}

        if report.breaking and not accept_breaking:
            return _stop(report, EXIT_BREAKING, "breaking change, not applied (--accept-breaking applies it)")
        if report.overlay_problems:
            return _stop(report, EXIT_FAILED, "an overlay action no longer matches, not applied")
        if report.problem:
            return _stop(report, EXIT_FAILED, "failed, not applied")
        unchanged = not report.changes and block == vendor_spec_path(vendor).read_text(encoding="utf-8")
        if dry_run:
            return _stop(report, EXIT_APPLIED, "would apply" + (" (no change)" if unchanged else ""))
        spec_path, page_path = vendor_spec_path(vendor), kept_page_path(vendor)
        spec_path.write_text(block, encoding="utf-8", newline="\n")
        page_path.write_bytes(page.content)
        output = VENDORS[vendor].output_dir
        shutil.rmtree(output, ignore_errors=True)
        shutil.copytree(package, output)
        report.written = [str(p.relative_to(ROOT)) for p in (spec_path, page_path, output)]
        return _stop(report, EXIT_APPLIED, "no change" if unchanged else "applied")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``python -m scripts.update_specs VENDOR PAGE [flags]``; returns the exit code.

    Example: ``main(["nlpearl", "specs/nlpearl/vendor/AuditLog.page.md", "--dry-run", "--json"])``.
    """
    parser = argparse.ArgumentParser(
        prog="python -m scripts.update_specs",
        description="Update a vendor's spec from its documentation page, report what changed, regenerate.",
    )
    parser.add_argument("vendor", choices=PUBLISHING, help="a vendor that publishes its OpenAPI document")
    parser.add_argument("page", help="the documentation page: a saved file or an http(s) URL")
    parser.add_argument("--accept-breaking", action="store_true", help="apply even when a change is breaking")
    parser.add_argument("--dry-run", action="store_true", help="print the report, write nothing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = update(args.vendor, args.page, accept_breaking=args.accept_breaking, dry_run=args.dry_run)
    sys.stdout.write(json.dumps(report.as_json(), indent=2) + "\n" if args.json else report.as_text())
    return report.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
