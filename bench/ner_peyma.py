#!/usr/bin/env python3
"""Entity recognition measured on PEYMA (default: the test set, ../shared/ner/test.txt).

usage: python bench/ner_peyma.py [PEYMA_FILE] [--recognizer pipeline|names]
                                 [--errors N] [--type PER|ORG|LOC]

Each PEYMA sentence (one ``token|TAG`` a line) is joined with single spaces into a text; the
recogniser runs on it; our character spans become the token spans they overlap, and our
kinds map to PEYMA's types:

    person                                   -> PER
    government_body, organization, media     -> ORG
    state, place                             -> LOC
    group                                    -> (not scored: PEYMA has no such type)

An entity counts as right when its token span and its type both match a gold entity
exactly. PEYMA's DAT, TIM, MON and PCT tags are not entities we recognise and are left out
of the gold. Prints precision, recall and F1 per type and overall (micro).

Recognisers: ``pipeline`` (default) is ``kg.extract.find_entities``, what the extractor
uses (gazetteer, offices and ``kg.names``); ``names`` is ``kg.names.find_names`` alone.
Tune on train.txt or dev.txt; report test.txt.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KIND_TO_PEYMA = {"person": "PER", "government_body": "ORG", "organization": "ORG", "media": "ORG",
                 "state": "LOC", "place": "LOC"}
TYPES = ("PER", "ORG", "LOC")


def read_peyma(path: Path):
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if sent:
                yield sent
            sent = []
            continue
        tok, _, tag = line.rpartition("|")
        sent.append((tok, tag))
    if sent:
        yield sent


def gold_spans(sent) -> set[tuple[int, int, str]]:
    spans, start, typ = set(), None, None
    for i, (_, tag) in enumerate(sent + [("", "O")]):
        bio, _, t = tag.partition("_")
        if start is not None and (bio != "I" or t != typ):
            if typ in TYPES:
                spans.add((start, i, typ))
            start, typ = None, None
        if bio == "B" or (bio == "I" and start is None):
            start, typ = i, t
    return spans


def prf(h: int, p: int, g: int) -> tuple[float, float, float]:
    pr = h / p if p else 0.0
    rc = h / g if g else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("peyma", nargs="?", default=str(ROOT / ".." / "shared" / "ner" / "test.txt"))
    ap.add_argument("--recognizer", choices=["pipeline", "names"], default="pipeline")
    ap.add_argument("--errors", type=int, default=0, help="print N missed and N spurious entities")
    ap.add_argument("--type", choices=TYPES, help="errors of this type only")
    a = ap.parse_args()
    path = Path(a.peyma)
    if not path.exists():
        sys.exit(f"bench/ner_peyma.py: {path} not found")
    if a.recognizer == "names":
        from kg.names import find_names as recognise
    else:
        from kg.extract import find_entities as recognise

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
        g = gold_spans(sent)
        p = set()
        for s, e, kind in recognise(" ".join(toks)):
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
        if a.errors:
            ctx = lambda s, e: " ".join(toks[max(0, s - 3):s]) + " [" + " ".join(toks[s:e]) + "] " + " ".join(toks[e:e + 3])  # noqa: E731
            missed += [(ctx(s, e), t) for s, e, t in sorted(g - p) if not a.type or t == a.type]
            spurious += [(ctx(s, e), t) for s, e, t in sorted(p - g) if not a.type or t == a.type]
    dt = time.perf_counter() - t0

    print(f"PEYMA {path.name}: {n_sent} sentences, recogniser {a.recognizer}, {dt:.2f}s")
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
