"""Time of each statement: a date in its sentence (via ``kg.timex`` when available),
else a relative day word (``امروز``, ``دیروز``, ``روز گذشته``, ``شنبه شب``, ``پنجشنبه گذشته``)
resolved against the article's ``published`` date, else ``published`` itself."""
from __future__ import annotations

import datetime as dt
import re

from kg.pipeline import component

# Persian weekdays, Monday=0 like datetime.weekday()
WEEKDAYS = {"دوشنبه": 0, "سه شنبه": 1, "سهشنبه": 1, "چهارشنبه": 2, "پنجشنبه": 3, "پنج شنبه": 3,
            "جمعه": 4, "شنبه": 5, "یکشنبه": 6, "یک شنبه": 6}
_WD = "|".join(sorted((re.escape(k).replace(r"\ ", "[ \u200c]*") for k in WEEKDAYS), key=len, reverse=True))
_REL = re.compile(
    r"(?<![^\W_])(?:(?P<today>امروز|امشب)|(?P<yday>دیروز|دیشب|روز[ \u200c]+گذشته)|(?P<tmr>فردا)|"
    r"(?:روز[ \u200c]+)?(?P<wd>" + _WD + r")(?:[ \u200c]+(?:شب|صبح|عصر|گذشته|اخیر))?)(?![^\W_])")


def _published(doc):
    try:
        return dt.date.fromisoformat(doc.published[:10]) if doc.published else None
    except ValueError:
        return None


def resolve_relative(word_match, published: dt.date) -> dt.date | None:
    g = word_match.groupdict()
    if g.get("today"):
        return published
    if g.get("yday"):
        return published - dt.timedelta(days=1)
    if g.get("tmr"):
        return None  # a future day is not when a statement was made
    wd = g.get("wd")
    if wd:
        key = re.sub(r"[ \u200c]+", "", wd)
        target = None
        for k, v in WEEKDAYS.items():
            if k.replace(" ", "") == key:
                target = v
        if target is None:
            return None
        delta = (published.weekday() - target) % 7
        return published - dt.timedelta(days=delta)
    return None


def _dates(doc, sentences):
    """Dates (via kg.timex) in the sentences that hold statements; raw offsets."""
    try:
        from kg import timex  # owned by the gazetteer maintainer
    except Exception:
        return None
    out = []
    for si in sorted(sentences):
        ss, se = doc.sentences[si]
        # only dates before a trigger are used: the text after the last one (save a
        # margin that keeps a date's words whole) need not be read
        se = min(se, sentences[si] + 40)
        try:
            found = timex.find_dates(doc.text[ss:se], doc.published)
        except Exception:
            continue
        out.extend((ss + s, ss + e, d) for s, e, d in found)
    return out


@component("time", needs=("statements",), sets=("statements", "dates"))
def time(doc):
    pub = _published(doc)
    last: dict = {}
    for st in doc.statements:
        last[st.sentence] = max(last.get(st.sentence, 0), st.trigger_start)
    dates = _dates(doc, last)
    doc.dates = dates or []
    for st in doc.statements:
        ss, se = doc.sentences[st.sentence]
        iso = None
        for s, e, d in doc.dates:
            if ss <= s < se and s < st.trigger_start and d and len(d) == 10:
                iso = d
        if iso is None and pub is not None and dates is None:
            lo = st.speaker.end if st.speaker is not None and ss <= st.speaker.end <= st.trigger_start else ss
            for m in _REL.finditer(doc.folded, lo, st.trigger_start):
                r = resolve_relative(m, pub)
                if r is not None:
                    iso = r.isoformat()
        if iso is None and pub is not None:
            iso = pub.isoformat()
        st.time = iso
    return doc
