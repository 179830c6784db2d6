"""Rule-and-lexicon recogniser of person, organisation and place names in raw Persian text.

``find_names(text)`` returns non-overlapping ``(start, end, kind)`` spans, kind one of
``person``, ``organization``, ``government_body``, ``media`` and ``place``; offsets index
the raw text (``text[start:end]`` is the name as written). No statistical model. Persons:

* **titles** (آقای، دکتر، حجت‌الاسلام، سردار…) + a name; the title is left out of the span,
  ``سید``/``حضرت``/``امام`` are kept in it, and so is a trailing ``(ع)``/``(ره)``;
* **first names** (``first_names.tsv``, and any ``…الله``/``…الدین`` name) + one surname
  token (+ pieces such as ``ای``/``پور``/``زاده`` written apart, + a second ``…ی`` token:
  هاشمی رفسنجانی); names that are also words (پیمان، امید) need a title or a surname
  that is no dictionary word;
* **well-known persons** by surname alone (``persons.tsv``: ترامپ، لاوروف);
* **cues**: ``X، وزیر …`` (apposition), ``رئیس‌جمهور X``, ``به کارگردانی X``/``شاگردان X``,
  a sentence-initial ``X گفت``/``X با اشاره به`` (``speech_cues.tsv``), items of a list
  next to a person (``علی دایی، کریمی و مهدوی``), and re-mentions of a found surname.

Organisations and places: a **head noun** (``org_heads.tsv``: وزارت، سازمان، دانشگاه،
خبرگزاری، استان…) + its ezafe chain, which ends at a function word, verb, office, time
word, digit, plural or punctuation (and drops a last noun that is the object or preverb of
the next verb); heads after a determiner (این دانشگاه) are common nouns. ``وزیر X`` gives
the ministry's field X (PEYMA's convention). Also: ``entities.tsv`` (clubs only in a
text about sport), ``places.tsv`` (Iranian provinces and cities) and the outlet named
after ``به گزارش``/``به نقل از``/``خبرنگار``.

Tokens are compared through :func:`kg.ids.compact`, so Arabic ي/ك, ZWNJ-vs-space
(``خامنه‌ای`` / ``خامنه ای``), diacritics and digit scripts do not matter. Lexicons are
read once, lazily, from ``data/names/*.tsv``; hazm's bundled word lists (verbs, function
words, frequencies) and the gazetteer's surface forms are used when available.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg.ids import compact

KINDS = ("person", "organization", "government_body", "media", "place")

from .paths import resource

_DATA = resource("data", "names")
_TOKEN = re.compile(r"[\w\u064B-\u065F\u0670\u0640\u200c\u200d]+|[^\w\s]", re.UNICODE)
_MAXW = 4  # longest lexicon entry, in tokens

# Words that are verbs by their shape: می‌/نمی‌ prefixed forms.
_VERBISH = re.compile(r"^(?:نمی|می)(?:\u200c)")


def _rows(name: str):
    path = _DATA / name
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield line.rstrip("\n").split("\t")


def _stop_sections():
    """(stop words for every name, extra stop words for persons only)."""
    common, person_only, section = set(), set(), 0
    for line in (_DATA / "stop.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if "generic nouns" in line:
                section = 1
            continue
        k = compact(line.split("\t")[0])
        if k:
            (person_only if section else common).add(k)
    return common, person_only


class _Lex:
    def __init__(self) -> None:
        self.titles: dict[str, bool] = {}
        for r in _rows("titles.tsv"):
            self.titles[compact(r[0])] = len(r) > 1 and r[1].strip() == "1"
        self.first: dict[str, bool] = {}
        self.first_fa: set[str] = set()
        for r in _rows("first_names.tsv"):
            self.first[compact(r[0])] = len(r) > 2 and r[2].strip() == "1"
            if len(r) > 1 and r[1].strip() == "fa":
                self.first_fa.add(compact(r[0]))
        self.heads: dict[str, tuple[str, bool]] = {}
        for r in _rows("org_heads.tsv"):
            self.heads[compact(r[0])] = (r[1].strip(), len(r) > 2 and r[2].strip() == "1")
        self.offices = {compact(r[0]) for r in _rows("offices.tsv")}
        self.affixes = {compact(r[0]) for r in _rows("affixes.tsv")}
        self.stop, self.person_stop = _stop_sections()
        self.verbs, self.common, self.dictionary, self.stems = _hazm_words()
        self.cues = {compact(r[0]) for r in _rows("speech_cues.tsv")}
        self.entities: dict[str, tuple[str, str]] = {}
        for r in _rows("entities.tsv"):
            self.entities[compact(r[0])] = (r[1].strip(), r[2].strip() if len(r) > 2 else "")
        for r in _rows("places.tsv"):
            self.entities.setdefault(compact(r[0]), ("place", ""))
        self.sport = {compact(r[0]) for r in _rows("sport_words.tsv")}
        self.person_cues = {compact(r[0]) for r in _rows("person_cues.tsv")}
        self.famous = {compact(r[0]) for r in _rows("persons.tsv")}
        self.known, self.demonyms = _gazetteer_words()


def _gazetteer_words() -> tuple[set[str], set[str]]:
    """compact() keys of the gazetteer's surface forms (never persons) and of its demonyms."""
    try:
        from kg.gazetteer import Gazetteer

        g = Gazetteer.default()
        dem = {compact(d) for e in g.entries for d in e.demonyms()}
        return set(g.forms), dem
    except Exception:  # noqa: BLE001 - the gazetteer is optional here
        return set(), set()


