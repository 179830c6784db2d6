#!/usr/bin/env python3
"""Extract the dev articles to a JSON Lines file and print score.py's table.

usage: python bench/dev_eval.py [OUT.jsonl] [--verbose] [--only ID] [--set DIR]

--set DIR scores another annotated set laid out like the dev set: DIR/articles/*.json
and DIR/gold/*.json (gold files with offsets, as ../shared/eval/check.py writes them).
"""
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from kg.article import Article  # noqa: E402
from kg.extract import extract_article  # noqa: E402


def main(argv):
    out = Path(argv[1]) if len(argv) > 1 and not argv[1].startswith("-") else Path("/tmp/dev_preds.jsonl")
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    base = Path(argv[argv.index("--set") + 1]) if "--set" in argv else SHARED / "gold/dev"
    arts = sorted((base / "articles").glob("*.json"))
    t = time.time()
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for f in arts:
            d = json.loads(f.read_text(encoding="utf-8"))
            if only and d["id"] != only:
                continue
            a = Article(id=d["id"], text=d["text"], title=d.get("title"), url=d.get("url"),
                        published=d.get("published"), outlet=d.get("outlet"))
            for st in extract_article(a):
                for key in ("trigger", "content"):
                    x = st[key]
                    if x:
                        assert d["text"][x["start"]:x["end"]] == x["text"], (d["id"], x)
                fh.write(json.dumps(st, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} statements from {len(arts)} articles in {time.time() - t:.2f}s -> {out}", file=sys.stderr)
    cmd = [sys.executable, str(SHARED / "eval/score.py"), str(base / "gold"), str(out)]
    if "--verbose" in argv:
        cmd.append("--verbose")
    subprocess.run(cmd, check=False)


if __name__ == "__main__":
    main(sys.argv)
