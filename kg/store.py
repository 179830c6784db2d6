"""Where the graph lives: embedded Oxigraph on disk, or any SPARQL 1.1 endpoint.

``open_store(location=None)``:

- ``None``: ``$BAYAN_STORE`` if set, else ``./bayan-store`` (a directory, created on
  first use) opened with pyoxigraph;
- a directory path: an embedded Oxigraph store there (one process at a time may write it;
  ``read_only=True`` opens a second, read-only handle);
- ``http://…`` / ``https://…``: a SPARQL 1.1 endpoint. A base URL such as
  ``http://127.0.0.1:7878`` (Oxigraph server) or ``http://host:3030/ds`` (Fuseki) means
  ``{base}/query`` and ``{base}/update``; a URL ending in ``/query`` or ``/sparql`` is the
  query endpoint itself and ``update_url=`` (default: the same URL with ``/update``)
  names the update endpoint.

Both stores share one API (``Store``). Terms in and out are pyoxigraph terms.
Parameters are never pasted into SPARQL: ``bindings`` become a ``VALUES`` block made of
terms serialized (and escaped) by pyoxigraph.
"""
from __future__ import annotations

import gc
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from pyoxigraph import (BlankNode, DefaultGraph, Literal, NamedNode, Quad, QueryBoolean, QueryResultsFormat,
                        QuerySolutions, RdfFormat, Store as _OxStore, Triple, parse, parse_query_results, serialize)

from kg.errors import QueryError, StoreError
from kg.vocab import (BAYAN, ENTITY_GRAPH, ONTOLOGY_GRAPH, RDFS, SCHEMA, article_graph,
                      article_id_from_graph, type_from_iri)

Term = NamedNode | BlankNode | Literal | Triple
DEFAULT_LOCATION = "./bayan-store"

_FORMATS = {".nq": RdfFormat.N_QUADS, ".trig": RdfFormat.TRIG, ".nt": RdfFormat.N_TRIPLES,
            ".ttl": RdfFormat.TURTLE}
PREFIXES = {
    "bayan": str(BAYAN._NS), "bt": "https://w3id.org/bayan/type/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": str(RDFS._NS), "schema": str(SCHEMA._NS), "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/", "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#", "wd": "http://www.wikidata.org/entity/",
}
_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


# --------------------------------------------------------------------------- binding

_VAR = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _scan(sparql: str) -> Iterator[tuple[int, str]]:
    """Yield (index, char) of the characters of ``sparql`` outside comments, strings and IRIs."""
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            j = sparql.find("\n", i)
            i = n if j < 0 else j
            continue
        if c in "'\"":
            q3 = sparql[i:i + 3]
            if q3 in ("'''", '"""'):
                j = sparql.find(q3, i + 3)
                i = n if j < 0 else j + 3
                continue
            j = i + 1
            while j < n and sparql[j] != c:
                j += 2 if sparql[j] == "\\" else 1
            i = j + 1
            continue
        if c == "<":
            m = re.compile(r'<[^<>"{}|^`\\\s]*>').match(sparql, i)
            if m:
                i = m.end()
                continue
        yield i, c
        i += 1


def _where_brace(sparql: str) -> int:
    """Index of the ``{`` that opens the query's WHERE group."""
    chars = list(_scan(sparql))
    text = "".join(c for _, c in chars)
    m = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
    if m:
        pos = m.end() - 1
    else:
        pos = text.find("{")
        head = text[:pos] if pos >= 0 else text
        if re.search(r"\b(CONSTRUCT|DESCRIBE)\b", head, re.IGNORECASE):
            pos = -1
    if pos < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE { … } group; add one")
    return chars[pos][0]


def values_block(bindings: Mapping[str, Term | Iterable[Term]]) -> str:
    """``VALUES`` clauses for ``bindings``: each value a pyoxigraph term (or several)."""
    parts = []
    for var, value in bindings.items():
        if not _VAR.match(var):
            raise QueryError(f"bad variable name {var!r}: use letters, digits and _")
        terms = [value] if isinstance(value, (NamedNode, BlankNode, Literal, Triple)) else list(value)
        for t in terms:
            if not isinstance(t, (NamedNode, Literal)):
                raise QueryError(f"?{var}: only IRIs and literals can be bound, not {t!r}")
        parts.append(f"VALUES ?{var} {{ {' '.join(str(t) for t in terms)} }}")
    return " ".join(parts)