def _hazm_words() -> tuple[set[str], set[str], dict[str, int], set[str]]:
    """Verb forms, function words and word frequencies from hazm's bundled lexicon, if installed."""
    verbs: set[str] = set()
    common: set[str] = set()
    freq: dict[str, int] = {}
    stems: set[str] = set()
    try:
        import importlib.util

        spec = importlib.util.find_spec("hazm")
        if spec is None or not spec.submodule_search_locations:
            return verbs, common, freq, stems
        data = Path(list(spec.submodule_search_locations)[0]) / "data"
        for line in (data / "verbs.dat").read_text(encoding="utf-8").splitlines():
            past, _, present = line.partition("#")
            past, present = past.strip(), present.strip()
            stems.update(compact(x) for x in (past, present) if x)
            forms = []
            if past:
                forms += [(past + x, "ن") for x in ("", "ه", "ن", "ند", "یم", "ید")]
            if present:
                forms += [(present + x, "نب") for x in ("د", "ند", "یم")]
            for f, prefixes in forms:
                k = compact(f)
                if len(k) > 2:
                    verbs.add(k)
                    for pre in prefixes:
                        verbs.add(pre + k)
        for line in (data / "stopwords.dat").read_text(encoding="utf-8").splitlines():
            if line.strip():
                common.add(compact(line))
        for line in (data / "words.dat").read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) > 1 and parts[1].isdigit() and parts[1] != "0":
                freq[compact(parts[0])] = int(parts[1])
    except Exception:  # noqa: BLE001 - the lexicon is optional
        pass
    return verbs, common, freq, stems


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    return _Lex()


def first_names() -> dict:
    """The given names of ``first_names.tsv`` (compact keys → also a common word)."""
    return _lex().first


def persian_first_names() -> set:
    """The given names of ``first_names.tsv`` marked ``fa`` (Persian, Arabic or Turkic names
    as Iranians bear them), not the foreign ones in Persian spelling."""
    return _lex().first_fa


class _Toks:
    """Tokens of the raw text with their compact() keys."""

    __slots__ = ("s", "e", "k", "w", "n", "pl", "f", "fpos")

    def __init__(self, text: str) -> None:
        cache = _TOKCACHE
        ms = list(_TOKEN.finditer(text))
        toks = [m.group() for m in ms]
        get = cache.get
        infos = [get(t) or _tok_info_cached(t) for t in toks]
        self.s: list[int] = [m.start() for m in ms]
        self.e: list[int] = [m.end() for m in ms]
        self.k: list[str] = [x[0] for x in infos]
        self.w: list[bool] = [x[1] for x in infos]  # True: a word (letters), False: punctuation / digits
        self.pl: list[bool] = [x[2] for x in infos]  # a plural noun (…‌ها، …‌های)
        self.f: list[int] = [x[3] for x in infos]  # _FLAG bits: which lexicon entries may start here
        self.fpos: list[int] = [i for i, x in enumerate(infos) if x[3]]  # positions with any flag
        self.n = len(self.k)

    def match(self, table, i: int, guard: bool = False):
        """Longest lexicon entry starting at token i: (number of tokens, value) or (0, None)."""
        if i >= self.n or not self.w[i]:
            return 0, None
        k = self.k
        key = k[i]
        got = _PREFIXES.get(id(table))
        pre = got[1] if got is not None and got[0] is table else _prefixes(table)
        if key not in pre:
            return 0, None
        best = (0, None)
        stop = _lex().stop if guard else ()
        if key in table:
            best = (1, table[key] if isinstance(table, dict) else True)
        for j in range(i + 1, min(self.n, i + _MAXW)):
            if not self.w[j]:
                break
            if guard and ((k[j] in stop and k[j] != "و") or k[i] in stop):
                break  # به نام ≠ بهنام، برای آن ≠ برایان
            key += k[j]
            if key not in pre:
                break
            if key in table:
                v = table[key] if isinstance(table, dict) else True
                best = (j - i + 1, v)
        return best


_TOKCACHE: dict = {}
_PREFIXES: dict = {}


def _prefixes(table) -> frozenset:
    """Every prefix (characters) of every key of a lexicon table, keys included; tables
    live for the whole process, so the sets are kept by the table's id."""
    got = _PREFIXES.get(id(table))
    if got is None or got[0] is not table:
        pre = set()
        for key in table:
            for x in range(1, len(key) + 1):
                pre.add(key[:x])
        got = (table, frozenset(pre))
        _PREFIXES[id(table)] = got
    return got[1]


