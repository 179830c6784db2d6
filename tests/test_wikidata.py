"""Online Wikidata linking (kg/wikidata.py), tested against a REAL local SPARQL server.

A session fixture loads tests/data/wikidata/fixture.ttl (a Wikidata-shaped test fixture)
into ``oxigraph serve`` on 127.0.0.1; a fault-injecting proxy (tests/wikidata_helpers.py)
forwards to it, counts requests and can answer 429 / 503, drop the connection or hang.
Nothing here needs the internet.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg
from kg import gazetteer as gz
from kg import wikidata as wd
from kg.errors import LinkError
try:  # tests/ as a package or as a plain folder on sys.path
    from .wikidata_helpers import FaultProxy, OxigraphServer, free_port, oxigraph_binary
except ImportError:
    from wikidata_helpers import FaultProxy, OxigraphServer, free_port, oxigraph_binary

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "wikidata" / "fixture.ttl"
REAL_STATES = ROOT / "data" / "gazetteer" / "states.tsv"
QUERIES = ROOT / "queries"

E = "https://w3id.org/bayan/id/entity/"
B = "https://w3id.org/bayan/ontology#"
WDE = "http://www.wikidata.org/entity/"
ENTITIES = "https://w3id.org/bayan/graph/entities"
LINKS = "https://w3id.org/bayan/graph/links"
SAMEAS = "http://www.w3.org/2002/07/owl#sameAs"
TRICKY = 'سازمان "آزمون" \\ {براکت}\nخط دوم'

FAST = dict(rate_limit=0.0, backoff=0.01, timeout=10.0)


# ============================================================================ fixtures
@pytest.fixture
def proxy(wdqs):
    p = FaultProxy(wdqs.base)
    yield p
    p.close()


def _open_store(path: Path):
    try:
        from kg.store import open_store
    except ImportError:
        return ox.Store(str(path))
    return open_store(str(path))


def _close(store) -> None:
    close = getattr(store, "close", None)
    if close is not None:
        close()


def _entity(eid: str, cls: str, fa: str | None = None, en: str | None = None,
            iso: str | None = None, country: str | None = None) -> str:
    s = f"<{E}{eid}>"
    lines = [f"{s} a <{B}{cls}> ."]
    if fa is not None:
        lines.append(f"{s} <http://www.w3.org/2000/01/rdf-schema#label> {wd.sparql_literal(fa, 'fa')} .")
    if en is not None:
        lines.append(f"{s} <http://www.w3.org/2000/01/rdf-schema#label> {wd.sparql_literal(en, 'en')} .")
    if iso is not None:
        lines.append(f"{s} <{B}isoCode> {wd.sparql_literal(iso)} .")
    if country is not None:
        lines.append(f"{s} <{B}country> <{E}{country}> .")
    return "\n".join(lines)


ENTITY_DATA = "\n".join([
    _entity("RU", "State", fa="روسیه", en="Russia", iso="RU"),
    _entity("AM", "State", fa="ارمنستان", iso="AM"),
    _entity("GE", "State", en="Georgia", iso="GE"),
    _entity("IR", "State", fa="ایران", en="Iran", iso="IR"),
    f"<{E}IR> <{SAMEAS}> <{WDE}Q794> .",  # offline link from the gazetteer
    _entity("AZ", "State", fa="جمهوری آذربایجان", iso="AZ"),
    _entity("person-ru-lavrov", "Person", fa="سرگئی لاوروف", country="RU"),
    _entity("person-ir-kanaani", "Person", fa="ناصر کنعانی", en="Nasser Kanaani", country="IR"),
    _entity("person-xx-nobody", "Person", fa="شخص ناشناس فیکسچر"),
    _entity("org-un", "Organization", fa="سازمان ملل"),
    _entity("org-fixture-council", "Organization", fa="شورای همکاری فیکسچر"),
    _entity("org-tricky", "Organization", fa=TRICKY),
    _entity("media-irna", "Outlet", fa="ایرنا", country="IR"),
    _entity("media-fixture-daily", "Outlet", en="Fixture Daily", country="IR"),
    _entity("place-karabakh", "Place", fa="قره‌باغ", country="AZ"),
    _entity("actor-xx-generic", "Actor", fa="کسی"),
])
# A link made online in an earlier run: it lives in the LINKS graph.
EARLIER_LINK = f"<{E}AZ> <{SAMEAS}> <{WDE}Q227> ."

EXPECTED = {
    "RU": "Q159",
    "AM": "Q399",
    "GE": "Q230",
    "person-ru-lavrov": "Q999999101",
    "person-ir-kanaani": "Q999999104",
    "org-un": "Q1065",
    "org-tricky": "Q999999060",
    "media-irna": "Q999999030",
    "media-fixture-daily": "Q999999032",
    "place-karabakh": "Q999999040",
}
LOOKED_UP = len(EXPECTED) + 2  # + the ambiguous council + the unknown person


def make_store(path: Path):
    store = _open_store(path)
    store.update(f"INSERT DATA {{ GRAPH <{ENTITIES}> {{ {ENTITY_DATA} }} "
                 f"GRAPH <{LINKS}> {{ {EARLIER_LINK} }} }}")
    return store


def rows(store, sparql: str, *names: str) -> list[dict]:
    return wd._select(store, sparql, names)


def same_as(store) -> dict[str, set[str]]:
    """entity id -> Wikidata QIDs linked in the LINKS graph."""
    out: dict[str, set[str]] = {}
    for r in rows(store, f"SELECT ?e ?w WHERE {{ GRAPH <{LINKS}> {{ ?e <{SAMEAS}> ?w }} }}", "e", "w"):
        out.setdefault(r["e"][len(E):], set()).add(r["w"][len(WDE):])
    return out


def all_quads(store) -> set[tuple]:
    return {tuple(r.values()) for r in rows(store, "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                              "s", "p", "o", "g")}


@pytest.fixture(scope="module")
def linked(wdqs, tmp_path_factory):
    """One full linking run over the sample entities, through a counting proxy."""
    tmp = tmp_path_factory.mktemp("linked")
    proxy = FaultProxy(wdqs.base)
    store = make_store(tmp / "store")
    before = all_quads(store)
    calls = []
    report = wd.link_entities(store, proxy.query_url, cache_dir=tmp / "cache",
                              progress=lambda *a: calls.append(a), **FAST)
    seen = list(proxy.seen)
    yield {"store": store, "report": report, "seen": seen, "cache": tmp / "cache",
           "before": before, "tmp": tmp, "proxy": proxy, "progress": calls}
    proxy.close()
    _close(store)


# ============================================================================ SPARQL terms
@pytest.mark.parametrize("text, expected", [
    ('say "hi"', '"say \\"hi\\""'),
    ("back\\slash", '"back\\\\slash"'),
    ("line\nbreak\r\ttab", '"line\\nbreak\\r\\ttab"'),
    ("{ } braces } ; DROP ALL ; #", '"{ } braces } ; DROP ALL ; #"'),
    ("\\u0022", '"\\\\u0022"'),
    ("bell\x07", '"bell\\u0007"'),
    ("روسیه", '"روسیه"'),
])
def test_sparql_string_escapes(text, expected):
    assert wd.sparql_string(text) == expected


@pytest.mark.parametrize("text", [
    'quote " inside', "back\\slash\\", "new\nline", "{braces}", '"}} ; DROP ALL ; {{"',
    "\\u0022 not an escape", "'single' and \"double\"", TRICKY, "tab\tand\rcr", "",
])
def test_sparql_literal_round_trips_through_a_real_parser(text):
    """Literal made by pyoxigraph's API == literal parsed from our escaped text."""
    store = ox.Store()
    s, p = ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p")
    store.add(ox.Quad(s, p, ox.Literal(text, language="fa")))
    assert store.query(f"ASK {{ ?s ?p {wd.sparql_literal(text, 'fa')} }}")
    assert not store.query(f"ASK {{ ?s ?p {wd.sparql_literal(text + 'x', 'fa')} }}")
    store.update(f"INSERT DATA {{ <http://example.org/t> <http://example.org/p> {wd.sparql_literal(text)} }}")
    got = [r["o"].value for r in store.query("SELECT ?o { <http://example.org/t> ?p ?o }")]
    assert got == [text]


