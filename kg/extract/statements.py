"""Statements: triggers found in the text, filtered (future, speaker-less passives,
first person inside quotes, outlet narration) and given a speaker.

Speaker search for a trigger, inside its sentence:

1. the clause window: from the last clause boundary before the trigger (``:``, ``«``,
   ``که`` after a reporting verb, ``؛``, or the end of the previous trigger) to the trigger;
   the first actor there that is not the object of a preposition, not followed by ``را``,
   and not inside an attribution phrase is the subject; ``X و Y`` with a plural verb
   gives one statement per speaker;
2. a pronoun or anaphor (``وی``, ``این مقام``, ``این وزارتخانه``) resolves to the last
   fitting speaker or mention;
3. no subject: a second trigger in the same sentence shares the first one's speaker
   (``تاکید کرد و گفت``); otherwise the previous statement's speaker continues when it
   is close (a dropped subject), with a lower confidence.
"""
from __future__ import annotations

import re

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
    found = T.matcher().find(pieces, pkeys, folded)
    mentions = doc.mentions
    starts = [m.start for m in mentions]
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
        if j < len(pieces) and pkeys[j] in ("ها", "های", "ای", "هایی") and folded[pieces[j - 1][1]:pieces[j][0]] == "\u200c":
            continue
        by_sentence.setdefault(doc.sentence_of(ts), []).append((ts, te, t, i, j))
    attrib_spans = [(x.start, x.end) for x in doc.attributions]
    for si, (ss, se) in enumerate(doc.sentences):
        trigs = by_sentence.get(si, [])
        # headline «SPEAKER: words»
        colon = _headline_colon(doc, si, ss, se)
        if colon is not None:
            trigs = [colon] + trigs
        prev = None
        for ts, te, t, pi, pj in trigs:
            if t.future:
                continue
            if t.first:
                continue  # first person: part of someone's own words, not a new act
            st = Statement(ts, te, t.type, si, negated=t.negated, form=t.form)
            st.features["plural"] = t.plural
            st.features["head"] = t.head
            if t.form == "noun" and not _noun_ok(doc, si, ss, se, ts, te, pj, t):
                continue
            if t.form == "source" and not _source_ok(doc, ss, ts):
                continue
            if t.form == "verb" and _prep_before(doc, ss, ts):
                continue
            if t.head in RA_HEADS and "می" in folded[ts:ts + 3]:
                continue
            if t.type in STANCE_TYPES and prev is not None and "می" in folded[ts:te] and \
                    re.search(r"(?:[:«]|(?<![^\W_])که(?![^\W_]))", folded[prev[1]:ts]):
                continue  # a present-tense stance inside reported words is content, not an act
            if t.head == "ادامه" and not re.match(r"[ \u200c]*(?::|که(?![^\W_])|«)", folded[te:te + 5]):
                continue
            if t.form == "split":
                ok, fut, pas, verb_at = _split_verb(doc, te, se, t.head)
                if not ok or fut:
                    continue
                st.features["verb_end"] = verb_at
                if pas:
                    t = T.Trig(t.type, t.form, t.head, t.trig, t.negated, False, True, False, True)
            if t.form == "verb" and t.head == "پذیرفت" and t.negated:
                st.type, st.negated = "reject", False
            if t.head == "رد" and _looks_like_proposal(folded[ss:ts]):
                st.type = "reject"
            speakers, how = _speakers(doc, ctx, st, t, ss, se, ts, te, pi, pj, prev, attrib_spans)
            if not speakers:
                continue
            if t.head in RA_HEADS and " را " not in folded[max(ss, (prev[1] if prev else ss)):ts].replace("\u200c", " "):
                continue
            if t.head == "خواست" and not _request_frame(doc, ss, ts, te, se, prev):
                continue
            if t.passive and how not in ("agent", "source"):
                continue
            if t.form == "amade" and how not in ("amade",):
                continue
            for k, sp in enumerate(speakers):
                s2 = st if k == 0 else Statement(ts, te, st.type, si, negated=st.negated, form=st.form,
                                                 features=dict(st.features))
                s2.speaker = sp
                s2.features["how"] = how
                s2.features["coordinated"] = len(speakers) > 1
                out.append(s2)
                ctx.note(s2)
            prev = (ts, te, speakers, how, t.form)
    doc.statements = _media_relay(doc, out)
    return doc


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


def _source_ok(doc, ss, ts):
    before = doc.folded[ss:ts].strip(" \u200c")
    if not before:
        return True
    if before.endswith(("،", ",", ":", "؛")):
        return True
    words = before.replace("\u200c", " ").split()
    return len(words) >= 2 and words[-1] == "که" and words[-2] == "است"


def _prep_before(doc, ss, ts):
    words = doc.folded[max(ss, ts - 20):ts].replace("\u200c", " ").split()
    return bool(words) and words[-1] in PREP_BEFORE_VERB and doc.folded[ts - 1] in " \u200c"


