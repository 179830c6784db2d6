"""Statements: triggers found in the text, filtered, and given a speaker.

Filters: future forms (``خواهد گفت``), first-person forms (part of someone's own words),
speaker-less passives (``اعلام شد``; a passive counts only with ``از سوی X``), a verb
after a preposition (``با خواست``), ``خواست`` without ``از X`` / ``که``, ``دانست``/``خواند``
without an object ``را``, present-tense stances and states inside reported words, bare
nouns outside headlines (except ``ادعای X``, ``انتقاد/حمایت X از …`` and speech-act nouns with
a named actor — ``اظهارات/واکنش/تهدیدهای/مخالفت/مطالب X`` — outside a reaction frame
``در واکنش به/به دنبال/پس از …`` and, for ``اظهارات/مطالب/مواضع``, as a narrator's subject),
narrator back-references (``X در حالی این سخنان را اعلام می‌کند که …``), performative acts
(``منحل اعلام کرد``, ``Y را به عنوان نخست وزیر معرفی کرد``), and an act of the speaker's own
state or organisation inside a spokesperson's words (``سخنگوی … روسیه: مسکو خواستار … است``).

Speaker search for a trigger, inside its sentence:

1. the clause window: from the last clause boundary before the trigger (``:``, ``«``,
   ``که`` or ``،`` right after a reporting verb, ``؛``, or the end of the previous trigger)
   to the trigger. A leading adverbial closed by a comma (``به دنبال …،``) is skipped;
   candidates that follow a preposition, precede ``را``, sit in an attribution phrase or
   are demonyms are out; one inside a prepositional phrase is used only as a last
   resort. ``X و Y`` (plural verb) and ``X، Y و Z`` give one statement per speaker;
   ``X، office، …`` is apposition (one speaker);
2. a pronoun or anaphor (``وی``, ``این مقام``, ``این وزارتخانه``) resolves to the last
   fitting speaker or mention; an unresolved one yields no statement;
3. an unknown name opening the clause (``«Name»``, ``Name Surname صبح امروز …``);
4. no subject: a second trigger in the same sentence shares the first one's speaker
   (``تاکید کرد و گفت``); a clause with nothing before its verb but connectives
   continues the previous speaker (low confidence); anything else yields no statement.

Headline forms: ``SPEAKER: words`` (trigger ``:``), noun + actor (``انتقاد پامپئو از``),
and a noun whose actor only the lead names (``…/ دعوت از ظریف``, lowest confidence).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from kg.extract import resources as R
from kg.extract import triggers as T
from kg.model import Entity, Mention, Statement
from kg.pipeline import component

PREPS = {"از", "به", "با", "در", "برای", "علیه", "درباره", "نسبت", "میان", "بین", "توسط", "سوی", "جانب",
         "قبال", "همراه", "مورد", "خصوص", "باره", "بر", "تا", "روی", "سر", "پیرامون", "دربارهی", "ضد",
         "مقابل", "برابر", "مانند", "مثل", "جز", "بجز", "طریق", "همتای", "علیرغم", "رغم", "وجود",
         "مقامات", "سفر", "سفیر", "نزد", "پیش", "بدون", "اتهام", "حمایت", "دیدار", "ملاقات", "تماس",
         "گفتگو", "گفتوگو", "مذاکره", "مذاکرات", "روابط", "رابطه", "اقدامات", "اقدام", "حمله", "حملات",
         "مواضع", "موضع", "سیاست", "سیاستهای", "دولت", "سوالی", "پاسخ", "تصمیم", "درخواست", "نقش",
         "نیروهای", "مرز", "مرزهای", "خاک", "پایتخت", "اتباع", "مردم", "شهروندان"}
SUBJ_BOUNDARY_WORDS = {"که"}
ATTRIB_WORDS = {"گزارش", "نقل"}
PLURAL_PRONOUNS = {"آنها", "آنان"}

_QUOTE_OPEN = "«\"“"
_QUOTE_CLOSE = "»\"”"


_FORCE_ANSWERED = re.compile(r"(?<![^\W_])به[ \u200c]+(?:(?:این|آن|هر|هرگونه)[ \u200c]+)?(?:تجاوز|تجاوزات|حمله|حملات|"
                             r"تعدی|شلیک|بمباران|تهاجم|اقدام[ \u200c]+نظامی|موشک)")
_REPORTED_MARK = re.compile(r"[:«]|(?<![^\W_])که(?![^\W_])")
_BUT = re.compile(r"(?<![^\W_])(?:ولی|اما)(?![^\W_])")


def _nested(between: str) -> bool:
    """Does an act stand inside the reported words of the sentence's earlier act? Its
    words open with «:», «« » or «که», unless «ولی/اما» then starts a clause of its own
    («… خبر داده بود که … ولی آقای سامانی گفته است …»)."""
    marks = list(_REPORTED_MARK.finditer(between))
    if not marks:
        return False
    return not _BUT.search(between, marks[-1].end()) or "«" in between[marks[-1].end():]


_PRONOUN_BEFORE = re.compile(r"(?<![^\W_])(?:وی|او|ایشان)[ \u200c]+$")


def _in_quote(text, s0, pos):
    """Is ``pos`` inside «...» opened earlier on its line?"""
    seg = text[text.rfind("\n", 0, pos) + 1:pos]
    return seg.count("«") > seg.count("»")


@component("statements", needs=("actors",), sets=("statements",))
def statements(doc):
    from kg.extract.outlets import ensure_pieces

    ensure_pieces(doc)
    text, folded = doc.text, doc.folded
    pieces, pkeys = doc.pieces, doc.pkeys
    found = T.trigger_matches(doc)
    out: list[Statement] = []
    ctx = _Context(doc)
    by_sentence = {}
    for i, j, s, e, payloads in found:
        t = payloads[0]
        if t.form == "block":
            continue
        a, b = t.trig
        b = (j - i) if b is None else min(b, j - i)
        if a >= b:
            continue
        ts, te = pieces[i + a][0], pieces[i + b - 1][1]
        # a joined plural/ezafe suffix means a noun: «خواسته‌های»
        if j < len(pieces) and pkeys[j] in NOUN_SUFFIXES and folded[pieces[j - 1][1]:pieces[j][0]] == "\u200c":
            continue
        by_sentence.setdefault(doc.sentence_of(ts), []).append((ts, te, t, i, j))
    attrib_spans = [(x.start, x.end) for x in doc.attributions]
    deferred: list[Statement] = []
    for si, (ss, se) in enumerate(doc.sentences):
        trigs = by_sentence.get(si, [])
        # headline «SPEAKER: words»
        colon = _headline_colon(doc, si, ss, se)
        if colon is not None and any(te <= colon[0] and (doc.folded[te:colon[0]].strip(" \u200c") == "" or t.form == "noun")
                                     for _, te, t, *_ in trigs):
            colon = None  # «X در دیدار با Y گفت: …», «هشدار X به Y: …»: the verb or noun is the act,
            # the colon only opens its words
        if colon is not None:
            trigs = [colon] + trigs
        prev = None
        for ts, te, t, pi, pj in trigs:
            if t.future:
                continue
            if t.first:
                continue  # first person: part of someone's own words, not a new act
            if t.form == "noun" and prev is not None and prev[4] == "adverbial" and ts - prev[1] <= 80 \
                    and re.search(r"(?<![^\W_])و[ \u200c]+$", folded[max(ss, ts - 4):ts]) \
                    and not re.search(r"[:،,«]", folded[prev[1]:ts]):
                # «با تبریک به ملت و تشکر از آنان …»: a second noun of the same adverbial
                t = T.Trig(t.type, "adverbial", t.head, t.trig, t.negated, t.future, t.passive, t.first, t.plural)
            st = Statement(ts, te, t.type, si, negated=t.negated, form=t.form)
            st.features["plural"] = t.plural
            st.features["head"] = t.head
            if t.form == "noun" and not _noun_ok(doc, si, ss, se, ts, te, pj, t):
                if si == 0 and _speakerless_headline_noun(doc, ts, te, se):
                    deferred.append(st)  # «دعوت از ظریف …»: the lead will say who
                continue
            if t.form == "source" and not _source_ok(doc, ss, ts):
                continue
            if t.form in ("verb", "light") and "توان" in folded[max(ss, ts - 70):ts] \
                    and _MITAVAN.search(folded, max(ss, ts - 70), ts):
                continue  # «از میان آنها می‌توان به X اشاره کرد»: the narrator's aside
            if t.form in ("verb", "light") and "باید" in folded[max(ss, ts - 12):ts] \
                    and _MODAL_BEFORE.search(folded, max(ss, ts - 12), ts):
                continue  # «نباید انتظار داشت که …», «باید گفت»: impersonal, nobody's act
            if t.form == "verb" and folded[te - 1:te] == "ه" and _PASSIVE_AUX.match(folded, te):
                continue  # «سرودی که در مدارس خوانده می‌شد»: a passive participle, nobody's act
            if t.head == "فراخواند" and _RECALLED.search(folded, max(ss, ts - 70), ts):
                continue  # «کانادا سفیر خود را از ایران فراخواند»: a recall, an action
            if t.form == "source" and any(a.start <= ts < a.end and a.outlets for a in doc.attributions):
                continue  # «به نوشته روزنامه فرانسوی فیگارو»: an outlet cited, no speaker
            if t.form == "verb" and _prep_before(doc, ss, ts):
                continue
            if t.head == "شمرد" and folded[te - 1:te] == "ه" and not re.match(r"[ \u200c]*(?:است|بود|اند)", folded[te:te + 6]):
                continue  # «آرا شمرده و تأیید شد»: counted, a participle of the passive
            if t.head == "نام" and folded.startswith("نامبرد", ts):
                continue  # «سه گروه نامبرده»: the aforementioned, an adjective
            if t.head == "محکوم" and _SENTENCED_TO.search(folded, max(ss, ts - 40), ts):
                continue  # «به شش سال زندان محکوم شد»: a court's sentence, no criticism
            if t.head in RA_HEADS and "می" in folded[ts:ts + 3]:
                continue
            if t.form == "stative" and prev is not None and \
                    re.search(r"(?:[:«]|(?<![^\W_])که(?![^\W_]))", folded[prev[1]:ts]):
                continue  # «گفت که X آماده است»: a state inside reported words
            if (t.type in STANCE_TYPES or t.head in ("پاسخ", "ادامه", "تهدید", "حمایت", "گفت")) and prev is not None \
                    and re.search(r"(?<![^\W_])ن?می[ \u200c]*[^\W_]", folded[ts:te]) and \
                    re.search(r"(?:[:«]|(?<![^\W_])که(?![^\W_]))", folded[prev[1]:ts]) and \
                    not (t.head == "گفت" and prev[2] and prev[2][0].entity.kind == "media"
                         and _named_subject_before(doc, ss, ts)):
                continue  # a present-tense stance inside reported words is content, not an act;
                # but in an outlet's words («… نوشت: «مقام‌های آمریکا می‌گویند …») a named party speaks
            if t.head == "خواست" and _ANONYMITY.match(folded, te):
                continue  # «یک مقام که خواست نامش فاش نشود»: the anonymity formula
            if t.head == "تهدید" and _ENDANGER.search(folded, max(ss, ts - 30), ts):
                continue  # «امنیت و ثبات منطقه را تهدید کرده است»: endangers, not threatens
            if _background_speaking(folded, ss, ts, te):
                continue  # «وی که در مراسم … سخن می‌گفت، تاکید کرد»: the occasion, not an act
            if t.head == "پیش بینی" and t.form == "light" and re.search(
                    r"(?<![^\W_])را(?![^\W_])(?:(?![ \u200c]و[ \u200c])[^،,:.«]){0,50}$", folded[max(ss, ts - 60):ts]) \
                    and not re.match(r"[ \u200c]*(?:که(?![^\W_])|:)", folded[te:te + 6]):
                continue  # «قرص‌هایی را پیش‌بینی کرده است»: provided for, not predicted
            if (t.head == "پاسخ" or re.search(r"پاسخ[ \u200c]*$", folded[max(ss, ts - 8):ts])) \
                    and _FORCE_ANSWERED.search(folded, max(ss, ts - 70), ts):
                continue  # «به تجاوزات اسرائیل پاسخ می‌دهد»: an answer by force, not in words
            if t.head in ("خودداری", "امتناع") and not _DECLINE_SPEECH.search(folded[ss:ts]):
                continue  # only «از اظهار نظر / پاسخ / … خودداری کرد»: declining to speak
            if t.head in ("ادامه", "اضافه", "فرمود") and not re.match(r"[ \u200c]*(?::|که(?![^\W_])|«)", folded[te:te + 5]) \
                    and not (t.head == "ادامه" and re.match(r"[ \u200c]*،", folded[te:te + 3])
                             and _PRONOUN_BEFORE.search(folded, max(ss, ts - 12), ts)) \
                    and not (t.head == "ادامه" and _bare_subject_before(doc, ss, ts, attrib_spans)
                             and re.match(r"[ \u200c]+[^\W\d_]", folded[te:te + 3])):
                continue  # «ده تخت اضافه کرد», «به کار خود ادامه داد», «عنایت فرمودند»; but «وی ادامه داد، …»
                # and «پلیس چین ادامه داد این افراد …» (nothing but the subject before the verb) speak
            if t.form == "adverbial" and _NOUN_WITH_BA.search(folded, max(ss, ts - 16), ts):
                continue  # «مقابله با تهدید …»: «با» belongs to the noun before it, not an adverbial act
            if t.form == "split":
                if t.head == "تهدید" and not re.match(r"[ \u200c]+به[ \u200c]", folded[te:te + 6]):
                    continue  # the noun «تهدید» is split only as «تهدید به …»
                ok, fut, pas, verb_at = _split_verb(doc, te, se, t.head)
                if not ok or fut:
                    continue
                if re.search(r"(?<![^\W_])ن?باید[ \u200c]+$", folded[max(ss, verb_at - 10):verb_at]) or \
                        re.search(r"(?<![^\W_])ن?باید[ \u200c]+(?:به[ \u200c]+)?$", folded[max(ss, ts - 12):ts]):
                    continue  # «باید به تبیین … پرداخت»: an obligation, not an act
                st.features["verb_end"] = verb_at
                vw = re.match(r"[^\W_]+", doc.folded[verb_at:verb_at + 10])
                vplural = bool(vw) and vw.group(0).endswith("ند")
                if pas or vplural:
                    t = T.Trig(t.type, t.form, t.head, t.trig, t.negated, False, pas, False, vplural or pas)
            if _narrator_backref(doc, ss, ts, te, se):
                # the clause after «که» is the narrator's, with its own subject
                k = re.match(r"[ \u200c]*که", folded[te:te + 8])
                prev = (ts, te + k.end(), [], "backref", "backref")
                continue
            if _performative(doc, ss, ts, t):
                continue
            if t.form == "verb" and t.head == "پذیرفت" and t.negated:
                st.type, st.negated = "reject", False
            if t.head == "رد" and _looks_like_proposal(folded[ss:ts]):
                st.type = "reject"
            if t.head in ("اعلام", "ابراز", "بیان", "اظهار") and st.type == "statement":
                ot = _object_type(doc, ss, ts)
                if ot:
                    st.type = ot
            if t.head in JUDGING_HEADS and st.type == "statement":
                st.type = _judgement_type(doc, ss, ts) or st.type
            speakers, how = _speakers(doc, ctx, st, t, ss, se, ts, te, pi, pj, prev, attrib_spans)
            if not speakers:
                if t.form == "noun" and si == 0 and _speakerless_headline_noun(doc, ts, te, se):
                    deferred.append(st)
                continue
            if t.head in RA_HEADS and " را " not in folded[max(ss, (prev[1] if prev else ss)):ts].replace("\u200c", " "):
                continue
            if t.head == "خواست" and not _request_frame(doc, ss, ts, te, se, prev):
                continue
            if t.passive and how not in ("agent", "source"):
                continue
            if t.form == "amade" and how not in ("amade",):
                continue
            # never an unresolved pronoun or a place
            speakers = [sp for sp in speakers if sp.entity.kind not in ("pronoun", "place")]
            if t.form == "source" and t.head == "به نوشته" and speakers and speakers[0].entity.kind == "media":
                continue  # «به نوشته این هفته‌نامه»: an outlet cited, not a speaker
            if t.form == "adverbial" and t.head == "اعلام":
                # «روزنامه X با اعلام این خبر نوشت»: an outlet relaying news, no act of its own
                speakers = [sp for sp in speakers if sp.entity.kind != "media"]
            if len(speakers) == 1 and speakers[0].entity.kind == "media" and how == "explicit" \
                    and t.head in _SAYING_HEADS and not t.negated:
                src = _cited_source(doc, speakers[0], ts)
                if src is not None:
                    # «روزنامه X به نقل از یک کارشناس غربی نوشت»: the source speaks, the outlet relays
                    from kg.model import Attribution

                    doc.attributions.append(Attribution(speakers[0].start, speakers[0].end, [speakers[0].entity],
                                                        "report", si))
                    doc.attributions.sort(key=lambda a: a.start)
                    speakers = [src]
            if prev is not None and t.form != "noun" and _own_body(prev, speakers, doc, ts):
                continue  # «سخنگوی X گفت: X … پذیرفت»: the body's act is the spokesperson's words
            if not speakers:
                continue
            for k, sp in enumerate(speakers):
                s2 = st if k == 0 else Statement(ts, te, st.type, si, negated=st.negated, form=st.form,
                                                 features=dict(st.features))
                s2.speaker = sp
                s2.features["how"] = how
                s2.features["coordinated"] = len(speakers) > 1
                s2.features["subject"] = (min(x.start for x in speakers), max(x.end for x in speakers))
                # inside the reported words of an earlier act of the sentence («X گفت: Y رد می‌کند»)
                s2.features["nested"] = prev is not None and _nested(folded[prev[1]:ts])
                out.append(s2)
                ctx.note(s2)
            eh = _elided_head(doc, ss, ts, t) if t.form in ("light", "split", "verb") and not t.passive else None
            if eh is not None and not any(o.trigger_start < eh[1] and eh[0] < o.trigger_end for o in out):
                # «… را رد و تاکید کرد»: the first act's light verb is left out
                for sp in speakers:
                    s3 = Statement(eh[0], eh[1], eh[2], si, negated=False, form="light", features=dict(st.features))
                    s3.speaker = sp
                    s3.features["how"] = how
                    s3.features["head"] = folded[eh[0]:eh[1]]
                    out.append(s3)
            if t.form != "noun" and not (t.form == "source" and speakers[0].entity.kind == "media"):
                # («به نوشته X، …»: an outlet's source phrase lends no subject to the
                # sentence's later acts)
                prev = (ts, te, speakers, how, t.form)
    # a headline act without its actor: the speaker of the lead's first statement
    for st in deferred:
        lead = [o for o in out if 1 <= o.sentence <= 2 and o.speaker is not None]
        if lead:
            sp = lead[0].speaker
            st.speaker = Mention(sp.start, sp.end, sp.text, sp.entity, "anaphor")
            st.features["how"] = "headline"
            out.append(st)
    out.sort(key=lambda o: (o.trigger_start, o.speaker.start if o.speaker else 0))
    doc.statements = _media_relay(doc, out)
    return doc


_BACKREF = re.compile(r"(?<![^\W_])در[ \u200c]*حالی[ \u200c]+(?:این|آن)[ \u200c]+(?:سخنان|اظهارات|مطالب|مواضع|"
                      r"سخن|حرفها|حرف|ادعا|ادعاها|موضع|تهدیدها|هشدار|هشدارها)[ \u200c]*(?:را)?[ \u200c]+$")
_DECREE = {"منحل", "تعطیل", "ممنوع", "ممنوعه", "ممنوع‌الخروج", "ممنوعالخروج", "باطل", "ملغی", "لغو", "فسخ"}


_PASSIVE_AUX = re.compile(r"[ \u200c]+(?:ن?می[ \u200c]*)?(?:شد|شده|شود|شوند|شدند|گردید|گردد|گردیده)(?![^\W_])")
_RECALLED = re.compile(r"(?<![^\W_])(?:سفیر|سفرای|سفیران|کاردار|دیپلمات|دیپلماتهای|نیروهای|نیروها|سربازان)"
                       r"(?:(?![.:؛«]).){0,40}(?<![^\W_])را(?![^\W_])(?:(?![.:؛«]).){0,30}$")
_ELIDED = re.compile(r"(?<![^\W_])([^\s\u200c،,:؛«»\"]+(?:[ \u200c]+[^\s\u200c،,:؛«»\"]+)?)[ \u200c]+و[ \u200c]+$")
_NOT_ELIDED = {R.key(w) for w in ("رد", "اعلام")}  # «رد و بدل», «اعلام و اجرا» only with «را»


def _elided_head(doc, ss, ts, t):
    """«تشدید تحریم‌ها را رد و تاکید کرد», «این حمله را محکوم و خواستار … شد»: a light
    verb head right before «و» and the trigger shares the trigger's light verb (left out).
    Returns (start, end, type) of that head, or None."""
    f = doc.folded
    tail = f[max(ss, ts - 4):ts].rstrip(" \u200c")
    if not tail.endswith("و") or tail[-2:-1] not in (" ", "\u200c"):
        return None  # the cheap test first: no «و» right before the trigger
    m = _ELIDED.search(f, max(ss, ts - 40), ts)
    if m is None:
        return None
    heads = T.light_heads()
    words = list(re.finditer(r"[^\s\u200c]+", m.group(1)))
    cands = []
    if len(words) == 2:
        cands.append((m.start(1), m.end(1)))
    cands.append((m.start(1) + words[-1].start(), m.end(1)))
    for a, b in cands:
        k = R.phrase_key(f[a:b])
        if k in heads:
            if k in _NOT_ELIDED and not re.search(r"(?<![^\W_])را[ \u200c]+$", f[max(ss, a - 6):a]):
                return None
            if k == R.phrase_key("رد") and _looks_like_proposal(f[ss:a]):
                return a, b, "reject"  # «تشدید تحریم‌ها را رد و …»: a policy rejected
            return a, b, heads[k]
    return None


_MODAL_BEFORE = re.compile(r"(?<![^\W_])ن?باید[ \u200c]+$")


def _bare_subject_before(doc, ss, ts, attrib_spans):
    """Is the text before ``ts`` in its sentence nothing but one actor (after a leading
    «به گزارش X،»)? «کاملیتی ادامه داد …», «پلیس چین ادامه داد …»."""
    lo = ss
    for a, b in attrib_spans:
        if ss <= a < ts and doc.folded[lo:a].strip(" \u200c") == "":
            lo = max(lo, b)
    lo += len(doc.folded[lo:ts]) - len(doc.folded[lo:ts].lstrip(" \u200c،,"))
    ms = [m for m in doc.mentions if lo <= m.start and m.end <= ts]
    return len(ms) >= 1 and ms[0].start == lo and doc.folded[ms[-1].end:ts].strip(" \u200c") == "" \
        and ms[0].entity.kind in ("person", "state", "government_body", "organization", "group", "media", "pronoun") \
        and all(doc.folded[x.end:y.start].strip(" \u200c") == "" for x, y in zip(ms, ms[1:]))


def _narrator_backref(doc, ss, ts, te, se):
    """«X در حالی این سخنان را اعلام می‌کند که …»: the narrator frames a statement already
    reported; not a new act."""
    return _BACKREF.search(doc.folded, max(ss, ts - 60), ts) is not None and \
        re.match(r"[ \u200c]*که(?![^\W_])", doc.folded[te:te + 8]) is not None


def _performative(doc, ss, ts, t):
    """Acts that are actions: «X را منحل اعلام کرد» (dissolved by decree), «Y را به عنوان
    نخست وزیر معرفی کرد» (appointed)."""
    words = doc.folded[max(ss, ts - 80):ts].replace("\u200c", " ").split()
    if not words:
        return False
    if t.head == "اعلام" and t.form == "light" and words[-1] in _DECREE:
        return True
    if t.head == "معرفی":
        # «Y را به عنوان نخست وزیر معرفی کرد»: an appointment (a role follows «عنوان»);
        # «… به عنوان دهه از دست رفته معرفی شد» is a characterisation, a statement
        for k, w in enumerate(words[-8:]):
            if w in ("عنوان", "بعنوان"):
                nxt = words[-8:][k + 1:k + 4]
                return any(R.key(x) in _ROLES or x in _ROLES for x in nxt)
    return False


_ROLES = {"نخست", "وزیر", "مدیر", "مدیرکل", "رئیس", "رییس", "نامزد", "نامزدهای", "سرپرست", "کاندیدا",
          "کاندیدای", "کاندیداهای", "نماینده", "سفیر", "جانشین", "دبیر", "دبیرکل", "عضو", "اعضای", "فرمانده",
          "استاندار", "سخنگو", "سخنگوی", "معاون", "مشاور", "قائم", "مربی", "سرمربی", "کاپیتان", "داور", "دادستان",
          "شهردار", "فرماندار", "امام", "رهبر", "جانشینی", "ولیعهد"}


def _own_body(prev, speakers, doc, ts):
    """An act of the previous speaker's own state or organisation inside that speaker's
    reported words («سخنگوی وزارت خارجه روسیه گفت: مسکو خواستار … است», «سخنگوی حماس
    افزود: حماس … پذیرفت»), part of the spokesperson's statement, not a new one."""
    between = doc.folded[prev[1]:ts]
    outer = [sp.entity for sp in prev[2]]
    if not outer or not speakers:
        return False
    if not re.search(r"[:«]|(?<![^\W_])که(?![^\W_])|،", between):
        # «… تأکید کرد مسکو خواستار …»: the reported clause right after the verb
        first = min(sp.start for sp in speakers)
        if doc.folded[prev[1]:first].strip(" \u200c") != "":
            return False
    for sp in speakers:
        e = sp.entity
        if e.kind not in ("state", "organization", "government_body") or not e.country:
            return False
        if not any(o.kind == "person" and o.country == e.country and _spokesperson(doc, o) for o in outer):
            return False
    return True