def test_sparql_literal_rejects_bad_tags_and_iris():
    with pytest.raises(ValueError):
        wd.sparql_literal("x", lang="fa} ; DROP ALL")
    with pytest.raises(ValueError):
        wd.sparql_literal("x", lang="fa", datatype="http://www.w3.org/2001/XMLSchema#string")
    for bad in ("http://a b", "http://a>b", 'http://a"b', "http://a{b}", "no-scheme", ""):
        with pytest.raises(ValueError):
            wd.sparql_iri(bad)
    assert wd.sparql_iri("http://www.wikidata.org/entity/Q159") == "<http://www.wikidata.org/entity/Q159>"


def test_candidate_query_escapes_labels(wdqs, tmp_path):
    """A label with quotes, a backslash, braces and a newline finds its item on the server."""
    q = wd.candidate_query({"fa": [TRICKY]}, "organization", None)
    assert TRICKY not in q  # never pasted raw
    client = wd.WikidataClient(wdqs.query_url, tmp_path, **FAST)
    bindings, _ = client.select(q)
    assert {b["item"]["value"] for b in bindings} == {WDE + "Q999999060"}
    injected = wd.candidate_query({"en": ['x" } } DROP ALL ; SELECT * { "']}, "state", "RU")
    assert client.select(injected)[0] == []


