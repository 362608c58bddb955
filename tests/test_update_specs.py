"""scripts.update_specs on the seed pages and edited copies of them, in a temporary copy of the repo.

Each update runs as the command users run (``python -m scripts.update_specs``), inside
a copy of scripts/, specs/ and generated/, so it writes there and never into this
tree. The regenerated package of the copy is then imported (PYTHONPATH first) to show
the change reached the code: a new enum member, a new keyword argument.
"""

from __future__ import annotations

import filecmp
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.specs import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
VOXIMPLANT_PAGE = SEEDS / "000_149d0469fe78ae45.txt"
RENDERED_PAGE = SEEDS / "001_07fd03f6b5967a7c.txt"
NLPEARL_PAGE = SEEDS / "003_92c85c66170ab0d0.txt"


class Repo:
    """A copy of the parts of the repository the update reads and writes."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for part in ("scripts", "specs", "generated"):
            shutil.copytree(ROOT / part, root / part, ignore=shutil.ignore_patterns("__pycache__", ".ruff_cache"))

    def update(self, vendor: str, page: str | Path, *flags: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "scripts.update_specs", vendor, str(page), *flags],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )

    def report(self, vendor: str, page: str | Path, *flags: str) -> tuple[int, dict[str, object]]:
        done = self.update(vendor, page, "--json", *flags)
        assert done.stderr == "", done.stderr
        return done.returncode, json.loads(done.stdout)

    def python(self, code: str) -> str:
        """Run ``code`` with the copy's generated packages first on the path; its stdout."""
        env = dict(os.environ, PYTHONPATH=str(self.root / "generated"))
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def same_as_this_tree(self, *parts: str) -> bool:
        """Whether the copy's ``parts`` (e.g. "specs", "generated/nlpearl_audit_api") equal this tree's."""
        for part in parts:
            compared = filecmp.dircmp(ROOT / part, self.root / part, ignore=["__pycache__", ".ruff_cache"])
            if not _identical(compared):
                return False
        return True


def _identical(compared: filecmp.dircmp[str]) -> bool:
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(compared.left, compared.right, compared.common_files, shallow=False)
    if mismatch or errors:
        return False
    return all(_identical(sub) for sub in compared.subdirs.values())


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path / "repo")


def edited(tmp_path: Path, seed: Path, name: str, *replacements: tuple[str, str]) -> Path:
    """A copy of ``seed`` with each ``(old, new)`` replaced (each must occur)."""
    text = seed.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, f"{old!r} is not in {seed.name}"
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def nlpearl_with_event_82(tmp_path: Path) -> Path:
    """NLPearl's page documenting `82 - ExportAuditLog` wherever it lists the event types."""
    text = NLPEARL_PAGE.read_text(encoding="utf-8")
    text, count = re.subn(r"( *)`81 - Set2FA`\n", lambda m: f"{m[0]}\n{m[1]}`82 - ExportAuditLog`\n", text)
    assert count == 3
    path = tmp_path / "nlpearl-82.md"
    path.write_text(text, encoding="utf-8")
    return path


def kinds(report: dict[str, object]) -> list[tuple[str, str, bool]]:
    changes = report["changes"]
    assert isinstance(changes, list)
    return [(c["kind"], c["where"], c["breaking"]) for c in changes]


# -- the kept pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(("vendor", "kept"), [("voximplant", "GetAuditLog.page.md"), ("nlpearl", "AuditLog.page.md")])
def test_the_kept_pages_change_nothing(repo: Repo, vendor: str, kept: str) -> None:
    code, report = repo.report(vendor, f"specs/{vendor}/vendor/{kept}")
    assert code == 0 and report["status"] == "no change"
    assert report["changes"] == [] and report["overlay_problems"] == [] and report["sdk_changes"] == []
    assert report["sdk_checked"] is True
    assert report["written"], "the update ran through to the writing step"
    assert repo.same_as_this_tree("specs", f"generated/{vendor}_audit_api")


def test_make_update_specs_runs_over_the_kept_pages() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nupdate-specs:", 1)[1].split("\n\n", 1)[0]
    assert "scripts.update_specs $$vendor specs/$$vendor/vendor/*.page.md" in recipe
    for vendor in ("voximplant", "nlpearl"):
        assert vendor in recipe and len(list((ROOT / "specs" / vendor / "vendor").glob("*.page.md"))) == 1


# -- an added enum value ----------------------------------------------------------------------


