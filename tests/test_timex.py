"""kg.timex: explicit and relative dates in Persian news sentences (sentences written for
these tests)."""
from __future__ import annotations

import pytest

from kg.timex import find_dates, statement_date

PUB = "2007-01-15"  # a Monday; Jalali 1385-10-25


def only(text, published=PUB):
    found = find_dates(text, published)
    assert len(found) == 1, found
    s, e, iso = found[0]
    return text[s:e], iso


# ---------------------------------------------------------------- Gregorian
@pytest.mark.parametrize("text,span,iso", [
    ("سخنگوی دولت روز ۶ اوت ۲۰۲۲ در نشست خبری گفت", "۶ اوت ۲۰۲۲", "2022-08-06"),
    ("این بیانیه در 14 سپتامبر 2019 منتشر شد", "14 سپتامبر 2019", "2019-09-14"),
    ("نشست سران در ۳ ژانویهٔ ۲۰۱۰ برگزار شد", "۳ ژانویهٔ ۲۰۱۰", "2010-01-03"),
    ("قرارداد در ۲۲ فوریه‌ی سال ۲۰۱۴ میلادی امضا شد", "۲۲ فوریه‌ی سال ۲۰۱۴ میلادی", "2014-02-22"),
    ("او در اول ژوئیه ۲۰۱۵ به مسکو رفت", "اول ژوئیه ۲۰۱۵", "2015-07-01"),
    ("the talks of 6 August 2022 ended", "6 August 2022", "2022-08-06"),
    ("انتخابات ۲ مه ۲۰۱۹ برگزار شد", "۲ مه ۲۰۱۹", "2019-05-02"),
    ("تاریخ ۲۰۲۲-۰۸-۰۶ در سند آمده است", "۲۰۲۲-۰۸-۰۶", "2022-08-06"),
    ("در تاریخ 2021/03/05 اعلام شد", "2021/03/05", "2021-03-05"),
])
def test_gregorian_days(text, span, iso):
    assert only(text) == (span, iso)


def test_gregorian_month_precision():
    assert only("این توافق در نوامبر ۲۰۲۰ حاصل شد") == ("نوامبر ۲۰۲۰", "2020-11")
    assert only("او در دسامبر سال 2005 گفته بود") == ("دسامبر سال 2005", "2005-12")


def test_gregorian_without_year_takes_the_year_closest_to_publication():
    assert only("وی روز ۱۰ ژانویه به تهران آمد")[1] == "2007-01-10"
    assert only("وی روز ۲۸ دسامبر به تهران آمد")[1] == "2006-12-28"
    assert find_dates("وی روز ۱۰ ژانویه به تهران آمد", None) == []


# ---------------------------------------------------------------- Jalali
@pytest.mark.parametrize("text,span,iso", [
    ("وزیر خارجه ۲۵ دی ۱۳۸۵ گفت", "۲۵ دی ۱۳۸۵", "2007-01-15"),
    ("وزیر خارجه ۲۵ دي ماه ۱۳۸۵ گفت", "۲۵ دي ماه ۱۳۸۵", "2007-01-15"),
    ("روز دوشنبه ۲۵ دی‌ماه سال ۱۳۸۵ هجری شمسی اعلام شد", "دوشنبه ۲۵ دی‌ماه سال ۱۳۸۵ هجری شمسی", "2007-01-15"),
    ("این نامه در ۱۳۸۵/۱۰/۲۵ ثبت شد", "۱۳۸۵/۱۰/۲۵", "2007-01-15"),
    ("در 1399/7/23 گزارش شد", "1399/7/23", "2020-10-14"),
    ("در ۹۹/۷/۲۳ گزارش شد", "۹۹/۷/۲۳", "2020-10-14"),
    ("در ۱ فروردین ۱۴۰۰ آغاز شد", "۱ فروردین ۱۴۰۰", "2021-03-21"),
    ("در بیست و پنجم دی ۱۳۸۵ گفت", "بیست و پنجم دی ۱۳۸۵", "2007-01-15"),
    ("نشست ۲۵ دیماه ۸۵ در تهران", "۲۵ دیماه ۸۵", "2007-01-15"),
])
def test_jalali_days(text, span, iso):
    assert only(text) == (span, iso)


def test_jalali_month_precision_uses_the_15th():
    # Dey 1385 runs from 2006-12-22 to 2007-01-20; its 15th day is 2007-01-05
    assert only("او در دی‌ماه ۱۳۸۵ به ایروان سفر کرد") == ("دی‌ماه ۱۳۸۵", "2007-01")
    assert only("در مهر ماه ۹۹ گفته بود") == ("مهر ماه ۹۹", "2020-10")


def test_jalali_without_year_and_invalid_dates():
    assert only("سخنگو در ۲۳ دی گفت")[1] == "2007-01-13"
    assert only("این بیانیه ۵ بهمن صادر شد")[1] == "2007-01-25"  # nearest, a little ahead
    assert find_dates("در ۳۰ اسفند ۱۳۸۵ منتشر شد") != [(3, 18, "2007-03-21")]
    assert not any(iso.count("-") == 2 for _, _, iso in find_dates("در ۳۰ اسفند ۱۳۸۵"))


