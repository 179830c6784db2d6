"""The team's sample articles: hand-written expectations and golden extraction output.

Golden files (tests/data/samples/<id>.jsonl) pin the whole output; after an intended
change, regenerate them with ``BAYAN_REGEN=1 python -m pytest tests/test_samples.py`` and
read the diff before committing.
"""
from __future__ import annotations

import difflib
import json
import os

import pytest

from kg.article import read_articles
from kg.ids import compact

from .conftest import DATA, SAMPLES

GOLDEN = DATA / "samples"
ARTICLES = {a.id: a for a in read_articles([SAMPLES])}


def _extract(aid):
    from kg.extract import extract_article
    return extract_article(ARTICLES[aid])


def _expected():
    rows = []
    for line in (GOLDEN / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t") + [""] * 5
            rows.append(tuple(cols[:5]))
    return rows


def _same_actor(entity: dict, name: str) -> bool:
    if not entity:
        return False
    key = compact(name)
    keys = {compact(entity.get("name")), compact(entity.get("mention"))}
    if key in keys or any(k.startswith(key) for k in keys if k):  # شورای امنیت [سازمان ملل]
        return True
    surname = compact(name.split()[-1])
    return len(surname) >= 3 and compact((entity.get("name") or "").split()[-1:] and
                                          (entity.get("name") or "").split()[-1]) == surname


def test_samples_are_written_by_the_team_and_readable():
    assert len(ARTICLES) >= 3
    for a in ARTICLES.values():
        assert a.outlet and a.published and "به گزارش" in a.text


@pytest.mark.parametrize("row", _expected(), ids=lambda r: f"{r[0]}:{r[1]}:{r[3]}")
def test_expected_statement_is_found(row):
    aid, trigger, speaker, typ, about = row
    stmts = _extract(aid)
    if typ == "none":
        text = ARTICLES[aid].text
        pos = text.index(trigger)
        line_start, line_end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
        inside = [s for s in stmts if line_start <= s["trigger"]["start"] < (line_end if line_end > 0 else len(text))]
        assert inside == [], f"a non-statement sentence produced {[s['trigger']['text'] for s in inside]}"
        return
    found = [s for s in stmts if s["trigger"]["text"] == trigger and _same_actor(s["speaker"], speaker)]
    assert found, (f"no statement {trigger!r} by {speaker!r}; got "
                   f"{[(s['trigger']['text'], s['speaker']['name']) for s in stmts]}")
    assert any(s["type"] == typ for s in found), f"type: {[s['type'] for s in found]} != {typ}"
    for actor in filter(None, about.split("|")):
        assert any(any(_same_actor(e, actor) for e in s["targets"] + s["addressees"]) for s in found), \
            f"{actor!r} not among targets/addressees of {trigger!r}"


@pytest.mark.parametrize("aid", sorted(ARTICLES))
def test_golden_output(aid):
    got = [json.dumps(s, ensure_ascii=False, sort_keys=True) for s in _extract(aid)]
    path = GOLDEN / f"{aid}.jsonl"
    if os.environ.get("BAYAN_REGEN"):
        path.write_text("".join(x + "\n" for x in got), encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} missing: run BAYAN_REGEN=1 python -m pytest tests/test_samples.py")
    want = path.read_text(encoding="utf-8").splitlines()
    if got != want:
        pretty = lambda lines: [json.dumps(json.loads(x), ensure_ascii=False, indent=1, sort_keys=True)
                                for x in lines]
        diff = difflib.unified_diff("\n".join(pretty(want)).splitlines(), "\n".join(pretty(got)).splitlines(),
                                    "expected", "extracted", lineterm="", n=2)
        pytest.fail("extraction differs from the golden file (BAYAN_REGEN=1 to accept):\n" + "\n".join(diff))


def test_every_span_points_into_the_raw_text():
    for aid, art in ARTICLES.items():
        for s in _extract(aid):
            ents = [s["speaker"], *s["targets"], *s["addressees"], *s["locations"]]
            for span in [s["trigger"], s["content"]]:
                if span:
                    assert art.text[span["start"]:span["end"]] == span["text"]
            for e in ents:
                if e and e.get("start") is not None:
                    assert art.text[e["start"]:e["end"]] == e["mention"]