_SPLIT_VERB = {
    "خواستار": re.compile(r"(?<![^\W_])(?:(?P<fut>خواه(?:د|ند)[ \u200c]+شد)|(?:ن)?(?:شد|شدند|شده|گردید|گردیدند|است|هستند|بود|بودند|می[ \u200c]*شود|می[ \u200c]*شوند|هست|هستیم|شدیم|شدم))(?![^\W_])"),
    "متهم": re.compile(r"(?<![^\W_])(?:(?P<fut>خواه(?:د|ند)[ \u200c]+کرد)|(?:ن)?(?:می[ \u200c]*)?(?:کرد|کردند|کرده|نمود|نمودند|کند|کنند|ساخت)|(?P<pas>شد|شدند|شده|است|هستند|بود|بودند|گردید))(?![^\W_])"),
}


def _split_verb(doc, te, se, head):
    """The light verb after a split head's object, in the same sentence and clause."""
    rx = _SPLIT_VERB.get(head)
    if rx is None:
        return True, False, False, None
    seg_end = se
    m = rx.search(doc.folded, te, seg_end)
    if not m:
        return False, False, False, None
    # the verb must close the head's clause (no other clause boundary in between)
    between = doc.folded[te:m.start()]
    if ":" in between or "«" in between or len(between) > 160:
        return False, False, False, None
    return True, bool(m.group("fut")), bool(m.groupdict().get("pas")), m.start()


def _request_frame(doc, ss, ts, te, se, prev):
    """«از X خواست» / «خواست که|تا …»: a request, not «want»."""
    lo = prev[1] if prev else ss
    before = doc.folded[lo:ts].replace("\u200c", " ").split()
    if "از" in before:
        return True
    after = doc.folded[te:se].strip(" \u200c،,").split()
    return bool(after) and after[0] in ("که", "تا")


def _looks_like_proposal(s):
    return bool(re.search(r"(پیشنهاد|درخواست|طرح|قطعنامه|تقاضا|دعوت|پیش[ \u200c]*نویس|شرط|شروط|ابتکار)", s[-120:]))


EZAFE_NOUNS = {"ادعای", "ادعا"}


def _noun_ok(doc, si, ss, se, ts, te, pj, t):
    """A bare noun trigger counts in a headline (or a headline-like first line), or as
    «noun + ezafe + actor» («ادعای آمریکا»)."""
    line_start = doc.text.rfind("\n", 0, ts) + 1
    headline = si == 0 or (doc.text.find("\n", ts) if doc.text.find("\n", ts) >= 0 else len(doc.text)) - line_start < 120 and not doc.text[ss:se].rstrip().endswith((".", "!", "؟"))
    nxt = _mention_after(doc, te, 3)
    if nxt is None or nxt.entity.kind in ("place", "pronoun"):
        return False
    if not headline and t.head not in EZAFE_NOUNS:
        return False
    gap = doc.folded[te:nxt.start]
    if len(gap.split()) > 1:
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


def _headline_colon(doc, si, ss, se):
    if si != 0:
        return None
    k = doc.text.find(":", ss, se)
    if k < 0 or k - ss > 50:
        return None
    before = doc.folded[ss:k]
    ms = [m for m in doc.mentions if ss <= m.start and m.end <= k]
    if not ms:
        return None
    m = ms[-1]
    if doc.folded[m.end:k].strip(" \u200c«»\"") != "" or len(before[:m.start - ss].split()) > 2:
        return None
    if m.entity.kind in ("media", "place"):
        return None
    return (k, k + 1, T.Trig("statement", "colon", ":"), None, None)


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
            if st.trigger_start < pos and st.speaker is not None:
                e = st.speaker.entity
                if fits(e):
                    return e
        for m in reversed(mentions):
            if m.end <= pos and m.entity.kind not in ("pronoun",) and fits(m.entity):
                return m.entity
        return None


def _excluded(doc, m, attrib_spans):
    f = doc.folded
    if m.entity.kind in ("place",) or m.source in ("dem",):
        return True
    for a, b in attrib_spans:
        if a <= m.start < b:
            return True
    # preposition before
    before = f[max(0, m.start - 25):m.start].replace("\u200c", " ").split()
    if before:
        w = before[-1].strip("«\"(")
        if w in PREPS or R.key(w) in PREPS:
            return True
        if w in ("گفت", "گفته") and len(before) >= 2 and before[-2] == "به":
            return True
    after = f[m.end:m.end + 12].replace("\u200c", " ").split()
    if after and after[0] in ("را", "رو"):
        return True
    return False


