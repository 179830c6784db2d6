"""The ``kg`` command: a thin layer over the library.

Every command calls one library function; the library raises ``kg.errors.BayanError``
and only this module turns errors into one-line messages and exit codes. Nothing heavy
(hazm, rdflib, pyoxigraph) is imported before a command needs it, so ``kg --help`` is fast.

Exit codes: 0 done; 1 error (nothing or not everything was done); 2 bad usage;
3 done, but some inputs were skipped (each reported on stderr).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .errors import BayanError, InputError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3

STORE_HELP = ("the embedded store's folder, or the URL of a SPARQL 1.1 endpoint "
              "(default: $BAYAN_STORE, else ./bayan-store)")


class _Errors:
    """Collects bad-input reports: one line each on stderr, the batch goes on."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, err: InputError) -> None:
        self.count += 1
        print(f"kg: skipped {err}", file=sys.stderr)


def _progress(total: int | None = None, desc: str = "articles"):
    """A tqdm bar on a terminal, nothing when stderr is piped."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm
    bar = tqdm(total=total, desc=desc, unit=" art", file=sys.stderr, leave=False)
    return (lambda _item: bar.update(1)), bar.close


def _link_progress():
    """A progress callback ``(done, total, iri)`` for ``kg link``: a bar on a terminal only."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm
    state = {}

    def tick(done: int, total: int, _iri: str) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = tqdm(total=total, desc="entities", file=sys.stderr, leave=False)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()
    return tick


