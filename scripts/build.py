"""Build a wheel and an sdist of audit-core, of each vendor SDK and of auditpull into ``dist/``.

A vendor distribution is its overlay folder (``overlays/<vendor>/``: the
pyproject, README and hand-written package) plus its generated client
(``generated/<vendor>_audit_api``). The two are copied into a staging folder so
that the sdist is self-contained and the wheel built from it matches.

Example::

    python -m scripts.build            # every distribution
    python -m scripts.build zabbix     # audit-core and zabbix-audit
    python -m scripts.build auditpull  # audit-core and auditpull (its SDKs are extras)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.specs import ROOT, VENDORS

OVERLAYS = ROOT / "overlays"
DIST = ROOT / "dist"
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache")


def build(name: str, out: Path = DIST) -> list[Path]:
    """Build one distribution (``"core"``, a vendor name or ``"auditpull"``); return the files written.

    Example: ``build("nlpearl")``.
    """
    with tempfile.TemporaryDirectory(prefix=f"build-{name}-") as tmp:
        stage = Path(tmp) / name
        shutil.copytree(OVERLAYS / name, stage, ignore=_IGNORE)
        if name in VENDORS:
            package = VENDORS[name].output_dir
            shutil.copytree(package, stage / package.name, ignore=_IGNORE)
            # Generated with --meta none, the client has no PEP 561 marker; it is typed.
            (stage / package.name / "py.typed").touch()
        before = set(out.glob("*")) if out.exists() else set()
        cmd = [sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel", "--outdir", str(out), str(stage)]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            raise SystemExit(f"building {name} failed")
        return sorted(set(out.glob("*")) - before)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description="Build the SDK distributions and auditpull into dist/.")
    parser.add_argument("names", nargs="*", choices=[*VENDORS, "auditpull", []], help="default: all")
    args = parser.parse_args(argv)
    if DIST.exists():
        shutil.rmtree(DIST)
    DIST.mkdir()
    for name in ["core", *(args.names or [*VENDORS, "auditpull"])]:
        for path in build(name):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