def test_a_new_event_type_in_the_description_becomes_a_named_member(repo: Repo, tmp_path: Path) -> None:
    page = nlpearl_with_event_82(tmp_path)
    code, report = repo.report("nlpearl", page)
    assert code == 0 and report["status"] == "applied" and report["breaking"] is False
    (change,) = report["changes"]  # type: ignore[misc]
    assert change["kind"] == "enum value added" and change["where"] == "eAuditLogEvent"
    assert change["detail"] == "82 = EXPORT_AUDIT_LOG" and change["breaking"] is False
    assert sorted(change["directions"]) == ["request", "response"]
    assert "oasdiff warns" in change["note"]
    assert report["sdk_changes"] == [{"kind": "new enum member", "where": "EventType", "name": "EXPORT_AUDIT_LOG = 82"}]
    # Written: the page byte for byte, its YAML block, and the regenerated client.
    assert (repo.root / "specs/nlpearl/vendor/AuditLog.page.md").read_bytes() == page.read_bytes()
    assert "`82 - ExportAuditLog`" in (repo.root / "specs/nlpearl/vendor/AuditLog.yaml").read_text()
    shown = repo.python(
        "from nlpearl_audit_api.models import EventType, AuditLogView\n"
        "m = EventType.EXPORT_AUDIT_LOG\n"
        "v = AuditLogView.from_dict({'eventType': 82})\n"
        "print(m.value, m.is_known, v.event_type is m, EventType(83).name, EventType(83).is_known)"
    )
    assert shown == "82 True True UNKNOWN_83 False"
    # A second run over the kept page is a no-op.
    code, report = repo.report("nlpearl", "specs/nlpearl/vendor/AuditLog.page.md")
    assert (code, report["status"], report["changes"]) == (0, "no change", [])


def test_dry_run_reports_and_writes_nothing(repo: Repo, tmp_path: Path) -> None:
    done = repo.update("nlpearl", nlpearl_with_event_82(tmp_path), "--dry-run")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "[not breaking] enum value added: eAuditLogEvent (82 = EXPORT_AUDIT_LOG)" in done.stdout
    assert "new enum member: EventType.EXPORT_AUDIT_LOG = 82" in done.stdout
    assert "Result: would apply (exit 0)" in done.stdout
    assert repo.same_as_this_tree("specs", "generated")


# -- a new optional request parameter or field -------------------------------------------------


def test_a_new_optional_query_parameter_reaches_the_generated_function(repo: Repo, tmp_path: Path) -> None:
    page = edited(
        tmp_path,
        VOXIMPLANT_PAGE,
        "vox-param.md",
        (
            "        - name: count\n",
            "        - name: with_timezone\n          in: query\n          description: Answer in this time zone\n"
            "          required: false\n          schema:\n            type: string\n        - name: count\n",
        ),
    )
    text = repo.update("voximplant", page, "--dry-run").stdout
    assert "voximplant_audit iter_audit_log: does not take with_timezone yet" in text
    code, report = repo.report("voximplant", page)
    assert code == 0 and report["breaking"] is False
    assert kinds(report) == [("parameter added", "POST /GetAuditLog query parameter with_timezone", False)]
    assert {
        "kind": "new keyword argument",
        "where": "api.subpackage_history.get_audit_log",
        "name": "with_timezone",
    } in report["sdk_changes"]
    assert report["iter_audit_log_passes_on"] == {"with_timezone": False}
    params = repo.python(
        "import inspect\nfrom voximplant_audit_api.api.subpackage_history import get_audit_log\n"
        "print(' '.join(inspect.signature(get_audit_log.sync).parameters))"
    )
    assert "with_timezone" in params.split()


def test_a_new_optional_request_field_reaches_the_generated_model(repo: Repo, tmp_path: Path) -> None:
    page = edited(
        tmp_path,
        NLPEARL_PAGE,
        "nlpearl-field.md",
        (
            "        userId:\n          type: string\n          description: >-\n            Optional filter by user ID.",
            "        region:\n          type: string\n          nullable: true\n"
            "        userId:\n          type: string\n          description: >-\n            Optional filter by user ID.",
        ),
    )
    code, report = repo.report("nlpearl", page)
    assert code == 0 and report["breaking"] is False
    assert kinds(report) == [("request field added", "AuditLogAPIRequest.region", False)]
    assert {"kind": "new model field", "where": "AuditLogAPIRequest", "name": "region"} in report["sdk_changes"]
    assert report["iter_audit_log_passes_on"] == {"region": False}
    shown = repo.python(
        "from nlpearl_audit_api.models import AuditLogAPIRequest\nprint(AuditLogAPIRequest(region='eu').to_dict())"
    )
    assert shown == "{'region': 'eu'}"


