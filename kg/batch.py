"""Batch work over many articles: extraction (optionally in N processes) and building the store.

These are the library functions behind ``kg extract`` and ``kg build``; they raise, report
bad input through ``on_error`` and never print.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .article import Article, OnError, read_articles
from .errors import InputError

#: Files ``kg build`` loads as RDF instead of extracting (a dump made by ``kg dump``).
RDF_SUFFIXES = (".nq", ".trig")


def _extract_one(article: Article) -> tuple[Article, list[dict] | None, str | None]:
    from .extract import extract_article
    try:
        return article, extract_article(article), None
    except Exception as e:  # a bug on one article must not stop the batch
        return article, None, f"{type(e).__name__}: {e}"


def _warm_up() -> None:
    """Load the pipeline (hazm, lexicons, gazetteer) once, before forking workers."""
    from .article import Article as _A
    from .extract import extract_article
    extract_article(_A(id="warm-up", text="سلام\nوزیر خارجه گفت: سلام."))


def extract_articles(articles: Iterable[Article], jobs: int = 1, on_error: OnError | None = None
                     ) -> Iterator[tuple[Article, list[dict]]]:
    """Yield ``(article, statements)`` in input order, using ``jobs`` processes.

    An article whose extraction fails is reported to ``on_error`` and skipped. A broken
    resource (a gazetteer or lexicon file) is no article's fault: its InputError is raised
    before the first article.
    """
    from .extract.resources import load_all

    load_all()

    def report(art: Article, msg: str) -> None:
        err = InputError(f"article {art.id!r}: extraction failed: {msg}", art.source)
        if on_error is None:
            raise err
        on_error(err)

    if jobs <= 1:
        for art in articles:
            art, stmts, err = _extract_one(art)
            if err:
                report(art, err)
            else:
                yield art, stmts
        return
    import multiprocessing as mp
    _warm_up()
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs) as pool:
        for art, stmts, err in pool.imap(_extract_one, articles, chunksize=4):
            if err:
                report(art, err)
            else:
                yield art, stmts


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@dataclass
class BuildSummary:
    store: str
    articles: int = 0
    statements: int = 0
    triples: int = 0
    loaded_files: int = 0
    skipped: int = 0
    speakers: Counter = field(default_factory=Counter)
    mode: str = "bulk"

    def top_speakers(self, n: int = 5) -> list[tuple[str, int]]:
        return self.speakers.most_common(n)


def split_inputs(paths: Iterable[str | Path]) -> tuple[list[str | Path], list[Path]]:
    """Separate RDF dumps (loaded as they are) from article inputs (extracted)."""
    articles, dumps = [], []
    for p in paths:
        if str(p) != "-" and Path(p).is_file() and Path(p).suffix.lower() in RDF_SUFFIXES:
            dumps.append(Path(p))
        else:
            articles.append(p)
    return articles, dumps


def build(paths: Iterable[str | Path], store_location: str | Path | None = None, *, jobs: int = 1,
          on_error: OnError | None = None,
          progress: Callable[[Article], None] | None = None) -> BuildSummary:
    """Extract every article in ``paths`` and load it into the store; load ``.nq``/``.trig`` dumps.

    A fresh store is filled with the bulk loader; otherwise each article replaces its own
    named graph in one transaction, so an edited article leaves no stale triples and an
    interrupted build loses nothing stored before it.
    """
    from .rdf import article_quads
    from .store import open_store

    skipped = 0

    def count_error(e: InputError) -> None:
        nonlocal skipped
        skipped += 1
        if on_error is None:
            raise e
        on_error(e)

    article_paths, dumps = split_inputs(paths)
    store = open_store(store_location)
    summary = BuildSummary(store=str(getattr(store, "location", store_location)))
    try:
        for d in dumps:
            try:
                store.load_file(d)
                summary.loaded_files += 1
            except Exception as e:  # noqa: BLE001 - reported, batch goes on
                count_error(InputError(f"cannot load RDF dump: {e}", str(d)))
        fresh = store.is_empty()
        summary.mode = "bulk" if fresh else "replace"
        stream = extract_articles(read_articles(article_paths, count_error) if article_paths else [],
                                  jobs=jobs, on_error=count_error)

        def counted():
            for art, stmts in stream:
                summary.articles += 1
                summary.statements += len(stmts)
                for s in stmts:
                    sp = s.get("speaker") or {}
                    summary.speakers[sp.get("name") or sp.get("mention") or "?"] += 1
                if progress:
                    progress(art)
                yield art, article_quads(art, stmts)

        if fresh:  # streamed into Oxigraph's bulk loader: nothing held in memory
            store.bulk_load(q for _, quads in counted() for q in quads)
        else:  # one transaction per article: an interruption loses nothing already stored
            for art, quads in counted():
                store.replace_article(art.id, quads)
        store.load_ontology()  # idempotent: type labels, CAMEO/PLOVER codes for the queries
        summary.triples = len(store)
    finally:
        store.close()
    summary.skipped = skipped
    return summary
