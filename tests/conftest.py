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


@pytest.fixture
def graph_store(tmp_path):
    """An embedded store on disk holding the team's two fixture articles (tests/data/graph)."""
    from kg.store import open_store

    from ._graph_data import build
    s = open_store(tmp_path / "store")
    build(s)
    yield s
    s.close()


@pytest.fixture(scope="session")
def wdqs(tmp_path_factory):
    """A real Oxigraph server on 127.0.0.1 holding the Wikidata-shaped test fixture."""
    from .wikidata_helpers import OxigraphServer, oxigraph_binary
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    server = OxigraphServer(binary, tmp_path_factory.mktemp("wdqs"),
                            [DATA / "wikidata" / "fixture.ttl"])
    yield server
    server.stop()
