"""Round 5: unnamed sources and collectives with a demonym, and the event a statement
reacts to. Sentences written for these tests."""
from extract_helpers import by_trigger, run, statement


def names(ms):
    return [m["mention"] for m in ms]


def test_sources_with_a_demonym_are_a_group_of_that_state():
    st = statement("منابع اردنی امروز خبر دادند که دو روستا تخلیه شد.", "خبر دادند")
    assert st["speaker"]["mention"] == "منابع اردنی"
    assert st["speaker"]["kind"] == "group" and st["speaker"]["country"] == "JO"


def test_bare_sources_without_a_demonym_are_no_speaker():
    assert run("منابع گفتند که دو روستا تخلیه شد.") == []


def test_soldiers_with_a_demonym_are_a_target():
    st = statement("یک پزشک لبنانی گفت سربازان کانادایی به درمانگاه حمله کردند.", "گفت")
    assert st["speaker"]["mention"] == "یک پزشک لبنانی" and st["speaker"]["country"] == "LB"
    assert names(st["targets"]) == ["سربازان کانادایی"]
    assert st["targets"][0]["kind"] == "group" and st["targets"][0]["country"] == "CA"


def test_an_unnamed_expert_is_a_speaker():
    st = statement("یک کارشناس سیاسی خبر داد که مذاکرات دو طرف به نتیجه رسید.", "خبر داد")
    assert st["speaker"]["mention"] == "یک کارشناس سیاسی"
    assert st["speaker"]["kind"] == "person" and st["speaker"]["country"] is None


def test_local_residents_are_a_speaker():
    st = statement("ساکنان محلی خبر دادند که سه انفجار شنیده شد.", "خبر دادند")
    assert st["speaker"]["mention"] == "ساکنان محلی"


def test_the_event_reacted_to_names_the_place_the_statement_is_about():
    text = "کرملین در واکنش به حملات هوایی فرانسه در لیبی اعلام کرد این حملات باید هماهنگ شود."
    st = statement(text, "اعلام کرد")
    assert "لیبی" in names(st["locations"])
    assert "فرانسه" in names(st["targets"])


def test_passive_subjunctive_of_a_light_verb_is_no_act_of_the_noun_before_it():
    text = "مجلس پیشنهاد کرد که این سهمیه به بازنشستگان پیشنهاد داده شود."
    sts = run(text)
    assert [s["trigger"]["text"] for s in sts] == ["پیشنهاد کرد"]


def test_iranian_minister_and_majlis_committee_by_their_short_names():
    st = run("وزیر صمت: واردات خودرو آغاز می‌شود")[0]
    assert st["speaker"]["country"] == "IR" and st["speaker"]["kind"] == "person"
    st = statement("رئیس کمیسیون اقتصادی مجلس گفت بانک مرکزی باید پاسخگو باشد.", "گفت")
    assert st["speaker"]["country"] == "IR"
    assert [(m["mention"], m["kind"], m["country"]) for m in st["targets"]] == [
        ("بانک مرکزی", "government_body", "IR")]


def test_central_bank_followed_by_a_state_is_that_states():
    st = statement("رئیس بانک مرکزی روسیه گفت نرخ بهره ثابت می‌ماند.", "گفت")
    assert st["speaker"]["mention"] == "رئیس بانک مرکزی روسیه" and st["speaker"]["country"] == "RU"


def test_continuing_an_action_with_a_comma_is_not_a_statement():
    sts = run("ارتش پرو به عملیات خود ادامه داد، اما شهر سقوط نکرد.")
    assert "ادامه داد" not in [s["trigger"]["text"] for s in sts]


def test_honorific_farmudand_as_verb_and_as_light_verb():
    st = statement("عنوان\nرهبر انقلاب در این دیدار فرمودند: مقاومت پیروز است.", "فرمودند")
    assert st["speaker"]["mention"] == "رهبر انقلاب"
    st = statement("رهبر انقلاب بر وحدت ملی تاکید فرمودند.", "تاکید فرمودند")
    assert st["type"] == "statement"
    assert run("رهبر انقلاب به این خانواده‌ها عنایت فرمودند.") == []


def test_headline_verb_before_a_colon_is_one_statement_not_two():
    sts = run("وزیر خارجه پرو در دیدار با همتای شیلیایی گفت: مرزها باز می‌شود")
    assert [s["trigger"]["text"] for s in sts] == ["گفت"]
    sts = run("وزیر خارجه پرو در دیدار با همتای شیلیایی: مرزها باز می‌شود")
    assert [s["trigger"]["text"] for s in sts] == [":"]