# ============================================================================ linking
def test_links_by_persian_label(linked):
    links = same_as(linked["store"])
    assert links["RU"] == {"Q159"}  # not the country-typed decoy with ISO code XR
    assert links["AM"] == {"Q399"}  # not the film called ارمنستان
    assert links["org-un"] == {"Q1065"}  # Persian altLabel سازمان ملل
    assert links["media-irna"] == {"Q999999030"}  # Persian altLabel ایرنا


def test_links_by_english_label(linked):
    links = same_as(linked["store"])
    assert links["GE"] == {"Q230"}  # not the US state Georgia
    assert links["media-fixture-daily"] == {"Q999999032"}  # its type only through wdt:P279


def test_type_and_country_reject_decoys(linked):
    links = same_as(linked["store"])
    assert links["person-ru-lavrov"] == {"Q999999101"}  # holds a position; decoys: no position, US
    assert links["person-ir-kanaani"] == {"Q999999104"}  # decoy is a ship
    assert links["place-karabakh"] == {"Q999999040"}  # decoy is in another country
    assert links["org-tricky"] == {"Q999999060"}
    assert "org-fixture-council" not in links  # two equal candidates: ambiguous
    assert "person-xx-nobody" not in links
    assert {k: next(iter(v)) for k, v in links.items() if k != "AZ"} == EXPECTED
    report = linked["report"]
    assert [r[0] for r in report.rejected] == [E + "org-fixture-council"]
    assert report.unmatched == [E + "person-xx-nobody"]
    assert report.unsupported == 1  # the generic actor has no type to search by
    assert report.already_linked == 2 and report.checked == LOOKED_UP
    assert "linked" in report.summary()


def test_ranking_prefers_fa_label_type_country_and_few_competitors():
    def cand(qid, *matches, type_ok=True, country_ok=False, country_known=False, position=False):
        return wd.Candidate(qid, set(matches), None, type_ok, country_ok, country_known, position)

    fa, fa_alt, en = ("fa", "label"), ("fa", "alt"), ("en", "label")
    ranked = wd.score_candidates([cand("Q2", en, country_ok=True, country_known=True),
                                  cand("Q1", fa, country_ok=True, country_known=True)], "state", True)
    assert [c.qid for c in ranked] == ["Q1", "Q2"] and ranked[0].base > ranked[1].base
    ranked = wd.score_candidates([cand("Q3", fa, type_ok=False), cand("Q4", fa, country_known=True),
                                  cand("Q7", fa)], "state", True)
    assert not any(c.viable for c in ranked)  # wrong type; wrong ISO code; no ISO code at all
    person = wd.score_candidates([cand("Q8", fa, position=True), cand("Q9", fa, country_known=True)],
                                 "person", True)
    assert [c.viable for c in person] == [True, False]  # unknown citizenship is not a contradiction
    alone = wd.score_candidates([cand("Q5", fa_alt)], "organization", False)[0].score
    crowded = wd.score_candidates([cand("Q5", fa_alt), cand("Q6", en)], "organization", False)
    assert crowded[0].qid == "Q5" and crowded[0].score < alone


