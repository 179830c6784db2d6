"""The Bayan ontology as rdflib namespaces, and the IRIs of every node and graph.

``BAYAN`` mirrors ``ontology/bayan.ttl`` term for term (a test keeps them equal);
``NIF`` and ``ITSRDF`` are the subsets of NIF 2.0 and ITS 2.0 that Bayan uses for
evidence spans. The other vocabularies are rdflib's own (``PROV``, ``SKOS``,
``DCTERMS``, ``OWL``, ``RDFS``, ``SCHEMA`` = rdflib's ``SDO``, ``https://schema.org/``).

The IRI helpers follow ``docs/interfaces.md`` and return plain ``str``; they need
neither rdflib terms nor pyoxigraph, so this module stays cheap to import.
"""
from __future__ import annotations

import re
from urllib.parse import quote, unquote

from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace, Namespace
from rdflib.term import URIRef

SCHEMA = SDO

BASE = "https://w3id.org/bayan/"
ONTOLOGY = BASE + "ontology"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"


class BAYAN(DefinedNamespace):
    """Terms of ``https://w3id.org/bayan/ontology#`` (see ontology/bayan.ttl)."""

    _fail = True
    _NS = Namespace(ONTOLOGY + "#")

    # classes
    Statement: URIRef
    Actor: URIRef
    State: URIRef
    GovernmentBody: URIRef
    Organization: URIRef
    Person: URIRef
    Group: URIRef
    Outlet: URIRef
    Place: URIRef
    OutletCitation: URIRef
    # statement properties
    speaker: URIRef
    statementType: URIRef
    about: URIRef
    addressee: URIRef
    location: URIRef
    content: URIRef
    contentSpan: URIRef
    trigger: URIRef
    mention: URIRef
    directQuote: URIRef
    negated: URIRef
    confidence: URIRef
    outletChain: URIRef
    outlet: URIRef
    position: URIRef
    # actors and places
    country: URIRef
    memberOf: URIRef
    isoCode: URIRef
    # provenance of a graph
    extractorVersion: URIRef
    # records of Wikidata links (graph/links, written by kg.wikidata)
    WikidataLink: URIRef
    linkedEntity: URIRef
    linkTarget: URIRef
    linkScore: URIRef
    linkedAt: URIRef
    linkEndpoint: URIRef
    matchedLabel: URIRef
    # statement types
    cameoCode: URIRef
    ploverCategory: URIRef
    ploverMode: URIRef


class NIF(DefinedNamespace):
    """The subset of NIF 2.0 Core used for evidence spans."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    Context: URIRef
    String: URIRef
    OffsetBasedString: URIRef
    Phrase: URIRef
    isString: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    anchorOf: URIRef
    referenceContext: URIRef


class ITSRDF(DefinedNamespace):
    """ITS 2.0 RDF: ``taIdentRef`` links a mention span to the entity it names."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")

    taIdentRef: URIRef


__all__ = [
    "BAYAN", "NIF", "ITSRDF", "PROV", "SKOS", "DCTERMS", "SCHEMA", "SDO", "OWL", "RDF", "RDFS", "XSD",
    "BASE", "ONTOLOGY", "ENTITY_GRAPH", "LINKS_GRAPH", "ONTOLOGY_GRAPH", "TYPE_SCHEME", "STATEMENT_TYPES",
    "ENTITY_CLASSES", "article_iri", "article_graph", "article_id_from_graph", "statement_iri",
    "entity_iri", "state_id", "type_iri", "type_from_iri", "wikidata_iri", "is_qid", "span_iri",
]

ENTITY_GRAPH = BASE + "graph/entities"
LINKS_GRAPH = BASE + "graph/links"
ONTOLOGY_GRAPH = BASE + "graph/ontology"
ARTICLE_GRAPH_PREFIX = BASE + "graph/article/"
TYPE_PREFIX = BASE + "type/"
TYPE_SCHEME = TYPE_PREFIX + "scheme"

#: The eleven statement types of gold/GUIDELINES.md, in the guidelines' order.
STATEMENT_TYPES = ("statement", "concern", "optimism", "request", "praise", "criticize",
                   "accuse", "deny", "reject", "warn", "agree")

#: Entity ``kind`` (spec/statements.md) -> ontology class.
ENTITY_CLASSES = {
    "person": BAYAN.Person,
    "state": BAYAN.State,
    "government_body": BAYAN.GovernmentBody,
    "organization": BAYAN.Organization,
    "group": BAYAN.Group,
    "media": BAYAN.Outlet,
    "place": BAYAN.Place,
}

_QID = re.compile(r"^Q[1-9]\d*$")


def _enc(s: str) -> str:
    """Percent-encode everything but the unreserved characters (also ``/``)."""
    return quote(str(s), safe="")


def article_iri(article_id: str) -> str:
    return f"{BASE}id/article/{_enc(article_id)}"


def article_graph(article_id: str) -> str:
    return ARTICLE_GRAPH_PREFIX + _enc(article_id)


def article_id_from_graph(graph: str) -> str | None:
    """The article id of an article graph IRI, None for any other graph."""
    graph = str(graph)
    if not graph.startswith(ARTICLE_GRAPH_PREFIX):
        return None
    return unquote(graph[len(ARTICLE_GRAPH_PREFIX):])


def entity_iri(entity_id: str) -> str:
    return f"{BASE}id/entity/{_enc(entity_id)}"


def state_id(country: str) -> str:
    """The entity id of the state with ISO 3166-1 alpha-2 code ``country`` (``state-am``)."""
    return f"state-{country.lower()}"


def statement_iri(article_id: str, start: int, end: int, speaker_id: str) -> str:
    return f"{BASE}id/statement/{_enc(article_id)}/{int(start)}-{int(end)}/{_enc(speaker_id)}"


def span_iri(article_id: str, start: int, end: int) -> str:
    """A NIF span of the article's text, RFC 5147 style: ``<article>#char=start,end``."""
    return f"{article_iri(article_id)}#char={int(start)},{int(end)}"


def type_iri(type_: str) -> str:
    if type_ not in STATEMENT_TYPES:
        raise ValueError(f"unknown statement type {type_!r}; expected one of {', '.join(STATEMENT_TYPES)}")
    return TYPE_PREFIX + type_


def type_from_iri(iri: str) -> str | None:
    iri = str(iri)
    if iri.startswith(TYPE_PREFIX) and iri[len(TYPE_PREFIX):] in STATEMENT_TYPES:
        return iri[len(TYPE_PREFIX):]
    return None


def is_qid(value: str | None) -> bool:
    return bool(value) and bool(_QID.match(value))


def wikidata_iri(qid: str) -> str:
    if not is_qid(qid):
        raise ValueError(f"not a Wikidata QID: {qid!r} (expected Q followed by digits, e.g. Q399)")
    return WIKIDATA_ENTITY + qid
