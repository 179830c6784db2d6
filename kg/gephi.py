"""The actor network for Gephi: who speaks about or to whom, and how.

Nodes are actors (speakers, targets, addressees) with ``label`` (Persian), ``label_en``,
``kind``, ``country`` (ISO code), ``qid``, ``iri`` and ``statements`` (how many they
made). Edges go speaker -> target/addressee; ``weight`` is the number of statements,
``types`` and ``roles`` list what they were (``accuse;criticize``, ``target;addressee``),
``n_<type>`` counts each type, ``first_date``/``last_date`` span them.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path

from kg.errors import StoreError
from kg.vocab import BAYAN, ENTITY_GRAPH, STATEMENT_TYPES, WIKIDATA_ENTITY, type_from_iri

_EDGES = """
SELECT ?statement ?speaker ?type ?other ?role ?date WHERE {
  GRAPH ?g {
    ?statement a bayan:Statement ; bayan:speaker ?speaker ; bayan:statementType ?type .
    OPTIONAL { ?statement dcterms:date ?date }
    OPTIONAL {
      { ?statement bayan:about ?other . BIND("target" AS ?role) }
      UNION
      { ?statement bayan:addressee ?other . BIND("addressee" AS ?role) }
    }
  }
}"""

_ENTITIES = """
SELECT ?e ?p ?o WHERE {
  GRAPH ?g { ?e ?p ?o }
  FILTER(?p IN (rdf:type, rdfs:label, bayan:country, bayan:isoCode))
}"""

_SAME_AS = "SELECT ?e ?o WHERE { GRAPH ?any { ?e owl:sameAs ?o } }"

_KINDS = {str(BAYAN[c]): k for c, k in (("State", "state"), ("GovernmentBody", "government_body"),
                                        ("Organization", "organization"), ("Person", "person"),
                                        ("Group", "group"), ("Outlet", "media"), ("Place", "place"),
                                        ("Actor", "actor"))}


def actor_network(store):
    """The actor network as a ``networkx.DiGraph`` (see the module doc)."""
    import networkx as nx
    from pyoxigraph import NamedNode

    said: set[tuple[str, str]] = set()
    edges: dict[tuple[str, str], dict] = defaultdict(lambda: {"statements": set(), "types": Counter(),
                                                              "roles": set(), "dates": set()})
    nodes: set[str] = set()
    for r in store.select(_EDGES):
        sp = r["speaker"].value
        nodes.add(sp)
        said.add((sp, r["statement"].value))
        if "other" in r:
            other = r["other"].value
            nodes.add(other)
            e = edges[(sp, other)]
            if r["statement"].value not in e["statements"]:
                e["types"][type_from_iri(r["type"].value) or r["type"].value] += 1
            e["statements"].add(r["statement"].value)
            e["roles"].add(r["role"].value)
            if "date" in r:
                e["dates"].add(r["date"].value)
    made = Counter(sp for sp, _ in said)

    info: dict[str, dict] = defaultdict(lambda: {"labels": {}, "classes": set(), "country": set(), "iso": set()})
    for r in store.select(_ENTITIES, {"g": NamedNode(ENTITY_GRAPH)}):
        e, p, o = r["e"].value, r["p"].value, r["o"]
        d = info[e]
        if p.endswith("#label"):
            lang = getattr(o, "language", None) or ""
            d["labels"].setdefault(lang, o.value)
            d["labels"][lang] = min(d["labels"][lang], o.value)  # deterministic when several
        elif p.endswith("#type"):
            d["classes"].add(o.value)
        elif p == str(BAYAN.country):
            d["country"].add(o.value)
        elif p == str(BAYAN.isoCode):
            d["iso"].add(o.value)
    qids: dict[str, set[str]] = defaultdict(set)
    for r in store.select(_SAME_AS):
        if isinstance(r.get("o"), NamedNode) and r["o"].value.startswith(WIKIDATA_ENTITY):
            qids[r["e"].value].add(r["o"].value[len(WIKIDATA_ENTITY):])

    g = nx.DiGraph()
    for iri in sorted(nodes):
        d = info.get(iri, {"labels": {}, "classes": set(), "country": set(), "iso": set()})
        labels = d["labels"]
        kind = next((_KINDS[c] for c in sorted(d["classes"], key=lambda c: list(_KINDS).index(c))
                     if c in _KINDS), None) if d["classes"] else None
        iso = sorted(d["iso"]) if kind == "state" else sorted(
            code for c in d["country"] for code in info.get(c, {}).get("iso", set()))
        attrs = {"label": labels.get("fa") or labels.get("en") or labels.get("") or iri.rsplit("/", 1)[-1],
                 "label_en": labels.get("en"), "kind": kind, "country": iso[0] if iso else None,
                 "qid": ";".join(sorted(qids.get(iri, ()))) or None, "iri": iri, "statements": made.get(iri, 0)}
        g.add_node(iri, **{k: v for k, v in attrs.items() if v is not None})
    for (sp, other), e in sorted(edges.items()):
        attrs = {"weight": len(e["statements"]), "types": ";".join(sorted(e["types"])),
                 "roles": ";".join(sorted(e["roles"]))}
        for t in STATEMENT_TYPES:
            attrs[f"n_{t}"] = e["types"].get(t, 0)
        if e["dates"]:
            attrs["first_date"], attrs["last_date"] = min(e["dates"]), max(e["dates"])
        g.add_edge(sp, other, **attrs)
    return g


def export_graph(store, path: str | os.PathLike, fmt: str | None = None) -> str:
    """Write the actor network as GEXF (default) or GraphML; returns a one-line summary."""
    import networkx as nx

    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "gexf").lower()
    if fmt not in ("gexf", "graphml"):
        raise StoreError(f"cannot export {fmt!r}: use gexf or graphml")
    g = actor_network(store)
    tmp = path.with_name(path.name + ".part")
    try:
        if fmt == "gexf":
            nx.write_gexf(g, tmp)
        else:
            nx.write_graphml(g, tmp)
        os.replace(tmp, path)
    except OSError as e:
        raise StoreError(f"cannot write {path}: {e}") from None
    return f"{path} ({g.number_of_nodes()} actors, {g.number_of_edges()} edges, {fmt})"


def export_gexf(store, path: str | os.PathLike) -> str:
    """Write the actor network as GEXF for Gephi."""
    return export_graph(store, path, "gexf")