def test_link_records_and_nodes(linked):
    store, report = linked["store"], linked["report"]
    got = rows(store, f"""SELECT ?rec ?e ?w ?score ?at ?ep ?dt WHERE {{ GRAPH <{LINKS}> {{
        ?rec a <{B}WikidataLink> ; <{B}linkedEntity> ?e ; <{B}linkTarget> ?w ;
             <{B}linkScore> ?score ; <{B}linkedAt> ?at ; <{B}linkEndpoint> ?ep . }}
        BIND(DATATYPE(?at) AS ?dt) }}""", "rec", "e", "w", "score", "at", "ep", "dt")
    assert len(got) == len(EXPECTED) == len(report.linked)
    for r in got:
        assert r["dt"] == "http://www.w3.org/2001/XMLSchema#dateTime"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r["at"])
        assert 0.6 <= float(r["score"]) <= 1.0
        assert r["ep"].endswith("/query")
        assert r["rec"] == wd.link_record_iri(r["e"], r["w"][len(WDE):])
    # linking never renames a node: no new entity nodes, and the entity graph is untouched
    after = all_quads(store)
    assert {q for q in after if q[3] == ENTITIES} == {q for q in linked["before"] if q[3] == ENTITIES}
    # the earlier online link and the offline one stay
    assert same_as(store)["AZ"] == {"Q227"}
    assert rows(store, f"SELECT ?x WHERE {{ GRAPH <{ENTITIES}> {{ <{E}IR> <{SAMEAS}> ?x }} }}", "x") \
        == [{"x": WDE + "Q794"}]


def test_polite_requests(linked):
    seen = linked["seen"]
    assert len(seen) == LOOKED_UP  # one request per entity looked up; linked ones skipped
    for s in seen:
        assert s.user_agent.startswith(f"Bayan/{kg.__version__} (")
        assert "https://" in s.user_agent
        assert s.method == "GET" and s.path.startswith("/query?")


def test_progress_is_reported(linked):
    calls = linked["progress"]
    n = LOOKED_UP + 1  # + the generic actor, counted but not looked up
    assert [c[:2] for c in calls] == [(i, n) for i in range(1, n + 1)]
    assert {c[2] for c in calls} >= {E + k for k in EXPECTED}


def test_long_label_list_goes_by_post(proxy, tmp_path):
    store = _open_store(tmp_path / "store")
    long_name = "سازمان " + "بسیار " * 400 + "بلند"
    store.update(f"INSERT DATA {{ GRAPH <{ENTITIES}> {{ {_entity('org-long', 'Organization', fa=long_name)} }} }}")
    try:
        report = wd.link_entities(store, proxy.query_url, cache_dir=tmp_path / "cache", **FAST)
    finally:
        _close(store)
    assert [s.method for s in proxy.seen] == ["POST"] and report.unmatched == [E + "org-long"]
    assert long_name.split()[0] in proxy.queries()[0]


def test_links_into_a_remote_store(wdqs, proxy, tmp_path):
    """The Bayan store itself may be a SPARQL endpoint (here a second oxigraph serve)."""
    pytest.importorskip("kg.store")
    from kg.store import open_store
    other = OxigraphServer(oxigraph_binary(), tmp_path / "bayan-server", [])
    try:
        store = open_store(other.base)
        store.update(f"INSERT DATA {{ GRAPH <{ENTITIES}> {{ {ENTITY_DATA} }} "
                     f"GRAPH <{LINKS}> {{ {EARLIER_LINK} }} }}")
        report = wd.link_entities(store, proxy.query_url, cache_dir=tmp_path / "cache", **FAST)
        links = same_as(store)
        assert {k: next(iter(v)) for k, v in links.items() if k != "AZ"} == EXPECTED
        assert len(report.linked) == len(EXPECTED)
        _close(store)
    finally:
        other.stop()


