"""Statement constructions, not-statements, negation, the eleven types, speakers."""
import pytest

from extract_helpers import article, by_trigger, run, statement


def test_reporting_verbs_in_several_tenses():
    text = ("وزیر خارجه ژاپن گفت توکیو از گفت‌وگو حمایت می‌کند.\n"
            "سخنگوی دولت ژاپن نیز اعلام کرده است که نشست برگزار می‌شود.\n"
            "نخست وزیر ژاپن پیش‌تر تاکید کرده بود که راه‌حل دیپلماتیک است.\n"
            "وزیر دفاع ژاپن می‌گوید این تمرین‌ها تهدیدآمیز است.")
    sts = run(text)
    trig = [s["trigger"]["text"] for s in sts]
    assert "گفت" in trig
    assert any(t.startswith("اعلام کرده") for t in trig)
    assert any(t.startswith("تاکید کرده") for t in trig)
    assert "می‌گوید" in trig
    assert all(s["speaker"]["country"] == "JP" for s in sts)


def test_headline_noun_form_speaker_follows_the_noun():
    sts = run("انتقاد پکن از تحریم‌های تازه آمریکا\nمتن خبر.")
    st = by_trigger(sts, "انتقاد")[0]
    assert st["type"] == "criticize"
    assert st["speaker"]["country"] == "CN"


def test_headline_colon_pattern():
    sts = run("لاوروف: غرب مسئول بحران اوکراین است\nمتن خبر.")
    st = by_trigger(sts, ":")[0]
    assert st["type"] == "statement" and st["direct_quote"] is True
    assert "لاوروف" in st["speaker"]["name"]
    assert st["content"]["text"] == "غرب مسئول بحران اوکراین است"


def test_light_verb_split_and_two_acts_in_one_sentence():
    text = "وزارت امور خارجه چین ضمن ابراز نگرانی از وضعیت غزه، از طرفین خواست خویشتن‌داری کنند."
    sts = run(text)
    assert [s["type"] for s in sts] == ["concern", "request"]
    assert by_trigger(sts, "ابراز نگرانی")[0]["speaker"]["mention"] == "وزارت امور خارجه چین"
    req = by_trigger(sts, "خواست")[0]
    assert req["speaker"]["mention"] == "وزارت امور خارجه چین"
    assert [a["mention"] for a in req["addressees"]] == ["طرفین"]


def test_object_between_head_and_light_verb():
    sts = run("دولت کانادا خواستار آزادی فوری دیپلمات‌های بازداشت‌شده شد.")
    st = by_trigger(sts, "خواستار")[0]
    assert st["type"] == "request" and st["speaker"]["country"] == "CA"
    sts = run("وزیر دفاع هند، پاکستان را متهم به حمایت از شبه‌نظامیان کرد.")
    assert by_trigger(sts, "متهم")[0]["type"] == "accuse"


def test_coordinated_speakers_one_statement_each():
    sts = run("فرانسه و آلمان در بیانیه‌ای مشترک از این توافق استقبال کردند.")
    assert len(sts) == 2
    assert {s["speaker"]["country"] for s in sts} == {"FR", "DE"}
    assert len({s["id"] for s in sts}) == 2
    assert all(s["type"] == "praise" for s in sts)


def test_reported_speech_inside_reported_speech():
    sts = run("رئیس جمهور ونزوئلا گفت که آمریکا دولت او را به دخالت در انتخابات متهم کرده است.")
    assert len(sts) == 2
    said, accused = sts
    assert said["speaker"]["country"] == "VE" and said["type"] == "statement"
    assert accused["speaker"]["mention"] == "آمریکا" and accused["type"] == "accuse"


def test_negation():
    sts = run("سخنگوی کاخ سفید این گزارش را تکذیب نکرد.")
    st = sts[0]
    assert st["type"] == "deny" and st["negated"] is True
    sts = run("وزیر خارجه اتریش این پیشنهاد را نپذیرفت.")
    assert sts[0]["type"] == "reject" and sts[0]["negated"] is False


@pytest.mark.parametrize("text", [
    "ارتش اسرائیل به مواضعی در جنوب لبنان حمله کرد.",
    "وزیر خارجه ژاپن هفته آینده به تهران سفر می‌کند و با همتای خود دیدار خواهد کرد.",
    "وزیر خارجه فرانسه فردا مواضع کشورش را اعلام خواهد کرد.",
    "در پایان این نشست اعلام شد که دور بعدی مذاکرات در ژنو برگزار می‌شود.",
    "نمایندگان دو کشور یادداشت تفاهمی را امضا کردند.",
])
def test_not_statements(text):
    assert run(text) == []


