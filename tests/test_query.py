import csv
import io
import json

import pytest

try:
    from ._graph_data import build
except ImportError:  # tests/ run as plain modules
    from _graph_data import build
from kg.errors import QueryError
from kg.query import (Result, display_width, format_csv, format_json, format_result, format_table, format_tsv,
                      list_queries, load_query, run_query)
from kg.store import open_store
from kg.vocab import entity_iri

PARAMS = {
    "statements-by-speaker": {"speaker": "سخنگوی وزارت امور خارجه ایران"},
    "about-actor": {"actor": "Q801"},
    "about-place": {"place": "https://w3id.org/bayan/id/entity/state-az"},
    "actor-timeline": {"actor": "وزیر امور خارجه فرانسه"},
}
REQUIRED = {"statements-by-speaker", "accusations", "about-actor", "about-place", "outlet-citations",
            "actor-timeline"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("q") / "store")
    build(s)
    s.load_ontology()
    yield s
    s.close()


def test_the_named_queries_exist_with_headers():
    queries = {q.name: q for q in list_queries()}
    assert REQUIRED <= set(queries)
    for q in queries.values():
        assert q.path.stem == q.name
        assert q.description, q.name
        for p in q.params:
            assert p.description, (q.name, p.name)


OFFLINE = [q.name for q in list_queries() if "SERVICE" not in q.sparql.upper()]


@pytest.mark.parametrize("name", OFFLINE)
def test_every_named_query_runs(store, name):
    """Every named query that needs no network (federated ones use SERVICE) runs and answers."""
    r = run_query(store, name, PARAMS.get(name, {}))
    assert r.columns
    assert len(r) > 0, name


def test_statements_by_speaker(store):
    r = run_query(store, "statements-by-speaker", {"speaker": "سخنگوی وزارت امور خارجه ایران"})
    assert sorted(row["typeName"] for row in r.to_dicts()) == ["accuse", "deny", "statement"]
    # spelling-insensitive: Arabic yeh, no spaces, an English label, the entity IRI
    for name in ("سخنگوي وزارت امورخارجه ايران", "Spokesperson of the Iranian Foreign Ministry",
                 entity_iri("person-ir-mfa-spokesperson")):
        assert len(run_query(store, "statements-by-speaker", {"speaker": name})) == 3
    only = run_query(store, "statements-by-speaker", {"speaker": "سخنگوی وزارت امور خارجه ایران",
                                                      "type": "accuse,deny", "to": "۲۰۲۴-۰۳-۱۱"})
    assert [row["typeName"] for row in only.to_dicts()] == ["accuse"]


def test_accusations_and_about(store):
    acc = run_query(store, "accusations", {}).to_dicts()
    assert {(a["accuserLabel"], a["typeName"], a["accusedLabel"]) for a in acc} == {
        ("سخنگوی وزارت امور خارجه ایران", "accuse", "اسرائیل")}
    about = run_query(store, "about-actor", {"actor": "Q801"}).to_dicts()
    assert {a["typeName"] for a in about} == {"warn", "accuse"}
    assert {a["roles"] for a in about} == {"target,addressee", "target"} or \
        {a["roles"] for a in about} == {"addressee,target", "target"}
    place = run_query(store, "about-place", {"place": "قره‌باغ"}).to_dicts()
    assert sorted(p["speakerLabel"] for p in place) == ["ارمنستان", "روسیه"]


def test_outlet_citations(store):
    r = run_query(store, "outlet-citations", {}).to_dicts()
    assert [(x["citingLabel"], x["citedLabel"], x["statements"]) for x in r] == [("خبرگزاری نمونه", "رویترز", 4)]
    assert len(run_query(store, "outlet-citations", {"cited": "Q130879"})) == 1


def test_actor_timeline_is_in_order(store):
    r = run_query(store, "actor-timeline", {"actor": "سخنگوی وزارت امور خارجه ایران"})
    dates = [row["date"] for row in r.to_dicts()]
    assert dates == sorted(dates) and len(dates) == 3


def test_parameter_errors(store):
    with pytest.raises(QueryError, match="needs the parameter speaker"):
        run_query(store, "statements-by-speaker", {})
    with pytest.raises(QueryError, match="has no parameter"):
        run_query(store, "statements-by-speaker", {"speaker": "Q794", "spaeker": "x"})
    with pytest.raises(QueryError, match="not a date"):
        run_query(store, "actor-timeline", {"actor": "Q794", "from": "yesterday"})
    with pytest.raises(QueryError, match="use one or more of"):
        run_query(store, "statements-by-speaker", {"speaker": "Q794", "type": "threaten"})
    with pytest.raises(QueryError, match="no entity in the store is linked to Wikidata Q1"):
        run_query(store, "about-actor", {"actor": "Q1"})
    with pytest.raises(QueryError, match="unknown query"):
        run_query(store, "no-such-query", {})