def _speakers(doc, ctx, st, t, ss, se, ts, te, pi, pj, prev, attrib_spans):
    """The speaker mentions of a trigger and how they were found."""
    f = doc.folded
    ms = doc.mentions
    if t.form == "colon":
        cand = [m for m in ms if ss <= m.start and m.end <= ts]
        return ([cand[-1]], "colon") if cand else ([], None)
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
            return [m], "explicit"
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
            if cands:
                out = [cands[0]]
                out += _coordinated(doc, cands[0], ms, ts, attrib_spans, plural=True)
                return out, "agent"
        return [], None
    if t.form == "amade":
        seg = f[ss:ts]
        mm = re.search(r"(?:^|[ \u200c])در[ \u200c]+(?:این[ \u200c]+)?(?:بیانیه|گزارش|نامه|پیام|متن|اطلاعیه|بخشی|ادامه|توییت|یادداشت|مقاله|سند|قطعنامه)", seg)
        if not mm:
            return [], None
        pos = ss + mm.end()
        cands = [m for m in ms if pos <= m.start < ts and m.entity.kind not in ("place", "pronoun")]
        if "این" not in mm.group(0) and cands and len(f[pos:cands[0].start].split()) <= 1:
            return [cands[0]], "amade"
        if "گزارش" in mm.group(0):
            for m in reversed(ms):
                if m.end <= ts and m.entity.kind == "media" and not _is_publisher(doc, m):
                    return [Mention(m.start, m.end, m.text, m.entity, "anaphor")], "amade"
        if True:
            if ctx.speakers:
                last = ctx.speakers[-1]
                if st.sentence - last.sentence <= 4:
                    return [Mention(last.speaker.start, last.speaker.end, last.speaker.text, last.speaker.entity, "anaphor")], "amade"
        return [], None
    # the clause window
    base = ss if prev is None else max(ss, prev[1])
    if prev is not None and prev[4] == "adverbial":
        # «X با بیان اینکه …، گفت»: the adverbial's clause runs to its comma
        k = f.rfind("،", base, ts)
        if k >= 0:
            base = k + 1
        else:
            return list(prev[2]), "shared"
    lo = base
    seg = f[lo:ts]
    for mm in re.finditer(r":|«|؛|(?<![^\W_])که(?![^\W_])", seg):
        pos = base + mm.end()
        if mm.group(0) == "که":
            # only a complementizer after a reporting trigger starts a new clause
            if not _trigger_before(doc, base, base + mm.start()):
                continue
        if mm.group(0) == "«" and not _trigger_before(doc, ss, base + mm.start()) and ":" not in f[ss:base + mm.start()]:
            continue
        lo = pos
    windows = [lo] if lo == base else [lo, base]
    for w in windows:
        found = _subject(doc, ctx, t, w, ts, ms, attrib_spans, shared=prev is not None and w == base)
        if found:
            return found
    if _in_quote(doc.text, ss, ts):
        return [], None  # inside quoted words, an act needs its own subject
    if prev is not None:
        return list(prev[2]), "shared"
    if t.form in ("adverbial",):
        # the main clause's subject comes before «با/ضمن»; look in the whole sentence
        cands = [m for m in ms if ss <= m.start and m.end <= ts and not _excluded(doc, m, attrib_spans)]
        if cands:
            return [cands[0]], "explicit"
    # dropped subject: continue the previous statement's speaker when close
    if ctx.speakers:
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
    k = doc.folded.find("،", pos, ts)
    if k < 0:
        k = doc.folded.find(",", pos, ts)
    return k + 1 if k >= 0 else lo


def _weakly_excluded(doc, m, lo):
    """Inside a prepositional phrase: a preposition within three words before the
    mention with only nouns (an ezafe chain) between, and no punctuation."""
    seg = doc.folded[max(lo, m.start - 45):m.start]
    for ch in "،,:؛«»()":
        k = seg.rfind(ch)
        if k >= 0:
            seg = seg[k + 1:]
    words = seg.replace("\u200c", " ").split()[-4:]
    return any(w in PREPS for w in words[:-1] + words[-1:]) and not any(w in ("که", "و") for w in words)


_QUOTED_NAME = re.compile(r"[«\"]([^«»\"]{3,30})[»\"]")


def _quoted_name(doc, lo, ts, attrib_spans):
    """«Name Surname» at the start of the clause: a person the gazetteer does not know."""
    pos = lo
    for a, b in attrib_spans:
        if a <= pos < b or (a >= pos and doc.folded[pos:a].strip(" \u200c،,") == ""):
            pos = max(pos, b)
    m = re.match(r"[\s\u200c،,:]*", doc.folded[pos:ts])
    pos += m.end()
    q = _QUOTED_NAME.match(doc.folded, pos, ts)
    if not q:
        return None
    words = q.group(1).split()
    from kg.extract.actors import NAME_STOP

    if not 2 <= len(words) <= 4 or any(w in NAME_STOP for w in words):
        return None
    ent = Entity(doc.text[q.start(1):q.end(1)], "person", None)
    return Mention(q.start(), q.end(), doc.text[q.start():q.end()], ent, "name")


