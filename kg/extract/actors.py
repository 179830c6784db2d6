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

Persons recognised by :func:`kg.names.find_names` (run on the headline and on the subject
side of every sentence with a trigger word, for speed) join as person mentions before step
3, so they are speaker candidates, pronoun antecedents and office holders; a name inside an
organisation's name (``کمیته امداد امام خمینی``) or after a plural noun is not taken, and
``TITLE + organisation`` (``مدیرکل کمیته امداد … استان بوشهر``) is the office holder.
``بروکسل`` is the EU when the article speaks of Europe, else Belgium's capital.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import resources as R
from kg.model import Entity, Mention
from kg.pipeline import component
from kg.text import fold

KIND_PRIORITY = {"person": 0, "government_body": 1, "organization": 2, "media": 3, "state": 4,
                 "group": 5, "place": 6, "office": 7, "pronoun": 8}

# heads that are too generic to be an actor without a complement
GENERIC_HEADS = {"رئیس", "نیروهای", "مقامات", "مسئولان", "رهبران", "مردم", "سفیر", "سخنگو", "سخنگوی",
                 "نماینده دائم", "کاردار", "کنسول", "سفارت", "کنسولگری", "نمایندگی دائم", "امیر",
                 "پادشاه", "رهبر", "ولیعهد", "مقامات دولتی", "مقامات ارشد", "نماینده ویژه",
                 "فرستاده ویژه", "مدیرکل", "دبیرکل", "کابینه", "سنا", "کنگره", "نیروهای حافظ صلح",
                 "فرمانده ارتش", "نیروهای مسلح", "ارتش", "دولت", "پارلمان",
                 "دستگاه دیپلماسی", "سخنگوی دولت", "شاه", "کارشناسان", "کارشناس", "تحلیلگر", "نماینده",
                 "سناتور", "فرمانده", "دبیر", "مشاور", "مقام", "شهردار", "استاندار", "فرماندار", "امام جمعه",
                 "سرگرد", "سرهنگ", "ژنرال", "منابع", "سربازان", "رزمندگان", "شهروندان", "ساکنان", "یک پزشک", "یک سرگرد", "یک سرهنگ", "یک سرباز", "کشورهای عضو", "دولت‌های عضو",
                 "اسرا", "زندانیان", "پناهجویان", "مهاجران", "کارگران", "تظاهرکنندگان", "دانشجویان"}
ALONE_OK = {"کارشناسان"}

# Persian-language outlets whose copy means Iran when an office has no country
IRANIAN_OUTLETS = ("فارس", "ایرنا", "جمهوری اسلامی", "ایسنا", "دانشجویان", "تسنیم", "مهر", "ایلنا",
                   "باشگاه خبرنگاران", "صدا و سیما", "العالم", "پرس تی وی", "آران", "رادیو فردا",
                   "بی بی سی فارسی", "ایران اینترنشنال", "صدای آمریکا", "رادیو زمانه", "ایندیپندنت فارسی",
                   "همشهری", "کیهان", "اعتماد", "شرق", "ایران")

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

# a title or body built on another office («سخنگوی نخست‌وزیر», «دفتر رئیس‌جمهور»)
_DAFTAR = R.key("دفتر")
_PERSIAN_LETTERS = str.maketrans({"ي": "ی", "ك": "ک"})
_OFFICE_OF_HEADS = frozenset(R.key(w) for w in ("سخنگوی", "دفتر", "سخنگو"))
DEPUTY_WORDS = frozenset(R.key(w) for w in ("معاون", "مشاور", "دستیار", "نایب", "جانشین", "قائم‌مقام", "قائممقام"))
NAME_PRECEDERS = {"که", "و", "اما", "همچنین", "با", "از", "دیدار", "ملاقات", "توسط", "سوی", "برای",
                  "نیز", "سپس", "امروز", "دیروز"}
_QUOTES = "«»\"“”'"
OFFICE_MODIFIERS = {"امور", "موقت", "سابق", "پیشین", "وقت", "جدید", "کنونی", "فعلی", "ارشد", "منتخب",
                    "سیاسی", "نظامی", "دولتی", "امنیتی", "رسمی", "عالی", "عالیرتبه", "مردم"}
# offices of a city or province: «شهردار مشهد», «نماینده مردم تبریز», «استاندار کرمان»
LOCAL_OFFICES = {"شهردار", "استاندار", "فرماندار", "امام جمعه", "نماینده", "دادستان", "مردم"}


def _longer_after_demonstrative(raw, pieces, pkeys, folded):
    """«پیش از این وزیر راه و شهرسازی …»: an anaphor «این + title» yields to a longer title
    that starts right after «این» (the «این» belongs to «پیش از این»)."""
    out = []
    skip_to = -1
    for r in raw:
        i, j, s, e, payloads = r
        if i < skip_to:
            continue
        if _pick(payloads).kind == "pronoun" and j - i >= 2 and pkeys[i] == "این":
            longer = [x for x in R.actor_matcher().find(pieces[i + 1:i + 10], pkeys[i + 1:i + 10], folded)
                      if x[0] == 0]
            if longer and longer[0][1] + i + 1 > j:
                _, j2, s2, e2, pl2 = longer[0]
                out.append((i + 1, i + 1 + j2, s2, e2, pl2))
                skip_to = i + 1 + j2
                continue
        out.append(r)
    return out


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
    raw = _longer_after_demonstrative(R.actor_matcher().find(pieces, pkeys, folded), pieces, pkeys, folded)
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
        if x.role == "office" or (x.kind in ("group", "government_body") and x.role in ("group", "office")) or \
                (x.kind == "group" and x.country is None and _state_follows(items, k, folded)):
            # try to attach a complement: state / demonym / capital / organisation / «این کشور»
            comp, k2, s_end, country, org = _complement(items, k, pieces, pkeys, folded, last_state, mentions)
            scope = x.extra[0] if x.extra else "national"
            if comp is None and x.role == "office":
                if x.name in GENERIC_HEADS and x.name not in ALONE_OK:
                    if x.kind == "person":  # «سناتور "X Y"»: a generic title with a quoted name
                        q = re.match(r"[ \u200c]*([«\"])([^«»\"]{3,30})[»\"]", folded[it["e"]:it["e"] + 40])
                        if q and 2 <= len(q.group(2).split()) <= 4 and not any(w in NAME_STOP for w in q.group(2).split()):
                            s0, e0 = it["e"] + q.start(1), it["e"] + q.end()
                            # «سناتور "X Y"» with no country: a US senator in Persian copy
                            # (Iran has no senate)
                            cc = "US" if x.name == "سناتور" and default_cc == "IR" else None
                            ent = Entity(text[s0 + 1:e0 - 1], "person", cc)
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
                                mentions.append(Mention(s0, e0, text[s0:e0], Entity(nm, "person", None), "name"))
                    k += 1
                    continue
                if scope == "national":
                    country = default_cc
                elif len(scope) == 2 and scope.isupper():
                    country = scope  # «سخنگوی کرملین»: an office of one state's seat
            name = x.name
            if org is not None:
                name = _join_title(x.name, org.name)  # «رئیس سازمان» + «سازمان بسیج …»: one «سازمان»
                country = org.country  # officials of international bodies: None
            elif comp is not None and comp.kind == "place":
                name = f"{x.name} {comp.name}"
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
            if pi == it["i"] and pi > 1 and pkeys[pi - 2] in DEPUTY_WORDS and pkeys[pi - 1] not in NAME_STOP \
                    and pkeys[pi - 1] not in DEPUTY_WORDS and x.role == "office" \
                    and folded[pieces[pi - 2][1]:pieces[pi - 1][0]].strip(" \u200c") == "" \
                    and folded[pieces[pi - 1][1]:pieces[pi][0]].strip(" \u200c") == "":
                # «معاون توسعه وزیر بهداشت»: a deputy with his field before the office
                pi -= 2
                s = pieces[pi][0]
                kind = "person"
                name = f"{text[s:it['s']].strip()} {name}"
            head = x.name
            if pi == it["i"] and x.role == "office" and x.kind == "person" and pi > 0 \
                    and pkeys[pi - 1] in _OFFICE_OF_HEADS and folded[pieces[pi - 1][1]:pieces[pi][0]].strip(" \u200c") == "":
                # «دفتر نخست‌وزیر ژاپن»: the holder's office, a body; «سخنگوی (دفتر) نخست‌وزیر»: its
                # spokesperson. Another title, so no holder of the office itself
                pi -= 1
                if pkeys[pi] == _DAFTAR and pi > 0 and pkeys[pi - 1] in _OFFICE_OF_HEADS - {_DAFTAR} \
                        and folded[pieces[pi - 1][1]:pieces[pi][0]].strip(" \u200c") == "":
                    pi -= 1
                s = pieces[pi][0]
                kind = "person" if pkeys[pi] != _DAFTAR else "government_body"
                prefix = " ".join(text[s:it["s"]].split()).translate(_PERSIAN_LETTERS)
                name, head = f"{prefix} {name}", f"{prefix} {x.name}"
            # «سفیر ایران در X»
            ent = Entity(name, kind, country, None, None)
            m = Mention(s, e_, text[s:e_], ent, "office" if x.role == "office" else "group")
            m.head = head
            mentions.append(m)
            k = k2
            continue
        if pkeys[it["i"]] in R.ambiguous() and it["j"] - it["i"] == 1 and not _ambiguous_ok(pkeys, it["i"]) \
                and not _in_state_list(items, k, folded):
            k += 1
            continue
        if x.kind in ("place", "state") and _SURNAME_TAIL.match(folded, it["e"]):
            k += 1  # «نجف‌نژاد», «تهران‌پور»: a surname built on the place, not the place
            continue
        surface = text[it["s"]:it["e"]]
        if x.role == "name" and x.kind in ("organization", "media", "government_body") and \
                re.search(r"[\u200c ]?ها(ی|یی)?$", surface) and not re.search(r"ها(ی|یی)?$", x.name):
            k += 1  # «آژانس‌های …»: a plural common noun, not the organisation
            continue
        ent = _entity_from(x)
        if x.role == "cap" and re.search(r"(?<![^\W_])(?:شهر|پایتخت)[ \u200c]*$", folded[max(0, it["s"] - 8):it["s"]]):
            # «در سطح شهر تهران»: the city itself, not the government seated there
            ent = Entity(" ".join(text[it["s"]:it["e"]].split()), "place", x.country)
        elif x.role == "cap" and x.country == "BE" and _eu_context(doc):
            eu = _eu_entity()
            if eu is not None:  # «گفت‌وگوهای آنکارا و بروکسل»: the EU, seated in Brussels
                ent = eu
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
    _unlisted_places_and_groups(doc, mentions)
    _constituency_members(doc, mentions)
    _local_titles(doc, mentions)
    _unknown_offices(doc, mentions)
    _name_persons(doc, mentions)
    _collective_subjects(doc, mentions)
    _bare_names(doc, mentions, pieces, pkeys, (2, 3, 4))
    _find_names(doc, mentions, pieces, pkeys)
    _unknown_bodies(doc, mentions)
    _bare_holders(doc, mentions)
    _bare_names(doc, mentions, pieces, pkeys, (1,))  # after surnames of known people
    _deputies_of_people(doc, mentions)
    _unify_surnames(mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))
    kept = _dedupe(mentions)
    doc.mentions = [m for m in kept if not _compass_point(doc, m, kept)]
    _headline_surname(doc)
    _office_coref(doc.mentions)
    _office_named_later(doc, doc.mentions)
    _described_again(doc, doc.mentions)
    _anonymous_names(doc)
    return doc


_INDEFINITE = re.compile(r"(?:یک|يك)[ \u200c]+")


def _anonymous_names(doc):
    """«یک منبع آگاه عراقی», «یک مقام آمریکایی»: an unnamed official is named as the text
    describes them, without «یک» («منبع آگاه عراقی»), not by the canonical state name the
    office rows build («… عراق»): it is the description that later «وی» and «این مقام» point
    back to."""
    swap = {}
    for m in doc.mentions:
        if m.source == "office" and m.entity.kind == "person" and _INDEFINITE.match(m.text) \
                and _INDEFINITE.match(m.entity.name):  # (not one resolved to the holder's name)
            e = m.entity
            name = " ".join(m.text[_INDEFINITE.match(m.text).end():].split())
            if name and id(e) not in swap and len(name.split()) >= 2:
                swap[id(e)] = Entity(name, e.kind, e.country, e.name_en, e.qid, e.id)
    for m in doc.mentions:
        new = swap.get(id(m.entity))
        if new is not None:
            m.entity = new


# an Arabic name: the article «ال…», «بن», «ابو» («احمد بن حلی», «ایمن الظواهری»)
_ARABIC_NAME = re.compile(r"(?<![^\W_])(?:ال(?!له|دین|دوله)[^\W\d_]{2,}|بن|ابن|ابو|بنت)(?![^\W_])")
# the endings of Persian family names («منتجب‌نیا», «خواجه‌فرد», «قنبری»)
_PERSIAN_SURNAME = re.compile(r"(?:زاده|پور|نیا|نژاد|فر|فرد|منش|راد|وند|یان|ی|ي)$")