def test_passive_with_agent_is_a_statement():
    sts = run("این ادعا از سوی وزارت خارجه قطر بی‌اساس خوانده شد.")
    assert len(sts) == 1 and sts[0]["speaker"]["country"] == "QA"


@pytest.mark.parametrize("sentence,typ", [
    ("وزیر خارجه سوئد تصریح کرد که کشورش بی‌طرف است.", "statement"),
    ("وزیر خارجه سوئد از تشدید درگیری‌ها ابراز نگرانی کرد.", "concern"),
    ("وزیر خارجه سوئد ابراز امیدواری کرد که مذاکرات به نتیجه برسد.", "optimism"),
    ("وزیر خارجه سوئد خواستار آتش‌بس فوری شد.", "request"),
    ("وزیر خارجه سوئد از میانجیگری قطر قدردانی کرد.", "praise"),
    ("وزیر خارجه سوئد این حمله را محکوم کرد.", "criticize"),
    ("وزیر خارجه سوئد روسیه را به نقض آتش‌بس متهم کرد.", "accuse"),
    ("وزیر خارجه سوئد این گزارش‌ها را تکذیب کرد.", "deny"),
    ("وزیر خارجه سوئد با این طرح مخالفت کرد.", "reject"),
    ("وزیر خارجه سوئد درباره پیامدهای این تصمیم هشدار داد.", "warn"),
    ("وزیر خارجه سوئد با برگزاری دور تازه مذاکرات موافقت کرد.", "agree"),
])
def test_each_type(sentence, typ):
    sts = run(sentence)
    assert len(sts) == 1, sts
    assert sts[0]["type"] == typ
    assert sts[0]["speaker"]["country"] == "SE"


def test_adverbial_speech_acts_and_their_topic_only_variant():
    sts = run("وزیر خارجه هند با بیان اینکه روابط دو کشور راهبردی است، افزود: همکاری‌ها گسترش می‌یابد.")
    assert [s["trigger"]["text"] for s in sts] == ["بیان", "افزود"]
    assert sts[0]["content"]["text"] == "روابط دو کشور راهبردی است"
    sts = run("وزیر خارجه هند با اشاره به سفر اخیر خود به مسکو گفت که روابط خوب است.")
    assert [s["trigger"]["text"] for s in sts] == ["گفت"]


def test_source_phrases():
    sts = run("به گفته سخنگوی وزارت خارجه ژاپن، توکیو در این نشست شرکت می‌کند.")
    st = by_trigger(sts, "به گفته")[0]
    assert st["speaker"]["country"] == "JP"
    sts = run("بر اساس بیانیه وزارت دفاع روسیه، دو فروند پهپاد منهدم شد.")
    assert by_trigger(sts, "بر اساس بیانیه")[0]["speaker"]["mention"] == "وزارت دفاع روسیه"


def test_pronoun_and_anaphor_resolution_across_sentences():
    text = ("ژوزه مارتینز، وزیر خارجه پرتغال، روز دوشنبه گفت که لیسبون از توافق حمایت می‌کند.\n"
            "وی افزود: این توافق به نفع همه است.\n"
            "این مقام اروپایی همچنین تاکید کرد که گفت‌وگوها ادامه دارد.\n"
            "او گفت که نشست بعدی در ماه آینده است.")
    sts = run(text)
    assert len(sts) == 4
    for st in sts:
        assert st["speaker"]["name"] == "ژوزه مارتینز"
    assert sts[1]["speaker"]["mention"] == "وی"
    assert text[sts[1]["speaker"]["start"]:sts[1]["speaker"]["end"]] == "وی"


def test_ministry_anaphor():
    text = ("وزارت امور خارجه ایتالیا در بیانیه‌ای این اقدام را محکوم کرد.\n"
            "سخنگوی این وزارتخانه گفت که رم پاسخ مناسب خواهد داد.")
    sts = run(text)
    st = by_trigger(sts, "گفت")[0]
    assert st["speaker"]["country"] == "IT"


def test_first_person_acts_inside_a_quote_are_not_new_statements():
    sts = run("وزیر خارجه مالزی گفت: «ما از همه طرف‌ها می‌خواهیم خویشتن‌داری کنند و از این تصمیم استقبال می‌کنیم.»")
    assert [s["trigger"]["text"] for s in sts] == ["گفت"]


