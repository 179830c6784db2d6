#!/usr/bin/env python3
"""Show, per dev article, missed gold statements, spurious predictions and speaker errors.

usage: python bench/dev_diff.py [PREDS.jsonl] [ID] [--set DIR]   (DIR/articles, DIR/gold)
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
import score as S  # noqa: E402


def main(argv):
    base = Path(argv[argv.index("--set") + 1]) if "--set" in argv else SHARED / "gold/dev"
    if "--set" in argv:
        i = argv.index("--set")
        argv = argv[:i] + argv[i + 2:]
    preds = S.load_predictions(argv[1] if len(argv) > 1 else "/tmp/dev_preds.jsonl")
    only = argv[2] if len(argv) > 2 else None
    for gf in sorted((base / "gold").glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        if only and gold["id"] != only:
            continue
        art = json.loads((base / "articles" / gf.name).read_text(encoding="utf-8"))
        text = art["text"]
        golds, ps = gold["statements"], preds.get(gold["id"], [])
        pairs = S.match_statements(ps, golds)
        mp = {id(p) for p, g in pairs}
        mg = {id(g) for p, g in pairs}
        print("=====", gold["id"])
        for g in golds:
            if id(g) not in mg:
                s = g["trigger_start"]
                print(f"  MISS [{g['trigger']}] {g['type']} spk={g['speaker']['mention']}|{g['speaker']['name']} :: {text[max(0,s-60):s+20]!r}")
        for p in ps:
            if id(p) not in mp:
                s = p["trigger"]["start"]
                print(f"  FP   [{p['trigger']['text']}] {p['type']} spk={p['speaker']['mention']}|{p['speaker']['name']} :: {text[max(0,s-60):s+20]!r}")
        for p, g in pairs:
            if not S.entity_match(p.get("speaker"), g.get("speaker")):
                print(f"  SPK  [{g['trigger']}] gold={g['speaker']['mention']}|{g['speaker']['name']}/{g['speaker']['kind']} pred={p['speaker']['mention']}|{p['speaker']['name']}/{p['speaker']['kind']}")
            elif p["type"] != g["type"]:
                print(f"  TYPE [{g['trigger']}] gold={g['type']} pred={p['type']}")


if __name__ == "__main__":
    main(sys.argv)