_HONORIFIC_KEYS = frozenset(R.key(w) for w in HONORIFICS)
_THEOPHORIC_TAILS = frozenset(R.key(w) for w in ("الله", "الدین"))


@lru_cache(maxsize=4096)
def _persian_name(name: str) -> bool:
    """A person's name built like an Iranian one: a listed given name and a family name, or
    a family name with a Persian ending, and nothing Arabic («بن», «ال…»)."""
    from kg.names import compact, first_names, persian_first_names

    words = name.split()
    if len(words) > 2 and R.key(words[1]) in _THEOPHORIC_TAILS and R.key(words[0]) not in _HONORIFIC_KEYS:
        words[:2] = [words[0] + words[1]]  # «فضل الله صلواتی»
    words = [w for w in words if R.key(w) not in _HONORIFIC_KEYS]
    if words and words[0] != "سید" and words[0].startswith("سید") and R.key(words[0][3:]) in persian_first_names():
        words[0] = words[0][3:]  # «سیدمهران»
    if not words or _ARABIC_NAME.search(fold(" ".join(words))):
        return False
    if len(words) >= 2:
        first = compact(words[0])
        return first in persian_first_names() or (len(first) > 5 and first.endswith(("الله", "الدین"))) or all(
            _PERSIAN_SURNAME.search(fold(w)) and compact(w) not in first_names() for w in words)
    return bool(_PERSIAN_SURNAME.search(fold(words[0]))) and compact(words[0]) not in first_names()


_NOT_HOMED = frozenset(("person", "office", "group"))


@component("nationality", needs=("roles",), sets=("mentions",))
def nationality(doc):
    """A named person with no country, in a Persian outlet's copy, named the Iranian way
    («محمدرضا پورابراهیمی», «حشمت مهاجرانی») is an Iranian. A gazetteer person keeps the
    country the table gives (officials of international bodies have none).

    This runs after the roles, which read a missing country as «not known to be anyone's»:
    it gives the person a nationality in the output, not a side in the statement."""
    if _publisher_is_iranian(doc.outlet):
        _home_country(doc)
    return doc


def _home_country(doc):
    home = {}
    for m in doc.mentions:
        e = m.entity
        if e.country or e.kind != "person" or e.qid or e.id or m.source in _NOT_HOMED or id(e) in home:
            continue
        home[id(e)] = Entity(e.name, e.kind, "IR", e.name_en, e.qid, e.id) if _persian_name(e.name) else None
    if not home or not any(home.values()):
        return
    # the statements hold mentions of their own (a pronoun speaker shares its antecedent's entity)
    held = [m for st in doc.statements for m in (st.speaker, *st.targets, *st.addressees) if m is not None]
    for m in (*doc.mentions, *held):
        new = home.get(id(m.entity))
        if new is not None:
            m.entity = new


PERSON_HEADS = {"وزیر", "معاون", "سخنگوی", "رئیس", "رییس", "دبیر", "سفیر", "نماینده", "مشاور", "مدیر",
                "فرمانده", "رهبر", "دادستان", "استاندار", "شهردار", "سرکنسول", "کاردار", "قائم‌مقام",
                "قائم", "جانشین", "نایب", "مدیرعامل", "دبیرکل", "وزیرخارجه", "مسئول"}
BODY_HEADS = {"وزارت", "سازمان", "دولت", "ارتش", "مجلس", "دفتر", "نهاد", "شورای", "کمیسیون", "اداره",
              "پلیس", "نیروی", "نیروهای", "سفارت", "کنسولگری", "دستگاه", "ستاد", "قوه", "دادگاه",
              "دیوان", "بانک", "هیئت", "هیات", "کمیته", "حزب", "سرویس", "آژانس", "مرکز", "ریاست"}
MEMBER_HEADS = {"عضو", "سخنگو"}
_HEAD_WORDS = frozenset(PERSON_HEADS | BODY_HEADS | MEMBER_HEADS)
# a place joined to a surname suffix by a ZWNJ is a person's name («نجف‌نژاد», «شیراز‌پور»)
_SURNAME_TAIL = re.compile(r"\u200c(?:نژاد|پور|زاده|نیا|فر|منش|راد|وند|آبادی)(?![^\W_])")

_COMMITTEE_OF = re.compile(r"(?<![^\W_])(?:عضو|سخنگوی|رئیس|رییس|نایب[ \u200c]*رئیس|دبیر)[ \u200c]+"
                           r"(?:کمیسیون|کمیته|فراکسیون|هیئت[ \u200c]+رئیسه|هیات[ \u200c]+رئیسه)"
                           r"(?:[ \u200c]+[^\s،,.:؛«»\"()0-9]+){0,7}?[ \u200c]+$")
_STOP_BETWEEN = {"از", "به", "با", "در", "برای", "که", "و", "را", "تا", "بر", "این", "آن", "یک", "هم", "نیز",
                 "است", "بود", "شد", "کرد", "گفت", "علیه", "درباره", "میان", "بین", "با"}
# these sets are compared with piece keys and these patterns run on the folded text, so
# they are keyed and folded too («قائم» is «قایم» there)
PERSON_HEADS, BODY_HEADS, MEMBER_HEADS, _STOP_BETWEEN = (
    frozenset(R.key(w) for w in ws) for ws in (PERSON_HEADS, BODY_HEADS, MEMBER_HEADS, _STOP_BETWEEN))
_COMMITTEE_OF = re.compile(fold(_COMMITTEE_OF.pattern))


# gazetteer sources a person name may swallow («محمد عراقی»: a name, not the demonym)
_SWALLOWABLE = ("gazetteer", "cap", "dem")


def _name_persons(doc, mentions):
    """Persons recognised by :func:`kg.names.find_names` (first name + surname, titles,
    ``X، وزیر …`` appositions, ``X گفت`` cues, surname re-mentions) become person
    mentions (source ``name``, head ``names``) unless an actor the gazetteer or an office
    already covers the span; a state, place or organisation match lying inside the name is
    dropped. Arabic name chains are completed (``خالد بن احمد آل خلیفه``); a span with a
    plural, verb or function word in it is no name."""
    from kg.names import find_names

    text, f = doc.text, doc.folded
    found = _names_in_regions(doc, find_names)
    # (an outlet is never named after a person: «به گزارش خبرگزاری فارس سید رضا زواره‌ای …»)
    org_ends = {e for s, e, k in found if k not in ("person", "place", "media")}
    org_ends.update(m.end for m in mentions if m.entity.kind in ("organization", "government_body"))
    _headed_bodies(doc, mentions, found)
    for s, e, kind in found:
        if kind != "person":
            continue
        b = s
        while b > 0 and f[b - 1] in " \u200c":
            b -= 1
        if b < s and b in org_ends:
            continue  # «کمیته امداد امام خمینی», «دانشگاه شهید بهشتی»: named after the person
        if b < s and _PLURAL_BEFORE.search(f, max(0, b - 12), b):
            continue  # «گونه‌های نادر جنگلی»: an adjective after a plural noun, not a name
        while True:  # «خالد بن احمد آل خلیفه»
            m2 = _NAME_LINK.match(f, e)
            if not m2:
                break
            e = m2.end()
        if _NAME_LINK_END.search(f, s, e):
            continue  # «خالد بن» cut before its second part: not a name we can use
        if not _name_words_ok(f[s:e]) and not _TITLE_BEFORE.search(f, max(0, s - 30), s):
            continue  # a word list's plural or verb is no name, unless a title vouches for it
        over = [m for m in mentions if m.start < e and s < m.end]
        if over:
            if all(m.source in _SWALLOWABLE and m.entity.kind != "person" and s <= m.start and m.end <= e
                   and (m.start, m.end) != (s, e) for m in over):
                for m in over:
                    mentions.remove(m)
            else:
                continue
        name = _clean_name(text[s:e])
        if not name:
            continue
        m = Mention(s, e, text[s:e], Entity(name, "person", None), "name")
        m.head = "names"
        mentions.append(m)
    trig_starts = None
    for s, e, kind in found:
        if kind not in ("organization", "government_body"):
            continue
        if trig_starts is None:
            from kg.extract import triggers as T

            trig_starts = sorted(ts for i, j, ts, te, p in T.trigger_matches(doc))
        # a trigger word swallowed at the end («موسسه تحقیقات آب وزارت نیرو هشدار»): cut before it
        cut = [t for t in trig_starts if s < t < e]
        if cut:
            e = len(f[:cut[0]].rstrip(" \u200c"))
            if len(f[s:e].split()) < 2:
                continue
        # «باشگاه اسرای فلسطین»: an organisation the gazetteer does not know, around a state
        # or place it does; the organisation is the actor, the state gives its country
        over = [m for m in mentions if m.start < e and s < m.end]
        parent = [m for m in over if m.entity.kind == "government_body" and m.source == "office"
                  and m.end == e and m.start > s and _subject_of_trigger(f, e, trig_starts)]
        if parent and len(over) == 1:
            # «موسسه تحقیقات آب وزارت نیرو هشدار داده»: an institute of a known ministry,
            # right before its act; the ministry gives its country
            mentions.remove(parent[0])
            m = Mention(s, e, text[s:e], Entity(" ".join(text[s:e].split()), kind, parent[0].entity.country), "name")
            m.head = "names"
            mentions.append(m)
            continue
        if not over and _subject_of_trigger(f, e, trig_starts) and _org_name_ok(f, s, e):
            # «مرکز حقوقی شورات هادین اعلام کرده»: an unknown organisation right before its act
            m = Mention(s, e, text[s:e], Entity(" ".join(text[s:e].split()), kind, None), "name")
            m.head = "names"
            mentions.append(m)
            continue
        if not over or not all((m.source in _SWALLOWABLE and m.entity.kind in ("state", "place")
                                or m.source in ("group", "office") and m.entity.kind == "group")  # «باشگاه اسرای فلسطین»
                               and s < m.start and m.end <= e for m in over):
            continue
        states = [m.entity.country for m in over if m.entity.kind in ("state", "group") and m.entity.country]
        for m in over:
            mentions.remove(m)
        name = " ".join(text[s:e].split())
        q = _QUOTED_AFTER.match(f, e)
        if q and not any(x.start < q.end() and q.start() < x.end for x in mentions):
            # «موسسه اسرائیلی حقوق‌بشر «بتسلیم»»: the quoted name is the organisation's own
            e, name = q.end(), " ".join(text[q.start(1):q.end(1)].split())
        m = Mention(s, e, text[s:e], Entity(name, kind, states[0] if states else None), "name")
        m.head = "names"
        mentions.append(m)


_QUOTED_AFTER = re.compile(r"[ \u200c]*[«\"]([^«»\"\n]{2,30})[»\"]")


def _subject_of_trigger(f, e, trig_starts):
    """A trigger word starts right after ``e`` (spaces only between)."""
    from bisect import bisect_left

    k = bisect_left(trig_starts, e)
    return k < len(trig_starts) and f[e:trig_starts[k]].strip(" \u200c") == ""


_ORG_OPENERS = frozenset(R.key(w) for w in (
    "موسسه", "مؤسسه", "مرکز", "اتحادیه", "انجمن", "سازمان", "شرکت", "حزب", "جبهه", "جنبش", "کمیته", "ستاد",
    "بنیاد", "کانون", "جمعیت", "نهاد", "فدراسیون", "کنفدراسیون", "سندیکا", "ائتلاف", "باشگاه", "دانشگاه",
    "پژوهشگاه", "پژوهشکده", "اندیشکده", "شورای", "مجمع", "گروه", "دولت", "تیم"))


def _org_name_ok(f, s, e):
    """Two to six words opened by an organisation noun, no clause word («که», «را») or verb inside."""
    words = f[s:e].replace("\u200c", " ").split()
    return 2 <= len(words) <= 6 and R.key(words[0]) in _ORG_OPENERS and not any(w in ("که", "را", "این", "آن", "است", "بود") or _VERBISH.fullmatch(w)
                                            for w in words)


_LOCAL_HEAD = re.compile(r"(?<![^\W_])(?:مدیر[ \u200c]*کل|مدیر[ \u200c]*عامل|مدیر|رئیس|رییس|معاون|سخنگوی|دبیر|مدیرعامل|سرپرست|"
                         r"فرمانده|دادستان|رئیس[ \u200c]*کل|عضو|قائم[ \u200c]*مقام|دبیر[ \u200c]*کل|مسئول)[ \u200c]+$")
_LOCAL_HEAD = re.compile(fold(_LOCAL_HEAD.pattern))  # it runs on the folded text


