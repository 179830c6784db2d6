"""kg.names.find_names on hand-written sentences: persons, organisations, places, offsets."""
from __future__ import annotations

import pytest

from kg.names import KINDS, find_names


def names(text: str) -> list[tuple[str, str]]:
    out = []
    for s, e, kind in find_names(text):
        assert 0 <= s < e <= len(text)
        assert kind in KINDS
        out.append((text[s:e], kind))
    return out


def persons(text: str) -> list[str]:
    return [n for n, k in names(text) if k == "person"]


def orgs(text: str) -> list[tuple[str, str]]:
    return [(n, k) for n, k in names(text) if k != "person"]


def test_empty():
    assert find_names("") == []
    assert find_names("   ") == []


@pytest.mark.parametrize("text, name", [
    ("آقای ظریف در این نشست حاضر بود.", "ظریف"),
    ("دکتر کامرانی امروز به تبریز رفت.", "کامرانی"),
    ("حجت‌الاسلام والمسلمین فلاحیان سخنرانی کرد.", "فلاحیان"),
    ("سردار سرتیپ پاسدار سیدمحمود رستمی فرمانده منطقه است.", "سیدمحمود رستمی"),
    ("آیت‌الله سید احمد موسوی در دیدار با مردم گفت", "سید احمد موسوی"),
    ("ژنرال مارتین در جلسه حضور نداشت.", "مارتین"),
])
def test_titles(text, name):
    assert persons(text) == [name]


@pytest.mark.parametrize("text, name", [
    ("محمدجواد ظریف با همتای روس خود دیدار کرد.", "محمدجواد ظریف"),
    ("محمد جواد ظریف با همتای روس خود دیدار کرد.", "محمد جواد ظریف"),
    ("در این دیدار ولادیمیر پوتین از توافق استقبال کرد.", "ولادیمیر پوتین"),
    ("به گفته جان کری این مذاکرات ادامه دارد.", "جان کری"),
    ("امانوئل مکرون به برلین سفر کرد.", "امانوئل مکرون"),
    ("اکبر هاشمی رفسنجانی در سال ۱۳۹۵ درگذشت.", "اکبر هاشمی رفسنجانی"),
    ("علی خامنه‌ای پیام داد.", "علی خامنه‌ای"),
    ("علی خامنه ای پیام داد.", "علی خامنه ای"),
    ("ناصر نبی پور در این مراسم شرکت داشت.", "ناصر نبی پور"),
    ("رفیع‌الله کریمی سخنگوی کمیسیون است.", "رفیع‌الله کریمی"),
])
def test_first_names(text, name):
    assert persons(text) == [name]


@pytest.mark.parametrize("text, expected", [
    # a surname that is also a word, vouched for by a first name and a reporting cue after it
    ("رضا شایسته در گفت‌وگو با خبرنگار ما گفت: شرایط خوب است.", ["رضا شایسته"]),
    ("علی شایسته گفت: شرایط خوب است.", ["علی شایسته"]),
    # no cue: a first name and a word
    ("علی شایسته این مقام است.", []),
    # a verb after the first name is no surname
    ("علی رفت و گفت که می‌آید.", []),
])
def test_a_cue_vouches_for_a_surname_that_is_also_a_word(text, expected):
    assert persons(text) == expected


def test_a_surname_cited_by_be_gofte():
    # «به گفته X،»: the one whose words these are
    assert persons("به گفته شاکری، خطبه‌های نماز جمعه کوتاه‌تر می‌شود.") == ["شاکری"]
    assert persons("به گفته کارشناسان، خطبه‌ها کوتاه‌تر می‌شود.") == []


@pytest.mark.parametrize("text", [
    "علی رغم این مشکلات کار ادامه یافت.",
    "پیمان صلح میان دو کشور امضا شد.",
    "امید به آینده در میان جوانان زیاد است.",
    "او جان خود را از دست داد.",
    "این پل ارتباطی میان دو شهر است.",
    "رضا در خانه نبود.",
    "به نام خدا آغاز می‌کنیم.",
])
def test_not_person(text):
    assert persons(text) == []


