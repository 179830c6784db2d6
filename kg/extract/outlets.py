"""Outlets: the publisher and the outlets an article cites (``به گزارش``, ``به نقل از``,
interviews ``در گفت‌وگو با``), with where each attribution starts."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from kg.extract import resources as R
from kg.model import Attribution, Entity
from kg.pipeline import component
from kg.text import tokens

_REPORT = re.compile(
    r"\b(?:به[ \u200c]*گزارش|به[ \u200c]*نقل[ \u200c]*از|به[ \u200c]+نوشته|بنا[ \u200c]*بر[ \u200c]*گزارش|طبق[ \u200c]*گزارش|"
    r"بر[ \u200c]*اساس[ \u200c]*گزارش|براساس[ \u200c]*گزارش)(?![^\W_])")
_REPORT_STARTS = ("به", "بنا", "طبق", "بر")  # every _REPORT match begins with one of these
_MEDIA_NOUNS = (r"(?:خبرگزاری|روزنامه|شبکه|پایگاه|سایت|وبگاه|وب[ \u200c]*سایت|نشریه|رادیو|تلویزیون|"
                r"هفته[ \u200c]*نامه|مجله|تارنمای)")
_INTERVIEW = re.compile(
    r"\b(?:در[ \u200c]+(?:گفت[ \u200c]*و[ \u200c]*گو(?:یی|ی)?|گفتگو(?:یی|ی)?|مصاحبه(?:[ \u200c]*ای)?)(?:[ \u200c]+[^\s،,.:«»]+){0,3}?[ \u200c]+با|"
    r"در[ \u200c]+برنامه(?:[ \u200c]+[^\s،,.:]+){0,3}?(?=[ \u200c]*«)|"
    r"در[ \u200c]+پیامی[ \u200c]+در|در[ \u200c]+صفحه[ \u200c]+(?:شخصی[ \u200c]*(?:اش|خود)?[ \u200c]+)?(?:خود[ \u200c]+)?در|به[ \u200c]+خبرنگار|"
    # «در مصاحبه شبکه العالم با وی», «که با روزنامه آساهی گفت‌وگو می‌کرد»
    r"در[ \u200c]+(?:گفت[ \u200c]*و[ \u200c]*گو|گفتگو|مصاحبه)(?=[ \u200c]+" + _MEDIA_NOUNS + r")|"
    r"با(?=[ \u200c]+" + _MEDIA_NOUNS + r"[^.:«]{1,50}?[ \u200c](?:گفت[ \u200c]*و[ \u200c]*گو|گفتگو|مصاحبه))|"
    # «با انتشار مقاله‌ای در روزنامه روسیسکایا گازتا گفت», «در یادداشتی در نشریه X نوشت»
    r"(?:مقاله|یادداشت|سرمقاله)(?:[ \u200c]*(?:ای|ی))?[ \u200c]+(?:خود[ \u200c]+)?در(?=[ \u200c]+" + _MEDIA_NOUNS + r"))(?![^\W_])")
_PROGRAMME = re.compile(r"[ \u200c]*((?:ویژه[ \u200c]*)?برنامه(?:[ \u200c]+(?!" + _MEDIA_NOUNS + r")[^\s،,.:«»]+){0,6}?[ \u200c]+)"
                        r"(?=" + _MEDIA_NOUNS + r")")
_INTERVIEW_STARTS = ("در", "به", "با", "مقاله", "یادداشت", "سرمقاله")
_TOLD = re.compile(r"\bبه[ \u200c]+([^\s،,.:؛«»]+(?:[ \u200c]+[^\s،,.:؛«»]+){0,3}?)[ \u200c]+"
                   r"(?=(?:گفت|گفته|اظهار[ \u200c]+داشت|اعلام[ \u200c]+کرد|تاکید[ \u200c]+کرد)(?![^\W_]))")
_TWEET = re.compile(r"(?<![^\W_])(?:در[ \u200c]+)?(?:توییتی|توئیتی|تویتی|پیام[ \u200c]+توییتری|پیامی[ \u200c]+توییتری)(?![^\W_])")
# a social platform where the words were posted: «در توییتر نوشت», «در صفحه اینستاگرام خود»,
# «در حساب کاربری خود در توییتر»
_SOCIAL = re.compile(r"(?<![^\W_])در[ \u200c]+(?:(?:صفحه|حساب|کانال)(?:[ \u200c]+(?:کاربری|شخصی|رسمی))?"
                     r"(?:[ \u200c]+(?:خود|اش))?[ \u200c]+(?:در[ \u200c]+)?)?"
                     r"(?P<p>توییتر|توئیتر|تویتر|اینستاگرام|فیسبوک|فیس[ \u200c]*بوک|تلگرام)(?:[ \u200c]*(?:خود|اش))?(?![^\W_])")
_SOCIAL_NAMES = {R.key("تویتر"): "توئیتر", R.key("توییتر"): "توئیتر", R.key("فیسبوک"): "فیس‌بوک"}
# the platform X (formerly Twitter) named as where words were posted: «در ایکس نوشت»,
# «در (صفحه|حساب کاربری) خود در ایکس», «شبکه اجتماعی ایکس» (a bare «ایکس» is too ambiguous)
_X_PLATFORM = re.compile(r"(?<![^\W_])(?:(?:شبکه[ \u200c]+(?:اجتماعی|مجازی)|پلتفرم|پلت[ \u200c]*فرم)[ \u200c]+ایکس"
                         r"|در[ \u200c]+ایکس(?=[ \u200c]*(?:\(|،|,)?[ \u200c]*(?:توییتر|توئیتر|نوشت|اعلام|گفت|تاکید|افزود|منتشر|پست)))"
                         r"(?:[ \u200c]*\((?:توییتر|توئیتر)[ \u200c]+سابق\))?")
# words that end an unknown outlet's name: prepositions, time words, reporting verbs
_NOT_NAME = (r"(?:از|در|به|با|که|و|را|نیز|هم|همچنین|امروز|دیروز|روز|صبح|عصر|شب|اخیرا|تاکید|تأکید|اعلام|گفت|"
             r"نوشت|افزود|خبر|گزارش|تصریح|اظهار|هشدار|مدعی|ادعا|پخش|منتشر|آورده|آمده|مدعی|طی|ضمن|پس|قبل|بعد)")
_MEDIA_WORD = re.compile(
    r"^[ \u200c]*(?:(?:گروه|سرویس)[ \u200c]+[^،,]{1,40}?[ \u200c]+)?"
    r"(خبرگزاری|روزنامه|شبکه(?:[ \u200c]+(?:خبری|تلویزیونی))*|پایگاه(?:[ \u200c]+(?:خبری|اینترنتی))?|سایت|نشریه|رادیو|تلویزیون|هفته[ \u200c]*نامه|مجله|وب[ \u200c]*سایت|وب[ \u200c]*گاه|تارنمای)"
    r"(?:[ \u200c]+(?P<adj>[^\s«»\"،,]{2,14}ی)(?:[ \u200c]*زبان)?(?![^\W_])(?![ \u200c]*[0-9]))?"
    r"[ \u200c]*(?P<name>«[^»]{1,40}»|\"[^\"]{1,40}\"|[^\s،,.:؛«»()]+(?:[ \u200c]+(?!" + _NOT_NAME + r"(?![^\W_]))"
    r"[^\s،,.:؛«»()]+){0,2}(?:[ \u200c]*\([^()]{1,15}\))?)")
_PREFIX = re.compile(r"^(?:خبرگزاری|روزنامه|شبکه(?: خبری)?|پایگاه(?: خبری)?|سایت|نشریه)\s+")

_STOP_OUT = {"از", "به", "در", "با", "که", "و", "گزارش", "نقل"}


def ensure_pieces(doc):
    if doc.pieces is None:
        doc.pieces = tokens(doc.folded)
        doc.pkeys = R.piece_keys(doc.folded, doc.pieces)
        doc.piece_starts = [a for a, b in doc.pieces]
    return doc


def outlet_dict(ent: Entity) -> dict:
    from kg.ids import entity_id

    return {"name": ent.name, "qid": ent.qid, "id": ent.id or entity_id("media", ent.name, None)}


def _outlet_at(doc, pos, limit=60):
    """The outlet named right after ``pos``: a gazetteer media entry, else «quoted» or
    the words after a media noun (خبرگزاری، روزنامه...). Returns (Entity, end) or None."""
    folded = doc.folded
    seg = folded[pos:pos + limit]
    # the phrase ends at its comma: «به گزارش فارس، نیویورک تایمز نوشت» cites no one
    k = min((i for i in (seg.find(c) for c in "،,:؛\n") if i > 0), default=-1)
    if k > 0 and seg[:k].strip(" \u200c"):
        limit, seg = k, seg[:k]
    # gazetteer media within the first few pieces
    ensure_pieces(doc)
    k = bisect_left(doc.piece_starts, pos)
    pieces = [p for p in doc.pieces[k:k + 8] if p[1] <= pos + limit]
    pk = doc.pkeys[k:k + len(pieces)]
    if pieces and pk[0] in _STOP_OUT:
        return None
    m = _MEDIA_WORD.match(seg)
    quoted = m.group("name") if m and m.group("name")[:1] in "«\"" else None
    dem_cc = None
    for i, j, s, e, payloads in R.actor_matcher().find(pieces[:8], pk[:8], folded):
        media = [p for p in payloads if p.kind == "media"]
        if media and i <= 4:
            x = media[0]
            if quoted and e < pos + m.end("name") - 1:
                break  # the gazetteer knows only part of a quoted name
            between = folded[pos + m.start("name"):s] if m else ""
            if m and not quoted and i > 0 and 0 < len(between) <= 12 and pk[i - 1] not in _STOP_OUT \
                    and not any(c in between for c in "«»\"") and pk[i - 1] not in _MEDIA_NOUN_KEYS:
                # «روزنامه تودی زمان»: an unknown word before a known name is part of another name
                return Entity(" ".join(doc.text[pos + m.start("name"):e].split()), "media"), e
            cc = dem_cc or _printed_in(doc, e)
            if cc and x.country and cc != x.country:
                # «روزنامه کویتی "الوطن"», «"الوطن" چاپ کویت»: another paper of the same name
                name = doc.text[s:e].strip("«»\" ")
                return Entity(name, "media", cc), e
            return Entity(x.name, "media", x.country, x.name_en, x.qid, x.id or None), e
        if i <= 2 and not media:
            dems = [p for p in payloads if p.kind == "state" and p.role == "dem"]
            if dems:
                dem_cc = dems[0].country
                continue
        if i == 0 and not media and any(p.kind in ("state", "government_body", "person") for p in payloads):
            return None  # the source is an actor, not an outlet
    if m:
        name = doc.text[pos + m.start("name"):pos + m.end("name")].strip("«»\" ")
        adj = m.group("adj")
        if adj and not quoted and R.key(adj) not in R.word_stats() and R.key(adj) not in _demonym_keys():
            # «روزنامه تودی زمان»: a word that only looks like an adjective is the name's own
            name = " ".join(doc.text[pos + m.start("adj"):pos + m.end("name")].split())
        if m.group(1) in ("خبرگزاری", "رادیو") and not quoted:
            name = m.group(1) + " " + name  # «رادیو آزاد آسیا»: a radio is named with its noun
        site = _SITE_OF.match(seg)
        if site and not quoted:
            # «پایگاه اطلاع‌رسانی ریاست جمهوری»: the site is named by whose it is
            return Entity(" ".join(doc.text[pos + site.start(1):pos + site.end(1)].split()), "media"), pos + site.end()
        return Entity(name, "media"), pos + m.end()
    return None


@lru_cache(maxsize=1)
def _demonym_keys() -> frozenset:
    """Keys of the gazetteer's demonyms («اماراتی», «لبنانی»): adjectives, not names."""
    return frozenset(R.phrase_key(f) for e, f in R.gazetteer_entries() if getattr(e, "role", "") == "dem")