def _headed_bodies(doc, mentions, found):
    """«مدیرکل کمیته امداد امام خمینی استان بوشهر»: a title the gazetteer cannot complete,
    followed by an organisation kg.names found (with the person it is named after and its
    place), is the person holding that office."""
    text, f = doc.text, doc.folded
    spans = sorted(found)
    for n, (s, e, kind) in enumerate(spans):
        if kind not in ("organization", "government_body"):
            continue
        h = _LOCAL_HEAD.search(f, max(0, s - 16), s)
        if not h or h.end() != s:
            continue
        hs, end = h.start(), e
        for s2, e2, k2 in spans[n + 1:]:  # … امام خمینی | استان بوشهر
            if k2 in ("person", "place") and f[end:s2].strip(" \u200c") == "":
                end = e2
            else:
                break
        over = [m for m in mentions if m.start < end and hs < m.end]
        if any(not (m.source in _SWALLOWABLE and m.entity.kind in ("state", "place")
                    or m.entity.kind == "person" and e <= m.start) for m in over):
            continue  # a person after the body is part of its name («ستاد انتخاباتی احمدی‌نژاد»)
        for m in over:
            mentions.remove(m)
        name = " ".join(text[hs:end].split())
        m = Mention(hs, end, text[hs:end], Entity(name, "person", None), "office")
        m.head = " ".join(text[hs:h.end()].split())
        mentions.append(m)


def _names_in_regions(doc, find_names):
    """find_names over the stretches where an actor matters: the headline, and in every
    sentence with a trigger word the text up to its last trigger (the subject side; the
    recogniser costs too much to run on the whole article). Offsets are the article's."""
    from kg.extract import triggers as T

    regions = {0: doc.sentences[0][1]} if doc.sentences else {}
    for i, j, s, e, payloads in T.trigger_matches(doc):
        si = doc.sentence_of(s)
        if payloads[0].form == "source":
            # «به گفته باشگاه اسرای فلسطین، …»: the speaker follows the source phrase
            k = doc.folded.find("،", e, min(doc.sentences[si][1], e + 80))
            e = k if k >= 0 else min(doc.sentences[si][1], e + 60)
        if si in regions:
            # later triggers of the sentence, up to where the first one's quoted or
            # reported words begin (their subjects are what the patterns look for)
            if not _REPORTED_OPEN.search(doc.folded, regions[si], s):
                regions[si] = e
        else:
            regions[si] = e  # the subject side of the sentence's first trigger
            ss = doc.sentences[si][0]
            if si > 0 and _PRONOUN_SUBJ.search(doc.folded, ss, e):
                # «… . وی گفت»: the antecedent may be named in the sentence before
                regions[si - 1] = doc.sentences[si - 1][1]
    out = []
    merged = []
    for si in sorted(regions):
        a, b = doc.sentences[si][0], regions[si]
        if merged and a - merged[-1][1] <= 2:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    # one call over the article with everything outside the regions blanked out (same
    # length, so offsets need no mapping; a full stop keeps regions apart)
    text = doc.text
    parts, pos = [], 0
    for a, b in merged:
        if a > pos:
            parts.append("." + " " * (a - pos - 1))
        parts.append(text[a:b])
        pos = b
    if not parts:
        return out
    return find_names("".join(parts))


_PLURAL_BEFORE = re.compile(r"[\u0600-\u06FF](?:[ \u200c]?ها(?:ی)?|های)$")
_REPORTED_OPEN = re.compile(r"[:«]")
_PRONOUN_SUBJ = re.compile(r"(?<![^\W_])(?:وی|او|ایشان)(?![^\W_])")
_NAME_LINK = re.compile(r"[ \u200c]+(?:بن|ابن|بنت|آل|ال)[ \u200c]+[\u0600-\u06FF]{2,}(?:[\u200c][\u0600-\u06FF]+)*")
_NAME_LINK_END = re.compile(r"(?<![^\W_])(?:بن|ابن|بنت|آل)$")
_NOT_NAME_TAGS = {"PL", "V", "ADV", "CONJ", "P", "PRO", "DET", "CL"}


_TITLE_BEFORE = re.compile(fold(r"(?<![^\W_])(?:آیت[ \u200c]*الله(?:[ \u200c]+العظمی)?|حجت[ \u200c]*الاسلام"
                                r"(?:[ \u200c]+و[ \u200c]*المسلمین)?|دکتر|مهندس|سردار|سرلشکر|سرتیپ|شیخ)[ \u200c«\"]*$"))


def _name_words_ok(s):
    from kg.names import compact, first_names

    ws = R.word_stats()
    for w in s.split():
        k = w.replace("\u200c", "")
        tags = ws.get(k, (0, ""))[1].split(",")
        if any(t in _NOT_NAME_TAGS for t in tags) and compact(w) not in first_names():
            return False  # («ماشاءالله» is an adverb too, but first of all a given name)
        if k.endswith("ات") and len(k) > 4 and ws.get(k, (0, ""))[0] == 0:
            return False  # an Arabic plural («خسارات») the word list lacks
    return True


def _widen_name(doc, mentions, nm, office, pieces, pkeys):
    """kg.names found part of a name next to an office («حبیبی» of «محمدنبی حبیبی،
    دبیرکل …»): take the whole name the apposition rules read there."""
    starts, ends = _piece_index(doc)
    text, folded = doc.text, doc.folded
    span = None
    if nm.end <= office.start and office.start in starts:
        span = _name_before(text, folded, pieces, pkeys, starts[office.start])
    elif office.end in ends:
        span = _name_after(text, folded, pieces, pkeys, ends[office.end])
    if not span or not (span[0] <= nm.start and nm.end <= span[1]) or span == (nm.start, nm.end):
        return
    if any(x is not nm and x.start < span[1] and span[0] < x.end for x in mentions):
        return
    name = _clean_name(text[span[0]:span[1]])
    if name and len(name.split()) <= 4:
        nm.start, nm.end, nm.text = span[0], span[1], text[span[0]:span[1]]
        nm.entity.name = name


def _unify_surnames(mentions):
    """A person named by a shorter form is the person whose full name holds it, when the
    article names exactly one such person. The shorter form is the surname
    («پیرموذن», «پير موذن» for «نور الدين پيرموذن»; «شمري» for «ابراهيم الشمري» without
    the Arabic article), the last two words, or the first word of a compound surname
    or of a foreign name («حسینی» for «حسینی شاهرودی», «وينگو» for «وينگو بگوويچ»).
    Every mention of the shorter person (offices linked to it included) follows."""
    full, named = {}, set()
    for m in mentions:
        e = m.entity
        if e.kind == "person" and len(e.name.split()) >= 2 and (
                m.source in ("name", "person", "honorific")
                or m.source == "office" and m.head and not e.name.startswith(m.head)):
            full.setdefault(e.name, e)
            if m.source in ("name", "person"):
                named.add(e.name)  # «آقای سامانی اواسط» may have swallowed a word
    if not full:
        return
    ends = {}
    for nm, e in full.items():
        parts = nm.replace("\u200c", " ").split()
        keys = {R.phrase_key(" ".join(parts[-k:])) for k in range(1, len(parts))}
        if parts[-1].startswith("ال") and len(parts[-1]) > 4:
            keys.add(R.phrase_key(parts[-1][2:]))
        if nm in named and len(parts[0]) >= 4:
            keys.add(R.phrase_key(parts[0]))
        for k in keys:
            ends.setdefault(k, set()).add(e.name)
    moved = {}
    for m in mentions:
        e = m.entity
        if e.kind != "person" or m.source not in ("name", "honorific") or id(e) in moved:
            continue
        cands = ends.get(R.phrase_key(e.name), set()) - {e.name}
        if len(cands) == 1 and len(e.name) < len(next(iter(cands))):
            moved[id(e)] = full[next(iter(cands))]
    if moved:
        for m in mentions:
            m.entity = moved.get(id(m.entity), m.entity)


class _Offsets:
    """Sorted piece offsets as a read-only {offset: piece index} mapping."""

    __slots__ = ("xs",)

    def __init__(self, xs):
        self.xs = xs

    def get(self, pos, default=None):
        from bisect import bisect_left

        k = bisect_left(self.xs, pos)
        return k if k < len(self.xs) and self.xs[k] == pos else default

    def __contains__(self, pos):
        return self.get(pos) is not None

    def __getitem__(self, pos):
        k = self.get(pos)
        if k is None:
            raise KeyError(pos)
        return k


def _piece_index(doc):
    """{start offset: piece index} and {end offset: piece index}, built once per document."""
    if doc.piece_index is None:
        from operator import itemgetter

        # sorted offsets searched by bisection: no dict of every piece to build
        doc.piece_index = (_Offsets(list(map(itemgetter(0), doc.pieces))),
                           _Offsets(list(map(itemgetter(1), doc.pieces))))
    return doc.piece_index


def _backward_offices(doc, mentions, pieces, pkeys):
    """«معاون توسعه وزیر بهداشت ایران»: an office head word a few words before a state."""
    f, text = doc.folded, doc.text
    starts = _piece_index(doc)[0]
    covered = [(m.start, m.end) for m in mentions if m.source in ("office", "group", "name")]
    out = []
    for m in mentions:
        body = m.entity.kind in ("government_body", "organization") and m.source == "gazetteer"
        if (m.entity.kind != "state" or m.source not in ("gazetteer", "cap")) and not body:
            continue
        if any(a <= m.start < b for a, b in covered):
            continue
        pi = starts.get(m.start)
        if pi is None:
            continue
        if body:
            # «عضو کمیسیون امنیت ملی و سیاست خارجی مجلس»: a person of a committee of that body
            lo = max(0, m.start - 80)
            cm = _COMMITTEE_OF.search(f[lo:m.start])
            if cm and not any(x is not m and lo + cm.start() < x.end and x.start < m.start for x in mentions):
                s0 = lo + cm.start()
                out.append((m, _titled(text, s0, m, " ".join(text[s0:m.start].split()))))
                continue
            # «عضو مجلس خبرگان», «سخنگوی شورای نگهبان»: a person of that body
            k = pi - 1
            if k >= 0 and f[pieces[k][1]:pieces[k + 1][0]].strip(" \u200c") == "" and \
                    (pkeys[k] in PERSON_HEADS or pkeys[k] in MEMBER_HEADS) and \
                    not any(x.start < m.start and pieces[k][0] < x.end for x in mentions if x is not m):
                s0 = pieces[k][0]
                out.append((m, _titled(text, s0, m, text[s0:m.start].strip())))
                continue
            # «رئیس گروه بازرسان تسلیحاتی سازمان ملل»: an official's title a few words before
            # the body («رئیس …»), with no function word or other actor in between
            head = _head_back(f, pieces, pkeys, pi, PERSON_HEADS)
            if head is not None:
                s0 = pieces[head][0]
                if not any(s0 <= x.start < m.start and x is not m for x in mentions):
                    out.append((m, _titled(text, s0, m, " ".join(text[s0:m.start].split()))))
            continue
        head = _head_back(f, pieces, pkeys, pi, PERSON_HEADS | BODY_HEADS)
        if head is None:
            continue
        # do not swallow a mention that starts inside the phrase
        s0 = pieces[head][0]
        if any(s0 <= x.start < m.start and x is not m for x in mentions):
            continue
        kind = "person" if pkeys[head] in PERSON_HEADS else "government_body"
        out.append((m, _titled(text, s0, m, text[s0:m.start].strip(), kind)))
    for old, new in out:
        mentions.remove(old)
        mentions.append(new)


def _titled(text, s0, m, phrase, kind="person"):
    """The office mention «PHRASE BODY» (from ``s0`` to the end of mention m): a person (or
    body) of m's entity, named by the title phrase before it."""
    nm = Mention(s0, m.end, text[s0:m.end], Entity(_join_title(phrase, m.entity.name), kind, m.entity.country),
                 "office")
    nm.head = phrase
    return nm


def _head_back(f, pieces, pkeys, pi, heads):
    """The furthest head word within five words before piece ``pi``, in one unbroken run
    of content words (no punctuation, no function word)."""
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
        if w in heads:
            head = k
            # keep going: «معاون وزیر …» starts further back
    return head


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
                if words >= 1 and (pkeys[j] in NAME_STOP or pkeys[j] in ("می", "نمی")):
                    break  # «آقای هاست می‌گوید»: the verb is no part of the name
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


_MEDIA_QUOTED_STARTS = tuple(fold(w) for w in ("خبرگزاری", "روزنامه", "شبکه", "پایگاه", "سایت", "نشریه", "هفته",
                                               "ماهنامه", "مجله", "رادیو", "تلویزیون", "وب"))
_MEDIA_QUOTED = re.compile(
    r"(?<![^\W_])(?:خبرگزاری|روزنامه|شبکه(?:[ \u200c]+(?:خبری|تلویزیونی|ماهواره[ \u200c]*ای))?|پایگاه(?:[ \u200c]+(?:خبری|اینترنتی|خبری[ \u200c]+تحلیلی))?"
    r"|سایت(?:[ \u200c]+(?:خبری|اینترنتی))?|نشریه|هفته[ \u200c]*نامه|ماهنامه|مجله|رادیو|تلویزیون|وب[ \u200c]*سایت|خبرگزاری[ \u200c]+رسمی)"
    r"(?:[ \u200c]+[^\s«»\"،,.:]{2,14}ی)?[ \u200c]*(?:«([^«»]{2,40})»|\"([^\"]{2,40})\")")