def _jobs(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _store(args):
    """The store named by ``--store`` (or the default), opened lazily; use in ``with``."""
    from .store import open_store
    return open_store(args.store)


# ----------------------------------------------------------------------------- commands

def cmd_extract(args) -> int:
    import json
    from .article import read_articles
    from .batch import extract_articles

    errors = _Errors()
    out_path = Path(args.output) if args.output and args.output != "-" else None
    tmp = out_path.with_name(out_path.name + ".part") if out_path else None
    out = open(tmp, "w", encoding="utf-8") if tmp else sys.stdout
    tick, close = _progress() if out_path else (None, lambda: None)
    n_art = n_st = 0
    try:
        for art, stmts in extract_articles(read_articles(args.paths, errors), jobs=args.jobs,
                                           on_error=errors):
            for s in stmts:
                if s.get("confidence") is not None and s["confidence"] < args.min_confidence:
                    continue
                out.write(json.dumps(s, ensure_ascii=False) + "\n")
                n_st += 1
            n_art += 1
            if tick:
                tick(art)
    finally:
        close()
        if tmp:
            out.close()
    if tmp:
        tmp.replace(out_path)
        print(f"kg: {n_st} statements from {n_art} articles written to {out_path}", file=sys.stderr)
    return EXIT_SKIPPED if errors.count else EXIT_OK


def cmd_build(args) -> int:
    from .batch import build

    errors = _Errors()
    tick, close = _progress()
    try:
        summary = build(args.paths, args.store, jobs=args.jobs, on_error=errors, progress=tick)
    finally:
        close()
    print(f"store      {summary.store}  ({summary.mode} load)")
    print(f"articles   {summary.articles}" + (f"  ({summary.skipped} skipped)" if summary.skipped else ""))
    if summary.loaded_files:
        print(f"dumps      {summary.loaded_files} loaded")
    print(f"statements {summary.statements}")
    print(f"triples    {summary.triples}  (whole store)")
    top = summary.top_speakers(5)
    if top:
        print("top speakers:")
        for name, n in top:
            print(f"  {n:>5}  {name}")
    return EXIT_SKIPPED if errors.count else EXIT_OK


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for p in pairs or []:
        key, sep, value = p.partition("=")
        if not sep or not key:
            raise BayanError(f"--param {p!r}: write it as NAME=VALUE (e.g. --param speaker=Q159)")
        params[key.strip()] = value
    return params


def cmd_query(args) -> int:
    from .query import format_result, list_queries, run_query

    if args.list:
        for q in list_queries():
            print(f"{q.name:<22} {q.title}")
            for p in q.params:
                print(f"    --param {p.name}=…  ({p.kind}) {p.description}")
        return EXIT_OK
    if not args.query and not args.sparql:
        raise BayanError("name a query (see `kg query --list`), a .rq file, or give --sparql '…'")
    params = _parse_params(args.param)
    with _store(args) as store:
        result = run_query(store, args.sparql if args.sparql else args.query, params,
                           inline=bool(args.sparql), endpoint=args.endpoint)
    text = format_result(result, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def cmd_export(args) -> int:
    from .gephi import export_graph

    with _store(args) as store:
        info = export_graph(store, args.output, fmt=args.format)
    print(f"kg: wrote {info}", file=sys.stderr)
    return EXIT_OK


def cmd_stats(args) -> int:
    with _store(args) as store:
        stats = store.stats()
    for section, counts in stats.items():
        if isinstance(counts, dict):
            print(f"{section}:")
            for k, v in list(counts.items())[: args.top]:
                print(f"  {v:>6}  {k}")
        else:
            print(f"{section}: {counts}")
    return EXIT_OK


def cmd_validate(args) -> int:
    from .validate import validate_store

    with _store(args) as store:
        report = validate_store(store)
    if report.conforms:
        print(f"kg: the store conforms to ontology/shapes.ttl ({report.graphs} graphs checked)")
        return EXIT_OK
    for line in report.violations:
        print(line)
    print(f"kg: {len(report.violations)} violations", file=sys.stderr)
    return EXIT_ERROR


def cmd_dump(args) -> int:
    with _store(args) as store:
        n = store.dump(args.output)
    print(f"kg: wrote {n} quads to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_link(args) -> int:
    from .wikidata import DEFAULT_ENDPOINT, link_entities

    with _store(args) as store:
        report = link_entities(store, args.endpoint or DEFAULT_ENDPOINT, cache_dir=args.cache,
                               rate_limit=args.rate_limit, progress=_link_progress())
    print(report.summary() if hasattr(report, "summary") else report)
    return EXIT_OK


def cmd_gazetteer_update(args) -> int:
    from .wikidata import DEFAULT_ENDPOINT, update_state_gazetteer

    report = update_state_gazetteer(args.endpoint or DEFAULT_ENDPOINT, path=args.path,
                                    cache_dir=args.cache, rate_limit=args.rate_limit)
    print(report.summary() if hasattr(report, "summary") else report)
    return EXIT_OK


# ----------------------------------------------------------------------------- parser

EPILOG = """\
examples:
  kg build data/samples/                 build the graph from the sample articles
  kg extract article.json -o out.jsonl   statements as JSON Lines
  kg query --list                        the named queries and their parameters
  kg query statements-by-speaker --param speaker=روسیه
  kg export gexf actors.gexf             the actor network for Gephi
  kg stats                               counts by type, speaker, outlet, article

exit codes: 0 done, 1 error, 2 bad usage, 3 done but some inputs were skipped
"""


def make_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    p = argparse.ArgumentParser(
        prog="kg", formatter_class=fmt, epilog=EPILOG,
        description="Bayan (بیان): Persian news into a knowledge graph of diplomatic statements — "
                    "who stated what, about whom, where, when, and via which outlet.")
    p.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    store_opt = argparse.ArgumentParser(add_help=False)
    store_opt.add_argument("--store", metavar="DIR|URL", default=None, help=STORE_HELP)

    inputs_help = ("article files (.txt, .json, .jsonl), folders (searched recursively) or - for "
                   "standard input")

    s = sub.add_parser("extract", formatter_class=fmt, help="statements of articles as JSON Lines",
                       description="Find the diplomatic statements in articles and write them as JSON "
                                   "Lines (one statement a line, the format of spec/statements.md).",
                       epilog="example:\n  kg extract data/samples/ -o statements.jsonl\n"
                              "  cat article.txt | kg extract -\n\nA bad file is reported on stderr "
                              "with its name (and line) and skipped; the exit code is then 3.")
    s.add_argument("paths", nargs="+", metavar="PATH", help=inputs_help)
    s.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    s.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="extract in N processes (default 1)")
    s.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="leave out statements whose confidence is below X (0..1; default 0)")
    s.set_defaults(func=cmd_extract)

    s = sub.add_parser("build", parents=[store_opt], formatter_class=fmt,
                       help="extract articles and load them into the store",
                       description="Extract statements from articles and load them into the store, one "
                                   "named graph per article. A fresh store is bulk-loaded; otherwise "
                                   "each article replaces its own graph (re-building an edited article "
                                   "leaves no stale triples). .nq and .trig files (from `kg dump`) are "
                                   "loaded as they are.",
                       epilog="example:\n  kg build data/samples/\n  kg build ../shared/corpus/ --jobs 2 "
                              "--store /tmp/corpus-store")
    s.add_argument("paths", nargs="+", metavar="PATH", help=inputs_help + ", or .nq/.trig dumps")
    s.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="extract in N processes (default 1)")
    s.set_defaults(func=cmd_build)

    s = sub.add_parser("query", parents=[store_opt], formatter_class=fmt,
                       help="run a named query, a .rq file or inline SPARQL",
                       description="Run a SPARQL query against the store: a named query from queries/ "
                                   "(see --list), any .rq file, or --sparql '…'. Parameters are declared "
                                   "in the query's header and bound safely (never pasted as text).",
                       epilog="examples:\n  kg query --list\n"
                              "  kg query statements-by-speaker --param speaker=Q159\n"
                              "  kg query about-actor --param actor=آمریکا --format csv\n"
                              "  kg query --sparql 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'")
    s.add_argument("query", nargs="?", metavar="NAME|FILE.rq", help="a named query or a .rq file")
    s.add_argument("--sparql", metavar="TEXT", help="inline SPARQL instead of a named query")
    s.add_argument("-p", "--param", action="append", metavar="NAME=VALUE",
                   help="a parameter declared in the query's header (repeatable)")
    s.add_argument("-f", "--format", choices=["table", "csv", "tsv", "json"], default="table",
                   help="output format (default: table)")
    s.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    s.add_argument("--endpoint", metavar="URL",
                   help="for federated queries (a `# service:` header, e.g. speaker-positions): the "
                        "SPARQL endpoint to use instead of the declared one (default: Wikidata's)")
    s.set_defaults(func=cmd_query)

    s = sub.add_parser("export", parents=[store_opt], formatter_class=fmt,
                       help="export the actor network for Gephi",
                       description="Export the actor network (speaker → target/addressee; edge weight = "
                                   "number of statements; Persian and English labels) for Gephi.",
                       epilog="example:\n  kg export gexf actors.gexf\n  kg export graphml actors.graphml")
    s.add_argument("format", choices=["gexf", "graphml"], help="file format")
    s.add_argument("output", metavar="OUT", help="the file to write")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("stats", parents=[store_opt], help="counts by type, speaker, outlet and article",
                       description="Counts of statements by type, speaker, outlet and article.")
    s.add_argument("--top", type=int, default=15, metavar="N", help="rows per section (default 15)")
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("validate", parents=[store_opt], help="check the store against ontology/shapes.ttl",
                       description="Validate every article graph with pySHACL against ontology/shapes.ttl "
                                   "and list the violations (focus node, property, message).")
    s.set_defaults(func=cmd_validate)

    s = sub.add_parser("dump", parents=[store_opt], help="write the whole dataset as N-Quads or TriG",
                       description="Write the whole dataset (every named graph) to a file; the format "
                                   "follows the ending: .nq (N-Quads) or .trig (TriG). `kg build` loads "
                                   "such a file back.",
                       epilog="example:\n  kg dump backup.nq && kg build backup.nq --store other-store")
    s.add_argument("output", metavar="OUT.nq|OUT.trig")
    s.set_defaults(func=cmd_dump)

    cache_help = "cache folder for Wikidata answers (default: ~/.cache/bayan/wikidata)"
    rate_help = "at least this many seconds between two requests (default 1; the service's rules)"
    s = sub.add_parser("link", parents=[store_opt], formatter_class=fmt,
                       help="link entities without a QID to Wikidata (online)",
                       description="For entities still without a Wikidata QID, ask a Wikidata SPARQL "
                                   "endpoint by Persian and English label, constrained by type and "
                                   "country; store accepted links (owl:sameAs) with score and time. "
                                   "Answers are cached, so a second run sends nothing. Without a network "
                                   "the offline links stay as they are.",
                       epilog="example:\n  kg link\n  kg link --endpoint http://127.0.0.1:7878/query")
    s.add_argument("--endpoint", metavar="URL", help="SPARQL endpoint (default: the Wikidata Query Service)")
    s.add_argument("--cache", metavar="DIR", help=cache_help)
    s.add_argument("--rate-limit", type=float, default=1.0, metavar="SECONDS", help=rate_help)
    s.set_defaults(func=cmd_link)

    g = sub.add_parser("gazetteer", help="maintain the offline gazetteer in data/gazetteer/",
                       description="Maintain the offline gazetteer.")
    gsub = g.add_subparsers(dest="gazetteer_command", metavar="ACTION")
    s = gsub.add_parser("update", help="refresh the state table (QIDs, fa/en labels) from Wikidata",
                        description="Refresh data/gazetteer/states.tsv (QIDs, Persian and English labels) "
                                    "from a Wikidata SPARQL endpoint; team aliases are kept.")
    s.add_argument("--endpoint", metavar="URL", help="SPARQL endpoint (default: the Wikidata Query Service)")
    s.add_argument("--cache", metavar="DIR", help=cache_help)
    s.add_argument("--rate-limit", type=float, default=1.0, metavar="SECONDS", help=rate_help)
    s.add_argument("--path", metavar="FILE",
                   help="the states table to update in place (default: data/gazetteer/states.tsv)")
    s.set_defaults(func=cmd_gazetteer_update)
    g.set_defaults(func=lambda a: (g.print_help(), EXIT_USAGE)[1])
    return p


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except BayanError as e:
        print(f"kg: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
