"""Roles of a statement: content span, direct quote, targets, addressees, locations, and
the outlet chain (publisher, the report attribution in scope, interview outlets)."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from kg.extract import resources as R
from kg.pipeline import component

# verbs whose content follows them («گفت: ...», «اعلام کرد که ...»)
_AFTER = re.compile(r"^[ \u200c]*(?:[:؛،,]|که(?![^\W_])|[«\"])")
_LEAD_PREP = re.compile(r"^[ \u200c]*(?:(?:نیز|هم|همچنین|بار دیگر|امروز|روز [^\s]+|در این [^\s]+|در [^\s]+ای)[ \u200c]+)*"
                        r"(?:(?:بر|از|به|درباره|دربارهٔ|نسبت به|در مورد|در خصوص|در قبال|درخصوص)[ \u200c]+)")
_STRIP = " \u200c.،,:؛«»\"'()"
REQUEST_TYPES = {"request", "warn"}


def _clean(text, s, e):
    while s < e and text[s] in _STRIP:
        s += 1
    while e > s and text[e - 1] in _STRIP:
        e -= 1
    return s, e


@component("roles", needs=("statements",), sets=("statements",))
def roles(doc):
    text, folded = doc.text, doc.folded
    speakers = _speaker_entities(doc)
    by_start = _by_start(doc)
    for st in doc.statements:
        ss, se = doc.sentences[st.sentence]
        sp = st.speaker
        after = folded[st.trigger_end:se]
        cs = ce = None
        comma_after = re.match(r"[ \u200c]*[،,]", after) is not None
        if comma_after and st.form in ("verb", "light") and " را " in \
                folded[_subject_end(doc, st) or ss:st.trigger_start].replace("\u200c", " ") + " ":
            pass  # «کربی ایران را عاملی ثبات‌زدا توصیف کرده، اما …»: the words are before the verb
        elif st.form == "colon" or _AFTER.match(after) or st.form == "amade" or _clause_after(doc, st, ss, after):
            m = _AFTER.match(after)
            cs = st.trigger_end + (m.end() if m and m.group(0).strip() in (":", "؛", "،", ",", "که") else 0)
            ce = se
            # stop at a second speech act of the same speaker in this sentence
            for o in doc.statements:
                if o is not st and o.sentence == st.sentence and o.trigger_start > cs and o.speaker is not None \
                        and sp is not None and o.speaker.entity is sp.entity and o.form not in ("noun",):
                    ce = min(ce, o.trigger_start)
                # or at another speaker's clause after it («آمریکا آن را … دانسته، آلمان … محکوم کرده‌اند»),
                # when that speaker stands after a clause break (a comma, «ولی», «اما»)
                elif o is not st and o.sentence == st.sentence and o.speaker is not None and sp is not None \
                        and o.speaker.entity is not sp.entity and cs <= o.speaker.start < ce \
                        and o.speaker.start < o.trigger_start and o.speaker.source not in ("pronoun", "continued") \
                        and re.search(r"(?:[،؛,]|(?<![^\W_])(?:ولی|اما))[ \u200c]*$", folded[st.trigger_end:o.speaker.start]):
                    ce = min(ce, o.speaker.start)
            cs, ce = _clean(text, cs, ce)
            st.direct_quote = st.form == "colon" or bool(re.match(r"^[ \u200c]*[:«\"]", after)) and not after.lstrip().startswith("که")
        if cs is None or ce <= cs and st.form not in ("colon", "amade"):
            subj_end = st.features.get("subject", (0, sp.end if sp is not None else ss))[1]
            lo = subj_end if sp is not None and ss <= subj_end <= st.trigger_start else ss
            lo = _after_earlier_acts(doc, st, lo)
            if st.form == "split" and st.features.get("verb_end"):
                lo, hi = st.trigger_end, st.features["verb_end"]
                cs, ce = lo, hi
            elif st.form in ("noun", "adverbial"):
                lo, hi = st.trigger_end, se
                mm = re.match(r"[ \u200c]*(?:اینکه|این[ \u200c]+که|آنکه|این[ \u200c]+مطلب|بر|از|به)(?![^\W_])", folded[lo:hi])
                if mm:
                    lo += mm.end()
                from kg.extract.statements import _list_comma

                for m in re.finditer(r"[،,:؛]|(?<![^\W_])(?:گفت|افزود|اعلام|تاکید|خواستار)", folded[lo:hi]):
                    if m.group(0) in "،," and (_list_comma(doc, lo + m.start()) or _list_ahead(doc, lo + m.start())):
                        continue  # «با بیان اینکه دولت، بنیاد شهید و ستاد کل …»: a list goes on
                    hi = lo + m.start()
                    break
                if st.form == "noun" and st.sentence > 0:
                    # «از واکنش X … ابراز شگفتی کرد»: the noun phrase ends at the sentence's
                    # next act
                    for o in doc.statements:
                        if o is not st and o.sentence == st.sentence and lo < o.trigger_start < hi:
                            hi = o.trigger_start
                cs, ce = lo, hi
            else:
                seg = folded[lo:st.trigger_start]
                m = _LEAD_PREP.match(seg)
                cs, ce = lo + (m.end() if m else 0), st.trigger_start
                if st.type in REQUEST_TYPES and st.form in ("verb", "light"):
                    # «از X خواست «سریعا» درباره … تصمیم بگیرد»: the request's clause follows
                    # the verb even without «که»; before it stands only the addressee
                    lead = m.group(0).replace("\u200c", " ").split() if m else []
                    tail = _request_tail(doc, st, se)
                    if tail and (cs >= ce or lead and lead[-1] in ("از", "به") or _addressee_last(doc, cs, ce)):
                        cs, ce = tail
            # drop trailing «را» and the light verb's own object marker
            cs, ce = _clean(text, cs, ce)
            if folded[cs:ce].endswith(" را"):
                ce -= 3
            cs, ce = _clean(text, cs, ce)
            st.direct_quote = False
        if ce is not None and ce > cs:
            st.content = (cs, ce)
        _participants(doc, st, speakers, by_start)
        st.outlets = _outlets(doc, st)
    return doc


# «X را …»: an object marker after a mention, not «X را که …» (a relative clause's head)
_RA_OBJECT = re.compile(r"[ \u200c]*را(?![^\W_])(?![ \u200c]*که(?![^\W_]))")


def _same_clause(doc, a, b):
    """Nothing between `a` and `b` closes a clause: no comma or colon, no quote ending, no
    other act."""
    gap = doc.folded[a:b]
    if any(ch in gap for ch in "،,:؛") or gap.count("»") != gap.count("«"):
        return False  # a clause closes, or a quote that began before `a` ends
    return not any(a <= s.trigger_start < b for s in doc.statements)


def _addressee_last(doc, cs, ce):
    """«… از مصر خواسته بود این نشست را …»: the words before the verb end with «از X»."""
    f = doc.folded
    end = len(f[:ce].rstrip(" \u200c"))
    for m in doc.mentions:
        if m.end == end and cs <= m.start:
            return bool(re.search(r"(?<![^\W_])از[ \u200c]+$", f[max(cs, m.start - 4):m.start]))
    return False


def _list_ahead(doc, k):
    """Does the comma at k continue a list: an actor right after it, then «و» or another
    comma («دولت، بنیاد شهید و ستاد کل …»)?"""
    for m in _ending_before(doc, k + 40, 40):
        if 0 <= m.start - k <= 2 and m.entity.kind not in ("pronoun", "place"):
            return re.match(r"[ \u200c]*(?:،|,|و(?![^\W_]))", doc.folded[m.end:m.end + 4]) is not None
    return False


def _after_earlier_acts(doc, st, lo, shared=False):
    """``lo`` moved past the triggers of the sentence's earlier acts that end before st's.
    ``shared``: an act joined to st by a bare «و» («… هشدار داد و گفت») shares what went
    before it, so ``lo`` stays."""
    for o in doc.statements:
        if o is not st and o.sentence == st.sentence and lo <= o.trigger_end <= st.trigger_start \
                and not (o.form == "noun" and st.form in ("verb", "light")
                         and re.match(r"[^،,:؛]*(?<![^\W_])را(?![^\W_])", doc.folded[o.trigger_end:st.trigger_start])) \
                and not (shared and o.speaker is not None and st.speaker is not None and o.speaker.entity is st.speaker.entity
                         and doc.folded[o.trigger_end:st.trigger_start].strip(" \u200c") == "و"):
            lo = o.trigger_end  # (a noun act inside the verb's object, «ادعاهای ترکیه را رد کرد», stays in it)
    return lo


# reporting verbs that take their reported clause right after them, with or without «که»
# («اعلام کرد چنانچه …», «گفت توکیو …»)
CLAUSE_HEADS = {"گفت", "افزود", "نوشت", "اعلام", "تاکید", "تأکید", "تصریح", "اظهار", "خاطرنشان", "خاطر نشان",
                "یادآور", "یادآوری", "عنوان", "بیان", "اضافه", "ادامه", "متذکر", "خبر", "ادعا", "مدعی",
                "پیش بینی", "اذعان", "اعتراف", "هشدار", "گوشزد", "اظهار امیدواری", "ابراز امیدواری",
                "ابراز نگرانی", "اظهار نگرانی"}


def _clause_after(doc, st, ss, after):
    """A reporting verb with nothing marked by «را» before it and a clause after it: the
    content is the clause after it («… نیز اعلام کرد به شرط آنکه …»)."""
    if st.form not in ("verb", "light") or st.features.get("head") not in CLAUSE_HEADS:
        return False
    words = after.replace("\u200c", " ").split()
    if len(words) < 3 or words[0] in ("و", "."):
        return False
    subj = st.features.get("subject")
    lo = subj[1] if subj and ss <= subj[1] <= st.trigger_start else ss
    lo = _after_earlier_acts(doc, st, lo)  # «… آغاز کرده و ادعا می‌کنند …»
    k = doc.folded.rfind(" و ", lo, st.trigger_start)
    if k >= 0:
        lo = k + 2
    return " را " not in doc.folded[lo:st.trigger_start].replace("\u200c", " ") + " "


LOCATIVE_HEADS = {"بحران", "موضوع", "مسئله", "مساله", "وضعیت", "اوضاع", "امنیت", "صلح", "جنگ", "منطقه",
                  "خاک", "مرز", "مرزهای", "بازسازی", "تحولات", "ثبات", "داخل", "خارج", "شرق", "غرب", "شمال",
                  "جنوب", "مردم", "آینده", "درگیری", "درگیریهای", "حوادث", "رویدادهای", "انتخابات", "نفت",
                  "وارد", "سمت"}  # «وارد هائیتی شده‌اند», «به سمت هائیتی»: entered it, went there
# compared with words of the folded text too («مسئله» is «مسیله» there)
LOCATIVE_HEADS = frozenset(LOCATIVE_HEADS | {R.key(w) for w in LOCATIVE_HEADS})


# a capital after these words is the city, not its government («انفجار بندر بیروت», «نشست وین»)
CAPITAL_AS_PLACE = frozenset(R.key(w) for w in (
    "بندر", "شهر", "فرودگاه", "خیابان", "خیابان‌های", "میدان", "منطقه", "حومه", "نزدیکی", "اطراف", "مرکز",
    "انفجار", "انفجارهای", "حمله", "حملات", "بمباران", "نشست", "اجلاس", "کنفرانس", "مذاکرات", "دیدار", "سفر",
    "شمال", "جنوب", "شرق", "غرب", "خیابانهای", "شمالی", "جنوبی", "شرقی", "غربی", "مرکز", "محله", "محلات"))


def _capital_city(m):
    from kg.model import Entity

    return Entity(" ".join(m.text.split()), "place", m.entity.country)


def _is_publisher(doc, e):
    from kg.extract.outlets import _same_outlet

    return doc.publisher is not None and _same_outlet(e, doc.publisher)


def _antecedent(doc, pron):
    ref = pron.entity.country  # pronoun entities carry their reference type here
    if ref not in ("state", "media", "organization", "government_body", "ministry"):
        return None
    for m in reversed(doc.mentions):
        if m.end > pron.start:
            continue
        e = m.entity
        if ref == "ministry" and e.kind == "government_body" and e.name.startswith("وزارت"):
            return e
        if e.kind == ref:
            return e
    return None


_TOPIC = re.compile(r"(?<![^\W_])(?:با[ \u200c]+اشاره[ \u200c]+به|در[ \u200c]+مورد|در[ \u200c]*خصوص|درباره|در[ \u200c]+باره|"
                    r"در[ \u200c]+رابطه[ \u200c]+با|در[ \u200c]+ارتباط[ \u200c]+با|پیرامون|در[ \u200c]+قبال|"
                    r"با[ \u200c]+انتقاد[ \u200c]+از|نسبت[ \u200c]+به|در[ \u200c]+(?:واکنش|پاسخ|اعتراض)[ \u200c]+به|"
                    r"خطاب[ \u200c]+به)(?![^\W_])")


def _topic_phrase(doc, st, ss):
    """«X در مورد حادثه پاکدشت گفت», «با اشاره به وضعیت عراق گفت»: a topic phrase between
    the speaker and the trigger names what the statement is about. Returns (start, end), or
    an empty span."""
    sp = st.speaker
    lo = sp.end if sp is not None and ss <= sp.end <= st.trigger_start else ss
    subj = st.features.get("subject")
    if subj and ss <= subj[1] <= st.trigger_start:
        lo = max(lo, subj[1])
    lo = _after_earlier_acts(doc, st, lo, shared=True)
    m = _TOPIC.search(doc.folded, lo, st.trigger_start)
    if not m or st.trigger_start - m.start() > 160:
        return (0, 0)
    return (m.end(), st.trigger_start)


_REACTION = re.compile(r"(?:به[ \u200c]+دنبال|در[ \u200c]+پی|درپی|پس[ \u200c]+از|در[ \u200c]+واکنش[ \u200c]+به|"
                       r"در[ \u200c]+پاسخ[ \u200c]+به|در[ \u200c]+اعتراض[ \u200c]+به)(?![^\W_])")


def _reaction_clause(doc, ss, ts, attrib):
    """«به دنبال X، Y واکنش نشان داد»: the event reacted to, which the statement is about."""
    pos = ss
    for a, b in attrib:
        if a <= pos + 2 and b > pos:
            pos = b
    seg = doc.folded[pos:ts]
    m = _REACTION.search(seg)
    if not m or seg[:m.start()].strip(" \u200c،,") != "":
        return (0, 0)
    k = seg.find("،", m.end())
    if k < 0:
        return (0, 0)
    return (pos + m.end(), pos + k)


def _by_start(doc):
    """The document's mentions in text order, with their start offsets (for bisect), and the
    places it points back to («این ولایت», «این استان»)."""
    ms = sorted(doc.mentions + _place_anaphors(doc), key=lambda m: m.start)
    return ms, [m.start for m in ms]


# «در این ولایت», «این استان», «این جمهوری»: a place named before, pointed back to
_PLACE_ANAPHOR = re.compile(r"این[ \u200c]+(ولایت|استان|شهرستان|شهر|روستا|جزیره|منطقه|"
                            r"جمهوری|اردوگاه)(?![^\W_])")


def _place_anaphors(doc):
    f = doc.folded
    if "این" not in f:
        return []
    from kg.model import Entity, Mention

    out = []
    places = None
    for mm in _PLACE_ANAPHOR.finditer(f):  # (no look-behind in the pattern: 9× faster)
        a = mm.start() - 2 if f[max(0, mm.start() - 2):mm.start()] == "هم" else mm.start()
        if a > 0 and (f[a - 1].isalnum() or f[a - 1] == "_"):
            continue  # inside a word
        if places is None:
            places = [m for m in doc.mentions if m.entity.kind in ("place", "state")]
        head = mm.group(1)
        want = "state" if head == "جمهوری" else "place"
        ante = named = None
        for m in places:
            if m.end > mm.start():
                break
            if m.entity.kind == want:
                ante = m
                if want == "place" and (head in f[m.start:m.end] or f[max(0, m.start - len(head) - 2):m.start]
                                        .replace("\u200c", " ").split()[-1:] == [head]):
                    named = m  # «شهر کرکوک», «ولایت ننگرهار»: the place was named with this noun
        ante = named or ante
        if ante is None:
            continue
        e = ante.entity
        out.append(Mention(a, mm.end(), doc.text[a:mm.end()],
                           Entity(e.name, e.kind, e.country, e.name_en, e.qid, e.id), "anaphor"))
    return out


_ELECTION_OF = re.compile(r"(?<![^\W_])(?:انتخابات|نامزد|نامزدی|نامزدهای|کاندیدای|کاندیداهای|کاندیدا)[ \u200c]+$")


def _participants(doc, st, speakers=(), by_start=None):
    folded = doc.folded
    sp = st.speaker
    spk = sp.entity if sp is not None else None
    tg, ad, loc = [], [], []
    seen = set()
    ss, se = doc.sentences[st.sentence]
    lo, hi = st.content if st.content else (st.trigger_end, st.trigger_end)
    pre = (max(ss, st.trigger_start - 60), st.trigger_start)
    attrib = [(a.start, a.end) for a in doc.attributions]
    cause = _reaction_clause(doc, ss, st.trigger_start, attrib)
    topic = _topic_phrase(doc, st, ss)
    # the object of a split head may stand further back than `pre`, but after the speaker
    obj_lo = sp.end if sp is not None and ss <= sp.end <= st.trigger_start else ss

    def in_topic(m):
        return topic[0] <= m.start and m.end <= topic[1] and not lo <= m.start < hi

    # every region looked at lies inside the sentence
    if by_start is None:
        by_start = _by_start(doc)
    ms = by_start[0][bisect_left(by_start[1], ss):bisect_left(by_start[1], se)]
    if topic[1] > topic[0]:
        # the content first: an actor named there as well as in a topic phrase takes its role there
        ms = sorted(ms, key=in_topic)
    for m in ms:
        # a mention may end in the closing quote the content leaves out («روزنامه "الایام"»)
        in_content = lo <= m.start and (m.end <= hi or m.start < hi and folded[hi:m.end].strip("\"»") == "") \
            or cause[0] <= m.start and m.end <= cause[1]
        if in_topic(m):
            in_content = True
        in_pre = pre[0] <= m.start and m.end <= pre[1]
        if st.features.get("how") == "agent" and ss <= m.start and sp is not None and m.end <= sp.start:
            in_content = True  # «X از سوی Y مورد انتقاد قرار گرفت»: the passive's subject
        if "را" in folded[m.end:m.end + 4] and _RA_OBJECT.match(folded, m.end) and (
                in_pre and st.form == "split" or st.form in ("split", "light", "verb") and obj_lo <= m.start
                and m.end <= st.trigger_start and _same_clause(doc, m.end, st.trigger_start)):
            in_content = in_pre = True  # «X را متهم/تهدید به … کرد»: the object before a split head
        if not (in_content or in_pre):
            continue
        if sp is not None and (m.start < sp.end and sp.start < m.end):
            continue
        subj = st.features.get("subject")
        if subj and subj[0] <= m.start and m.end <= subj[1]:
            continue  # a co-speaker («روسیه و ارمنستان …»)
        if any(a <= m.start < b for a, b in attrib):
            continue
        if m.head == "names" and m.entity.country is None and not any(m.entity is x for x in speakers):
            continue  # a name only kg.names saw, never a speaker: too weak to be a target
        if m.source == "quantified":
            continue  # «بسیاری از جوانان»: an unnamed part of a collective speaks, but is no target
        if m.entity.kind == "media" and m.text.endswith("ی") and not m.entity.name.endswith("ی"):
            continue  # «کنایه توئیتری»: an adjective of the medium, not the outlet
        if _in_apposition(doc, st, m) or _venue(doc, st, m):
            continue  # the speaker's own office and country; where the speaker happened to be
        e = m.entity
        if e.kind in ("government_body", "person") and m.start - ss > 5 and \
                any(w in folded[max(ss, m.start - 16):m.start] for w in ("انتخابات", "نامزد", "کاندید")) and \
                _ELECTION_OF.search(folded, max(ss, m.start - 16), m.start):
            continue  # «انتخابات ریاست جمهوری», «نامزد مجلس»: an election's name, not an actor
        if m.source == "dem":
            # «طرف آمریکایی», «طرف ایرانی»: the side of that state, an actor
            w = re.search(r"(?<![^\W_])طرف[ \u200c]+$", folded[max(ss, m.start - 6):m.start])
            if not w or e.kind != "state":
                continue
            s0 = max(ss, m.start - 6) + w.start()
            m = type(m)(s0, m.end, doc.text[s0:m.end], e, "side")
        if e.kind == "pronoun":
            # «این کشور», «این روزنامه»: the last fitting actor before it
            e = _antecedent(doc, m)
            if e is None:
                continue
            m = type(m)(m.start, m.end, m.text, e, "anaphor")
        k = (e.name, e.kind)
        if spk is not None and (e is spk or (e.name, e.kind) == (spk.name, spk.kind)):
            continue
        if k in seen:
            continue
        before = folded[max(ss, m.start - 15):m.start].replace("\u200c", " ").split()
        prep = before[-1] if before else ""
        if st.type in REQUEST_TYPES and in_pre and st.trigger_start - m.end < 60 and e.kind != "place" and \
                (prep in ("از", "به") or ad and folded[ad[-1].end:m.start].strip(" \u200c،,") in ("و", "")):
            seen.add(k)
            ad.append(m)
            continue
        if in_pre and prep == "به" and e.kind not in ("place", "media") and st.form in ("verb", "light") \
                and folded[m.end:st.trigger_start].strip(" \u200c") == "" and not _movement_place(doc, ss, m):
            seen.add(k)  # «آمریکا به آنکارا اعلام کرده است»: told to
            ad.append(m)
            continue
        if not in_content:
            continue
        seen.add(k)
        if e.kind == "place":
            loc.append(m)
            continue
        if e.kind == "state" and m.source != "side" and (prep == "در" or prep in LOCATIVE_HEADS
                                                         or m.source == "cap" and R.key(prep) in CAPITAL_AS_PLACE
                                                         or R.key(prep) in LOCATIVE_HEADS
                                                         or _movement_place(doc, ss, m)
                                                         or _place_of_state(doc, m)):
            if m.source == "cap":
                # «در تهران», «بندر بیروت»: the capital city itself, not its state
                m = type(m)(m.start, m.end, m.text, _capital_city(m), "cap")
            loc.append(m)
            continue
        if e.kind == "state" and spk is not None and spk.country and e.country == spk.country:
            continue  # the speaker's own state is not what it talks about
        if e.kind in ("state", "place") and _qualifies_org(doc, m):
            continue  # «حزب کارگران کردستان عراق», «حزب‌الله لبنان»: part of the organisation's name
        if spk is not None and e.kind == "organization" and e.name in _own_orgs(doc, spk):
            continue  # «سخنگوی حماس …: حماس …»: the spokesperson's own organisation
        if e.kind == "media" and _is_publisher(doc, e):
            continue
        tg.append(m)
    if spk is not None and spk.country and st.content:
        _bare_bodies(doc, st, spk.country, tg, seen)
    if st.type == "request" and not ad and "خواستار" not in folded[st.trigger_start:st.trigger_end]:
        m = _from_whom(doc, st, ss)  # («از نقشه جهان خواستار …»: «خواستار» has no «از»-addressee)
        if m is not None:
            ad.append(m)
    st.targets, st.addressees, st.locations = tg, ad, loc


# «از رهبران احزاب و جریان‌های شیعی عراق خواست»: whom a request asks, named by a phrase no
# lexicon knows, right before the verb
_FROM_PHRASE = re.compile(r"(?<![^\W_])از[ \u200c]+((?:[^\s،,.:؛«»()\"]+[ \u200c]+){1,8})$")
_NOT_WHOM = frozenset(R.key(w) for w in (
    "این", "آن", "همین", "همان", "سال", "ماه", "روز", "هفته", "زمان", "مدت", "قبل", "پیش", "طریق", "راه",
    "ابتدا", "آغاز", "اول", "جمله", "سوی", "طرف", "جانب", "دیرباز", "قدیم", "گذشته", "مدتها", "سالها", "خدا",
    "خداوند", "او", "وی", "ما", "من", "آنها", "آنان", "ایشان", "شما", "تو", "خود", "هر", "همه", "یکدیگر",
    "نظر", "لحاظ", "بابت", "جمع", "میان", "بین", "آنجا", "اینجا"))
_TIME_UNITS = frozenset(R.key(w) for w in ("ماه", "سال", "روز", "هفته", "ساعت", "دقیقه", "قرن", "دهه", "ماه‌ها",
                                           "سال‌ها", "روزها", "هفته‌ها"))
_WHOM_STOP = frozenset(R.key(w) for w in ("را", "که", "به", "با", "در", "برای", "تا", "اگر", "است", "بود", "شد",
                                          "کرد", "نیز", "هم", "همچنین", "از"))


def _from_whom(doc, st, ss):
    f = doc.folded
    ts = st.trigger_start
    lo = max(ss, st.speaker.end) if st.speaker is not None and ss <= st.speaker.end <= ts else ss
    if "از" not in f[lo:ts]:
        return None
    g = _FROM_PHRASE.search(f, max(lo, ts - 90), ts)
    if g is None:
        return None
    words = [R.key(w) for w in g.group(1).replace("\u200c", " ").split()]
    if not words or words[0] in _NOT_WHOM or any(w in _WHOM_STOP for w in words) or _VERBISH_WORD.search(g.group(1)) \
            or words[-1] in _TIME_UNITS:
        return None  # («از سه ماه …»: a time, nobody asked)
    s0, e0 = _clean(doc.text, g.start(1), g.end(1))
    if e0 - s0 < 3 or any(m.start < e0 and s0 < m.end and m.entity.kind in ("person", "pronoun") for m in doc.mentions):
        return None  # (a known person there is found by the roles already, or is the speaker)
    from kg.model import Entity, Mention

    from kg.names import compact, first_names

    name = " ".join(doc.text[s0:e0].split())
    kind = "person" if compact(name.split()[0]) in first_names() and len(words) <= 3 else "group"
    return Mention(s0, e0, doc.text[s0:e0], Entity(name, kind, None), "addressee")


_VERBISH_WORD = re.compile(r"(?<![^\W_])(?:می|نمی)[ \u200c]*[^\W\d_]+|(?:ند|ید|یم)(?![^\W_])")


# «ما در دولت مشارکت داریم», «کابینه»: a bare body word in the speaker's own words is the
# body of the speaker's country
_BARE_BODY = re.compile(r"(?<![^\W_])(دولت|کابینه|ارتش)(?:[ \u200c]+(?:ما|جدید|فعلی|کنونی))?(?![^\W_])")
_BARE_BODY_ID = {"دولت": "government", "کابینه": "government", "ارتش": "army"}


def _bare_bodies(doc, st, cc, tg, seen):
    from kg.model import Mention

    lo, hi = st.content
    f = doc.folded
    for m in _BARE_BODY.finditer(f, lo, hi):
        if any(x.start < m.end() and m.start() < x.end for x in doc.mentions):
            continue  # «دولت عراق», «دولت آن کشور»: already an actor
        if re.match(r"[ \u200c]*(?:ها|های|هایی|ی)(?![^\W_])", f[m.end():m.end() + 5]) or f[m.end():m.end() + 1] == "\u200c":
            continue  # «دولت‌ها», «دولتی»
        e = _body_of(cc, _BARE_BODY_ID[m.group(1)])
        if e is None or (e.name, e.kind) in seen:
            continue
        seen.add((e.name, e.kind))
        tg.append(Mention(m.start(), m.end(), doc.text[m.start():m.end()], e, "bare"))


@lru_cache(maxsize=None)
def _body_of(cc, what):
    """The gazetteer's government or army of a state (``body-xx-government``), or None."""
    from kg.model import Entity

    want = f"body-{cc.lower()}-{what}"
    for e, f in R.gazetteer_entries():
        if e.id == want:
            return Entity(e.name, e.kind, e.country, e.name_en, e.qid, e.id)
    return None


