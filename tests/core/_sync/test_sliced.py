# Generated from tests/core/_async/test_sliced.py by scripts/unasync.py: edit that file.
"""The sliced pager (audit_core.SlicedPager and its generated sync twin): parallel, in order, exact.

A store of records with bursts and gaps, read through a page fetch that keeps to its slice,
takes a little time and counts the requests in flight. Whatever the concurrency and page size,
every record comes out once, in order; the cursor at any record resumes exactly; no more than
``concurrency`` requests are ever in flight; an error comes out after the records before it.
"""

from __future__ import annotations

import bisect
import random
from datetime import UTC, datetime, timedelta

import attrs
import pytest

from audit_core import Page, SlicedPager, Slicer
from audit_core._backend import sleep

T0 = datetime(2024, 5, 1, tzinfo=UTC)


@attrs.frozen(order=True)
class Pos:
    """After the record ``(time, id)``; with ``id=None``, before every record at ``time``."""

    time: datetime
    id: int = -1


def store(seed: int, n: int) -> list[Pos]:
    """``n`` records over a day: a few bursts (many in one second), long gaps, ties."""
    rnd = random.Random(seed)
    out: list[Pos] = []
    for i in range(n):
        if rnd.random() < 0.3:
            t = T0 + timedelta(hours=rnd.choice([3, 9]), seconds=rnd.randrange(3))  # bursts
        else:
            t = T0 + timedelta(seconds=rnd.randrange(0, 86_400, 7))
        out.append(Pos(t, i))
    return sorted(out)


class Server:
    def __init__(self, records: list[Pos], page_size: int, fail_at: int | None = None) -> None:
        self.records = records
        self.page_size = page_size
        self.in_flight = 0
        self.max_in_flight = 0
        self.requests = 0
        self.fail_at = fail_at

    def fetch(self, cursor: Pos, end: datetime) -> Page[Pos, Pos]:
        self.requests += 1
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            sleep(0.002)
            lo = bisect.bisect_right(self.records, cursor)
            hi = bisect.bisect_left(self.records, Pos(end))
            items = self.records[lo : min(hi, lo + self.page_size)]
            if self.fail_at is not None and any(r.id == self.fail_at for r in items):
                raise RuntimeError("the server failed")
            full = len(items) == self.page_size and lo + self.page_size < hi
            return Page(items, list(items), items[-1] if full else None)
        finally:
            self.in_flight -= 1


def pager(server: Server, cursor: Pos, concurrency: int, until: datetime) -> SlicedPager[Pos, Pos]:
    slicer: Slicer[Pos, Pos] = Slicer(position=lambda c: c.time, at=Pos, until=until, page_size=server.page_size)
    return SlicedPager(server.fetch, cursor, slicer, concurrency)


UNTIL = T0 + timedelta(days=1)


@pytest.mark.parametrize("concurrency", [1, 2, 4, 16])
@pytest.mark.parametrize("page_size", [7, 100])
def test_every_record_once_in_order(concurrency: int, page_size: int) -> None:
    records = store(concurrency * 31 + page_size, 1500)
    server = Server(records, page_size)
    got = [r for r in pager(server, Pos(T0), concurrency, UNTIL)]
    assert got == records
    assert 1 <= server.max_in_flight <= concurrency
    if concurrency >= 4 and page_size == 7:
        assert server.max_in_flight > 1, "no request was ever made in parallel"


def test_a_window_cut_short_and_an_empty_one() -> None:
    records = store(3, 400)
    server = Server(records, 20)
    half = T0 + timedelta(hours=12)
    assert [r for r in pager(server, Pos(T0), 4, half)] == [r for r in records if r.time < half]
    assert [r for r in pager(server, Pos(half), 4, half)] == []


@pytest.mark.parametrize("stop", [1, 137, 600, 1199])
def test_the_cursor_at_any_record_resumes_exactly(stop: int) -> None:
    records = store(stop, 1200)
    server = Server(records, 25)
    first = pager(server, Pos(T0), 4, UNTIL)
    got: list[Pos] = []
    for r in first:
        got.append(r)
        if len(got) == stop:
            break
    assert first.cursor == got[-1]
    got += [r for r in pager(server, first.cursor, 4, UNTIL)]
    assert got == records


def test_an_error_comes_after_the_records_before_it_and_the_cursor_resumes() -> None:
    records = store(11, 1000)
    bad = records[700].id
    server = Server(records, 30, fail_at=bad)
    first = pager(server, Pos(T0), 4, UNTIL)
    got: list[Pos] = []

    def read() -> None:
        for r in first:
            got.append(r)

    with pytest.raises(RuntimeError, match="the server failed"):
        read()
    assert got == records[: len(got)] and len(got) >= 640  # everything up to the failed page
    server.fail_at = None
    got += [r for r in pager(server, first.cursor, 4, UNTIL)]
    assert got == records
