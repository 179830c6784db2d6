"""Round 7: speakers found wrong or not at all in blind articles of the seventh round.
Sentences written for these tests."""
import pytest

from extract_helpers import article, by_trigger, run, statement


def speaker(st):
    return st["speaker"]["name"] if st["speaker"] else None


@pytest.mark.parametrize("full,short", [
    ("نور الدین کریم‌زاده", "کریم زاده"),  # the surname written apart
    ("مصطفی پور احمدی", "پور احمدی"),  # a two-word surname
    ("«ابراهیم الجبوری»", "جبوری"),  # the Arabic article dropped
    ("حجت‌الاسلام والمسلمین حسینی کرمانی", "حجت‌الاسلام حسینی"),  # the first word of a compound surname
])
def test_a_shorter_form_of_a_name_is_the_person_named_in_full(full, short):
    text = article(f"به گزارش فارس، {full} در نشستی در مشهد گفت: مذاکرات باید ادامه یابد.",
                   f"{short} افزود: دولت باید پاسخ بدهد.")
    sts = run(text)
    first, second = by_trigger(sts, "گفت")[0], by_trigger(sts, "افزود")[0]
    assert first["speaker"]["name"] == second["speaker"]["name"]
    assert len(first["speaker"]["name"].split()) >= 2


def test_an_office_already_held_is_not_given_to_the_next_name():
    # the rector's own title, repeated, stays his when the ambassador opens a later sentence
    text = article(
        "به گزارش فارس، دکتر «احمد نوری»، رئیس دانشگاه کابل، در دیدار با «محمد رضایی» سفیر ایران "
        "در افغانستان اظهار داشت: روابط علمی دو کشور باید گسترش یابد.",
        "رئیس دانشگاه کابل در این دیدار تاکید کرد: دانشگاه‌ها باید با یکدیگر همکاری کنند.",
        "وی خواستار تبادل استاد و دانشجو شد.",
        "محمد رضایی، سفیر ایران در افغانستان، نیز گفت: ایران آماده همکاری است.")
    sts = run(text)
    assert speaker(by_trigger(sts, "تاکید کرد")[0]) == "احمد نوری"
    assert speaker(by_trigger(sts, "خواستار")[0]) == "احمد نوری"
    assert speaker(by_trigger(sts, "گفت")[0]) == "محمد رضایی"


def test_an_office_of_an_unknown_body_before_a_verb_is_no_name():
    # «مدیر موزه ملی تبریز» opened a sentence before a verb: an office, not a person called
    # so, and «تبریز» elsewhere in the article is no mention of that person
    text = article("دیوار موزه تبریز فرو ریخت.",
                   "مدیر موزه ملی تبریز تأکید کرد که موزه فردا باز است.")
    sts = run(text)
    st = by_trigger(sts, "تأکید کرد")[0]
    assert st["speaker"]["mention"] == "مدیر موزه ملی تبریز"
    assert st["speaker"]["kind"] == "person"
    mentions = [e["mention"] for s in sts for e in [s["speaker"]] + s["targets"] + s["locations"] if e]
    assert "تبریز" not in [m for m in mentions if m != "مدیر موزه ملی تبریز"]


def test_the_same_unknown_title_beside_a_name_names_its_holder():
    text = article("علی کرمانی سرمربی سابق تیم ملی والیبال در گفت‌وگو با فارس گفت: بازیکنان خسته بودند.",
                   "سرمربی سابق تیم ملی والیبال افزود: باید اردوی طولانی برگزار شود.")
    assert speaker(statement(text, "افزود")) == "علی کرمانی"


def test_an_unknown_title_after_a_preposition_is_no_speaker():
    # «با مدیر …» is the person spoken with, not the speaker
    sts = run(article("وزیر خارجه ایران در دیدار با مدیر موزه ملی تبریز گفت: موزه‌ها مهم هستند."))
    assert speaker(by_trigger(sts, "گفت")[0]) != "مدیر موزه ملی تبریز"


def test_a_demonym_after_a_described_outlet_is_no_target():
    st = statement(article("یک روزنامه آلمانی نوشت: ایران آماده مذاکره است."), "نوشت")
    assert "آلمانی" not in [t["mention"] for t in st["targets"]]