INJECTIONS = [
    '" } UNION { GRAPH ?g { ?s ?p ?o } } #',
    "x' } ; DROP ALL ; #",
    '"}}} # {{{',
    'a\\" . } } DELETE WHERE { ?s ?p ?o } #',
    "Q794> } UNION { ?s ?p ?o",
    "http://x> } UNION { ?s ?p ?o } #",
    "2024-01-01\"^^<http://www.w3.org/2001/XMLSchema#date> } UNION { ?s ?p ?o } #",
    "\n} #\n",
]

PROBE = """# param: label  literal  a label
# param: iri  iri?  an IRI
# param: qid  qid?  a QID
# param: day  date?  a date
# param: who  actor?  an actor
SELECT ?e WHERE { GRAPH ?g { ?e rdfs:label ?label } }"""


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_attempts_fail_safely(store, value):
    before = len(store)
    # a literal parameter is one literal, whatever it holds: it matches no label
    assert len(run_query(store, PROBE, {"label": value})) == 0
    assert len(run_query(store, PROBE, {"label": value}, inline=True)) == 0
    assert len(run_query(store, PROBE, {"label": "اسرائیل"})) == 0  # labels are @fa, this one is plain
    for kind in ("iri", "qid", "day", "who"):
        with pytest.raises(QueryError):
            run_query(store, PROBE, {"label": "x", kind: value})
    assert len(store) == before


def test_literal_fa_and_binding_really_binds(store):
    q = PROBE.replace("literal  a label", "literal@fa  a label")
    assert len(run_query(store, q, {"label": "اسرائیل"})) == 1
    assert len(run_query(store, q, {"label": 'اسرائیل" } #'})) == 0


ZWNJ = "\u200c"


def test_table_alignment_with_zwnj_and_combining_marks():
    r = Result(["name", "type", "n"], [
        [f"می{ZWNJ}گوید", "accuse", 3],
        ["سخنگوی وزارت امور خارجه", f"مُتَّهَم{ZWNJ}کردن", 12],
        [f"آتش{ZWNJ}بس", None, 1],
        ["ascii", "x\ny", 100],
    ])
    out = format_table(r)
    lines = out.splitlines()[:-1]  # the last line counts rows
    seps = None
    for line in lines[:1] + lines[2:]:
        # the column separators sit at the same display column on every line
        cols, w = [], 0
        for i, ch in enumerate(line):
            if line[i:i + 3] == " | ":
                cols.append(w)
            w += display_width(ch)
        seps = seps or cols
        assert cols == seps, out
    assert display_width(f"می{ZWNJ}گوید") == 6
    assert display_width("مُتَّهَم") == 4
    assert "x y" in out  # no newline inside a cell


def test_table_truncates_long_cells():
    r = Result(["c"], [["بسیار " * 30]])
    line = format_table(r, max_width=20).splitlines()[2]
    assert display_width(line) <= 20 and line.endswith("…")


def test_csv_tsv_json_round_trip():
    r = Result(["a", "b"], [['x, "y"', 1], ["تب\tو\nخط", None]])
    rows = list(csv.reader(io.StringIO(format_csv(r))))
    assert rows == [["a", "b"], ['x, "y"', "1"], ["تب\tو\nخط", ""]]
    tsv = format_tsv(r).splitlines()
    assert tsv[0] == "a\tb" and tsv[2] == "تب\\tو\\nخط\t"
    assert json.loads(format_json(r)) == [{"a": 'x, "y"', "b": 1}, {"a": "تب\tو\nخط", "b": None}]
    assert format_result(r, "csv") == format_csv(r)
    with pytest.raises(QueryError):
        format_result(r, "xml")


def test_inline_sparql_and_files(store, tmp_path):
    r = run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ?c } }", inline=True)
    assert r.columns == ["n"] and r.rows[0][0] > 0
    f = tmp_path / "mine.rq"
    f.write_text("# answers: ASK anything\nASK { GRAPH ?g { ?s ?p ?o } }", encoding="utf-8")
    assert run_query(store, str(f)).rows == [[True]]
    assert load_query(str(f)).name == "mine"
    r = run_query(store, "CONSTRUCT { ?s a ?c } WHERE { GRAPH ?g { ?s a ?c } }", inline=True)
    assert r.columns == ["subject", "predicate", "object"] and len(r) > 0