# ---------------------------------------------------------------- relative days
@pytest.mark.parametrize("text,span,iso", [
    ("سخنگوی وزارت خارجه امروز گفت", "امروز", "2007-01-15"),
    ("وزیر دفاع صبح امروز هشدار داد", "صبح امروز", "2007-01-15"),
    ("رئیس‌جمهور روز گذشته اعلام کرد", "روز گذشته", "2007-01-14"),
    ("او دیروز در مصاحبه گفت", "دیروز", "2007-01-14"),
    ("دیشب بیانیه‌ای منتشر شد", "دیشب", "2007-01-14"),
    ("وی پریروز گفته بود", "پریروز", "2007-01-13"),
    ("سفیر سه روز پیش احضار شد", "سه روز پیش", "2007-01-12"),
    ("سفیر ۴ روز قبل احضار شد", "۴ روز قبل", "2007-01-11"),
    ("وزیر خارجه روز شنبه گفت", "روز شنبه", "2007-01-13"),
    ("وزیر خارجه یکشنبه گفت", "یکشنبه", "2007-01-14"),
    ("وزیر خارجه یک‌شنبه شب گفت", "یک‌شنبه شب", "2007-01-14"),
    ("وزیر خارجه روز دوشنبه گفت", "روز دوشنبه", "2007-01-15"),
    ("وزیر خارجه دوشنبه گذشته گفت", "دوشنبه گذشته", "2007-01-08"),
    ("سه‌شنبه گذشته نشست برگزار شد", "سه‌شنبه گذشته", "2007-01-09"),
    ("عصر پنجشنبه بیانیه صادر شد", "عصر پنجشنبه", "2007-01-11"),
    ("جمعه شب حمله شد", "جمعه شب", "2007-01-12"),
])
def test_relative_days(text, span, iso):
    assert only(text) == (span, iso)


def test_relative_days_need_a_publication_date():
    assert find_dates("سخنگوی وزارت خارجه امروز گفت") == []
    assert find_dates("وزیر خارجه روز شنبه گفت", None) == []


@pytest.mark.parametrize("text", [
    "هفته گذشته وزیر خارجه به مسکو رفت",
    "سال گذشته نشست برگزار شد",
    "امروزه روابط دو کشور خوب است",
    "او در دوشنبه پایتخت تاجیکستان گفت",   # the city, not Monday
    "امام جمعه تهران گفت",                  # Friday prayer leader
    "وی ۱۲ می گوید که سفر کرده",             # a verb, not May
    "جبهه دوم خرداد بیانیه داد",             # a movement's name
    "یک روز قبل از سفر وزیر گفت",            # relative to the trip, not to publication
    "سخنگوی وزارت خارجه در نشست خبری گفت",
    "",
])
def test_no_date(text):
    assert find_dates(text, PUB) == []


def test_mixed_text_order_and_offsets():
    text = "وزیر خارجه روز شنبه گفت که توافق ۶ اوت ۲۰۲۲ و نامه ۱۳۸۵/۱۰/۲۵ معتبر است"
    found = find_dates(text, PUB)
    assert [iso for _, _, iso in found] == ["2007-01-13", "2022-08-06", "2007-01-15"]
    assert [text[s:e] for s, e, _ in found] == ["روز شنبه", "۶ اوت ۲۰۲۲", "۱۳۸۵/۱۰/۲۵"]
    assert all(b <= c for (_, b, _), (c, _, _) in zip(found, found[1:]))


def test_arabic_letters_and_digits():
    assert only("وزير خارجه ٢٥ دي ١٣٨٥ گفت")[1] == "2007-01-15"


# ---------------------------------------------------------------- statement_date
def test_statement_date():
    assert statement_date("وزیر خارجه روز گذشته اعلام کرد", PUB) == "2007-01-14"
    assert statement_date("وزیر خارجه ۶ اوت ۲۰۲۲ اعلام کرد", "2022-08-08") == "2022-08-06"
    assert statement_date("وزیر خارجه اعلام کرد", PUB) == PUB
    assert statement_date("وزیر خارجه اعلام کرد", None) is None
    assert statement_date("وزیر خارجه روز شنبه اعلام کرد", "not a date") is None
    # a statement cannot postdate its report: future dates are skipped
    assert statement_date("وزیر خارجه گفت فردا به مسکو می‌رود", PUB) == PUB
    assert statement_date("او گفت نشست ۲۰ ژانویه ۲۰۰۷ برگزار می‌شود و دیروز نامه داد", PUB) \
        == "2007-01-14"
    assert statement_date("او در نوامبر ۲۰۰۶ گفته بود", PUB) == "2006-11"


@pytest.mark.parametrize("text, iso", [
    ("در ۲۵ دی‌ماه ۱۳۹۸ گفت", "2020-01-15"),
    ("در ۲۵ ديماه ۱۳۹۸ گفت", "2020-01-15"),
    ("روز ‌شنبه گفت", "2010-05-01"),
    ("طی دو روز گذشته گفت", "2010-05-04"),
    ("در ۱۲ ژانویهٔ ۲۰۲۰ گفت", "2020-01-12"),
    ("در 12 JANUARY 2020 گفت", "2020-01-12"),
])
def test_the_quick_look_at_words_keeps_every_date_form(text, iso):
    # find_dates runs a pattern only when the text has the word it needs: spelling
    # variants, glued and ZWNJ-joined forms must still reach the pattern
    assert iso in [d for _, _, d in find_dates(text, "2010-05-05")]


def test_a_text_without_any_date_word_has_no_dates():
    assert find_dates("وزیر خارجه گفت که مذاکرات ادامه دارد", "2010-05-05") == []