def test_outlet_speaking_in_its_own_voice():
    sts = run("روزنامه گاردین نوشت که دولت بریتانیا طرح تازه‌ای در دست دارد.", outlet="خبرگزاری فارس")
    st = by_trigger(sts, "نوشت")[0]
    assert st["speaker"]["kind"] == "media"
    assert st["outlets"][-1]["name"] == st["speaker"]["name"]


def test_body_noun_with_actor_and_preposition():
    sts = run("این نشست به دلیل حمایت دولت اردن از این طرح به تعویق افتاد.")
    st = by_trigger(sts, "حمایت")[0]
    assert st["type"] == "praise" and st["speaker"]["mention"] == "دولت اردن"
    # a noun that is the object of another act is not a statement of its own
    sts = run("وزیر خارجه اردن بر حمایت کشورش از این طرح تاکید کرد.")
    assert [s["trigger"]["text"] for s in sts] == ["تاکید کرد"]


def test_adverbial_infinitive():
    sts = run("وزارت خارجه مصر با محکوم کردن این حمله، خواستار تحقیق بین‌المللی شد.")
    assert [s["type"] for s in sts] == ["criticize", "request"]
    assert all(s["speaker"]["mention"] == "وزارت خارجه مصر" for s in sts)


def test_subject_after_a_leading_adverbial_clause():
    sts = run("یک روز پس از سفر هیئت آمریکایی به ریاض، وزیر خارجه عربستان گفت که گفت‌وگوها مثبت بود.")
    assert sts[0]["speaker"]["mention"] == "وزیر خارجه عربستان"


def test_unknown_quoted_name_and_generic_title():
    sts = run("به گزارش رویترز، «هانس مولر» در جمع خبرنگاران گفت که مذاکرات ادامه دارد.")
    assert sts[0]["speaker"]["name"] == "هانس مولر"
    sts = run("سناتور «جیمز هالووی» هشدار داد که کنگره مخالفت خواهد کرد.")
    assert sts[0]["speaker"]["name"] == "جیمز هالووی" and sts[0]["type"] == "warn"


def test_bare_name_after_an_unnamed_office_is_its_holder():
    text = ("وزیر امور خارجه نروژ روز سه‌شنبه از تصمیم شورای امنیت انتقاد کرد.\n"
            "اریک هولم گفت: این تصمیم عجولانه بود.\n"
            "وزیر امور خارجه نروژ همچنین ابراز امیدواری کرد که گفت‌وگوها ادامه یابد.")
    sts = run(text)
    assert [s["speaker"]["name"] for s in sts] == ["اریک هولم"] * 3
    assert sts[0]["speaker"]["mention"] == "وزیر امور خارجه نروژ"
    assert all(s["speaker"]["country"] == "NO" for s in sts)


def test_unknown_name_opening_a_sentence_is_a_speaker_but_a_time_phrase_is_not():
    sts = run("به گزارش خبرگزاری فارس از تبریز، کامران ولی‌زاده صبح امروز در همایشی گفت که طرح اجرا می‌شود.")
    assert sts[0]["speaker"]["name"] == "کامران ولی‌زاده"
    sts = run("اواسط ظهر امروز در نشستی اعلام کرد که طرح اجرا می‌شود.")
    assert sts == []


def test_a_list_of_states_as_subject_after_an_adverbial_without_comma():
    sts = run("در سال‌های اخیر دولت‌های لهستان، لیتوانی و لتونی نیز خواستار دریافت غرامت شده بودند.")
    assert len(sts) == 3
    assert {s["speaker"]["country"] for s in sts} == {"PL", "LT", "LV"}


def test_coordinated_objects_are_not_speakers():
    sts = run("وزیر خارجه کانادا ایران و روسیه را به نقض تعهدات متهم کرد.")
    assert len(sts) == 1 and sts[0]["speaker"]["country"] == "CA"
    assert {t["mention"] for t in sts[0]["targets"]} >= {"ایران", "روسیه"}


def test_headline_colon_with_a_phrase_after_the_speaker():
    sts = run("لاوروف در گفت‌وگو با الجزیره: تحریم‌ها نتیجه نمی‌دهد\nمتن خبر.")
    st = by_trigger(sts, ":")[0]
    assert "لاوروف" in st["speaker"]["name"]
    assert [o["name"] for o in st["outlets"]][-1] == "الجزیره"
    assert run("افزایش قیمت نفت در بازار: برنت گران شد\nمتن خبر.") == []