def test_apposition_and_speech_cue():
    assert persons("کوهستانی، وزیر کشاورزی، در این جلسه گفت که بودجه کافی است.") == ["کوهستانی"]
    assert persons("شمسایی با اشاره به کمبود آب افزود: باید صرفه‌جویی کرد.") == ["شمسایی"]
    assert persons("ایران با اشاره به این توافق گفت") == []  # a state is never a surname


def test_surname_remention():
    text = "حمید بیگلری به خبرنگاران گفت این طرح اجرا می‌شود. بیگلری افزود که بودجه آن تامین شده است."
    got = persons(text)
    assert got == ["حمید بیگلری", "بیگلری"]


def test_list_of_persons():
    text = "مهدی پاکدل، طاهرخانی و نوروزی در این فیلم بازی می‌کنند."
    assert persons(text) == ["مهدی پاکدل", "طاهرخانی", "نوروزی"]


@pytest.mark.parametrize("text, org", [
    ("وزارت امور خارجه روز دوشنبه بیانیه‌ای صادر کرد.", ("وزارت امور خارجه", "government_body")),
    ("سازمان انرژی اتمی ایران در این باره توضیح داد.", ("سازمان انرژی اتمی ایران", "organization")),
    ("نمایندگان مجلس شورای اسلامی به این طرح رای دادند.", ("مجلس شورای اسلامی", "government_body")),
    ("دانشگاه تهران در رتبه‌بندی جهانی بالا رفت.", ("دانشگاه تهران", "organization")),
    ("به گزارش خبرگزاری فارس، این جلسه برگزار شد.", ("خبرگزاری فارس", "media")),
    ("باشگاه پرسپولیس قرارداد او را تمدید کرد.", ("باشگاه پرسپولیس", "organization")),
    ("وزارت فرهنگ و ارشاد اسلامی مجوز را صادر کرد.", ("وزارت فرهنگ و ارشاد اسلامی", "government_body")),
])
def test_organisations(text, org):
    assert orgs(text) == [org]


@pytest.mark.parametrize("text", [
    "شرکت در این انتخابات وظیفه همه است.",
    "شرکت‌های خارجی به بازار بازگشتند.",
    "دولت ها باید پاسخگو باشند.",
    "یک شرکت آمریکایی این قرارداد را بست.",
])
def test_not_organisation(text):
    assert orgs(text) == []


def test_minister_field_and_place():
    assert orgs("وزیر نفت در این نشست گفت") == [("نفت", "government_body")]
    assert ("استان آذربایجان غربی", "place") in names("زلزله در استان آذربایجان غربی خسارت زد.")


def test_name_honoured_by_an_organisation():
    assert names("دانشگاه شهید بهشتی میزبان همایش است.") == [("دانشگاه شهید بهشتی", "organization")]


def test_raw_offsets_arabic_letters_and_zwnj():
    # Arabic ي/ك, ZWNJ and a kasra in the raw text: spans still index the raw string
    text = "به گزارش ايرنا، علي‌اكبر ولايتي با وزير خارجه ديدار كرد و دانشگاه تهران را ديد."
    got = find_names(text)
    spans = {text[s:e]: k for s, e, k in got}
    assert spans.get("علي‌اكبر ولايتي") == "person"
    assert spans.get("دانشگاه تهران") == "organization"
    text2 = "آقاي دكتر روحاني\u200c گفت"
    (s, e, k), = find_names(text2)
    assert k == "person" and text2[s:e].startswith("روحاني")


def test_digits_are_not_names():
    assert persons("آقای ۱۲۳ گفت") == []
    assert orgs("سازمان ۱۲ نفر را استخدام کرد") == []