def _spokesperson(doc, person):
    """Is the person named a spokesperson anywhere in the article?"""
    return any(m.entity is person or m.entity.name == person.name for m in doc.mentions
               if "سخنگو" in m.text)


def _speakerless_headline_noun(doc, ts, te, se):
    """A headline noun followed directly by «از/به/برای/درباره» (no actor named)."""
    before = doc.folded[doc.sentences[0][0]:ts].strip(" \u200c")
    if not before.endswith(("/", "|")):
        return False  # the noun must open a second part of the headline
    after = doc.folded[te:se].split()
    if not after or after[0] not in ("از", "به"):
        return False
    obj = [m for m in doc.mentions if te < m.start <= te + len(after[0]) + 3]
    return bool(obj) and obj[0].entity.kind in ("person", "state", "government_body", "organization")


# a joined plural/ezafe suffix after a trigger word makes it a noun («خواسته‌های», «گفته‌هایش»)
NOUN_SUFFIXES = {"ها", "های", "ای", "هایی", "هایش", "هایشان", "هایمان", "هایتان", "هایم", "هایت"}
STANCE_TYPES = {"praise", "reject", "agree", "criticize"}
RA_HEADS = {"دانست", "خواند", "نامید", "برشمرد"}
PREP_BEFORE_VERB = {"با", "به", "از", "طبق", "بنابر", "برای", "در", "بر", "این", "آن", "هر", "طبق"}
CONNECTIVES = {"روز", "امروز", "دیروز", "شب", "صبح", "عصر", "گذشته", "شنبه", "یکشنبه", "دوشنبه", "سه",
               "چهارشنبه", "پنجشنبه", "جمعه", "قبل", "پیشتر", "اخیرا", "بار", "دیگر", "نیز", "هم",
               "و", "همچنین", "نیز", "سپس", "اما", "ولی", "البته", "هم", "بعد", "پس", "از", "آن", "ضمن",
               "در", "عین", "حال", "همین", "ادامه", "پایان", "این", "رابطه", "ارتباط", "خصوص", "زمینه",
               "بخش", "دیگری", "دیگر", "سو", "سوی", "طرف", "حالی", "است", "که", "پیوند", "میان"}