@pytest.mark.parametrize("sentence,typ", [
    ("وزیر خارجه عمان آمادگی کشورش را برای میانجیگری اعلام کرد.", "agree"),
    ("دولت ژاپن نگرانی عمیق خود را از این آزمایش ابراز کرد.", "concern"),
    ("وزارت خارجه اسپانیا مخالفت خود را با این طرح اعلام کرد.", "reject"),
    ("سخنگوی دولت آلمان حمایت برلین را از این توافق اعلام کرد.", "praise"),
    ("وزیر خارجه هند نتایج این نشست را اعلام کرد.", "statement"),
])
def test_neutral_verb_typed_by_its_object(sentence, typ):
    sts = run("عنوان خبر\n" + sentence)
    st = by_trigger(sts, "اعلام کرد" if "اعلام" in sentence else "ابراز کرد")[0]
    assert st["type"] == typ


def test_split_claim():
    st = run("وزارت دفاع روسیه مدعی حمله پهپادی به پایگاه هوایی شد.")[0]
    assert st["trigger"]["text"] == "مدعی" and st["type"] == "statement"
    assert st["content"]["text"] == "حمله پهپادی به پایگاه هوایی"


def test_headline_act_whose_actor_only_the_lead_names():
    text = ("گفت‌وگو تنها راه است/ دعوت از لاوروف برای سفر به لیسبون\n"
            "وزیر خارجه پرتغال در دیدار با همتای روس خود گفت که گفت‌وگو تنها راه است.")
    sts = run(text)
    st = by_trigger(sts, "دعوت")[0]
    assert st["type"] == "request" and st["speaker"]["country"] == "PT"
    assert st["confidence"] < by_trigger(sts, "گفت")[0]["confidence"]
    assert run("حمایت از تولید ملی\nمدیرکل صنایع استان گفت که طرح اجرا می‌شود.") == [] or \
        all(s["trigger"]["text"] != "حمایت" for s in run("حمایت از تولید ملی\nمدیرکل صنایع استان گفت که طرح اجرا می‌شود."))


def test_apposition_is_one_speaker_but_a_list_is_many():
    sts = run("ژوزه مارتینز، وزیر خارجه پرتغال، گفت که لیسبون آماده است.")
    assert len(sts) == 1
    sts = run("فرانسه، آلمان و ایتالیا این حمله را محکوم کردند.")
    assert {s["speaker"]["country"] for s in sts} == {"FR", "DE", "IT"}


# Who spoke an act later in an article: pronouns, anaphors, titles and names across
# sentences. Each case: the paragraphs after the headline, the trigger (its ``index``-th
# statement), and what the speaker must show. A plain string must equal the field;
# ``has``/``lacks`` test a substring, ``other_than`` a value it must not be.
class has(str):
    pass


class lacks(str):
    pass


class other_than(str):
    pass


def _fits(value, want):
    if isinstance(want, has):
        return want in value
    if isinstance(want, lacks):
        return want not in value
    if isinstance(want, other_than):
        return value != want
    return value == want


