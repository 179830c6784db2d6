"""Statement extraction: Article → statement dicts (``../shared/spec/statements.md``).

Public API::

    extract_article(article) -> list[dict]   # statements in text order
    extract_document(article) -> Document    # the processed document (mentions, ...)
    find_entities(text) -> list[(start, end, kind)]

Components (registered in :mod:`kg.pipeline`): outlets → actors → statements → roles →
nationality → time → confidence. Nothing heavy is imported here (no hazm).
"""
from __future__ import annotations

from kg.model import Document, Mention
from kg.text import fold, sentences

# registering the components
from kg.extract import outlets as _outlets  # noqa: F401,E402
from kg.extract import actors as _actors  # noqa: F401,E402
from kg.extract import statements as _statements  # noqa: F401,E402
from kg.extract import roles as _roles  # noqa: F401,E402
from kg.extract import time as _time  # noqa: F401,E402
from kg.extract import confidence as _confidence  # noqa: F401,E402

__all__ = ["extract_article", "extract_document", "find_entities", "make_document"]

ENTITY_KINDS = {"person", "state", "government_body", "organization", "group", "media", "place"}


def make_document(article) -> Document:
    text = article.text or ""
    doc = Document(id=article.id, text=text, folded=fold(text), published=article.published,
                   outlet=article.outlet)
    doc.sentences = sentences(text) or [(0, len(text))]
    return doc


def extract_document(article, names=None) -> Document:
    from kg import pipeline

    return pipeline.run(make_document(article), names)


def _entity(m: Mention | None) -> dict | None:
    if m is None:
        return None
    d = m.entity.as_dict(m)
    if d["kind"] not in ENTITY_KINDS:
        d["kind"] = "group"
    return d


def _place(m: Mention) -> dict:
    d = m.entity.as_dict(m)
    return d


def statement_id(article_id: str, start: int, end: int, speaker_id: str | None) -> str:
    return f"{article_id}/{start}-{end}/{speaker_id or 'unknown'}"


def to_dict(doc: Document, st) -> dict:
    text = doc.text
    sp = _entity(st.speaker)
    from kg.extract.outlets import outlet_dict

    return {
        "article": doc.id,
        "id": statement_id(doc.id, st.trigger_start, st.trigger_end, sp["id"] if sp else None),
        "type": st.type,
        "trigger": {"text": text[st.trigger_start:st.trigger_end], "start": st.trigger_start,
                    "end": st.trigger_end},
        "speaker": sp,
        "targets": [_entity(m) for m in st.targets],
        "addressees": [_entity(m) for m in st.addressees],
        "locations": [_place(m) for m in st.locations],
        "outlets": [outlet_dict(o) for o in st.outlets],
        "content": ({"text": text[st.content[0]:st.content[1]], "start": st.content[0],
                     "end": st.content[1]} if st.content else None),
        "direct_quote": bool(st.direct_quote),
        "negated": bool(st.negated),
        "time": st.time,
        "confidence": st.confidence,
    }


def extract_article(article) -> list[dict]:
    """Statements of one article as dicts in the shape of spec/statements.md, text order."""
    doc = extract_document(article)
    sts = sorted(doc.statements, key=lambda s: (s.trigger_start, s.speaker.start if s.speaker else 0))
    return [to_dict(doc, st) for st in sts]


def find_entities(text: str) -> list[tuple[int, int, str]]:
    """Actor and place mentions the pipeline recognises, together with the names
    :func:`kg.names.find_names` finds in the whole text: (start, end, kind), no overlaps.

    Persons: find_names wins every overlap (the pipeline also reads offices and titles as
    persons). Other kinds: the longer span wins; on equal spans the pipeline's mention
    (gazetteer identity) is kept; find_names fills what the pipeline did not find."""
    from kg import pipeline
    from kg.article import Article
    from kg.names import find_names

    doc = make_document(Article(id="_", text=text))
    doc = pipeline.run(doc, ("outlets", "actors"))
    # a person mention built from a title («مدیرکل …», «وزیر خارجه …») is a description,
    # not a name: the names inside it (organisation, place) are what is recognised
    ours = [(m.start, m.end, m.entity.kind) for m in doc.mentions if m.entity.kind in ENTITY_KINDS
            and not (m.source == "office" and m.entity.kind == "person")]
    names = find_names(text)
    kept: list[tuple[int, int, str]] = []

    def free(s, e):
        return all(e <= s2 or s >= e2 for s2, e2, _ in kept)

    others = [(s, e, k, 0) for s, e, k in ours] + [(s, e, k, 1) for s, e, k in names if k != "person"]
    for group in ([x + (1,) for x in names if x[2] == "person"], others):
        for s, e, k, _ in sorted(group, key=lambda x: (x[0] - x[1], x[3], x[0])):
            if free(s, e):
                kept.append((s, e, k))
    return sorted(kept)