ADVERBIAL_OPENERS = {"به", "در", "پس", "با", "بر", "طی", "پیش", "از", "برای", "علیرغم", "رغم", "باتوجه",
                     "درپی", "دنبال", "همزمان", "بنابر", "بنا", "طبق", "درحالی", "هنگام", "بعد", "قبل",
                     "ضمن", "حین", "هرچند", "اگرچه", "چنانچه", "وقتی", "زمانی", "اکنون", "همچنان"}


_MITAVAN = re.compile(r"(?<![^\W_])(?:می[ \u200c]*توان|نمی[ \u200c]*توان)(?![^\W_])[^.،:]*$")


def _source_ok(doc, ss, ts):
    before = doc.folded[ss:ts].strip(" \u200c")
    if not before:
        return True
    if before.endswith(("،", ",", ":", "؛")):
        return True
    words = before.replace("\u200c", " ").split()
    return len(words) >= 2 and words[-1] == "که" and words[-2] == "است"


_SENTENCED_TO = re.compile(r"(?<![^\W_])(?:زندان|حبس|اعدام|جریمه|شلاق|تبعید|اقامت[ \u200c]+اجباری|سال|ماه|"
                          r"پرداخت|مرگ|ابد)(?:[ \u200c]+[^\s،,.:«»]+){0,2}?[ \u200c]+$")


def _named_subject_before(doc, ss, ts):
    """An actor other than a pronoun or a place ends right before the verb at ``ts``."""
    for m in doc.mentions:
        if ss <= m.start and m.end <= ts and doc.folded[m.end:ts].strip(" \u200c«»\"") == "":
            return m.entity.kind not in ("pronoun", "place")
    return False


def _prep_before(doc, ss, ts):
    words = doc.folded[max(ss, ts - 20):ts].replace("\u200c", " ").split()
    if words[-3:-1] in (["پیش", "از"], ["پس", "از"], ["قبل", "از"]) and words[-1] in ("این", "آن"):
        return False  # «پیش از این گفته بود»: an adverb of time, no phrase that lacks its noun
    return bool(words) and words[-1] in PREP_BEFORE_VERB and doc.folded[ts - 1] in " \u200c"


_ENDANGER = re.compile(r"(?<![^\W_])(?:امنیت|ثبات|صلح|منافع|سلامت|سلامتی|جان|زندگی|حیات|آرامش|وحدت|"
                       r"تجارت|اقتصاد|محیط[ \u200c]+زیست)(?:[ \u200c]+[^\s،,.:«»]+){0,4}?[ \u200c]+(?:را[ \u200c]+)?"
                       r"(?:نیز[ \u200c]+|هم[ \u200c]+|به[ \u200c]+شدت[ \u200c]+|جدی[ \u200c]+)?$")