@lru_cache(maxsize=1)
def _flag_tables() -> tuple:
    """The lexicon tables whose possible starts are precomputed per token (see _Toks.f)."""
    L = _lex()
    return (L.titles, L.first, L.heads, L.entities, _REPORT, _HEAD_OF, L.famous, L.person_cues)


_TH_END, _TH_WORD, _MIN_WORD = 1 << 20, 1 << 21, 1 << 22


def _tok_info_cached(tok: str) -> tuple:
    if len(_TOKCACHE) > 200000:
        _TOKCACHE.clear()
    info = _TOKCACHE[tok] = _tok_info(tok)
    return info


_PLAIN = re.compile(r"[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC\u200c]+")
_PLAIN_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا",
                             "ؤ": "و", "\u200c": None})


def _tok_info(tok: str) -> tuple:
    """(key, is a word, is plural, flags) of one token string; cached by _Toks."""
    # plain Persian/Arabic letters: compact() is a letter fold (its NFKC step is a no-op)
    key = tok.translate(_PLAIN_FOLD) if _PLAIN.fullmatch(tok) else compact(tok)
    if "\u200c" in tok:
        plural = tok.rstrip("\u200c").endswith(_ZPLURAL)
    else:
        plural = key in _PLURAL or (len(key) > 4 and key.endswith(_PLURAL))
    word = bool(key) and not key.isdigit() and tok[0] not in "_"
    flags = 0
    if word:
        stop = _lex().stop
        for bit, table in enumerate(_flag_tables()):
            if key in _prefixes(table):
                # titles and first names are matched with the stop-word guard: a stop word
                # can start only an entry that is the word itself
                if bit < 2 and key in stop and key not in table:
                    continue
                flags |= 1 << bit
        if key.endswith(_THEOPHORIC):
            flags |= _TH_END
        if key in _THEOPHORIC:
            flags |= _TH_WORD
        if key in _MINISTER:
            flags |= _MIN_WORD
    return key, word, plural, flags


def _starts(T: "_Toks", table) -> list[int]:
    """Token positions where an entry of ``table`` may start (a cheap pre-filter for
    :meth:`_Toks.match`)."""
    for bit, tb in enumerate(_flag_tables()):
        if tb is table:
            return _flagged(T, 1 << bit)
    pre = _prefixes(table)
    k, w = T.k, T.w
    return [i for i in range(T.n) if w[i] and k[i] in pre]


def _flagged(T: "_Toks", mask: int) -> list[int]:
    f = T.f
    return [i for i in T.fpos if f[i] & mask]


def _is_stop(L: _Lex, key: str, person: bool) -> bool:
    if key in L.stop or key in _AUX:
        return True
    if key in L.verbs and (person or key not in L.stems):
        return True
    if person and key in L.common:
        return True
    if key in L.person_stop and (person or key not in _ORG_OK):
        return True
    return False


_ORG_OK = {compact(w) for w in ("کشور", "کشورهای", "جمهوری", "ملت", "مردم", "بخش", "خبر", "پیام", "آینده",
                                 "خبرنگار", "خبرنگاران")}


def _name_like(L: _Lex, T: _Toks, i: int, person: bool = True) -> bool:
    """Token i may be part of a name: a word that is no function word, verb, office or title."""
    if i >= T.n or not T.w[i]:
        return False
    k = T.k[i]
    if _is_stop(L, k, person) or len(k) < 2:
        return False
    if k in L.offices or (k in L.titles and not L.titles[k]):
        return False
    if k in L.heads:
        return False
    return True


def _take_affixes(L: _Lex, T: _Toks, j: int) -> int:
    """Extend past surname pieces written apart (خامنه ای، نبی پور)."""
    while j < T.n and T.w[j] and T.k[j] in L.affixes:
        j += 1
    return j


# a word this frequent in hazm's lexicon is a common noun, not a second surname ending in «ی»
# («خامنه‌ای برگزاری …»): the most frequent surnames (موسوی, حسینی) stay under a third of it
_COMMON_NOUN_FREQ = 5_000_000


def _surname(L: _Lex, T: _Toks, j: int, most: int) -> int:
    """End of up to ``most`` surname tokens starting at j (j itself when none)."""
    end = j
    taken = 0
    while taken < most and _name_like(L, T, end) and T.k[end] not in L.first and not _plural(T, end):
        end = _take_affixes(L, T, end + 1)
        taken += 1
        # a second surname token only when it looks like a nisba (…ی) or is hyphen-free
        if taken == 1 and not (_NISBA and end < T.n and T.k[end].endswith("ی") and _name_like(L, T, end)
                               and T.k[end] not in L.common and T.k[end] not in L.known
                               and L.dictionary.get(T.k[end], 0) < _COMMON_NOUN_FREQ
                               and not _verb_next(L, T, end + 1)):
            break
    return end