def _media_mentions(doc, mentions):
    """«روزنامه آمریکایی «X»»: a media outlet the gazetteer may not know. A known name
    qualified by another country («روزنامه کویتی "الوطن"», «"الوطن" چاپ کویت») is another
    paper of the same name."""
    f = doc.folded
    _media_of_country(doc, mentions)
    _described_media(doc, mentions)
    _state_media(doc, mentions)
    if "«" not in f and "\"" not in f:
        return
    for m in R.literal_scan(_MEDIA_QUOTED, f, _MEDIA_QUOTED_STARTS):
        s, e = m.start(), m.end()
        over = [x for x in mentions if x.start < e and s < x.end]
        if any(x.entity.kind == "media" for x in over):
            continue
        g = 1 if m.group(1) is not None else 2
        name = doc.text[m.start(g):m.end(g)].strip()
        for x in over:
            mentions.remove(x)
        mentions.append(Mention(s, e, doc.text[s:e], Entity(name, "media"), "gazetteer"))


_PRINTED_IN = re.compile(r"[«»\" \u200c]*چاپ[ \u200c]+$")

# «یک روزنامه انگلیسی», «یک شبکه تلویزیونی لبنانی», «یک روزنامه چاپ مادرید»: an outlet the
# article describes by its kind and country instead of naming it
_DESCRIBED_MEDIA = re.compile(fold(
    r"(?<![^\W_])یک[ \u200c]+(?:روزنامه|رسانه|نشریه|مجله|هفته[ \u200c]*نامه|خبرگزاری|شبکه|سایت|پایگاه"
    r"|(?P<org>اندیشکده|موسسه|مؤسسه|مرکز[ \u200c]+تحقیقاتی|مرکز[ \u200c]+مطالعاتی|گروه[ \u200c]+تحقیقاتی|شرکت|بنیاد|سازمان))"
    r"(?:[ \u200c]+(?:تلویزیونی|خبری|اینترنتی|ماهواره[ \u200c]*ای|اطلاع[ \u200c]*رسانی|پژوهشی|تحقیقاتی|غیردولتی|"
    r"غیر[ \u200c]+دولتی|امنیتی|نفتی|بزرگ)){0,2}[ \u200c]+(?:چاپ[ \u200c]+)?$"))


def _described_media(doc, mentions):
    f, text = doc.folded, doc.text
    if "یک" not in f:
        return
    for m in list(mentions):
        if m.source not in ("dem", "cap", "gazetteer") or m.entity.kind not in ("state", "place") \
                or not m.entity.country:
            continue
        if "یک" not in f[max(0, m.start - 60):m.start]:
            continue  # the cheap test first
        h = _DESCRIBED_MEDIA.search(f, max(0, m.start - 60), m.start)
        if h is None or (m.source != "dem" and "چاپ" not in h.group(0)):
            continue
        e = m.end
        z = re.match(r"[ \u200c]*زبان(?![^\W_])", f[e:e + 8])
        if z:
            e += z.end()  # «یک رسانه انگلیسی‌زبان»
        if any(x is not m and x.start < e and h.start() < x.end for x in mentions):
            continue
        mentions.remove(m)
        name = " ".join(text[h.start():e].split())
        cc = None if z else m.entity.country  # a language is no country
        kind = "organization" if h.group("org") else "media"  # «یک اندیشکده آمریکایی»
        mentions.append(Mention(h.start(), e, text[h.start():e], Entity(name, kind, cc), "gazetteer"))


_STATE_MEDIA_HEAD = re.compile(fold(
    r"(?<![^\W_])(?:خبرگزاری|تلویزیون|رادیو)(?:[ \u200c]+(?:رسمی|دولتی|ملی|سراسری|جمهوری[ \u200c]+اسلامی))*[ \u200c]+$"))


def _state_media(doc, mentions):
    """«خبرگزاری قطر», «تلویزیون دولتی سوریه»: the agency or broadcaster of a state is an
    outlet of that country, not the state."""
    f, text = doc.folded, doc.text
    for m in list(mentions):
        if m.entity.kind != "state" or m.source not in ("gazetteer", "cap") or not m.entity.country:
            continue
        lo = max(0, m.start - 40)
        if not any(w in f[lo:m.start] for w in ("خبرگزاری", "تلویزیون", "رادیو")):
            continue  # the cheap test first
        h = _STATE_MEDIA_HEAD.search(f, lo, m.start)
        if h is None or any(x is not m and x.start < m.end and h.start() < x.end for x in mentions):
            continue
        e = m.end
        acr = re.match(r" ?\([^()\s]{2,10}\)", f[e:e + 13])
        if acr:
            e += acr.end()  # «خبرگزاری قطر (قنا)»: the agency's own acronym
        mentions.remove(m)
        name = " ".join(text[h.start():e].split())
        mentions.append(Mention(h.start(), e, text[h.start():e], Entity(name, "media", m.entity.country), "gazetteer"))


def _media_of_country(doc, mentions):
    f = doc.folded
    by_start = sorted(mentions, key=lambda x: x.start)
    for n, m in enumerate(by_start):
        if m.entity.kind != "media" or not m.entity.country:
            continue
        cc = None
        if n > 0 and by_start[n - 1].source == "dem" and f[by_start[n - 1].end:m.start].strip(" \u200c«\"") == "":
            cc = by_start[n - 1].entity.country
        elif n + 1 < len(by_start) and by_start[n + 1].entity.kind == "state" and \
                _PRINTED_IN.match(f[m.end:by_start[n + 1].start]):
            cc = by_start[n + 1].entity.country
        if cc and cc != m.entity.country:
            name = doc.text[m.start:m.end].strip("«»\" ")
            m.entity = Entity(name, "media", cc)


AMBIG_CONTEXT = {"کشور", "کشورهای", "دولت", "جمهوری", "مردم", "پایتخت", "مقامات", "سفارت", "سفیر",
                 "رئیس", "رییس", "وزیر", "پادشاهی", "سلطنت", "سلطان", "امیر", "شهر"}


def _in_state_list(items, k, folded):
    """An ambiguous name inside a list of states («لهستان، چک، اوکراین»)."""
    for o in (k - 1, k + 1):
        if 0 <= o < len(items) and items[o]["x"].kind == "state" and items[o]["x"].role == "name":
            a, b = (items[o]["e"], items[k]["s"]) if o < k else (items[k]["e"], items[o]["s"])
            if folded[a:b].strip(" \u200c") in ("،", ",", "و"):
                return True
    return False


def _ambiguous_ok(pkeys, i):
    return i > 0 and pkeys[i - 1] in AMBIG_CONTEXT


def extra_ref(x):
    return x.extra[0] if x.extra else None


@lru_cache(maxsize=512)
def _eu_entity_entry():
    for e, f in R.gazetteer_entries():
        if e.kind == "organization" and e.name_en == "European Union":
            return e
    return None


def _eu_entity():
    e = _eu_entity_entry()
    return _entity_from(e) if e is not None else None


_EUROPE = re.compile(r"اروپا|اروپای")


def _eu_context(doc):
    """Does the article speak of Europe or the EU? Then «بروکسل» names the EU; else it is
    Belgium's capital (the state)."""
    return bool(_EUROPE.search(doc.folded))


@lru_cache(maxsize=512)
def _state_name(cc):
    for e, f in R.gazetteer_entries():
        if e.kind == "state" and e.country == cc:
            return e.name
    return None


def _gap(folded, pieces, a, b):
    return folded[pieces[a][1]:pieces[b][0]]


def _state_follows(items, k, folded):
    """A state right after a gazetteer group («منابع دیپلماتیک اسرائیل»)."""
    if k + 1 >= len(items):
        return False
    nxt = items[k + 1]
    return nxt["x"].kind == "state" and folded[items[k]["e"]:nxt["s"]].strip(" \u200c") == ""


def _antecedent(mentions, ref):
    for m in reversed(mentions):
        e = m.entity
        if ref == "ministry" and e.kind == "government_body" and e.name.startswith("وزارت"):
            return e
        if ref in ("government_body", "organization", "state") and e.kind == ref:
            return e
    return None


def _complement(items, k, pieces, pkeys, folded, last_state, mentions=()):
    """The state/organisation that completes the office at items[k]."""
    it = items[k]
    j = it["j"]
    end = it["e"]
    nxt = items[k + 1] if k + 1 < len(items) else None
    # optional «امور»
    skip = 0
    while j + skip < len(pkeys) and pkeys[j + skip] in OFFICE_MODIFIERS and skip < 2:
        skip += 1
    if skip and nxt is not None and nxt["i"] < j + skip and k + 2 < len(items):
        k += 1  # a modifier that is an item of its own («نماینده مردم تبریز»)
        nxt = items[k + 1]
    if nxt is not None and nxt["i"] == j + skip and _gap(folded, pieces, nxt["i"] - 1, nxt["i"]).strip(" \u200c") == "":
        y = nxt["x"]
        if y.kind == "state" and it["x"].kind == "group" and nxt["j"] - nxt["i"] == 1 and pkeys[nxt["i"]] in R.ambiguous():
            return None, k + 1, end, None, None  # «زندانیان مالی»: financial prisoners, not Mali's
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
        if y.kind == "place" and y.country and it["x"].role == "office" and it["x"].name in LOCAL_OFFICES:
            return y, k + 2, nxt["e"], y.country, None
        if y.kind in ("organization", "government_body") and it["x"].role == "office" and y.role == "name":
            return y, k + 2, nxt["e"], None, y
        if y.kind == "pronoun" and y.extra and y.extra[0] == "state":
            return y, k + 2, nxt["e"], last_state.country if last_state else None, None
        if y.kind == "pronoun" and y.extra and y.extra[0] in ("ministry", "government_body", "organization"):
            ant = _antecedent(mentions, y.extra[0])
            if ant is not None:
                return y, k + 2, nxt["e"], ant.country, ant
    # «کشورمان» glued as a suffix piece is in the gazetteer as an alias of Iran
    return None, k + 1, end, None, None


# «محمد سعیدی، نماینده ولی فقیه و امام جمعه قم»: another title joined by «و» before the office
_TITLES_BETWEEN = re.compile(r"[ \u200c»\"]*[،,][^،,.:«»]{2,40}[ \u200c]و[ \u200c]+")
_NAME_PIECE = re.compile(r"^[\u0600-\u06FF\u200c]+$")


def _comma_closes_phrase(folded, x, m):
    """«در دیدار ظریف با لاوروف، سخنگوی کرملین گفت»: the comma after a name governed by a
    preposition closes the phrase, and the office after it is no apposition unless a
    second comma closes it too («با لاوروف، وزیر خارجه روسیه، دیدار کرد»)."""
    if "،" not in folded[x.end:m.start] and "," not in folded[x.end:m.start]:
        return False
    if folded[m.end:m.end + 3].strip(" \u200c")[:1] in ("،", ","):
        return False
    before = folded[max(0, x.start - 12):x.start].replace("\u200c", " ").split()
    return bool(before) and before[-1].strip("«\"") in ("با", "از", "به", "در", "برای", "و")


def _find_names(doc, mentions, pieces, pkeys):
    """Person names next to offices; then every later/earlier mention of those names."""
    text, folded = doc.text, doc.folded
    starts, ends = _piece_index(doc)
    taken = [(m.start, m.end) for m in mentions]
    found = []  # (start, end, name)
    for m in list(mentions):
        if m.source != "office" or m.entity.kind != "person":
            continue
        # a known person right before or after the office is its holder (apposition)
        adj = [x for x in mentions if x is not m and x.entity.kind == "person" and x.source in ("person", "name")
               and (x.entity.country is None or m.entity.country is None or x.entity.country == m.entity.country)
               and (0 <= m.start - x.end <= 3 and folded[x.end:m.start].strip(" \u200c،,»\"") == ""
                    and not _comma_closes_phrase(folded, x, m)
                    or _TITLES_BETWEEN.fullmatch(folded, x.end, m.start) is not None
                    or 0 <= x.start - m.end <= 3 and folded[m.end:x.start].strip(" \u200c") in ("،", ",", "«", "،«", "\""))]
        if adj:
            if adj[0].head == "names":
                _widen_name(doc, mentions, adj[0], m, pieces, pkeys)
            if adj[0].entity.country is None and m.entity.country:
                adj[0].entity.country = m.entity.country
            m.entity = adj[0].entity
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


# «NAME عضو کمیسیون …», «NAME نماینده …»: a title right after a name at the sentence start
TITLE_AFTER_NAME = {"عضو", "نماینده", "استاد", "کارشناس", "تحلیلگر", "سخنگوی", "مشاور", "معاون", "رئیس",
                    "رییس", "دبیر", "دبیرکل", "فرمانده", "سفیر", "وزیر", "مدیر", "مدیرکل", "رهبر", "سرپرست",
                    "نایب", "دستیار", "امام", "عضوی", "یکی"}
