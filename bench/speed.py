#!/usr/bin/env python3
"""Extraction speed against hazm's Normalizer alone, on the same texts, in the same run.

usage: python bench/speed.py [CORPUS_DIR] [--limit N] [--repeat R]

Prints: start-up (import of the CLI; first extraction, which loads hazm, lexicons and the
gazetteer), steady-state articles per second of hazm's Normalizer alone (the baseline), of
`extract_article` in one process, and of `--jobs 2`, with the ratios. Run by hand; nothing
here is asserted.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _each(fn, items):
    for x in items:
        fn(x)


def best_of(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(ROOT / ".." / "shared" / "corpus"))
    ap.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--repeat", type=int, default=3, help="best of R timings (default 3)")
    a = ap.parse_args()
    if not Path(a.corpus).exists():
        sys.exit(f"bench/speed.py: {a.corpus} not found")

    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import kg.cli"], check=True)
    cli_import = time.perf_counter() - t
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    bare = time.perf_counter() - t

    from kg.article import read_articles
    arts = list(read_articles([a.corpus]))
    if a.limit:
        arts = arts[: a.limit]
    chars = sum(len(x.text) for x in arts)

    t = time.perf_counter()
    from kg.extract import extract_article
    extract_article(arts[0])
    first = time.perf_counter() - t

    from hazm import Normalizer
    norm = Normalizer()
    # both stream, as `kg extract` does: each result is dropped once made (a list holding
    # 11,000 statement dicts would only measure the garbage collector walking it)
    t_norm = best_of(lambda: _each(norm.normalize, (x.text for x in arts)), a.repeat)
    t_ext = best_of(lambda: _each(extract_article, arts), a.repeat)

    from kg.batch import extract_articles
    t_j2 = best_of(lambda: sum(1 for _ in extract_articles(arts, jobs=2)), a.repeat)

    n = len(arts)
    print(f"articles: {n}   characters: {chars:,}   best of {a.repeat}")
    print(f"start-up: python bare {bare:.2f} s; `import kg.cli` {cli_import:.2f} s; "
          f"first extraction (loads hazm, lexicons, gazetteer) {first:.2f} s")
    print(f"{'':<28}{'seconds':>9}{'articles/s':>12}{'ratio':>8}")
    print(f"{'hazm Normalizer alone':<28}{t_norm:>9.2f}{n / t_norm:>12.1f}{1.0:>8.2f}")
    print(f"{'extract, 1 process':<28}{t_ext:>9.2f}{n / t_ext:>12.1f}{t_norm / t_ext:>8.2f}")
    print(f"{'extract, --jobs 2':<28}{t_j2:>9.2f}{n / t_j2:>12.1f}{t_norm / t_j2:>8.2f}")
    print(f"--jobs 2 speed-up over 1 process: {t_ext / t_j2:.2f}x")


if __name__ == "__main__":
    main()