def _persons(L: _Lex, T: _Toks) -> list[tuple[int, int]]:
    """Person spans in token indices."""
    out: list[tuple[int, int]] = []
    # positions where a title, a first name or a theophoric name may start: elsewhere the
    # loop below finds nothing and moves on (a pre-filter, for speed only)
    cand = set(_flagged(T, 0b11 | _TH_END))  # titles, first names, …الله
    cand.update(x - 1 for x in _flagged(T, _TH_WORD))  # رفیع الله
    i = 0
    while i < T.n:
        if i not in cand:
            i += 1
            continue
        # title cue(s)
        titled = False
        j = i
        while True:
            ln, inspan = T.match(L.titles, j, True)
            if ln and not inspan:
                j += ln
                titled = True
                continue
            if ln and inspan:
                ln2, inspan2 = T.match(L.titles, j + ln, True)
                if ln2 and not inspan2:  # حضرت آیت‌الله …: حضرت is a title here
                    j += ln
                    continue
            break
        start = j
        # سید / میر inside the name
        ln, inspan = T.match(L.titles, j, True)
        inner = bool(ln and inspan)  # سید، حضرت، امام: part of the name
        if inner:
            j += ln
        # first names (compound: محمد جواد، امیر حسین)
        nf, amb = 0, False
        while nf < 3:
            ln, a = T.match(L.first, j, True)
            if (not ln and j + 1 < T.n and T.k[j + 1] in _THEOPHORIC and _name_like(L, T, j)
                    and len(T.k[j]) > 2 and not T.match(L.titles, j, True)[0]):
                ln, a = 2, False  # رفیع الله، شمس الدین
            elif (not ln and j < T.n and T.w[j] and T.k[j].endswith(_THEOPHORIC) and len(T.k[j]) > 6
                  and T.k[j] not in _NOT_THEOPHORIC):
                ln, a = 1, False
            if not ln or (ln == 1 and _is_stop(L, T.k[j], False)):
                break
            if nf == 0:
                amb = bool(a)
            j += ln
            nf += 1
        if nf:
            end = _surname(L, T, j, 2)
            if end == j and nf >= 2 and j < T.n and T.w[j] and T.k[j] in L.affixes:
                # «مهدی عیسی زاده», «علی حسن زاده»: the last «first name» and the piece
                # written apart after it are the surname
                end = _take_affixes(L, T, j)
            if end > j:
                if amb and not titled and nf == 1 and (T.k[j] in L.common or T.k[j] in L.known
                                                       or L.dictionary.get(T.k[j], 0) > 0):
                    i += 1
                    continue
                out.append((start, end))
                i = end
                continue
            if not amb and _cued_surname(L, T, j):
                # «رضا شایسته گفت», «علی پارسا، …»: a surname that is also a word, vouched for
                # by a first name that is none and a reporting cue or apposition after it
                out.append((start, j + 1))
                i = j + 1
                continue
            if titled or inner:
                out.append((start, j))
                i = j
                continue
        elif (titled or inner) and j > start:
            # سید + surname
            end = _surname(L, T, j, 2)
            if end > j or titled:
                out.append((start, end if end > j else j))
                i = max(end, j)
                continue
        elif titled:
            end = _surname(L, T, j, 2)
            if end > j:
                out.append((start, end))
                i = end
                continue
        i = max(i + 1, start if titled else i + 1)
    return out


def _cued_surname(L: _Lex, T: _Toks, j: int) -> bool:
    """Token j, a common word, is a surname here: no function word, verb, office or plural,
    and a reporting cue follows it («گفت», «در گفت‌وگو با», «با اشاره به»)."""
    if j + 1 >= T.n or not T.w[j] or len(T.k[j]) < 3 or T.pl[j]:
        return False
    k = T.k[j]
    if k in L.stop or k in _AUX or k in L.verbs and not k.endswith("ه") or k in L.offices or k in L.titles \
            or k in L.heads or k in L.first or k in L.known:
        return False  # (a participle used as an adjective, «شایسته», may be a surname)
    return bool(T.match(L.cues, j + 1)[0])


_THEOPHORIC = ("الله", "الدین", "الدوله")
# words ending in …الله that are interjections or names of groups, not first names
_NOT_THEOPHORIC = {compact(w) for w in ("انشاالله", "ان‌شاءالله", "انشاءالله", "ان شاءالله", "ماشاالله",
                                        "ماشاءالله", "بسم‌الله", "بسم الله", "الحمدلله", "سبحان‌الله",
                                        "حزب‌الله", "انصارالله", "جندالله", "ثارالله", "روح‌الله‌ها")}
_BOUND = {"،", ",", ".", ":", "؛", ";", "«", "»", '"', "(", ")", "-", "–", "\n", "!", "؟", "?"}