_MEDIA_NOUN_KEYS = frozenset(R.key(w) for w in ("خبرگزاری", "روزنامه", "شبکه", "پایگاه", "سایت", "وبگاه", "نشریه",
                                                "رادیو", "تلویزیون", "هفته‌نامه", "مجله", "تارنمای", "خبری",
                                                "تلویزیونی", "اینترنتی"))


_SITE_OF = re.compile(r"^[ \u200c]*((?:پایگاه|سایت|وب[ \u200c]*سایت|وبگاه|تارنمای)[ \u200c]+اطلاع[ \u200c]*رسانی"
                      r"(?:[ \u200c]+(?!به|از|در|با|که|و)[^\s،,.:؛«»()]+){1,3})")


_PRINTED = re.compile(r"[«»\" \u200c]*چاپ[ \u200c]+")


def _printed_in(doc, end):
    """«روزنامه "X" چاپ کویت»: the country a paper is printed in."""
    m = _PRINTED.match(doc.folded, end)
    if not m:
        return None
    k = bisect_left(doc.piece_starts, m.end())
    for i, j, s, e, payloads in R.actor_matcher().find(doc.pieces[k:k + 3], doc.pkeys[k:k + 3], doc.folded):
        st = [p for p in payloads if p.kind == "state"]
        if i == 0 and st:
            return st[0].country
        break
    return None


