#!/usr/bin/env python3
"""Run extract_article over every article of ../shared/corpus/*.jsonl: no exception, every
span valid (raw_text[start:end] == text); print counts and speed against hazm's Normalizer.

usage: python bench/corpus_check.py [--limit N] [--no-hazm]
"""
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from kg.article import Article  # noqa: E402


def spans(st):
    for key in ("trigger", "content"):
        if st.get(key):
            yield key, st[key]["text"], st[key]["start"], st[key]["end"]
    for key in ("speaker",):
        if st.get(key):
            yield key, st[key]["mention"], st[key]["start"], st[key]["end"]
    for key in ("targets", "addressees", "locations"):
        for e in st[key]:
            yield key, e["mention"], e["start"], e["end"]


def check_article(a, sts):
    bad = []
    for st in sts:
        if st["trigger"]["end"] - st["trigger"]["start"] > 60:
            bad.append(("trigger too long", st["trigger"]["text"]))
        for key, txt, s, e in spans(st):
            if not (isinstance(s, int) and isinstance(e, int) and a.text[s:e] == txt):
                bad.append((key, txt, s, e))
        c = st.get("confidence")
        if not (isinstance(c, float) and 0 <= c <= 1):
            bad.append(("confidence", c))
    return bad


def main(argv):
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    arts = []
    for f in sorted((SHARED / "corpus").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                arts.append(Article(id=d["id"], text=d.get("text") or "", title=d.get("title"),
                                    published=d.get("published"), outlet=d.get("outlet")))
    arts = arts[:limit] if limit else arts
    t0 = time.time()
    from kg.extract import extract_article
    extract_article(Article(id="warm", text="به گزارش فارس، کامران ولی‌زاده صبح امروز گفت: سلام.",
                            outlet="خبرگزاری فارس"))
    from kg.extract import resources
    resources.word_stats()  # loaded lazily on first use; count it as start-up
    t_start = time.time() - t0
    n_st = errors = 0
    bad_total = []
    t = time.time()
    for a in arts:
        try:
            sts = extract_article(a)
        except Exception as e:  # report, keep going
            errors += 1
            print("EXC", a.id, type(e).__name__, e, file=sys.stderr)
            continue
        n_st += len(sts)
        b = check_article(a, sts)
        if b:
            bad_total.append((a.id, b[:3]))
    dt = time.time() - t
    chars = sum(len(a.text) for a in arts)
    print(f"articles {len(arts)}  statements {n_st}  exceptions {errors}  articles with bad spans {len(bad_total)}")
    for x in bad_total[:10]:
        print("  BAD", x)
    print(f"start-up {t_start:.2f}s; extraction {dt:.2f}s = {chars / dt:,.0f} chars/s")
    if "--no-hazm" not in argv:
        from hazm import Normalizer
        n = Normalizer()
        t = time.time()
        for a in arts:
            n.normalize(a.text)
        hz = time.time() - t
        print(f"hazm Normalizer alone {hz:.2f}s = {chars / hz:,.0f} chars/s; extraction/normalizer speed ratio {hz / dt:.2f}")
    return 1 if errors or bad_total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