def test_a_number_before_a_singular_verb_is_no_group():
    # «دو منبع آگاه گفت» is no Persian; nothing is invented for it
    sts = run(article("دو منبع آگاه گفت که مذاکرات متوقف شده است."))
    assert all(s["speaker"]["mention"] != "دو منبع آگاه" for s in sts)


@pytest.mark.parametrize("opener", ["در این دیدار", "در این باره", "در همین رابطه", "در این خصوص",
                                    "در این میان", "در جریان این سفر"])
def test_a_closed_adverbial_before_the_subject_does_not_hide_it(opener):
    st = statement(article(f"{opener} ظریف بر گسترش همکاری‌ها تاکید کرد."), "تاکید کرد")
    assert st["speaker"]["mention"] == "ظریف"


def test_a_visit_of_a_person_still_hides_the_person():
    # «در دیدار ظریف» is Zarif's visit: the subject is elsewhere, not Zarif
    sts = run(article("در دیدار ظریف با لاوروف، سخنگوی کرملین گفت: روابط خوب است."))
    assert by_trigger(sts, "گفت")[0]["speaker"]["mention"] == "سخنگوی کرملین"
    # and the comma that closes «با لاوروف» makes no apposition: the spokesman is not Lavrov
    assert "لاوروف" not in by_trigger(sts, "گفت")[0]["speaker"]["name"]


def test_an_organisation_takes_the_quoted_name_after_it():
    st = statement(article("گروه حقوق بشری آمریکایی «عدالت» از این حادثه انتقاد کرد."), "انتقاد کرد")
    assert st["speaker"]["name"] == "عدالت"
    assert st["speaker"]["country"] == "US"


@pytest.mark.parametrize("sentence,trigger,type_", [
    ("فراکسیون کارگری مجلس از وزیر کار به رئیس مجلس شکایت کرد.", "شکایت کرد", "criticize"),
    ("وزارت خارجه آمریکا انتظار دارد روابط دو کشور بهبود یابد.", "انتظار دارد", "statement"),
    ("نماینده مشهد به وزیر کشور تذکر داد که انتخابات باید سالم باشد.", "تذکر داد", "statement"),
    ("آمریکا موضع چین را درباره تایوان تصدیق می‌کند.", "تصدیق می‌کند", "agree"),
])
def test_more_predicates(sentence, trigger, type_):
    assert statement(article(sentence), trigger)["type"] == type_


def test_an_impersonal_expectation_has_no_speaker():
    sts = run(article("نباید انتظار داشت که قیمت‌ها به زودی کاهش یابد."))
    assert [s for s in sts if "انتظار" in s["trigger"]["text"]] == []


def test_a_shorter_title_of_a_named_office_is_its_holder():
    text = article("رئیس سازمان بسیج، همکاری با دانشگاه‌ها را ضروری دانست و گفت: نخبگان باید حمایت شوند.",
                   "به گزارش فارس، سردار علی کریمی رئیس سازمان بسیج مستضعفین در این مراسم اظهار داشت: "
                   "جوانان سرمایه کشور هستند.",
                   "رئیس سازمان بسیج افزود: این نمایشگاه هر سال برگزار می‌شود.")
    sts = run(text)
    assert speaker(by_trigger(sts, "افزود")[0]) == "علی کریمی"
    assert speaker(by_trigger(sts, "گفت")[0]) == "علی کریمی"


def test_a_title_ending_with_the_first_word_of_its_body_names_it_once():
    st = statement(article("رئیس سازمان بسیج مستضعفین گفت: جوانان سرمایه کشور هستند."), "گفت")
    assert "سازمان سازمان" not in st["speaker"]["name"]


def test_an_office_in_apposition_inside_a_phrase_is_no_speaker():
    text = article("به گزارش فارس، مهدی کروبی در این کنگره سخنرانی کرد.",
                   "کروبی همچنین در خصوص غلامحسین کرباسچی دبیر کل حزب کارگزاران گفت: او روحانی است.")
    assert speaker(statement(text, "گفت")) == "مهدی کروبی"


@pytest.mark.parametrize("phrase", ["انتخابات ریاست جمهوری", "انتخابات مجلس", "نامزد ریاست جمهوری"])
def test_an_election_names_no_target(phrase):
    st = statement(article(f"لاریجانی درباره {phrase} گفت: مردم باید شرکت کنند."), "گفت")
    assert all(phrase.split()[-1] not in t["mention"] for t in st["targets"])


