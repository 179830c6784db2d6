"""The offline gazetteer: states, organizations, outlets, bodies, offices, places, groups.

Data lives in ``data/gazetteer/*.tsv`` (one file per kind, see its README). Every row is
one entity with the fixed columns ``id, name_fa, aliases, name_en, kind, country, qid,
source``. Aliases are separated by ``|``; an alias prefixed ``dem:`` is a demonym
(``dem:روسی``), one prefixed ``cap:`` a capital or seat used as a metonym
(``cap:مسکو``); plain aliases are names.

API::

    load_entries(path=None) -> list[Entry]      # cached; env BAYAN_DATA overrides the folder
    get(id) -> Entry | None
    by_country(code) -> list[Entry]
    state(code) -> Entry | None
    write_states(entries, path)                 # deterministic rewrite of states.tsv
    Gazetteer.default().find(text) -> list[Match]   # longest, non-overlapping matches

Matching is spelling-insensitive through :func:`kg.ids.compact` (Arabic ي/ك, ZWNJ,
spaces, digits, diacritics). No hazm import: this module is cheap to load.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .ids import compact

COLUMNS = ("id", "name_fa", "aliases", "name_en", "kind", "country", "qid", "source")
KINDS = ("state", "organization", "media", "government_body", "office", "place", "group",
         "person")
ROLES = ("dem", "cap")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_CC = re.compile(r"^[A-Z]{2}$")


def default_folder() -> Path:
    """The gazetteer folder: ``$BAYAN_DATA/gazetteer`` (or ``$BAYAN_DATA`` itself when it
    holds the TSV files), else ``data/gazetteer`` next to the package."""
    env = os.environ.get("BAYAN_DATA")
    if env:
        p = Path(env)
        return p / "gazetteer" if (p / "gazetteer").is_dir() else p
    from .paths import resource
    return resource("data", "gazetteer")


@dataclass(frozen=True)
class Entry:
    id: str
    name_fa: str
    aliases: tuple[str, ...]
    name_en: str
    kind: str
    country: str | None
    qid: str | None
    source: str

    def names(self) -> tuple[str, ...]:
        """The canonical Persian name and the plain (name) aliases."""
        out = [self.name_fa]
        out += [a for a in self.aliases if _role(a)[0] is None]
        return tuple(dict.fromkeys(out))

    def demonyms(self) -> tuple[str, ...]:
        return tuple(s for r, s in map(_role, self.aliases) if r == "dem")

    def capitals(self) -> tuple[str, ...]:
        return tuple(s for r, s in map(_role, self.aliases) if r == "cap")

    def surface_forms(self) -> tuple[tuple[str, str], ...]:
        """Every (role, form) pair: role is ``name``, ``dem`` or ``cap``."""
        out = [("name", n) for n in self.names()]
        out += [("dem", d) for d in self.demonyms()]
        out += [("cap", c) for c in self.capitals()]
        return tuple(out)


def _role(alias: str) -> tuple[str | None, str]:
    head, sep, rest = alias.partition(":")
    if sep and head in ROLES:
        return head, rest
    return None, alias


# --------------------------------------------------------------------------- reading
def _parse_file(path: Path) -> list[Entry]:
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"gazetteer file is not UTF-8 (byte {e.start})", name) from None
    except OSError as e:
        raise InputError(f"cannot read gazetteer file: {e.strerror or e}", name) from None
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r").split("\t") != list(COLUMNS):
        raise InputError("first line must be the header " + "\\t".join(COLUMNS), name, 1)
    out: list[Entry] = []
    for i, raw in enumerate(lines[1:], 2):
        raw = raw.rstrip("\r")
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) != len(COLUMNS):
            raise InputError(f"expected {len(COLUMNS)} tab-separated columns "
                             f"({', '.join(COLUMNS)}), found {len(cells)}", name, i)
        eid, fa, aliases, en, kind, country, qid, source = (c.strip() for c in cells)
        if not eid:
            raise InputError("empty id", name, i)
        if not fa:
            raise InputError(f"{eid}: empty name_fa", name, i)
        if kind not in KINDS:
            raise InputError(f"{eid}: unknown kind {kind!r} (one of {', '.join(KINDS)})", name, i)
        if country and not _CC.match(country):
            raise InputError(f"{eid}: country must be an ISO 3166-1 alpha-2 code, got "
                             f"{country!r}", name, i)
        if qid and not _QID.match(qid):
            raise InputError(f"{eid}: qid must look like Q123, got {qid!r}", name, i)
        als = tuple(a.strip() for a in aliases.split("|") if a.strip()) if aliases else ()
        for a in als:
            head, sep, rest = a.partition(":")
            if sep and head.isascii() and head not in ROLES:
                raise InputError(f"{eid}: unknown alias role {head!r} in {a!r} "
                                 f"(known: {', '.join(ROLES)})", name, i)
            if sep and head in ROLES and not rest.strip():
                raise InputError(f"{eid}: empty alias after {head}:", name, i)
        out.append(Entry(eid, fa, als, en, kind, country or None, qid or None, source))
    return out


def _line_of(path: Path, eid: str, nth: int) -> int | None:
    """The line number of the nth row of ``path`` whose id column is ``eid``."""
    seen = 0
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if line.split("\t", 1)[0] == eid:
                seen += 1
                if seen == nth:
                    return i
    return None


@lru_cache(maxsize=8)
def _load(folder: str) -> tuple[Entry, ...]:
    p = Path(folder)
    files = [p] if p.is_file() else sorted(p.glob("*.tsv"))
    if not files:
        raise InputError("no gazetteer .tsv files here (set BAYAN_DATA to the data folder)",
                         str(p))
    out: list[Entry] = []
    seen: dict[str, tuple] = {}
    for f in files:
        for e in _parse_file(f):
            if e.id in seen:
                first, line = seen[e.id]
                raise InputError(f"duplicate id {e.id!r} (first in {first}:{line}); ids must be "
                                 "unique across the gazetteer", str(f), _line_of(f, e.id, 2 if first == str(f) else 1))
            seen[e.id] = (str(f), _line_of(f, e.id, 1))
            out.append(e)
    return tuple(out)


def load_entries(path: str | Path | None = None) -> list[Entry]:
    """Every entry of the gazetteer folder (or of one TSV file). Cached per path."""
    folder = Path(path) if path is not None else default_folder()
    return list(_load(str(folder.resolve())))


@lru_cache(maxsize=8)
def _index(folder: str) -> dict[str, Entry]:
    return {e.id: e for e in _load(folder)}


def _folder(path) -> str:
    return str((Path(path) if path is not None else default_folder()).resolve())


def get(eid: str, path: str | Path | None = None) -> Entry | None:
    return _index(_folder(path)).get(eid)


def by_country(code: str, path: str | Path | None = None) -> list[Entry]:
    code = (code or "").upper()
    return [e for e in _load(_folder(path)) if e.country == code]


def state(code: str, path: str | Path | None = None) -> Entry | None:
    e = get((code or "").upper(), path)
    return e if e is not None and e.kind == "state" else None


def clear_cache() -> None:
    _load.cache_clear()
    _index.cache_clear()
    Gazetteer._default = None


# --------------------------------------------------------------------------- writing
def _cell(s: str | None) -> str:
    s = s or ""
    if any(c in s for c in "\t\n\r"):
        raise ValueError(f"tab or newline inside a gazetteer cell: {s!r}")
    return s


def format_row(e: Entry) -> str:
    return "\t".join(_cell(x) for x in (e.id, e.name_fa, "|".join(e.aliases), e.name_en,
                                          e.kind, e.country, e.qid, e.source))


def write_entries(entries: Iterable[Entry], path: str | Path) -> None:
    """Write entries (sorted by id) as a gazetteer TSV, atomically."""
    path = Path(path)
    rows = sorted(entries, key=lambda e: e.id)
    text = "\t".join(COLUMNS) + "\n" + "".join(format_row(e) + "\n" for e in rows)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    clear_cache()


def write_states(entries: Iterable[Entry], path: str | Path | None = None) -> None:
    """Rewrite states.tsv deterministically (sorted by id); only ``state`` entries."""
    path = Path(path) if path is not None else default_folder() / "states.tsv"
    entries = list(entries)
    bad = [e.id for e in entries if e.kind != "state"]
    if bad:
        raise ValueError(f"write_states got non-state entries: {', '.join(bad[:5])}")
    write_entries(entries, path)


# --------------------------------------------------------------------------- matching
@dataclass(frozen=True)
class Match:
    """A gazetteer entry found in a text: ``text[start:end]`` is the surface form."""

    start: int
    end: int
    text: str
    entry: Entry
    role: str  # "name", "dem" (demonym) or "cap" (capital / seat as metonym)


def _keyed(text: str) -> tuple[str, list[int]]:
    """compact() of ``text`` plus, for each kept character, its offset in ``text``."""
    chars: list[str] = []
    offs: list[int] = []
    for i, ch in enumerate(text):
        k = compact(ch)
        for c in k:
            chars.append(c)
            offs.append(i)
    return "".join(chars), offs


_BREAKS = set("\n\r\t،؛:.!?؟«»\"'[]{}")


def _joins(ch: str) -> bool:
    """True when ``ch`` continues a word: a letter, digit, mark or ZWNJ."""
    return ch == "\u200c" or unicodedata.category(ch)[0] in "LNM"


#: Surface forms that are also common words or names (``مالی`` Mali / "financial",
#: ``غرب`` the West / "west of", ``امیر`` emir / a first name). ``find`` skips them
#: unless asked (``ambiguous=True``); ``lookup`` always answers. Keys are compact().
AMBIGUOUS = frozenset(compact(w) for w in (
    "مالی", "چک", "چکی", "غرب", "امیر", "شاه", "پرو", "ایلات", "جنین", "صور", "فضولی",
    "افغانی", "توگو", "هندو", "ملکه", "والی",
))


class Gazetteer:
    """Surface-form lookup over all entries: ``find`` returns longest non-overlapping
    matches that start and end on word boundaries of the raw text (a ZWNJ is not a
    boundary: ``روسیه‌ای`` does not match ``روسیه``). Forms that compact() to digits
    only (``۵+۱``) are never matched; forms in :data:`AMBIGUOUS` only on request."""

    _default: "Gazetteer | None" = None

    def __init__(self, entries: Iterable[Entry]):
        self.entries = list(entries)
        self.by_id = {e.id: e for e in self.entries}
        self.forms: dict[str, list[tuple[Entry, str]]] = {}
        for e in self.entries:
            for role, form in e.surface_forms():
                k = compact(form)
                if k and not k.isdigit():
                    lst = self.forms.setdefault(k, [])
                    if all(x[0].id != e.id for x in lst):
                        lst.append((e, role))
        self.max_len = max((len(k) for k in self.forms), default=0)

    @classmethod
    def default(cls) -> "Gazetteer":
        if cls._default is None:
            cls._default = cls(load_entries())
        return cls._default

    def get(self, eid: str) -> Entry | None:
        return self.by_id.get(eid)

    def lookup(self, name: str) -> list[tuple[Entry, str]]:
        """Entries (with role) having exactly this surface form, spelling-insensitively."""
        return list(self.forms.get(compact(name), []))

    def find(self, text: str, kinds: Iterable[str] | None = None,
             ambiguous: bool = False) -> list[Match]:
        """Longest non-overlapping matches in ``text``, in text order; a form naming
        several entries gives one Match per entry (same span)."""
        kinds = set(kinds) if kinds else None
        key, offs = _keyed(text)
        out: list[Match] = []
        i, n = 0, len(key)
        while i < n:
            s = offs[i]
            if s > 0 and _joins(text[s - 1]):
                i += 1
                continue
            hit = None
            for j in range(min(n, i + self.max_len), i, -1):
                cands = self.forms.get(key[i:j])
                if not cands or (not ambiguous and key[i:j] in AMBIGUOUS):
                    continue
                e_end = offs[j - 1] + 1
                while e_end < len(text) and unicodedata.category(text[e_end]) == "Mn":
                    e_end += 1  # keep trailing diacritics (hamza, kasra) inside the match
                if e_end < len(text) and _joins(text[e_end]):
                    continue
                if any(c in _BREAKS for c in text[s:e_end]):
                    continue  # a name does not run across a sentence or clause break
                if text.count("(", s, e_end) > text.count(")", s, e_end):
                    if text[e_end:e_end + 1] != ")":
                        continue
                    e_end += 1  # "خبرگزاری اسلامی (نبا)" keeps its closing bracket
                if kinds:
                    cands = [c for c in cands if c[0].kind in kinds]
                    if not cands:
                        continue
                hit = (j, e_end, cands)
                break
            if hit is None:
                i += 1
                continue
            j, e_end, cands = hit
            for entry, role in cands:
                out.append(Match(s, e_end, text[s:e_end], entry, role))
            i = j
        return out
