"""Fixtures of the NLPearl tests."""

from __future__ import annotations

import pytest

from nlpearl_audit.testing import NLPearlFake


@pytest.fixture
def fake() -> NLPearlFake:
    """A fresh fake NLPearl (not yet running: ``with fake.running() as url``)."""
    return NLPearlFake()