def test_a_passive_participle_is_nobodys_act():
    assert run(article("دولت ترکیه سرود ملی را که در مدارس خوانده می‌شد لغو کرد.")) == []


def test_recalling_an_ambassador_is_an_action_not_a_request():
    assert run(article("کانادا سفیر خود را از ایران فراخواند.")) == []


def test_calling_on_states_is_still_a_request():
    st = statement(article("سازمان ملل کشورها را به خویشتنداری فراخواند."), "فراخواند")
    assert st["type"] == "request"


@pytest.mark.parametrize("sentence,first,type_,second", [
    ("نخست وزیر روسیه این اتهام را رد و تاکید کرد که دلیلی برای آن نیست.", "رد", "deny", "تاکید کرد"),
    ("وزارت خارجه ایران این حمله را محکوم و خواستار مجازات عاملان آن شد.", "محکوم", "criticize", "خواستار"),
])
def test_a_left_out_light_verb_still_makes_the_first_act(sentence, first, type_, second):
    sts = run(article(sentence))
    a, b = by_trigger(sts, first)[0], by_trigger(sts, second)[0]
    assert a["type"] == type_
    assert a["speaker"]["name"] == b["speaker"]["name"]


def test_an_exchange_is_no_elided_rejection():
    sts = run(article("دو طرف در این نشست نظرات خود را رد و بدل کردند."))
    assert all(s["trigger"]["text"] != "رد" for s in sts)


@pytest.mark.parametrize("sentence,trigger", [
    ("سخنگوی وزارت خارجه در این باره هیچگونه اظهارنظری نکرد.", "اظهارنظری نکرد"),
    ("مقام‌های ایران در این باره توضیحی نداده‌اند.", "توضیحی نداده‌اند"),
    ("سخنگوی کاخ سفید توضیح بیشتری نداد.", "توضیح بیشتری نداد"),
    ("مقام‌های کره شمالی به این گزارش واکنشی نشان نداده‌اند.", "واکنشی نشان نداده‌اند"),
])
def test_a_negated_act_with_an_indefinite_noun_is_a_negated_statement(sentence, trigger):
    st = statement(article(sentence), trigger)
    assert st["negated"] is True


def test_an_unknown_name_before_a_headline_colon_speaks_when_the_body_names_it():
    text = ("بگوویچ: تیم امید آماده نیست\n"
            "به گزارش فارس، وینکو بگوویچ روز یکشنبه در گفت‌وگو با خبرنگار ما گفت: بازیکنان خسته‌اند.")
    st = statement(text, ":")
    assert st["speaker"]["mention"] == "بگوویچ"
    assert st["speaker"]["kind"] == "person"


def test_a_headline_colon_after_words_the_body_never_repeats_is_no_statement():
    assert run("آمار رسمی کرونا در ایران: بیش از پنج هزار قربانی\nمتن خبر درباره بیماری.") == []


def test_a_cited_paper_before_a_headline_colon_speaks():
    text = "نیویورک تایمز: سرکوب‌ها در بحرین ادامه دارد\nبه گزارش فارس، روزنامه نیویورک تایمز نوشت که سرکوب ادامه دارد."
    assert statement(text, ":")["speaker"]["kind"] == "media"


def test_the_publisher_before_a_headline_colon_is_no_speaker():
    assert [s for s in run("خبرگزاری فارس: سرکوب‌ها در بحرین ادامه دارد\nمتن خبر.") if s["trigger"]["text"] == ":"] == []


@pytest.mark.parametrize("body", ["وزارت بهداشت", "وزارت نفت", "وزارت آموزش و پرورش", "دادستانی کل"])
def test_ministries_named_without_a_country_are_irans_bodies(body):
    st = statement(article(f"ظریف از {body} انتقاد کرد."), "انتقاد کرد")
    t = [x for x in st["targets"] if x["mention"] == body]
    assert t and t[0]["kind"] == "government_body" and t[0]["country"] == "IR"


def test_continuing_an_action_is_no_statement():
    assert run(article("ارتش به عملیات خود ادامه داد.")) == []