_TAIL_STOP = re.compile(r"[.؛]|(?<![^\W_])(?:اما|ولی|درحالی|در[ \u200c]+حالی)(?![^\W_])")


def _request_tail(doc, st, se):
    f = doc.folded
    lo = st.trigger_end
    m = re.match(r"[ \u200c]*(?:تا(?![^\W_])[ \u200c]*)?", f[lo:se])
    lo += m.end()
    if lo >= se or f[lo:lo + 2].strip() in ("و", "،", ",") or re.match(r"و(?![^\W_])", f[lo:lo + 2]):
        return None
    hi = se
    k = _TAIL_STOP.search(f, lo, se)
    if k:
        hi = k.start()
    for o in doc.statements:
        if o is not st and o.sentence == st.sentence and lo < o.trigger_start < hi:
            hi = o.trigger_start
    s2, e2 = _clean(doc.text, lo, hi)
    return (s2, e2) if e2 - s2 >= 8 else None


MOVE_WORDS = {"اعزام", "سفر", "ورود", "بازگشت", "عزیمت", "انتقال", "استقرار", "حضور"}


def _movement_place(doc, ss, m):
    """«اعزام نیرو به عراق», «سفر به X», «حضور در X»: the state is where, not whom."""
    words = doc.folded[max(ss, m.start - 40):m.start].replace("\u200c", " ").split()
    if not words or words[-1] not in ("به", "در"):
        return False
    return any(R.key(w) in MOVE_WORDS or w in MOVE_WORDS for w in words[-4:-1])


