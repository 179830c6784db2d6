"""The offline gazetteer: data files and loader."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg import gazetteer as gz
from kg.errors import InputError
from kg.ids import compact

DATA = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "countries.tsv"
FILES = sorted(DATA.glob("*.tsv"))
PSEUDO = {"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB"}
FORMER = {"SU", "YU", "CS", "DD"}  # ISO 3166-3 codes of former states
KIND_OF_FILE = {"states.tsv": "state", "organizations.tsv": "organization",
                "outlets.tsv": "media", "bodies.tsv": "government_body",
                "offices.tsv": "office", "places.tsv": "place", "groups.tsv": "group"}


@pytest.fixture(scope="module")
def entries():
    return gz.load_entries(DATA)


@pytest.fixture(scope="module")
def cldr_codes():
    babel = pytest.importorskip("babel")
    fa = babel.Locale("fa").territories
    return sorted(k for k in fa if len(k) == 2 and k.isalpha() and k not in PSEUDO)


def test_files_present():
    names = {f.name for f in FILES}
    assert "states.tsv" in names
    assert (DATA / "README.md").is_file()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_loads_with_fixed_header(path):
    header = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert header.split("\t") == list(gz.COLUMNS)
    rows = gz.load_entries(path)
    assert rows, f"{path.name} is empty"
    want = KIND_OF_FILE.get(path.name)
    if want:
        assert {e.kind for e in rows} == {want}


def test_ids_unique_and_kinds_valid(entries):
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    assert all(e.kind in gz.KINDS for e in entries)
    assert all(e.source for e in entries), "every row says where its data came from"


def test_countries_are_iso_codes_known_to_the_states_file(entries, cldr_codes):
    states = {e.id for e in entries if e.kind == "state"}
    for e in entries:
        if e.country:
            assert e.country in states, (e.id, e.country)
        if e.kind == "state" and e.id not in FORMER:
            assert e.country == e.id
        if e.id in FORMER:  # former states represent no current country
            assert e.kind == "state" and e.country is None
        if e.kind == "office":
            assert e.country is None, e.id


def test_every_cldr_territory_present(entries, cldr_codes):
    states = {e.id: e for e in entries if e.kind == "state"}
    missing = [c for c in cldr_codes if c not in states]
    assert not missing
    assert "XK" in states and "ZZ" not in states and "EU" not in states
    import babel
    en = babel.Locale("en").territories
    assert all(states[c].name_en == en[c] for c in cldr_codes)


def test_no_two_states_share_a_surface_form(entries):
    seen: dict[str, str] = {}
    for e in entries:
        if e.kind != "state":
            continue
        for role, form in e.surface_forms():
            k = compact(form)
            assert seen.setdefault(k, e.id) == e.id, (form, seen[k], e.id)


def test_news_variants_and_roles():
    us = gz.state("US", DATA)
    keys = {compact(n) for n in us.names()}
    assert {compact("امریکا"), compact("ایالات متحده"), compact("ایالات متحده آمریکا")} <= keys
    assert compact("آمریکایی‌ها") in {compact(d) for d in us.demonyms()}
    assert compact("واشنگتن") in {compact(c) for c in us.capitals()}
    assert compact("واشنگتن") not in keys  # capitals are not plain names
    il = gz.state("IL", DATA)
    assert compact("رژیم صهیونیستی") in {compact(n) for n in il.names()}
    assert compact("روسی") in {compact(d) for d in gz.state("RU", DATA).demonyms()}
    assert compact("مسکو") in {compact(c) for c in gz.state("RU", DATA).capitals()}
    many = [e for e in gz.load_entries(DATA) if e.kind == "state" and len(e.aliases) >= 1]
    assert len(many) >= 80


def test_get_by_country_state():
    assert gz.get("RU", DATA).name_en == "Russia"
    assert gz.state("ru", DATA).id == "RU"
    assert gz.get("no-such-id", DATA) is None
    assert any(e.kind == "state" for e in gz.by_country("IR", DATA))


def test_qids_are_well_formed(entries):
    import re
    assert all(re.fullmatch(r"Q[1-9]\d*", e.qid) for e in entries if e.qid)
    qids = [e.qid for e in entries if e.qid]
    assert len(qids) == len(set(qids)), "one QID names one entity"


def _reference() -> dict[str, str]:
    if not REFERENCE.is_file():
        pytest.skip(f"reference {REFERENCE} not available")
    lines = [ln for ln in REFERENCE.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    return {r["iso2"]: r["qid"] for r in rows if r.get("iso2") and r.get("qid")}


def test_state_qids_agree_with_reference(entries):
    ref = _reference()
    wrong = []
    for e in entries:
        if e.kind != "state" or not e.qid:
            continue
        if e.id in ref and ref[e.id] != e.qid:
            wrong.append((e.id, e.qid, ref[e.id]))
    assert not wrong, f"{len(wrong)} state QIDs disagree with the reference: {wrong}"


def test_palestine_qid_left_for_the_linker():
    # Persian news "فلسطین" may mean the State of Palestine (Q219060) or the Palestinian
    # territories (Q407199; CLDR's PS). The row keeps no QID rather than pick one.
    assert gz.state("PS", DATA).qid is None


# --------------------------------------------------------------------------- loader errors
HEADER = "\t".join(gz.COLUMNS) + "\n"


def _write(tmp_path, body, name="x.tsv"):
    p = tmp_path / name
    p.write_text(HEADER + body, encoding="utf-8")
    return p


def test_malformed_row_names_file_and_line(tmp_path):
    p = _write(tmp_path, "A1\tالف\t\tA\tgroup\t\t\tteam\nB2\tب\tonly-three\n")
    with pytest.raises(InputError) as ei:
        gz.load_entries(p)
    assert ei.value.line == 3 and str(p) in str(ei.value)


@pytest.mark.parametrize("row,word", [
    ("Z1\tالف\t\tA\tplanet\t\t\tteam\n", "kind"),
    ("Z1\tالف\t\tA\tstate\tzzz\t\tteam\n", "country"),
    ("Z1\tالف\t\tA\tstate\t\t123\tteam\n", "qid"),
    ("Z1\t\t\tA\tstate\t\t\tteam\n", "name_fa"),
    ("Z1\tالف\tfoo:بار\tA\tstate\t\t\tteam\n", "role"),
])
def test_bad_cells_rejected(tmp_path, row, word):
    with pytest.raises(InputError, match=word):
        gz.load_entries(_write(tmp_path, row))


def test_bad_header_and_duplicates(tmp_path):
    p = tmp_path / "h.tsv"
    p.write_text("id\tname\n", encoding="utf-8")
    with pytest.raises(InputError, match="header"):
        gz.load_entries(p)
    d = tmp_path / "dup"
    d.mkdir()
    _write(d, "A1\tالف\t\tA\tgroup\t\t\tteam\n", "a.tsv")
    _write(d, "A1\tب\t\tB\tgroup\t\t\tteam\n", "b.tsv")
    with pytest.raises(InputError, match="duplicate"):
        gz.load_entries(d)


def test_env_override(tmp_path, monkeypatch):
    _write(tmp_path, "A1\tالف\t\tA\tgroup\t\t\tteam\n", "g.tsv")
    monkeypatch.setenv("BAYAN_DATA", str(tmp_path))
    gz.clear_cache()
    try:
        assert [e.id for e in gz.load_entries()] == ["A1"]
    finally:
        monkeypatch.delenv("BAYAN_DATA")
        gz.clear_cache()


def test_write_states_roundtrip_is_deterministic(tmp_path):
    states = [e for e in gz.load_entries(DATA / "states.tsv")]
    out = tmp_path / "states.tsv"
    gz.write_states(reversed(states), out)
    assert out.read_text(encoding="utf-8") == (DATA / "states.tsv").read_text(encoding="utf-8")
    assert gz.load_entries(out) == states
    with pytest.raises(ValueError):
        gz.write_states([gz.Entry("x", "x", (), "x", "group", None, None, "team")], out)


def test_entry_roles():
    e = gz.Entry("RU", "روسیه", ("فدراسیون روسیه", "dem:روسی", "cap:مسکو"), "Russia",
                 "state", "RU", None, "team")
    assert e.names() == ("روسیه", "فدراسیون روسیه")
    assert e.demonyms() == ("روسی",) and e.capitals() == ("مسکو",)


# --------------------------------------------------------------------------- matching
def test_find_longest_match_on_word_boundaries():
    g = gz.Gazetteer(gz.load_entries(DATA / "states.tsv"))
    text = "سخنگوی وزارت خارجه ايالات متحده امريكا و مقامات مسکو درباره روسیه‌ای‌ها"
    got = [(m.text, m.entry.id, m.role) for m in g.find(text)]
    assert ("ايالات متحده امريكا", "US", "name") in got
    assert ("مسکو", "RU", "cap") in got
    assert not any(m[1] == "RU" and m[2] == "name" for m in got)  # روسیه‌ای‌ها is not روسیه
    for m in g.find(text):
        assert text[m.start:m.end] == m.text


def test_default_gazetteer():
    g = gz.Gazetteer.default()
    assert g.get("IR").qid == "Q794"
    assert [e.id for e, _ in g.lookup("جمهوری اسلامی ایران")] == ["IR"]


def test_no_surface_form_names_two_entries():
    # A form shared by two rows makes every match ambiguous: fix the data, not the matcher.
    g = gz.Gazetteer(gz.load_entries(DATA))
    shared = {k: [e.id for e, _ in v] for k, v in g.forms.items() if len(v) > 1}
    assert not shared, shared


def test_find_prefers_longer_bodies_over_states():
    g = gz.Gazetteer(gz.load_entries(DATA))
    got = [(m.text, m.entry.id) for m in g.find("وزارت خارجه روسیه و کاخ سفید و نیروهای آمریکایی")]
    assert got == [("وزارت خارجه روسیه", "body-ru-mfa"), ("کاخ سفید", "body-us-white-house"),
                   ("نیروهای آمریکایی", "body-us-army")]


def test_digit_only_and_ambiguous_forms():
    g = gz.Gazetteer(gz.load_entries(DATA))
    assert not [k for k in g.forms if k.isdigit()]
    assert g.find("۱۵ نفر و ۵۱ نفر") == []
    text = "وزیر امور خارجه مالی و مشکلات مالی"
    assert g.find(text, kinds=["state"]) == []
    assert [m.entry.id for m in g.find(text, kinds=["state"], ambiguous=True)] == ["ML", "ML"]
    assert g.lookup("مالی")[0][0].id == "ML"


def test_find_keeps_brackets_and_stops_at_breaks():
    g = gz.Gazetteer(gz.load_entries(DATA))
    got = [(m.text, m.entry.id) for m in g.find("به گزارش خبرگزاری اسلامی (نبا) و ایران (و روسیه)")]
    assert got == [("خبرگزاری اسلامی (نبا)", "media-naba"), ("ایران", "IR"), ("روسیه", "RU")]
    assert [m.entry.id for m in g.find("کره.\nشمالی")] == []


def test_a_broken_gazetteer_stops_extraction_instead_of_silently_shrinking_it(tmp_path):
    # a duplicate id once made extraction fall back to a tiny built-in list without a word
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
    dst = tmp_path / "gazetteer"
    shutil.copytree(src, dst)
    with (dst / "outlets.tsv").open("a", encoding="utf-8") as fh:
        first = (dst / "outlets.tsv").read_text(encoding="utf-8").splitlines()[1]
        fh.write(first + "\n")
    art = tmp_path / "a.txt"
    art.write_text("وزیر خارجه ژاپن گفت که نشست برگزار می‌شود.", encoding="utf-8")
    code = "import sys\nfrom kg.cli import main\nsys.exit(main(['extract', sys.argv[1]]))"
    env = dict(os.environ, BAYAN_DATA=str(tmp_path))
    r = subprocess.run([sys.executable, "-c", code, str(art)], env=env, capture_output=True, text=True)
    assert r.returncode == 1 and r.stdout == ""
    # one line, naming the file and both lines of the duplicate
    assert len(r.stderr.strip().splitlines()) == 1
    n = len((dst / "outlets.tsv").read_text(encoding="utf-8").splitlines())
    assert f"outlets.tsv:{n}: duplicate id" in r.stderr and "outlets.tsv:2)" in r.stderr

