"""The README's examples run as written against the fake NLPearl (via the documented env variables)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from nlpearl_audit.testing import NLPearlFake

README = Path(__file__).resolve().parents[2] / "overlays" / "nlpearl" / "README.md"
EXAMPLES = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("number", range(len(EXAMPLES)))
def test_readme_example_runs(
    number: int, fake: NLPearlFake, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    t0 = datetime(2024, 5, 1, tzinfo=UTC)
    fake.add(
        t0 + timedelta(hours=1), 2, user={"id": "u-ada", "name": "Ada", "type": 1}, additional_data={"ip": "1.2.3.4"}
    )
    fake.add(t0 + timedelta(days=1), 2, user={"id": "u-bob", "name": "Bob", "type": 1}, additional_data=None)
    fake.add(t0 + timedelta(days=2), 10, user={"id": "u-ada", "name": "Ada", "type": 1}, additional_data=None)
    with fake.running() as url:
        monkeypatch.setenv("NLPEARL_ACCOUNT_ID", fake.account_id)
        monkeypatch.setenv("NLPEARL_SECRET_KEY", fake.secret_key)
        monkeypatch.setenv("NLPEARL_BASE_URL", url)
        exec(compile(EXAMPLES[number], f"README.md example {number + 1}", "exec"), {"__name__": "__readme__"})
    out = capsys.readouterr().out
    assert fake.bodies, "the example made no request"
    assert fake.secret_key not in out
    expected = {
        0: "2024-05-01T01:00:00+00:00 LOGIN_SUCCESSFUL Ada {'ip': '1.2.3.4'}\n"
        "2024-05-02T00:00:00+00:00 LOGIN_SUCCESSFUL Bob {}\n",
        1: "2 events by u-ada\n",
        2: "",
        3: "list\n",
    }
    assert out == expected[number]