def _appositions(L: _Lex, T: _Toks, taken: list[bool], raw: list[str]) -> list[tuple[int, int]]:
    """``X، وزیر …`` and ``X (۴۵ ساله)،``: a 1–2 token name before a comma and an office word."""
    out = []
    for c in range(1, T.n - 1):
        if raw[c] not in ("،", ","):
            continue
        if T.k[c + 1] not in L.offices and T.match(L.offices, c + 1)[0] == 0:
            continue
        for width in (2, 1):
            b = c - width
            if b < 0 or any(taken[b:c]):
                continue
            if not all(_person_word(L, T, x) for x in range(b, c)) and not (
                    # «علی پارسا، مدیر …»: a first name vouches for a surname that is also a word
                    width == 2 and T.k[b] in L.first and _name_like(L, T, b + 1, person=False)
                    and not T.pl[b + 1]):
                continue
            if b > 0 and raw[b - 1] not in _BOUND and T.k[b - 1] not in ("و", "که"):
                continue
            out.append((b, c))
            break
    return out


def _speakers(L: _Lex, T: _Toks, taken: list[bool], raw: list[str]) -> list[tuple[int, int]]:
    """Sentence-initial ``X گفت`` / ``X با اشاره به``: a 1–2 token surname before a reporting
    cue; and ``به گفته X،``."""
    out = []
    starts = [0] + [x + 1 for x, r in enumerate(raw) if r in _BOUND]
    if "گفته" in T.k:  # (a C-speed test first: most texts have no «به گفته»)
        starts += [x + 1 for x, k in enumerate(T.k) if k == "گفته" and x and T.k[x - 1] == "به"]
    for b in starts:
        if b >= T.n or taken[b]:
            continue
        cited = b >= 2 and T.k[b - 2] == "به" and T.k[b - 1] == "گفته"
        for width in (1, 2):
            c = b + width
            if c >= T.n or any(taken[b:c]):
                break
            if not all(_person_word(L, T, x) for x in range(b, c)):
                break
            if T.match(L.cues, c)[0] or cited and raw[c] in ("،", ","):
                out.append((b, c))
                break
    return out


_LIST_SEP = {"،", ",", "-", "؛", "و", "/"}


def _lists(L: _Lex, T: _Toks, taken: list[bool], raw: list[str], persons) -> list[tuple[int, int]]:
    """Items of a list of persons (``علی دایی، کریمی و مهدوی``): a 1–3 token name between
    separators, next to a person already found."""
    out: list[tuple[int, int]] = []
    work = sorted(persons)
    seen = set(work)

    def add(lo: int, hi: int) -> None:
        if (lo, hi) not in seen:
            seen.add((lo, hi))
            out.append((lo, hi))
            work.append((lo, hi))
            for x in range(lo, hi):
                taken[x] = True

    while work:
        a, b = work.pop()
        for direction in (1, -1):
            if direction == 1:
                sep = b
                if sep >= T.n or raw[sep] not in _LIST_SEP:
                    continue
                lo = sep + 1
                for width in (1, 2, 3):
                    hi = lo + width
                    if hi > T.n or any(taken[lo:hi]) or not _person_word(L, T, hi - 1) and T.k[hi - 1] not in L.affixes:
                        break
                    if not _person_word(L, T, lo):
                        break
                    if hi == T.n or raw[hi] in _LIST_SEP or raw[hi] in _BOUND or T.k[hi] in L.stop:
                        add(lo, hi)
                        break
            else:
                sep = a - 1
                if sep < 1 or raw[sep] not in _LIST_SEP:
                    continue
                hi = sep
                for width in (1, 2, 3):
                    lo = hi - width
                    if lo < 0 or any(taken[lo:hi]) or not (_person_word(L, T, lo) or
                                                           (width > 1 and T.k[lo] in L.first)):
                        break
                    if lo == 0 or raw[lo - 1] in _LIST_SEP or raw[lo - 1] in _BOUND:
                        if not _person_word(L, T, hi - 1) and T.k[hi - 1] not in L.affixes:
                            break
                        add(lo, hi)
                        break
    return out


def _person_word(L: _Lex, T: _Toks, x: int) -> bool:
    """A token that can be a surname on its own: name-like, not a common or gazetteer word."""
    if not _name_like(L, T, x):
        return False
    k = T.k[x]
    if k in L.common or k in L.known or k in L.first or k in L.cues:
        return False
    return not T.pl[x]


_NISBA = True  # a second surname token ending in ی (هاشمی رفسنجانی)
_VDROP = 2  # drop the chain's last noun before a light verb when the chain has ≥ 2 modifiers
_AUX = {compact(w) for w in ("است", "هست", "نیست", "بود", "شد", "شود", "شده", "کرد", "کند", "کنند",
                             "کرده", "کردند", "دارد", "دارند", "داشت", "داد", "دهد", "دادند", "می", "نمی",
                             "خواهد", "خواهند", "گرفت", "گیرد", "رسید", "باشد", "گردد", "گردید", "شدند",
                             "شوند", "بودند", "زد", "زند", "نمود", "نماید", "کنیم", "کردیم", "بدهد",
                             "نیست", "نیستند", "نبود", "نشد", "نکرد", "نکند", "نشود", "ندارد", "نداد",
                             "کردم", "گرفتم", "شدم", "دادم", "داشتم", "بودم", "هستم", "نیستم", "کنم",
                             "گرفتند", "گیرند", "دهند", "دارم", "زدند", "نمودند", "گردند", "یابد",
                             "یافت", "یافته", "کنید", "شده‌اند", "کرده‌اند", "بکند", "بشود", "بدهند",
                             "اند", "ایم", "اید", "است،")}


