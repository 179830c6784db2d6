"""Round 2: kg.names persons as actors, venues are not locations, Brussels/X/The Hague,
find_entities as the union with kg.names. Sentences written for these tests."""
from kg.article import Article
from kg.extract import extract_document, find_entities

from extract_helpers import by_trigger, run


def doc(text, outlet="خبرگزاری فارس"):
    return extract_document(Article(id="t", text=text, outlet=outlet), ("outlets", "actors"))


def test_names_person_next_to_office_is_one_person_with_its_country():
    text = ("عنوان خبر\n"
            "وزیر خارجه پرو، خاویر کاستیو، گفت که مذاکرات ادامه دارد.\n"
            "کاستیو افزود که توافق نزدیک است.")
    sts = run(text)
    a, b = by_trigger(sts, "گفت")[0], by_trigger(sts, "افزود")[0]
    assert a["speaker"]["name"] == "خاویر کاستیو" and a["speaker"]["country"] == "PE"
    assert b["speaker"]["name"] == "خاویر کاستیو"


def test_surname_alone_is_the_full_name_found_elsewhere():
    text = ("کیانفر: صادرات بیشتر می‌شود\n"
            "بهرام کیانفر در جمع خبرنگاران گفت که صادرات بیشتر می‌شود.")
    sts = run(text)
    assert {s["speaker"]["name"] for s in sts} == {"بهرام کیانفر"}


def test_arabic_name_chain_is_not_cut_at_bin():
    d = doc("خالد بن سلمان آل سعود در ریاض گفت که گفت‌وگوها ادامه دارد.")
    names = [m.entity.name for m in d.mentions if m.entity.kind == "person"]
    assert not any(n.endswith(("بن", "آل")) for n in names)


def test_first_name_before_a_plural_noun_is_no_person_target():
    text = ("عنوان خبر\n"
            "وزیر خارجه ایران گفت که جبران خسارات وارد شده ضروری است.")
    st = by_trigger(run(text), "گفت")[0]
    assert all(t["kind"] != "person" for t in st["targets"])


def test_venue_capital_is_not_a_location():
    text = ("عنوان خبر\n"
            "سرگئی لاوروف، وزیر خارجه روسیه، روز جمعه در نشست خبری در مسکو درباره وضعیت قره‌باغ هشدار داد.")
    st = by_trigger(run(text), "هشدار داد")[0]
    assert [l["mention"] for l in st["locations"]] == ["قره‌باغ"]


def test_venue_city_and_trip_are_not_locations_but_topics_are():
    text = ("عنوان خبر\n"
            "وزیر خارجه ترکیه در آنکارا از سیاست‌های آمریکا در سوریه انتقاد کرد.\n"
            "دبیرکل سازمان ملل در حاشیه نشست مجمع عمومی در نیویورک از طرفین خواست آتش‌بس را رعایت کنند.\n"
            "وزیر خارجه آلمان در سفر به بغداد از درگیری‌ها در قره‌باغ ابراز نگرانی کرد.")
    sts = run(text)
    assert [l["mention"] for l in by_trigger(sts, "انتقاد کرد")[0]["locations"]] == ["سوریه"]
    assert by_trigger(sts, "خواست")[0]["locations"] == []
    assert [l["mention"] for l in by_trigger(sts, "ابراز نگرانی کرد")[0]["locations"]] == ["قره‌باغ"]


def test_speaker_apposition_country_is_not_a_location():
    text = ("عنوان خبر\n"
            "لاوروف، وزیر امور خارجه روسیه، در سوچی گفت که آمریکا مسئول است.")
    st = by_trigger(run(text), "گفت")[0]
    assert st["locations"] == [] and all(t["country"] != "RU" for t in st["targets"])


def test_brussels_is_the_eu_in_european_context_else_belgium():
    d = doc("گفت‌وگوهای آنکارا و بروکسل درباره عضویت در اتحادیه اروپا ادامه دارد.")
    m = [x for x in d.mentions if x.text == "بروکسل"][0]
    assert m.entity.name == "اتحادیه اروپا" and m.entity.kind == "organization"
    d = doc("قطار سریع میان آمستردام و بروکسل راه‌اندازی شد.")
    m = [x for x in d.mentions if x.text == "بروکسل"][0]
    assert m.entity.country == "BE"