def test_rate_limit_spaces_requests(wdqs, proxy, tmp_path):
    store = make_store(tmp_path / "store")
    try:
        wd.link_entities(store, proxy.query_url, cache_dir=tmp_path / "cache", rate_limit=0.3,
                         backoff=0.01, timeout=10)
    finally:
        _close(store)
    times = [s.at for s in proxy.seen]
    assert len(times) == LOOKED_UP
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.28


# ============================================================================ cache
def test_second_run_sends_nothing(linked, tmp_path):
    proxy = linked["proxy"]  # the same endpoint URL as the first run
    proxy.reset()
    try:
        # same store: everything linked is skipped, the rest answered from the cache
        again = wd.link_entities(linked["store"], proxy.query_url, cache_dir=linked["cache"], **FAST)
        assert proxy.count == 0 and again.requests == 0 and not again.linked
        # a fresh store with the same entities: every answer comes from the cache
        fresh = make_store(tmp_path / "fresh")
        try:
            report = wd.link_entities(fresh, proxy.query_url, cache_dir=linked["cache"], **FAST)
            assert proxy.count == 0
            assert report.requests == 0 and report.cache_hits == LOOKED_UP
            assert same_as(fresh) == same_as(linked["store"])
            # linkedAt is the time the answer was fetched, kept in the cache
            assert ({(l.entity, l.linked_at) for l in report.linked}
                    == {(l.entity, l.linked_at) for l in linked["report"].linked})
        finally:
            _close(fresh)
        # the cache is keyed by endpoint + query: another endpoint URL asks again
        other = make_store(tmp_path / "other")
        try:
            wd.link_entities(other, proxy.base + "/query?x=1", cache_dir=linked["cache"], **FAST)
        except LinkError:
            pass
        finally:
            _close(other)
        assert proxy.count > 0
    finally:
        proxy.reset()


def test_default_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert wd.default_cache_dir() == tmp_path / "xdg" / "bayan" / "wikidata"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert wd.default_cache_dir() == tmp_path / "home" / ".cache" / "bayan" / "wikidata"


# ============================================================================ faults
def _one_entity_store(path: Path):
    store = _open_store(path)
    store.update(f"INSERT DATA {{ GRAPH <{ENTITIES}> {{ {_entity('AM', 'State', fa='ارمنستان', iso='AM')} }} }}")
    return store


def test_persian_spelling_variants_are_tried(proxy, tmp_path):
    store = _open_store(tmp_path / "store")
    data = (_entity("RU", "State", fa="روسيه", iso="RU")  # Arabic yeh
            + "\n" + _entity("person-ru-lavrov", "Person", fa=" سرگئی  لاوروف", country="RU"))
    store.update(f"INSERT DATA {{ GRAPH <{ENTITIES}> {{ {data} }} }}")
    try:
        wd.link_entities(store, proxy.query_url, cache_dir=tmp_path / "cache", **FAST)
        assert same_as(store) == {"RU": {"Q159"}, "person-ru-lavrov": {"Q999999101"}}
    finally:
        _close(store)
    assert wd.label_variants("قره\u200cباغ  كوچك", "fa") == ["قره\u200cباغ  كوچك", "قره\u200cباغ كوچك",
                                                        "قره\u200cباغ کوچک", "قره باغ کوچک"]
    assert wd.label_variants("Russia", "en") == ["Russia"]


def test_429_with_retry_after_is_honoured(proxy, tmp_path):
    proxy.plan("429:1", "429:1")
    store = _one_entity_store(tmp_path / "store")
    try:
        t0 = time.monotonic()
        report = wd.link_entities(store, proxy.query_url, cache_dir=tmp_path / "cache", **FAST)
        elapsed = time.monotonic() - t0
        assert same_as(store) == {"AM": {"Q399"}}
    finally:
        _close(store)
    assert proxy.count == 3 and report.requests == 3
    assert [s.fault for s in proxy.seen] == ["429:1", "429:1", None]
    assert elapsed >= 2.0  # waited Retry-After (1 s) twice, though the backoff is 0.01 s
    gaps = [b.at - a.at for a, b in zip(proxy.seen, proxy.seen[1:])]
    assert all(g >= 0.95 for g in gaps)