def test_a_descriptive_title_after_a_named_speaker_is_that_speaker():
    text = ("طرح تازه به مجلس می‌رود\n"
            "خبرگزاری فارس: نماینده مردم بیرجند در مجلس گفت: طرح تازه آماده است.\n"
            "بهرام نیک‌سرشت با بیان اینکه این طرح مهم است به خبرگزاری فارس گفت: جوانان منتظرند.\n"
            "عضو کمیسیون اجتماعی مجلس اظهار داشت: این آزمون باید حذف شود.")
    st = statement(text, "اظهار داشت")
    assert st["speaker"]["name"] == "بهرام نیک‌سرشت"


def test_present_plural_of_a_vowel_stem_takes_the_glide():
    # «می‌گویند» was never matched: «گو» + «ند» gave «می‌گوند»
    st = statement("مقامات پرو می‌گویند که این توافق شکننده است.", "می‌گویند")
    assert st["speaker"]["country"] == "PE"
    st = statement("تحلیلگران می‌گویند این توافق شکننده است.", "می‌گویند")
    assert st["speaker"]["kind"] == "group"


def test_they_say_inside_quoted_words_is_content():
    sts = run("وزیر خارجه پرو گفت: «شیلیایی‌ها می‌گویند مرز بسته است، اما ما آماده‌ایم».")
    assert [s["trigger"]["text"] for s in sts] == ["گفت"]


def test_confirming_the_news_is_an_adverbial_act():
    sts = run("یک منبع امنیتی پرو با تایید این خبر گفت: دو سرباز کشته شدند.")
    assert [s["trigger"]["text"] for s in sts] == ["تایید", "گفت"]
    assert run("این طرح با تایید مجلس پرو اجرا شد.") == []


def locs(st):
    return [(m["mention"], m["name"]) for m in st["locations"]]


def test_a_place_the_gazetteer_lacks_is_found_after_a_place_head():
    st = statement("وزیر خارجه پرو گفت ارتش وارد شهر «سانتا روسا» شد.", "گفت")
    assert locs(st) == [("شهر «سانتا روسا»", "سانتا روسا")]
    st = statement("وزیر خارجه پرو گفت حمله به روستای چاویلکا محکوم است.", "گفت")
    assert locs(st) == [("روستای چاویلکا", "چاویلکا")]


def test_a_place_head_before_a_verb_or_a_modifier_names_no_place():
    for text in ("وزیر خارجه پرو گفت مدیرکل امور این استان خبر داد که شهر بزرگ آرام است.",
                 "وزیر خارجه پرو گفت این شهر شاهد آرامش است.",
                 "وزیر خارجه پرو گفت طرح در سطح شهرستان اجرا می‌شود."):
        st = statement(text, "گفت")
        assert locs(st) == [], text


def test_content_stops_where_another_speakers_clause_begins():
    text = ("پرتاب ماهواره با واکنش‌ها روبه‌رو شده است؛ کانادا آن را ناقض قطعنامه شورای امنیت دانسته، "
            "آلمان و فرانسه آن را محکوم کرده‌اند.")
    st = statement(text, "دانسته")
    assert st["speaker"]["mention"] == "کانادا"
    assert "آلمان" not in names(st["targets"]) and "فرانسه" not in names(st["targets"])
    assert "آلمان" not in (st["content"] or {}).get("text", "")


def test_a_former_office_after_a_named_speaker_is_that_speaker_and_keeps_the_interview():
    text = ("عنوان خبر\n"
            "به گزارش فارس، رافائل لوپز امروز در مصاحبه با خبرگزاری رویترز گفت: انتخابات مهم است.\n"
            "لوپز افزود: همه باید شرکت کنند.\n"
            "رئیس سابق مجلس در این مصاحبه گفت: ما آماده‌ایم.")
    st = statement(text, "گفت", -1)
    assert st["speaker"]["name"].endswith("لوپز")
    assert [o["name"] for o in st["outlets"]][-1] == "رویترز"


def test_part_of_a_collective_is_a_speaker():
    st = statement("بسیاری از رسانه‌های داخلی و جهانی اعلام کردند که حمله انجام شده است.", "اعلام کردند")
    assert "رسانه" in st["speaker"]["mention"]
    st = statement("برخی از مقامات پرو گفتند که مذاکره ادامه دارد.", "گفتند")
    assert st["speaker"]["country"] == "PE"
    st = statement("برخی از مدعیان طب سنتی مدعی درمان این بیماری شده‌اند.", "مدعی")
    assert st["speaker"]["kind"] == "group" and "مدعیان" in st["speaker"]["mention"]


def test_part_of_a_collective_is_no_target_and_things_are_no_collective():
    st = statement("وزیر خارجه پرو گفت بسیاری از جوانان بیکار هستند و برخی گزارش‌ها نادرست است.", "گفت")
    assert st["targets"] == []


