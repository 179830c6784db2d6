#!/usr/bin/env python3
"""Print the statements extracted from some corpus articles, for eyeballing.

usage: python bench/show.py [N] [SEED] [FILE]
"""
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
from kg.article import Article  # noqa: E402
from kg.extract import extract_article  # noqa: E402

n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
files = [Path(sys.argv[3])] if len(sys.argv) > 3 else sorted((SHARED / "corpus").glob("*.jsonl"))
arts = [json.loads(l) for f in files for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
random.Random(seed).shuffle(arts)
for d in arts[:n]:
    a = Article(id=d["id"], text=d.get("text") or "", published=d.get("published"), outlet=d.get("outlet"))
    print("=" * 30, d["id"], d.get("outlet"), d.get("published"))
    print(a.text[:1500])
    print("-" * 10)
    for st in extract_article(a):
        sp = st["speaker"]
        print(f"  [{st['trigger']['text']}] {st['type']} {st['confidence']} SPK {sp['mention']}={sp['name']}/{sp['kind']}/{sp['country']}"
              f" T={[e['mention'] for e in st['targets']]} A={[e['mention'] for e in st['addressees']]}"
              f" L={[e['mention'] for e in st['locations']]} O={[o['name'] for o in st['outlets']]} neg={st['negated']} t={st['time']}")
