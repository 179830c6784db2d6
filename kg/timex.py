"""Dates in Persian news: explicit Gregorian and Jalali dates, and relative days.

``find_dates(text, published)`` returns ``(start, end, iso)`` triples, offsets into the
given text, in text order, never overlapping. ``iso`` is

- ``YYYY-MM-DD`` for a day: ``۶ اوت ۲۰۲۲``, ``25 دی 1385``, ``۱۳۸۵/۱۰/۲۵``,
  ``2022-08-06``, ``دوشنبه ۲۵ دی‌ماه ۸۵``, ``اول ژانویه``, ``دیروز``, ``روز شنبه``;
- ``YYYY-MM`` (ISO 8601 reduced precision) for a month without a day: ``نوامبر ۲۰۲۰``
  -> ``2020-11``. A Jalali month alone (``دی‌ماه ۱۳۸۵``) does not fall in one Gregorian
  month; it is given as the Gregorian month holding its 15th day (``2007-01``).

Bare years, weeks, months and seasons (``سال گذشته``, ``هفته گذشته``, ``ماه آینده``) are
too vague and are not returned.

Rules that need the article's date (``published``, ISO ``YYYY-MM-DD``; without it these
forms are skipped):

- a day and month without a year takes the year that puts the date closest to
  ``published`` (``۲۵ دی`` in an article of 1385-11-02 is 1385-10-25);
- ``امروز``, ``امشب``, ``صبح امروز`` = published; ``دیروز``, ``روز گذشته``,
  ``شب گذشته``, ``دیشب`` = published - 1; ``پریروز`` = published - 2; ``فردا`` = + 1;
  ``N روز پیش/قبل`` = published - N;
- a weekday (``شنبه`` … ``جمعه``, optionally with ``روز``, ``صبح``, ``ظهر``, ``عصر``,
  ``شب``, ``بامداد`` around it) is the most recent such weekday on or before
  ``published``; with ``گذشته`` (``شنبه گذشته``) it is strictly before ``published``
  (a week back when the article appeared on that weekday). Bare ``دوشنبه`` is also the
  capital of Tajikistan, so it needs ``روز`` or a time-of-day word to count.

Two-digit years: Jalali only (``۲۵ دی ۸۵``, ``۸۵/۱۰/۲۵``): 50–99 -> 13xx, 00–49 -> 14xx.
"""
from __future__ import annotations

import datetime as _dt
import re

import jdatetime

__all__ = ["find_dates", "statement_date"]

_DIGIT_MAP = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
D = "[0-9۰-۹٠-٩]"
SP = "[ \u00a0\u200c]"          # one separator: space, nbsp or ZWNJ
GAP = f"{SP}*"                  # may be glued: دی‌ماه, دیماه, دی ماه
WS = f"{SP}+"


def _fold(word: str) -> str:
    """Regex for a Persian word that accepts Arabic ي/ك, آ/ا and a space or ZWNJ inside."""
    out = []
    for ch in word:
        if ch == "ی":
            out.append("[یيى]")
        elif ch == "ک":
            out.append("[کك]")
        elif ch == "آ":
            out.append("[آا]")
        elif ch == " ":
            out.append(GAP)
        elif ch.isascii() and ch.isalpha():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alt(words: dict[str, int]) -> tuple[str, dict[str, int]]:
    keys = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(_fold(k) for k in keys) + ")", words


def _key(s: str) -> str:
    return re.sub(f"{SP}+", "", s).lower().replace("ي", "ی").replace("ى", "ی").replace("ك", "ک") \
        .replace("آ", "ا")


GREG_MONTHS = {
    "ژانویه": 1, "ژانویهٔ": 1, "ژانویه ی": 1, "ژانوئیه": 1, "جنوری": 1,
    "فوریه": 2, "فوریهٔ": 2, "فبروری": 2,
    "مارس": 3, "مارچ": 3,
    "آوریل": 4, "آپریل": 4, "اپریل": 4,
    "مه": 5, "مهٔ": 5, "می": 5, "مای": 5,
    "ژوئن": 6, "ژوین": 6, "جون": 6,
    "ژوئیه": 7, "ژوییه": 7, "ژوئیهٔ": 7, "جولای": 7,
    "اوت": 8, "آگوست": 8, "اگوست": 8, "آگست": 8,
    "سپتامبر": 9, "اکتبر": 10, "نوامبر": 11, "دسامبر": 12,
}
for _i, _n in enumerate(("january", "february", "march", "april", "may", "june", "july",
                         "august", "september", "october", "november", "december"), 1):
    GREG_MONTHS[_n] = _i
    GREG_MONTHS[_n[:3]] = _i
GREG_MONTHS["sept"] = 9
JAL_MONTHS = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5,
    "شهریور": 6, "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}
