import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

try:
    from ._graph_data import all_articles, all_quads, build, load
except ImportError:  # tests/ run as plain modules
    from _graph_data import all_articles, all_quads, build, load
from kg.errors import QueryError, StoreError
from kg.rdf import article_quads
from kg.store import EmbeddedStore, RemoteStore, bind, open_store
from kg.vocab import ENTITY_GRAPH, ONTOLOGY_GRAPH, article_graph, type_iri

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def _quads(store):
    return set(store.quads())


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "store")
    yield s
    s.close()


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """A real `oxigraph serve` on 127.0.0.1 with a free port, stopped at teardown."""
    if not os.path.exists(OXIGRAPH):
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = _free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "server"),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"oxigraph serve exited: {proc.stderr.read().decode()}")
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_default_location_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("BAYAN_STORE", str(tmp_path / "env-store"))
    s = open_store()
    try:
        assert isinstance(s, EmbeddedStore)
        assert s.location == str(tmp_path / "env-store")
    finally:
        s.close()
    monkeypatch.delenv("BAYAN_STORE")
    monkeypatch.chdir(tmp_path)
    s = open_store()
    try:
        assert Path(s.location).resolve() == (tmp_path / "bayan-store").resolve()
    finally:
        s.close()


def test_bulk_load_fresh_store_then_query(store):
    quads = all_quads()
    assert store.bulk_load(iter(quads)) == len(quads)
    assert _quads(store) == set(quads)
    assert store.article_ids() == ["test-001", "test-002"]
    rows = store.select("SELECT (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a bayan:Statement } }")
    assert int(rows[0]["n"].value) == 11
    assert store.ask("ASK { GRAPH ?g { ?s bayan:statementType ?t } }", {"t": NamedNode(type_iri("accuse"))})
    assert not store.ask("ASK { GRAPH ?g { ?s bayan:statementType ?t } }", {"t": NamedNode(type_iri("agree"))})
    triples = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                              {"g": NamedNode(article_graph("test-001"))})
    assert len(triples) == sum(1 for q in quads if q.graph_name == NamedNode(article_graph("test-001")))
    # a second bulk load on a store with data goes through transactions and is idempotent
    assert store.bulk_load(quads) == len(quads)
    assert _quads(store) == set(quads)


def test_replace_edited_article_leaves_no_stale_triples(store):
    build(store)
    article, statements = load("test-001")
    before_other = set(store.quads(article_graph("test-002")))
    statements[1]["type"] = "criticize"
    statements[1]["content"] = None
    del statements[4]
    new = article_quads(article, statements)
    store.replace_article(article.id, new)
    graph = NamedNode(article_graph(article.id))
    assert set(store.quads(graph.value)) == {q for q in new if q.graph_name == graph}
    assert not store.ask("ASK { GRAPH ?g { ?s bayan:statementType bt:accuse } }", {"g": graph})
    assert set(store.quads(article_graph("test-002"))) == before_other
    ent = set(store.quads(ENTITY_GRAPH))
    assert {q for q in new if q.graph_name == NamedNode(ENTITY_GRAPH)} <= ent


def test_build_twice_gives_identical_quads(tmp_path):
    a, b = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    try:
        build(a)
        build(b)
        build(b)  # re-ingesting changes nothing
        assert _quads(a) == _quads(b)
        assert len(_quads(a)) == len(set(all_quads()))
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("ext", [".nq", ".trig"])
def test_dump_and_load_back(store, tmp_path, ext):
    build(store)
    store.load_ontology()
    path = tmp_path / f"dump{ext}"
    n = store.dump(path)
    assert n == len(_quads(store)) and path.stat().st_size > 0
    other = open_store(tmp_path / "other")
    try:
        assert other.load_file(path) == n
        assert _quads(other) == _quads(store)
    finally:
        other.close()


def test_bad_input_changes_nothing(store, tmp_path):
    build(store)
    before = _quads(store)
    bad = tmp_path / "bad.nq"
    bad.write_text('<http://a> <http://b> "ok" <http://g> .\n<http://a> <http://b> "broken <http://g> .\n',
                   encoding="utf-8")
    with pytest.raises(StoreError, match="nothing was loaded"):
        store.load_file(bad)
    with pytest.raises(StoreError, match="unknown RDF file type"):
        store.load_file(tmp_path / "x.csv")
    with pytest.raises(StoreError, match="no such file"):
        store.load_file(tmp_path / "missing.nq")
    stray = Quad(NamedNode("http://a"), NamedNode("http://b"), Literal("c"), NamedNode("http://elsewhere"))
    with pytest.raises(StoreError, match="nothing was written"):
        store.replace_article("test-001", [*article_quads(*load("test-001")), stray])
    with pytest.raises(QueryError):
        store.update("INSERT DATA { GRAPH <http://g> { <http://a> <http://b> } }")
    assert _quads(store) == before


