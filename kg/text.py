"""Text utilities: spelling folds with offsets that stay in the raw text, sentences, tokens.

Two normalizations live here:

* :func:`fold` — a *length-preserving* character fold (Arabic ي/ك → ی/ک, Arabic-Indic
  and Persian digits → Latin, soft hyphen and other joiners → ZWNJ, diacritics → tatweel
  placeholder...). Every offset in the folded string is the offset in the raw string, so
  the extractors run their patterns on the fold and report raw offsets for free. This
  is what the extraction pipeline uses (it is ~50 times faster than hazm).
* :func:`normalize` — hazm's :class:`~hazm.Normalizer` output together with an offset map
  back to the raw text (a linear-time aligner; hazm changes the length: it inserts and
  removes spaces and ZWNJ, drops diacritics, joins ``می``). Use it when a component needs
  hazm's normal form; map spans back with :meth:`Normalized.to_raw`.

Sentence splitting (:func:`sentences`) treats each line as a boundary (the headline is
always its own sentence), splits after ``. ! ? ؟`` (also when a closing quote ``»`` or
bracket follows them) and after a closing ``»`` that ends a quoted sentence.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

ZWNJ = "\u200c"

_FOLD_MAP = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه", "أ": "ا", "إ": "ا",
    "ٱ": "ا", "ؤ": "و", "ہ": "ه", "ھ": "ه", "ڪ": "ک",
    "\u00ad": ZWNJ, "\u200d": ZWNJ, "\u200b": ZWNJ, "\u2060": ZWNJ, "\ufeff": ZWNJ,
    "\u200e": ZWNJ, "\u200f": ZWNJ,
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\r": " ",
    "‏": ZWNJ,
}
for _a, _b in zip("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789"):
    _FOLD_MAP[_a] = _b
# Arabic diacritics and tatweel are kept as a ZWNJ so that patterns can skip them.
for _cp in list(range(0x064B, 0x0660)) + [0x0670, 0x0640]:
    _FOLD_MAP[chr(_cp)] = ZWNJ
_FOLD = str.maketrans(_FOLD_MAP)


# the characters the fold changes; a regex substitution of just those is several times
# faster than ``str.translate`` over the whole text (most characters stay as they are)
_FOLD_RE = re.compile("[" + "".join(re.escape(k) for k in _FOLD_MAP) + "]")


def _fold_char(m, _map=_FOLD_MAP):
    return _map[m.group()]


def fold(text: str) -> str:
    """Length-preserving spelling fold: ``len(fold(t)) == len(t)`` and offsets agree."""
    return _FOLD_RE.sub(_fold_char, text)


# ----------------------------------------------------------------------------- hazm

@dataclass(frozen=True)
class Normalized:
    """hazm-normalized text and, for each of its characters, the raw offset it came from."""

    raw: str
    text: str
    offsets: tuple  # offsets[i] = raw index of text[i]; len(offsets) == len(text) + 1

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalized text to a span of the raw text."""
        if start >= end:
            s = self.offsets[start]
            return s, s
        s = self.offsets[start]
        e = self.offsets[end - 1] + 1
        # a normalized character inserted by hazm (space, ZWNJ) maps onto its neighbour
        return s, max(e, s)


_SKIPPABLE = frozenset(" \u200c\u00ad\u200d\u200b\u200e\u200f\u0640\ufeff\n\r\t\u00a0")


@lru_cache(maxsize=1)
def _normalizer():
    from hazm import Normalizer  # lazy: hazm costs seconds and hundreds of MB

    return Normalizer()


