"""`kg link`, `kg gazetteer update` and the federated query through the CLI, against a real
Oxigraph server on 127.0.0.1 holding the team's Wikidata-shaped fixture."""
from __future__ import annotations

import json

from kg.cli import main

from .conftest import SAMPLES


def test_link_then_federated_query(wdqs, tmp_path, capsys):
    store = str(tmp_path / "store")
    assert main(["build", str(SAMPLES), "--store", store]) == 0
    cache = str(tmp_path / "cache")
    assert main(["link", "--endpoint", wdqs.query_url, "--cache", cache, "--rate-limit", "0",
                 "--store", store]) == 0
    capsys.readouterr()
    assert main(["query", "speaker-positions", "--endpoint", wdqs.query_url, "--format", "json",
                 "--store", store]) == 0
    rows = json.loads(capsys.readouterr().out)
    lavrov = [r for r in rows if r.get("speakerLabel") == "سرگئی لاوروف"]
    assert lavrov, rows
    assert lavrov[0]["wikidata"].endswith("/Q999999101")  # the fixture's one with a position
    assert any(r.get("labelFa", "").startswith("وزیر امور خارجه روسیه") for r in lavrov)


def test_link_without_network_is_one_line_and_keeps_the_store(tmp_path, capsys):
    store = str(tmp_path / "store")
    assert main(["build", str(SAMPLES), "--store", store]) == 0
    assert main(["dump", str(tmp_path / "a.nq"), "--store", store]) == 0
    capsys.readouterr()
    rc = main(["link", "--endpoint", "http://127.0.0.1:9/sparql", "--cache", str(tmp_path / "c"),
               "--rate-limit", "0", "--store", store])
    err = capsys.readouterr().err
    assert rc == 1 and err.startswith("kg: error:") and err.count("\n") == 1
    assert main(["dump", str(tmp_path / "b.nq"), "--store", store]) == 0
    assert (tmp_path / "a.nq").read_text(encoding="utf-8") == (tmp_path / "b.nq").read_text(encoding="utf-8")


def test_gazetteer_update_writes_where_asked(wdqs, tmp_path):
    import shutil

    from kg.gazetteer import default_folder as gazetteer_dir
    out = tmp_path / "states.tsv"
    shutil.copy(gazetteer_dir() / "states.tsv", out)
    real = (gazetteer_dir() / "states.tsv").read_bytes()
    assert main(["gazetteer", "update", "--endpoint", wdqs.query_url, "--cache", str(tmp_path / "c"),
                 "--rate-limit", "0", "--path", str(out)]) == 0
    assert (gazetteer_dir() / "states.tsv").read_bytes() == real
    rows = {line.split("\t")[0]: line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()}
    assert rows["RU"][6] == "Q159" and "wikidata" in rows["RU"][7]