def _place_of_state(doc, m):
    """«استان ادلب سوریه», «در «حلب» سوریه»: the state after one of its places is where."""
    f = doc.folded
    for x in _ending_before(doc, m.start, 3):
        if x.entity.kind == "place" and x.entity.country == m.entity.country \
                and f[x.end:m.start].strip(" \u200c«»\"") == "":
            return True
    return False


def _ending_before(doc, pos, gap):
    """Mentions that end at most ``gap`` characters before ``pos`` (indexed once per document)."""
    ends = doc.__dict__.get("_mention_ends")
    if ends is None:
        ends = {}
        for x in doc.mentions:
            ends.setdefault(x.end, []).append(x)
        doc.__dict__["_mention_ends"] = ends
    out = []
    for k in range(pos - gap, pos + 1):
        out.extend(ends.get(k, ()))
    return out


def _qualifies_org(doc, m):
    """A state or place right after an organisation's name, with nothing between, is
    part of that name («حزب کارگران کردستان عراق»)."""
    f = doc.folded
    for x in _ending_before(doc, m.start, 2):
        if x.entity.kind in ("organization", "group") and f[x.end:m.start].strip(" \u200c") == "":
            return True
    return False


def _own_orgs(doc, spk):
    """Organisations a speaker is named the spokesperson (or an official) of: an
    organisation mention inside or right after a mention of that speaker
    («سخنگوی جنبش مقاومت اسلامی (حماس)», «سخنگوی حماس»)."""
    cache = doc.__dict__.setdefault("_own_orgs", {})
    key = id(spk)
    if key in cache:
        return cache[key]
    f = doc.folded
    out = set()
    spans = [x for x in doc.mentions if x.entity is spk or x.entity.name == spk.name and x.entity.kind == spk.kind]
    for st in doc.statements:
        if st.speaker is not None and (st.speaker.entity is spk or st.speaker.entity.name == spk.name):
            spans.append(st.speaker)
    for sm in spans:
        if spk.kind != "person" or "سخنگو" not in sm.text:
            continue
        for x in doc.mentions:
            if x.entity.kind != "organization":
                continue
            if sm.start <= x.start and x.end <= sm.end or \
                    0 <= x.start - sm.end <= 3 and f[sm.end:x.start].strip(" \u200c()") == "":
                out.add(x.entity.name)
            elif len(x.text) >= 3 and R.phrase_key(x.text) in R.phrase_key(sm.text):
                out.add(x.entity.name)  # the office swallowed the organisation («سخنگوی … (حماس»)
    for x in doc.mentions:  # «سخنگوی جنبش مقاومت اسلامی حماس»: the office names it
        if x.entity.kind == "organization" and spk.kind == "person" and "سخنگو" in spk.name and \
                R.phrase_key(x.entity.name) in R.phrase_key(spk.name):
            out.add(x.entity.name)
    cache[key] = out
    return out