def test_5xx_and_dropped_connection_are_retried_with_backoff(proxy, tmp_path):
    proxy.plan("503", "drop", "500")
    store = _one_entity_store(tmp_path / "store")
    try:
        report = wd.link_entities(store, proxy.query_url, cache_dir=tmp_path / "cache",
                                  rate_limit=0, backoff=0.1, timeout=10)
        assert same_as(store) == {"AM": {"Q399"}}
    finally:
        _close(store)
    assert proxy.count == 4 and report.requests == 4
    gaps = [b.at - a.at for a, b in zip(proxy.seen, proxy.seen[1:])]
    assert gaps[0] >= 0.09 and gaps[1] >= 0.19 and gaps[2] >= 0.39  # 0.1, 0.2, 0.4 s


def test_retries_are_bounded(proxy, tmp_path):
    proxy.plan(*["429:0"] * 10)
    store = _one_entity_store(tmp_path / "store")
    try:
        before = all_quads(store)
        with pytest.raises(LinkError) as err:
            wd.link_entities(store, proxy.query_url, cache_dir=tmp_path / "cache", retries=2, **FAST)
        assert all_quads(store) == before
    finally:
        _close(store)
    assert proxy.count == 3
    assert "429" in str(err.value) and "\n" not in str(err.value)
    assert not list((tmp_path / "cache").rglob("*.json"))  # failures are not cached


def _assert_offline_failure(endpoint: str, tmp_path: Path, words: str, **kw) -> None:
    store = make_store(tmp_path / "store")
    try:
        before = all_quads(store)
        links_before = same_as(store)
        with pytest.raises(LinkError) as err:
            wd.link_entities(store, endpoint, cache_dir=tmp_path / "cache", **{**FAST, **kw})
        msg = str(err.value)
        assert "\n" not in msg and words in msg, msg
        assert all_quads(store) == before  # offline links kept, nothing half-written
        assert same_as(store) == links_before == {"AZ": {"Q227"}}
    finally:
        _close(store)


def test_no_network_connection_refused(tmp_path):
    _assert_offline_failure(f"http://127.0.0.1:{free_port()}/sparql", tmp_path, "connection refused")


def test_no_network_dns_failure(tmp_path):
    _assert_offline_failure("https://query.wikidata.invalid/sparql", tmp_path, "DNS")


def test_no_network_timeout(proxy, tmp_path):
    proxy.plan("hang:3")
    t0 = time.monotonic()
    _assert_offline_failure(proxy.query_url, tmp_path, "timeout", timeout=0.5)
    assert time.monotonic() - t0 < 2.5


def test_endpoint_that_is_not_sparql(wdqs, tmp_path):
    _assert_offline_failure(wdqs.base + "/", tmp_path, "SPARQL")


def test_bad_endpoint_url():
    with pytest.raises(LinkError):
        wd.WikidataClient("ftp://example.org/sparql")


# ============================================================================ gazetteer
def _entry(code, fa, aliases=(), en="", qid=None, source="cldr"):
    return gz.Entry(code, fa, tuple(aliases), en, "state", code, qid, source)