_RA = {compact(w) for w in ("را", "رو")}
_PRON = {compact(w) for w in ("او", "آن", "این", "آنها", "خود", "وی", "ما", "شما", "آنان", "ایشان")}


def _object_next(T: "_Toks", j: int) -> bool:
    """``… قرارداد را`` / ``… قرارداد او را``: the chain's last noun is an object."""
    if j < T.n and T.k[j] in _RA:
        return True
    return j + 1 < T.n and T.k[j] in _PRON and T.k[j + 1] in _RA


def _verb_next(L: _Lex, T: _Toks, j: int) -> bool:
    if j >= T.n or not T.w[j]:
        return False
    k = T.k[j]
    return k in _AUX or _VERBISH.match(k) is not None or k in ("می", "نمی")


_ZPLURAL = ("\u200cها", "\u200cهای", "\u200cهایی", "\u200cهایش", "\u200cهایشان")
_PLURAL = ("ها", "های", "هایی", "هایش", "هایشان")
_NUMBERS = {compact(w) for w in "یک دو سه چهار پنج شش هفت هشت نه ده".split()}
_FIRST_ONLY = {compact(w) for w in ("کشور", "ملت", "مردم", "جمهوری")}
_DETERMINERS = {compact(w) for w in ("این", "آن", "یک", "هر", "همین", "همان", "چند", "چندین", "دو", "سه",
                                     "چهار", "پنج", "برخی", "بعضی", "هیچ", "کدام", "فلان", "دیگر")}
_INDEF = {compact(w) for w in ("ای", "یی", "ی")}
_WEAK = {compact(w) for w in ("گروه", "هیئت", "هیات", "جمعیت", "خانه", "کانون", "نهاد", "مرکز")}
_OURS = {compact(w) for w in ("کشورمان", "ما", "ملی", "کشور")}
_MINISTER = {compact(w) for w in ("وزیر", "وزرای", "وزارت")}


def _plural(T: "_Toks", j: int) -> bool:
    return 0 <= j < T.n and T.pl[j]


def _orgs(L: _Lex, T: _Toks, taken: list[bool], persons: list[tuple[int, int]]):
    """Head noun + ezafe chain: (start, end, kind) in token indices. ``وزیر`` + its field
    (وزیر نفت، وزیر امور خارجه آمریکا) also gives the ministry, as PEYMA marks it."""
    pstart = {a: b for a, b in persons}
    out = []
    cand = set(_flagged(T, 0b100 | _MIN_WORD))  # heads, وزیر
    i = 0
    while i < T.n:
        if taken[i] or i not in cand:
            i += 1
            continue
        ln, val = T.match(L.heads, i)
        minister = False
        if (not ln and T.w[i] and T.k[i] in _MINISTER and T.k[i] != compact("وزارت")
                and not (i > 0 and T.k[i - 1] == compact("نخست"))):
            ln, val, minister = 1, ("government_body", False), True
        if not ln or _plural(T, i + ln - 1) or (i + ln < T.n and T.k[i + ln] in _PLURAL):
            i += max(ln, 1)
            continue
        kind, alone = val
        head_key = "".join(T.k[i:i + ln])
        if i > 0 and (T.k[i - 1] in _DETERMINERS or T.k[i - 1].isdigit()):
            i += ln  # این دانشگاه، یک شرکت، ۳ مرکز: a common noun, not a name
            continue
        j = i + ln
        first = j
        if j < T.n and T.k[j] in _INDEF:
            i = j + 1  # شبکه ای، سازمانی: indefinite, not a name
            continue
        # a name honoured by the head: دانشگاه شهید بهشتی، بیمارستان امام خمینی
        n_mod = 0
        k0 = j
        floor = j
        while True:
            tl, _ = T.match(L.titles, j, True)
            if not tl:
                break
            j += tl
        if j in pstart:
            j = pstart[j]
            n_mod = 6  # the name closes the chain, save a place after it (… امام خمینی تهران)
            floor = j
            if j < T.n and T.w[j] and T.k[j] in L.known:
                j += 1
        else:
            j = k0
        while j < T.n and n_mod < 6:
            if j in pstart and n_mod:
                break
            k = T.k[j] if T.w[j] else ""
            if k and n_mod == 0 and kind == "media" and k in _NUMBERS:
                j += 1  # شبکه سه
                n_mod += 1
                continue
            if k and k in L.heads and (n_mod or L.heads[k][0] == kind):
                j += 1  # کمیته فنی باشگاه… / شورای شهر
                n_mod += 1
                continue
            if k in _FIRST_ONLY and n_mod:
                break
            if j + 1 < T.n and T.k[j + 1] in _PLURAL:
                break  # برنامه های: a plural noun written apart
            if k == "و" and n_mod and j + 1 < T.n and (T.k[j - 1] + k + T.k[j + 1]) in L.known:
                j += 2  # سیستان و بلوچستان
                n_mod += 1
                continue
            if not _name_like(L, T, j, person=False) or _plural(T, j):
                if (k == "و" and n_mod and n_mod <= 2 and j + 1 < T.n
                        and _name_like(L, T, j + 1, person=False) and T.k[j + 1] not in L.heads):
                    j += 1
                    continue
                break
            j += 1
            n_mod += 1
        while j > max(first, floor) and T.k[j - 1] == "و":
            j -= 1
            n_mod -= 1
        # SOV: the noun right before a verb is mostly its object or preverb (… رسیدگی کند)
        if n_mod >= _VDROP and j > max(first, floor) and (_verb_next(L, T, j) or _object_next(T, j)):
            j -= 1
            n_mod -= 1
        if kind == "place" and n_mod > 2:
            i += ln
            continue
        # a known name at the start of the chain (وزارت بهداشت، شورای امنیت) ends it, save
        # for place / state names after it (وزارت خارجه آمریکا)
        if not minister and j - i <= 12:
            key, known_end = "", 0
            for x in range(i, j):
                key += T.k[x]
                if (key in L.known or key in L.entities) and x + 1 > first:
                    known_end = x + 1
            if known_end and known_end < j:
                e = known_end
                while e < j and (T.k[e] in L.known or L.entities.get(T.k[e], ("",))[0] == "place"):
                    e += 1
                j = e
                n_mod = j - first
        mods = [T.k[x] for x in range(first, j)]
        if head_key in _WEAK:
            inner = [x for x in range(first, j) if T.k[x] in L.heads and T.k[x] not in _WEAK]
            if inner:
                i = inner[0]  # گروه اقتصادی باشگاه خبرنگاران جوان -> the outlet
                continue
            if n_mod < 2:
                i += ln
                continue
        if head_key == compact("تیم") and mods and all(m in L.known or m in _OURS for m in mods):
            i += ln  # تیم ایران: the country, not a named team
            continue
        if (n_mod == 0 and not alone) or (mods and all(m in L.demonyms for m in mods)):
            i += ln
            continue
        if minister:
            if mods:
                out.append((first, j, kind))
        else:
            out.append((i, j, kind))
        i = j
    return out


