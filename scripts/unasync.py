"""Write the sync twin of every ``_async/`` package: async code is written once, the sync code is output.

Like httpcore's own ``scripts/unasync.py``: a short list of whole-word
substitutions (``async def`` -> ``def``, ``await x`` -> ``x``, ``AsyncClient`` ->
``Client``, ``aclose`` -> ``close``...) turns each ``.../_async/*.py`` into
``.../_sync/*.py``, and ruff formats the result, so ``make unasync`` always writes
the same bytes. ``--check`` (run by ``make test``) fails when a committed sync file
differs from what this script writes: change the async source, never the twin.

Why not the ``unasync`` package: it rewrites tokens one at a time, so it cannot map
``asyncio.sleep`` or drop ``@pytest.mark.anyio``, and it has no check mode; the
rules below are the whole of what we need, and they are easy to read.

Example::

    python -m scripts.unasync           # rewrite every _sync/ twin
    python -m scripts.unasync --check   # exit 1, naming the files, when a twin is stale
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Where ``_async`` packages live: the core, every vendor overlay, the shared tests.
SEARCH_ROOTS = ("overlays", "tests")

HEADER = "# Generated from {source} by scripts/unasync.py: edit that file.\n"

#: Whole-word substitutions, applied in order.
SUBS: list[tuple[str, str]] = [
    (r"\bAsyncIterator\b", "Iterator"),
    (r"\bAsyncIterable\b", "Iterable"),
    (r"\bAsyncGenerator\b", "Generator"),
    (r"\bAsyncExitStack\b", "ExitStack"),
    (r"\basynccontextmanager\b", "contextmanager"),
    (r"\bStopAsyncIteration\b", "StopIteration"),
    (r"\bAwaitable\[([^\]]*)\]", r"\1"),
    (r"\bAsync([A-Z]\w*)", r"\1"),
    (r"\basync_([a-z]\w*)", r"\1"),
    (r"\b_async\b", "_sync"),
    (r"\basync def\b", "def"),
    (r"\basync with\b", "with"),
    (r"\basync for\b", "for"),
    (r"\bawait\s+", ""),
    (r"\b__aenter__\b", "__enter__"),
    (r"\b__aexit__\b", "__exit__"),
    (r"\b__aiter__\b", "__iter__"),
    (r"\b__anext__\b", "__next__"),
    (r"\baclose\b", "close"),
    (r"\baread\b", "read"),
    (r"\baiter_bytes\b", "iter_bytes"),
    (r"\baiter_raw\b", "iter_raw"),
    (r"\bhandle_async_request\b", "handle_request"),
    (r"\bset_async_httpx_client\b", "set_httpx_client"),
    (r"\bget_async_httpx_client\b", "get_httpx_client"),
    (r"\basyncio_detailed\b", "sync_detailed"),
    (r"\basync\b", "sync"),
    (r"\banext\(", "next("),
    (r"\baiter\(", "iter("),
]
#: Lines dropped from the sync twin (async-only decorations).
DROP = re.compile(r"^\s*(@pytest\.mark\.anyio|pytestmark = pytest\.mark\.anyio)\s*$")
_COMPILED = [(re.compile(pattern), repl) for pattern, repl in SUBS]


def unasync_text(text: str) -> str:
    r"""The sync twin of one async source file (before formatting).

    >>> unasync_text("async def f(c: AsyncClient) -> None:\n    await c.aclose()\n")
    'def f(c: Client) -> None:\n    c.close()\n'
    """
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        if DROP.match(line):
            continue
        for pattern, repl in _COMPILED:
            line = pattern.sub(repl, line)
        out.append(line)
    return "".join(out)


def _format(text: str, path: Path) -> str:
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run(
        [str(ruff), "format", "--stdin-filename", str(path), "-"],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"ruff could not format the sync twin of {path}:\n{result.stderr}")
    fixed = subprocess.run(
        [str(ruff), "check", "--fix-only", "--quiet", "--select", "I,F401", "--stdin-filename", str(path), "-"],
        input=result.stdout,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return fixed.stdout if fixed.returncode == 0 and fixed.stdout else result.stdout


def pairs(root: Path = ROOT) -> list[tuple[Path, Path]]:
    """Every ``(async source, sync twin)`` pair under the search roots.

    >>> all(src.parent.name == "_async" for src, _ in pairs())
    True
    """
    found: list[tuple[Path, Path]] = []
    for top in SEARCH_ROOTS:
        for src in sorted((root / top).rglob("_async/*.py")):
            found.append((src, src.parent.parent / "_sync" / src.name))
    return found


def expected(src: Path, root: Path = ROOT) -> str:
    """What the sync twin of ``src`` must contain."""
    relative = src.relative_to(root).as_posix()
    body = unasync_text(src.read_text(encoding="utf-8"))
    return _format(HEADER.format(source=relative) + body, src.parent.parent / "_sync" / src.name)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description="Write (or check) the sync twins of the _async packages.")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a twin is stale")
    args = parser.parse_args(argv)
    stale: list[str] = []
    wanted: set[Path] = set()
    for src, dst in pairs():
        text = expected(src)
        wanted.add(dst)
        current = dst.read_text(encoding="utf-8") if dst.exists() else ""
        if current == text:
            continue
        rel = dst.relative_to(ROOT).as_posix()
        if args.check:
            stale.append(rel)
            diff = difflib.unified_diff(current.splitlines(), text.splitlines(), rel, "expected", lineterm="", n=1)
            sys.stderr.write("\n".join(list(diff)[:40]) + "\n")
        else:
            dst.parent.mkdir(exist_ok=True)
            dst.write_text(text, encoding="utf-8")
            print(f"wrote {rel}")
    for top in SEARCH_ROOTS:
        for dst in sorted((ROOT / top).rglob("_sync/*.py")):
            if dst not in wanted and (dst.parent.parent / "_async").is_dir():
                rel = dst.relative_to(ROOT).as_posix()
                if args.check:
                    stale.append(rel + " (no async source)")
                else:
                    dst.unlink()
                    print(f"removed {rel}")
    if stale:
        print("sync twins differ from scripts/unasync.py: change the _async source and run `make unasync`:")
        print("\n".join(f"  {name}" for name in stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
