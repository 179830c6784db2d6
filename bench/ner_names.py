#!/usr/bin/env python3
"""Entity recognition of ``kg.names.find_names`` measured on a PEYMA file (default dev.txt).

usage: python bench/ner_names.py [PEYMA_FILE] [--union [--names-first KINDS]] [--errors N] [--type PER|ORG|LOC]

Same protocol as ``bench/ner_peyma.py``: each sentence's tokens are joined with single
spaces, our character spans become the token spans they overlap, kinds map to PEYMA types
(person -> PER; government_body, organization, media -> ORG; state, place -> LOC) and an
entity is right when its token span and type both match a gold entity exactly.

``--union`` scores ``find_names`` together with ``kg.extract.find_entities`` (on overlap
the longest span wins; ties go to find_entities), which is what the extractor will use;
``--names-first person`` lets find_names' person spans win every overlap (find_entities
also reads office descriptions such as ``وزیر نفت`` and titles as persons, which PEYMA does not).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ner_peyma import KIND_TO_PEYMA, TYPES, gold_spans, read_peyma  # noqa: E402


def union(a: list[tuple[int, int, str]], b: list[tuple[int, int, str]],
          b_first: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Spans of ``a`` and ``b`` without overlaps: longer spans first, ``a`` wins ties;
    spans of ``b`` whose kind is in ``b_first`` go before everything else."""
    cands = [(e - s, 0, s, e, k) for s, e, k in a] + [(e - s, 1, s, e, k) for s, e, k in b]
    cands.sort(key=lambda x: (not (x[1] == 1 and x[4] in b_first), -x[0], x[1], x[2]))
    kept: list[tuple[int, int, str]] = []
    for _, _, s, e, k in cands:
        if all(e <= s2 or s >= e2 for s2, e2, _ in kept):
            kept.append((s, e, k))
    return sorted(kept)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("peyma", nargs="?", default=str(ROOT / ".." / "shared" / "ner" / "dev.txt"))
    ap.add_argument("--union", action="store_true", help="score find_names ∪ kg.extract.find_entities")
    ap.add_argument("--names-first", default="", metavar="KINDS",
                    help="with --union: comma-separated kinds (e.g. person) whose find_names spans win "
                         "every overlap, whatever their length")
    ap.add_argument("--errors", type=int, default=0, help="print N missed and N spurious entities")
    ap.add_argument("--type", choices=TYPES, help="errors of this type only")
    a = ap.parse_args()
    path = Path(a.peyma)
    if not path.exists():
        sys.exit(f"bench/ner_names.py: {path} not found")
    from kg.names import find_names

    find_entities = None
    if a.union:
        from kg.extract import find_entities

    first = frozenset(k for k in a.names_first.split(",") if k)
    hit, pred, gold = Counter(), Counter(), Counter()
    missed, spurious = [], []
    n_sent = 0
    t0 = time.perf_counter()
    for sent in read_peyma(path):
        n_sent += 1
        toks = [t for t, _ in sent]
        starts, pos = [], 0
        for t in toks:
            starts.append(pos)
            pos += len(t) + 1
        text = " ".join(toks)
        g = gold_spans(sent)
        found = find_names(text)
        if find_entities is not None:
            found = union(find_entities(text), found, first)
        p = set()
        for s, e, kind in found:
            assert 0 <= s < e <= len(text), (s, e, text)
            typ = KIND_TO_PEYMA.get(kind)
            if typ is None:
                continue
            covered = [i for i, st in enumerate(starts) if st < e and st + len(toks[i]) > s]
            if covered:
                p.add((covered[0], covered[-1] + 1, typ))
        for typ in TYPES:
            gs = {x for x in g if x[2] == typ}
            ps = {x for x in p if x[2] == typ}
            hit[typ] += len(gs & ps)
            pred[typ] += len(ps)
            gold[typ] += len(gs)
        ctx = lambda s, e: " ".join(toks[max(0, s - 3):s]) + " [" + " ".join(toks[s:e]) + "] " + " ".join(toks[e:e + 3])  # noqa: E731
        missed += [(ctx(s, e), t) for s, e, t in sorted(g - p) if not a.type or t == a.type]
        spurious += [(ctx(s, e), t) for s, e, t in sorted(p - g) if not a.type or t == a.type]
    dt = time.perf_counter() - t0

    def prf(h, p_, g_):
        pr = h / p_ if p_ else 0.0
        rc = h / g_ if g_ else 0.0
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)

    what = "find_names ∪ find_entities" if a.union else "find_names"
    if a.union and first:
        what += f" (find_names first for {','.join(sorted(first))})"
    print(f"PEYMA {path.name}: {n_sent} sentences, {what}, {dt:.2f}s")
    print(f"{'type':<8}{'P':>7}{'R':>7}{'F1':>7}{'hit':>7}{'pred':>7}{'gold':>7}")
    for typ in TYPES:
        pr, rc, f = prf(hit[typ], pred[typ], gold[typ])
        print(f"{typ:<8}{pr:>7.3f}{rc:>7.3f}{f:>7.3f}{hit[typ]:>7}{pred[typ]:>7}{gold[typ]:>7}")
    H, P, G = sum(hit.values()), sum(pred.values()), sum(gold.values())
    pr, rc, f = prf(H, P, G)
    print(f"{'overall':<8}{pr:>7.3f}{rc:>7.3f}{f:>7.3f}{H:>7}{P:>7}{G:>7}")
    if a.errors:
        print("\nmissed:", *[f"  {t} {s}" for s, t in missed[: a.errors]], sep="\n")
        print("\nspurious:", *[f"  {t} {s}" for s, t in spurious[: a.errors]], sep="\n")


if __name__ == "__main__":
    main()
