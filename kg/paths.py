"""Where the project's resource folders are: ``data/``, ``ontology/``, ``queries/``.

From a checkout (``pip install -e .``) they are the folders beside ``kg/``; from a regular
install (``pip install .``) they are installed under ``<prefix>/share/bayan/``. ``$BAYAN_HOME``
(a folder holding ``data/``, ``ontology/`` and ``queries/``) overrides both.
"""
from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def home() -> Path:
    env = os.environ.get("BAYAN_HOME")
    candidates = [Path(env)] if env else []
    candidates += [Path(__file__).resolve().parent.parent, Path(sys.prefix) / "share" / "bayan"]
    for c in candidates:
        if (c / "ontology" / "bayan.ttl").is_file():
            return c
    return candidates[0]


def resource(*parts: str) -> Path:
    return home().joinpath(*parts)
