import networkx as nx
import pytest

from kg.gephi import actor_network, export_gexf, export_graph
from kg.errors import StoreError
from kg.vocab import entity_iri


@pytest.fixture
def store(graph_store):
    return graph_store


def test_actor_network(store):
    g = actor_network(store)
    spox, il = entity_iri("person-ir-mfa-spokesperson"), entity_iri("state-il")
    assert g.nodes[spox]["label"] == "سخنگوی وزارت امور خارجه ایران"
    assert g.nodes[spox]["label_en"] == "Spokesperson of the Iranian Foreign Ministry"
    assert g.nodes[spox]["kind"] == "person" and g.nodes[spox]["country"] == "IR"
    assert g.nodes[spox]["statements"] == 3
    assert g.nodes[il]["kind"] == "state" and g.nodes[il]["qid"] == "Q801" and g.nodes[il]["country"] == "IL"
    e = g.edges[spox, il]
    assert e["weight"] == 1 and e["types"] == "accuse" and e["n_accuse"] == 1 and e["roles"] == "target"
    # target and addressee at once: one statement, one weight
    iran = entity_iri("state-ir")
    assert g.edges[iran, il]["weight"] == 1 and g.edges[iran, il]["roles"] == "addressee;target"
    # coordinated speakers without targets are nodes without edges
    assert entity_iri("state-ru") in g and g.out_degree(entity_iri("state-ru")) == 0


def test_export_gexf_reads_back(store, tmp_path):
    path = tmp_path / "actors.gexf"
    info = export_gexf(store, path)
    assert "actors" in info
    g = nx.read_gexf(path)
    spox = entity_iri("person-ir-mfa-spokesperson")
    assert g.nodes[spox]["label"] == "سخنگوی وزارت امور خارجه ایران"
    assert g.nodes[spox]["kind"] == "person"
    assert g.edges[spox, entity_iri("state-il")]["weight"] == 1
    assert g.number_of_edges() == actor_network(store).number_of_edges()


def test_export_graphml_and_bad_format(store, tmp_path):
    export_graph(store, tmp_path / "actors.graphml", "graphml")
    assert nx.read_graphml(tmp_path / "actors.graphml").number_of_nodes() > 5
    with pytest.raises(StoreError):
        export_graph(store, tmp_path / "a.svg", "svg")


def test_export_is_deterministic(store, tmp_path):
    export_gexf(store, tmp_path / "a.gexf")
    export_gexf(store, tmp_path / "b.gexf")
    strip = lambda p: [line for line in p.read_text(encoding="utf-8").splitlines() if "lastmodifieddate" not in line]
    assert strip(tmp_path / "a.gexf") == strip(tmp_path / "b.gexf")