# prepositions that open what a statement is about: a place after them is a topic
TOPIC_PREPS = {"از", "درباره", "دربارهی", "علیه", "به", "برای", "نسبت", "پیرامون", "خصوص", "مورد", "قبال",
               "اینکه", "که", "بر", "ضد", "مقابل", "برابر", "را"}
VENUE_WORDS = {"سفر", "سفرش", "سفری"}


def _subject_end(doc, st):
    subj = st.features.get("subject")
    sp = st.speaker
    ss = doc.sentences[st.sentence][0]
    if subj and ss <= subj[1] <= st.trigger_start:
        return subj[1]
    if sp is not None and ss <= sp.end <= st.trigger_start:
        return sp.end
    return None


def _in_apposition(doc, st, m):
    """Inside «SPEAKER، office of COUNTRY،»: the speaker's description, not a participant."""
    end = _subject_end(doc, st)
    if end is None or m.start < end:
        return False
    f = doc.folded
    head = f[end:end + 3].lstrip(" \u200c")
    if not head.startswith(("،", ",")):
        return False
    close = re.search(r"[،,]", f[end + 1 + (len(f[end:end + 3]) - len(head)):st.trigger_start])
    if not close:
        return False
    stop = end + 1 + (len(f[end:end + 3]) - len(head)) + close.start()
    return m.end <= stop and len(f[end:stop].split()) <= 10


