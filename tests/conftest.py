"""Shared fixtures. ``../shared`` (beside the repo) holds data others wrote: tests read it
there and skip cleanly when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "data" / "samples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (../shared is not beside the repo)")
    return p


@pytest.fixture
def shared():
    return shared_path
