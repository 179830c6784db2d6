import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg import vocab
from kg.vocab import BAYAN, STATEMENT_TYPES

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
BT = rdflib.Namespace("https://w3id.org/bayan/type/")


def _graph(name):
    return rdflib.Graph().parse(ONTOLOGY / name, format="turtle")


@pytest.mark.parametrize("name", ["bayan.ttl", "statement-types.ttl", "shapes.ttl"])
def test_each_ontology_file_loads_on_its_own(name):
    assert len(_graph(name)) > 50


def test_vocab_and_bayan_ttl_declare_the_same_terms():
    g = _graph("bayan.ttl")
    ns = str(BAYAN._NS)
    declared = {str(s)[len(ns):] for s, o in g.subject_objects(RDF.type)
                if str(s).startswith(ns) and o in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)}
    in_vocab = set(BAYAN.__annotations__)
    assert declared == in_vocab


def test_every_term_has_labels_and_comments_in_fa_and_en():
    g = _graph("bayan.ttl")
    for name in BAYAN.__annotations__:
        term = rdflib.URIRef(BAYAN[name])
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in g.objects(term, prop)}
            assert {"fa", "en"} <= langs, (name, prop)


def test_core_axioms_of_the_design():
    g = _graph("bayan.ttl")
    prov_entity = rdflib.URIRef("http://www.w3.org/ns/prov#Entity")
    schema = rdflib.Namespace("https://schema.org/")
    assert (BAYAN.Statement, RDFS.subClassOf, prov_entity) in g
    assert (BAYAN.State, RDFS.subClassOf, BAYAN.Actor) in g
    assert (BAYAN.State, RDFS.subClassOf, BAYAN.Place) in g
    assert (BAYAN.Outlet, RDFS.subClassOf, schema.NewsMediaOrganization) in g
    assert (BAYAN.Place, RDFS.subClassOf, schema.Place) in g
    for kind in ("GovernmentBody", "Organization", "Person", "Group", "Outlet"):
        assert (BAYAN[kind], RDFS.subClassOf, BAYAN.Actor) in g


def test_unknown_term_fails():
    with pytest.raises(AttributeError):
        BAYAN.speakr  # noqa: B018


CAMEO = {"statement": {"010"}, "concern": {"012"}, "optimism": {"013"}, "request": {"02", "10"},
         "praise": {"051"}, "criticize": {"111"}, "accuse": {"112"}, "deny": {"016"}, "reject": {"12"},
         "warn": {"13"}, "agree": {"03", "057"}}
PLOVER = {"request": "REQUEST", "praise": "SUPPORT", "criticize": "ACCUSE", "accuse": "ACCUSE",
          "reject": "REJECT", "warn": "THREATEN", "agree": "AGREE"}


def test_statement_types_scheme():
    g = _graph("statement-types.ttl")
    scheme = rdflib.URIRef(vocab.TYPE_SCHEME)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in g
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    assert concepts == {rdflib.URIRef(vocab.type_iri(t)) for t in STATEMENT_TYPES}
    for t in STATEMENT_TYPES:
        c = BT[t]
        assert (c, SKOS.inScheme, scheme) in g
        assert {o.language for o in g.objects(c, SKOS.prefLabel)} == {"fa", "en"}
        assert {o.language for o in g.objects(c, SKOS.definition)} == {"fa", "en"}
        assert {str(o) for o in g.objects(c, BAYAN.cameoCode)} == CAMEO[t]
        plover = {str(o) for o in g.objects(c, BAYAN.ploverCategory)}
        assert plover == ({PLOVER[t]} if t in PLOVER else set())


def test_iri_helpers_follow_the_interfaces():
    assert vocab.article_iri("fars-1") == "https://w3id.org/bayan/id/article/fars-1"
    assert vocab.article_graph("a/b c") == "https://w3id.org/bayan/graph/article/a%2Fb%20c"
    assert vocab.article_id_from_graph(vocab.article_graph("خبر/۱")) == "خبر/۱"
    assert vocab.article_id_from_graph(vocab.ENTITY_GRAPH) is None
    assert (vocab.statement_iri("fars-1", 812, 821, "gov-am-1")
            == "https://w3id.org/bayan/id/statement/fars-1/812-821/gov-am-1")
    assert vocab.entity_iri("state-am") == "https://w3id.org/bayan/id/entity/state-am"
    assert vocab.type_iri("accuse") == "https://w3id.org/bayan/type/accuse"
    assert vocab.ENTITY_GRAPH == "https://w3id.org/bayan/graph/entities"
    assert vocab.LINKS_GRAPH == "https://w3id.org/bayan/graph/links"
    assert vocab.wikidata_iri("Q399") == "http://www.wikidata.org/entity/Q399"
    with pytest.raises(ValueError):
        vocab.type_iri("threaten")
    with pytest.raises(ValueError):
        vocab.wikidata_iri("Q399> } #")


def test_vocab_does_not_import_pyoxigraph():
    code = "import sys, kg.vocab; sys.exit(1 if 'pyoxigraph' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ONTOLOGY.parent).returncode == 0
