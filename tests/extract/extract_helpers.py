"""Helpers for extraction tests: run the pipeline on sentences the team wrote."""
from __future__ import annotations

from kg.article import Article
from kg.extract import extract_article


def run(text, outlet="خبرگزاری فارس", published="2022-08-08", aid="t"):
    sts = extract_article(Article(id=aid, text=text, outlet=outlet, published=published))
    for st in sts:  # every span valid, always
        assert text[st["trigger"]["start"]:st["trigger"]["end"]] == st["trigger"]["text"]
        for e in [st["speaker"]] + st["targets"] + st["addressees"] + st["locations"]:
            assert text[e["start"]:e["end"]] == e["mention"]
        if st["content"]:
            assert text[st["content"]["start"]:st["content"]["end"]] == st["content"]["text"]
    return sts


def by_trigger(sts, trig):
    out = [s for s in sts if s["trigger"]["text"] == trig]
    assert out, f"no statement with trigger {trig!r}: {[s['trigger']['text'] for s in sts]}"
    return out



def statement(text, trig, index=0, **kw):
    """The statement of trigger ``trig`` (the first, or ``index``) in ``text`` run through
    the pipeline (``kw`` goes to :func:`run`)."""
    return by_trigger(run(text, **kw), trig)[index]


def article(*lines):
    """An article text: a headline line, then ``lines`` one per paragraph."""
    return "\n".join(("عنوان خبر",) + lines)
