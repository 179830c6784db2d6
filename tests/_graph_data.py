"""Fixtures of the graph tests: articles and statements written for the tests (tests/data/graph)."""
from __future__ import annotations

import copy
import json
from pathlib import Path

from kg.article import Article

DATA = Path(__file__).resolve().parent / "data" / "graph"


def load(name: str) -> tuple[Article, list[dict]]:
    d = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    return Article(**d["article"]), copy.deepcopy(d["statements"])


def all_articles() -> list[tuple[Article, list[dict]]]:
    return [load(p.stem) for p in sorted(DATA.glob("*.json"))]


def all_quads():
    from kg.rdf import article_quads
    return [q for a, st in all_articles() for q in article_quads(a, st)]


def build(store) -> None:
    from kg.rdf import article_quads
    for a, st in all_articles():
        store.replace_article(a.id, article_quads(a, st))
