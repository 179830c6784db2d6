"""Lexicons and the gazetteer matcher, built once per process.

Files in ``data/lexicon/`` (team-written, tab-separated, ``#`` comments):

* ``triggers.tsv`` — reporting verbs and speech-act predicates with their type (all
  conjugations are generated in :mod:`kg.extract.triggers`);
* ``offices.tsv`` — office titles and bodies that combine with a country/organisation;
* ``pronouns.tsv`` — pronouns and anaphors (``وی``, ``این مقام``, ``این وزارتخانه``) and
  what they refer to;
* ``groups.tsv`` — collective actors (``طرفین``, ``جامعه بین‌المللی``);
* ``persons.tsv`` — well-known people often named by surname alone;
* ``ambiguous.tsv`` — gazetteer names that are also common words (need context);
* ``fallback_gazetteer.tsv`` — a minimal gazetteer used only for what ``kg.gazetteer``
  (owned elsewhere) does not provide.

The matcher works on word pieces of the folded text (:func:`kg.text.tokens`: letters
and digits; spaces and ZWNJ separate pieces). An entry's key is the concatenation of
its pieces' keys, so ``قرهباغ``, ``قره باغ`` and ``قره‌باغ`` are the same key; matches
always start and end on piece boundaries. Attached suffixes (``‌ها``, ``‌های``, ``ی``,
``‌ای``) are absorbed when the bare form is a key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from kg.text import fold, tokens


from ..paths import resource

LEXICON_DIR = resource("data", "lexicon")

# words that take a part of a collective: «برخی (از) مقامات», «بسیاری از رسانه‌ها»
QUANTIFIERS = ("برخی", "بسیاری", "تعدادی", "شماری", "گروهی", "جمعی", "اکثر", "اغلب", "عده‌ای", "عده ای")

_KEYFOLD = str.maketrans({"آ": "ا", "ء": "", "\u200c": "", " ": ""})


def piece_keys(folded: str, pieces) -> list:
    """Keys of all pieces of a folded text at once (fast path of :func:`key`)."""
    kf = folded.replace("آ", "ا").lower()  # the length-preserving part of key()
    if len(kf) != len(folded):
        return [key(folded[a:b]) for a, b in pieces]
    out = (_PIECE if "_" in kf else _PIECE_FAST).findall(kf)  # the pieces of the whole text (kg.text.tokens), at C speed
    if len(out) == len(pieces):  # (it is called with the pieces of the whole text)
        return [k.replace("ء", "") for k in out] if "ء" in kf else out
    return [kf[a:b].replace("ء", "") for a, b in pieces]


_PIECE = re.compile(r"[^\W_]+", re.UNICODE)  # kg.text.tokens' pattern
_PIECE_FAST = re.compile(r"\w+", re.UNICODE)  # the same without «_» in the text


def key(s: str) -> str:
    """Matching key of a folded piece (or phrase): same as ``kg.ids.compact`` on folds."""
    return fold(s).translate(_KEYFOLD).lower()


@lru_cache(maxsize=65536)
def phrase_key(s: str) -> str:
    f = fold(s)
    return "".join(key(f[a:b]) for a, b in tokens(f))


@dataclass(frozen=True)
class Entry:
    """A matchable entry (gazetteer row or lexicon row)."""

    id: str
    name: str
    kind: str
    country: str | None = None
    name_en: str | None = None
    qid: str | None = None
    role: str = "name"  # name|dem|cap|office|pronoun|group|person|trigger
    extra: tuple = ()


def _read_tsv(name: str):
    p = LEXICON_DIR / name
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [c.strip() for c in line.split("\t")]


def _none(x):
    return None if x in ("", "-", None) else x


@lru_cache(maxsize=1)
def gazetteer_entries() -> tuple:
    """(Entry, surface form) pairs from kg.gazetteer, supplemented by the fallback list."""
    out = []
    keys = set()
    # a broken gazetteer file raises (InputError naming the file and line): silently
    # extracting with a fraction of the actors would be worse than stopping
    from kg import gazetteer

    rows = gazetteer.load_entries()
    for r in rows:
        if r.kind == "office":
            continue
        for role, form in r.surface_forms():
            e = Entry(r.id, r.name_fa, r.kind, r.country, r.name_en, r.qid, role)
            out.append((e, form))
            keys.add(phrase_key(form))
    present_kinds = {r.kind for r in rows}
    for c in _read_tsv("fallback_gazetteer.tsv"):
        eid, fa, aliases, en, kind, cc, qid = (c + [""] * 7)[:7]
        forms = [fa] + [a for a in aliases.split("|") if _none(a)]
        for i, f in enumerate(forms):
            k = phrase_key(f)
            if k in keys:
                continue
            if kind in present_kinds and kind == "state":
                continue  # trust the real gazetteer's states
            role = "name"
            if kind == "state" and i > 0 and (f.endswith("ی") or f.endswith("ها")):
                role = "dem"
            out.append((Entry(eid, fa, kind, _none(cc), en, _none(qid), role), f))
    return tuple(out)


@lru_cache(maxsize=1)
def offices() -> tuple:
    return tuple((c[0], c[1], c[2], c[3]) for c in _read_tsv("offices.tsv"))


@lru_cache(maxsize=1)
def pronouns() -> dict:
    return {phrase_key(c[0]): c[1] for c in _read_tsv("pronouns.tsv")}


@lru_cache(maxsize=1)
def persons() -> tuple:
    out = []
    for c in _read_tsv("persons.tsv"):
        name, aliases, en, cc = (c + [""] * 4)[:4]
        e = Entry("", name, "person", _none(cc), en, None, "person")
        out.append((e, name))
        for a in aliases.split("|"):
            if _none(a):
                out.append((e, a))
    return tuple(out)


@lru_cache(maxsize=1)
def ambiguous() -> frozenset:
    """Keys of names that are also common words (need context)."""
    return frozenset(phrase_key(c[0]) for c in _read_tsv("ambiguous.tsv"))


@lru_cache(maxsize=1)
def groups() -> tuple:
    return tuple((Entry("", c[1], "group", None, None, None, "group"), c[0]) for c in _read_tsv("groups.tsv"))


def literal_scan(rx, s: str, literals, lo: int = 0, hi: int | None = None) -> list:
    """``rx.finditer(s)``'s matches, found faster: ``rx.match`` is tried only where one of
    ``literals`` stands (str.find), in text order, skipping positions inside an earlier
    match. Every match of ``rx`` must begin with one of ``literals``."""
    hi = len(s) if hi is None else hi
    pos = []
    for lit in literals:
        i = s.find(lit, lo, hi)
        while i >= 0:
            pos.append(i)
            i = s.find(lit, i + 1, hi)
    pos.sort()
    out, end = [], -1
    for p in pos:
        if p < end:
            continue
        m = rx.match(s, p, hi)
        if m is not None:
            out.append(m)
            end = max(m.end(), p + 1)
    return out


class Matcher:
    """Longest-match lookup of phrase keys over word pieces."""

    SUFFIXES = ("هایی", "های", "ها", "ای", "ی", "یان", "ان")
    SEP_SUFFIXES = {"ها", "های", "ای", "هایی", "ی"}

    def __init__(self, pairs, max_pieces: int = 8, suffixes: bool = True):
        self.table: dict[str, list] = {}
        self.prefixes: set[str] = set()
        self._starts: frozenset | None = None  # keys that may start a match (see find)
        self.max_pieces = max_pieces
        self.use_suffixes = suffixes
        if not suffixes:
            self.SEP_SUFFIXES = set()
        for payload, form in pairs:
            self.add(payload, form)
        self.suffixed: dict[str, tuple] = {}
        if suffixes:
            # attached suffixes («روسها», «آمریکاییها»): precomputed keys, no run-time cost
            for k in list(self.table):
                if len(k) < 4:
                    continue
                # «ی/ای/یان» make a demonym of a state, but of a city or region mostly a
                # surname («دزفولی», «شیرازی»): places take only the plural suffixes
                named = any(getattr(p, "role", "name") in ("name", "dem", "cap") and
                            getattr(p, "kind", "") not in ("person", "office", "pronoun", "place") for p in self.table[k])
                plural_group = all(getattr(p, "kind", "") == "group" for p in self.table[k]) and \
                    k.endswith(("ان", "ین", "ون"))
                for suf in self.SUFFIXES:
                    if not named and suf in ("ی", "ای", "یان") and not k.endswith("و"):
                        continue  # «کارشناسی», «رهبری» are not «کارشناس», «رهبر»; «سخنگوی» is «سخنگو»
                    if plural_group and suf in ("ی", "ای", "یان"):
                        continue  # «مهاجرانی» is a surname, not the migrants
                    ks = k + suf
                    if ks not in self.table and ks not in self.suffixed:
                        self.suffixed[ks] = (self.table[k], len(suf))
                        for i in range(len(k), len(ks)):
                            self.prefixes.add(ks[:i])

    def add(self, payload, form):
        self._starts = None
        k = phrase_key(form)
        if not k:
            return
        self.table.setdefault(k, []).append(payload)
        pre = self.prefixes
        for i in range(1, len(k)):
            pre.add(k[:i])

    def start_keys(self) -> frozenset:
        """Piece keys that may start a match: keys, their prefixes and suffixed keys."""
        if self._starts is None:
            self._starts = frozenset(self.prefixes) | frozenset(self.table) | frozenset(self.suffixed)
        return self._starts

    def find(self, pieces, pkeys, folded):
        """Yield (i, j, start, end, payloads): pieces[i:j] match; non-overlapping, longest first."""
        n = len(pieces)
        table, prefixes, suffixed = self.table, self.prefixes, self.suffixed
        out = []
        # only pieces that can start an entry (a key, a key's prefix or a suffixed key)
        starts = self.start_keys()
        cands = list(compress(range(n), map(starts.__contains__, pkeys)))  # C speed: no Python loop
        nxt = 0
        last = n - 1
        for i in cands:
            if i < nxt:
                continue
            pk = pkeys[i]
            if pk not in table and pk not in suffixed:
                # only a prefix («و», «در» start longer keys): most go no further than the
                # next piece, so test that pair before setting up the loop
                if i == last:
                    continue
                nk = pk + pkeys[i + 1]
                if nk not in prefixes and nk not in table and nk not in suffixed:
                    continue
            best = None
            acc = ""
            for j in range(i, min(n, i + self.max_pieces)):
                acc += pkeys[j]
                intable = acc in table
                insuf = not intable and acc in suffixed
                inpre = acc in prefixes
                if not (intable or insuf or inpre):
                    break  # most runs end here: test the keys before slicing the gap
                if j > i:
                    a, b = pieces[j - 1][1], pieces[j][0]
                    if b - a > 2 or (folded[a:b].strip(" \u200c-()") != ""):
                        break
                if intable:
                    best = (j + 1, pieces[j][1], table[acc])
                elif insuf:
                    pl, ls = suffixed[acc]
                    if len(pkeys[j]) > ls:  # the suffix is glued to the last word
                        best = (j + 1, pieces[j][1], pl)
                if not inpre:
                    break
            if best:
                j, end, payloads = best
                # a separated plural/ezafe suffix: «روس‌ها»
                if j < n and self.SEP_SUFFIXES and pkeys[j] in self.SEP_SUFFIXES and folded[pieces[j - 1][1]:pieces[j][0]] == "\u200c":
                    end = pieces[j][1]
                    j += 1
                out.append((i, j, pieces[i][0], end, payloads))
                nxt = j
        return out


@lru_cache(maxsize=1)
def actor_matcher() -> Matcher:
    pairs = []
    for e, f in gazetteer_entries():
        pairs.append((e, f))
    for e, f in persons():
        pairs.append((e, f))
    for e, f in groups():
        pairs.append((e, f))
    for form, canon, kind, scope in offices():
        pairs.append((Entry("", canon, kind, None, None, None, "office", (scope,)), form))
    m = Matcher(pairs)
    for form, ref in ((r[0], r[1]) for r in _read_tsv("pronouns.tsv")):
        m.add(Entry("", form, "pronoun", None, None, None, "pronoun", (ref,)), form)
    return m


def tokens_of(s: str):
    f = fold(s)
    return tokens(f)


@lru_cache(maxsize=1)
def word_stats() -> dict:
    """hazm's word list (frequency, POS tags), read from its data file without importing
    hazm (cheap); empty when hazm is not installed."""
    import importlib.util
    import os

    out: dict = {}
    try:
        spec = importlib.util.find_spec("hazm")
        if spec is None or not spec.origin:
            return out
        path = os.path.join(os.path.dirname(spec.origin), "data", "words.dat")
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                c = line.rstrip("\n").split("\t")
                if len(c) >= 3:
                    k = fold(c[0]).replace("\u200c", "").replace(" ", "")
                    f = int(c[1]) if c[1].isdigit() else 0
                    if k not in out or out[k][0] < f:
                        out[k] = (f, c[2])
    except OSError:
        pass
    return out


def looks_like_name(words) -> bool:
    """Could these 2–3 words be a person's name? The surname must not be a frequent
    common word, and no word may be an adverb, plural, number or the like."""
    ws = word_stats()
    if not words:
        return False
    keys = [fold(w).replace("\u200c", "") for w in words]
    for k in keys:
        f, tags = ws.get(k, (0, "0"))
        tags = tags.split(",")
        if any(t in tags for t in ("ADV", "PL", "V", "P", "CONJ", "PRO", "DET")):
            return False
        if any(t in tags for t in ("NUM", "CL")) and "N" not in tags:
            return False  # hazm tags some nouns NUM or CL too («مخبر», «حلب»): those may be names
    f, tags = ws.get(keys[-1], (0, "0"))
    return f < 200000


def load_all() -> None:
    """Read every resource file now (each is cached), so that a broken one raises its
    InputError here rather than inside the first article's extraction."""
    gazetteer_entries()
    actor_matcher()
