"""Every span emitted on real corpus articles is a valid slice of the raw text."""
import json
import random
from pathlib import Path

import pytest

from kg.article import Article
from kg.extract import extract_article

TYPES = {"statement", "concern", "optimism", "request", "praise", "criticize", "accuse", "deny", "reject",
         "warn", "agree"}
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = SHARED / "corpus"


def _articles(limit=None, seed=7):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    arts = []
    for f in sorted(CORPUS.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                arts.append(Article(id=d["id"], text=d.get("text") or "", published=d.get("published"),
                                    outlet=d.get("outlet")))
    if limit:
        random.Random(seed).shuffle(arts)
        arts = arts[:limit]
    return arts


def _check(a):
    for st in extract_article(a):
        tr = st["trigger"]
        assert a.text[tr["start"]:tr["end"]] == tr["text"] and len(tr["text"]) <= 60
        if st["content"]:
            c = st["content"]
            assert a.text[c["start"]:c["end"]] == c["text"]
        for e in [st["speaker"]] + st["targets"] + st["addressees"] + st["locations"]:
            assert a.text[e["start"]:e["end"]] == e["mention"]
        assert 0.0 <= st["confidence"] <= 1.0
        assert st["speaker"]["kind"] in ("person", "state", "government_body", "organization", "group", "media")
        assert st["type"] in TYPES
        assert st["outlets"] and st["outlets"][0]["name"] == a.outlet or not a.outlet


def test_spans_valid_on_a_corpus_sample():
    for a in _articles(limit=150):
        _check(a)


@pytest.mark.slow
def test_spans_valid_on_the_whole_corpus():
    for a in _articles():
        _check(a)
