"""Every statement `kg extract` writes keeps the JSON contract of ../shared/spec/statements.md."""
from __future__ import annotations

import itertools
import json
import re

import pytest

from kg.article import read_articles

from .conftest import SAMPLES, shared_path

TYPES = {"statement", "concern", "optimism", "request", "praise", "criticize", "accuse", "deny",
         "reject", "warn", "agree"}
KINDS = {"person", "state", "government_body", "organization", "group", "media", "place"}
STATEMENT_KEYS = {"article", "id", "type", "trigger", "speaker", "targets", "addressees", "locations",
                  "outlets", "content", "direct_quote", "negated", "time", "confidence"}
ENTITY_KEYS = {"mention", "start", "end", "name", "name_en", "kind", "country", "qid"}


def check_entity(e, text, where, place=False):
    assert isinstance(e, dict), where
    missing = ENTITY_KEYS - set(e) - ({"kind"} if place else set())
    assert not missing, f"{where}: entity lacks {missing}"
    assert e["name"], where
    if e["start"] is not None:
        assert text[e["start"]:e["end"]] == e["mention"], where
    assert e.get("kind") is None or e["kind"] in KINDS, where
    assert e["country"] is None or re.fullmatch(r"[A-Z]{2}", e["country"]), where
    assert e["qid"] is None or re.fullmatch(r"Q[1-9]\d*", e["qid"]), where


def check_statement(s, art):
    where = f"{art.id} {s.get('id')}"
    assert set(s) >= STATEMENT_KEYS, f"{where}: lacks {STATEMENT_KEYS - set(s)}"
    assert s["article"] == art.id and isinstance(s["id"], str) and s["id"]
    assert s["type"] in TYPES, where
    t = s["trigger"]
    assert art.text[t["start"]:t["end"]] == t["text"] and 0 < t["end"] - t["start"] <= 60, where
    check_entity(s["speaker"], art.text, where)
    for key in ("targets", "addressees"):
        for e in s[key]:
            check_entity(e, art.text, f"{where} {key}")
    for e in s["locations"]:
        check_entity(e, art.text, f"{where} locations", place=True)
    assert all(isinstance(o, dict) and o["name"] and "qid" in o for o in s["outlets"]), where
    if s["content"] is not None:
        c = s["content"]
        assert art.text[c["start"]:c["end"]] == c["text"], where
    assert isinstance(s["direct_quote"], bool) and isinstance(s["negated"], bool), where
    assert s["time"] is None or re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s["time"]), where
    assert isinstance(s["confidence"], float) and 0.0 <= s["confidence"] <= 1.0, where
    json.dumps(s, ensure_ascii=False)


def _check(arts):
    from kg.extract import extract_article
    n = 0
    ids = set()
    for art in arts:
        for s in extract_article(art):
            check_statement(s, art)
            assert s["id"] not in ids, f"statement id {s['id']} twice"
            ids.add(s["id"])
            n += 1
    return n


def test_samples_keep_the_contract():
    assert _check(read_articles([SAMPLES])) > 10


def test_real_articles_keep_the_contract():
    corpus = shared_path("corpus")
    arts = itertools.islice(read_articles([corpus]), 0, None, 7)  # every 7th of ~2,000
    assert _check(arts) > 300