def _venue(doc, st, m):
    """«X روز جمعه در نشست خبری در مسکو … هشدار داد», «در سفر به بغداد», «در حاشیه
    نشست … در نیویورک»: a place phrase (``در`` / ``سفر به``) between the subject and the
    trigger with no topic preposition («از», «درباره», «به» …) before it is where the
    speaker was, not what the statement is about."""
    end = _subject_end(doc, st)
    if end is None or m.start < end or m.end > st.trigger_start:
        return False
    f = doc.folded
    words = [w.strip("،,«»\"()") for w in f[end:m.start].replace("\u200c", " ").split()]
    words = [w for w in words if w]
    if not words:
        return False
    last = words[-1]
    if last == "به" and len(words) >= 2 and words[-2] in VENUE_WORDS:
        words = words[:-2]
    elif last == "در":
        words = words[:-1]
    else:
        return False
    for i, w in enumerate(words):
        if w == "به" and i > 0 and words[i - 1] in VENUE_WORDS:
            continue
        if w in TOPIC_PREPS or R.key(w) in TOPIC_PREPS:
            return False
    return True


def _speaker_entities(doc):
    out = []
    for o in doc.statements:
        if o.speaker is not None and all(o.speaker.entity is not x for x in out):
            out.append(o.speaker.entity)
    return out