_NOUN_WITH_BA = re.compile(r"(?<![^\W_])(?:مقابله|مبارزه|برخورد|رویارویی|مواجهه|مواجه|روبرو|روبه[ \u200c]*رو|همراه|"
                           r"همزمان|مقارن|منطبق|متناسب|مرتبط)[ \u200c]+(?:ب|ض)")
_ANONYMITY = re.compile(r"[ \u200c]*(?:که[ \u200c]+)?(?:نامش|نام[ \u200c]+(?:وی|او|خود|آنها)|نامی[ \u200c]+از)(?![^\W_])")
_PROGRESSIVE_SPEAKING = re.compile(r"(?:سخن|صحبت|سخنرانی)[ \u200c]+می[ \u200c]*(?:گفت|گفتند|کرد|کردند)$")


def _background_speaking(folded, ss, ts, te):
    """«X که در جمع خبرنگاران سخن می‌گفت»: a past progressive of speaking inside a «که»
    clause sets the scene for the main verb that follows."""
    if not _PROGRESSIVE_SPEAKING.search(folded[max(ss, ts - 12):te]):
        return False
    return re.search(r"(?<![^\W_])که(?![^\W_])", folded[ss:ts]) is not None


# «از اظهار نظر درباره … خودداری کرد»: declining to comment is a refusal, a speech act
_DECLINE_SPEECH = re.compile(r"(?<![^\W_])از[ \u200c]+(?:اظهار[ \u200c]*نظر|اظهارنظر|پاسخ|توضیح(?:ات)?|اظهار|اعلام|"
                             r"تایید|تأیید|تکذیب|بیان|افشای|افشا|ارایه[ \u200c]+(?:توضیح(?:ات)?|جزییات|اطلاعات)|"
                             r"گفت[ \u200c]*و[ \u200c]*گو|"
                             r"مصاحبه|صحبت)(?![^\W_])[^.:«]{0,80}$")

_SPLIT_VERB = {
    "مدعی": None,  # same light verbs as «خواستار», set below
    "خواستار": re.compile(r"(?<![^\W_])(?:(?P<fut>خواه(?:د|ند)[ \u200c]+شد)|(?:ن)?(?:شد|شدند|شده|گردید|گردیدند|است|هستند|بود|بودند|می[ \u200c]*شود|می[ \u200c]*شوند|هست|هستیم|شدیم|شدم))(?![^\W_])"),
    "متهم": re.compile(r"(?<![^\W_])(?:(?P<fut>خواه(?:د|ند)[ \u200c]+کرد)|(?:ن)?(?:می[ \u200c]*)?(?:کرد|کردند|کرده|نمود|نمودند|کند|کنند|ساخت)|(?P<pas>شد|شدند|شده|است|هستند|بود|بودند|گردید))(?![^\W_])"),
}


_SPLIT_VERB["مدعی"] = _SPLIT_VERB["خواستار"]
_SPLIT_VERB["تهدید"] = _SPLIT_VERB["متهم"]  # «X را تهدید به حمله کرد»
# «به تشریح / بیان / انتقاد از … پرداخت» (lexicon kind «engage»)
_ENGAGE_VERB = re.compile(r"(?<![^\W_])(?:(?P<fut>خواه(?:د|ند)[ \u200c]+پرداخت)|(?:ن)?(?:می[ \u200c]*)?"
                          r"(?:پرداخت|پرداختند|پرداخته|پردازد|پردازند))(?![^\W_])")


def _split_verb(doc, te, se, head):
    """The light verb after a split head's object, in the same sentence and clause."""
    rx = _ENGAGE_VERB if head in T.engage_heads() else _SPLIT_VERB.get(head)
    if rx is None:
        return True, False, False, None
    seg_end = se
    m = rx.search(doc.folded, te, seg_end)
    if not m:
        return False, False, False, None
    # the verb must close the head's clause (no other clause boundary in between)
    between = re.sub(r"«[^«»:]{1,40}»", "", doc.folded[te:m.start()])
    if ":" in between or "«" in between or len(between) > 160:
        return False, False, False, None
    return True, bool(m.group("fut")), bool(m.groupdict().get("pas")), m.start()


_FROM_WHOM = re.compile(r"(?<![^\W_])از[ \u200c]+([^\W\d_]+)(?:[ \u200c]+[^\W\d_]+){0,7}[ \u200c]+$")
_FROM_NOT_WHOM = frozenset(("این", "آن", "همین", "همان", "سال", "ماه", "روز", "هفته", "زمان", "مدت", "قبل", "پیش",
                            "طریق", "راه", "ابتدا", "آغاز", "اول", "جمله", "سوی", "طرف", "جانب", "دیرباز", "قدیم",
                            "گذشته", "مدتها", "سالها", "خدا", "خداوند"))


def _request_frame(doc, ss, ts, te, se, prev):
    """«از X خواست» / «خواست که|تا …»: a request, not «want»."""
    lo = prev[1] if prev else ss
    before = doc.folded[lo:ts].replace("\u200c", " ").split()
    if "از" in before:
        # «از X خواست»: «از» right before an actor or a pronoun; not «داستان از این قرار است»
        for m in doc.mentions:
            if lo <= m.start < ts and doc.folded[max(lo, m.start - 4):m.start].replace("\u200c", " ").split()[-1:] == ["از"]:
                return True
        if re.search(r"(?<![^\W_])از[ \u200c]+(?:وی|او|آنها|آنان|ایشان|طرفین|همه|مردم|کشورها|دولت)", doc.folded[lo:ts]):
            return True
        m = _FROM_WHOM.search(doc.folded, max(lo, ts - 50), ts)
        if m and m.group(1) not in _FROM_NOT_WHOM:
            return True  # «از هیأت رئیسه خواست»: a body no lexicon knows
    after = doc.folded[te:se].strip(" \u200c،,").split()
    return bool(after) and after[0] in ("که", "تا")


def _object_type(doc, ss, ts):
    """«نگرانی خود را … اعلام کرد»: the type named by the object of a neutral verb (one of
    the three words before «را»)."""
    seg = doc.folded[max(ss, ts - 90):ts].replace("\u200c", " ")
    words = seg.split()
    types = T.object_types()
    best = None
    for i, w in enumerate(words):
        if w != "را":
            continue
        for x in words[max(0, i - 3):i]:
            typ = types.get(R.key(x))
            if typ:
                best = typ
                break
    return best


JUDGING_HEADS = {"دانست", "خواند", "نامید", "قلمداد", "ارزیابی", "توصیف", "تلقی"}


def _judgement_type(doc, ss, ts):
    """«آن را «غیرانسانی» خواند», «را اقدامی اشتباه قلمداد کرد»: the type named by an
    evaluative word among the (at most four) words between «را» and the judging verb."""
    seg = doc.folded[max(ss, ts - 60):ts].replace("\u200c", " ")
    k = seg.rfind(" را ")
    words = [w.strip("«»\"'()،,") for w in (seg[k + 4:] if k >= 0 else seg).split()][-4:]
    types = T.judge_types()
    for i in range(len(words)):
        for j in (i + 3, i + 2, i + 1):
            typ = types.get(R.phrase_key(" ".join(words[i:j]))) if j <= len(words) else None
            if typ:
                return typ
    return None


def _looks_like_proposal(s):
    return bool(re.search(r"(پیشنهاد|درخواست|طرح|قطعنامه|تقاضا|دعوت|پیش[ \u200c]*نویس|شرط|شروط|ابتکار|سیاست|"
                          r"لایحه|مصوبه|راه[ \u200c]*حل|راهکار)", s[-120:]))


EZAFE_NOUNS = {"ادعای", "ادعا", "ادعاهای", "اظهارات", "واکنش", "تهدیدهای", "تهدیدات", "مخالفت", "مطالب", "مواضع",
               "درخواست", "پیشنهاد", "دستور"}
BODY_NOUNS = {"انتقاد", "حمایت", "استقبال", "هشدار", "درخواست", "اعتراض", "محکومیت", "تاکید", "تأکید",
              "ابراز نگرانی", "تکذیب"}


def _noun_ok(doc, si, ss, se, ts, te, pj, t):
    """A bare noun trigger counts in a headline (or a headline-like first line), or as
    «noun + ezafe + actor» («ادعای آمریکا»)."""
    line_start = doc.text.rfind("\n", 0, ts) + 1
    headline = si == 0 or (doc.text.find("\n", ts) if doc.text.find("\n", ts) >= 0 else len(doc.text)) - line_start < 120 and not doc.text[ss:se].rstrip().endswith((".", "!", "؟"))
    before = doc.folded[max(ss, ts - 8):ts].split()
    if before and before[-1] in ("مورد", "تحت"):
        return False  # «مورد استقبال قرار گرفت»: a passive, not an act of the actor after it
    nxt = _mention_after(doc, te, 3)
    if nxt is None or nxt.entity.kind in ("place", "pronoun"):
        return False
    if re.search(r"به[ \u200c]+(?:شرح|این[ \u200c]+شرح)", doc.folded[te:se]):
        return False  # «متن پیام تسلیت X به شرح زیر است»: the act is «به شرح زیر است»
    if not headline and t.head not in EZAFE_NOUNS:
        # «حمایت X از Y», «انتقاد X از Y» in the body: the actor then a preposition
        if t.head not in BODY_NOUNS:
            return False
        after = doc.folded[nxt.end:nxt.end + 12].replace("\u200c", " ").split()
        if not after or after[0] not in ("از", "به", "بر", "نسبت", "درباره"):
            return False
        before = doc.folded[max(ss, ts - 12):ts].replace("\u200c", " ").split()
        if before and (before[-1] in PREPS or before[-1] in ("ضمن", "با")):
            return False
    gap = doc.folded[te:nxt.start]
    if len(gap.split()) > 1:
        return False
    if t.head in EZAFE_NOUNS and not _ezafe_act_ok(doc, ss, ts, nxt, t, headline):
        return False
    if t.head in ("درخواست", "پیشنهاد", "دستور") and not headline and nxt.entity.kind == "media":
        return False  # «درخواست نیوزویک برای اظهارنظر»: a newsroom asking for comment
    if t.head == "دستور" and before and before[-1] in ("در", "با", "به"):
        return False  # «در دستور مجمع عمومی»: on the agenda; «با/به دستور X»: by X's order, narrated
    return True