def test_an_adverbial_clause_goes_on_past_a_comma_inside_a_list():
    text = ("نماینده مجلس با بیان اینکه دولت، بنیاد شهید و ستاد کل نیروهای مسلح باید پاسخ دهند، "
            "گفت: این قانون اجرا می‌شود.")
    st = statement(text, "بیان")
    assert "ستاد کل نیروهای مسلح" in st["content"]["text"]


def test_addressed_to_before_the_verb_names_whom_it_is_about():
    st = statement("وزیر خارجه پرو در نامه‌ای خطاب به رئیس‌جمهور شیلی نوشت: مرزها باز است.", "نوشت")
    assert any(m["country"] == "CL" for m in st["targets"] + st["addressees"])


def test_told_to_a_state_right_before_the_verb_is_an_addressee():
    st = statement("وزیر خارجه پرو گفت آمریکا به شیلی اعلام کرده است که نیرو نمی‌فرستد.", "اعلام کرده است")
    assert [m["country"] for m in st["addressees"]] == ["CL"]
    st = statement("وزیر خارجه پرو به رویترز گفت مرزها باز است.", "گفت")
    assert st["addressees"] == []


def test_calling_x_y_before_a_comma_keeps_its_words_before_the_verb():
    text = "جان کربی بار دیگر شیلی را عاملی بی‌ثبات‌کننده توصیف کرده، اما می‌گوید گفت‌وگو ادامه دارد."
    st = statement(text, "توصیف کرده")
    assert [m["country"] for m in st["targets"]] == ["CL"]


def test_unknown_gunmen_are_a_group_target():
    st = statement("وزیر کشور پرو گفت افراد مسلح ناشناس به ایست بازرسی حمله کردند.", "گفت")
    assert [(m["mention"], m["kind"]) for m in st["targets"]] == [("افراد مسلح ناشناس", "group")]


def test_well_known_figures_by_full_name_and_by_surname():
    text = ("عنوان خبر\n"
            "حیدر العبادی روز شنبه گفت دولت تصمیم گرفته است.\n"
            "العبادی افزود: انتخابات برگزار می‌شود.")
    sts = run(text)
    assert [s["speaker"]["country"] for s in sts] == ["IQ", "IQ"]
    assert by_trigger(sts, "افزود")[0]["speaker"]["name"] == "حیدر العبادی"


def test_answering_an_attack_by_force_is_no_statement():
    assert run("ارتش پرو به تجاوزات شیلی پاسخ می‌دهد") == []
    assert run("ارتش پرو گفت: «ما به این تجاوز و تعدی پاسخ گفتیم».") != []
    sts = run("فرمانده ارتش پرو گفت نیروهای ما به این حمله پاسخ گفتند.")
    assert [s["trigger"]["text"] for s in sts] == ["گفت"]
    st = statement("وزیر خارجه پرو به این سوال پاسخ داد که مذاکرات ادامه دارد.", "پاسخ داد")
    assert st["speaker"]["country"] == "PE"


def test_a_compass_point_is_not_the_west():
    text = "وزیر کشور پرو گفت افراد مسلح در جنوب غرب لیما حمله کردند و غرب باید پاسخ دهد."
    st = statement(text, "گفت")
    assert [m["start"] for m in st["targets"] if m["name"] == "غرب"] == [text.index("و غرب") + 2]


def test_but_starts_a_clause_of_its_own_for_pronouns_and_content():
    text = ("عنوان خبر\n"
            "خبرگزاری فارس: وزیر راه و شهرسازی خبر داده بود که وام پرداخت می‌شود ولی رافائل لوپز گفته است «چیزی نرسیده است».\n"
            "او افزود: شرکت‌ها زیان کرده‌اند.")
    sts = run(text)
    assert by_trigger(sts, "افزود")[0]["speaker"]["name"] == "رافائل لوپز"
    assert "لوپز" not in by_trigger(sts, "خبر داده بود")[0]["content"]["text"]


def test_an_interview_outlet_survives_a_short_interruption_by_another_speaker():
    text = ("عنوان خبر\n"
            "رافائل لوپز که با خبرگزاری رویترز گفت‌وگو کرده، گفته است وام‌ها نرسیده است.\n"
            "پیش از این وزیر راه و شهرسازی خبر داده بود که وام پرداخت می‌شود ولی لوپز گفته است «چیزی نرسیده است».")
    sts = by_trigger(run(text, outlet="رادیو فردا"), "گفته است")
    assert [[o["name"] for o in s["outlets"]] for s in sts] == [["رادیو فردا", "رویترز"]] * 2
    st = statement(text, "خبر داده بود", outlet="رادیو فردا")
    assert [o["name"] for o in st["outlets"]] == ["رادیو فردا"]


def test_the_actor_right_before_a_stance_holds_it():
    text = ("وزیر خارجه پرو به این امر اشاره نکرد که آیا شیلی درباره بازرسی که جامعه بین‌الملل "
            "خواستار آن است تعهدی داده یا خیر.")
    st = statement(text, "خواستار")
    assert st["speaker"]["mention"] == "جامعه بین‌الملل"