# -- breaking changes -------------------------------------------------------------------------


def test_a_removed_response_field_is_breaking(repo: Repo, tmp_path: Path) -> None:
    page = edited(
        tmp_path,
        NLPEARL_PAGE,
        "nlpearl-removed.md",
        (
            "        additionalData:\n          type: object\n          additionalProperties:\n"
            "            type: string\n          nullable: true\n",
            "",
        ),
    )
    code, report = repo.report("nlpearl", page)
    assert code == 3 and report["breaking"] is True and report["written"] == []
    assert ("response field removed", "AuditLogView.additionalData", True) in kinds(report)
    assert {"kind": "model field removed", "where": "AuditLogView", "name": "additional_data"} in report["sdk_changes"]
    assert repo.same_as_this_tree("specs", "generated")
    # Accepted: applied, and the regenerated model has no such field any more.
    code, report = repo.report("nlpearl", page, "--accept-breaking")
    assert code == 0 and report["status"] == "applied"
    fields = repo.python(
        "import attrs\nfrom nlpearl_audit_api.models import AuditLogView\nprint(attrs.fields_dict(AuditLogView))"
    )
    assert "additional_data" not in fields and "event_type" in fields


def test_a_changed_type_is_breaking_and_dry_run_exits_3_too(repo: Repo, tmp_path: Path) -> None:
    page = edited(
        tmp_path,
        VOXIMPLANT_PAGE,
        "vox-type.md",
        (
            "        audit_log_id:\n          type: integer\n",
            "        audit_log_id:\n          type: string\n",
        ),
    )
    done = repo.update("voximplant", page, "--dry-run")
    assert done.returncode == 3, done.stdout
    assert "[BREAKING] type changed: AuditLogInfoType.audit_log_id (integer -> string) [response]" in done.stdout
    assert "Result: breaking change, not applied (--accept-breaking applies it) (exit 3)" in done.stdout
    code, report = repo.report("voximplant", page)
    assert code == 3 and report["written"] == [] and repo.same_as_this_tree("specs", "generated")
    assert ("type changed", "AuditLogInfoType.audit_log_id", True) in kinds(report)
    code, _ = repo.report("voximplant", page, "--accept-breaking")
    assert code == 0
    shown = repo.python(
        "from voximplant_audit_api.models import AuditLogInfoType\n"
        "print(repr(AuditLogInfoType.from_dict({'audit_log_id': 'a-1'}).audit_log_id))"
    )
    assert shown == "'a-1'"


def test_a_removed_operation_is_breaking_even_where_the_overlay_breaks_too(repo: Repo, tmp_path: Path) -> None:
    page = edited(tmp_path, VOXIMPLANT_PAGE, "vox-op.md", ("  /GetAuditLog:\n", "  /GetAuditLogV2:\n"))
    code, report = repo.report("voximplant", page)
    assert code == 3 and report["breaking"] is True
    assert ("operation removed", "POST /GetAuditLog", True) in kinds(report)
    assert ("operation added", "POST /GetAuditLogV2", False) in kinds(report)
    problems = report["overlay_problems"]
    assert isinstance(problems, list) and len(problems) == 3
    assert all("matches nothing" in p and "/GetAuditLog'" in p for p in problems)
    assert "specs/voximplant/overlay.yaml: action 2 ($.paths['/GetAuditLog'].post.parameters" in problems[0]
    # Even accepted, an overlay action that no longer matches stops it: exit 1, nothing written.
    code, report = repo.report("voximplant", page, "--accept-breaking")
    assert code == 1 and report["written"] == [] and repo.same_as_this_tree("specs", "generated")


