"""Regenerate ``generated/<vendor>_audit_api`` from the specs with openapi-python-client.

Each vendor's resolved spec (see :mod:`scripts.specs`) is written to a temporary
file and handed to the pinned generator with the vendor's
``specs/<vendor>/generator.yaml``. The output replaces the package under
``generated/`` completely, so what is committed there is always exactly what
this script writes: CI runs it and fails on any difference.

Example::

    python -m scripts.generate            # every vendor
    python -m scripts.generate zabbix     # one vendor
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from scripts.specs import TEMPLATES, VENDORS, Vendor, generation_spec


def generate(vendor: Vendor) -> None:
    """Write the generated client of ``vendor`` into ``generated/``.

    Example: ``generate(VENDORS["nlpearl"])``.
    """
    render(vendor, generation_spec(vendor.name), vendor.output_dir)


def render(vendor: Vendor, spec: dict[str, Any], output_dir: Path) -> None:
    """Generate ``vendor``'s client from ``spec`` (see :func:`scripts.specs.for_generation`) into ``output_dir``.

    ``output_dir`` is replaced as a whole; :func:`generate` passes ``generated/<package>``,
    ``scripts.update_specs`` a temporary folder, to compare before it writes anything.
    Raises :class:`GenerationError` with the generator's output when it fails.

    Example: ``render(VENDORS["nlpearl"], generation_spec("nlpearl"), Path("/tmp/out"))``.
    """
    with tempfile.TemporaryDirectory(prefix=f"gen-{vendor.name}-") as tmp:
        spec_path = Path(tmp) / f"{vendor.name}.json"
        spec_path.write_text(json.dumps(spec, indent=2, sort_keys=False), encoding="utf-8")
        out = Path(tmp) / vendor.generated_package
        # The generator runs ruff as a post hook: take the pinned one beside this Python.
        env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
        cmd = [
            str(Path(sys.executable).parent / "openapi-python-client"),
            "generate",
            "--path",
            str(spec_path),
            "--config",
            str(vendor.generator_config),
            "--meta",
            "none",
            "--output-path",
            str(out),
            "--custom-template-path",
            str(TEMPLATES),
            "--fail-on-warning",
        ]
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise GenerationError(f"openapi-python-client failed for {vendor.name}:\n{result.stdout}{result.stderr}")
        shutil.rmtree(output_dir, ignore_errors=True)
        output_dir.parent.mkdir(parents=True, exist_ok=True)
        # The generator's ruff hooks leave a cache behind: not part of the output.
        shutil.copytree(out, output_dir, ignore=shutil.ignore_patterns(".ruff_cache"))


class GenerationError(RuntimeError):
    """openapi-python-client refused a spec (the message carries its output)."""


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit code.

    Example: ``main(["nlpearl"])`` regenerates ``generated/nlpearl_audit_api``.
    """
    parser = argparse.ArgumentParser(description="Regenerate the clients under generated/.")
    parser.add_argument("vendors", nargs="*", choices=[*VENDORS, []], help="default: all")
    args = parser.parse_args(argv)
    for name in args.vendors or VENDORS:
        try:
            generate(VENDORS[name])
        except GenerationError as exc:
            sys.stderr.write(f"{exc}\n")
            return 1
        print(f"generated/{VENDORS[name].generated_package}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