_MILITARY = re.compile(r"(?<![^\W_])(?:هدف|بمباران|حمله|حملات|تصرف|موشک|توپخانه|گلوله)")
_BACKREF_BEFORE = {"به", "دنبال", "پی", "درپی", "رغم", "علیرغم", "اساس", "براساس", "صحت",
                   "کدام", "صورت", "تداوم", "طبق", "بنابر", "مبنای"}


def _ezafe_act_ok(doc, ss, ts, nxt, t, headline=False):
    """«اظهارات X», «تهدیدهای X», «واکنش X» in the body: not in a reaction frame («در واکنش
    به اظهارات X», «به دنبال تهدیدات X»: an act reported before), not the subject of the
    narrator's «در حالی … که» frame, and «واکنش X به …» is a reaction (often an action)."""
    before = doc.folded[max(ss, ts - 24):ts].replace("\u200c", " ").split()
    if t.head in ("ادعای", "ادعا", "ادعاهای"):
        return True  # «ادعای X» keeps its own rule (a new act wherever it stands)
    if before and (before[-1] in _BACKREF_BEFORE or before[-1] == "از" and len(before) > 1
                   and before[-2] in ("پس", "بعد", "قبل", "پیش")):
        return False  # «پس از اظهارات X», «علی‌رغم اظهارات X», «در صورت مخالفت X»
    if headline and t.head != "مواضع":
        return True
    lo = ss
    for mm in re.finditer(r"[،,:«؛]", doc.folded[ss:ts]):
        lo = ss + mm.end()
    words = [w.strip("«»\"()") for w in doc.folded[lo:ts].replace("\u200c", " ").split()]
    opens = all(not w or w in CONNECTIVES and w not in ("از", "در", "با") or w in TIME_NOUNS or w in ("طی", "ها", "های")
                or w.isdigit() for w in words)
    if t.head == "مواضع" and (not opens or nxt.entity.kind not in ("state", "government_body", "person")
                              or _MILITARY.search(doc.folded, nxt.end, doc.sentences[doc.sentence_of(ts)][1])):
        return False  # «انتقاد از مواضع ترکیه», «مواضع داعش را هدف قرار داد»: not stated positions
    if t.head in ("اظهارات", "مطالب") and opens:
        return False  # «اظهارات X در پاسخ به … ایراد شد»: the narrator on remarks already reported
    after = doc.folded[nxt.end:nxt.end + 40].replace("\u200c", " ")
    if re.match(r"\s*(?:[^\s]+\s+){0,2}در\s*حالی", after):
        return False
    if t.head == "واکنش" and re.match(r"\s*به(?![^\W_])", after):
        return False
    return True


def _mention_after(doc, pos, max_pieces):
    for m in doc.mentions:
        if m.start >= pos:
            seg = doc.folded[pos:m.start]
            if len(seg.split()) <= max_pieces - 1 and "،" not in seg and ":" not in seg:
                return m
            return None
    return None


def _after_rubric(doc, ss, k):
    """Where a headline's speaker part may begin: after a rubric closed by a semicolon or a
    bar before the colon at `k` («ماهواره نظامی سپاه؛ شمخانی: …»)."""
    return max(ss, doc.text.rfind("؛", ss, k) + 1, doc.text.rfind("|", ss, k) + 1)


def _headline_colon(doc, si, ss, se):
    """«SPEAKER: words» in the headline; the speaker may carry a short prepositional
    phrase before the colon («X در گفت‌وگو با Y: …», «X درباره Z: …»)."""
    if si != 0:
        return None
    k = doc.text.find(":", ss, se)
    if k < 0 or k - ss > 90:
        return None
    ss = _after_rubric(doc, ss, k)
    ms = [m for m in doc.mentions if ss <= m.start and m.end <= k]
    if not ms:
        m = _headline_name(doc, ss, k)
        if m is None:
            return None
        doc.mentions.append(m)
        doc.mentions.sort(key=lambda x: (x.start, -x.end))
        ms = [m]
    m = ms[-1]
    between = doc.folded[m.end:k].strip(" \u200c«»\"")
    if between != "" or len(doc.folded[ss:m.start].split()) > 2:
        # the first actor, then a short phrase that starts with a preposition
        m = ms[0]
        between = doc.folded[m.end:k].strip(" \u200c«»\"").split()
        if len(doc.folded[ss:m.start].split()) > 1 or not between or len(between) > 8 or \
                between[0] not in ("در", "درباره", "به", "با", "خطاب", "پس", "پیش", "ضمن"):
            return None
    if m.entity.kind == "place" or m.entity.kind == "media" and doc.publisher is not None and _is_publisher(doc, m):
        return None  # «نیویورک‌تایمز: …» speaks in its own voice; the publisher's name is no speaker
    return (k, k + 1, T.Trig("statement", "colon", ":"), None, None)


def _headline_name(doc, ss, k):
    """«بگوویچ: …», «محمد ابراهیم: …»: one to three words no lexicon knows before a
    headline's colon name its speaker when the body names them again (the last word, as
    a whole word). A mention of that person, or None."""
    from kg.extract.actors import NAME_STOP

    f = doc.folded
    lo = ss
    bar = f.rfind("|", ss, k)
    if bar >= 0:
        lo = bar + 1  # «در گفت‌وگو با فارس | …»: a rubric before the bar
    words = list(re.finditer(r"[^\s\u200c]+(?:\u200c[^\s\u200c]+)*", f[lo:k]))
    if not 1 <= len(words) <= 3:
        return None
    ws = [w.group(0) for w in words]
    if any(w in NAME_STOP or w in PREPS or w in CONNECTIVES or not re.fullmatch(r"[^\W\d_]+(?:\u200c[^\W\d_]+)*", w)
           for w in ws):
        return None
    s0, e0 = lo + words[0].start(), lo + words[-1].end()
    body = f[doc.sentences[1][0]:] if len(doc.sentences) > 1 else ""
    if not re.search(r"(?<![^\W_])" + re.escape(ws[-1]) + r"(?![^\W_])", body):
        return None
    name = " ".join(doc.text[s0:e0].split())
    kind = "organization" if R.key(ws[0]) in _ORG_WORDS and len(ws) > 1 else "person"  # «باشگاه استقلال: …»
    return Mention(s0, e0, doc.text[s0:e0], Entity(name, kind, None), "name")


_ORG_WORDS = frozenset(R.key(w) for w in ("باشگاه", "سازمان", "شرکت", "انجمن", "اتحادیه", "ستاد", "بنیاد",
                                           "حزب", "جبهه", "گروه", "موسسه", "مؤسسه", "کانون", "مرکز"))


class _Context:
    """What the article said so far: for pronouns and dropped subjects."""

    def __init__(self, doc):
        self.doc = doc
        self.speakers: list[Statement] = []

    def note(self, st):
        self.speakers.append(st)

    def resolve(self, ref, pos, mentions):
        """Antecedent entity (and its mention) for a pronoun/anaphor of type ``ref``."""
        def fits(e):
            if ref == "person":
                return e.kind == "person"
            if ref == "plural":
                return e.kind in ("state", "group", "government_body", "organization")
            if ref == "ministry":
                return e.kind == "government_body" and e.name.startswith("وزارت")
            if ref in ("any", "statement"):
                return e.kind != "place"
            return e.kind == ref

        for st in reversed(self.speakers):
            if st.features.get("nested") and ref == "person":
                continue  # a speaker inside someone's quoted words is not what «وی» picks up
            if st.trigger_start < pos and st.speaker is not None:
                e = st.speaker.entity
                if fits(e):
                    return e
        for m in reversed(mentions):
            if m.end <= pos and m.entity.kind not in ("pronoun",) and fits(m.entity):
                return m.entity
        return None


# nouns of PREPS that a demonstrative closes: «در این دیدار», «در این باره», «در همین رابطه»
_DEM_CLOSED = {"دیدار", "ملاقات", "تماس", "گفتگو", "گفتوگو", "مذاکره", "مذاکرات", "باره", "خصوص", "رابطه",
               "میان", "سفر", "مورد"}


# nouns of a place that take their state after them («در شرق اوکراین», «به خاک سوریه»)
_PLACE_NOUNS = frozenset(("شرق", "غرب", "شمال", "جنوب", "مرکز", "داخل", "خارج", "سراسر", "نزدیکی", "اطراف",
                          "حومه", "مرز", "مرزهای", "خاک", "پایتخت", "شهرهای", "مناطق", "منطقه"))


# a topic phrase: a preposition of «about», then up to four words, right before a mention
_TOPIC_PP = re.compile(r"(?<![^\W_])(?:درباره|در[ \u200c]*باره|در[ \u200c]+مورد|در[ \u200c]+خصوص|پیرامون|در[ \u200c]+قبال)"
                       r"(?:[ \u200c]+(?!که(?![^\W_]))[^\s\d۰-۹،,.:؛«»\"“”]+){0,4}?[ \u200c]+$")
# («که» opens a clause; a number opens a counted subject: «در مورد شرکت “X” ۵۰ نماینده …»)


_TOPIC_OPEN = re.compile(r"باره|مورد|خصوص|پیرامون|قبال")


def _topic_opener_near(doc, pos):
    """A word that may open a topic phrase within 50 characters before ``pos`` (the
    openers are found once per document, then searched by bisection)."""
    got = doc.__dict__.get("_topic_open")
    if got is None:
        got = doc.__dict__["_topic_open"] = [x.start() for x in _TOPIC_OPEN.finditer(doc.folded)]
    k = bisect_left(got, pos) - 1
    return k >= 0 and pos - got[k] <= 50


