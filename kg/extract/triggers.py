"""The trigger lexicon compiled into one longest-match table over word pieces.

Every conjugated form of every reporting verb and speech-act predicate in
``data/lexicon/triggers.tsv`` is generated once (past, perfect, pluperfect, progressive,
present, negated, passive, future...) and keyed like the gazetteer (spaces/ZWNJ and
Arabic letters do not matter). A payload says the type, the construction, which pieces
of the match are the trigger, and flags (negated, future, passive, first person).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.extract import resources as R

LIGHT_PRESENT = {"کرد": "کن", "نمود": "نما", "داشت": "دار", "شد": "شو", "داد": "ده", "گفت": "گو",
                 "خواند": "خوان", "ساخت": "ساز", "زد": "زن", "گردید": "گرد", "ورزید": "ورز",
                 "دانست": "دان", "فرمود": "فرما", "برد": "بر"}
PASSIVE_OF = {"کرد": "شد", "نمود": "شد", "داد": "شد", "خواند": "شد", "ساخت": "شد", "داشت": "شد"}


@dataclass(frozen=True)
class Trig:
    type: str
    form: str  # verb|light|stative|noun|adverbial|source|amade|block
    head: str
    trig: tuple = (0, None)  # piece range of the trigger inside the match
    negated: bool = False
    future: bool = False
    passive: bool = False
    first: bool = False  # first person
    plural: bool = False


PERSON_PAST = [("", False, False), ("ند", False, True), ("م", True, False), ("یم", True, True),
               ("ید", False, True), ("ی", False, False)]
PERFECT_AUX = [("است", False, False), ("اند", False, True), ("ایم", True, True), ("ام", True, False),
               ("بود", False, False), ("بودند", False, True), ("بودیم", True, True), ("است،", False, False)]
PRESENT_END = [("د", False, False), ("ند", False, True), ("م", True, False), ("یم", True, True),
               ("ید", False, True), ("ی", False, False)]


def verb_forms(past: str, present: str):
    """(form, negated, future, passive, first, plural) for a simple verb."""
    out = []
    for neg in (False, True):
        n = "ن" if neg else ""
        for end, first, pl in PERSON_PAST:
            out.append((n + past + end, neg, False, False, first, pl))
            out.append((n + "می " + past + end, neg, False, False, first, pl))
        for aux, first, pl in PERFECT_AUX:
            out.append((n + past + "ه " + aux, neg, False, False, first, pl))
        out.append((n + past + "ه", neg, False, False, False, False))
        if present:
            # a stem ending in a vowel takes the glide «ی»: گو → می‌گوید، می‌گویند؛ فرما → می‌فرمایند
            glide = "ی" if present.endswith(("ا", "و")) else ""
            for end, first, pl in PRESENT_END:
                out.append((n + "می " + present + glide + end, neg, False, False, first, pl))
                if present == "دار":  # «تاکید دارد»: no «می» on داشتن
                    out.append((n + present + end, neg, False, False, first, pl))
        for end, first, pl in (("د", False, False), ("ند", False, True), ("م", True, False), ("یم", True, True)):
            out.append((n + "خواه" + end + " " + past, neg, True, False, first, pl))
        # passive: گفته شد، خوانده شده است
        for p in ("شد", "شده", "شده است", "شده بود", "می شود", "شود", "شوند", "گردید", "گردیده است"):
            out.append((n + past + "ه " + p, neg, False, True, False, False))
    return out


def light_forms(head: str, lv: str):
    parts = lv.split()
    pre = " ".join(parts[:-1])
    verb = parts[-1]
    out = []
    for f, neg, fut, pas, first, pl in verb_forms(verb, LIGHT_PRESENT.get(verb, "")):
        out.append(((head + " " + (pre + " " if pre else "") + f), neg, fut, pas, first, pl))
    if lv == "قرار داد":
        # «مورد انتقاد قرار گرفت»: the passive of «مورد انتقاد قرار داد» (its actor: «از سوی X»)
        for f, neg, fut, pas, first, pl in verb_forms("گرفت", "گیر"):
            out.append((f"{head} قرار {f}", neg, fut, True, first, pl))
    if verb in PASSIVE_OF and not pre:
        p = PASSIVE_OF[verb]
        for neg in (False, True):
            n = "ن" if neg else ""
            for f in (p, p + "ه است", p + "ه بود", p + "ه", "می شود", "شود", "گردید", "گردیده است"):
                out.append((head + " " + n + f, neg, False, True, False, False))
    return out


STATIVE_COPULA = [("است", False, False, False), ("هستند", False, False, True), ("اند", False, False, True),
                  ("ند", False, False, True), ("بود", False, False, False), ("بودند", False, False, True),
                  ("می باشد", False, False, False), ("می باشند", False, False, True),
                  ("هستیم", False, True, True), ("یم", False, True, True), ("م", False, True, False),
                  ("هستم", False, True, False), ("نیست", True, False, False), ("نیستند", True, False, True),
                  ("شده اند", False, False, True), ("شده است", False, False, False)]

ADVERBIAL_PREP = ("با", "ضمن")
# speech nouns that a negated light verb takes with the indefinite («توضیحی نداد»)
INDEFINITE_NEGATED = frozenset(("توضیح", "اظهارنظر", "واکنش", "پاسخ", "اظهار", "تفسیر", "نظر"))
ADVERBIAL_TAIL = {"بیان": ("اینکه", "این که", "این مطلب", "آنکه", "این موضوع"),
                  "اشاره": ("به اینکه", "به این که", "به آنکه", "به این موضوع که", "به این مطلب که"),
                  "طرح": ("این سوال", "این سؤال", "این پرسش", "این ادعا"),
                  "اعلام": ("اینکه", "این که", "این مطلب", "این موضوع", "آنکه", "این خبر")}
# «با تایید این خبر گفت»: confirming the news is an act of its own
for _h in ("تایید", "تأیید", "تائید"):
    ADVERBIAL_TAIL[_h] = ("این خبر", "این مطلب", "این موضوع", "این گزارش", "اینکه", "این که")
# heads whose «با/ضمن + head» is an act whatever its object; the tails above still make the
# bare noun no headline act
ADVERBIAL_ANY_TAIL = {"اعلام", "تایید", "تأیید", "تائید"}
# nouns that are a speech act only with their actor («اظهارات X», «مخالفت X با»), never «با + noun»
NOUN_ONLY = {"تهدیدهای", "تهدیدات", "اظهارات", "مخالفت", "مطالب", "مواضع", "واکنش"}


@lru_cache(maxsize=1)
def rows():
    out = []
    for c in R._read_tsv("triggers.tsv"):
        kind, head, col3, typ = (c + [""] * 4)[:4]
        out.append((kind, head, col3, typ))
    return tuple(out)


@lru_cache(maxsize=1)
def object_types() -> dict:
    """«آمادگی خود را اعلام کرد»: object noun → statement type."""
    return {R.phrase_key(head): typ for kind, head, col3, typ in rows() if kind == "object"}


@lru_cache(maxsize=1)
def judge_types() -> dict:
    """«X را غیرقانونی خواند»: evaluative word before a judging verb → statement type."""
    return {R.phrase_key(head): typ for kind, head, col3, typ in rows() if kind == "judge"}


@lru_cache(maxsize=1)
def light_heads() -> dict:
    """Heads of light-verb triggers (lexicon kind ``light``) → statement type: «رد», «محکوم»."""
    out: dict = {}
    for kind, head, col3, typ in rows():
        if kind == "light":
            out.setdefault(R.phrase_key(head), typ)
    return out


@lru_cache(maxsize=1)
def engage_heads() -> frozenset:
    """Heads of «به X … پرداخت» (lexicon kind ``engage``)."""
    return frozenset(head for kind, head, col3, typ in rows() if kind == "engage")


@lru_cache(maxsize=1)
def matcher() -> R.Matcher:
    pairs = []
    for kind, head, col3, typ in rows():
        if kind == "verb":
            for f, neg, fut, pas, first, pl in verb_forms(head, col3):
                pairs.append((Trig(typ, "verb", head, (0, None), neg, fut, pas, first, pl), f))
        elif kind == "light":
            if "کرد" in col3.split(","):
                # «با متهم کردن», «ضمن محکوم کردن», «با مطرح کردن»
                hp = len(R.tokens_of(head))
                for prep in ADVERBIAL_PREP:
                    pairs.append((Trig(typ, "adverbial", head, (1, 2 + hp)), f"{prep} {head} کردن"))
            # the honorific «فرمود» stands for «کرد» («تاکید فرمودند», «اشاره فرمودند»)
            lvs = [lv.strip() for lv in col3.split(",")] + (["فرمود"] if "کرد" in col3.split(",") else [])
            for lv in lvs:
                for f, neg, fut, pas, first, pl in light_forms(head, lv):
                    pairs.append((Trig(typ, "light", head, (0, None), neg, fut, pas, first, pl), f))
                    if neg and not pas and head in INDEFINITE_NEGATED:
                        # «توضیحی نداد», «اظهارنظری نکرد», «توضیح بیشتری نداده است»: a negated
                        # act whose noun takes the indefinite or a quantity word
                        rest = f[len(head):]
                        for h2 in (head + "ی", head + " بیشتری", head + " دیگری", head + " خاصی", head + "ی خاص"):
                            pairs.append((Trig(typ, "light", head, (0, None), neg, fut, pas, first, pl), h2 + rest))
        elif kind == "split":
            pairs.append((Trig(typ, "split", head, (0, None)), head))
            for f, neg, fut, pas, first, pl in light_forms(head, "شد" if head in ("خواستار", "مدعی") else "کرد"):
                pairs.append((Trig(typ, "light", head, (0, None), neg, fut, pas, first, pl), f))
        elif kind == "stative":
            for cop, neg, first, pl in STATIVE_COPULA:
                sep = "" if cop in ("ند", "یم", "م") else " "
                pairs.append((Trig(typ, "stative", head, (0, None), neg, False, False, first, pl), head + sep + cop))
        elif kind == "noun":
            hp = len(R.tokens_of(head))
            # «ضمن مخالفت با»: the speaker's own act; «با مخالفت X» is someone else's
            for prep in (("ضمن",) if head == "مخالفت" else () if head in NOUN_ONLY else ADVERBIAL_PREP):
                tails = ADVERBIAL_TAIL.get(head)
                if tails:
                    for t in tails:
                        pairs.append((Trig(typ, "adverbial", head, (1, 1 + hp)), f"{prep} {head} {t}"))
                    if head in ADVERBIAL_ANY_TAIL:
                        # «عربستان با اعلام انصراف …», «با تایید خبر بازگشت …»: any object
                        pairs.append((Trig(typ, "adverbial", head, (1, 1 + hp)), f"{prep} {head}"))
                elif head != "اشاره":
                    pairs.append((Trig(typ, "adverbial", head, (1, 1 + hp)), f"{prep} {head}"))
            if head not in ADVERBIAL_TAIL:
                pairs.append((Trig(typ, "noun", head, (0, None)), head))
        elif kind == "source":
            pairs.append((Trig(typ, "source", head, (0, None)), head))
        elif kind == "engage":
            # «به تشریح … پرداخت»: the noun is the trigger, «پرداخت» closes it like a split verb
            pairs.append((Trig(typ, "split", head, (1, None)), f"به {head}"))
    for f in ("آمده است", "آمده بود", "آمده", "آمده‌است"):
        pairs.append((Trig("statement", "amade", "آمده", (0, None)), f))
    for f in ("به شرح زیر است", "به شرح زیر می باشد", "به این شرح است", "به شرح ذیل است"):
        pairs.append((Trig("statement", "amade", "شرح", (0, None)), f))
    # blockers: words that begin like a trigger but are not one
    for f in ("گفت و گوها", "گفت و گوهای", "گفتگوها", "گفتگوهای", "گفت و گویی", "گفتگویی",
              "گفت و گو", "گفتگو", "گفت وگو", "گفت و گوی", "گفتگوی", "خواسته ها", "خواسته های",
              "گفته ها", "گفته های", "به گفته", "نوشته ها", "خبر داده شده", "اعلام شده", "رد شده",
              "بیانیه", "اعلامیه", "به نوشته", "تاکیدات", "هشدارها",
              "انتقادات", "حمایت های", "حمایت‌ها", "درخواست ها", "درخواست های", "رد پای",
              "دستور کار", "دستور جلسه", "پیشنهادات", "پیشنهادها", "پیشنهادهای", "گفته می شود", "گفته میشود"):
        if f in ("به گفته", "به نوشته"):
            pairs.append((Trig("statement", "source", f, (0, None)), f))
        else:
            pairs.append((Trig("", "block", f), f))
    return R.Matcher(pairs, max_pieces=9, suffixes=False)


def trigger_matches(doc) -> list:
    """Trigger-lexicon matches of a document (computed once, kept on the document)."""
    if doc.trigger_matches is None:
        from kg.extract.outlets import ensure_pieces

        ensure_pieces(doc)
        doc.trigger_matches = matcher().find(doc.pieces, doc.pkeys, doc.folded)
    return doc.trigger_matches