def test_religious_honorifics():
    assert persons("حضرت زینب (س) الگوی صبر است.") == ["حضرت زینب (س)"]
    assert persons("حضرت آیت‌الله خامنه‌ای تاکید کردند") == ["خامنه‌ای"]
    assert persons("بسم الله الرحمن الرحیم") == []


def test_head_of_state_then_surname():
    assert persons("رئیس‌جمهور روحانی امروز به نیویورک رفت.") == ["روحانی"]


def test_reporting_cue_names_the_outlet():
    assert ("مهر", "media") in names("به گزارش خبرنگار مهر، این نشست برگزار شد.")
    assert ("ورزش سه", "media") in names("به نقل از ورزش سه، او قرارداد بست.")


def test_club_names_need_a_sport_context():
    assert ("استقلال", "organization") in names("سرمربی استقلال پس از بازی گفت")
    assert orgs("ملت برای استقلال کشور جنگید.") == []
    assert ("پرسپولیس", "organization") in names("پرسپولیس به مصاف حریف می‌رود.")


def test_places():
    assert ("سمنان", "place") in names("این طرح در سمنان اجرا می‌شود.")
    assert ("سیستان و بلوچستان", "place") in names("باران در سیستان و بلوچستان بارید.")


def test_common_noun_uses_of_heads():
    assert orgs("این دانشگاه رتبه خوبی دارد.") == []
    assert orgs("هیئت علمی دانشگاه جلسه داشت.") == []
    assert names("به گزارش گروه اقتصادی باشگاه خبرنگاران جوان، قیمت‌ها ثابت ماند.")[0] == (
        "باشگاه خبرنگاران جوان", "organization")
    assert orgs("نخست وزیر انگلیس گفت") == []


def test_speed_and_idempotence():
    import time

    text = "محمدجواد ظریف، وزیر امور خارجه، با سرگئی لاوروف در وزارت خارجه روسیه دیدار کرد. " * 200
    find_names(text)
    t0 = time.perf_counter()
    a = find_names(text)
    assert time.perf_counter() - t0 < 2.0
    assert a == find_names(text)
    assert sum(1 for _, _, k in a if k == "person") >= 400


def test_person_cues():
    assert persons("این فیلم به کارگردانی کیمیایی ساخته شد.") == ["کیمیایی"]
    assert persons("شاگردان قلعه‌نویی امروز تمرین کردند.") == ["قلعه‌نویی"]


def test_spans_never_overlap():
    text = ("به گزارش ایرنا، سردار سرتیپ پاسدار محمد باقری رئیس ستاد کل نیروهای مسلح و "
            "دکتر علی‌اکبر صالحی رئیس سازمان انرژی اتمی ایران در دانشگاه شهید بهشتی تهران "
            "با آقای مورینیو، سرمربی منچستر یونایتد، دیدار کردند. صالحی گفت")
    got = find_names(text)
    for (s1, e1, _), (s2, e2, _) in zip(got, got[1:]):
        assert e1 <= s2
    assert ("صالحی", "person") in names(text)


def test_known_name_ends_the_chain():
    assert orgs("این طرح در وزارت بهداشت شکل گرفته است.") == [("وزارت بهداشت", "government_body")]
    assert orgs("نیروی انتظامی در محل حاضر شد.") == [("نیروی انتظامی", "government_body")]


def test_two_first_names_and_a_piece_written_apart_are_first_name_and_surname():
    # «عیسی» and «حسن» are first names too; with «زاده» after them they are the surname
    for text, name in (("مهدی عیسی زاده عضو کمیسیون گفت", "مهدی عیسی زاده"),
                       ("علی حسن زاده عضو کمیسیون گفت", "علی حسن زاده")):
        assert [(text[a:b], k) for a, b, k in find_names(text)] == [(name, "person")]


def test_a_first_name_vouches_for_a_surname_that_is_also_a_word_in_an_apposition():
    text = "علی پارسا، مدیر مجموعه سعدآباد گفت: دیوار فرو ریخت."
    assert (0, 9, "person") in find_names(text)