_QUOTED_AT = re.compile(r"[«\"]([\u0600-\u06FF\u200c ]{3,30})[»\"]")
ADVERBIAL_AFTER_NAME = {"روز", "صبح", "امروز", "دیروز", "عصر", "شب", "در", "با", "ضمن", "همچنین", "نیز",
                        "پس", "طی", "بعد", "هم"}
CONNECTIVE_WORDS = ADVERBIAL_AFTER_NAME | {"و", "اما", "ولی", "که", "این", "آن", "یک"}


def _busy_sentences(doc, pieces, pkeys, tstarts):
    """Sentences with a piece that can start a trigger-lexicon key (one linear pass over
    the sorted pieces and sentences; computed once per document)."""
    got = doc.__dict__.get("_busy")
    if got is not None:
        return got
    from itertools import compress

    busy = set()
    sents = doc.sentences
    si, n = 0, len(sents)
    for x in compress(range(len(pkeys)), map(tstarts.__contains__, pkeys)):
        pos = pieces[x][0]
        while si < n - 1 and pos >= sents[si][1]:
            si += 1
        busy.add(si if n else 0)
    doc.__dict__["_busy"] = busy
    return busy


def _bare_names(doc, mentions, pieces, pkeys, sizes=(1, 2, 3)):
    """A sentence that opens with an unknown two- or three-word name right before a
    reporting verb («هاکان فیدان گفت:») names a person; when the previous sentences spoke
    of an office without naming its holder, this is the holder."""
    from bisect import bisect_left

    from kg.extract import triggers as T

    f, text = doc.folded, doc.text
    table = T.matcher().table
    starts = [p[0] for p in pieces]
    taken = [(m.start, m.end) for m in mentions]
    # a sentence with no piece that can start a trigger-lexicon key, and no quote, cannot
    # give a name here (a speed-up only: the checks below would find nothing in it)
    busy = _busy_sentences(doc, pieces, pkeys, T.matcher().start_keys())
    for si, (ss, se) in enumerate(doc.sentences):
        if si not in busy and "«" not in f[ss:se] and "\"" not in f[ss:se]:
            continue
        i = bisect_left(starts, ss)
        for a in doc.attributions:  # «به گزارش X، NAME …»
            if ss <= a.start <= ss + 2 and a.end < se:
                k = f.find("،", a.end, min(se, a.end + 3))
                if k >= 0:
                    i = bisect_left(starts, k + 1)
        if i >= len(pieces) or pieces[i][0] >= se or f[ss:pieces[i][0]].strip(" \u200c«\"") not in ("",) and \
                f[max(ss, pieces[i][0] - 2):pieces[i][0]].strip(" «\"") not in ("،", ","):
            continue
        q = _QUOTED_AT.match(f, pieces[i][0] - 1) if pieces[i][0] > 0 else None
        if q and f[pieces[i][0] - 1] in "«\"":
            words = q.group(1).split()
            s0, e0 = q.start(), q.end()
            if 2 <= len(words) <= 3 and not any(w in NAME_STOP for w in words) and R.looks_like_name(words) \
                    and not any(a < e0 and s0 < b for a, b in taken):
                mentions.append(Mention(s0, e0, text[s0:e0], Entity(text[s0 + 1:e0 - 1], "person", None), "name"))
                taken.append((s0, e0))
            continue
        named_to = i  # pieces[i:named_to] are known to look like name pieces
        for n in sizes:
            j = i + n
            if j >= len(pieces) or pieces[j][0] >= se:
                break
            while named_to < j and _is_name_piece(f, pieces, pkeys, named_to):
                named_to += 1
            if named_to < j:
                break
            if any(f[pieces[x][1]:pieces[x + 1][0]] not in (" ", "\u200c") for x in range(i, j - 1)):
                break
            if f[pieces[j - 1][1]:pieces[j][0]].strip(" ") != "":
                continue
            acc, ok = "", False
            for x in range(j, min(j + 3, len(pieces))):
                acc += pkeys[x]
                payload = table.get(acc)
                if payload and payload[0].form in ("verb", "light") and not payload[0].future:
                    ok = True
                    break
            if not ok and (pkeys[j] in ADVERBIAL_AFTER_NAME or pkeys[j] in TITLE_AFTER_NAME):
                # «NAME صبح امروز در … گفت»: a reporting verb later in the sentence
                for x in range(j + 1, len(pieces)):
                    if pieces[x][0] >= se:
                        break
                    p1 = table.get(pkeys[x])
                    p2 = table.get(pkeys[x] + pkeys[x + 1]) if x + 1 < len(pieces) else None
                    if any(p and p[0].form in ("verb", "light") and not p[0].future for p in (p1, p2)):
                        ok = True
                        break
            if not ok or any(w in CONNECTIVE_WORDS for w in f[pieces[i][0]:pieces[j - 1][1]].split()):
                continue
            words = f[pieces[i][0]:pieces[j - 1][1]].split()
            if len(words) > 3 or (n >= 2 and len(words) < 2) or not R.looks_like_name(words):
                continue
            if n >= 2 and words[0] in _HEAD_WORDS:
                break  # «مدیر مجموعه سعدآباد تأکید کرد»: an office of an unknown body, not a name
            if n == 1 and (not ok or pkeys[j] in ADVERBIAL_AFTER_NAME or len(pkeys[i]) < 3
                           or R.word_stats().get(pkeys[i], (0, ""))[0] > 20000):
                continue  # one word alone: only an unfamiliar word right before the verb
            known = {R.key(x.entity.name.split()[-1]) for x in mentions
                     if x.entity.kind == "person" and x.entity.name.split()}
            if pkeys[i] in known:
                break  # «مامبتالین همکاری …»: a known surname, then an ordinary word
            s0, e0 = pieces[i][0], pieces[j - 1][1]
            if any(a < e0 and s0 < b for a, b in taken):
                break
            ent = Entity(text[s0:e0], "person", None)
            bm = Mention(s0, e0, text[s0:e0], ent, "name")
            bm.head = "bare"
            mentions.append(bm)
            taken.append((s0, e0))
            break


def _bare_holders(doc, mentions):
    """A bare name opening a sentence names the holder of an office that the previous
    sentences spoke of without a name («وزیر خارجه ترکیه … . هاکان فیدان گفت»)."""
    def opens(m):  # a kg.names person that opens its sentence counts like a bare name
        ss = doc.sentences[doc.sentence_of(m.start)][0]
        return doc.folded[ss:m.start].strip(" \u200c«\"") == ""

    def opens_clause(m):  # «به گزارش X از Y، NAME …»: a leading attribution does not count
        ss = doc.sentences[doc.sentence_of(m.start)][0]
        before = doc.folded[ss:m.start].strip(" \u200c«\"")
        return before == "" or before.endswith("،") and _LEAD_ATTRIB.match(before) is not None

    for b in [m for m in mentions if len(m.entity.name.split()) >= 2
              and (m.head == "bare" or m.head == "names" and opens_clause(m)
                   or m.source == "person" and m.entity.country and opens_clause(m))]:
        si = doc.sentence_of(b.start)
        own = [x for x in mentions if x.source == "office" and x.head and 0 <= x.start - b.end <= 2
               and doc.folded[b.end:x.start].strip() in ("،", ",")]
        for m in sorted(mentions, key=lambda x: -x.start):
            if m.end <= b.start and m.source == "office" and m.entity.kind == "person" and m.head \
                    and m.entity.name.startswith(m.head) and doc.sentence_of(m.start) >= si - 2 \
                    and _is_subject(doc, m):
                if any(x.head != m.head for x in own) or any(
                        x.source == "office" and x.head == m.head and x.entity.country == m.entity.country
                        and not x.entity.name.startswith(x.head) for x in mentions):
                    break  # «علی چگنی، سفیر ایران …» holds the office of its apposition; an
                    # office the article already named has its holder
                if b.source == "person" and (m.entity.country != b.entity.country or any(
                        x.start < b.start and x.entity.name == b.entity.name and doc.sentence_of(x.start) > 0
                        for x in mentions)):
                    break  # a well-known person holds an office of their own country only, and
                    # is introduced by name after it (the first mention after the headline)
                m.entity.name = b.entity.name
                b.entity = m.entity
                break


_LEAD_ATTRIB = re.compile(r"(?:به[ \u200c]+گزارش|به[ \u200c]+نقل[ \u200c]+از|بنا[ \u200c]*بر[ \u200c]+گزارش)[^،]*،$")


PERSON_RELATIONS = {"مشاور", "معاون", "سخنگوی", "دستیار", "نماینده", "فرستاده", "همسر", "وکیل", "پسر",
                    "دختر", "برادر", "مشاوران", "نمایندگان", "حامیان", "هواداران", "طرفداران"}


def _deputies_of_people(doc, mentions):
    """«مشاور اوباما», «سخنگوی پوتین»: another person, named after the one they serve."""
    f, text = doc.folded, doc.text
    for m in list(mentions):
        if m.entity.kind != "person" or m.source not in ("person", "name"):
            continue
        before = f[max(0, m.start - 14):m.start]
        mm = re.search(r"([^\s«»\"]+)[ \u200c]*[«\"]?[ \u200c]*$", before)
        if not mm or R.key(mm.group(1)) not in PERSON_RELATIONS:
            continue
        s0 = max(0, m.start - 14) + mm.start(1)
        if any(x is not m and x.start < m.start and s0 < x.end for x in mentions):
            continue
        rel = text[s0:max(0, m.start - 14) + mm.end(1)]
        plural = R.key(rel) in ("مشاوران", "نمایندگان", "حامیان", "هواداران", "طرفداران")
        ent = Entity(f"{rel} {m.entity.name}", "group" if plural else "person", m.entity.country)
        mentions.remove(m)
        end = m.end + (1 if text[m.end:m.end + 1] in "»\"" and text[s0:m.start].count("«") + text[s0:m.start].count("\"") else 0)
        mentions.append(Mention(s0, end, text[s0:end], ent, "office"))


def _join_title(title, body):
    """«رئیس سازمان» and «سازمان بسیج مستضعفین» make «رئیس سازمان بسیج مستضعفین»."""
    tw, bw = title.split(), body.split()
    if tw and bw and R.key(tw[-1]) == R.key(bw[0]):
        return " ".join(tw + bw[1:])
    return f"{title} {body}"


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
    joined = (idx + 1 < len(pieces) and folded[pieces[idx][1]:pieces[idx + 1][0]] == "\u200c") or \
        (idx > 0 and folded[pieces[idx - 1][1]:pieces[idx][0]] == "\u200c")
    if joined and _TALK.search(folded, max(0, pieces[idx][0] - 8), pieces[idx][1] + 8):
        return False  # «گفت‌وگوی تلفنی رئیس‌جمهور»: a conversation, not a name before the office
    return bool(_NAME_PIECE.match(w)) and (joined or pkeys[idx] not in NAME_STOP) and len(w) >= 2


_TALK = re.compile(r"گفت[ \u200c]*و[ \u200c]*گو")


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
    if not quoted and not g and not R.looks_like_name(folded[pieces[names[-1]][0]:pieces[names[0]][1]].split()):
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


# «شهر عین عیسی», «روستای البوعیثه», «استان «الانبار»»: a place head and the name after it
_PLACE_HEADS = fold("شهر|شهرک|روستای|استان|شهرستان|بندر|جزیره|اردوگاه|ولایت|ایالت|زندان|میدان|دریاچه|تنگه|منطقه")
_PLACE_HEAD = re.compile(rf"(?:{_PLACE_HEADS}) +")
_MEYDAN = fold("میدان")
_NOT_PLACE_NAME = frozenset(R.key(w) for w in (
    "مورد", "تحت", "مذکور", "دیگر", "محل", "خود", "جنگ زده", "پناهندگان", "آوارگان", "مرزی", "ساحلی",
    "مرکزی", "شمالی", "جنوبی", "شرقی", "غربی", "اشغالی", "مسکونی", "صنعتی", "همجوار", "هم مرز", "کوچک",
    "بزرگ", "مقدس", "مهم", "زیبا", "قدیمی", "تاریخی", "جدید", "آزاد", "محاصره", "نزدیک", "کنار", "هدف",
    "شاهد", "ها", "های", "هایی", "بدلیل", "مقام", "فقیه", "مبنی", "موجب", "باید", "وجود", "محقق", "مربوطه", "یکی", "خبر",
    "ای", "انشاالله", "ان شاءالله", "انشاءالله", "بویژه", "به ویژه", "عملیاتی", "عملیات", "جنگی", "نظامی", "امن"))
_VERBISH = re.compile(fold(r"(?:ن?می[ \u200c]*|ن)?(?:کرد|کرده|کردند|کن|کند|کنند|شد|شده|شدند|شو|شود|شوند|داد|داده|دادند|"
                           r"ده|دهد|دهند|داشت|داشته|دارد|دارند|داریم|نمود|نموده|نماید|گردید|گردیده|پیدا|خواهد|"
                           r"خواهند|بود|بوده|بودم|بودیم|بودند|باشد|باشند|است|هست|هستم|هستیم|هستند|نیست|رسد|رسانند|گیرد|گرفت|"
                           r"آمد|آمده|آمدند|بخشیده)"))