def test_ontology_graph_is_replaced_not_duplicated(store):
    store.load_ontology()
    n = len(set(store.quads(ONTOLOGY_GRAPH)))
    store.load_ontology()
    assert len(set(store.quads(ONTOLOGY_GRAPH))) == n > 0


def test_locked_store_says_how_to_fix(tmp_path):
    location = tmp_path / "locked"
    holder = open_store(location)
    try:
        code = ("import sys\nfrom kg.store import open_store\nfrom kg.errors import StoreError\n"
                f"try:\n    open_store({str(location)!r})\nexcept StoreError as e:\n    print(e); sys.exit(3)\n")
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=Path(__file__).resolve().parent.parent)
        assert r.returncode == 3, r.stderr
        assert "locked by another process" in r.stdout
    finally:
        holder.close()
    again = open_store(location)  # close() released the lock
    again.close()


def test_stats(store):
    build(store)
    st = store.stats()
    assert st["articles"] == 2 and st["statements"] == 11
    assert st["by_type"]["accuse"] == 1 and st["by_type"]["statement"] == 3
    assert st["by_speaker"]["سخنگوی وزارت امور خارجه ایران"] == 3
    assert st["by_outlet"] == {"خبرگزاری نمونه": 11, "رویترز": 4}
    assert st["by_article"] == {"test-001": 5, "test-002": 6}


def test_bind_puts_values_in_the_where_group_only():
    q = bind('PREFIX x: <http://x/{#}> SELECT ?s # WHERE {\nWHERE { ?s ?p "WHERE {" }', {"s": NamedNode("http://a")})
    assert 'WHERE {\n  VALUES ?s { <http://a> }\n ?s ?p "WHERE {" }' in q
    c = bind("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", {"o": Literal('a"} #')})
    assert c.startswith("CONSTRUCT { ?s ?p ?o } WHERE {\n  VALUES ?o { \"a\\\"} #\" }")
    with pytest.raises(QueryError):
        bind("SELECT * WHERE { ?s ?p ?o }", {"bad var": Literal("x")})


def test_remote_store_against_a_real_oxigraph_server(server, tmp_path):
    remote = open_store(server)
    assert isinstance(remote, RemoteStore)
    for article, statements in all_articles():
        remote.replace_article(article.id, article_quads(article, statements))
    embedded = open_store(tmp_path / "local")
    try:
        build(embedded)
        assert _quads(remote) == _quads(embedded)
        assert remote.article_ids() == ["test-001", "test-002"]
        assert remote.stats() == embedded.stats()
        # replace an edited article: no stale triples on the server either
        article, statements = load("test-001")
        statements = statements[:2]
        new = article_quads(article, statements)
        remote.replace_article(article.id, new)
        g = NamedNode(article_graph(article.id))
        assert set(remote.quads(g.value)) == {q for q in new if q.graph_name == g}
        # dump from the server, load into a fresh embedded store
        path = tmp_path / "remote.nq"
        remote.dump(path)
        fresh = open_store(tmp_path / "fresh")
        try:
            fresh.load_file(path)
            assert _quads(fresh) == _quads(remote)
        finally:
            fresh.close()
        # the query endpoint URL itself works too
        assert open_store(server + "/query").article_ids() == ["test-001", "test-002"]
    finally:
        embedded.close()


def test_unreachable_endpoint_says_how_to_fix():
    with pytest.raises(StoreError, match="is the server running"):
        open_store(f"http://127.0.0.1:{_free_port()}")


def test_loading_the_ontology_twice_gives_identical_quads(store):
    # shapes.ttl has blank nodes (sh:property, sh:in lists): INSERT DATA relabels blank
    # nodes on every load, so without skolem IRIs a rebuild produced different quads.
    store.load_ontology()
    first = _quads(store)
    store.load_ontology()
    assert _quads(store) == first
    assert not any(q.subject.__class__.__name__ == "BlankNode" for q in store.quads(ONTOLOGY_GRAPH))
