"""Spelling-insensitive keys and deterministic identifiers shared by every module.

``compact`` folds the spelling variation of Persian news (Arabic ي/ك, digits,
zero-width non-joiners, spaces, diacritics) so that ``قرهباغ``, ``قره باغ`` and
``قره‌باغ`` have one key. Identifiers built from it are stable for life.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
import unicodedata

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا",
                          "إ": "ا", "ٱ": "ا", "آ": "ا", "ؤ": "و"})


def compact(s: str | None) -> str:
    """Spelling-insensitive key: letters unified, no spaces, ZWNJ, marks or punctuation."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s).translate(_LETTERS).translate(_DIGITS).lower()
    return "".join(ch for ch in s if unicodedata.category(ch)[0] in "LN")


def short_hash(*parts: object, n: int = 12) -> str:
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return h[:n]


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(s: str) -> str:
    """ASCII slug for English names; empty when nothing ASCII is left."""
    return _SLUG.sub("-", s.lower()).strip("-")


@lru_cache(maxsize=65536)
def entity_id(kind: str | None, name: str | None, country: str | None = None) -> str:
    """Id of an entity that is not in the gazetteer: kind, country and a hash of its name key."""
    kind = kind or "actor"
    cc = (country or "xx").lower()
    return f"{kind}-{cc}-{short_hash(compact(name))}"
