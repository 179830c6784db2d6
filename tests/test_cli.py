"""The ``kg`` command end to end: documented, fast to start, real store on disk."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from kg.cli import main, make_parser

from .conftest import ROOT, SAMPLES


def _commands():
    parser = make_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


def test_every_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        assert re.search(rf"`kg {name}\b", readme), f"kg {name} is not in the README's command table"


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help(name, capsys):
    with pytest.raises(SystemExit) as e:
        main([name, "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert len(out) > 200 and "usage: kg " + name in out


def test_cli_start_up_imports_nothing_heavy():
    code = ("import sys, kg.cli\n"
            "try:\n    kg.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('hazm', 'rdflib', 'pyoxigraph', 'nltk', 'numpy') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out


def test_bad_param_is_a_one_line_error(tmp_path, capsys):
    rc = main(["query", "statements-by-speaker", "--param", "speaker", "--store", str(tmp_path / "s")])
    err = capsys.readouterr().err
    assert rc == 1 and err.startswith("kg: error:") and err.count("\n") == 1


def test_extract_skips_bad_files_and_says_so(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("وزیر امور خارجه روسیه گفت که مسکو آماده گفت‌وگو است.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "متن"}\n{oops\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    rc = main(["extract", str(good), str(bad), "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 3
    assert f"{bad}:2: malformed JSON" in err
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert all(s["article"] in {"good", "a"} for s in lines)


def _dump(store, path):
    assert main(["dump", str(path), "--store", str(store)]) == 0
    return sorted(path.read_text(encoding="utf-8").splitlines())


def test_build_query_export_dump_roundtrip(tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["build", str(SAMPLES), "--store", str(store)]) == 0
    out = capsys.readouterr().out
    assert "articles   3" in out and "statements" in out and "top speakers" in out

    first = _dump(store, tmp_path / "a.nq")
    assert main(["build", str(SAMPLES), "--store", str(store)]) == 0  # replace mode: same quads
    assert _dump(store, tmp_path / "b.nq") == first

    other = tmp_path / "other"
    assert main(["build", str(tmp_path / "a.nq"), "--store", str(other)]) == 0
    assert _dump(other, tmp_path / "c.nq") == first

    capsys.readouterr()
    assert main(["query", "statements-by-speaker", "--param", "speaker=روسیه", "--format", "json",
                 "--store", str(store)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, (list, dict))

    gexf = tmp_path / "actors.gexf"
    assert main(["export", "gexf", str(gexf), "--store", str(store)]) == 0
    assert "<gexf" in gexf.read_text(encoding="utf-8")

    assert main(["stats", "--store", str(store)]) == 0
    assert main(["validate", "--store", str(store)]) == 0


def test_build_with_a_bad_file_keeps_what_is_stored(tmp_path, capsys):
    store = tmp_path / "store"
    assert main(["build", str(SAMPLES), "--store", str(store)]) == 0
    before = _dump(store, tmp_path / "a.nq")
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not utf-8")
    assert main(["build", str(bad), "--store", str(store)]) == 3
    assert "not UTF-8" in capsys.readouterr().err
    assert _dump(store, tmp_path / "b.nq") == before