def _excluded(doc, m, attrib_spans, clause_start=None):
    """Can m not be a subject? ``clause_start``: a new clause begins there, so a «و»
    right before it opens the clause rather than joining m to an earlier actor."""
    f = doc.folded
    if m.entity.kind in ("place",) or m.source in ("dem",):
        return True
    for a, b in attrib_spans:
        if a <= m.start < b:
            return True
    if m.source == "office":
        # «در خصوص غلامحسین کرباسچی دبیر کل حزب … گفت»: an apposition shares its name's fate
        for x in doc.mentions:
            if x is not m and x.entity is m.entity and x.end <= m.start and m.start - x.end <= 3 \
                    and f[x.end:m.start].strip(" \u200c،,") == "":
                return _excluded(doc, x, attrib_spans, clause_start)
    # preposition before
    before = f[max(0, m.start - 25):m.start].replace("\u200c", " ").split()
    if before:
        w = before[-1].strip("«\"(")
        if w == "و" and clause_start is not None and clause_start <= m.start:
            pass
        elif w == "از" and len(before) >= 2 and (before[-2] in R.QUANTIFIERS or before[-2] == "یکی"):
            pass  # «برخی از مقامات آمریکا گفتند»: a part of the collective is the subject
        elif (w in PREPS or R.key(w) in PREPS) and not (
                w in _DEM_CLOSED and len(before) >= 2 and before[-2] in ("این", "همین", "آن")):
            return True  # but «در این دیدار X …», «در این باره X …» close before the subject
        if w in ("گفت", "گفته") and len(before) >= 2 and before[-2] == "به":
            return True
        if w in _PLACE_NOUNS and len(before) >= 2 and before[-2] in ("در", "به", "از", "تا", "با"):
            return True  # «در شرق اوکراین»: a place phrase, never the subject
        if _topic_opener_near(doc, m.start) and _TOPIC_PP.search(f, max(0, m.start - 50), m.start):
            return True  # «درباره مسئله هسته‌ای ایران نیز گفت»: what is talked about, not who talks
    after = f[m.end:m.end + 12].replace("\u200c", " ").split()
    if after and after[0] in ("را", "رو"):
        return True
    return False


def _speakers(doc, ctx, st, t, ss, se, ts, te, pi, pj, prev, attrib_spans):
    """The speaker mentions of a trigger and how they were found."""
    f = doc.folded
    ms = doc.mentions
    if t.form == "colon":
        ss = _after_rubric(doc, ss, ts)
        cand = [m for m in ms if ss <= m.start and m.end <= ts and m.entity.kind != "place"
                and not (m.entity.kind == "media" and doc.publisher is not None and _is_publisher(doc, m))]
        if not cand:
            return [], None
        last = cand[-1]
        if f[last.end:ts].strip(" \u200c«»\"") != "" or len(f[ss:last.start].split()) > 2:
            last = cand[0]
        if last.entity.kind == "pronoun":
            return [], None
        return [last], "colon"
    if t.form == "noun":
        for m in ms:
            if m.start < te:
                continue
            gap = f[te:m.start].replace("\u200c", " ").split()
            if len(gap) > 1 or any(w in PREPS or w in ("و", "،") for w in gap) or "،" in f[te:m.start]:
                break
            if m.entity.kind == "media" and m.text.endswith("ی") and not m.entity.name.endswith("ی"):
                continue  # «کنایه توئیتری X»: an adjective
            if m.entity.kind in ("place", "pronoun"):
                break
            return [m] + _coordinated(doc, m, ms, se, attrib_spans, True), "explicit"
        return [], None
    if t.form == "source":
        m = _mention_after(doc, te, 4)
        if m is None:
            return [], None
        if m.entity.kind == "pronoun":
            ent = ctx.resolve(m.entity.country or "any", m.start, ms)
            if ent is None:
                return [], None
            return [Mention(m.start, m.end, m.text, ent, "pronoun")], "source"
        return [m], "source"
    if t.passive:
        # «از سوی X», «توسط X»
        seg = f[ss:ts]
        mm = re.search(r"(?:از[ \u200c]+سوی|از[ \u200c]+جانب|توسط)[ \u200c]+", seg)
        if mm:
            pos = ss + mm.end()
            cands = [m for m in ms if pos <= m.start < ts and m.entity.kind not in ("place", "pronoun")]
            if cands and len(f[pos:cands[0].start].split()) <= 1:
                # «از سوی احزاب مخالف ژاپن»: an unknown agent, not the state that qualifies it
                out = [cands[0]]
                out += _coordinated(doc, cands[0], ms, ts, attrib_spans, plural=True)
                return out, "agent"
        return [], None
    if t.form == "amade":
        seg = f[ss:ts]
        if t.head == "شرح":
            # «متن کامل پیام تسلیت X به شرح زیر است»: the text's author
            mm = re.search(r"(?:^|[ \u200c])(?:این[ \u200c]+)?(?:بیانیه|نامه|پیام|متن|اطلاعیه)(?![^\W_])", seg)
            words = 4
        else:
            mm = re.search(r"(?:^|[ \u200c])در[ \u200c]+(?:این[ \u200c]+)?(?:بیانیه|گزارش|نامه|پیام|متن|اطلاعیه|بخشی|ادامه|توییت|یادداشت|مقاله|سند|قطعنامه)", seg)
            words = 1
        if not mm:
            return [], None
        pos = ss + mm.end()
        cands = [m for m in ms if pos <= m.start < ts and m.entity.kind not in ("place", "pronoun")]
        if "این" not in mm.group(0) and cands and len(f[pos:cands[0].start].split()) <= words:
            return [cands[0]], "amade"
        if "گزارش" in mm.group(0):
            for m in reversed(ms):
                if m.end <= ts and m.entity.kind == "media" and not _is_publisher(doc, m):
                    return [Mention(m.start, m.end, m.text, m.entity, "anaphor")], "amade"
        # «در این بیانیه آمده است»: the last speaker's statement
        if ctx.speakers:
            last = ctx.speakers[-1]
            if st.sentence - last.sentence <= 4:
                sp = last.speaker
                return [Mention(sp.start, sp.end, sp.text, sp.entity, "anaphor")], "amade"
        return [], None
    if prev is not None and prev[3] == "relative" and prev[2]:
        # «X، Y را که … انتقاد کرده بود به … دعوت کرد»: after the relative clause, the main
        # clause's subject stands before its head
        found = _subject(doc, ctx, t, ss, prev[2][0].start, ms, attrib_spans, shared=False)
        if found:
            return found
    # the clause window
    base = ss if prev is None else max(ss, prev[1])
    after_source = False
    if prev is not None and prev[4] == "source":
        # «به گفته این منبع، X … خواستار شده است»: after the source phrase's comma the clause
        # has its own subject; the source speaks only when none is there
        k = f.find("،", base, ts)
        if k >= 0:
            base, after_source = k + 1, True
    if prev is not None and prev[4] == "adverbial":
        # «X با بیان اینکه …، گفت»: the adverbial's clause runs to its comma
        k = f.rfind("،", base, ts)
        if k >= 0:
            base = k + 1
        else:
            return list(prev[2]), "shared"
    lo = base
    reported = False
    seg = f[lo:ts]
    for mm in re.finditer(r":|«|؛|،|(?<![^\W_])(?:که|ولی|اما)(?![^\W_])", seg):
        pos = base + mm.end()
        if mm.group(0) in ("ولی", "اما"):
            # «… اعلام نشده است ولی X گفته است»: a new clause with its own subject
            lo = pos
            reported = False
            continue
        if mm.group(0) == "،":
            # «تاکید کرد، …»: a comma right after the previous trigger opens its content
            if prev is None or f[prev[1]:base + mm.start()].strip(" \u200c") != "":
                continue
            if " را " in f[ss:prev[0]].replace("\u200c", " ") + " ":
                continue  # «X را «غیرانسانی» خواند، از … انتقاد کرد»: the words were before the verb;
                # the comma joins a second predicate of the same subject
        if mm.group(0) == "که":
            # only a complementizer after a reporting trigger starts a new clause
            if not _trigger_before(doc, base, base + mm.start()):
                continue
        if mm.group(0) == "«" and not _trigger_before(doc, ss, base + mm.start()) and ":" not in f[ss:base + mm.start()]:
            continue
        lo = pos
        reported = mm.group(0) in ("که", "،", ":", "«")
    windows = [lo] if lo == base else [lo, base]
    for w in windows:
        found = _subject(doc, ctx, t, w, ts, ms, attrib_spans, shared=prev is not None and w == base and not after_source)
        if found:
            return found
        if w != base and reported and _substantive(doc, w, ts, attrib_spans) > 0:
            return [], None  # a clause of its own whose subject we do not know
    if _in_quote(doc.text, ss, ts):
        return [], None  # inside quoted words, an act needs its own subject
    if prev is not None:
        return list(prev[2]), "shared"
    if t.form in ("adverbial",):
        # the main clause's subject comes before «با/ضمن»; look in the whole sentence
        cands = [m for m in ms if ss <= m.start and m.end <= ts and not _excluded(doc, m, attrib_spans)
                 and m.entity.kind != "pronoun"]
        if cands:
            return [cands[0]], "explicit"
    # dropped subject: continue the previous statement's speaker when close
    if ctx.speakers and (_substantive(doc, ss, ts, attrib_spans) == 0 or _adverbial_only(doc, ss, ts, attrib_spans)):
        last = ctx.speakers[-1]
        if st.sentence - last.sentence <= 2 and last.speaker is not None and t.form in ("verb", "light", "stative", "adverbial"):
            sp = last.speaker
            return [Mention(sp.start, sp.end, sp.text, sp.entity, "continued")], "continued"
    return [], None


def _at_clause_start(doc, lo, m):
    words = doc.folded[lo:m.start].replace("\u200c", " ").split()
    words = [w.strip("،,:؛«»\"()") for w in words]
    return all(not w or w in CONNECTIVES for w in words)


def _past_attribution(doc, lo, attrib_spans):
    pos = lo
    for a, b in attrib_spans:
        if a <= pos < b or (a >= pos and doc.folded[pos:a].strip(" \u200c،,") == ""):
            pos = max(pos, b)
    return pos


def _list_comma(doc, k):
    """A comma inside a list of actors of one kind («لهستان، چک، اوکراین»), or before an
    apposition («ظریف، وزیر خارجه ایران،»)."""
    left = [m for m in doc.mentions if 0 <= k - m.end <= 1]
    right = [m for m in doc.mentions if 0 <= m.start - k <= 2]
    if not (left and right):
        return False
    lk, rk = left[0].entity.kind, right[0].entity.kind
    if lk == rk == "person":
        if right[0].source == "office":
            return left[0].source != "office"  # «ظریف، وزیر خارجه ایران،» opens an apposition
        if left[0].source == "office":
            # «وزیر خارجه روسیه، لاوروف» is one; «ظریف، وزیر خارجه ایران، لاوروف» closes it
            return not re.search(r"[،,][ \u200c]*$", doc.folded[max(0, left[0].start - 3):left[0].start])
        return _list_goes_on(doc, left[0], right[0])  # «پیش از صحبت قالیباف، نوروزی … گفت»: no list
    return lk in ("state", "government_body", "person", "organization") and rk == lk \
        or rk == "state" and left[0].entity.country is not None and lk != "place"