def _outlets(doc, st):
    chain = []
    pub = doc.publisher
    if pub is not None:
        chain.append(pub)
    pos = st.trigger_start
    rep = None
    for a in doc.attributions:
        if a.kind == "report" and a.start <= max(pos, doc.sentences[st.sentence][1] - 1) and \
                (a.sentence <= st.sentence):
            rep = a
    sp0 = st.speaker
    if rep is not None and not (sp0 is not None and sp0.entity.kind == "media" and rep.sentence < st.sentence):
        chain.extend(rep.outlets)
    # interviews: this speaker, from the interview sentence on
    sp = st.speaker
    if sp is not None:
        for a in doc.attributions:
            if a.kind != "interview" or a.sentence > st.sentence:
                continue
            if a.sentence == st.sentence or _same_speaker_since(doc, st, a.sentence):
                for o in a.outlets:
                    chain.append(o)
    if sp is not None and sp.entity.kind == "media":
        chain.append(sp.entity)
    out, seen = [], set()
    for o in chain:
        k = o.name
        if k in seen:
            continue
        seen.add(k)
        out.append(o)
    return out


def _same_speaker_since(doc, st, sentence):
    """Did the same speaker hold the floor from ``sentence`` up to st's sentence?"""
    ent = st.speaker.entity
    # acts reported inside the speaker's own words («گفت: دشمن … وعده داده») do not take the floor
    prior = [o for o in doc.statements if sentence <= o.sentence <= st.sentence and o is not st
             and o.trigger_start < st.trigger_start and not o.features.get("nested")]
    if not prior:
        return False
    if not any(o.sentence == sentence for o in prior):
        return False

    def same(o):
        return o.speaker is not None and (o.speaker.entity is ent or o.speaker.entity.name == ent.name)

    if all(same(o) for o in prior):
        return True
    # another speaker cut in: the interviewee's words close after still come from the interview
    # («… با خبرگزاری مهر گفت‌وگو کرده … . پیش از این وزیر … ولی آقای سامانی گفته است …»)
    if st.sentence - sentence <= 2 and any(same(o) for o in prior if o.sentence == sentence):
        return True
    # the interviewee quoted again later in the article, with no new attribution since:
    # still the same interview («كاتزمن در گفت‌وگو با العالم گفت … . آصفی … . كاتزمن … گفت»)
    return any(same(o) for o in prior if o.sentence == sentence) and not any(
        a.kind == "report" and sentence < a.sentence <= st.sentence for a in doc.attributions)
