import pytest

from ._graph_data import load
from kg.rdf import article_quads
from kg.validate import validate_store
from kg.vocab import article_graph, entity_iri, statement_iri


@pytest.fixture
def store(graph_store):
    return graph_store


def test_a_good_graph_conforms(store):
    report = validate_store(store)
    assert report.conforms, "\n".join(report.violations)
    assert report.graphs == 3  # the entity graph and two articles
    assert report.violations == []


def _statement(article_id, st, speaker_id):
    return statement_iri(article_id, st["trigger"]["start"], st["trigger"]["end"], speaker_id)


def test_two_speakers_are_reported(store):
    article, statements = load("test-001")
    s = _statement("test-001", statements[1], "person-ir-mfa-spokesperson")
    store.update(f"INSERT DATA {{ GRAPH <{article_graph('test-001')}> {{ <{s}> bayan:speaker <{entity_iri('state-ru')}> }} }}")
    report = validate_store(store)
    assert not report.conforms
    lines = [v for v in report.violations if "bayan:speaker" in v]
    assert len(lines) == 1 and lines[0].startswith("test-001: statement:test-001/114-122/")
    assert "exactly one speaker" in lines[0]
    assert validate_store(store, articles=["test-002"]).conforms


def test_missing_type_is_reported(store):
    article, statements = load("test-002")
    statements[3]["type"] = None
    store.replace_article(article.id, article_quads(article, statements))
    report = validate_store(store)
    assert [v.path for v in report.details] == ["https://w3id.org/bayan/ontology#statementType"]
    assert "exactly one type" in report.violations[0]
    assert report.details[0].graph == "test-002"


def test_begin_not_before_end_is_reported(store):
    article, statements = load("test-001")
    statements[0]["trigger"] = {"text": None, "start": 5, "end": 5}
    statements[2]["trigger"] = {"text": None, "start": 9, "end": 4}
    store.replace_article(article.id, article_quads(article, statements))
    report = validate_store(store)
    assert not report.conforms
    spans = {v.focus for v in report.details if v.path and v.path.endswith("#beginIndex")}
    assert spans == {"https://w3id.org/bayan/id/article/test-001#char=5,5",
                     "https://w3id.org/bayan/id/article/test-001#char=9,4"}


def test_bad_values_are_reported(store):
    article, statements = load("test-001")
    statements[0]["confidence"] = 1.5
    statements[1]["speaker"]["name"] = None
    statements[1]["speaker"]["mention"] = None
    statements[1]["speaker"]["name_en"] = None
    statements[1]["speaker"]["id"] = "person-nameless"
    store.update(f"DROP GRAPH <{article_graph('test-001')}>")
    store.update("CLEAR GRAPH <https://w3id.org/bayan/graph/entities>")
    store.replace_article(article.id, article_quads(article, statements))
    report = validate_store(store, articles=["test-001"])
    text = "\n".join(report.violations)
    assert "confidence" in text
    assert "entities: entity:person-nameless rdfs:label" in text