def test_an_adjective_of_a_medium_is_no_target():
    st = statement("کنایه توئیتری وزیر خارجه پرو به رئیس‌جمهور شیلی", "کنایه")
    assert all(m["kind"] != "media" for m in st["targets"])


def test_the_leader_by_title_is_the_person():
    st = statement("رهبر معظم انقلاب در این دیدار تاکید کردند: مقاومت پیروز است.", "تاکید کردند")
    assert st["speaker"]["name"] == "سید علی خامنه‌ای" and st["speaker"]["kind"] == "person"


def test_a_surname_hazm_tags_as_a_number_is_still_a_name_before_a_title():
    text = ("عنوان خبر\n"
            "مخبر دزفولی دبیر شورای عالی انقلاب فرهنگی با بیان اینکه توافق شد، گفت: این توافق مهم است.\n"
            "مخبر دزفولی سپس به این موضوع اشاره کرد.")
    sts = run(text)
    assert {s["speaker"]["name"] for s in sts} == {"مخبر دزفولی"}
    assert "اشاره کرد" in [s["trigger"]["text"] for s in sts]


def test_a_name_right_after_an_unpunctuated_attribution_is_the_speaker():
    text = ("عنوان خبر\n"
            "به گزارش خبرنگار پارلمانی خبرگزاری فارس سید رضا زواره‌ای در گفتگو با خبرنگاران با بیان اینکه "
            "دوره دو حقوقدان شورای نگهبان به پایان می‌رسد، اظهار داشت: حقوقدانان جدید معرفی می‌شوند.\n"
            "به گزارش خبرگزاری فارس محمدرضا میرتاج‌الدینی در یادواره شهدای پایگاه حضرت سیدالشهدا(ع) تصریح کرد: عاشورا زنده است.")
    sts = run(text)
    assert by_trigger(sts, "اظهار داشت")[0]["speaker"]["name"].endswith("رضا زواره‌ای")
    assert by_trigger(sts, "تصریح کرد")[0]["speaker"]["name"] == "محمدرضا میرتاج‌الدینی"


def test_ordering_is_a_request_and_mentioning_is_a_statement():
    st = statement("عنوان\nرئیس‌جمهور پرو به وزیر کشور دستور داده است که رسیدگی کند.", "دستور داده است")
    assert st["type"] == "request" and st["speaker"]["country"] == "PE"
    st = statement("رئیس‌جمهور پرو این موضوع را مورد اشاره قرار داد.", "مورد اشاره قرار داد")
    assert st["type"] == "statement"


def test_a_headline_noun_act_before_the_colon_is_the_only_act():
    sts = run("هشدار وزیر خارجه پرو به شیلی: مرزها بسته می‌شود")
    assert [s["trigger"]["text"] for s in sts] == ["هشدار"]


def test_a_headline_opened_by_a_surname_and_a_colon_names_the_person_of_the_body():
    text = ("زواره‌ای: حقوقدانان جدید تیرماه معرفی می‌شوند\n"
            "به گزارش خبرگزاری فارس، سید رضا زواره‌ای در گفتگو با خبرنگاران گفت: حقوقدانان جدید معرفی می‌شوند.")
    st = run(text)[0]
    assert st["trigger"]["text"] == ":" and st["speaker"]["name"].endswith("رضا زواره‌ای")


def test_a_second_predicate_after_a_naming_verb_keeps_the_subject():
    text = ("عنوان\nرئیس‌جمهور پرو تحریم‌های شیلی را «غیرانسانی» خواند، از «ممانعت شیلی» برای پرداخت وام انتقاد کرد "
            "و سازوکار تازه را غیرمؤثر دانست.")
    sts = run(text)
    assert by_trigger(sts, "انتقاد کرد")[0]["speaker"]["country"] == "PE"


def test_a_local_title_with_its_city_right_before_the_verb_is_a_person():
    for text, mention in (("عنوان\nمدیر پروژه میدان شهدای مشهد تصریح کرد: این پروژه مهم است.", "مدیر پروژه میدان شهدای مشهد"),
                          ("عنوان\nمدیر روابط عمومی شهرداری مشهد گفت: این پروژه مهم است.", "مدیر روابط عمومی شهرداری مشهد")):
        st = run(text)[0]
        assert st["speaker"]["mention"] == mention and st["speaker"]["kind"] == "person"
        assert st["speaker"]["country"] == "IR"


def test_zionist_occupiers_and_occupying_officials_are_israel():
    st = statement("یک پژوهشگر فلسطینی گفت اشغالگران صهیونیست و مقامات اشغالگر به زندان‌ها حمله کردند.", "گفت")
    assert {m["country"] for m in st["targets"]} == {"IL"} and len(st["targets"]) == 2