#: month names that are also common words (``می گوید``): only with a year
_GAMBIG = {"می", "مه", "مای", "جون"}
_GKEY = {_key(k): v for k, v in GREG_MONTHS.items()}
_JKEY = {_key(k): v for k, v in JAL_MONTHS.items()}

_ORD_UNITS = ["یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم"]
ORDINALS = {"اول": 1, "نخست": 1, "دهم": 10, "یازدهم": 11, "دوازدهم": 12, "سیزدهم": 13,
            "چهاردهم": 14, "پانزدهم": 15, "پونزدهم": 15, "شانزدهم": 16, "هفدهم": 17,
            "هفدهم": 17, "هجدهم": 18, "هیجدهم": 18, "نوزدهم": 19, "بیستم": 20,
            "سی ام": 30, "سی‌ام": 30, "سیام": 30}
for _i, _u in enumerate(_ORD_UNITS, 1):
    ORDINALS[_u] = _i
    ORDINALS[f"بیست و {_u}"] = 20 + _i
ORDINALS["سی و یکم"] = 31
_OKEY = {_key(k): v for k, v in ORDINALS.items()}

WEEKDAYS = {  # Python weekday(): Monday = 0
    "شنبه": 5, "یکشنبه": 6, "یک شنبه": 6, "دوشنبه": 0, "سه شنبه": 1, "سهشنبه": 1,
    "چهارشنبه": 2, "چهار شنبه": 2, "پنجشنبه": 3, "پنج شنبه": 3, "جمعه": 4,
}
_WKEY = {_key(k): v for k, v in WEEKDAYS.items()}

_GM, _ = _alt(GREG_MONTHS)
_JM, _ = _alt(JAL_MONTHS)
_ORD, _ = _alt(ORDINALS)
_WD, _ = _alt(WEEKDAYS)
_L = r"(?<![\w\u200c])"          # no letter or ZWNJ before
_R = r"(?![\w\u200c])"           # none after
_R_DIGIT = r"(?![0-9۰-۹٠-٩])"
_DAYNUM = f"(?P<d>{D}{{1,2}}){_R_DIGIT}(?:{GAP}(?:ام|م|ُم))?"
_DAYORD = f"(?P<o>{_ORD})"
_DAY = f"(?:{_DAYNUM}|{_DAYORD})"
_MAH = f"(?:{GAP}{_fold('ماه')})?"         # دی‌ماه, دی ماه
_EZ = f"(?:{GAP}[یي]|\u0654|\\.)?"              # ezafe: ژانویه‌ی, ژانویهٔ
_SAL = f"(?:{WS}{_fold('سال')})?"
_Y4 = f"(?P<y>{D}{{4}}){_R_DIGIT}"
_YJ = f"(?P<y>{D}{{4}}|{D}{{2}}){_R_DIGIT}"
_WDPRE = f"(?:{_WD}{SP}*[،,]?{WS})?"       # "دوشنبه ۲۵ دی" keeps the weekday in the span

# Explicit patterns, tried in this order (longest forms first); each has its own groups.
_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(f"{_L}(?P<y>{D}{{4}})-(?P<m>{D}{{1,2}})-(?P<d>{D}{{1,2}}){_R_DIGIT}")),
    ("ymd", re.compile(f"(?<![0-9۰-۹٠-٩/])(?P<y>{D}{{4}}|{D}{{2}})[/](?P<m>{D}{{1,2}})[/](?P<d>{D}{{1,2}})(?![0-9۰-۹٠-٩/])")),
    ("greg_dmy", re.compile(f"{_L}{_WDPRE}{_DAY}{WS}(?P<mn>{_GM}){_EZ}{_R}(?:{_SAL}{WS}{_Y4}(?:{WS}{_fold('میلادی')})?)?")),
    ("jal_dmy", re.compile(f"{_L}{_WDPRE}{_DAY}{WS}(?P<mn>{_JM}){_MAH}{_R}(?:{_SAL}{WS}{_YJ}(?:{WS}{_fold('هجری شمسی')}|{WS}{_fold('شمسی')})?)?")),
    ("greg_my", re.compile(f"{_L}(?P<mn>{_GM}){_EZ}{_R}{_SAL}{WS}{_Y4}")),
    ("jal_my", re.compile(f"{_L}(?P<mn>{_JM}){_MAH}{_R}{_SAL}{WS}(?P<y>{D}{{4}}){_R_DIGIT}")),
    # a two-digit year after a bare month is too often a count (``تیر ۱۲``): needs ``ماه``
    ("jal_my", re.compile(f"{_L}(?P<mn>{_JM}){GAP}{_fold('ماه')}{_R}{_SAL}{WS}(?P<y>{D}{{2}}){_R_DIGIT}")),
]

