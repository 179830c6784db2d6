import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

try:
    from ._graph_data import all_articles, load
except ImportError:  # tests/ run as plain modules
    from _graph_data import all_articles, load
from kg import EXTRACTOR_VERSION
from kg.errors import InputError
from kg.ids import entity_id
from kg.rdf import article_quads, ontology_quads
from kg import vocab as V
from kg.vocab import (ENTITY_GRAPH, ONTOLOGY_GRAPH, article_graph, article_iri, entity_iri, statement_iri,
                      type_iri)

N = NamedNode


def _objects(quads, s, p):
    return {q.object for q in quads if q.subject == N(str(s)) and q.predicate == N(str(p))}


def test_same_input_gives_identical_quads_and_no_blank_nodes():
    for article, statements in all_articles():
        a = article_quads(article, statements)
        b = article_quads(article, [dict(s) for s in statements])
        assert a == b
        assert len(set(a)) == len(a)
        for q in a:
            assert not any(isinstance(t, BlankNode) for t in (q.subject, q.object, q.graph_name))


def test_quads_are_in_the_article_graph_or_the_entity_graph():
    article, statements = load("test-001")
    graphs = {q.graph_name.value for q in article_quads(article, statements)}
    assert graphs == {article_graph("test-001"), ENTITY_GRAPH}


def test_article_metadata():
    article, statements = load("test-001")
    quads = article_quads(article, statements)
    a = article_iri(article.id)
    assert N(V.SCHEMA.NewsArticle) in _objects(quads, a, V.RDF.type)
    assert _objects(quads, a, V.SCHEMA.headline) == {Literal(article.title, language="fa")}
    assert _objects(quads, a, V.SCHEMA.url) == {N(article.url)}
    assert _objects(quads, a, V.SCHEMA.datePublished) == {Literal("2024-03-11", datatype=N(V.XSD.date))}
    assert _objects(quads, a, V.SCHEMA.inLanguage) == {Literal("fa")}
    assert _objects(quads, a, V.NIF.isString) == {Literal(article.text)}
    assert _objects(quads, a, V.SCHEMA.publisher) == {N(entity_iri("media-namune"))}
    assert _objects(quads, article_graph(article.id), V.BAYAN.extractorVersion) == {Literal(EXTRACTOR_VERSION)}


def test_statement_fields():
    article, statements = load("test-001")
    quads = article_quads(article, statements)
    st = statements[1]  # the accusation
    s = statement_iri("test-001", st["trigger"]["start"], st["trigger"]["end"], "person-ir-mfa-spokesperson")
    assert _objects(quads, s, V.RDF.type) == {N(V.BAYAN.Statement)}
    assert _objects(quads, s, V.BAYAN.statementType) == {N(type_iri("accuse"))}
    assert _objects(quads, s, V.BAYAN.speaker) == {N(entity_iri("person-ir-mfa-spokesperson"))}
    assert _objects(quads, s, V.BAYAN.about) == {N(entity_iri("state-il"))}
    assert _objects(quads, s, V.PROV.wasDerivedFrom) == {N(article_iri("test-001"))}
    assert _objects(quads, s, V.BAYAN.content) == {Literal(st["content"]["text"], language="fa")}
    assert _objects(quads, s, V.BAYAN.negated) == {Literal("false", datatype=N(V.XSD.boolean))}
    assert _objects(quads, s, V.BAYAN.directQuote) == {Literal("false", datatype=N(V.XSD.boolean))}
    assert _objects(quads, s, V.BAYAN.confidence) == {Literal("0.93", datatype=N(V.XSD.decimal))}
    assert _objects(quads, s, V.DCTERMS.date) == {Literal("2024-03-11", datatype=N(V.XSD.date))}
    (trigger,) = _objects(quads, s, V.BAYAN.trigger)
    assert trigger.value == article_iri("test-001") + "#char=114,122"
    assert _objects(quads, trigger.value, V.NIF.anchorOf) == {Literal("متهم کرد")}
    assert _objects(quads, trigger.value, V.NIF.beginIndex) == {Literal("114", datatype=N(V.XSD.integer))}
    assert _objects(quads, trigger.value, V.NIF.endIndex) == {Literal("122", datatype=N(V.XSD.integer))}
    assert _objects(quads, trigger.value, V.NIF.referenceContext) == {N(article_iri("test-001"))}
    mentions = _objects(quads, s, V.BAYAN.mention)
    linked = {o for m in mentions for o in _objects(quads, m.value, V.ITSRDF.taIdentRef)}
    assert linked == {N(entity_iri("person-ir-mfa-spokesperson")), N(entity_iri("state-il"))}


def test_outlet_chain_is_ordered():
    article, statements = load("test-002")
    quads = article_quads(article, statements)
    st = statements[2]
    s = statement_iri("test-002", st["trigger"]["start"], st["trigger"]["end"],
                      entity_id("person", st["speaker"]["name"], "FR"))
    chain = {}
    for cite in _objects(quads, s, V.BAYAN.outletChain):
        (pos,) = _objects(quads, cite.value, V.BAYAN.position)
        (outlet,) = _objects(quads, cite.value, V.BAYAN.outlet)
        chain[int(pos.value)] = outlet.value
    assert chain == {0: entity_iri("media-namune"), 1: entity_iri("media-reuters")}