def _name_like_prefix(doc, lo, m):
    """Words before an office that look like an unknown name («و شیخ X وزیر خارجه Y»)."""
    words = doc.folded[lo:m.start].replace("\u200c", " ").split()
    words = [w.strip("،,«»\"") for w in words if w.strip("،,«»\"")]
    while words and words[0] in CONNECTIVES:
        words.pop(0)
    from kg.extract.actors import NAME_STOP

    return m.source == "office" and 1 <= len(words) <= 6 and not any(w in NAME_STOP or w in PREPS for w in words)


def _subject(doc, ctx, t, lo, ts, ms, attrib_spans, shared):
    cands_all = [m for m in ms if lo <= m.start and m.end <= ts]
    if not shared:
        lo2 = _skip_adverbial(doc, lo, ts, attrib_spans)
        if lo2 > lo:
            after = [m for m in cands_all if m.start >= lo2]
            if any(not _excluded(doc, m, attrib_spans) for m in after):
                cands_all = after
    strong = []
    for m in cands_all:
        if _excluded(doc, m, attrib_spans):
            continue
        if m.entity.kind == "media" and doc.publisher is not None and _is_publisher(doc, m):
            continue
        strong.append(m)
    if shared:
        strong = [m for m in strong if _at_clause_start(doc, lo, m) or _name_like_prefix(doc, lo, m)][:1]
    firm = [m for m in strong if not _weakly_excluded(doc, m, lo)]
    if firm and not shared and not _at_clause_start(doc, _past_attribution(doc, lo, attrib_spans), firm[0]):
        # «<adverbial without a subject>، X گفت»: prefer a subject after the last comma
        k = max(doc.folded.rfind("،", lo, ts), doc.folded.rfind(",", lo, ts))
        if k > firm[0].start:
            later = [m for m in firm if m.start > k and _at_clause_start(doc, k + 1, m)]
            if later:
                firm = later
    pick = firm[0] if firm else None
    if pick is None and not shared:
        q = _quoted_name(doc, lo, ts, attrib_spans)
        if q is not None:
            return [q], "explicit"
    if pick is None and strong:
        pick = strong[0]
    if pick is None:
        return None
    m = pick
    if m.entity.kind == "pronoun":
        ref = m.entity.country or "person"
        ent = ctx.resolve(ref, m.start, ms)
        if ent is None:
            return None
        return [Mention(m.start, m.end, m.text, ent, "pronoun")], "pronoun"
    out = [m]
    plural = t.plural or t.form in ("noun", "adverbial")
    out += _coordinated(doc, m, ms, ts, attrib_spans, plural)
    return out, "explicit"


def _trigger_before(doc, lo, pos):
    """Is there a trigger word (any) shortly before ``pos`` (a reporting verb + که)?"""
    seg = doc.folded[max(lo, pos - 40):pos]
    return bool(re.search(r"(گفت|افزود|کرد|کرده|داشت|نمود|شد|داد|نوشت|خواست|است|بود|معتقد|مدعی|مدعی شد|کردند|دادند|گفتند|اند)[ \u200c]*$", seg))


def _is_publisher(doc, m):
    from kg.extract.outlets import _same_outlet

    return _same_outlet(m.entity, doc.publisher)


def _is_adjectival(doc, m):
    """A demonym right after a noun («نیروهای روسی») is an adjective, not a subject."""
    before = doc.folded[max(0, m.start - 2):m.start]
    return False


def _coordinated(doc, m, ms, ts, attrib_spans, plural):
    """``X و Y (و Z)`` before a plural verb: the other conjuncts."""
    if not plural:
        return []
    out = []
    cur = m
    for n in ms:
        if n.start <= cur.start or n.end > ts:
            continue
        gap = doc.folded[cur.end:n.start].strip(" \u200c،,")
        if gap in ("و", "،", ""):
            if n.entity.kind in ("place", "pronoun"):
                break
            out.append(n)
            cur = n
        else:
            break
    return out


def _media_relay(doc, sts):
    """An outlet that only passes on another actor's words is an attribution, not a
    speaker: drop its statement when another statement follows in its sentence."""
    from kg.model import Attribution

    keep = []
    for k, st in enumerate(sts):
        if st.speaker is not None and st.speaker.entity.kind == "media" and st.form in ("verb", "light"):
            later = [x for x in sts[k + 1:] if x.sentence == st.sentence and x.speaker is not st.speaker]
            if later:
                doc.attributions.append(Attribution(st.speaker.start, st.trigger_end, [st.speaker.entity],
                                                    "report", st.sentence))
                doc.attributions.sort(key=lambda a: a.start)
                continue
        keep.append(st)
    return keep