# Who speaks, and as what: (sentence, trigger, speaker mention, kind, country or ANY).
ANY = object()
SPEAKERS = [
    # offices of bodies the gazetteer does not know, opening their clause
    ("به گزارش فارس، رئیس شعبه ۱۱۲ دادگاه انقلاب گفت: این موضوع بررسی می‌شود.", "گفت",
     "رئیس شعبه ۱۱۲ دادگاه انقلاب", "person", ANY),
    ("به گزارش فارس، سرمربی سابق تیم ملی والیبال تصریح کرد: این موضوع بررسی می‌شود.", "تصریح کرد",
     "سرمربی سابق تیم ملی والیبال", "person", ANY),
    ("به گزارش فارس، مدیرکل بنادر استان بوشهر اعلام کرد: این موضوع بررسی می‌شود.", "اعلام کرد",
     "مدیرکل بنادر استان بوشهر", "person", "IR"),
    # outlets described by kind and country («…‌زبان» names a language, no country)
    ("یک روزنامه آمریکایی نوشت: ایران در حال ساخت یک نیروگاه است.", "نوشت", "یک روزنامه آمریکایی", "media", "US"),
    ("یک شبکه تلویزیونی لبنانی نوشت: ایران در حال ساخت یک نیروگاه است.", "نوشت",
     "یک شبکه تلویزیونی لبنانی", "media", "LB"),
    ("یک روزنامه چاپ مادرید نوشت: ایران در حال ساخت یک نیروگاه است.", "نوشت", "یک روزنامه چاپ مادرید", "media", "ES"),
    ("یک رسانه انگلیسی‌زبان نوشت: ایران در حال ساخت یک نیروگاه است.", "نوشت", "یک رسانه انگلیسی‌زبان", "media", None),
    # sources and officials with a qualifier, and counted people, are groups
    ("منابع غربی فاش کرده‌اند که مذاکرات متوقف شده است.", "فاش کرده‌اند", "منابع غربی", "group", ANY),
    ("مقامات محلی اعلام کرده‌اند که مذاکرات متوقف شده است.", "اعلام کرده‌اند", "مقامات محلی", "group", ANY),
    ("دو منبع آگاه گفته‌اند که مذاکرات متوقف شده است.", "گفته‌اند", "دو منبع آگاه", "group", ANY),
    ("سه دیپلمات اروپایی گفتند که مذاکرات متوقف شده است.", "گفتند", "سه دیپلمات اروپایی", "group", ANY),
    # one of a plural, or one member of a body, before a singular verb is a person
    ("یکی از شاهدان انفجار گفت: اتوبوس منفجر شد.", "گفت", "یکی از شاهدان انفجار", "person", ANY),
    ("یکی از نمایندگان مجلس گفت: مذاکرات ادامه دارد.", "گفت", "یکی از نمایندگان مجلس", "person", "IR"),
    # past an addressee between subject and verb
    ("مالک باشگاه از بازیکنان خواسته است که بهتر بازی کنند.", "خواسته است", "مالک باشگاه", "person", ANY),
    ("دو منبع آگاه به پولیتیکو گفته‌اند که مذاکرات متوقف شده است.", "گفته‌اند", "دو منبع آگاه", "group", ANY),
    # «… رسیدگی به امور …» stays one title; a collective may carry five modifiers
    ("رئیس مرکز رسیدگی به امور مساجد اظهار داشت: مساجد باید فعال باشند.", "اظهار داشت",
     "رئیس مرکز رسیدگی به امور مساجد", "person", ANY),
    ("وزیران کشاورزی ۲۰ اقتصاد بزرگ جهان خواستار آزادی تجارت شدند.", "خواستار",
     "وزیران کشاورزی ۲۰ اقتصاد بزرگ جهان", "group", ANY),
    # a ministry named with a country is that country's
    ("وزارت بهداشت عراق اعلام کرد که ده نفر مبتلا شدند.", "اعلام کرد", "وزارت بهداشت عراق", "government_body", "IQ"),
    # «X ادامه داد …» without a colon, nothing but the subject before the verb
    ("پلیس چین ادامه داد این افراد چهار افسر را زخمی کردند.", "ادامه داد", "پلیس چین", "government_body", "CN"),
]


@pytest.mark.parametrize("sentence,trigger,mention,kind,country", SPEAKERS, ids=[row[2] for row in SPEAKERS])
def test_the_speaker_and_its_kind(sentence, trigger, mention, kind, country):
    sp = statement(article(sentence), trigger)["speaker"]
    assert (sp["mention"], sp["kind"]) == (mention, kind)
    if country is not ANY:
        assert sp["country"] == country