def bind(sparql: str, bindings: Mapping[str, Term | Iterable[Term]] | None) -> str:
    """``sparql`` with a ``VALUES`` block for ``bindings`` at the start of its WHERE group."""
    if not bindings:
        return sparql
    at = _where_brace(sparql) + 1
    return f"{sparql[:at]}\n  {values_block(bindings)}\n{sparql[at:]}"


def _with_prefixes(sparql: str) -> str:
    """Declare the usual prefixes unless the query declares its own."""
    declared = set(m.group(1) for m in re.finditer(r"PREFIX\s+([A-Za-z0-9_-]*):", sparql, re.IGNORECASE))
    missing = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
    return missing + sparql


# --------------------------------------------------------------------------- the common API

def _quad_data(quads: Iterable[Quad]) -> str:
    """Quads as the body of INSERT DATA / DELETE DATA, grouped by graph."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        g = "" if isinstance(q.graph_name, DefaultGraph) else str(q.graph_name)
        by_graph.setdefault(g, []).append(f"{q.subject} {q.predicate} {q.object} .")
    out = []
    for g, lines in by_graph.items():
        body = "\n".join(lines)
        out.append(f"GRAPH {g} {{\n{body}\n}}" if g else body)
    return "\n".join(out)


class Store:
    """Common API of the embedded and the remote store (see the module doc)."""

    location: str

    def select(self, sparql: str, bindings: Mapping[str, Term | Iterable[Term]] | None = None) -> list[dict[str, Term]]:
        """Rows of a SELECT query: variable name -> term (unbound variables left out)."""
        res = self._query(_with_prefixes(bind(sparql, bindings)), "select")
        if not isinstance(res, QuerySolutions):
            raise QueryError("not a SELECT query; use ask() or construct()")
        names = [v.value for v in res.variables]
        return [{n: t for n, t in zip(names, row) if t is not None} for row in self._rows(res, names)]

    def _rows(self, res, names: list[str]) -> list[list[Term | None]]:
        """Read the (lazy) solutions: errors while evaluating surface here."""
        try:
            return [[sol[n] for n in names] for sol in res]
        except OSError as e:
            raise StoreError(f"the query failed on {self.location}: {e}") from None

    def ask(self, sparql: str, bindings=None) -> bool:
        res = self._query(_with_prefixes(bind(sparql, bindings)), "ask")
        if not isinstance(res, (QueryBoolean, bool)):
            raise QueryError("not an ASK query")
        return bool(res)

    def construct(self, sparql: str, bindings=None) -> list[Triple]:
        res = self._query(_with_prefixes(bind(sparql, bindings)), "construct")
        if isinstance(res, (QuerySolutions, QueryBoolean, bool)):
            raise QueryError("not a CONSTRUCT or DESCRIBE query")
        try:
            return list(res)
        except OSError as e:
            raise StoreError(f"the query failed on {self.location}: {e}") from None

    def select_table(self, sparql: str, bindings=None) -> tuple[list[str], list[list[Term | None]]]:
        """A SELECT query's variables (in order) and rows (None where unbound)."""
        res = self._query(_with_prefixes(bind(sparql, bindings)), "select")
        if not isinstance(res, QuerySolutions):
            raise QueryError("not a SELECT query")
        names = [v.value for v in res.variables]
        return names, self._rows(res, names)

    # -- writing -------------------------------------------------------------------
    def replace_graph(self, graph: str, quads: Iterable[Quad], extra_graphs: Iterable[str] = ()) -> None:
        """In one update: drop ``graph`` and insert ``quads``. Quads in ``extra_graphs`` are
        added to those graphs (set semantics: adding twice changes nothing)."""
        quads = list(quads)
        allowed = {graph, *extra_graphs}
        for q in quads:
            g = None if isinstance(q.graph_name, DefaultGraph) else q.graph_name.value
            if g not in allowed:
                raise StoreError(f"refusing to write {q} : its graph is not {graph} "
                                 f"(nor {', '.join(extra_graphs) or 'another allowed graph'}); nothing was written")
        update = f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{\n{_quad_data(quads)}\n}}"
        self.update(update)

    def replace_article(self, article_id: str, quads: Iterable[Quad]) -> None:
        """Replace the article's named graph by ``quads`` in one transaction (no stale
        triples); the quads of the shared entity graph are added idempotently."""
        self.replace_graph(article_graph(article_id), quads, extra_graphs=(ENTITY_GRAPH,))

    def load_ontology(self) -> None:
        """(Re)load the three ontology files into ``https://w3id.org/bayan/graph/ontology``."""
        from kg.rdf import ontology_quads
        self.replace_graph(ONTOLOGY_GRAPH, ontology_quads())

    def load_file(self, path: str | os.PathLike, to_graph: str | None = None) -> int:
        """Add the quads of an .nq or .trig file (.nt/.ttl go to ``to_graph`` or the default
        graph). The whole file is parsed first: a bad file changes nothing."""
        path = Path(path)
        fmt = _FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise StoreError(f"{path}: unknown RDF file type; use .nq, .trig, .nt or .ttl")
        graph = NamedNode(to_graph) if to_graph else DefaultGraph()
        try:
            quads = [q if isinstance(q, Quad) else Quad(q.subject, q.predicate, q.object, graph)
                     for q in parse(path=str(path), format=fmt)]
        except FileNotFoundError:
            raise StoreError(f"{path}: no such file") from None
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"{path}: not valid {fmt.name}: {e}; nothing was loaded") from None
        self._add(quads)
        return len(quads)

    def dump(self, path: str | os.PathLike) -> int:
        """Write every quad to ``path``, N-Quads (.nq) or TriG (.trig). Returns the count."""
        path = Path(path)
        fmt = {".nq": RdfFormat.N_QUADS, ".trig": RdfFormat.TRIG}.get(path.suffix.lower())
        if fmt is None:
            raise StoreError(f"{path}: dump writes .nq or .trig; choose one of those extensions")
        quads = sorted(self.quads(), key=str)
        tmp = path.with_name(path.name + ".part")
        try:
            if fmt == RdfFormat.TRIG:
                serialize(quads, str(tmp), fmt, prefixes=PREFIXES)
            else:
                serialize(quads, str(tmp), fmt)
            os.replace(tmp, path)
        except OSError as e:
            raise StoreError(f"cannot write {path}: {e}") from None
        return len(quads)

    # -- reading helpers -------------------------------------------------------------
    def article_ids(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g bayan:extractorVersion ?v } }")
        ids = (article_id_from_graph(r["g"].value) for r in rows if isinstance(r.get("g"), NamedNode))
        return sorted(i for i in ids if i is not None)

    def stats(self) -> dict:
        """Counts: quads, articles, statements, entities, and statements by type, speaker,
        outlet (any position of the chain) and article."""
        def count(q: str) -> int:
            rows = self.select(q)
            return int(rows[0]["n"].value) if rows and "n" in rows[0] else 0

        def label_counts(q: str) -> dict[str, int]:
            per_node: dict[str, tuple[int, str]] = {}  # one count and one label per node
            for r in self.select(q):
                x, label = r["x"].value, (r["label"].value if "label" in r else r["x"].value)
                old = per_node.get(x)
                per_node[x] = (int(r["n"].value), min(label, old[1]) if old else label)
            out: Counter = Counter()
            for n, label in per_node.values():
                out[label] += n
            return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))

        labelled = ("OPTIONAL { GRAPH <%s> { ?x rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), \"fa\")) } }"
                    % ENTITY_GRAPH)
        by_type = {}
        for r in self.select("SELECT ?t (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s bayan:statementType ?t } } GROUP BY ?t"):
            by_type[type_from_iri(r["t"].value) or r["t"].value] = int(r["n"].value)
        by_article = {}
        for r in self.select("SELECT ?g (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a bayan:Statement } } GROUP BY ?g"):
            aid = article_id_from_graph(r["g"].value)
            if aid is not None:
                by_article[aid] = int(r["n"].value)
        return {
            "quads": len(self),
            "articles": count("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g bayan:extractorVersion ?v } }"),
            "statements": count("SELECT (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a bayan:Statement } }"),
            "entities": count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <%s> { ?e a ?c } }" % ENTITY_GRAPH),
            "by_type": dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
            "by_speaker": label_counts("SELECT ?x ?label ?n WHERE { { SELECT ?x (COUNT(?s) AS ?n) WHERE "
                                       "{ GRAPH ?g { ?s bayan:speaker ?x } } GROUP BY ?x } %s }" % labelled),
            "by_outlet": label_counts("SELECT ?x ?label ?n WHERE { { SELECT ?x (COUNT(DISTINCT ?s) AS ?n) WHERE "
                                      "{ GRAPH ?g { ?s bayan:outletChain/bayan:outlet ?x } } GROUP BY ?x } %s }"
                                      % labelled),
            "by_article": dict(sorted(by_article.items())),
        }

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        """Every quad of the store, or of one named graph."""
        raise NotImplementedError

    def __len__(self) -> int:
        """Number of quads in the whole dataset."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
        return int(rows[0]["n"].value) if rows else 0

    def is_empty(self) -> bool:
        return not self.ask("ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")

    # -- context manager -------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"<{type(self).__name__} {self.location}>"


class EmbeddedStore(Store):
    """Oxigraph on disk through pyoxigraph."""

    def __init__(self, location: str | os.PathLike, read_only: bool = False):
        self.location = str(location)
        try:
            if read_only:
                self._store = _OxStore.read_only(self.location)
            else:
                Path(self.location).mkdir(parents=True, exist_ok=True)
                self._store = _OxStore(self.location)
        except OSError as e:
            msg = str(e)
            if "lock" in msg.lower():
                raise StoreError(
                    f"store {self.location} is locked by another process (a running `kg serve` or build?): "
                    f"stop it, open the store read-only, or use another --store location") from None
            raise StoreError(f"cannot open store {self.location}: {msg}; check the path and its permissions, "
                             f"or remove a damaged store and rebuild it") from None

    @property
    def ox(self) -> _OxStore:
        if self._store is None:
            raise StoreError(f"store {self.location} is closed; open it again with open_store()")
        return self._store

    def _query(self, sparql: str, kind: str):
        try:
            return self.ox.query(sparql)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {e}") from None
        except OSError as e:
            raise StoreError(f"cannot read store {self.location}: {e}") from None

    def update(self, sparql: str) -> None:
        try:
            self.ox.update(_with_prefixes(sparql))
        except SyntaxError as e:
            raise QueryError(f"SPARQL update syntax error: {e}; nothing was changed") from None
        except OSError as e:
            raise StoreError(f"cannot write store {self.location}: {e}; nothing was changed") from None

    def _add(self, quads: list[Quad]) -> None:
        try:
            if self.is_empty():
                self.ox.bulk_extend(quads)
            else:
                self.ox.extend(quads)  # one transaction
        except OSError as e:
            raise StoreError(f"cannot write store {self.location}: {e}") from None

    def bulk_load(self, quads: Iterable[Quad], chunk: int = 100_000) -> int:
        """Add many quads. A fresh (empty) store uses Oxigraph's fast bulk loader (not
        atomic); a store with data gets transactions of ``chunk`` quads."""
        n = 0

        def counted(it):
            nonlocal n
            for q in it:
                n += 1
                yield q
        try:
            if self.is_empty():
                self.ox.bulk_extend(counted(quads))
            else:
                it = iter(quads)
                while batch := list(islice(it, chunk)):
                    self.ox.extend(batch)
                    n += len(batch)
            self.ox.flush()
        except OSError as e:
            raise StoreError(f"cannot write store {self.location}: {e}") from None
        return n

    def __len__(self) -> int:
        return len(self.ox)

    def is_empty(self) -> bool:
        return next(iter(self.ox.quads_for_pattern(None, None, None, None)), None) is None

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        g = None if graph is None else NamedNode(graph)
        return iter(self.ox.quads_for_pattern(None, None, None, g))

    def article_ids(self) -> list[str]:
        ids = (article_id_from_graph(g.value) for g in self.ox.named_graphs() if isinstance(g, NamedNode))
        return sorted(i for i in ids if i is not None)

    def dump(self, path: str | os.PathLike) -> int:
        path = Path(path)
        fmt = {".nq": RdfFormat.N_QUADS, ".trig": RdfFormat.TRIG}.get(path.suffix.lower())
        if fmt is None:
            raise StoreError(f"{path}: dump writes .nq or .trig; choose one of those extensions")
        tmp = path.with_name(path.name + ".part")
        try:
            if fmt == RdfFormat.TRIG:
                self.ox.dump(str(tmp), fmt, prefixes=PREFIXES)
            else:
                self.ox.dump(str(tmp), fmt)
            os.replace(tmp, path)
        except OSError as e:
            raise StoreError(f"cannot write {path}: {e}") from None
        return len(self.ox)

    def close(self) -> None:
        if getattr(self, "_store", None) is not None:
            try:
                self._store.flush()
            except OSError:
                pass
            self._store = None
            gc.collect()  # release the lock now, not at interpreter exit


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint (Oxigraph server, Fuseki, GraphDB, …) over HTTP.

    Every write is one SPARQL Update request (``DROP``/``INSERT DATA``); Oxigraph server
    runs a request in one transaction, other servers may differ.
    """

    def __init__(self, query_url: str, update_url: str | None = None, timeout: float = 60.0,
                 chunk: int = 20_000):
        self.query_url, self.update_url = query_url, update_url or _update_url(query_url)
        self.location, self.timeout, self.chunk = query_url, timeout, chunk
        self.ask("ASK { }")  # fail now, with a clear message, if nothing answers

    def _post(self, url: str, data: bytes, content_type: str, accept: str | None = None) -> bytes:
        headers = {"Content-Type": content_type}
        if accept:
            headers["Accept"] = accept
        req = urllib.request.Request(url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as e:
            body = e.read().decode("utf-8", "replace")[:500].strip()
            if e.code == 400:
                raise QueryError(f"{url} rejected the request (HTTP 400): {body}") from None
            raise StoreError(f"{url} answered HTTP {e.code}: {body or e.reason}; check the endpoint URL "
                             f"(query and update URLs) and that it accepts SPARQL 1.1") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {reason}; is the server running "
                             f"(e.g. `oxigraph serve --location DIR --bind 127.0.0.1:7878`)?") from None

    def _query(self, sparql: str, kind: str):
        accept = "application/n-triples" if kind == "construct" else "application/sparql-results+json"
        body = self._post(self.query_url, sparql.encode("utf-8"), "application/sparql-query; charset=utf-8", accept)
        try:
            if kind == "construct":
                return parse(body, format=RdfFormat.N_TRIPLES)
            return parse_query_results(body, format=QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"{self.query_url} sent an answer that is not {accept}: {e}") from None

    def update(self, sparql: str) -> None:
        self._post(self.update_url, _with_prefixes(sparql).encode("utf-8"), "application/sparql-update; charset=utf-8")

    def _add(self, quads: Iterable[Quad]) -> int:
        n = 0
        it = iter(quads)
        while batch := list(islice(it, self.chunk)):
            self.update(f"INSERT DATA {{\n{_quad_data(batch)}\n}}")
            n += len(batch)
        return n

    def bulk_load(self, quads: Iterable[Quad]) -> int:
        """Add many quads, in INSERT DATA requests of ``chunk`` quads."""
        return self._add(quads)

    def quads(self, graph: str | None = None) -> Iterator[Quad]:
        if graph is not None:
            g = NamedNode(graph)
            for r in self.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": g}):
                yield Quad(r["s"], r["p"], r["o"], g)
            return
        for r in self.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"):
            yield Quad(r["s"], r["p"], r["o"], DefaultGraph())
        for r in self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield Quad(r["s"], r["p"], r["o"], r["g"])

    def close(self) -> None:
        pass


def _update_url(query_url: str) -> str:
    parts = urllib.parse.urlsplit(query_url)
    path = re.sub(r"/(query|sparql)/?$", "/update", parts.path)
    return urllib.parse.urlunsplit(parts._replace(path=path))


def open_store(location: str | os.PathLike | None = None, *, read_only: bool = False,
               update_url: str | None = None) -> Store:
    """Open the store at ``location`` (see the module doc for the defaults)."""
    if location is None:
        location = os.environ.get("BAYAN_STORE") or DEFAULT_LOCATION
    location = str(location)
    if re.match(r"^https?://", location, re.IGNORECASE):
        parts = urllib.parse.urlsplit(location)
        if re.search(r"/(query|sparql)/?$", parts.path):
            return RemoteStore(location, update_url)
        base = location.rstrip("/")
        return RemoteStore(base + "/query", update_url or base + "/update")
    return EmbeddedStore(location, read_only=read_only)