def test_an_overlay_action_that_no_longer_matches_fails_and_is_named(repo: Repo, tmp_path: Path) -> None:
    # The vendor now offers the request body only as application/json: our action 3, which
    # removed the other two media types, matches nothing. Nothing breaks our users.
    page = edited(
        tmp_path,
        NLPEARL_PAGE,
        "nlpearl-overlay.md",
        (
            "          text/json:\n            schema:\n              allOf:\n"
            "                - $ref: '#/components/schemas/AuditLogAPIRequest'\n"
            "          application/*+json:\n            schema:\n              allOf:\n"
            "                - $ref: '#/components/schemas/AuditLogAPIRequest'\n",
            "",
        ),
    )
    done = repo.update("nlpearl", page)
    assert done.returncode == 1, done.stdout
    assert "[not breaking] media type removed: POST /v2/Account/AuditLog request body (text/json)" in done.stdout
    assert (
        "no longer matches: specs/nlpearl/overlay.yaml: action 3 "
        "($.paths['/v2/Account/AuditLog'].post.requestBody.content['text/json','application/*+json']) "
        "matches nothing in the spec"
    ) in done.stdout
    assert "Result: an overlay action no longer matches, not applied (exit 1)" in done.stdout
    assert repo.same_as_this_tree("specs", "generated")


def test_enum_values_the_page_lists_in_conflict_fail(repo: Repo, tmp_path: Path) -> None:
    text = re.sub(r"( *)`81 - Set2FA`\n", lambda m: f"{m[0]}\n{m[1]}`82 - Set2FA`\n", NLPEARL_PAGE.read_text())
    page = tmp_path / "nlpearl-conflict.md"
    page.write_text(text, encoding="utf-8")
    code, report = repo.report("nlpearl", page)
    assert code == 1 and report["written"] == []
    assert "lists the member name SET_2FA twice, differently" in str(report["problem"])


# -- unusable pages ---------------------------------------------------------------------------


def test_a_rendered_page_without_a_yaml_block_is_refused_and_nothing_guessed(repo: Repo) -> None:
    done = repo.update("voximplant", RENDERED_PAGE)
    assert done.returncode == 2
    assert "the page carries no machine-readable spec" in done.stdout
    assert "Changes in the vendor's document" not in done.stdout  # nothing guessed from its text
    assert "GetAuditLogAsync (POST /GetAuditLogAsync)" in done.stdout  # the hand-written ones are named
    code, report = repo.report("voximplant", RENDERED_PAGE)
    assert code == 2 and report["status"] == "unusable page" and report["written"] == []
    assert repo.same_as_this_tree("specs", "generated")


def test_a_yaml_block_that_is_no_openapi_document_is_unusable(repo: Repo, tmp_path: Path) -> None:
    page = tmp_path / "broken.md"
    page.write_text("# x\n\n```yaml\nopenapi: [unclosed\n```\n", encoding="utf-8")
    code, report = repo.report("nlpearl", page)
    assert code == 2 and "does not parse" in str(report["problem"])


# -- over HTTP --------------------------------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """A loopback HTTP server (127.0.0.1 only) serving tmp_path/pages; yields its base URL."""
    root = tmp_path / "pages"
    root.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_page_served_over_http(repo: Repo, tmp_path: Path, served: str) -> None:
    shutil.copy(nlpearl_with_event_82(tmp_path), tmp_path / "pages" / "get-audit-log.md")
    code, report = repo.report("nlpearl", f"{served}/get-audit-log.md")
    assert code == 0 and report["status"] == "applied"
    assert kinds(report) == [("enum value added", "eAuditLogEvent", False)]
    kept = (repo.root / "specs/nlpearl/vendor/AuditLog.page.md").read_bytes()
    assert kept == (tmp_path / "pages" / "get-audit-log.md").read_bytes()
    assert (
        repo.python("from nlpearl_audit_api.models import EventType\nprint(EventType(82).name)") == "EXPORT_AUDIT_LOG"
    )
    code, report = repo.report("nlpearl", f"{served}/missing.md")
    assert code == 2 and "HTTP 404" in str(report["problem"])


# -- the README's walk-through is real output ---------------------------------------------------


def test_the_readme_report_is_what_the_command_prints(repo: Repo) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ python -m scripts.update_specs nlpearl get-audit-log.md\n", 1)[1].split("```", 1)[0]
    text = NLPEARL_PAGE.read_text(encoding="utf-8")
    text = re.sub(r"( *)`81 - Set2FA`\n", lambda m: f"{m[0]}\n{m[1]}`82 - ExportAuditLog`\n", text)
    filter_ = (
        "        userId:\n          type: string\n          description: >-\n            Optional filter by user ID."
    )
    pearl = "        pearlId:\n          type: string\n          description: Optional filter by Pearl ID.\n"
    text = text.replace(filter_, pearl + "          nullable: true\n" + filter_)
    (repo.root / "get-audit-log.md").write_text(text, encoding="utf-8")
    done = repo.update("nlpearl", "get-audit-log.md")
    assert done.returncode == 0 and done.stdout == shown