_REPORT = {compact(w) for w in ("به گزارش", "به نقل از", "گزارش", "خبرنگار", "خبرنگاران")}
_REPORTER = {compact(w) for w in ("خبرنگار", "خبرنگاران")}
_REPORT_END = {"،", ",", "(", "-", ":", "؛", ".", "»", "/"}


def _fixed(L: _Lex, T: _Toks, taken: list[bool], raw: list[str]):
    """Well-known names (entities.tsv) and outlets named after a reporting cue
    (``به گزارش مهر،``، ``به نقل از ورزش سه،``، ``خبرنگار ایسنا،``)."""
    out = []
    sport = not L.sport.isdisjoint(T.k)
    cand = set(_flagged(T, 0b11000))  # entities, reporting cues
    i = 0
    while i < T.n:
        if taken[i] or not T.w[i] or i not in cand:
            i += 1
            continue
        fl = T.f[i]
        ln, val = T.match(L.entities, i) if fl & 0b1000 else (0, None)
        if (ln and not any(taken[i:i + ln]) and (val[1] != "sport" or sport)
                and not (i + ln < T.n and T.w[i + ln] and T.k[i + ln] in L.affixes)):
            out.append((i, i + ln, val[0]))
            i += ln
            continue
        ln, _ = T.match(_REPORT, i) if fl & 0b10000 else (0, None)
        if ln:
            j = i + ln
            if j < T.n and T.k[j] in _REPORTER:
                j += 1
            e = j
            while (e < T.n and e - j < 4 and T.w[e] and not taken[e]
                   and _name_like(L, T, e, person=False)):
                e += 1
            if (e == j and e + 1 < T.n and T.w[e] and not taken[e] and raw[e + 1] in _REPORT_END
                    and T.k[e] not in L.common and T.k[e] not in _AUX and len(T.k[e]) > 2):
                e += 1  # به گزارش مهر، : a one-word outlet may also be a common word
            if j < e and e < T.n and raw[e] in _REPORT_END:
                out.append((j, e, "media"))
                i = e
                continue
        i += 1
    return out


_HONORIFICS = {compact(w) for w in ("ع", "س", "ص", "ره", "عج", "قده", "رض")}


def _honorific(T: _Toks, raw: list[str], b: int) -> int:
    """Keep a religious honorific in the name: حضرت زینب (س)، امام خمینی (ره)."""
    if b + 2 < T.n and raw[b] == "(" and T.k[b + 1] in _HONORIFICS and raw[b + 2] == ")":
        return b + 3
    return b


_HEAD_OF = {compact(w) for w in ("رئیس‌جمهور", "رئیس‌جمهوری", "رییس‌جمهور", "رییس‌جمهوری", "نخست‌وزیر",
                                 "صدراعظم", "صدر اعظم", "دبیرکل", "ولیعهد", "سناتور")}