def _list_goes_on(doc, left, right):
    """A third item before the two («A، B، C») or after them («A، B و C»)."""
    before = doc.folded[max(0, left.start - 3):left.start].strip(" \u200c")
    after = re.match(r"[ \u200c]*(?:[،,]|و(?![^\W_]))[ \u200c]*", doc.folded[right.end:right.end + 6])
    return before.endswith(("،", ",")) or after is not None and any(
        m.start == right.end + after.end() and m.entity.kind == right.entity.kind for m in doc.mentions)


def _skip_adverbial(doc, lo, ts, attrib_spans):
    """Past a leading adverbial phrase closed by a comma («به دنبال …،», «در پی …،»)."""
    pos = lo
    for a, b in attrib_spans:
        if a <= pos < b or (a >= pos and doc.folded[pos:a].strip(" \u200c") == ""):
            pos = max(pos, b)
    m = re.match(r"[\s\u200c،,:«»]*", doc.folded[pos:ts])
    pos += m.end()
    words = doc.folded[pos:ts].replace("\u200c", " ").split()
    if not words:
        return lo
    w = words[0].strip("،,«")
    if w not in ADVERBIAL_OPENERS:
        return lo
    for mm in re.finditer(r"[،,]", doc.folded[pos:ts]):
        k = pos + mm.start()
        if _list_comma(doc, k):
            continue
        return k + 1
    return lo


def _adverbial_only(doc, ss, ts, attrib_spans):
    """Is everything before the trigger one leading adverbial phrase closed by a comma
    («با اشاره به …، نوشته است»)? Then the subject is dropped, not inside the phrase."""
    lo2 = _skip_adverbial(doc, ss, ts, attrib_spans)
    return lo2 > ss and doc.folded[lo2:ts].strip(" \u200c") == ""


def _weakly_excluded(doc, m, lo):
    """Inside a prepositional phrase: a preposition within three words before the
    mention with only nouns (an ezafe chain) between, and no punctuation."""
    seg = doc.folded[max(lo, m.start - 45):m.start]
    for ch in "،,:؛":  # quotes and brackets stay inside the phrase: «از «ممانعت آمریکا» …»
        k = seg.rfind(ch)
        if k >= 0:
            seg = seg[k + 1:]
    words = seg.replace("\u200c", " ").split()[-4:]
    if any(w in TIME_NOUNS for w in words):
        return False  # «در سال‌های اخیر X …»: a time phrase, then the subject
    return any(w in PREPS for w in words[:-1] + words[-1:]) and not any(w in ("که", "و") for w in words)


TIME_NOUNS = {"سال", "سالهای", "روز", "روزهای", "ماه", "ماههای", "هفته", "هفتههای", "دوره", "دورههای",
              "زمان", "اواخر", "اوایل", "اواسط", "ساعات", "ساعت", "دقایقی", "ساعاتی", "امروز", "دیروز",
              "گذشته", "اخیر", "جاری", "پیش", "قبل"}


_QUOTED_NAME = re.compile(r"[«\"]([^«»\"]{3,30})[»\"]")


_BARE_NAME = re.compile(r"([\u0600-\u06FF]{2,}(?:[ \u200c][\u0600-\u06FF]{2,}){1,2}?)[ \u200c]+"
                        r"(?=(?:روز|صبح|امروز|دیروز|عصر|شب|در|با|ضمن|همچنین|نیز|پس|طی|بعد|هم)(?![^\W_]))")


def _quoted_name(doc, lo, ts, attrib_spans):
    """«Name Surname» (or an unquoted two- or three-word name followed by an adverbial)
    at the start of the clause: a person the gazetteer does not know."""
    pos = _past_attribution(doc, lo, attrib_spans)
    m = re.match(r"[\s\u200c،,:]*", doc.folded[pos:ts])
    pos += m.end()
    from kg.extract.actors import NAME_STOP

    q = _QUOTED_NAME.match(doc.folded, pos, ts)
    if q:
        words = q.group(1).split()
        if len(words) == 1 and _affiliation_after(doc, q.end()):
            pass  # «"عبدالرحیم" از پلیس بنگلادش گفت»: one name, vouched for by its body
        elif not 2 <= len(words) <= 4 or any(w in NAME_STOP for w in words):
            return None
        ent = Entity(doc.text[q.start(1):q.end(1)], "person", None)
        return Mention(q.start(), q.end(), doc.text[q.start():q.end()], ent, "name")
    b = _BARE_NAME.match(doc.folded, pos, ts)
    if b:
        words = b.group(1).replace("\u200c", " ").split()
        if any(w in NAME_STOP or w in PREPS or w in CONNECTIVES or w.endswith(("دن", "تن")) for w in words):
            return None
        if not R.looks_like_name(b.group(1).split()):
            return None
        if not (pos == doc.sentences[doc.sentence_of(pos)][0] or doc.folded[pos - 2:pos].strip() in ("،", ",")):
            return None
        ent = Entity(doc.text[b.start(1):b.end(1)], "person", None)
        return Mention(b.start(1), b.end(1), doc.text[b.start(1):b.end(1)], ent, "name")
    return None


def _affiliation_after(doc, pos):
    """«از پلیس بنگلادش», «، سخنگوی …»: a body or an office right after a quoted name."""
    mm = re.match(r"[ \u200c]*(?:از[ \u200c]+|[،,][ \u200c]*)?", doc.folded[pos:pos + 8])
    at = pos + mm.end()
    return any(m.start == at and (m.entity.kind in ("government_body", "organization") or m.source == "office")
               for m in doc.mentions)


def _name_like_prefix(doc, lo, m):
    """Words before an office that look like an unknown name («و شیخ X وزیر خارجه Y»)."""
    words = doc.folded[lo:m.start].replace("\u200c", " ").split()
    words = [w.strip("،,«»\"") for w in words if w.strip("،,«»\"")]
    while words and words[0] in CONNECTIVES:
        words.pop(0)
    from kg.extract.actors import NAME_STOP

    return m.source == "office" and 1 <= len(words) <= 6 and not any(w in NAME_STOP or w in PREPS for w in words)


_CLAUSE_VA = re.compile(r"(?<![^\W_])(?:است|بود|بودند|شد|شدند|کرد|کردند|دارد|دارند|هستند|نیست|نبود|"
                        r"می[ \u200c]*شود|می[ \u200c]*کند)[ \u200c]*[،,]?[ \u200c]+و(?![^\W_])")


def _closed_quotes(f, lo, ts):
    """Spans of «…» quotes that open and close between ``lo`` and ``ts``."""
    out, k = [], f.find("«", lo, ts)
    while k >= 0:
        e = f.find("»", k, ts)
        if e < 0:
            break
        out.append((k, e))
        k = f.find("«", e, ts)
    return out


# «… NP را که نوشته …»: a relative clause right before the trigger, opened after an actor
_REL_HEAD = re.compile(r"[ \u200c»\"]*(?:را[ \u200c]+)?که(?![^\W_])")


def _relative_head(doc, ms, lo, ts, attrib_spans):
    """The actor a relative clause hangs on when the trigger is that clause's verb and
    nothing in the clause names another actor: «یک رسانه را که نوشته …», «وزیر فرانسه را که
    از تحریم‌ها انتقاد کرده بود». None otherwise."""
    f = doc.folded
    k = f.rfind("که", lo, ts)
    if k < 0 or any(ch in f[k:ts] for ch in "،,:«؛"):
        return None
    starts = doc.__dict__.get("_trigger_starts")
    if starts is None:
        starts = doc.__dict__["_trigger_starts"] = sorted(x[2] for x in T.trigger_matches(doc))
    if bisect_left(starts, ts) - bisect_left(starts, k + 1) > 0:
        return None  # another act between
    from kg.extract.actors import _VERBISH

    if any(_VERBISH.fullmatch(w) or w.startswith(("می", "نمی")) for w in f[k + 2:ts].replace("\u200c", " ").split()):
        return None  # a verb between: the trigger is not the relative clause's own verb
    for m in reversed(ms):
        if m.end > k or m.start < lo:
            continue
        r = _REL_HEAD.match(f, m.end)
        if r is None or r.end() != k + 2 or m.entity.kind in ("place", "pronoun"):
            return None
        if any(k < x.start and x.end <= ts and not _excluded(doc, x, attrib_spans) for x in ms):
            return None  # the clause has a subject of its own
        return m
    return None