@lru_cache(maxsize=1)
def _media_by_key():
    out = {}
    for e, f in R.gazetteer_entries():
        if e.kind == "media":
            out.setdefault(R.phrase_key(f), e)
    return out


@lru_cache(maxsize=256)
def _publisher_entity(outlet):
    e = _media_by_key().get(R.phrase_key(outlet))
    if e is not None:
        return Entity(outlet, "media", e.country, e.name_en, e.qid, e.id or None)
    return Entity(outlet, "media")


def _publisher(doc):
    if not doc.outlet:
        return None
    return _publisher_entity(doc.outlet)


def _same_outlet(a: Entity, b: Entity | None) -> bool:
    if b is None:
        return False
    ka, kb = R.phrase_key(_PREFIX.sub("", a.name)), R.phrase_key(_PREFIX.sub("", b.name))
    return ka == kb or (a.id and a.id == b.id) or ka in R.phrase_key(b.name) and len(ka) >= 3


@component("outlets", sets=("publisher", "attributions"))
def outlets(doc):
    ensure_pieces(doc)
    doc.publisher = _publisher(doc)
    atts = []
    folded = doc.folded
    for m in R.literal_scan(_REPORT, folded, _REPORT_STARTS):
        r = _outlet_at(doc, m.end())
        if r is None:
            # «به گزارش فارس» for a publisher called «خبرگزاری فارس»
            if doc.publisher is not None:
                short = _PREFIX.sub("", doc.publisher.name)
                seg = folded[m.end():m.end() + 40].strip(" \u200c")
                if short and R.phrase_key(seg[:len(short) + 2]).startswith(R.phrase_key(short)):
                    atts.append(Attribution(m.start(), m.end(), [], "report", doc.sentence_of(m.start())))
            continue
        ent, end = r
        # the rest of the phrase up to its comma belongs to it («آژانس افه اسپانیا،»)
        tail = folded[end:end + 40]
        k = tail.find("،")
        if 0 <= k and len(tail[:k].split()) <= 3 and not re.search(r"(?<![^\W_])(?:به|نقل|گزارش)(?![^\W_])", tail[:k]):
            end += k
        if _same_outlet(ent, doc.publisher):
            atts.append(Attribution(m.start(), end, [], "report", doc.sentence_of(m.start())))
        else:
            # chained in one phrase: «به گزارش A به نقل از B» → A's chain plus B
            prev = atts[-1] if atts and atts[-1].kind == "report" and m.start() - atts[-1].end <= 3 else None
            if prev is not None:
                prev.outlets.append(ent)
                prev.end = end
            else:
                atts.append(Attribution(m.start(), end, [ent], "report", doc.sentence_of(m.start())))
    for m in (_TWEET.finditer(folded) if "توی" in folded or "توئ" in folded else ()):  # «در توییتی نوشت»
        e = _media_by_key().get(R.phrase_key("توییتر"))
        if e is not None:
            ent = Entity(e.name, "media", e.country, e.name_en, e.qid, e.id or None)
            atts.append(Attribution(m.start(), m.end(), [ent], "interview", doc.sentence_of(m.start())))
    social = any(w in folded for w in ("توییتر", "توئیتر", "تویتر", "اینستاگرام", "فیسبوک", "فیس", "تلگرام"))
    for m in (R.literal_scan(_SOCIAL, folded, ("در",)) if social else ()):  # «در صفحه توییتر خود نوشت»
        e = _media_by_key().get(R.phrase_key(_SOCIAL_NAMES.get(R.key(m.group("p")), m.group("p"))))
        if e is not None:
            ent = Entity(e.name, "media", e.country, e.name_en, e.qid, e.id or None)
            atts.append(Attribution(m.start(), m.end(), [ent], "interview", doc.sentence_of(m.start())))
    for m in (_X_PLATFORM.finditer(folded) if "ایکس" in folded else ()):  # «در ایکس نوشت»
        ent = Entity("ایکس", "media", "US", "X", None)
        atts.append(Attribution(m.start(), m.end(), [ent], "interview", doc.sentence_of(m.start())))
    for m in R.literal_scan(_INTERVIEW, folded, _INTERVIEW_STARTS):
        r = _outlet_at(doc, m.end())
        if r is None:
            # «در گفت‌وگو با ویژه برنامه هفته صنعت دفاعی شبکه دوم سیما»: the programme's channel
            p = _PROGRAMME.match(folded, m.end())
            r = _outlet_at(doc, m.end() + p.end(1) - p.start(1)) if p else None
            if r is None:
                continue
        ent, end = r
        atts.append(Attribution(m.start(), end, [ent], "interview", doc.sentence_of(m.start())))
    for m in R.literal_scan(_TOLD, folded, ("به",)):  # «به رویترز گفت»: an interview too
        r = _outlet_at(doc, m.start(1))
        if r is None or r[1] < m.end(1) - 1:
            continue
        ent, end = r
        if ent.id is None and not re.match(r"[ \u200c]*(?:خبرگزاری|روزنامه|شبکه|رادیو|تلویزیون|نشریه|مجله|پایگاه|سایت)",
                                           folded[m.start(1):m.start(1) + 12]):
            continue  # only an outlet the gazetteer knows or one named as a medium
        atts.append(Attribution(m.start(), end, [ent], "interview", doc.sentence_of(m.start())))
    atts.sort(key=lambda a: a.start)
    doc.attributions = atts
    return doc