def test_x_platform_is_an_outlet():
    text = ("عنوان خبر\n"
            "وزیر خارجه ایران در ایکس نوشت که آمریکا مسئول است.\n"
            "سخنگوی وزارت خارجه آمریکا در شبکه اجتماعی ایکس از روسیه انتقاد کرد.")
    sts = run(text)
    assert [o["name"] for o in by_trigger(sts, "نوشت")[0]["outlets"]][-1] == "ایکس"
    assert [o["name"] for o in by_trigger(sts, "انتقاد کرد")[0]["outlets"]][-1] == "ایکس"
    assert all(s["speaker"]["name"] != "ایکس" for s in sts)


def test_hague_court_is_an_organisation_not_the_netherlands():
    d = doc("اوکراین به دادگاه لاهه شکایت کرد و دیوان بین‌المللی دادگستری آن را پذیرفت.")
    got = {(x.text, x.entity.kind) for x in d.mentions}
    assert ("دادگاه لاهه", "organization") in got
    assert ("دیوان بین‌المللی دادگستری", "organization") in got
    assert all(x.entity.country != "NL" for x in d.mentions)


def test_find_entities_unions_names_and_gazetteer():
    text = "بهرام کیانفر و وزیر خارجه فرانسه در دانشگاه علامه طباطبایی درباره ایران گفت‌وگو کردند."
    got = {(text[s:e], k) for s, e, k in find_entities(text)}
    assert ("بهرام کیانفر", "person") in got
    assert ("ایران", "state") in got
    ents = sorted(find_entities(text))
    assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:]))  # no overlaps


def test_benevesht_outlet_is_attribution_when_another_actor_speaks():
    text = ("عنوان خبر\n"
            "به نوشته گاردین، وزیر خارجه انگلیس گفت که مذاکرات ادامه دارد.")
    sts = run(text)
    assert [s["speaker"]["kind"] for s in sts] == ["person"]
    assert [o["name"] for o in sts[0]["outlets"]][-1] == "گاردین"


def test_title_before_an_organisation_named_after_a_person_is_the_office_holder():
    text = ("عنوان خبر\n"
            "مدیرکل بنیاد خیریه امام رضا استان فارس گفت که کمک‌ها افزایش یافت.")
    st = by_trigger(run(text), "گفت")[0]
    assert st["speaker"]["kind"] == "person"
    assert st["speaker"]["mention"].startswith("مدیرکل") and st["speaker"]["name"] != "امام رضا"


def test_interjection_ending_in_allah_is_no_person():
    from kg.names import find_names

    text = "انشاالله ثبات اقتصادی برقرار شود."
    assert [k for s, e, k in find_names(text) if k == "person"] == []


def test_adjective_after_a_plural_noun_is_no_person():
    d = doc("کارشناسان گفتند که از گونه‌های نادر جنگلی در این منطقه حفاظت می‌شود.")
    assert all(m.entity.kind != "person" for m in d.mentions)


def test_outlet_source_phrase_lends_no_subject_to_the_next_act():
    text = ("عنوان خبر\n"
            "به نوشته گاردین، بازرسان آژانس بین‌المللی انرژی اتمی اعلام کردند که ایران همکاری کرده است.")
    st = by_trigger(run(text), "اعلام کردند")[0]
    assert st["speaker"]["kind"] != "media"


def test_trigger_word_with_a_plural_possessive_suffix_is_a_noun():
    text = ("عنوان خبر\n"
            "وزیر خارجه ایران گفت که هر دیپلمات باید در گفته‌هایش دقت کند.")
    assert [s["trigger"]["text"] for s in run(text)] == ["گفت"]


def test_member_or_spokesman_of_a_body_is_a_person_not_the_body():
    text = ("عنوان خبر\n"
            "عضو مجلس خبرگان رهبری افزود که مردم هوشیار هستند.\n"
            "سخنگوی شورای نگهبان گفت که انتخابات سالم بود.")
    sts = run(text)
    a, b = by_trigger(sts, "افزود")[0], by_trigger(sts, "گفت")[0]
    assert a["speaker"]["kind"] == "person" and a["speaker"]["mention"] == "عضو مجلس خبرگان رهبری"
    assert b["speaker"]["kind"] == "person" and b["speaker"]["country"] == "IR"


def test_spokesman_of_a_parliament_committee_is_a_person_not_the_parliament():
    text = ("عنوان خبر\n"
            "سخنگوی کمیسیون برنامه و بودجه مجلس، تأکید کرد که یارانه‌ها حذف نمی‌شود.")
    st = by_trigger(run(text), "تأکید کرد")[0]
    assert st["speaker"]["kind"] == "person"
    assert st["speaker"]["mention"] == "سخنگوی کمیسیون برنامه و بودجه مجلس"