@lru_cache(maxsize=1)
def _trigger_heads():
    from kg.extract import triggers as T

    return frozenset(R.key(h) for kind, h, _, _ in T.rows() if kind in ("light", "verb", "noun", "split"))


def _place_word_ok(w, first, province=False):
    """A word of a place name after a place head: not a modifier, number, verb or common
    word (hazm's counts). «استان» ends many office titles, so after it an adjective stops."""
    k = w.replace("\u200c", "")
    if R.key(w) in _NOT_PLACE_NAME or _MI.match(w) or R.key(w) in _trigger_heads() \
            or _PLACE_HEAD.fullmatch(w + " "):
        return False
    if not first and not _name_words_ok(w):
        return False
    freq, tags = R.word_stats().get(k, (0, ""))
    tags = tags.split(",")
    if any(t in ("V", "P", "CONJ", "PRO", "DET", "CL", "PL", "NUM") for t in tags) or province and "AJ" in tags:
        return False
    if freq == 0 and (k.endswith("ی") and len(k) > 3 or k.endswith(("تر", "ترین"))):
        return False  # a relational adjective or a comparative the word list lacks («ساحلی»)
    return freq < 1_000_000


_PLACE_WORD = re.compile(r"[^\W\d_][^\W_]*(?:\u200c[^\W\d_]+)*")
_SPACES = re.compile(r"[ \u200c]*")
_MI = re.compile(r"ن?می(?:[ \u200c]|$)")  # a present-tense verb


def _mention_index(mentions):
    """(sorted spans, their starts, start → mentions) of the mentions found so far."""
    spans = sorted((m.start, m.end) for m in mentions)
    at: dict[int, list] = {}
    for m in mentions:
        at.setdefault(m.start, []).append(m)
    return spans, [a for a, _ in spans], at


def _headed_places(doc, mentions, heads, index):
    """Places the gazetteer lacks, named after a place head: a quoted name, or up to two
    uncommon words, up to a function word, a verb, punctuation, or an actor already found
    (a state right after the name gives the place its country)."""
    folded, text = doc.folded, doc.text
    taken, starts, at = index
    from bisect import bisect_right

    def covered(pos):
        k = bisect_right(starts, pos) - 1
        return k >= 0 and taken[k][0] <= pos < taken[k][1]

    for hm in heads:
        if covered(hm.start()) or re.search(r"(?<![^\W_])(?:این|آن|همین|همان|هر|چند|دو|سه|هیچ|[0-9۰-۹]+)[ \u200c]+$",
                                            folded[max(0, hm.start() - 6):hm.start()]):
            continue  # «این شهر شاهد …»: a determiner makes the head a common noun
        if hm.group(0).startswith(_MEYDAN) and re.search(r"(?<![^\W_])به[ \u200c]+$", folded[max(0, hm.start() - 4):hm.start()]):
            continue  # «به میدان برود»: into the field, an idiom
        quoted = folded[hm.end() - 1] in "«\""
        pos, words, end = hm.end(), 0, None
        while words < (3 if quoted else 2):
            w = _PLACE_WORD.match(folded, pos)
            if not w or covered(w.start()) or _VERBISH.fullmatch(w.group(0)) or w.group(0).endswith("\u200cاند") or \
                    not quoted and not _place_word_ok(w.group(0), words == 0, hm.group(0).startswith("استان")):
                break
            end, words = w.end(), words + 1
            pos = _SPACES.match(folded, end).end()
            if folded[end:end + 1] in "»\"":
                end += 1
                break
        if end is None:
            continue
        nxt = _PLACE_WORD.match(folded, pos)
        if not quoted and nxt and _VERBISH.fullmatch(nxt.group(0)):
            continue  # «… استان خبر داد», «… شهرستان اجرا می‌شود»: a preverb, not a name
        name = text[hm.end():end].strip(" \u200c«»\"")
        if len(name) < 2:
            continue
        after = next((m for m in at.get(pos, ()) if m.entity.kind == "state"), None)
        country = after.entity.country if after is not None else None
        mentions.append(Mention(hm.start(), end, text[hm.start():end],
                                Entity(" ".join(name.split()), "place", country), "headed"))


# «برخی از حکام عرب», «بسیاری از رسانه‌های داخلی و جهانی», «شماری از فعالان»: a part of
# a collective the gazetteer does not know
_QUANTIFIERS = fold("|".join(R.QUANTIFIERS))
# one scan of the article finds both place heads and quantifiers (\b suits: ZWNJ is no
# word character)
_HEADS = re.compile(rf"\b(?:(?P<place>{_PLACE_HEADS}) +[«\"]?|(?P<quant>{_QUANTIFIERS})(?:[ \u200c]+از)?[ \u200c]+)")
_HEAD_STEMS = tuple(fold(w) for w in ("شهر", "روستا", "استان", "بندر", "جزیره", "اردوگاه", "ولایت", "ایالت", "زندان",
                                      "میدان", "دریاچه", "تنگه", "منطقه", "برخی",
                                      "بسیاری", "تعدادی", "شماری", "گروهی", "جمعی", "اکثر", "اغلب", "عده"))


def _unlisted_places_and_groups(doc, mentions):
    """Places after a place head and parts of collectives after a quantifier, which the
    gazetteer does not list; looked for only where a statement may be (sentences with a
    trigger word)."""
    from kg.extract import triggers as T

    heads = []
    for si in sorted({doc.sentence_of(t[2]) for t in T.trigger_matches(doc)}):
        heads.extend(_head_hits(doc.folded, *doc.sentences[si]))
    if heads:
        index = _mention_index(mentions)
        _headed_places(doc, mentions, [h for h in heads if h.group("place")], index)
        _quantified_groups(doc, mentions, [h for h in heads if h.group("quant")], index)


# «نماینده مردم قائنات در مجلس», «نماینده مردم خواف و رشتخوار در مجلس شورای اسلامی»: a member
# of the Iranian parliament by a constituency the gazetteer may not know
_CONSTITUENCY = re.compile(fold(r"نماینده[ \u200c]+مردم[ \u200c]+(?P<place>[^\s،,.:؛«»()]+(?:[ \u200c]+(?:و[ \u200c]+)?"
                                r"[^\s،,.:؛«»()]+){0,3}?)[ \u200c]+در[ \u200c]+(?:مجلس|خانه[ \u200c]+ملت)"
                                r"(?:[ \u200c]+شورای[ \u200c]+اسلامی)?(?![^\W_])"))
_MP_CUE = fold("نماینده مردم")


def _constituency_members(doc, mentions):
    folded, text = doc.folded, doc.text
    i = folded.find(_MP_CUE)
    while i >= 0:
        m = _CONSTITUENCY.match(folded, i)
        if m is not None and not any(x.start <= i < x.end or x.start == i for x in mentions
                                     if x.entity.kind == "person"):
            place = " ".join(text[m.start("place"):m.end("place")].split())
            ent = Entity(f"نماینده مردم {place} در مجلس", "person", "IR")
            mentions.append(Mention(i, m.end(), text[i:m.end()], ent, "office", ent.name))
        i = folded.find(_MP_CUE, i + 1)


# «مدیر پروژه میدان شهدای مشهد گفت», «مدیر روابط عمومی شهرداری مشهد تصریح کرد»: a local
# title opening its clause, a few words, and the city, right before the reporting verb
_LOCAL_TITLE = re.compile(fold(r"(?:^|[:،«]|\n)[ \u200c]*(?P<t>(?:مدیر[ \u200c]*کل|مدیر[ \u200c]*عامل|مدیرعامل|مدیر|رئیس|رییس|معاون|"
                               r"سرپرست|فرمانده|دادستان|مسئول|دبیر)(?:[ \u200c]+[^\s،,.:؛«»()]+){1,4}?)[ \u200c]*$"))


def _local_titles(doc, mentions):
    from kg.extract import triggers as T

    f, text = doc.folded, doc.text
    ends = {}
    for m in mentions:
        if m.entity.kind in ("place", "state", "government_body") and m.entity.country:
            ends.setdefault(m.end, m)
    for t in T.trigger_matches(doc):
        ts = t[2]
        k = ts
        while k > 0 and f[k - 1] in " \u200c":
            k -= 1
        p = ends.get(k)
        if p is None:
            continue
        ss = doc.sentences[doc.sentence_of(p.start)][0]
        lo = max(ss, p.start - 60)
        h = _LOCAL_TITLE.search("\n" + f[lo:p.start] if lo == ss else f[lo:p.start])
        if h is None:
            continue
        s0 = lo + h.start("t") - (1 if lo == ss else 0)
        words = f[s0:p.start].replace("\u200c", " ").split()
        if any(w in NAME_STOP for w in words[1:]) or any(_VERBISH.fullmatch(w) for w in words):
            continue
        if any(x is not p and x.start < p.end and s0 < x.end for x in mentions):
            continue
        mentions.remove(p)
        ent = Entity(" ".join(text[s0:p.end].split()), "person", p.entity.country)
        mentions.append(Mention(s0, p.end, text[s0:p.end], ent, "office", ent.name))


_CLAUSE_PUNCT = re.compile(r"[،,:؛«»\n]")


def _clause_openers(doc):
    """For each verb-like trigger not in the first person: (ts, te, trig, ss, se, lo, w1)
    with ``lo`` where its clause begins within 80 characters (None when it begins further
    back) and ``w1`` the key of the clause's first word; computed once per document for
    the rules that look for an actor opening the clause."""
    got = doc.clause_openers
    if got is not None:
        return got
    from kg.extract import triggers as T

    f, out = doc.folded, []
    for i, j, ts, te, payloads in T.trigger_matches(doc):
        t = payloads[0]
        if t.form not in ("verb", "light", "split", "stative", "adverbial") or t.first:
            continue  # («X با بیان اینکه …»: the adverbial's match begins at «با», after its subject)
        ss, se = doc.sentences[doc.sentence_of(ts)]
        lo = _clause_start(doc, ss, ts, 80)
        w1 = _WORD.search(f, lo, ts) if lo is not None else None
        out.append((ts, te, t, ss, se, lo, w1.group(0).translate(R._KEYFOLD) if w1 else None))
    doc.clause_openers = out
    return out


def _clause_start(doc, ss, ts, width):
    """Where the clause of a trigger at ``ts`` begins: after the last punctuation mark
    within ``width`` characters before it (or the sentence start within reach); None
    when neither is that near. The marks are found once per document."""
    from bisect import bisect_left

    marks = doc.clause_marks
    if marks is None:
        marks = doc.clause_marks = [m.start() for m in _CLAUSE_PUNCT.finditer(doc.folded)]
    lo = max(ss, ts - width)
    k = bisect_left(marks, ts) - 1
    if k >= 0 and marks[k] >= lo:
        return marks[k] + 1
    return None if ts - width > ss else lo


# titles that open an unnamed office of a body the gazetteer does not know
_UNKNOWN_OFFICE_HEADS = frozenset(R.key(w) for w in (
    "مدیر", "مدیرکل", "مدیرعامل", "رئیس", "رییس", "معاون", "سرپرست", "فرمانده", "دادستان", "مسئول",
    "دبیر", "سرمربی", "مربی", "استاندار", "فرماندار", "بخشدار", "شهردار", "قائم‌مقام", "جانشین", "رئیس‌کل",
    "دبیرکل", "مشاور", "کارشناس", "سخنگوی", "مالک"))
_UNKNOWN_OFFICE_STOP = frozenset(R.key(w) for w in (
    "را", "از", "به", "با", "برای", "که", "و", "تا", "بر", "هم", "نیز", "این", "آن", "وی", "او", "اما", "ولی",
    "همچنین", "امروز", "دیروز", "روز", "صبح", "عصر", "شب", "ضمن", "پس", "قبل", "بعد", "هنگام"))
_UNKNOWN_OFFICE_STOP_SINGULAR = _UNKNOWN_OFFICE_STOP - {R.key("و")}
# a topic or an occasion after a title ends it («رئیس شورای شهر در مورد …», «… در جمع خبرنگاران»)
_TITLE_TOPIC = frozenset(R.key(w) for w in (
    "خصوص", "مورد", "رابطه", "زمینه", "قبال", "حاشیه", "جمع", "دیدار", "نشست", "مراسم", "گفت‌وگو", "گفتگو",
    "مصاحبه", "همایش", "جلسه", "پایان", "ادامه", "این",
    # the medium or the moment of the words («شرکت اپل در بیانیه‌ای / در زمان معرفی … اعلام کرد»)
    "زمان", "گزارشی", "بیانیه‌ای", "نامه‌ای", "پیامی", "اطلاعیه‌ای", "مصاحبه‌ای", "گفت‌وگویی", "یادداشتی",
    "سخنانی", "توییتی", "واکنش", "پاسخ"))