_TOD = "(?:" + "|".join(_fold(w) for w in ("صبح", "ظهر", "عصر", "شب", "بامداد", "سحرگاه",
                                            "اوایل", "امروز")) + ")"
_REL_WORDS = {
    "امروز": 0, "امشب": 0, "روز جاری": 0, "دیروز": -1, "دیشب": -1, "روز گذشته": -1,
    "شب گذشته": -1, "پریروز": -2, "فردا": 1,
}
_RELKEY = {_key(k): v for k, v in _REL_WORDS.items()}
_REL_RE = re.compile(f"{_L}(?:{_TOD}{WS})?(?P<w>" + "|".join(
    _fold(k) for k in sorted(_REL_WORDS, key=len, reverse=True)) + f"){_R}")
_NDAYS_RE = re.compile(f"{_L}(?P<n>{D}{{1,2}}|" + "|".join(_fold(w) for w in
                       ("یک", "دو", "سه", "چهار", "پنج", "شش", "هفت")) +
                       f"){WS}{_fold('روز')}{WS}(?:{_fold('پیش')}|{_fold('قبل')}){_R}"
                       f"(?!{WS}{_fold('از')}{_R})")  # "یک روز قبل از X" is relative to X
_NUMWORDS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7}
_WD_RE = re.compile(f"{_L}(?P<pre>(?:{_TOD}|{_fold('روز')}){WS})?(?P<wd>{_WD}){_R}"
                    f"(?P<post>{WS}(?:{_fold('گذشته')}|{_fold('شب')}|{_fold('صبح')}|"
                    f"{_fold('عصر')}|{_fold('ظهر')}|{_fold('بامداد')}){_R})?")


_FRIDAY_NOT = tuple(_key(w) for w in ("نماز", "امام", "خطیب", "ائمه", "خطبه", "خطبه های", "خطبه‌های"))


#: Jalali day-month phrases written as words that usually name a movement or event
_NAMED_DAYS = {(2, 3)}


def _int(s: str) -> int:
    return int(s.translate(_DIGIT_MAP))


def _jal_year(y: str) -> int:
    v = _int(y)
    if len(y) == 2:
        v += 1300 if v >= 50 else 1400
    return v


def _greg(y: int, m: int, d: int) -> _dt.date | None:
    if not 1800 <= y <= 2200:
        return None
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _jal(y: int, m: int, d: int) -> _dt.date | None:
    if not 1200 <= y <= 1500:
        return None
    try:
        return jdatetime.date(y, m, d).togregorian()
    except (ValueError, OverflowError):
        return None


def _pub(published: str | None) -> _dt.date | None:
    if not published:
        return None
    try:
        return _dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _closest(cands: list[_dt.date | None], pub: _dt.date) -> _dt.date | None:
    cands = [c for c in cands if c is not None]
    return min(cands, key=lambda c: (abs((c - pub).days), c > pub)) if cands else None


def _day(m: re.Match) -> int | None:
    if m.groupdict().get("d"):
        return _int(m.group("d"))
    if m.groupdict().get("o"):
        return _OKEY.get(_key(m.group("o")))
    return None


def _explicit(kind: str, m: re.Match, pub: _dt.date | None) -> str | None:
    g = m.groupdict()
    if kind == "iso":
        d = _greg(_int(g["y"]), _int(g["m"]), _int(g["d"]))
        return d.isoformat() if d else None
    if kind == "ymd":
        y, mo, dd = g["y"], _int(g["m"]), _int(g["d"])
        if len(y) == 4 and 1900 <= _int(y) <= 2100:
            d = _greg(_int(y), mo, dd)
        elif len(y) == 4 and 1200 <= _int(y) <= 1500 or len(y) == 2:
            d = _jal(_jal_year(y), mo, dd)
        else:
            d = None
        return d.isoformat() if d else None
    if kind == "greg_dmy":
        mo, dd = _GKEY[_key(g["mn"])], _day(m)
        if dd is None or (not g.get("y") and _key(g["mn"]) in _GAMBIG):
            return None
        if g.get("y"):
            d = _greg(_int(g["y"]), mo, dd)
        elif pub is not None:
            d = _closest([_greg(pub.year + k, mo, dd) for k in (-1, 0, 1)], pub)
        else:
            return None
        return d.isoformat() if d else None
    if kind == "jal_dmy":
        mo, dd = _JKEY[_key(g["mn"])], _day(m)
        if dd is None:
            return None
        if not g.get("y") and g.get("o") and (dd, mo) in _NAMED_DAYS:
            return None  # "دوم خرداد" names a political movement, not a date
        if g.get("y"):
            d = _jal(_jal_year(g["y"]), mo, dd)
        elif pub is not None:
            jy = jdatetime.date.fromgregorian(date=pub).year
            d = _closest([_jal(jy + k, mo, dd) for k in (-1, 0, 1)], pub)
        else:
            return None
        return d.isoformat() if d else None
    if kind == "greg_my":
        y = _int(g["y"])
        return f"{y:04d}-{_GKEY[_key(g['mn'])]:02d}" if 1800 <= y <= 2200 else None
    if kind == "jal_my":
        d = _jal(_jal_year(g["y"]), _JKEY[_key(g["mn"])], 15)
        return f"{d.year:04d}-{d.month:02d}" if d else None
    return None


