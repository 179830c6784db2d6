"""Resource folders are found from a checkout and shipped by a regular install."""
from __future__ import annotations

import tomllib
from pathlib import Path

from kg.paths import resource

from .conftest import ROOT


def test_resources_are_found_in_the_checkout():
    assert (resource("ontology") / "bayan.ttl").is_file()
    assert (resource("queries") / "accusations.rq").is_file()
    assert (resource("data", "gazetteer") / "states.tsv").is_file()


def test_every_resource_file_is_installed_by_a_regular_install():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = [p for globs in conf["tool"]["setuptools"]["data-files"].values() for p in globs]
    shipped = {f for p in patterns for f in ROOT.glob(p)}
    needed = [f for d in ("ontology", "queries", "data/gazetteer", "data/lexicon", "data/names")
              for f in (ROOT / d).iterdir() if f.is_file()]
    missing = sorted(str(f.relative_to(ROOT)) for f in needed if f not in shipped)
    assert not missing, f"add these to [tool.setuptools.data-files] in pyproject.toml: {missing}"