SPEAKER_CASES = [
    pytest.param(["بهرام کیانفر در نشست خبری گفت که صادرات افزایش یافته است."], "گفت", 0,
                 {"name": "بهرام کیانفر", "kind": "person"}, id="unknown_person_found_by_names_is_the_speaker"),
    pytest.param(["بهرام کیانفر صبح امروز از نمایشگاه کتاب بازدید کرد.",
                  "وی گفت که استقبال مردم زیاد بوده است."], "گفت", 0,
                 {"mention": "وی", "name": "بهرام کیانفر"}, id="pronoun_after_unknown_person_resolves_to_that_person"),
    pytest.param(["عزت‌الله کیانفر در گفت‌وگو با خبرنگاران اظهار داشت: رهبر انقلاب این پیشنهاد را رد می‌کنند.",
                  "وی افزود: باید مقاومت کرد."], "افزود", 0,
                 {"name": "عزت‌الله کیانفر"}, id="pronoun_does_not_pick_a_speaker_inside_quoted_words"),
    pytest.param(["رضا کیانی روز دوشنبه بازداشت شد.",
                  "دلیل بازداشت او اعلام نشده است ولی بهرام کیانفر، مسئول بسیج دانشگاه، گفته است که "
                  "اتهام او به دانشگاه مربوط نیست."], "گفته است", 0,
                 {"name": "بهرام کیانفر"}, id="pronoun_complement_yields_to_a_named_subject_after_but"),
    pytest.param(["خبرگزاری فارس: مسئول جنبش حزب‌الله در جنوب لبنان گفت: مقاومت آماده است.",
                  "این مسئول در ادامه به سخنان سخنگوی ارتش اسرائیل پاسخ داد.",
                  "\"نبیل قاووق\" در مصاحبه با شبکه العالم گفت: دشمن عقب نشست."], "گفت", -1,
                 {"name": has("قاووق"), "country": other_than("IL")},
                 id="an_office_mentioned_in_passing_does_not_name_a_later_person"),
    # «قائم مقام» is «قایم مقام» once folded; the title must still be found
    pytest.param(["قائم مقام ستاد انتخاباتی احمدی‌نژاد خواستار خودداری وزارت کشور از بازی با افکار عمومی شد."],
                 "خواستار", 0, {"mention": "قائم مقام ستاد انتخاباتی احمدی‌نژاد", "kind": "person"},
                 id="titles_spelled_with_hamza_match_the_folded_text"),
    pytest.param(["رئیس جمهور لبنان روز شنبه گفت دولت آماده گفت‌وگو است.",
                  "وی ادامه داد، بر اساس این توافق ارتش وارد شهر می‌شود."], "ادامه داد", 0,
                 {"country": "LB"}, id="continued_with_a_comma_after_a_pronoun_is_a_statement"),
    pytest.param(["خبرگزاری فارس: وزیر خارجه پرو روز شنبه گفت مرزها باز می‌شود.",
                  "رافائل لوپز با بیان اینکه گفت‌وگوها ادامه دارد به خبرنگاران گفت: ما آماده‌ایم.",
                  "سخنگوی دولت پرو اظهار داشت: تصمیم نهایی گرفته نشده است."], "اظهار داشت", 0,
                 {"name": lacks("لوپز")}, id="a_unique_office_after_a_named_speaker_is_someone_else"),
    pytest.param(["خبرگزاری رویترز نوشت که مذاکرات ادامه دارد.",
                  "در این گزارش با اشاره به نشست وین با حضور ۱۷ کشور از جمله پرو، نوشته است که توافق نزدیک است."],
                 "نوشته است", 0, {"name": "رویترز"}, id="an_actor_inside_a_leading_adverbial_phrase_is_not_the_subject"),
    pytest.param(["بهرام نیک‌سرشت سخنگوی کمیسیون بهداشت مجلس در گفت‌وگو با خبرنگار فارس گفت: جلسه مهم بود. "
                  "دو تصمیم گرفته شد. وی افزود: نظارت لازم است. بیماران مشکل دارند. "
                  "نماینده مردم قائنات در مجلس با اشاره به واردات دارو، گفت: گرانی ادامه دارد."], "گفت", -1,
                 {"name": "بهرام نیک‌سرشت"},
                 id="a_descriptive_title_a_few_sentences_after_the_named_speaker_is_that_speaker"),
    pytest.param(["بهرام نیک‌سرشت با اشاره به سخنان رافائل لوپز، گفت: ایشان مکرر تأکید می‌کنند که قانون باید اجرا شود."],
                 "تأکید می‌کنند", 0, {"name": "رافائل لوپز"},
                 id="a_pronoun_inside_quoted_words_is_the_other_person_named_there"),
    pytest.param(["یک سرباز کانادایی روز شنبه گفت که دستور شلیک داشته است.",
                  "این سرباز افزود: فرمانده بارها دستور داد."], "افزود", 0,
                 {"country": "CA"}, id="this_soldier_refers_back_to_the_soldier"),
    pytest.param(["پیش از این وزیر راه و شهرسازی خبر داده بود که ۲۴۰۰ پرواز لغو شد."], "خبر داده بود", 0,
                 {"mention": "وزیر راه و شهرسازی", "country": "IR"},
                 id="before_this_does_not_make_the_next_title_an_anaphor"),
    pytest.param(["نماینده مردم قائنات در مجلس با اشاره به واردات دارو، گفت: گرانی ادامه دارد."], "گفت", 0,
                 {"mention": "نماینده مردم قائنات در مجلس", "country": "IR"},
                 id="a_member_of_parliament_by_an_unlisted_constituency"),
]


@pytest.mark.parametrize("lines, trigger, index, want", SPEAKER_CASES)
def test_the_speaker_of_an_act_later_in_an_article(lines, trigger, index, want):
    speaker = statement(article(*lines), trigger, index)["speaker"]
    wrong = {k: speaker[k] for k, v in want.items() if not _fits(speaker[k], v)}
    assert not wrong, f"speaker {speaker['mention']!r} ({speaker['name']}): {wrong} should be {want}"