def align(raw: str, norm: str) -> tuple:
    """Linear-time alignment of ``norm`` (an edit of ``raw`` by a normalizer) to ``raw``.

    Walks both strings once. Characters that agree after :func:`fold` are paired;
    separators (space, ZWNJ, tatweel, diacritics) present on one side only are
    insertions or deletions; a short lookahead (3 characters, confirmed by the next two)
    resynchronises after many-to-one edits (``...`` → ``…``); anything else is a
    substitution. Returns the raw offset of every normalized character, plus
    ``len(raw)`` as a sentinel.
    """
    out = []
    i = j = 0
    n, m = len(raw), len(norm)
    fr = fold(raw)
    fn = fold(norm)

    def agree(a, b, k=2):
        return fr[a:a + k] == fn[b:b + k] and a + k <= n and b + k <= m

    while j < m:
        if i >= n:
            out.append(n)
            j += 1
            continue
        a, b = fr[i], fn[j]
        if a == b:
            out.append(i)
            i += 1
            j += 1
        elif b in _SKIPPABLE:
            # hazm inserted a separator (or turned a space into ZWNJ)
            out.append(i)
            if a in _SKIPPABLE:
                i += 1
            j += 1
        elif a in _SKIPPABLE or unicodedata_is_mark(raw[i]):
            i += 1  # deleted in the normal form
        else:
            for k in (1, 2, 3):
                if agree(i + k, j):  # raw characters dropped
                    i += k
                    break
                if agree(i, j + k):  # normalized characters inserted
                    for _ in range(k):
                        out.append(i)
                    j += k
                    break
            else:
                out.append(i)  # substitution
                i += 1
                j += 1
    out.append(n)
    return tuple(out)


def unicodedata_is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M") or ch == "\u0640"


def normalize(raw: str) -> Normalized:
    """hazm normalization of ``raw`` with an offset map back into ``raw``."""
    norm = _normalizer().normalize(raw)
    return Normalized(raw, norm, align(raw, norm))


# ----------------------------------------------------------------------------- sentences

_LETTER = re.compile("[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]")
# end punctuation before white space, or glued to the next word («آغاز کرد.الاشعل گفت»,
# as old copy often has it: checked in code, the regex only finds the candidates); or a
# closing quote before the next sentence
_SENT_END = re.compile(r"[.!?؟]+(?:[»\"”)\]]*(?=\s)|(?=[\u0621-\u06CC]))|»(?=\s+[^\s.،,:؛])")


_WORD_BEFORE = re.compile(r"(?:^|[^\u0621-\u06CC])[\u0621-\u06CC]{3,}$")
_WORD_AFTER = re.compile(r"[\u0621-\u06CC]{3,}")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``: lines are boundaries, and so is end
    punctuation followed by white space (optionally after a closing quote) or glued
    between two Persian words. Leading and
    trailing white space is excluded; empty sentences are dropped."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        lstart = pos
        pos += len(line) + 1
        cut = 0
        for m in _SENT_END.finditer(line):
            e = m.end()
            if e < len(line) and not line[e].isspace() and m.group(0)[-1] in ".!?؟" and not (
                    _LETTER.match(line, e) and m.start() > 0 and _LETTER.match(line, m.start() - 1)
                    and (_WORD_BEFORE.search(line, 0, m.start()) or _WORD_AFTER.match(line, e))):
                continue  # glued only between two Persian words («3.5», «farsnews.ir» stay whole;
                # so do letter abbreviations «آر.ان.ای», «سی.ان.ان»)
            if m.group(0) == "»":
                # only a quote that closes a sentence-like stretch: it must have opened
                # near the line start or after a colon
                opened = line.rfind("«", cut, m.start())
                if opened < 0 or not _quote_is_sentence(line, cut, opened):
                    continue
                quoted = line[opened + 1:m.start()].rstrip()
                if len(quoted.split()) < 5 and not quoted.endswith((".", "!", "?", "؟")):
                    continue  # «فرانکو فراتینی» وزیر …: a quoted name, not quoted words
            _add(spans, text, lstart + cut, lstart + e)
            cut = e
        _add(spans, text, lstart + cut, lstart + len(line))
    return spans


def _quote_is_sentence(line: str, cut: int, opened: int) -> bool:
    before = line[cut:opened].rstrip()
    return not before or before.endswith((":", "؛")) or len(before.split()) <= 6 and before.endswith(("گفت", "افزود", "کرد", "كرد"))


def _add(spans, text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


# ----------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_TOKEN_FAST = re.compile(r"\w+", re.UNICODE)  # the same pieces when the text has no «_», and faster


def tokens(folded: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Word pieces (letters and digits) of a folded text; ZWNJ and spaces separate pieces."""
    rx = _TOKEN if "_" in folded else _TOKEN_FAST
    return [m.span() for m in rx.finditer(folded, start, len(folded) if end is None else end)]
