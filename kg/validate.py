"""SHACL validation of the store against ``ontology/shapes.ttl`` with pySHACL.

The shared entity graph is checked once; then each article graph is checked on its
own together with the descriptions of the entities it uses, with ``ontology/bayan.ttl``
as the ontology (its ``rdfs:subClassOf`` lets a ``bayan:State`` count as a
``bayan:Actor``). Small graphs keep pySHACL fast and each violation names its article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from kg.vocab import ENTITY_GRAPH, article_graph

_SHORT = {
    "https://w3id.org/bayan/ontology#": "bayan:",
    "https://w3id.org/bayan/id/entity/": "entity:",
    "https://w3id.org/bayan/id/statement/": "statement:",
    "https://w3id.org/bayan/id/article/": "article:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://purl.org/dc/terms/": "dcterms:",
    "https://schema.org/": "schema:",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#": "nif:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
}


def _short(term) -> str:
    s = str(term)
    for iri, prefix in _SHORT.items():
        if s.startswith(iri):
            return prefix + s[len(iri):]
    return s


@dataclass(frozen=True)
class Violation:
    graph: str  # the article id, or "entities"
    focus: str
    path: str | None
    message: str
    value: str | None = None
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f"{_short(self.focus)}" + (f" {_short(self.path)}" if self.path else "")
        value = f" (value: {_short(self.value)})" if self.value is not None else ""
        return f"{self.graph}: {where}: {self.message}{value}"


@dataclass
class Report:
    conforms: bool = True
    graphs: int = 0
    details: list[Violation] = field(default_factory=list)

    @property
    def violations(self) -> list[str]:
        """One readable line per violation: graph, focus node, path, message."""
        return [str(v) for v in self.details]

    def __bool__(self) -> bool:
        return self.conforms


def _rdflib_graph(quads: Iterable):
    """pyoxigraph quads -> rdflib Graph (triples), through N-Triples."""
    import rdflib
    from pyoxigraph import RdfFormat, Triple, serialize

    data = serialize([Triple(q.subject, q.predicate, q.object) for q in quads], format=RdfFormat.N_TRIPLES)
    g = rdflib.Graph()
    if data:
        g.parse(data=data.decode("utf-8"), format="nt")
    return g


def _results(results_graph, label: str, skip: set | None = None) -> list[Violation]:
    from rdflib.namespace import SH
    from rdflib import RDF

    out = []
    for r in results_graph.subjects(RDF.type, SH.ValidationResult):
        focus = results_graph.value(r, SH.focusNode)
        if skip and focus in skip:
            continue
        path = results_graph.value(r, SH.resultPath)
        messages = sorted(str(m) for m in results_graph.objects(r, SH.resultMessage))
        value = results_graph.value(r, SH.value)
        severity = results_graph.value(r, SH.resultSeverity)
        out.append(Violation(label, str(focus), str(path) if path is not None else None,
                             "; ".join(messages) or _short(results_graph.value(r, SH.sourceConstraintComponent)),
                             str(value) if value is not None else None,
                             _short(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"))
    return sorted(set(out), key=lambda v: (v.graph, v.focus, v.path or "", v.message))


def validate_store(store, articles: Iterable[str] | None = None) -> Report:
    """Validate the entity graph and every article graph (or only ``articles``)."""
    import rdflib
    from pyshacl import validate

    from kg.rdf import ONTOLOGY_DIR

    shapes = rdflib.Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    ontology = rdflib.Graph().parse(ONTOLOGY_DIR / "bayan.ttl", format="turtle")
    report = Report()

    def check(data, label: str, skip: set | None = None) -> None:
        conforms, results, _ = validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                        abort_on_first=False, allow_warnings=True)
        report.graphs += 1
        if not conforms:
            found = _results(results, label, skip)
            report.details.extend(found)
            report.conforms = report.conforms and not found

    entities = _rdflib_graph(store.quads(ENTITY_GRAPH))
    check(entities, "entities")
    described = set(entities.subjects())
    for aid in (store.article_ids() if articles is None else list(articles)):
        data = _rdflib_graph(store.quads(article_graph(aid)))
        for node in {o for o in data.objects() if o in described} | {s for s in data.subjects() if s in described}:
            for p, o in entities.predicate_objects(node):
                data.add((node, p, o))
        # the entities' own violations were reported with the entity graph
        check(data, aid, skip=described)
    return report
