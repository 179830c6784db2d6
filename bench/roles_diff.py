#!/usr/bin/env python3
"""For matched statements, show gold vs predicted participants, outlets or locations.

usage: python bench/roles_diff.py [PREDS.jsonl] [about|outlets|locations] [--set DIR]
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "eval"))
import score as S  # noqa: E402


def main(argv):
    base = SHARED / "gold/dev"
    if "--set" in argv:
        i = argv.index("--set")
        base, argv = Path(argv[i + 1]), argv[:i] + argv[i + 2:]
    preds = S.load_predictions(argv[1] if len(argv) > 1 else "/tmp/dev_preds.jsonl")
    what = argv[2] if len(argv) > 2 else "about"
    for gf in sorted((base / "gold").glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        for p, g in S.match_statements(preds.get(gold["id"], []), gold["statements"]):
            if what == "about":
                pl = S._list(p, "targets") + S._list(p, "addressees")
                gl = S._list(g, "targets") + S._list(g, "addressees")
                fn = S.entity_match
            elif what == "outlets":
                pl = [S._name(o) for o in S._list(p, "outlets")]
                gl = S._list(g, "outlets")
                fn = lambda a, b: S.compact(a) == S.compact(b)  # noqa: E731
            else:
                pl, gl, fn = S._list(p, "locations"), S._list(g, "locations"), S.entity_match
            h, a, b = S.set_match(pl, gl, fn)
            if h < max(a, b):
                f = (lambda e: e if isinstance(e, str) else e.get("mention"))
                print(f"{gold['id']} [{g['trigger']}] gold={[f(x) for x in gl]} pred={[f(x) for x in pl]}")


if __name__ == "__main__":
    main(sys.argv)