# «… با انتشار بیانیه‌ای اعلام کرد»: the means of the words ends the title
_TITLE_MEANS = frozenset(R.key(w) for w in ("انتشار", "صدور", "ارسال"))


_WORD = re.compile(r"[^\s\u200c]+(?:\u200c[^\s\u200c]+)*")
# the first word of an office title: a head alone, or the first of two words («قائم مقام»)
_UNKNOWN_OFFICE_FIRST = frozenset(_UNKNOWN_OFFICE_HEADS | {R.key(w) for w in ("قائم", "رئیس", "دبیر")})


def _opening_phrase(doc, mentions, lo, ts, heads, stop):
    """A head of ``heads`` opening the clause at ``lo``, with one to eight words after it,
    right before the trigger at ``ts``: (start, end, country) of the phrase, after taking
    out the known actors inside it (they lend their country); None when there is none or
    a known office, name or collective already holds it."""
    f = doc.folded
    words = list(_WORD.finditer(f[lo:ts]))

    def inside(x):
        # «رئیس مرکز رسیدگی به امور مساجد», «کارشناس شرق آسیا از موسسه …»: one title
        w, nxt = words[x].group(0), (R.key(words[x + 1].group(0)) if x + 1 < len(words) else "")
        return w == "به" and nxt == "امور" or w == "از" and nxt in _AFFILIATION_HEADS

    k = next((x for x in range(2, len(words)) if words[x].group(0) in ("درباره", "پیرامون") or x + 1 < len(words) and (
        words[x].group(0) == "در" and R.key(words[x + 1].group(0)) in _TITLE_TOPIC
        or words[x].group(0) == "با" and R.key(words[x + 1].group(0)) in _TITLE_MEANS)), None)
    if k is not None:
        if len(words) > 16 or any(w.group(0) in ("که", "را") or _VERBISH.fullmatch(w.group(0)) for w in words[k:]):
            return None  # the topic phrase holds a clause of its own
        words = words[:k]  # «سرمربی ملوان در خصوص حضور بانوان گفت»: the topic after the title
    while len(words) > 2 and R.key(words[-1].group(0)) in _CLAUSE_ADVERBS:
        words = words[:-1]  # «مدیر کل بنادر استان نیز گفت»: an adverb before the verb
    k = next((x for x in range(2, len(words)) if words[x].group(0) in ("از", "به") and not inside(x)), None)
    if k is not None and len(words) - k <= 3:
        words = words[:k]  # «مالک باشگاه از ما خواسته»: the addressee after the office
    if not 2 <= len(words) <= 9:
        return None
    if R.key(words[0].group(0)) not in heads and R.key(words[0].group(0) + words[1].group(0)) not in heads:
        return None
    if any((R.key(words[x].group(0)) in stop and not inside(x)) or _VERBISH.fullmatch(words[x].group(0))
           or R.key(words[x].group(0)) in _trigger_heads() for x in range(1, len(words))):
        return None
    s0, e0 = lo + words[0].start(), lo + words[-1].end()
    over = [m for m in mentions if m.start < e0 and s0 < m.end]
    if any(m.entity.kind in ("person", "group", "pronoun", "media") or m.start <= s0 or m.end > e0 for m in over):
        return None  # a known office, a name or a collective keeps its own mention
    # the country of an affiliation («… از موسسه تکنولوژی جورجیای آمریکا») is the institute's
    aff = next((words[x].start() + lo for x in range(1, len(words)) if inside(x) and words[x].group(0) == "از"), e0)
    cc = next((m.entity.country for m in over if m.entity.country and m.start < aff), None)
    for m in over:
        mentions.remove(m)
    return s0, e0, cc


# «کارشناس … از موسسه/دانشگاه …»: an affiliation inside an office title
_AFFILIATION_HEADS = frozenset(R.key(w) for w in ("موسسه", "مؤسسه", "دانشگاه", "مرکز", "اندیشکده", "بنیاد",
                                                  "دانشکده", "پژوهشکده", "پژوهشگاه", "اتاق"))
# heads that open the name of a body the gazetteer does not know, with the body's kind
_UNKNOWN_BODY_HEADS = {R.key(w): kind for w, kind in (
    ("اتحادیه", "organization"), ("انجمن", "organization"), ("حزب", "organization"), ("جبهه", "organization"),
    ("جنبش", "organization"), ("ائتلاف", "organization"), ("فراکسیون", "organization"), ("کانون", "organization"),
    ("بنیاد", "organization"), ("موسسه", "organization"), ("مؤسسه", "organization"), ("مرکز", "organization"),
    ("شرکت", "organization"), ("سازمان", "organization"), ("سندیکای", "organization"), ("شبکه", "media"),
    ("کمیته", "organization"), ("ستاد", "government_body"), ("اداره", "government_body"),
    ("کمیسیون", "government_body"), ("دادگاه", "government_body"), ("شورای", "government_body"))}
# «برای» and «و» may stand inside a body's name («اتحادیه مردمی برای دموکراسی»)
_UNKNOWN_BODY_STOP = _UNKNOWN_OFFICE_STOP - {R.key("برای"), R.key("و")}


def _unknown_bodies(doc, mentions):
    """A body's head opening its clause, with one to eight words of a name the gazetteer does
    not know, right before a reporting verb, is that body: «اتحادیه مردمی برای دموکراسی
    اعلام کرد», «فراکسیون اقلیت معتقد است»."""
    text = doc.text
    for ts, te, t, ss, se, lo, w1 in _clause_openers(doc):
        if lo is None or w1 not in _UNKNOWN_BODY_HEADS or t.future:
            continue  # cheap test first
        got = _opening_phrase(doc, mentions, lo, ts, _UNKNOWN_BODY_HEADS, _UNKNOWN_BODY_STOP)
        if got is None:
            continue
        s0, e0, cc = got
        ent = Entity(" ".join(text[s0:e0].split()), _UNKNOWN_BODY_HEADS[w1], cc)
        mentions.append(Mention(s0, e0, text[s0:e0], ent, "name"))


def _unknown_offices(doc, mentions):
    """A title opening its clause, with one to six words of a body the gazetteer does not
    know, right before a reporting verb, is an unnamed office holder: «رئیس شعبه ۱۱۳
    دادگاه کیفری گفت», «سرمربی سابق تیم ملی تصریح کرد», «مدیر مجموعه سعدآباد تأکید کرد».
    Known actors inside (a state, a place, a body) lend their country and are swallowed."""
    f, text = doc.folded, doc.text
    titles: dict = {}
    for ts, te, t, ss, se, lo, w1 in _clause_openers(doc):
        if lo is None or w1 not in _UNKNOWN_OFFICE_FIRST or t.future:
            continue  # cheap test first: most clauses open with no title
        # before a singular verb a «و» joins words of the body's name («رئیس صندوق پژوهشگران و
        # فناوران بیان کرد»), not two speakers
        stop = _UNKNOWN_OFFICE_STOP if t.plural or t.form == "adverbial" else _UNKNOWN_OFFICE_STOP_SINGULAR
        got = _opening_phrase(doc, mentions, lo, ts, _UNKNOWN_OFFICE_HEADS, stop)
        if got is None:
            continue
        s0, e0, cc = got
        ent = Entity(" ".join(text[s0:e0].split()), "person", cc)
        mentions.append(Mention(s0, e0, text[s0:e0], ent, "office", ent.name))
        titles.setdefault(f[s0:e0], ent)
    # the same title elsewhere in the article («حشمت مهاجرانی سرمربی سابق تیم ملی …») is
    # the same office, so a name beside it names the holder
    for title, ent in titles.items():
        k = f.find(title)
        while k >= 0:
            e = k + len(title)
            if (k == 0 or not f[k - 1].isalnum()) and (e >= len(f) or not f[e].isalnum()) \
                    and not any(m.start < e and k < m.end for m in mentions):
                mentions.append(Mention(k, e, text[k:e], Entity(ent.name, "person", ent.country), "office", ent.name))
            k = f.find(title, k + 1)


def _head_hits(folded, lo, hi):
    """_HEADS matches in folded[lo:hi], in text order: str.find on the heads' stems (fast)
    and the regex only where a stem stands."""
    out = []
    for stem in _HEAD_STEMS:
        i = folded.find(stem, lo, hi)
        while i >= 0:
            m = _HEADS.match(folded, i, hi)
            if m is not None:
                out.append(m)
            i = folded.find(stem, i + 1, hi)
    out.sort(key=lambda m: m.start())
    return out


_PLURAL_END = re.compile(r"(?:ان|ها|های|ین|یون)$")
# «ها» plurals are mostly things («گزارش‌ها»); these are actors
_ACTOR_PLURALS = frozenset(R.key(w) for w in ("کشورها", "کشورهای", "دولت‌ها", "دولت‌های", "رسانه‌ها", "رسانه‌های",
                                               "گروه‌ها", "گروه‌های", "سازمان‌ها", "سازمان‌های", "نهادها", "نهادهای",
                                               "حزب‌ها", "حزب‌های", "شرکت‌ها", "شرکت‌های"))


# plurals of people that, opening a clause right before a plural reporting verb, are a
# collective speaker the gazetteer cannot list («احزاب مخالف تهدید کرده بودند»)
_COLLECTIVE_HEADS = frozenset(R.key(w) for w in (
    "احزاب", "گروه‌ها", "گروه‌های", "فعالان", "تولیدکنندگان", "فیلمسازان", "سینماگران", "هنرمندان", "نمایندگان",
    "کارگران", "کشاورزان", "دانشجویان", "معترضان", "معترضین", "تظاهرکنندگان", "اساتید", "استادان", "پزشکان",
    "پرستاران", "معلمان", "فرهنگیان", "بازنشستگان", "خانواده‌های", "خانواده‌ها", "اهالی", "منتقدان", "مخالفان",
    "حامیان", "طرفداران", "هواداران", "نخبگان", "علما", "روحانیون", "مدیران", "فرماندهان", "وکلا", "قضات",
    "روزنامه‌نگاران", "خبرنگاران", "اقتصاددانان", "پژوهشگران", "محققان", "دانشمندان", "بازرگانان", "تجار",
    "فعالین", "کارکنان", "کارمندان", "نظامیان", "شبه‌نظامیان", "جوانان", "زنان", "رهبران", "سران", "اعضای",
    "منابع", "مقامات", "مقام‌ها", "مقام‌های", "مسئولان", "مسئولین", "کارشناسان", "ناظران", "تحلیلگران",
    "شاهدان", "ساکنان", "دیپلمات‌ها", "دیپلمات‌های", "افسران", "سیاستمداران", "وزیران", "وزرای", "وزرا",
    "سفرا", "سفیران", "اعضا", "رسانه‌ها", "رسانه‌های", "تشکل‌های", "تشکل‌ها", "اتحادیه‌های", "سندیکاهای",
    "دانشگاهیان", "شهروندان", "کردها", "کردهای", "عرب‌ها", "عربها", "ترکمن‌ها", "شیعیان", "مسیحیان", "یهودیان",
    "سنی‌ها", "ورزشکاران", "بازیکنان", "نویسندگان", "شاعران", "وکلای", "کامیون‌داران", "رانندگان", "بازاریان"))


_PLURAL_VERB = re.compile(r"(?<![^\W_])(?:شدند|هستند|بودند|کردند|شده[ \u200c]*اند)(?![^\W_])")