def _after_office(L: _Lex, T: _Toks, taken: list[bool], raw: list[str]) -> list[tuple[int, int]]:
    """``رئیس‌جمهور روحانی گفت``: one surname right after a bare head-of-state title."""
    out = []
    for i in _starts(T, _HEAD_OF):
        ln, _ = T.match(_HEAD_OF, i)
        if not ln:
            continue
        j = i + ln
        if j < T.n and not taken[j] and _person_word(L, T, j):
            e = _take_affixes(L, T, j + 1)
            if e >= T.n or not T.w[e] or _is_stop(L, T.k[e], True) or _verb_next(L, T, e) or T.k[e] in L.cues:
                out.append((j, e))
    return out


def _famous(L: _Lex, T: _Toks, taken: list[bool]) -> list[tuple[int, int]]:
    """Well-known persons named by surname alone (persons.tsv): ترامپ، لاوروف، مرکل."""
    out = []
    nxt = 0
    for i in _starts(T, L.famous):
        if i < nxt:
            continue
        ln, _ = T.match(L.famous, i)
        if (ln and not any(taken[i:i + ln]) and not (i > 0 and T.k[i - 1] in _DETERMINERS)
                and not (i + ln < T.n and T.w[i + ln] and T.k[i + ln] in L.affixes)):
            out.append((i, i + ln))
            for x in range(i, i + ln):
                taken[x] = True
            nxt = i + ln
    return out


def _cued(L: _Lex, T: _Toks, taken: list[bool]) -> list[tuple[int, int]]:
    """``به کارگردانی X``، ``شاگردان X``، ``به نام X``: a surname after a cue for a person."""
    out = []
    for i in _starts(T, L.person_cues):
        ln, _ = T.match(L.person_cues, i)
        if not ln:
            continue
        j = i + ln
        if j < T.n and not taken[j] and _person_word(L, T, j) and not T.match(L.titles, j, True)[0]:
            e = _surname(L, T, j, 2)
            if e > j and not any(taken[j:e]):
                out.append((j, e))
                for x in range(j, e):
                    taken[x] = True
    return out


def find_names(text: str) -> list[tuple[int, int, str]]:
    """Person, organisation and place names in raw ``text``: sorted (start, end, kind)."""
    if not text:
        return []
    L = _lex()
    T = _Toks(text)
    raw = [text[a:b] for a, b in zip(T.s, T.e)]
    persons = _persons(L, T)
    taken = [False] * T.n
    for a, b in persons:
        for x in range(a, b):
            taken[x] = True
    # each rule sees the tokens the earlier ones took (spans are taken as they are found)
    for rule in (lambda: _appositions(L, T, taken, raw), lambda: _famous(L, T, taken),
                 lambda: _after_office(L, T, taken, raw), lambda: _cued(L, T, taken),
                 lambda: _speakers(L, T, taken, raw), lambda: _lists(L, T, taken, raw, persons)):
        for a, b in rule():
            persons.append((a, b))
            for x in range(a, b):
                taken[x] = True
    # re-mentions: surnames (last non-affix token) of persons already found
    sur: set[str] = set()
    for a, b in persons:
        k = b
        while k - 1 > a and T.k[k - 1] in L.affixes:
            k -= 1
        sur.add("".join(T.k[k - 1:b]))
    orgs = _orgs(L, T, taken, persons)
    otk = list(taken)
    for a, b, _ in orgs:
        for x in range(a, b):
            otk[x] = True
    orgs += _fixed(L, T, otk, raw)
    persons = [(a, b) for a, b in persons if not any(oa <= a and b <= ob for oa, ob, _ in orgs)]
    otaken = list(taken)
    for a, b, _ in orgs:
        for x in range(a, b):
            otaken[x] = True
    if sur:
        surpre = set()
        for x in sur:
            surpre.update(x[:y] for y in range(1, len(x) + 1))
        for i in [i for i, k in enumerate(T.k) if k in surpre]:
            if otaken[i] or not T.w[i]:
                continue
            for w in (2, 1):
                if i + w <= T.n and not any(otaken[i:i + w]) and "".join(T.k[i:i + w]) in sur:
                    if all(_person_word(L, T, x) for x in range(i, i + w)):
                        persons.append((i, i + w))
                        for x in range(i, i + w):
                            otaken[x] = True
                    break
    persons = [(a, _honorific(T, raw, b)) for a, b in persons]
    spans = [(T.s[a], T.e[b - 1], "person") for a, b in persons if b > a]
    spans += [(T.s[a], T.e[b - 1], k) for a, b, k in orgs if b > a]
    # no overlaps: longer spans first, then text order
    kept: list[tuple[int, int, str]] = []
    for s0, e0, k0 in sorted(set(spans), key=lambda x: (x[0] - x[1], x[0])):
        if all(e0 <= s1 or s0 >= e1 for s1, e1, _ in kept):
            kept.append((s0, e0, k0))
    kept.sort()
    return kept
