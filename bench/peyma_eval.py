#!/usr/bin/env python3
"""Rough entity-level scores of kg.extract.find_entities on PEYMA (../shared/ner).

Kinds map to PEYMA tags: person→PER; state, place→LOC; organization, government_body,
media, group→ORG. Exact span match after joining tokens with spaces.
usage: python bench/peyma_eval.py [dev|test]
"""
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kg.extract import find_entities  # noqa: E402

MAP = {"person": "PER", "state": "LOC", "place": "LOC", "organization": "ORG",
       "government_body": "ORG", "media": "ORG", "group": "ORG"}


def sentences(path):
    toks = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if toks:
                yield toks
            toks = []
            continue
        w, _, tag = line.rpartition("|")
        toks.append((w, tag))
    if toks:
        yield toks


def main(split):
    path = ROOT.parent / "shared" / "ner" / f"{split}.txt"
    tp, fp, fn = Counter(), Counter(), Counter()
    for toks in sentences(path):
        text, gold, pos, cur = "", set(), 0, None
        for w, tag in toks:
            if text:
                text += " "
            s = len(text)
            text += w
            if tag.startswith("B_"):
                cur = [s, len(text), tag[2:]]
                gold.add(tuple(cur))
            elif tag.startswith("I_") and cur and cur[2] == tag[2:]:
                gold.discard(tuple(cur))
                cur[1] = len(text)
                gold.add(tuple(cur))
            else:
                cur = None
        gold = {g for g in gold if g[2] in ("PER", "LOC", "ORG")}
        pred = {(s, e, MAP[k]) for s, e, k in find_entities(text) if k in MAP}
        for g in gold:
            (tp if g in pred else fn)[g[2]] += 1
        for p in pred:
            if p not in gold:
                fp[p[2]] += 1
    for k in ("PER", "LOC", "ORG"):
        p = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else 0
        r = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else 0
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"{k}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp[k]} fp {fp[k]} fn {fn[k]})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev")