_QUALIFIED_ONLY = frozenset(R.key(w) for w in ("منابع", "مقامات", "مقام‌ها", "مقام‌های", "مسئولان", "مسئولین"))
_COUNTS = frozenset(R.key(w) for w in ("دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "چند"))
# singular nouns of people that a number turns into a group («دو منبع آگاه», «سه دیپلمات اروپایی»)
_COUNTED = frozenset(R.key(w) for w in ("منبع", "دیپلمات", "مقام", "شاهد", "عضو", "نماینده", "کارشناس",
                                         "مسئول", "افسر", "سرباز", "فعال", "نفر", "تن", "فیلمساز", "سینماگر",
                                         "هنرمند", "نویسنده", "وکیل", "پزشک", "استاد", "دانشجو", "کارگر",
                                         "سیاستمدار", "تحلیلگر", "وزیر", "سناتور"))
# «… در بیانیه‌ای خواستار … شدند»: the medium of the words, after the speaker
_MEDIUM_TAIL = re.compile(fold(r"[ \u200c]+(?:در|طی|با[ \u200c]+انتشار|با[ \u200c]+صدور)[ \u200c]+"
                               r"(?:بیانیه|نامه|اطلاعیه|نامه[ \u200c]*ای|بیانیه[ \u200c]*ای|اطلاعیه[ \u200c]*ای)"
                               r"(?:[ \u200c]*ای)?(?:[ \u200c]+(?:مشترک|سرگشاده))?[ \u200c]*$"))


_COLLECTIVE_FIRST = frozenset(_COLLECTIVE_HEADS | _COUNTS | {R.key("یکی")})


# adverbs between a subject and its verb
_CLAUSE_ADVERBS = frozenset(R.key(w) for w in ("همچنین", "نیز", "هم", "اخیرا", "اخیراً", "قبلا", "قبلاً", "پیشتر",
                                                "بارها", "بار‌ها", "همواره"))


def _collective_subjects(doc, mentions):
    """A plural of people opening its clause, with up to three modifiers, right before a
    plural reporting verb, is a group speaker: «احزاب مخالف تهدید کرده بودند», «فعالان
    سیاسی خواستار … شدند»; so is a number of people («دو منبع آگاه به پولیتیکو گفته‌اند»).
    One of them before a singular verb is a person («یکی از شاهدان انفجار گفت»). Known
    actors keep their own mentions."""
    f, text = doc.folded, doc.text
    for ts, te, t, ss, se, lo, w1 in _clause_openers(doc):
        if lo is None or lo < ts - 70 and ts - 70 > ss:
            continue  # the clause begins more than 70 characters back
        if w1 not in _COLLECTIVE_FIRST and "که" not in f[lo:ts]:
            continue  # cheap test first: most clauses open with none of these words
        plural = t.plural or t.form == "split" and _PLURAL_VERB.search(f, te, min(se, te + 80))
        hi = ts
        tail = _MEDIUM_TAIL.search(f, lo, ts) if "در" in f[lo:ts] or "طی" in f[lo:ts] or "با" in f[lo:ts] else None
        if tail is not None:
            hi = tail.start()  # «هشت فیلمساز ایرانی در بیانیه‌ای خواستار … شدند»
        words = list(_WORD.finditer(f[lo:hi]))
        k = next((x for x in range(len(words)) if words[x].group(0) == "که"), None)
        if k is not None:
            words = words[k + 1:]
        k = next((x for x in range(1, len(words)) if words[x].group(0) in ("به", "با")), None)
        if k is not None and len(words) - k <= 3 and (words[k].group(0) == "به" or t.form == "stative"):
            words = words[:k]  # «… به خبرنگاران گفتند», «کردها با آن مخالفند»: after the speaker
        while len(words) > 1 and R.key(words[-1].group(0)) in _CLAUSE_ADVERBS:
            words = words[:-1]  # «مسئولان این شرکت همچنین گفتند»: an adverb before the verb
        if not 1 <= len(words) <= 6:
            continue
        w0 = R.key(words[0].group(0))
        kind, mods = "group", words[1:]
        if w0 in _COUNTS and len(words) >= 2 and R.key(words[1].group(0)) in _COUNTED:
            mods = words[2:]
        elif w0 == R.key("یکی") and len(words) >= 3 and words[1].group(0) == "از" \
                and R.key(words[2].group(0)) in _COLLECTIVE_HEADS:
            kind, mods = "person", words[3:]
        elif w0 not in _COLLECTIVE_HEADS or len(words) > 6 or w0 in _QUALIFIED_ONLY and len(words) < 2:
            continue  # bare «منابع گفتند» names nobody
        if (kind == "group") != bool(plural):
            continue
        if any(w.group(0) in NAME_STOP and not (w.group(0) in ("این", "آن") and x < len(mods) - 1)
               or _VERBISH.fullmatch(w.group(0)) or w.group(0) in ("را", "از", "به", "در", "با")
               or R.key(w.group(0)) in _trigger_heads() for x, w in enumerate(mods)):
            continue  # («مسئولان این شرکت»: a demonstrative before the noun it points with)
        s0, e0 = lo + words[0].start(), lo + words[-1].end()
        over = [m for m in mentions if m.start < e0 and s0 < m.end]
        if any(not (m.source in _SWALLOWABLE and m.entity.kind in ("state", "place")
                    or kind == "person" and m.entity.kind in ("government_body", "organization"))
               or m.start <= s0 for m in over):
            continue  # «یکی از اعضای مجلس نمایندگان فلوریدا»: a member of the body, not the body
        cc = next((m.entity.country for m in over if m.entity.kind in ("state", "government_body", "organization")
                   and m.entity.country), None)
        for m in over:
            mentions.remove(m)
        mentions.append(Mention(s0, e0, text[s0:e0], Entity(" ".join(text[s0:e0].split()), kind, cc), "collective"))


def _quantified_groups(doc, mentions, heads, index):
    """A quantifier and a plural of people or actors the gazetteer does not know (with up
    to three modifiers) is a group: «برخی از مدعیان طب سنتی». A known collective after the
    quantifier («برخی مقامات آمریکا») keeps its own mention."""
    folded, text = doc.folded, doc.text
    at = index[2]

    def mention_at(pos):
        return pos in at

    ws = R.word_stats()
    for qm in heads:
        pos = qm.end()
        w = _PLACE_WORD.match(folded, pos)
        if not w or mention_at(w.start()):
            continue  # «برخی مقامات آمریکا»: the collective is known; the quantifier is not needed
        head = w.group(0)
        k = head.replace("\u200c", "")
        tags = ws.get(k, (0, ""))[1].split(",")
        if not (_PLURAL_END.search(k) and len(k) > 4 or "PL" in tags and not k.endswith("ات")) \
                or k.endswith(("ها", "های")) and R.key(head) not in _ACTOR_PLURALS or head in NAME_STOP \
                or R.key(head) in _trigger_heads():
            continue
        end, nwords = w.end(), 1
        pos = _SPACES.match(folded, end).end()
        while nwords < 4:
            nx = _PLACE_WORD.match(folded, pos)
            if nx and nx.group(0) == "و":
                nx2 = _PLACE_WORD.match(folded, _SPACES.match(folded, nx.end()).end())
                if nx2 and nx2.group(0).endswith("ی") and nx2.group(0) not in NAME_STOP:
                    nx = nx2
                else:
                    break
            if not nx or nx.group(0) in NAME_STOP or _VERBISH.fullmatch(nx.group(0)) \
                    or R.key(nx.group(0)) in _trigger_heads() or mention_at(nx.start()) \
                    or _MI.match(nx.group(0)):
                break
            end, nwords = nx.end(), nwords + 1
            pos = _SPACES.match(folded, end).end()
        after = next((m for m in at.get(pos, ()) if m.entity.kind == "state"), None)
        name = " ".join(text[w.start():end].split())
        mentions.append(Mention(qm.start(), end, text[qm.start():end],
                                Entity(name, "group", after.entity.country if after else None), "quantified"))


_COMPASS_BEFORE = re.compile(fold(r"(?<![^\W_])(?:جنوب|شمال|در|به|از|سمت|طرف|مناطق|منطقه|نواحی)[ \u200c]*$"))
_COMPASS_AFTER = re.compile(fold(r"[ \u200c]*(?:آسیا|آفریقا|اروپا|کشور|استان|شهر|رود|رودخانه|دریای|کرانه)(?![^\W_])"))


def _compass_point(doc, m, mentions):
    """«جنوب غرب موصل», «غرب آسیا», «در غرب کشور», «غرب عراق»: a compass point, not the West."""
    if m.entity.name != "غرب" or m.entity.kind != "group":
        return False
    f = doc.folded
    return bool(_COMPASS_BEFORE.search(f, max(0, m.start - 8), m.start) or _COMPASS_AFTER.match(f, m.end)
                or any(0 <= x.start - m.end <= 1 and x.entity.kind in ("place", "state") for x in mentions))


def _headline_surname(doc):
    """«زواره‌ای: حقوقدانان جدید …» over a body that names «سید رضا زواره‌ای»: a headline
    opened by a person's surname and a colon names that person."""
    if not doc.sentences:
        return
    ss, se = doc.sentences[0]
    k = doc.text.find(":", ss, min(se, ss + 40))
    if k < 0 or any(m.start < k and m.end > ss for m in doc.mentions):
        return
    pre = doc.text[ss:k].strip(" \u200c«»\"")
    if not pre or len(pre.split()) > 2 or not _NAME_PIECE.match(pre.replace(" ", "")):
        return
    key = R.phrase_key(pre)
    people = {m.entity.name: m.entity for m in doc.mentions if m.entity.kind == "person" and m.start >= se
              and m.source in ("name", "person") and R.phrase_key(m.entity.name).endswith(key)
              and R.phrase_key(m.entity.name) != key}
    if len(people) != 1 or len(key) < 3:
        return
    s0 = doc.text.find(pre, ss)
    doc.mentions.insert(0, Mention(s0, s0 + len(pre), pre, next(iter(people.values())), "name"))


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


_SUBJECT_LEAD = re.compile(r"[ \u200c«\"]*(?:[^:،,.]{0,90}[:،,][ \u200c«\"]*)?(?:یک[ \u200c]+)?")


def _is_subject(doc, m):
    """Does mention m open its sentence (after at most a short «X:» or «به گزارش X،»)?"""
    ss = doc.sentences[doc.sentence_of(m.start)][0]
    return _SUBJECT_LEAD.fullmatch(doc.folded, ss, m.start) is not None


def _office_named_later(doc, mentions):
    """«رئیس‌جمهور پاکستان … اعلام کرد. … "پرویز مشرف" … گفت»: an office the article
    leaves unnamed and a name that appears only after it with no title or country of its
    own are one person when the article has exactly one of each; the person keeps the
    name and takes the office's country."""
    offices = {}
    for m in mentions:
        e = m.entity
        if m.source == "office" and e.kind == "person" and m.head and e.name.startswith(m.head):
            offices.setdefault(e.key(), m.start)
    if len(offices) != 1:
        return
    # the office must be the subject of the sentence that names it (the lead's «X گفت»),
    # not someone the article mentions in passing
    if not _is_subject(doc, next(m for m in mentions if m.entity.key() in offices)):
        return
    untitled = [m for m in mentions if m.entity.kind == "person" and m.source == "name"
                and m.entity.country is None]
    if len({m.entity.key() for m in untitled}) != 1:
        return
    (key, first), = offices.items()
    body = [m.start for m in untitled if doc.sentence_of(m.start) > 0]  # the headline may name anyone
    if not body or min(body) < first:
        return
    if doc.sentence_of(min(body)) == doc.sentence_of(first):
        return  # named in the office's own sentence but not beside it: someone else
    named = untitled[0].entity
    person = Entity(named.name, "person", key[2])
    for m in mentions:
        if m.entity.key() == key or m.entity.key() == named.key():
            m.entity = person


# titles many people hold: news uses them to describe again the person it just named
# («حمیدرضا سجادیان … گفت. عضو شورای مرکزی فراکسیون جوانان … اظهار داشت»)
DESCRIPTIVE_TITLES = frozenset(R.key(w) for w in ("عضو", "نماینده", "استاد", "کارشناس", "تحلیلگر",
                                                    "فعال", "پژوهشگر", "مدرس", "نایب رئیس"))


def _described_again(doc, mentions):
    """A descriptive title without a name that opens a sentence right after a sentence
    opened by a named person, with nobody else named in between, is that person."""
    persons = [m for m in mentions if m.entity.kind == "person"]
    for i, m in enumerate(persons):
        e = m.entity
        if not (m.source == "office" and m.head and e.name.startswith(m.head)):
            continue
        first = m.text.replace("\u200c", " ").split()
        former = any(w in ("سابق", "پیشین") for w in doc.folded[m.start:m.end].replace("\u200c", " ").split())
        if not first or not former and (R.key(first[0]) not in DESCRIPTIVE_TITLES
                                        and R.key(" ".join(first[:2])) not in DESCRIPTIVE_TITLES):
            continue  # a former office («رئیس سابق مجلس») describes like a title many hold
        si = doc.sentence_of(m.start)
        if si < 2 or not _is_subject(doc, m):
            continue
        prev = [x for x in persons[:i] if doc.sentence_of(x.start) >= si - 4]
        named: dict = {}
        for x in prev:
            if not (x.source == "office" and x.head and x.entity.name.startswith(x.head)):
                named.setdefault(x.entity.key(), x)  # the first mention: the one that may open its sentence
        if len(named) != 1 or len(prev) != sum(1 for x in prev if x.entity.key() in named):
            continue  # exactly one named person, and no unnamed office, just before
        b = next(iter(named.values()))
        if not _is_subject(doc, b) or e.country not in (None, b.entity.country) and b.entity.country:
            continue
        m.entity = b.entity


def _office_coref(mentions):
    """An office without a name resolves to the person the article names for it."""
    holder, by_title = {}, {}
    for m in mentions:
        if m.source == "office" and m.entity.kind == "person" and m.head:
            key = (m.head, m.entity.country)
            if m.entity.name and not m.entity.name.startswith(m.head):
                holder.setdefault(key, m.entity)
                by_title.setdefault(R.phrase_key(m.text), m.entity)
    for m in mentions:
        if m.source == "office" and m.entity.kind == "person" and m.head:
            key = (m.head, m.entity.country)
            if not m.entity.name.startswith(m.head):
                continue
            # the same title in full, parsed as another office row («رئیس سازمان» + «بسیج …»)
            titled = by_title.get(R.phrase_key(m.entity.name)) or by_title.get(R.phrase_key(m.text))
            if titled is not None and titled.country in (None, m.entity.country):
                m.entity = titled
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
