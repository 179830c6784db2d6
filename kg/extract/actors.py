"""Actor and place mentions: gazetteer matches composed into offices, bodies and people.

Steps, all over word pieces of the folded text:

1. gazetteer / lexicon matches (states, demonyms, capitals, organisations, outlets,
   bodies, places, groups, well-known people, office titles, pronouns);
2. composition: ``office|body|group head`` + ``state|demonym|capital|کشورمان|این کشور``
   (optionally ``امور``; ``در X`` after an ambassador), or + an organisation;
3. person names next to an office (``NAME، OFFICE`` / ``OFFICE، NAME،`` / ``«NAME» OFFICE``);
4. a second pass that finds those names again, surname alone included, anywhere in the
   article (headlines often use the surname before the body gives the full name);
5. offices without a name resolve to the person holding that office in the article.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import resources as R
from kg.model import Entity, Mention
from kg.pipeline import component
from kg.text import tokens

KIND_PRIORITY = {"person": 0, "government_body": 1, "organization": 2, "media": 3, "state": 4,
                 "group": 5, "place": 6, "office": 7, "pronoun": 8}

# heads that are too generic to be an actor without a complement
GENERIC_HEADS = {"رئیس", "نیروهای", "مقامات", "مسئولان", "رهبران", "مردم", "سفیر", "سخنگو",
                 "نماینده دائم", "کاردار", "کنسول", "سفارت", "کنسولگری", "نمایندگی دائم", "امیر",
                 "پادشاه", "رهبر", "ولیعهد", "مقامات دولتی", "مقامات ارشد", "نماینده ویژه",
                 "فرستاده ویژه", "مدیرکل", "دبیرکل", "کابینه", "سنا", "کنگره", "نیروهای حافظ صلح",
                 "فرمانده ارتش", "نیروهای مسلح", "ارتش", "دولت", "پارلمان", "وزارت کشور",
                 "دستگاه دیپلماسی", "سخنگوی دولت", "شاه", "کارشناسان", "کارشناس", "تحلیلگر", "نماینده",
                 "سناتور", "فرمانده", "دبیر", "مشاور"}
ALONE_OK = {"کارشناسان"}

IRANIAN_OUTLETS = ("فارس", "ایرنا", "جمهوری اسلامی", "ایسنا", "دانشجویان", "تسنیم", "مهر", "ایلنا",
                   "باشگاه خبرنگاران", "صدا و سیما", "العالم", "پرس تی وی", "آران")

NAME_STOP = set("""
و در به از با که را این آن برای تا بر هم نیز یک دو سه وی او ایشان آنها ما من شما همچنین
روز امروز دیروز فردا شب صبح گذشته اخیر سال ماه هفته پیش پس دیگر همین چنین اما ولی بلکه
شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه جمعه گزارش نقل خبرگزاری سایت روزنامه شبکه
گفت افزود کرد شد داد است بود هستند اعلام تاکید گفته ضمن درباره طی حال سوی جانب طرف
منطقه کشور کشورهای دولت وزیر وزارت رئیس سفیر سخنگوی سخنگو مقام مقامات جمهوری اسلامی
آقای خانم دکتر سردار سرلشکر ژنرال حجت‌الاسلام آیت‌الله مهندس نخست جدید سابق پیشین موقت
ارشد عالی اول دوم همه هر چند برخی بسیاری بین میان نزد مورد خصوص باره اساس بنابر بنا
تاكيد اينكه اینکه آنکه چرا زیرا اگر هرچند حتی فقط تنها حدود بیش کم بیشتر نیز خود خویش
""".split())

# titles before a name that are part of the mention but not of the name
HONORIFICS = {"آقای", "خانم", "حجت", "الاسلام", "آیت", "الله", "حجت‌الاسلام‌والمسلمین", "والمسلمین", "دکتر", "سردار", "سرلشکر", "ژنرال", "حجت‌الاسلام", "آیت‌الله", "سرتیپ", "مهندس",
              "شیخ", "سید", "ملا"}

DEPUTY_WORDS = {"معاون", "مشاور", "دستیار", "نایب", "جانشین", "قائم‌مقام", "قائممقام"}
NAME_PRECEDERS = {"که", "و", "اما", "همچنین", "با", "از", "دیدار", "ملاقات", "توسط", "سوی", "برای",
                  "نیز", "سپس", "امروز", "دیروز"}
_QUOTES = "«»\"“”'"
OFFICE_MODIFIERS = {"امور", "موقت", "سابق", "پیشین", "وقت", "جدید", "کنونی", "فعلی", "ارشد", "منتخب"}


def _publisher_is_iranian(outlet: str | None) -> bool:
    if not outlet:
        return True
    k = R.phrase_key(outlet)
    return any(R.phrase_key(x) in k for x in IRANIAN_OUTLETS)


def _pick(payloads):
    return sorted(payloads, key=lambda e: (KIND_PRIORITY.get(e.kind, 9), e.role != "name"))[0]


def _entity_from(e: R.Entry) -> Entity:
    return Entity(name=e.name, kind=e.kind, country=e.country, name_en=e.name_en, qid=e.qid,
                  id=e.id or None)


@component("actors", needs=("outlets",), sets=("mentions",))
def actors(doc):
    text, folded = doc.text, doc.folded
    from kg.extract.outlets import ensure_pieces

    ensure_pieces(doc)
    pieces, pkeys = doc.pieces, doc.pkeys
    raw = R.actor_matcher().find(pieces, pkeys, folded)
    default_cc = "IR" if _publisher_is_iranian(doc.outlet) else None

    items = []  # dicts: i, j (piece idx), start, end, entry
    for i, j, s, e, payloads in raw:
        items.append({"i": i, "j": j, "s": s, "e": e, "x": _pick(payloads), "all": payloads})

    mentions: list[Mention] = []
    last_state = None
    k = 0
    n = len(items)
    while k < n:
        it = items[k]
        x = it["x"]
        if x.kind == "pronoun":
            mentions.append(Mention(it["s"], it["e"], text[it["s"]:it["e"]],
                                    Entity(x.name, "pronoun", extra_ref(x)), "pronoun"))
            k += 1
            continue
        if x.role == "office" or (x.kind in ("group", "government_body") and x.role in ("group", "office")):
            # try to attach a complement: state / demonym / capital / organisation / «این کشور»
            comp, k2, s_end, country, org = _complement(items, k, pieces, pkeys, folded, last_state)
            scope = x.extra[0] if x.extra else "national"
            if comp is None and x.role == "office":
                if x.name in GENERIC_HEADS and x.name not in ALONE_OK:
                    if x.kind == "person":  # «سناتور "X Y"»: a generic title with a quoted name
                        q = re.match(r"[ \u200c]*([«\"])([^«»\"]{3,30})[»\"]", folded[it["e"]:it["e"] + 40])
                        if q and 2 <= len(q.group(2).split()) <= 4 and not any(w in NAME_STOP for w in q.group(2).split()):
                            s0, e0 = it["e"] + q.start(1), it["e"] + q.end()
                            ent = Entity(text[s0 + 1:e0 - 1], "person", None)
                            mentions.append(Mention(it["s"], e0, text[it["s"]:e0], ent, "name"))
                            k += 1
                            while k < n and items[k]["s"] < e0:
                                k += 1
                            continue
                        # «NAME، رئیس …»: a generic title after a name still marks a person
                        nb = _name_before(text, folded, pieces, pkeys, it["i"])
                        if nb:
                            s0, e0 = nb
                            nm = _clean_name(text[s0:e0])
                            if nm and not any(x.start < e0 and s0 < x.end for x in mentions):
                                cc = default_cc if scope == "national" else None
                                mentions.append(Mention(s0, e0, text[s0:e0], Entity(nm, "person", cc), "name"))
                    k += 1
                    continue
                if scope == "national":
                    country = default_cc
            name = x.name
            if org is not None:
                name = f"{x.name} {org.name}"
                country = None if x.kind == "person" or org.country is None else org.country
            elif country:
                cname = comp.name if comp is not None and comp.kind == "state" else _state_name(country)
                name = f"{x.name} {cname}" if cname else x.name
            kind = x.kind if x.kind != "office" else "person"
            s, e_ = it["s"], s_end
            # «معاون وزیر دفاع», «مشاور رئیس جمهور»: a deputy of the office is a person too
            pi = it["i"]
            while pi > 0 and pkeys[pi - 1] in DEPUTY_WORDS and folded[pieces[pi - 1][1]:pieces[pi][0]].strip(" \u200c") == "":
                pi -= 1
                s = pieces[pi][0]
                kind = "person"
                name = f"{text[s:it['s']].strip()} {name}"
            # «سفیر ایران در X»
            ent = Entity(name, kind, country, None, None)
            m = Mention(s, e_, text[s:e_], ent, "office" if x.role == "office" else "group")
            m.head = x.name
            mentions.append(m)
            k = k2
            continue
        if pkeys[it["i"]] in R.ambiguous() and it["j"] - it["i"] == 1 and not _ambiguous_ok(pkeys, it["i"]):
            k += 1
            continue
        ent = _entity_from(x)
        if x.kind == "state" and x.role == "dem":
            # a plural demonym used as an actor is a group of that country
            surface = pkeys[it["j"] - 1]
            if text[it["s"]:it["e"]].endswith(("ها", "های")) or surface in ("ها", "های"):
                ent = Entity(text[it["s"]:it["e"]], "group", x.country)
        if x.kind == "state":
            last_state = ent if ent.kind == "state" else last_state
        src = {"person": "person", "dem": "dem", "cap": "cap"}.get(x.role, "gazetteer")
        if ent.kind == "group" and x.role == "dem":
            src = "gazetteer"
        mentions.append(Mention(it["s"], it["e"], text[it["s"]:it["e"]], ent, src))
        k += 1

    _backward_offices(doc, mentions, pieces, pkeys)
    _honorific_names(doc, mentions, pieces, pkeys)
    _media_mentions(doc, mentions)
    _find_names(doc, mentions, pieces, pkeys)
    mentions.sort(key=lambda m: (m.start, -m.end))
    doc.mentions = _dedupe(mentions)
    _office_coref(doc.mentions)
    return doc


PERSON_HEADS = {"وزیر", "معاون", "سخنگوی", "رئیس", "رییس", "دبیر", "سفیر", "نماینده", "مشاور", "مدیر",
                "فرمانده", "رهبر", "دادستان", "استاندار", "شهردار", "سرکنسول", "کاردار", "قائم‌مقام",
                "قائم", "جانشین", "نایب", "مدیرعامل", "دبیرکل", "وزیرخارجه"}
BODY_HEADS = {"وزارت", "سازمان", "دولت", "ارتش", "مجلس", "دفتر", "نهاد", "شورای", "کمیسیون", "اداره",
              "پلیس", "نیروی", "نیروهای", "سفارت", "کنسولگری", "دستگاه", "ستاد", "قوه", "دادگاه",
              "دیوان", "بانک", "هیئت", "هیات", "کمیته", "حزب", "سرویس", "آژانس", "مرکز", "ریاست"}
_STOP_BETWEEN = {"از", "به", "با", "در", "برای", "که", "و", "را", "تا", "بر", "این", "آن", "یک", "هم", "نیز",
                 "است", "بود", "شد", "کرد", "گفت", "علیه", "درباره", "میان", "بین", "با"}


def _backward_offices(doc, mentions, pieces, pkeys):
    """«معاون توسعه وزیر بهداشت ایران»: an office head word a few words before a state."""
    f, text = doc.folded, doc.text
    starts = {p[0]: i for i, p in enumerate(pieces)}
    covered = [(m.start, m.end) for m in mentions if m.source in ("office", "group", "name")]
    out = []
    for m in mentions:
        if m.entity.kind != "state" or m.source not in ("gazetteer", "cap"):
            continue
        if any(a <= m.start < b for a, b in covered):
            continue
        pi = starts.get(m.start)
        if pi is None:
            continue
        head = None
        for back in range(1, 6):
            k = pi - back
            if k < 0:
                break
            gap = f[pieces[k][1]:pieces[k + 1][0]]
            if gap.strip(" \u200c") != "":
                break
            w = pkeys[k]
            if w in _STOP_BETWEEN:
                break
            if w in PERSON_HEADS or w in BODY_HEADS:
                head = k
                # keep going: «معاون وزیر …» starts further back
        if head is None:
            continue
        # do not swallow a mention that starts inside the phrase
        s0 = pieces[head][0]
        if any(s0 <= x.start < m.start and x is not m for x in mentions):
            continue
        kind = "person" if pkeys[head] in PERSON_HEADS else "government_body"
        phrase = text[s0:m.start].strip()
        ent = Entity(f"{phrase} {m.entity.name}", kind, m.entity.country)
        nm = Mention(s0, m.end, text[s0:m.end], ent, "office")
        nm.head = phrase
        out.append((m, nm))
    for old, new in out:
        mentions.remove(old)
        mentions.append(new)


def _honorific_names(doc, mentions, pieces, pkeys):
    """«آقای X», «خانم X Y»: a person named with an honorific (up to three words)."""
    f, text = doc.folded, doc.text
    taken = [(m.start, m.end) for m in mentions]
    for i, k in enumerate(pkeys):
        if k not in ("اقای", "خانم") or i + 1 >= len(pieces):
            continue
        j, words, last = i + 1, 0, None
        while j < len(pieces) and _is_name_piece(f, pieces, pkeys, j):
            gap = f[pieces[j - 1][1]:pieces[j][0]]
            if gap == "\u200c" and last is not None:
                last = j  # same word («تقوی‌نژاد»)
            elif gap.strip(" ") == "" and words < 3:
                if words >= 1 and pkeys[j] in NAME_STOP:
                    break
                words += 1
                last = j
            else:
                break
            j += 1
            if words >= 2 and j < len(pieces) and f[pieces[j - 1][1]:pieces[j][0]] == " ":
                break
        if last is None:
            continue
        s0, e0 = pieces[i][0], pieces[last][1]
        if any(a < e0 and s0 < b for a, b in taken):
            continue
        nm = text[pieces[i + 1][0]:e0]
        mentions.append(Mention(s0, e0, text[s0:e0], Entity(nm, "person", None), "honorific"))
        taken.append((s0, e0))


_MEDIA_QUOTED = re.compile(
    r"(?<![^\W_])(?:خبرگزاری|روزنامه|شبکه(?:[ \u200c]+(?:خبری|تلویزیونی|ماهواره[ \u200c]*ای))?|پایگاه(?:[ \u200c]+(?:خبری|اینترنتی|خبری[ \u200c]+تحلیلی))?"
    r"|سایت(?:[ \u200c]+(?:خبری|اینترنتی))?|نشریه|هفته[ \u200c]*نامه|ماهنامه|مجله|رادیو|تلویزیون|وب[ \u200c]*سایت|خبرگزاری[ \u200c]+رسمی)"
    r"(?:[ \u200c]+[^\s«»\"،,.:]{2,14}ی)?[ \u200c]*(?:«([^«»]{2,40})»|\"([^\"]{2,40})\")")


def _media_mentions(doc, mentions):
    """«روزنامه آمریکایی «X»»: a media outlet the gazetteer may not know."""
    f = doc.folded
    if "«" not in f and "\"" not in f:
        return
    for m in _MEDIA_QUOTED.finditer(f):
        s, e = m.start(), m.end()
        over = [x for x in mentions if x.start < e and s < x.end]
        if any(x.entity.kind == "media" for x in over):
            continue
        g = 1 if m.group(1) is not None else 2
        name = doc.text[m.start(g):m.end(g)].strip()
        for x in over:
            mentions.remove(x)
        mentions.append(Mention(s, e, doc.text[s:e], Entity(name, "media"), "gazetteer"))


AMBIG_CONTEXT = {"کشور", "کشورهای", "دولت", "جمهوری", "مردم", "پایتخت", "مقامات", "سفارت", "سفیر",
                 "رئیس", "رییس", "وزیر", "پادشاهی", "سلطنت", "سلطان", "امیر", "شهر"}


def _ambiguous_ok(pkeys, i):
    return i > 0 and pkeys[i - 1] in AMBIG_CONTEXT


def extra_ref(x):
    return x.extra[0] if x.extra else None


@lru_cache(maxsize=512)
def _state_name(cc):
    for e, f in R.gazetteer_entries():
        if e.kind == "state" and e.country == cc:
            return e.name
    return None


def _gap(folded, pieces, a, b):
    return folded[pieces[a][1]:pieces[b][0]]


def _complement(items, k, pieces, pkeys, folded, last_state):
    """The state/organisation that completes the office at items[k]."""
    it = items[k]
    j = it["j"]
    end = it["e"]
    nxt = items[k + 1] if k + 1 < len(items) else None
    # optional «امور»
    skip = 0
    while j + skip < len(pkeys) and pkeys[j + skip] in OFFICE_MODIFIERS and skip < 2:
        skip += 1
    if nxt is not None and nxt["i"] == j + skip and _gap(folded, pieces, nxt["i"] - 1, nxt["i"]).strip(" \u200c") == "":
        y = nxt["x"]
        if y.kind == "state":
            country = y.country
            e2 = nxt["e"]
            k2 = k + 2
            # «سفیر ایران در آذربایجان», «نماینده دائم ایران در سازمان ملل»
            jj = nxt["j"]
            if jj < len(pkeys) and pkeys[jj] == "در" and k2 < len(items) and items[k2]["i"] == jj + 1 \
                    and items[k2]["x"].kind in ("state", "organization", "place") \
                    and _gap(folded, pieces, jj - 1, jj).strip(" \u200c") == "" \
                    and any(w in it["x"].name for w in ("سفیر", "نماینده", "کاردار", "کنسول", "سفارت", "نمایندگی")):
                e2 = items[k2]["e"]
                k2 += 1
            return y, k2, e2, country, None
        if y.kind == "organization" and it["x"].role == "office":
            return y, k + 2, nxt["e"], None, y
        if y.kind == "pronoun" and y.extra and y.extra[0] == "state":
            return y, k + 2, nxt["e"], last_state.country if last_state else None, None
    # «کشورمان» glued as a suffix piece is in the gazetteer as an alias of Iran
    return None, k + 1, end, None, None


_NAME_PIECE = re.compile(r"^[\u0600-\u06FF\u200c]+$")


def _find_names(doc, mentions, pieces, pkeys):
    """Person names next to offices; then every later/earlier mention of those names."""
    text, folded = doc.text, doc.folded
    starts = {p[0]: idx for idx, p in enumerate(pieces)}
    ends = {p[1]: idx for idx, p in enumerate(pieces)}
    taken = [(m.start, m.end) for m in mentions]
    found = []  # (start, end, name)
    for m in list(mentions):
        if m.source != "office" or m.entity.kind != "person":
            continue
        # before: «NAME»، OFFICE | NAME، OFFICE | NAME OFFICE
        pi = starts.get(m.start)
        if pi is None:
            continue
        name = _name_before(text, folded, pieces, pkeys, pi)
        if not name:
            pe = ends.get(m.end)
            if pe is not None:
                name = _name_after(text, folded, pieces, pkeys, pe)
        if name:
            s, e = name
            over = [x for x in mentions if x.start < e and s < x.end and x is not m]
            if over:
                if all(x.entity.kind == "person" and x.source in ("person", "name") for x in over):
                    ent = over[0].entity
                    if ent.country is None and m.entity.country:
                        ent.country = m.entity.country
                    m.entity = ent
                continue
            nm = _clean_name(text[s:e])
            if not nm:
                continue
            ent = Entity(nm, "person", m.entity.country)
            m.entity = ent
            m.head = m.head  # office stays as head
            pm = Mention(s, e, text[s:e], ent, "name")
            found.append(pm)
            taken.append((s, e))
    mentions.extend(found)
    # known people from the lexicon count as names too
    people = {}
    for m in mentions:
        if m.entity.kind == "person" and m.source in ("name", "person"):
            people.setdefault(m.entity.name, m.entity)
    if not people:
        return
    pairs = []
    for nm, ent in people.items():
        pairs.append((ent, nm))
        parts = re.split(r"[\s\u200c]+", nm)
        if len(parts) >= 2 and len(parts[-1]) >= 3 and parts[-1] not in NAME_STOP:
            pairs.append((ent, parts[-1]))
            if len(parts) >= 3:
                pairs.append((ent, " ".join(parts[-2:])))
    matcher = R.Matcher(pairs)
    for i, j, s, e, payloads in matcher.find(pieces, pkeys, folded):
        if any(a < e and s < b for a, b in taken):
            continue
        mentions.append(Mention(s, e, text[s:e], payloads[0], "name"))
        taken.append((s, e))
    bykey = {R.phrase_key(nm): ent for ent, nm in pairs}
    for m in mentions:
        if m.source == "honorific":
            ent = bykey.get(R.phrase_key(m.entity.name))
            if ent is not None:
                m.entity = ent


def _clean_name(s):
    s = s.strip(_QUOTES + " \u200c،,")
    parts = [p for p in re.split(r"\s+", s) if p]
    while parts and parts[0] in HONORIFICS:
        parts.pop(0)
    return " ".join(parts)


def _is_name_piece(folded, pieces, pkeys, idx):
    if idx < 0 or idx >= len(pieces):
        return False
    w = folded[pieces[idx][0]:pieces[idx][1]]
    if pkeys[idx].endswith(("دن", "تن")) and len(w) > 4:
        return False  # an infinitive, not a name
    return bool(_NAME_PIECE.match(w)) and pkeys[idx] not in NAME_STOP and len(w) >= 2


def _name_before(text, folded, pieces, pkeys, pi):
    """Pieces just before an office that look like a name, ending at a boundary."""
    if pi == 0:
        return None
    gap = folded[pieces[pi - 1][1]:pieces[pi][0]]
    g = gap.strip(" \u200c")
    if g not in ("", "،", ",", "»", "»،", "» ،", "\"", "\"،"):
        return None
    quoted = "»" in g or "\"" in g
    idx = pi - 1
    names = []
    while idx >= 0 and len(names) < 4:
        if not _is_name_piece(folded, pieces, pkeys, idx):
            break
        names.append(idx)
        gp = folded[pieces[idx - 1][1]:pieces[idx][0]] if idx > 0 else "\n"
        if gp.strip(" \u200c") != "":
            break
        idx -= 1
    if not names:
        return None
    first = names[-1]
    before = folded[pieces[first - 1][1]:pieces[first][0]] if first > 0 else "\n"
    b = before.strip(" \u200c")
    if quoted:
        if "«" not in before and "\"" not in before:
            return None
    elif not (b in ("", "،", ",", ":", "«", "\n") or "\n" in before or first == 0
              or b.endswith(("،", ",", ":"))):
        return None
    if b == "" and "\n" not in before and first > 0:
        # the piece before must be a boundary word ("که", "و") for an unpunctuated name
        if pkeys[first - 1] not in NAME_PRECEDERS or len(names) < 2:
            return None
    # unquoted names need at least two pieces, unless punctuation isolates one
    if not quoted and len(names) < 2 and not g:
        return None
    s = pieces[first][0]
    e = pieces[names[0]][1]
    if quoted:
        s = folded.rfind("«", 0, s) if "«" in before else folded.rfind("\"", 0, s)
        e = folded.find("»", e) + 1 if "»" in g else folded.find("\"", e) + 1
    return s, e


def _name_after(text, folded, pieces, pkeys, pe):
    """``OFFICE، NAME،`` or ``OFFICE «NAME»``."""
    if pe + 1 >= len(pieces):
        return None
    gap = folded[pieces[pe][1]:pieces[pe + 1][0]].strip(" \u200c")
    if gap not in ("،", ",", "«", "،«", "، «"):
        return None
    idx = pe + 1
    names = []
    while idx < len(pieces) and len(names) < 4 and _is_name_piece(folded, pieces, pkeys, idx):
        names.append(idx)
        gp = folded[pieces[idx][1]:pieces[idx + 1][0]] if idx + 1 < len(pieces) else "\n"
        if gp.strip(" \u200c") != "":
            break
        idx += 1
    if not names:
        return None
    after = folded[pieces[names[-1]][1]:pieces[names[-1] + 1][0]] if names[-1] + 1 < len(pieces) else "\n"
    a = after.strip(" \u200c")
    if "«" in gap:
        if not a.startswith("»"):
            return None
        return folded.rfind("«", 0, pieces[names[0]][0]), pieces[names[-1]][1] + after.index("»") + 1
    if not a.startswith(("،", ",")) or len(names) < 2:
        return None
    return pieces[names[0]][0], pieces[names[-1]][1]


def _dedupe(ms):
    out = []
    last_end = -1
    for m in ms:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
        elif out and m.end > out[-1].end and m.start == out[-1].start:
            out[-1] = m
            last_end = m.end
    return out


def _office_coref(mentions):
    """An office without a name resolves to the person the article names for it."""
    holder = {}
    for m in mentions:
        if m.source == "office" and m.entity.kind == "person" and m.head:
            key = (m.head, m.entity.country)
            if m.entity.name and not m.entity.name.startswith(m.head):
                holder.setdefault(key, m.entity)
    for m in mentions:
        if m.source == "office" and m.entity.kind == "person" and m.head:
            key = (m.head, m.entity.country)
            if not m.entity.name.startswith(m.head):
                continue
            if key in holder:
                m.entity = holder[key]
                continue
            # a shorter title of the same office («نماینده ایران» for «نماینده دائم ایران»)
            words = set(m.head.replace("\u200c", " ").split())
            same = [e for (h, cc), e in holder.items()
                    if cc == m.entity.country and words < set(h.replace("\u200c", " ").split())]
            if len({e.name for e in same}) == 1:
                m.entity = same[0]