def _subject(doc, ctx, t, lo, ts, ms, attrib_spans, shared):
    cands_all = [m for m in ms if lo <= m.start and m.end <= ts]
    if cands_all and "«" in doc.folded[lo:ts]:
        # words inside a quote closed before the trigger are no subject of it
        f = doc.folded
        qs = [(a, b) for a, b in _closed_quotes(f, lo, ts) if len(f[a + 1:b].split()) > 4]  # not a quoted name
        cands_all = [m for m in cands_all if not any(a < m.start and m.end <= b for a, b in qs)]
    if cands_all and not shared and "که" in doc.folded[lo:ts]:
        head = _relative_head(doc, cands_all, lo, ts, attrib_spans)
        if head is not None:
            return [head], "relative"
    # «آمریکا مسئول این بحران است و وزیر خارجه ژاپن گفت»: a new clause brings its own subject
    cl = [x.end() for x in _CLAUSE_VA.finditer(doc.folded, lo, ts)] if cands_all else []
    clause = None
    if cl:
        after = [m for m in cands_all if m.start >= cl[-1]]
        if any(not _excluded(doc, m, attrib_spans, cl[-1]) for m in after):
            cands_all, clause = after, cl[-1]
    if not shared:
        lo2 = _skip_adverbial(doc, lo, ts, attrib_spans)
        if lo2 > lo:
            after = [m for m in cands_all if m.start >= lo2]
            if any(not _excluded(doc, m, attrib_spans) for m in after):
                cands_all = after
            elif doc.folded[lo2:ts].strip(" \u200c") == "":
                return None  # «در این گزارش با اشاره به … ایران، نوشته است»: the phrase holds no subject
    strong = []
    for m in cands_all:
        if _excluded(doc, m, attrib_spans, clause):
            continue
        if m.entity.kind == "media" and doc.publisher is not None and _is_publisher(doc, m):
            continue
        strong.append(m)
    # «دلیل بازداشت او … ولی X گفته است»: a pronoun complementing a noun yields to a
    # later candidate
    weak_pron = [m for m in strong if m.entity.kind == "pronoun" and _pronoun_is_complement(doc, lo, m)]
    if weak_pron and len(weak_pron) < len(strong):
        strong = [m for m in strong if not any(m is x for x in weak_pron)]
    holders = [m for m in strong if m.entity.kind not in ("pronoun", "media")
               and doc.folded[m.end:ts].strip(" \u200c") == "" and not _WITH_COMPLEMENT.search(doc.folded, max(lo, m.start - 30), m.start)]
    if shared:
        strong = [m for m in strong if _at_clause_start(doc, lo, m) or _name_like_prefix(doc, lo, m)
                  or _conjunct_subject(doc, m, ts)][:1]
    firm = [m for m in strong if not _weakly_excluded(doc, m, _past_attribution(doc, lo, attrib_spans))]
    if firm and not shared and not _at_clause_start(doc, _past_attribution(doc, lo, attrib_spans), firm[0]):
        # «<adverbial without a subject>، X گفت»: prefer a subject after the last comma
        commas = [lo + x.start() for x in re.finditer(r"[،,]", doc.folded[lo:ts])]
        commas = [c for c in commas if not _list_comma(doc, c)]
        k = commas[-1] if commas else -1
        if k > firm[0].start:
            later = [m for m in firm if m.start > k and _at_clause_start(doc, k + 1, m)]
            if later:
                firm = later
    pick = firm[0] if firm else None
    if t.form in ("stative", "split"):
        # «… که جامعه بین‌الملل خواستار آن است»: the actor right before a stance is its holder
        if holders and holders[-1] is not pick:
            pick = holders[-1]
    if not shared:
        q = _quoted_name(doc, lo, ts, attrib_spans)
        if q is not None and (pick is None or q.end <= pick.start):
            return [q], "explicit"
    if pick is None and strong:
        pick = strong[0]
    if pick is None:
        return None
    m = pick
    if m.entity.kind == "pronoun":
        ref = m.entity.country or "person"
        ent = _third_party(doc, ctx, m, ms) if ref == "person" else None
        ent = ent or ctx.resolve(ref, m.start, ms)
        if ent is None:
            return None
        return [Mention(m.start, m.end, m.text, ent, "pronoun")], "pronoun"
    out = [m]
    plural = t.plural or t.form in ("noun", "adverbial")
    out += _coordinated(doc, m, ms, ts, attrib_spans, plural)
    return out, "explicit"


# «با این خواسته کردها مخالفند»: the actor ends the complement of «با», it holds nothing
_WITH_COMPLEMENT = re.compile(r"(?<![^\W_])با(?:[ \u200c]+[^\s،,.:؛«»\"]+){0,3}?[ \u200c]+$")


def _third_party(doc, ctx, m, ms):
    """«اسحاقی … گفت: … مقام معظم رهبری … ایشان تأکید می‌کنند»: a pronoun inside the words
    a speaker is quoted with is someone else: the last other person named in that
    sentence («به فرمایشات مقام معظم رهبری، گفت: ایشان …»)."""
    if not ctx.speakers:
        return None
    last = ctx.speakers[-1]
    if last.speaker is None or last.sentence != doc.sentence_of(m.start) or last.trigger_end > m.start \
            or not re.search(r"[:«]", doc.folded[last.trigger_end:m.start]):
        return None
    for x in reversed(ms):
        if x.end <= m.start and x.start >= doc.sentences[last.sentence][0] and x.entity.kind == "person" \
                and x.entity is not last.speaker.entity and x.entity.name != last.speaker.entity.name:
            return x.entity
    return None


def _conjunct_subject(doc, m, ts):
    """«… ابلاغ شده و دولت منامه نیز پذیرفته»: an actor right after «و» and right before
    the trigger (only «نیز/هم» between) opens a coordinated clause with its own subject."""
    f = doc.folded
    between = f[m.end:ts].replace("\u200c", " ").split()
    if any(w not in ("نیز", "هم", "همچنین") for w in between):
        return False
    before = f[max(0, m.start - 30):m.start].replace("\u200c", " ").split()
    # «… ابلاغ شده و X»: a clause closed by its verb before «و» (not «بین ایران و عراق»)
    return len(before) >= 2 and before[-1] == "و" and before[-2] in _CLAUSE_END and m.entity.kind in (
        "person", "state", "government_body", "organization", "group")


_CLAUSE_END = {"شده", "شد", "است", "بود", "بوده", "کرد", "کرده", "کردند", "نمود", "داد", "داده", "گفت", "گفته",
               "دارد", "ندارد", "نیست", "هست", "شود", "کند", "کنند", "شدند", "اند", "داشت", "گردید", "گرفت"}


def _pronoun_is_complement(doc, lo, m):
    """«دلیل بازداشت او»: a pronoun right after a noun (ezafe) is that noun's complement,
    not the clause's subject; at the clause start, after punctuation or a connective it
    may be the subject."""
    seg = doc.folded[max(lo, m.start - 25):m.start]
    if not seg.strip(" \u200c") or re.search(r"[،,:؛«»\"()]\s*$", seg):
        return False
    words = seg.replace("\u200c", " ").split()
    if not words:
        return False
    w = words[-1]
    return w not in CONNECTIVES and w not in CONT_OK and not w.isdigit()


CONT_OK = {"سخنان", "سخنانش", "خود", "اظهاراتش", "اظهارات", "نشست", "مصاحبه", "گفتگو", "گفتوگو",
           "پاسخ", "سوالی", "سوال", "پرسشی", "خبرنگاری", "خبرنگاران", "جمع", "بخش", "دیگری", "ادامه",
           "پایان", "ابتدای", "همچنان", "تصریح", "تاکید", "بار", "دیگر", "مجدد", "مجددا", "سپس",
           "بیانیه", "بیانیهای", "گزارش", "نامه", "پیام", "متن", "اطلاعیه", "این"}


def _substantive(doc, lo, ts, attrib_spans):
    """How many words before the trigger could be an (unrecognised) subject."""
    pos = _past_attribution(doc, lo, attrib_spans)
    words = doc.folded[pos:ts].replace("\u200c", " ").split()
    n = 0
    for w in words:
        w = w.strip("،,:؛«»\"()")
        if w and w not in CONNECTIVES and w not in CONT_OK and w not in PREPS and not w.isdigit():
            n += 1
    return n


def _trigger_before(doc, lo, pos):
    """Is there a trigger word (any) shortly before ``pos`` (a reporting verb + که)?"""
    seg = doc.folded[max(lo, pos - 40):pos]
    return bool(re.search(r"(گفت|افزود|کرد|کرده|داشت|نمود|شد|داد|نوشت|خواست|است|بود|معتقد|مدعی|مدعی شد|کردند|دادند|گفتند|اند)[ \u200c]*$", seg))


def _is_publisher(doc, m):
    from kg.extract.outlets import _same_outlet

    return _same_outlet(m.entity, doc.publisher)



def _coordinated(doc, m, ms, ts, attrib_spans, plural):
    """``X و Y (و Z)`` / ``X، Y و Z`` as the subject: the other conjuncts (with a singular
    verb only for a list of three or more, which Persian agrees loosely)."""
    out, gaps = [], []
    cur = m
    for n in ms:
        if n.start <= cur.start or n.end > ts:
            continue
        raw_gap = doc.folded[cur.end:n.start].strip(" \u200c«»\"")
        gap = raw_gap.strip("،,").strip()
        if gap in ("و", "") and raw_gap:
            if n.entity.kind in ("place", "pronoun") or _excluded(doc, n, attrib_spans) \
                    or n.entity is m.entity or n.entity.name == m.entity.name:
                break
            out.append(n)
            gaps.append("و" if gap == "و" else "،")
            cur = n
        else:
            break
    # «X، Y، Z و W» is a list; «X، Y، Z» without «و» is apposition («name، office، …»)
    while gaps and gaps[-1] != "و":
        gaps.pop()
        out.pop()
    if not plural and len(out) < 2:
        return []
    return out


# an outlet that claims something makes its own statement, whatever follows in the sentence
_OWN_CLAIM_HEADS = frozenset(("ادعا", "مدعی"))


# the verbs by which an outlet passes on its source's words («… به نقل از Y نوشت/گفت/افزود»)
_SAYING_HEADS = frozenset(("نوشت", "گفت", "افزود", "اعلام", "ادامه", "تصریح", "تاکید", "تأکید", "اظهار"))
_CITING = re.compile(r"(?<![^\W_])به[ \u200c]+نقل[ \u200c]+(?:از[ \u200c]+)?")
_ONE_OF = re.compile(r"[ \u200c]*(?:یک|یکی[ \u200c]+از)?[ \u200c]*")


def _cited_source(doc, sp, ts):
    """«X به نقل از Y … نوشت/گفت» with Y an actor, not an outlet: Y (its mention), else None."""
    f = doc.folded
    if "نقل" not in f[sp.end:ts]:
        return None
    m = _CITING.search(f, sp.end, ts)
    if m is None:
        return None
    for x in doc.mentions:
        if x.start >= m.end() and x.end <= ts:
            if not _ONE_OF.fullmatch(f, m.end(), x.start) or x.entity.kind in ("media", "place", "pronoun"):
                return None
            return x
    return None


def _media_relay(doc, sts):
    """An outlet that only passes on another actor's words is an attribution, not a
    speaker: drop its statement when another statement follows in its sentence."""
    from kg.model import Attribution

    keep = []
    for k, st in enumerate(sts):
        if st.speaker is not None and st.speaker.entity.kind == "media" and st.form in ("verb", "light", "source") \
                and st.features.get("how") != "relative" \
                and st.features.get("head") not in _OWN_CLAIM_HEADS:  # («رسانه‌ای را که نوشته …»: its own words)
            later = [x for x in sts[k + 1:] if x.sentence == st.sentence and x.speaker is not st.speaker]
            if later:
                doc.attributions.append(Attribution(st.speaker.start, st.trigger_end, [st.speaker.entity],
                                                    "report", st.sentence))
                doc.attributions.sort(key=lambda a: a.start)
                continue
        keep.append(st)
    return keep
