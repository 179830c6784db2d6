"""Confidence in [0, 1]: how sure the extractor is that this is a statement by this
speaker. Explicit subjects next to unambiguous reporting verbs score highest; pronoun,
shared or continued speakers, bare nouns, statives and long distances score lower."""
from __future__ import annotations

from kg.pipeline import component

FORM = {"verb": 0.9, "light": 0.88, "colon": 0.85, "adverbial": 0.75, "source": 0.75, "amade": 0.6,
        "stative": 0.65, "noun": 0.6}
HOW = {"explicit": 1.0, "colon": 1.0, "source": 0.95, "agent": 0.85, "pronoun": 0.9, "shared": 0.92,
       "amade": 0.85, "continued": 0.65, "headline": 0.6, "relative": 0.9}
AMBIGUOUS_HEADS = {"دانست", "نامید", "خواند", "یاد", "معرفی", "مطرح", "پاسخ", "حمایت", "رد", "خبر",
                   "گزارش", "اشاره", "ابراز", "آماده", "موافق", "مخالف"}


def score(st) -> float:
    c = FORM.get(st.form, 0.6) * HOW.get(st.features.get("how"), 0.7)
    if st.features.get("head") in AMBIGUOUS_HEADS:
        c *= 0.85
    if st.speaker is not None:
        dist = st.trigger_start - st.speaker.end
        if dist > 150:
            c *= 0.9
        if st.speaker.entity.kind == "pronoun":
            c *= 0.5
    if st.features.get("coordinated"):
        c *= 0.95
    return round(max(0.01, min(1.0, c)), 3)


@component("confidence", needs=("statements",), sets=("statements",))
def confidence(doc):
    for st in doc.statements:
        st.confidence = score(st)
    return doc
