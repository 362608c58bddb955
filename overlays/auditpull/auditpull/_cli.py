"""The ``auditpull`` command: ``export``, ``state show``, ``state reset``.

Exit status: 0 done; 1 a vendor failed (what the others wrote is kept); 2 a usage
error, before any request; 3 the state file is locked by another run; 130 stopped
by Ctrl-C (SIGINT); 143 stopped by SIGTERM. A closed stdout pipe ends quietly with 0.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
import time
from collections.abc import Mapping, Sequence
from contextlib import AsyncExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any, NoReturn, TextIO

from audit_core import AuditError, ConfigurationError

from . import __version__
from ._event import format_time
from ._export import Outcome, Sink, VendorRun, export, plan_vendor
from ._formats import FORMATS, formatter
from ._progress import Progress
from ._state import LockedError, State, StateError, fsync_dir, locked
from ._times import UsageError, parse_span, parse_when
from ._vendors import Vendor, registry

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3
EXIT_SIGNAL = {signal.SIGINT: 130, signal.SIGTERM: 143}


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``auditpull: <what to fix> (see --help)``, exit 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see {self.prog} --help)")


def _vendor_help(vendors: Mapping[str, Vendor]) -> str:
    lines = ["vendors and the environment variables that configure them (as each SDK's from_env() reads them):"]
    for name, vendor in vendors.items():
        spec = vendor.env()
        text = spec.summary() if spec is not None else f"(SDK not installed: pip install 'auditpull[{name}]')"
        lines.append(f"  {name:11} {text}")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The command line (``auditpull --help``).

    >>> build_parser().parse_args(["export", "zabbix", "--since", "7d"]).since
    '7d'
    """
    vendors = registry()
    parser = _Parser(
        prog="auditpull", description="Pull vendors' audit logs, exactly once, as JSON lines, CSV or OCSF."
    )
    parser.add_argument("--version", action="version", version=f"auditpull {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ex = commands.add_parser(
        "export",
        help="pull audit records into a file or stdout",
        description="Pull every given (default: every configured) vendor's audit records of [--since, --until).",
        epilog=_vendor_help(vendors) + "\n\nexamples:\n"
        "  auditpull export zabbix --since 2026-11-01T00:00:00Z --until now --output audit.jsonl --state audit.state\n"
        "  auditpull export voximplant navixy --since 7d --format csv --output -\n"
        "  auditpull export --state all.state --format ocsf --output ocsf.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("vendors", nargs="*", metavar="VENDOR", help=f"any of {', '.join(vendors)} (default: configured)")
    ex.add_argument("--since", default="24h", help="ISO 8601 with offset, now, or a span back from now: 30m, 12h, 7d")
    ex.add_argument("--until", default="now", help="the same forms; default now (the window is [since, until))")
    ex.add_argument("--format", choices=FORMATS, default="jsonl", help="default jsonl")
    ex.add_argument("--output", default="-", metavar="FILE", help="append to FILE; - is stdout (default)")
    ex.add_argument("--state", metavar="FILE", help="incremental, exactly-once runs (needs --output FILE)")
    ex.add_argument("--lag", default="0s", help="re-read this span before the state position (default 0s)")
    ex.add_argument("--timeout", type=float, metavar="SECONDS", help="per-request time-out of every SDK client")
    ex.add_argument("--max-retries", type=int, metavar="N", help="retries of every SDK client (0: none)")
    ex.add_argument("--url", action="append", default=[], metavar="VENDOR=URL", help="another API URL for a vendor")
    noise = ex.add_mutually_exclusive_group()
    noise.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary: errors only")
    noise.add_argument("-v", "--verbose", action="store_true", help="the request trail on stderr (no secrets)")
    st = commands.add_parser("state", help="show or reset a state file")
    sub = st.add_subparsers(dest="action", required=True, parser_class=_Parser)
    show = sub.add_parser("show", help="each vendor's position, the output file and the lag")
    show.add_argument("file", type=Path)
    reset = sub.add_parser("reset", help="forget vendors' positions (all by default)")
    reset.add_argument("file", type=Path)
    reset.add_argument("vendors", nargs="*", metavar="VENDOR")
    reset.add_argument("--yes", action="store_true", help="do not ask")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (the ``auditpull`` console script); return the exit status.

    >>> main(["export", "--since", "0h"])  # one line on stderr: --since 0h: a span must be more than zero...
    2
    """
    err = sys.stderr
    try:
        args = build_parser().parse_args(argv)
        if args.command == "export":
            return _export(args, err)
        if args.action == "show":
            return _state_show(args.file, sys.stdout)
        return _state_reset(args.file, args.vendors, yes=args.yes, out=sys.stdout, err=err)
    except UsageError as exc:
        err.write(f"auditpull: {exc}\n")
        return EXIT_USAGE
    except LockedError as exc:
        err.write(f"auditpull: {exc}\n")
        return EXIT_LOCKED
    except StateError as exc:
        err.write(f"auditpull: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:  # before the pull started (its own handler takes over then)
        err.write("auditpull: stopped before any record was written\n")
        return EXIT_SIGNAL[signal.SIGINT]


def _choose_vendors(names: list[str], env: Mapping[str, str]) -> list[Vendor]:
    vendors = registry()
    unknown = [name for name in names if name not in vendors]
    if unknown:
        raise UsageError(f"unknown vendor {unknown[0]!r}: choose from {', '.join(vendors)}")
    specs = {name: vendor.env() for name, vendor in vendors.items()}
    chosen = [vendors[name] for name in dict.fromkeys(names)] or [
        vendor for name, vendor in vendors.items() if (spec := specs[name]) is not None and spec.is_configured(env)
    ]
    if not chosen:
        raise UsageError(
            "no vendor is configured: set e.g. ZABBIX_URL and ZABBIX_TOKEN (auditpull export --help lists them all)"
        )
    for vendor in chosen:
        spec = specs[vendor.name]
        if spec is None:
            raise UsageError(f"the {vendor.name} SDK is not installed: pip install 'auditpull[{vendor.name}]'")
        problem = spec.problem(env)
        if problem:
            raise UsageError(f"{vendor.name} is not fully configured: {problem}")
    return chosen


def _urls(items: list[str], chosen: list[Vendor]) -> dict[str, str]:
    urls = {}
    names = {v.name for v in chosen}
    for item in items:
        name, _, url = item.partition("=")
        if name not in registry() or not url:
            raise UsageError(f"--url takes VENDOR=URL with VENDOR one of {', '.join(registry())}, not {item!r}")
        if name in names:
            urls[name] = url
    return urls


def _export(args: argparse.Namespace, err: TextIO) -> int:
    now = datetime.now(UTC)
    until = parse_when(args.until, "--until", now)
    since = parse_when(args.since, "--since", now)
    if since >= until:
        raise UsageError(
            f"--since {format_time(since)} is not before --until {format_time(until)}: the window would be empty"
        )
    lag = parse_span(args.lag, "--lag", allow_zero=True)
    if args.timeout is not None and args.timeout <= 0:
        raise UsageError(f"--timeout {args.timeout:g}: give a number of seconds above zero")
    if args.max_retries is not None and args.max_retries < 0:
        raise UsageError(f"--max-retries {args.max_retries}: give 0 or more")
    chosen = _choose_vendors(args.vendors, os.environ)
    urls = _urls(args.url, chosen)
    to_stdout = args.output == "-"
    if args.state and to_stdout:
        raise UsageError("--state needs --output FILE: records written to a pipe cannot be taken back after a crash")
    for vendor in chosen:
        try:
            vendor.module()
        except ModuleNotFoundError as exc:
            raise UsageError(str(exc)) from None
    if args.verbose:
        handler = logging.StreamHandler(err)
        handler.setFormatter(logging.Formatter("auditpull: %(name)s: %(message)s"))
        for name in ("audit_core", "auditpull"):
            logging.getLogger(name).addHandler(handler)
            logging.getLogger(name).setLevel(logging.DEBUG)
    options: dict[str, Any] = {}
    if args.timeout is not None:
        options["timeout"] = args.timeout
    if args.max_retries is not None:
        options["max_retries"] = args.max_retries
    if not args.state:
        return _run(chosen, urls, options, None, since, until, lag, args, err)
    state_path = Path(args.state).absolute()
    with locked(state_path):
        state = _open_state(state_path, Path(args.output).absolute(), args.format, err)
        return _run(chosen, urls, options, state, since, until, lag, args, err)


def _open_state(path: Path, output: Path, fmt: str, err: TextIO) -> State:
    """Load (or start) the state and bring the output back to its committed length."""
    if path.exists():
        state = State.load(path)
        if state.output != str(output):
            raise UsageError(f"the state {path} belongs to --output {state.output}, not {output}")
        if state.format != fmt:
            raise UsageError(f"the state {path} belongs to --format {state.format}, not {fmt}")
    else:
        state = State(
            path=path, output=str(output), format=fmt, committed=output.stat().st_size if output.exists() else 0
        )
    size = output.stat().st_size if output.exists() else 0
    if size < state.committed:
        raise StateError(
            f"{output} has {size} bytes but the state {path} says {state.committed} were written: "
            "the output was changed outside auditpull; restore it, or start a new --state with a new --output"
        )
    if size > state.committed:
        with open(output, "r+b") as stream:
            stream.truncate(state.committed)
            os.fsync(stream.fileno())
        err.write(
            f"auditpull: {output}: dropped {size - state.committed} bytes written after the last commit "
            "(a run was stopped); their records are pulled again now\n"
        )
    return state


def _make_clients(chosen: list[Vendor], urls: dict[str, str], options: dict[str, Any]) -> dict[str, Any]:
    clients = {}
    for vendor in chosen:
        kwargs = dict(options)
        if vendor.name in urls:
            kwargs[vendor.url_keyword] = urls[vendor.name]
        try:
            clients[vendor.name] = vendor.module().AsyncClient.from_env(**kwargs)
        except ConfigurationError as exc:
            raise UsageError(f"{vendor.name}: {exc.message}") from None
        except AuditError as exc:  # a bad URL or option: InvalidInputError
            raise UsageError(f"{vendor.name}: {exc.message}") from None
    return clients


def _run(
    chosen: list[Vendor],
    urls: dict[str, str],
    options: dict[str, Any],
    state: State | None,
    since: datetime,
    until: datetime,
    lag: timedelta,
    args: argparse.Namespace,
    err: TextIO,
) -> int:
    clients = _make_clients(chosen, urls, options)
    runs = [plan_vendor(v, clients[v.name], state, since, until, lag) for v in chosen]
    line, header = formatter(args.format)
    started = time.monotonic()
    stream: IO[bytes]
    if args.output == "-":
        stream = sys.stdout.buffer
        sink = Sink(stream, durable=False, offset=0)
    else:
        created = not os.path.exists(args.output)
        try:
            stream = open(args.output, "ab")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise UsageError(f"cannot write --output {args.output}: {exc.strerror}") from None
        if created and state is not None:  # the new file's name must be on disk before a state names it
            fsync_dir(Path(args.output).absolute().parent)
        sink = Sink(stream, durable=state is not None, offset=state.committed if state else stream.tell())
    progress = Progress([r.name for r in runs], enabled=not args.quiet and err.isatty(), stream=err)
    # A vendor's failure is told as it happens; the others go on.
    try:
        if state is not None:
            state.save()
        outcome = asyncio.run(_pull(runs, clients, sink, line, header, state, lag, progress))
    finally:
        progress.close()
        with contextlib.suppress(BrokenPipeError):
            if stream is not sys.stdout.buffer:
                stream.close()
    if outcome.pipe_closed:
        _silence_stdout()
        return EXIT_OK
    failed = [r for r in runs if r.status == "failed"]  # each was told as it failed
    if not args.quiet:
        _summary(runs, time.monotonic() - started, args.output, outcome, err, state_used=state is not None)
    if outcome.signal is not None:
        return EXIT_SIGNAL.get(signal.Signals(outcome.signal), 128 + outcome.signal)
    return EXIT_FAILED if failed else EXIT_OK


async def _pull(
    runs: list[VendorRun],
    clients: dict[str, Any],
    sink: Sink,
    line: Any,
    header: str,
    state: State | None,
    lag: timedelta,
    progress: Progress,
) -> Outcome:
    async with AsyncExitStack() as stack:
        for client in clients.values():
            await stack.enter_async_context(client)
        return await export(
            runs,
            sink,
            line,
            header,
            state,
            lag,
            progress.advance,
            lambda run: progress.message(f"auditpull: {run.name} failed: {run.error}"),
        )
    raise AssertionError("unreachable")  # pragma: no cover


def _silence_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the interpreter's final flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError):
        os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _summary(
    runs: list[VendorRun], seconds: float, output: str, outcome: Outcome, err: TextIO, *, state_used: bool
) -> None:
    total = sum(r.records for r in runs)
    where = "stdout" if output == "-" else output
    head = f"auditpull: {total} records to {where} in {seconds:.1f} s"
    if outcome.signal is not None:
        covered = "; the state covers what was written" if state_used else ""
        head += f" (stopped by {signal.Signals(outcome.signal).name}{covered})"
    err.write(head + "\n")
    for run in runs:
        span = f"{format_time(run.first)} .. {format_time(run.last)}" if run.first and run.last else "no new records"
        duration = (run.ended or 0.0) - run.started if run.started else 0.0
        extra = f", {run.dropped} already written" if run.dropped else ""
        noun = "record" if run.records == 1 else "records"
        err.write(f"  {run.name:11} {run.status:8} {run.records:>9} {noun}{extra}  {span}  {duration:.1f} s\n")


def _state_show(path: Path, out: TextIO) -> int:
    if not path.exists():
        raise UsageError(f"no state file {path}")
    state = State.load(path)
    out.write(f"state   {path}\noutput  {state.output} ({state.format}, {state.committed} bytes committed)\n")
    out.write(f"lag     {int(state.lag.total_seconds())}s\n")
    if not state.vendors:
        out.write("no vendor pulled yet\n")
    for name, vs in sorted(state.vendors.items()):
        last = format_time(vs.position) if vs.position else "none"
        out.write(
            f"{name:11} {vs.records:>9} records  last record {last}  read up to {format_time(vs.frontier)}"
            f"  cursor {'yes' if vs.cursor else 'no'}\n"
        )
    return EXIT_OK


def _state_reset(path: Path, names: list[str], *, yes: bool, out: TextIO, err: TextIO) -> int:
    if not path.exists():
        raise UsageError(f"no state file {path}")
    with locked(path.absolute()):
        state = State.load(path)
        unknown = [n for n in names if n not in state.vendors]
        if unknown:
            raise UsageError(f"the state {path} has no position for {unknown[0]} (it has: {', '.join(state.vendors)})")
        targets = names or sorted(state.vendors)
        if not targets:
            out.write("nothing to reset\n")
            return EXIT_OK
        if not yes:
            err.write(f"forget the positions of {', '.join(targets)} in {path}? The next run starts at --since. [y/N] ")
            err.flush()
            answer = sys.stdin.readline().strip().lower()
            if answer not in ("y", "yes"):
                err.write("auditpull: nothing changed\n")
                return EXIT_FAILED
        for name in targets:
            del state.vendors[name]
        state.save()
        out.write(f"forgot {', '.join(targets)}\n")
    return EXIT_OK