def test_coordinated_speakers_are_two_statements_sharing_the_trigger():
    article, statements = load("test-001")
    quads = article_quads(article, statements)
    shared = statements[3]["trigger"]
    subjects = {q.subject for q in quads if q.predicate == N(V.BAYAN.trigger)
                and q.object == N(article_iri("test-001") + f"#char={shared['start']},{shared['end']}")}
    assert subjects == {N(statement_iri("test-001", shared["start"], shared["end"], "state-ru")),
                        N(statement_iri("test-001", shared["start"], shared["end"], "state-am"))}


def test_entity_descriptions():
    article, statements = load("test-002")
    quads = article_quads(article, statements)
    ent = [q for q in quads if q.graph_name == N(ENTITY_GRAPH)]
    fr = entity_iri("state-fr")
    assert _objects(ent, fr, V.RDF.type) == {N(V.BAYAN.State)}
    assert _objects(ent, fr, V.BAYAN.isoCode) == {Literal("FR")}
    assert _objects(ent, fr, V.OWL.sameAs) == {N("http://www.wikidata.org/entity/Q142")}
    assert _objects(ent, fr, V.RDFS.label) == {Literal("فرانسه", language="fa"), Literal("France", language="en")}
    # no "id": falls back to kg.ids.entity_id(kind, name, country)
    minister = entity_iri(entity_id("person", "وزیر امور خارجه فرانسه", "FR"))
    assert _objects(ent, minister, V.RDF.type) == {N(V.BAYAN.Person)}
    assert _objects(ent, minister, V.BAYAN.country) == {N(fr)}
    assert _objects(ent, entity_iri("gov-tr-mfa"), V.RDF.type) == {N(V.BAYAN.GovernmentBody)}
    assert _objects(ent, entity_iri("media-reuters"), V.RDF.type) == {N(V.BAYAN.Outlet)}
    assert _objects(ent, entity_iri("place-hormuz"), V.RDF.type) == {N(V.BAYAN.Place)}
    assert _objects(ent, entity_iri("group-parties"), V.RDF.type) == {N(V.BAYAN.Group)}
    # a place without a kind in "locations" is a Place
    a1, s1 = load("test-001")
    kb = entity_iri(entity_id("place", "قره‌باغ", "AZ"))
    assert _objects(article_quads(a1, s1), kb, V.RDF.type) == {N(V.BAYAN.Place)}


def test_unknown_type_is_an_input_error():
    article, statements = load("test-001")
    statements[0]["type"] = "threaten"
    with pytest.raises(InputError, match="threaten"):
        article_quads(article, statements)


def test_article_without_statements_and_with_nulls():
    from kg.article import Article
    a = Article(id="خبر ۱/الف", text="متن کوتاه", title=None, url="not a url", published="1402/01/01")
    quads = article_quads(a, [{"article": a.id, "type": "statement", "trigger": {"text": "متن", "start": 0, "end": 3},
                              "speaker": {"mention": "متن", "start": 0, "end": 3, "name": "کسی", "name_en": None,
                                          "kind": None, "country": None, "qid": "not-a-qid"},
                              "targets": [], "addressees": [], "locations": [], "outlets": [], "content": None,
                              "direct_quote": None, "negated": None, "time": None, "confidence": None}])
    g = article_graph(a.id)
    assert all(q.graph_name.value in (g, ENTITY_GRAPH) for q in quads)
    assert not any(q.predicate == N(V.OWL.sameAs) for q in quads)
    assert not any(q.predicate == N(V.SCHEMA.datePublished) for q in quads)
    assert _objects(quads, article_iri(a.id), V.SCHEMA.url) == {Literal("not a url")}


def test_ontology_quads_are_deterministic_and_in_the_ontology_graph():
    a, b = ontology_quads(), ontology_quads()
    assert a == b
    assert {q.graph_name for q in a} == {N(ONTOLOGY_GRAPH)}
    assert Quad(N(V.BAYAN.Statement), N(V.RDF.type), N(V.OWL.Class), N(ONTOLOGY_GRAPH)) in a


def test_span_text_comes_from_the_article_and_missing_offsets_are_skipped():
    article, statements = load("test-001")
    statements[1]["trigger"]["text"] = "متهم كرد"  # Arabic kaf: the article's text wins
    statements[1]["content"] = {"text": "بدون بازه", "start": None, "end": None}
    quads = article_quads(article, statements)
    span = article_iri("test-001") + "#char=114,122"
    assert _objects(quads, span, V.NIF.anchorOf) == {Literal("متهم کرد")}
    s = statement_iri("test-001", 114, 122, "person-ir-mfa-spokesperson")
    assert _objects(quads, s, V.BAYAN.contentSpan) == set()
    assert _objects(quads, s, V.BAYAN.content) == {Literal("بدون بازه", language="fa")}