def test_update_state_gazetteer(wdqs, proxy, tmp_path):
    real_before = hashlib.sha256(REAL_STATES.read_bytes()).hexdigest() if REAL_STATES.exists() else None
    path = tmp_path / "states.tsv"
    gz.write_states([
        _entry("RU", "روسیه", ["dem:روسی", "cap:مسکو"], "Russia", None, "cldr+team"),
        _entry("US", "ایالات متحده آمریکا", ["آمریکا"], "United States", "Q12345", "cldr+team"),
        _entry("AM", "ارمنستان", ["dem:ارمنی"], "Armenia", "Q399", "cldr+team+wikidata"),
        _entry("AZ", "آذربایجان", ["dem:آذربایجانی"], "Azerbaijan", "Q227", "cldr+team"),
        _entry("GE", "گرجستان", [], "", None, "cldr"),
        _entry("ZW", "زیمبابوه", ["cap:هراره"], "Zimbabwe", "Q954", "cldr+team"),
    ], path)
    report = wd.update_state_gazetteer(proxy.query_url, path, tmp_path / "cache", rate_limit=0, backoff=0.01)
    rows_ = {e.id: e for e in gz.load_entries(path)}
    assert rows_["RU"].qid == "Q159" and rows_["RU"].aliases == ("dem:روسی", "cap:مسکو")
    assert rows_["RU"].source == "cldr+team+wikidata"
    assert rows_["US"].qid == "Q30"  # corrected, and reported
    assert ("US", "qid", "Q12345", "Q30") in report.changed
    assert rows_["AM"] == _entry("AM", "ارمنستان", ["dem:ارمنی"], "Armenia", "Q399", "cldr+team+wikidata")
    assert rows_["AZ"].name_fa == "آذربایجان"  # news form kept; Wikidata's label becomes an alias
    assert rows_["AZ"].aliases == ("dem:آذربایجانی", "جمهوری آذربایجان")
    assert rows_["GE"].name_en == "Georgia" and rows_["GE"].qid == "Q230"
    assert rows_["ZW"] == _entry("ZW", "زیمبابوه", ["cap:هراره"], "Zimbabwe", "Q954", "cldr+team")
    # new code from the endpoint, dissolved one skipped, a decoy whose label is taken skipped
    assert rows_["FX"] == gz.Entry("FX", "جزیره فیکسچر", (), "Fixture Island", "state", "FX",
                                   "Q999999951", "wikidata")
    assert "QZ" not in rows_ and "XR" not in rows_
    assert any(code == "XR" for code, _ in report.skipped)
    assert report.added == ["FX", "IR"] and report.fetched == 8  # RU US IR AM AZ GE XR FX
    assert proxy.count == 1 and "wrote" in report.summary()
    first = path.read_bytes()
    assert first.decode("utf-8").splitlines()[1].startswith("AM\t")  # sorted by id
    # a second run: from the cache, no change, byte-identical file
    again = wd.update_state_gazetteer(proxy.query_url, path, tmp_path / "cache")
    assert proxy.count == 1 and again.requests == 0
    assert not again.changed and not again.added and path.read_bytes() == first
    if real_before is not None:
        assert hashlib.sha256(REAL_STATES.read_bytes()).hexdigest() == real_before


def test_update_keeps_every_row_of_the_real_table(wdqs, tmp_path):
    if not REAL_STATES.exists():
        pytest.skip("data/gazetteer/states.tsv is not there yet")
    path = tmp_path / "states.tsv"
    shutil.copy(REAL_STATES, path)
    before = {e.id: e for e in gz.load_entries(path)}
    wd.update_state_gazetteer(wdqs.query_url, path, tmp_path / "cache", rate_limit=0)
    after = {e.id: e for e in gz.load_entries(path)}
    assert set(before) <= set(after)
    for eid, e in before.items():
        a = after[eid]
        assert (a.name_fa, a.name_en, a.kind, a.country) == (e.name_fa, e.name_en, e.kind, e.country)
        assert set(e.aliases) <= set(a.aliases)
    assert after["RU"].qid == "Q159" and "wikidata" in after["RU"].source
    untouched = [eid for eid in before if eid not in ("RU", "US", "IR", "AM", "AZ", "GE")]
    assert all(after[eid] == before[eid] for eid in untouched)


def test_update_without_network_changes_nothing(tmp_path):
    path = tmp_path / "states.tsv"
    gz.write_states([_entry("RU", "روسیه", en="Russia")], path)
    before = path.read_bytes()
    with pytest.raises(LinkError, match="connection refused"):
        wd.update_state_gazetteer(f"http://127.0.0.1:{free_port()}/sparql", path, tmp_path / "cache",
                                  rate_limit=0, backoff=0.01)
    assert path.read_bytes() == before


# ============================================================================ federated query
STATEMENTS = "https://w3id.org/bayan/id/statement/fixture-article/"
ARTICLE_GRAPH = "https://w3id.org/bayan/graph/article/fixture-article"


