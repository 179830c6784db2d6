"""Statements (spec/statements.md) to RDF quads under the Bayan ontology.

``article_quads(article, statements)`` gives, for one article:

- in the article's named graph (``kg.vocab.article_graph(id)``): the article
  (``schema:NewsArticle`` and ``nif:Context`` holding the raw text), the graph's
  ``bayan:extractorVersion``, and every statement with its trigger span, content, mention
  spans, outlet chain and provenance;
- in the shared entity graph (``kg.vocab.ENTITY_GRAPH``): each actor, place and outlet
  used (class by kind, labels @fa/@en, ``bayan:country``, ``bayan:isoCode``,
  ``owl:sameAs`` Wikidata).

The output is deterministic: no blank nodes; the nodes a statement needs (its outlet
citations) get skolem IRIs under the statement IRI, and spans are named
``<article>#char=begin,end``. Quads come out sorted and without duplicates.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from pyoxigraph import BlankNode, CanonicalizationAlgorithm, Dataset, Literal, NamedNode, Quad, RdfFormat, parse

from kg import EXTRACTOR_VERSION
from kg.errors import InputError
from kg.ids import compact, entity_id
from kg.vocab import (BAYAN, DCTERMS, ENTITY_CLASSES, ENTITY_GRAPH, ITSRDF, NIF, ONTOLOGY_GRAPH, OWL, PROV, RDF,
                      RDFS, SCHEMA, XSD, article_graph, article_iri, entity_iri, is_qid, span_iri, state_id,
                      statement_iri, type_iri, wikidata_iri)

from kg.paths import resource

ONTOLOGY_DIR = resource("ontology")
ONTOLOGY_FILES = ("bayan.ttl", "statement-types.ttl", "shapes.ttl")

@lru_cache(maxsize=8192)
def _n(iri: str) -> NamedNode:
    return NamedNode(str(iri))


_ISO2 = re.compile(r"^[A-Za-z]{2}$")
_DATES = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$"), XSD.dateTime),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
]
_IRI_OK = re.compile(r'^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"{}|\\^`]*$')


def _date(value: str | None) -> Literal | None:
    if not value:
        return None
    value = str(value).strip()
    for pattern, datatype in _DATES:
        if pattern.match(value):
            return Literal(value, datatype=_n(datatype))
    return None


def _bool(value) -> Literal:
    return Literal("true" if value else "false", datatype=_n(XSD.boolean))


def _int(value: int) -> Literal:
    # xsd:integer, not NIF's xsd:nonNegativeInteger: Oxigraph stores every integer type
    # as xsd:integer, and a graph must read back exactly as it was written
    return Literal(str(int(value)), datatype=_n(XSD.integer))


def _country(value: str | None) -> str | None:
    if value and _ISO2.match(str(value)):
        return str(value).upper()
    return None


def entity_key(entity: dict, default_kind: str | None = None) -> str:
    """The stable id of an ENTITY dict: a state's id comes from its ISO code (``state-am``),
    anything else keeps its ``id`` or falls back to ``kg.ids.entity_id(kind, name, country)``."""
    kind = entity.get("kind") or default_kind
    cc = _country(entity.get("country"))
    if kind == "state" and cc:
        return state_id(cc)
    if entity.get("id"):
        return str(entity["id"])
    return entity_id(kind, entity.get("name") or entity.get("mention"), entity.get("country"))


class _Builder:
    def __init__(self, article):
        self.article = article
        self.graph = _n(article_graph(article.id))
        self.entities = _n(ENTITY_GRAPH)
        self.article_node = _n(article_iri(article.id))
        self.quads: set[Quad] = set()

    def add(self, s, p, o, g=None):
        if o is None:
            return
        self.quads.add(Quad(s, _n(p), o, g if g is not None else self.graph))

    def ent(self, s, p, o):
        self.add(s, p, o, self.entities)

    # -- entities ----------------------------------------------------------------
    def entity(self, entity: dict, default_kind: str) -> NamedNode:
        kind = entity.get("kind") or default_kind
        node = _n(entity_iri(entity_key(entity, default_kind)))
        self.ent(node, RDF.type, _n(ENTITY_CLASSES.get(kind, BAYAN.Actor)))
        name = entity.get("name") or entity.get("mention")
        if name:
            self.ent(node, RDFS.label, Literal(str(name), language="fa"))
        if entity.get("name_en"):
            self.ent(node, RDFS.label, Literal(str(entity["name_en"]), language="en"))
        cc = _country(entity.get("country"))
        if cc:
            if kind == "state":
                self.ent(node, BAYAN.isoCode, Literal(cc))
            else:
                # the state's IRI is known from its code; its class and labels come from
                # wherever the state itself is described (its code is enough to join on)
                state = _n(entity_iri(state_id(cc)))
                self.ent(node, BAYAN.country, state)
                self.ent(state, BAYAN.isoCode, Literal(cc))
        if is_qid(entity.get("qid")):
            self.ent(node, OWL.sameAs, _n(wikidata_iri(entity["qid"])))
        return node

    def outlet(self, outlet: dict) -> NamedNode:
        if isinstance(outlet, str):
            outlet = {"name": outlet}
        return self.entity({"id": outlet.get("id"), "name": outlet.get("name"), "kind": "media",
                            "name_en": outlet.get("name_en"), "qid": outlet.get("qid")}, "media")

    def span(self, start, end, text=None) -> NamedNode | None:
        if start is None or end is None:
            return None
        node = _n(span_iri(self.article.id, start, end))
        self.add(node, RDF.type, _n(NIF.OffsetBasedString))
        self.add(node, NIF.beginIndex, _int(start))
        self.add(node, NIF.endIndex, _int(end))
        self.add(node, NIF.referenceContext, self.article_node)
        if 0 <= int(start) <= int(end) <= len(self.article.text):  # the text itself is the truth
            text = self.article.text[int(start):int(end)]
        if text is not None:
            self.add(node, NIF.anchorOf, Literal(str(text)))
        return node

    # -- article -----------------------------------------------------------------
    def article_meta(self, statements: list[dict]) -> None:
        a, node = self.article, self.article_node
        self.add(self.graph, BAYAN.extractorVersion, Literal(EXTRACTOR_VERSION))
        self.add(self.graph, PROV.wasDerivedFrom, node)
        self.add(node, RDF.type, _n(SCHEMA.NewsArticle))
        self.add(node, RDF.type, _n(NIF.Context))
        self.add(node, DCTERMS.identifier, Literal(a.id))
        self.add(node, SCHEMA.inLanguage, Literal("fa"))
        self.add(node, NIF.isString, Literal(a.text))
        if a.title:
            self.add(node, SCHEMA.headline, Literal(a.title, language="fa"))
        if a.url:
            try:
                url = NamedNode(a.url) if _IRI_OK.match(a.url) else Literal(a.url)
            except ValueError:  # not a valid IRI after all: keep it as text
                url = Literal(a.url)
            self.add(node, SCHEMA.url, url)
        self.add(node, SCHEMA.datePublished, _date(a.published))
        if a.outlet:
            key = compact(a.outlet)
            match = next((o for st in statements for o in (st.get("outlets") or [])
                          if isinstance(o, dict) and compact(o.get("name")) == key), None)
            self.add(node, SCHEMA.publisher, self.outlet(match or {"name": a.outlet}))

    # -- statements --------------------------------------------------------------
    def statement(self, st: dict, seen: dict[str, int]) -> None:
        trig = st.get("trigger") or {}
        speaker = st.get("speaker") or {}
        speaker_key = entity_key(speaker, "actor") if speaker else "unknown"
        start, end = trig.get("start"), trig.get("end")
        iri = statement_iri(self.article.id, start if start is not None else 0, end if end is not None else 0,
                            speaker_key)
        n = seen.get(iri, 0) + 1
        seen[iri] = n
        if n > 1:  # the same trigger and speaker twice (e.g. two types): keep both, apart
            iri = f"{iri}~{n}"
        s = _n(iri)
        self.add(s, RDF.type, _n(BAYAN.Statement))
        self.add(s, PROV.wasDerivedFrom, self.article_node)
        if st.get("id"):
            self.add(s, DCTERMS.identifier, Literal(str(st["id"])))
        if st.get("type"):
            try:
                self.add(s, BAYAN.statementType, _n(type_iri(st["type"])))
            except ValueError as e:
                raise InputError(f"statement {iri}: {e}", path=self.article.source) from None
        if speaker:
            self.add(s, BAYAN.speaker, self.entity(speaker, "actor"))
        self.add(s, BAYAN.trigger, self.span(start, end, trig.get("text")))
        for prop, key, kind in ((BAYAN.about, "targets", "actor"), (BAYAN.addressee, "addressees", "actor"),
                                (BAYAN.location, "locations", "place")):
            for ent in st.get(key) or []:
                self.add(s, prop, self.entity(ent, kind))
        for ent in [speaker, *(st.get("targets") or []), *(st.get("addressees") or []),
                    *(st.get("locations") or [])]:
            if ent and ent.get("start") is not None and ent.get("end") is not None:
                span = self.span(ent["start"], ent["end"], ent.get("mention"))
                self.add(s, BAYAN.mention, span)
                self.add(span, ITSRDF.taIdentRef, _n(entity_iri(entity_key(ent, "actor"))))
        content = st.get("content")
        if isinstance(content, dict):
            if content.get("text"):
                self.add(s, BAYAN.content, Literal(str(content["text"]), language="fa"))
            self.add(s, BAYAN.contentSpan, self.span(content.get("start"), content.get("end"), content.get("text")))
        elif content:
            self.add(s, BAYAN.content, Literal(str(content), language="fa"))
        self.add(s, BAYAN.directQuote, _bool(st.get("direct_quote")))
        self.add(s, BAYAN.negated, _bool(st.get("negated")))
        if st.get("confidence") is not None:
            self.add(s, BAYAN.confidence, Literal(f"{float(st['confidence']):.4f}".rstrip("0").rstrip(".") or "0",
                                                  datatype=_n(XSD.decimal)))
        self.add(s, DCTERMS.date, _date(st.get("time")))
        for pos, outlet in enumerate(st.get("outlets") or []):
            cite = _n(f"{iri}/outlet/{pos}")
            self.add(s, BAYAN.outletChain, cite)
            self.add(cite, RDF.type, _n(BAYAN.OutletCitation))
            self.add(cite, BAYAN.outlet, self.outlet(outlet))
            self.add(cite, BAYAN.position, _int(pos))


def article_quads(article, statements: Iterable[dict]) -> list[Quad]:
    """All quads of one article: its named graph plus its entities in the entity graph."""
    statements = list(statements)
    b = _Builder(article)
    b.article_meta(statements)
    seen: dict[str, int] = {}
    for st in statements:
        b.statement(st, seen)
    return sorted(b.quads, key=str)


def ontology_quads() -> list[Quad]:
    """The three ontology files, in the graph ``https://w3id.org/bayan/graph/ontology``."""
    graph = _n(ONTOLOGY_GRAPH)
    dataset = Dataset()
    for name in ONTOLOGY_FILES:
        for t in parse(path=str(ONTOLOGY_DIR / name), format=RdfFormat.TURTLE):
            dataset.add(Quad(t.subject, t.predicate, t.object, graph))
    # RDFC-1.0 relabels the blank nodes of the shapes' lists deterministically
    dataset.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
    # ...and skolem IRIs keep those labels in a store: a blank node written by SPARQL
    # INSERT DATA gets a fresh id each time, so loading the ontology twice would differ.
    return sorted((Quad(_skolem(q.subject), q.predicate, _skolem(q.object), q.graph_name)
                   for q in dataset), key=str)


_GENID = "https://w3id.org/bayan/.well-known/genid/"


def _skolem(term):
    return NamedNode(_GENID + term.value) if isinstance(term, BlankNode) else term