# What each group of patterns cannot match without, so that one cheap look at the text's
# words decides which patterns run: a digit (iso, ymd, numeric days and years), a month
# name (alone, or glued to «ماه»), a relative day word, a weekday, «روز» (after a number).
_DIGIT = re.compile(D)
_WFOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "آ": "ا"})
_NONWORD = re.compile(r"[\W_]+")


def _words(ws) -> frozenset:
    out = set()
    for w in ws:
        k = w.translate(_WFOLD).lower()
        out.update(x for x in _NONWORD.split(k) if x)
        out.add(k.replace(" ", ""))
    return frozenset(out)


_ANCHOR_WORDS = {
    "gm": _words(GREG_MONTHS),
    "jm": _words(list(JAL_MONTHS) + [m + "ماه" for m in JAL_MONTHS]),
    "rel": _words(_REL_WORDS),
    "wd": _words(WEEKDAYS),
    "nw": _words(["روز"]),
}
_NEEDS = {"iso": "dg", "ymd": "dg", "greg_dmy": "gm", "greg_my": "gm", "jal_dmy": "jm", "jal_my": "jm"}


def _anchors(text: str) -> set:
    words = set(_NONWORD.split(text.translate(_WFOLD).lower()))
    have = {g for g, ws in _ANCHOR_WORDS.items() if not ws.isdisjoint(words)}
    if _DIGIT.search(text):
        have.add("dg")
    return have


def _free(spans: list[tuple[int, int, str]], s: int, e: int) -> bool:
    return all(e <= a or s >= b for a, b, _ in spans)


def find_dates(text: str, published: str | None = None) -> list[tuple[int, int, str]]:
    """Dates in ``text`` as ``(start, end, iso)``, in text order (see the module doc)."""
    if not text:
        return []
    pub = _pub(published)
    spans: list[tuple[int, int, str]] = []
    have = _anchors(text)
    if not have:
        return spans
    for kind, rx in _PATTERNS:
        if _NEEDS[kind] not in have:
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            while e > s and text[e - 1] in " \u00a0\u200c":
                e -= 1
            if not _free(spans, s, e):
                continue
            iso = _explicit(kind, m, pub)
            if iso:
                spans.append((s, e, iso))
    if pub is not None:
        for m in (_REL_RE.finditer(text) if "rel" in have else ()):
            if _free(spans, *m.span()):
                d = pub + _dt.timedelta(days=_RELKEY[_key(m.group("w"))])
                spans.append((m.start(), m.end(), d.isoformat()))
        for m in (_NDAYS_RE.finditer(text) if "nw" in have else ()):
            if _free(spans, *m.span()):
                n = m.group("n")
                k = _NUMWORDS.get(_key(n)) if not n.translate(_DIGIT_MAP).isdigit() else _int(n)
                if k:
                    spans.append((m.start(), m.end(), (pub - _dt.timedelta(days=k)).isoformat()))
        for m in (_WD_RE.finditer(text) if "wd" in have else ()):
            s, e = m.span()
            if not _free(spans, s, e):
                continue
            wd = _WKEY[_key(m.group("wd"))]
            post = _key(m.group("post") or "")
            if wd == 0 and not m.group("pre") and not post:
                continue  # bare دوشنبه may be the city
            if wd == 4 and not m.group("pre") and _key(text[max(0, s - 8):s]).endswith(_FRIDAY_NOT):
                continue  # نماز جمعه, امام جمعه: Friday prayer, not a date
            back = (pub.weekday() - wd) % 7
            if post == _key("گذشته") and back == 0:
                back = 7
            spans.append((s, e, (pub - _dt.timedelta(days=back)).isoformat()))
    spans.sort()
    return spans


def statement_date(sentence: str, published: str | None = None) -> str | None:
    """When a statement in ``sentence`` was made: its first explicit or relative date
    that is not after ``published`` (a statement cannot postdate its report: ``فردا``,
    ``next week's meeting on ...`` are skipped), else ``published`` (ISO date), else None.
    """
    p = _pub(published)
    for _, _, iso in find_dates(sentence, published):
        if p is None or iso <= p.isoformat()[:len(iso)]:
            return iso
    return p.isoformat() if p else None