def _federated_store(path: Path):
    store = _open_store(path)
    st = lambda n, speaker: (f"<{STATEMENTS}{n}> a <{B}Statement> ; <{B}speaker> <{E}{speaker}> .")
    store.update(f"""INSERT DATA {{
      GRAPH <{ARTICLE_GRAPH}> {{
        {st(1, "person-ru-lavrov")} {st(2, "person-ru-lavrov")} {st(3, "person-ir-kanaani")}
        {st(4, "person-ir-mp")} {st(5, "person-xx-nobody")} }}
      GRAPH <{ENTITIES}> {{
        {_entity("person-ru-lavrov", "Person", fa="سرگئی لاوروف", country="RU")}
        {_entity("person-ir-kanaani", "Person", fa="ناصر کنعانی", country="IR")}
        {_entity("person-ir-mp", "Person", fa="نماینده فیکسچر", country="IR")}
        {_entity("person-xx-nobody", "Person", fa="شخص ناشناس فیکسچر")}
        {_entity("RU", "State", fa="روسیه", iso="RU")}
        <{E}person-ir-kanaani> <{SAMEAS}> <{WDE}Q999999104> .
        <{E}person-ir-mp> <{SAMEAS}> <{WDE}Q999999106> .
        <{E}RU> <{SAMEAS}> <{WDE}Q159> . }}
      GRAPH <{LINKS}> {{ <{E}person-ru-lavrov> <{SAMEAS}> <{WDE}Q999999101> . }}
    }}""")
    return store


def test_speaker_positions_query_is_federated(proxy, tmp_path):
    text = (QUERIES / "speaker-positions.rq").read_text(encoding="utf-8")
    assert "SERVICE <https://query.wikidata.org/sparql>" in text
    [decl] = wd.service_declarations(text)
    assert (decl.name, decl.iri, decl.variable) == ("wikidata", "https://query.wikidata.org/sparql", "wikidata")
    store = _federated_store(tmp_path / "store")
    try:
        sparql = wd.prepare_federated(text, store, proxy.query_url)
        assert f"SERVICE <{proxy.query_url}>" in sparql and "query.wikidata.org/sparql> {" not in sparql
        from kg.query import run_query
        result = run_query(store, sparql).to_dicts()
        got = [(r["speakerLabel"], r["statements"], r["what"], r["labelFa"], r["labelEn"]) for r in result]
        assert got == [
            ("سرگئی لاوروف", 2, "position", "وزیر امور خارجه روسیه (فیکسچر)",
             "Minister of Foreign Affairs of Russia (fixture)"),
            ("ناصر کنعانی", 1, "position", "سخنگوی وزارت امور خارجه ایران (فیکسچر)",
             "Spokesperson of the Iranian foreign ministry (fixture)"),
            ("نماینده فیکسچر", 1, "party", "حزب فیکسچر", "Fixture Party"),
        ]
        assert result[0]["wikidata"] == WDE + "Q999999101"
        # the remote side was asked once, only about the items linked in the store
        [sent] = proxy.queries()
        assert re.search(r"VALUES\s*\(?\s*\?wikidata", sent)
        for q in ("Q159", "Q999999101", "Q999999104", "Q999999106"):
            assert f"<{WDE}{q}>" in sent
        # a parameter still binds on our side
        proxy.reset()
        one = run_query(store, sparql, {"speaker": "ناصر کنعانی"}).to_dicts()
        assert [r["labelEn"] for r in one] == ["Spokesperson of the Iranian foreign ministry (fixture)"]
    finally:
        _close(store)


def test_prepare_federated_without_store_or_header():
    text = (QUERIES / "speaker-positions.rq").read_text(encoding="utf-8")
    assert wd.prepare_federated(text) == text  # nothing to change
    moved = wd.prepare_federated(text, endpoint="http://127.0.0.1:7878/query")
    assert "SERVICE <http://127.0.0.1:7878/query> {" in moved and "VALUES ?wikidata {" not in moved
    assert "# service: wikidata  https://query.wikidata.org/sparql" in moved  # header kept
    plain = "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"
    assert wd.prepare_federated(plain, endpoint="http://x/q") == plain
    with pytest.raises(ValueError):
        wd.prepare_federated(text, endpoint="http://bad host/")
