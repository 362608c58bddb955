"""Copy the OpenAPI document out of a vendor documentation page, byte for byte.

The vendors publish their specs inside documentation pages (a fenced YAML
block). We keep exactly that block as ``specs/<vendor>/vendor/*.yaml`` and put
every adjustment in overlay documents beside it, so that a newer page can be
dropped in with this script and the overlays still apply.

Example::

    python scripts/extract_vendor_spec.py ../shared/seeds/000_149d0469fe78ae45.txt \
        specs/voximplant/vendor/GetAuditLog.yaml
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

# A fenced block of three or more backticks whose info string starts with "yaml";
# the closing fence has the same number of backticks.
_FENCE = re.compile(r"^(?P<fence>`{3,})yaml[^\n]*\n(?P<body>.*?\n)(?P=fence)[ \t]*$", re.S | re.M)


def extract_openapi_block(page: str) -> str:
    r"""Return the first fenced YAML block of ``page`` that holds an OpenAPI document.

    >>> extract_openapi_block("x\n```yaml\nopenapi: 3.0.1\n```\n")
    'openapi: 3.0.1\n'
    """
    for match in _FENCE.finditer(page):
        body = match.group("body")
        if body.startswith("openapi:"):
            return body
    raise ValueError("no fenced ```yaml block starting with 'openapi:' was found in the page")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: ``extract_vendor_spec.py PAGE OUT``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("page", type=Path, help="the vendor documentation page (markdown or text)")
    parser.add_argument("out", type=Path, help="where to write the YAML document")
    parser.add_argument("--check", action="store_true", help="fail if OUT differs instead of writing it")
    args = parser.parse_args(argv)
    block = extract_openapi_block(args.page.read_text(encoding="utf-8"))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else None
        if current != block:
            print(f"{args.out} differs from the spec published in {args.page}", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(block, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
