"""Round 6: constructions found in blind articles of the sixth round. Sentences written
for these tests."""
import pytest

from extract_helpers import statement


def names(ms):
    return [m["mention"] for m in ms]


def test_two_names_across_a_comma_after_an_adverbial_are_no_list():
    text = "پیش از سخنان ظریف،علی لاریجانی در نشستی با انتقاد از کنگره گفت: این تحریم‌ها اثری ندارد."
    assert statement(text, "گفت")["speaker"]["mention"] == "علی لاریجانی"
    assert statement(text, "انتقاد")["speaker"]["mention"] == "علی لاریجانی"


def test_a_list_of_three_names_still_speaks_together():
    text = "ظریف، لاریجانی و روحانی در نشستی گفتند که مذاکرات ادامه دارد."
    st = statement(text, "گفتند")
    assert st["speaker"]["mention"] == "ظریف"


def test_an_apposition_comma_does_not_end_the_adverbial():
    text = "پس از دیدار با محمدجواد ظریف، وزیر خارجه ایران، سرگئی لاوروف گفت: روابط دو کشور خوب است."
    assert statement(text, "گفت")["speaker"]["mention"] == "سرگئی لاوروف"


def test_an_evaluative_word_in_quotes_before_khand_makes_it_criticize():
    assert statement("ظریف این تحریم‌ها را «غیرانسانی» خواند.", "خواند")["type"] == "criticize"


def test_an_evaluative_noun_phrase_before_qalamdad_makes_it_criticize():
    st = statement("لاوروف این اقدام آمریکا را اقدامی اشتباه قلمداد کرد.", "قلمداد کرد")
    assert st["type"] == "criticize"


def test_calling_a_report_wrong_is_a_denial():
    assert statement("سخنگوی وزارت خارجه این گزارش را غلط خواند.", "خواند")["type"] == "deny"


def test_a_neutral_judgement_stays_a_statement():
    assert statement("روحانی این طرح را مفید دانست.", "دانست")["type"] == "statement"


def test_a_passive_criticism_with_its_agent_is_a_statement_of_the_agent():
    st = statement("وزیر دفاع ژاپن از سوی وزارت خارجه چین مورد انتقاد قرار گرفت.", "مورد انتقاد قرار گرفت")
    assert st["type"] == "criticize"
    assert st["speaker"]["mention"] == "وزارت خارجه چین"
    assert names(st["targets"]) == ["وزیر دفاع ژاپن"]


def test_a_passive_threat_without_an_agent_is_no_statement():
    from extract_helpers import run
    assert run("این شبکه تلویزیونی روز گذشته مورد تهدید قرار گرفت.") == []


def test_an_unknown_agent_is_not_replaced_by_the_state_that_qualifies_it():
    from extract_helpers import run
    assert run("وزیر دفاع ژاپن از سوی احزاب مخالف ژاپن مورد انتقاد قرار گرفته بود.") == []


def test_a_square_a_prison_and_a_lake_after_their_head_are_places():
    st = statement("استاندار تهران گفت: طرح توسعه میدان امیرکبیر و دریاچه هامون ادامه دارد و زندان اوین"
                   " تعطیل نمی‌شود.", "گفت")
    assert names(st["locations"]) == ["میدان امیرکبیر", "دریاچه هامون", "زندان اوین"]


def test_dabir_kol_written_apart_with_an_unknown_front_is_a_speaker():
    st = statement("دبیر کل جبهه پایداری در ادامه خاطرنشان کرد: ما در انتخابات شرکت می‌کنیم.", "خاطرنشان کرد")
    assert st["speaker"]["mention"] == "دبیر کل جبهه پایداری" and st["speaker"]["kind"] == "person"


def test_ehtemal_dad_is_a_statement():
    st = statement("اولمرت در ادامه احتمال داد که نتانیاهو از قدرت کنار برود.", "احتمال داد")
    assert st["type"] == "statement" and st["speaker"]["mention"] == "اولمرت"


def test_ebraz_tars_is_concern_and_ebraz_nakhorsandi_criticism():
    assert statement("اولمرت با ابراز ترس از سیاست‌های نتانیاهو گفت: این راه به جایی نمی‌رسد.",
                     "ابراز ترس")["type"] == "concern"
    assert statement("وزیر بهداشت ایران ضمن ابراز ناخرسندی از شرایط دارویی کشور خواستار اقدام دولت شد.",
                     "ابراز ناخرسندی")["type"] == "criticize"


def test_a_request_of_a_state_in_the_body_is_its_statement():
    st = statement("کره شمالی روز گذشته درخواست آمریکا برای برچیدن برنامه هسته‌ای را رد کرد.", "درخواست")
    assert st["type"] == "request" and st["speaker"]["mention"] == "آمریکا"


def test_an_agenda_and_a_newsroom_asking_for_comment_are_no_requests():
    from extract_helpers import run
    sts = run("مجلس این گزارش را در دستور مجمع عمومی قرار داد و به درخواست نیوزویک برای اظهارنظر پاسخی نداد.")
    assert [s["trigger"]["text"] for s in sts if s["trigger"]["text"] in ("دستور", "درخواست")] == []


def test_condolences_are_a_statement_as_cameo_018_has_it():
    st = statement("رئیس جمهور ایران درگذشت این شخصیت را به مردم لبنان تسلیت گفت.", "تسلیت گفت")
    assert st["type"] == "statement"


def test_a_condolence_message_in_a_headline_is_a_statement():
    st = statement("پیام تسلیت هاشمی رفسنجانی به رئیس جمهور لبنان", "پیام تسلیت")
    assert st["speaker"]["mention"] == "هاشمی رفسنجانی"


def test_an_estimate_and_a_comparison_are_statements():
    assert statement("استاندار بیروت خسارات انفجار را 15 میلیارد دلار برآورد کرد.", "برآورد کرد")["type"] == "statement"
    st = statement("«ژاک دله» دادستان مارسی ضمن تشبیه این رسوایی به یک فاجعه گفت: پرونده ادامه دارد.", "تشبیه")
    assert st["speaker"]["mention"] == "ژاک دله"


def test_be_neveshte_of_a_paper_with_a_demonym_cites_an_outlet_and_names_no_speaker():
    from extract_helpers import run
    sts = run("به نوشته روزنامه فرانسوی فیگارو، وزیر خارجه فرانسه گفت که دو کشور همکاری می‌کنند.")
    assert [(s["trigger"]["text"], s["speaker"]["mention"]) for s in sts] == [("گفت", "وزیر خارجه فرانسه")]
    assert [o["name"] for o in sts[0]["outlets"]] == ["خبرگزاری فارس", "فیگارو"]


def test_a_telephone_conversation_before_an_office_is_no_name():
    from extract_helpers import run
    sts = run("کاخ ریاست جمهوری فرانسه از گفت‌وگوی تلفنی رئیس‌جمهور فرانسه و نخست‌وزیر انگلیس خبر داد.")
    names_seen = [e["name"] for s in sts for e in [s["speaker"]] + s["targets"]]
    assert not any("گفت" in n for n in names_seen)


def test_the_leaders_of_the_two_countries_are_a_group():
    st = statement("سران دو کشور بر گسترش روابط تاکید کردند.", "تاکید کردند")
    assert st["speaker"]["mention"] == "سران دو کشور" and st["speaker"]["kind"] == "group"


def test_a_capital_after_a_place_word_is_the_city_where_it_happened():
    st = statement("استاندار بیروت خسارت ناشی از انفجار بندر بیروت را 15 میلیارد دلار برآورد کرد.", "برآورد کرد")
    assert [(x["mention"], x["kind"], x["country"]) for x in st["locations"]] == [("بیروت", "place", "LB")]
    assert st["targets"] == []


def test_a_capital_after_dar_is_the_city_not_its_state():
    st = statement("لاوروف گفت: نشست آینده در تهران برگزار می‌شود.", "گفت")
    assert [(x["name"], x["kind"], x["country"]) for x in st["locations"]] == [("تهران", "place", "IR")]


def test_prisoners_with_a_demonym_are_a_target_group_of_that_state():
    st = statement("سخنگوی حماس گفت رژیم صهیونیستی اسرای فلسطینی و زندانیان لبنانی را شکنجه می‌کند.", "گفت")
    got = {(t["mention"], t["kind"], t["country"]) for t in st["targets"]}
    assert {("اسرای فلسطینی", "group", "PS"), ("زندانیان لبنانی", "group", "LB")} <= got


def test_the_prisoners_club_keeps_its_name_around_the_prisoners_group():
    st = statement("عنوان خبر\nباشگاه اسرای فلسطین فاش کرد که رژیم صهیونیستی اسرای فلسطینی را شکنجه می‌کند.",
                   "فاش کرد")
    assert st["speaker"]["mention"] == "باشگاه اسرای فلسطین" and st["speaker"]["kind"] == "organization"


def test_the_full_text_of_a_message_as_follows_is_its_authors_statement():
    from extract_helpers import run
    sts = run("هاشمی رفسنجانی درگذشت آیت الله کریمی را تسلیت گفت.\n"
              "متن کامل پیام تسلیت رئیس مجمع تشخیص مصلحت نظام به شرح زیر است:\nبسم الله الرحمن الرحیم")
    assert [(s["trigger"]["text"], s["speaker"]["mention"]) for s in sts] == [
        ("تسلیت گفت", "هاشمی رفسنجانی"), ("به شرح زیر است", "رئیس مجمع تشخیص مصلحت نظام")]


def test_an_unknown_institute_right_before_its_act_is_the_speaker():
    st = statement("موسسه تحقیقات آب وزارت نیرو هشدار داده است که سیلاب در راه است.", "هشدار داده است")
    assert st["speaker"]["mention"] == "موسسه تحقیقات آب وزارت نیرو"
    assert st["speaker"]["kind"] == "organization" and st["type"] == "warn"


def test_an_unknown_phrase_ending_in_a_verb_noun_is_no_organisation():
    from extract_helpers import run
    sts = run("او با انتشار ویدئوهایی از فساد در خانواده السیسی و سران ارتش سخن گفت و مدعی شد که اسناد دارد.")
    assert all(not s["speaker"]["mention"].endswith("سخن") for s in sts)


def test_opposition_parties_opening_their_clause_are_a_group_speaker():
    st = statement("احزاب مخالف تهدید کرده بودند که وزیر را استیضاح می‌کنند.", "تهدید کرده بودند")
    assert st["speaker"]["mention"] == "احزاب مخالف" and st["speaker"]["kind"] == "group"
    st = statement("فعالان سیاسی ایرانی خواستار آزادی زندانیان شدند.", "خواستار")
    assert st["speaker"]["mention"] == "فعالان سیاسی ایرانی" and st["speaker"]["country"] == "IR"


def test_financial_prisoners_are_not_prisoners_of_mali():
    from extract_helpers import run
    for s in run("وزیر دادگستری ایران با آزادی زندانیان مالی موافقت کرد."):
        assert all(t["country"] != "ML" for t in s["targets"] + s["locations"])


def test_the_speaker_after_be_gofte_is_looked_for_past_the_source_phrase():
    st = statement("به گفته باشگاه اسرای فلسطین، اسرای فلسطینی در زندان‌ها شکنجه می‌شوند.", "به گفته")
    assert st["speaker"]["mention"] == "باشگاه اسرای فلسطین"


def test_rejecting_a_policy_is_reject_and_rejecting_a_report_is_deny():
    st = statement("کشورهای اروپایی سیاست فشار حداکثری آمریکا را رد کرده‌اند.", "رد کرده‌اند")
    assert st["type"] == "reject"
    assert statement("سخنگوی وزارت خارجه چین این گزارش را رد کرد.", "رد کرد")["type"] == "deny"


def test_mohajerani_is_a_surname_not_the_migrants():
    st = statement("حشمت مهاجرانی سرمربی سابق تیم ملی گفت: ایران بازی خوبی کرد. مهاجرانی افزود: باید بررسی کنیم.",
                   "افزود")
    assert st["speaker"]["kind"] == "person" and "مهاجرانی" in st["speaker"]["name"]


def test_a_capital_after_a_compass_adjective_is_the_city():
    st = statement("منابع بیمارستانی اعلام کردند: «در حمله‌ای در جنوب غربی بغداد 14 نفر کشته شدند.»", "اعلام کردند")
    assert [(x["mention"], x["kind"]) for x in st["locations"]] == [("بغداد", "place")]


def test_a_district_after_mantaghe_is_a_place():
    st = statement("منابع بیمارستانی اعلام کردند که در منطقه الدوره بغداد 14 نفر کشته شدند.", "اعلام کردند")
    assert "منطقه الدوره" in [x["mention"] for x in st["locations"]]


def test_the_claims_of_a_state_in_the_body_are_its_statement():
    st = statement("لاوروف اظهار داشت: علیرغم ادعاهای اسرائیل مبنی بر خطر ایران، این کشور تهدیدی نیست.", "ادعاهای")
    assert st["speaker"]["mention"] == "اسرائیل"


def test_zemn_mokhalefat_is_the_speakers_own_rejection():
    st = statement("سعد عبود ضمن مخالفت با اکتفا به اصلاحات گفت: ما قانون اساسی جدید می‌خواهیم.", "مخالفت")
    assert st["type"] == "reject" and st["speaker"]["mention"] == "سعد عبود"


def test_eshare_be_in_mozu_ke_opens_an_adverbial_act():
    st = statement("کاترین اشتون ضمن اشاره به این موضوع که خشونت قابل قبول نیست، گفت: طرفین باید خویشتندار باشند.",
                   "اشاره")
    assert st["speaker"]["mention"] == "کاترین اشتون"


def test_one_can_mention_is_the_narrators_aside_and_it_is_said_has_no_speaker():
    from extract_helpers import run
    assert run("از میان این افراد می‌توان به «ژایر بولسونارو» رئیس‌جمهور برزیل اشاره کرد.") == []
    assert run("گفته می‌شود نیروهای آمریکایی در این حمله نقش داشتند.") == []


def test_a_one_word_quoted_name_vouched_for_by_its_body_is_a_speaker():
    st = statement("«عبدالرحیم» از پلیس بنگلادش گفت: «ما هنوز در حال تحقیق هستیم».", "گفت")
    assert st["speaker"]["mention"] == "«عبدالرحیم»" and st["speaker"]["kind"] == "person"


def test_a_three_word_evaluation_in_quotes_sets_the_type():
    st = statement("وزیر خارجه کانادا این اقدام ایران را «غیر قابل قبول» خوانده بود.", "خوانده بود")
    assert st["type"] == "criticize"


def test_holding_someone_responsible_is_an_accusation():
    assert statement("وزیر کشور مصر گروه‌های افراطی را مسئول انفجارها دانست.", "دانست")["type"] == "accuse"
    assert statement("وزیر خارجه روسیه آمریکا را عامل بی‌ثباتی منطقه خواند.", "خواند")["type"] == "accuse"


def test_more_speech_acts_of_doubt_ignorance_praise_and_memory():
    assert statement("دادستان کل عراق از اعدام آنها ابراز بی‌اطلاعی کرد.", "ابراز بی‌اطلاعی کرد")["type"] == "statement"
    assert statement("وزیر خارجه عربستان در این باره ابراز تردید کرد.", "ابراز تردید کرد")["type"] == "deny"
    assert statement("کروبی ضمن تمجید از سخنرانان این کنگره گفت: ما ادامه می‌دهیم.", "تمجید")["type"] == "praise"
    assert statement("کروبی همچنین به ذکر خاطره‌ای از زندان پرداخت.", "ذکر")["speaker"]["mention"] == "کروبی"


def test_by_order_of_is_narration_and_be_neveshte_of_this_weekly_cites_an_outlet():
    from extract_helpers import run
    assert run("پرونده با دستور معاون دادستان تهران در اختیار پلیس قرار گرفت.") == []
    sts = run("روزنامه «دیلی تلگراف» به نقل از هفته‌نامه «جینز دیفنس» نوشت که ایران تاسیسات جدیدی دارد.\n"
              "به نوشته این هفته‌نامه، این تاسیسات نزدیک نطنز است.")
    assert [s["trigger"]["text"] for s in sts] == ["نوشت"]


def test_naming_insisting_and_questioning_are_speech_acts():
    assert statement("وزیر دفاع ژاپن از نیروهای دفاعی به عنوان ماشین خشن نام برده بود.", "نام برده بود")["type"] == "statement"
    assert statement("ایران اصرار داشت که برنامه‌هایش صلح‌آمیز است.", "اصرار داشت")["type"] == "statement"
    assert statement("حزب‌الله حق اشغال را زیر سوال برد.", "زیر سوال برد")["type"] == "criticize"


def test_a_negative_answer_concluding_and_narrating_are_speech_acts():
    assert statement("ترامپ به این خواسته پاسخ منفی داده است.", "پاسخ منفی داده است")["type"] == "reject"
    st = statement("دولت انگلیس نتیجه‌گیری کرده است که این کشور ضعیف‌تر می‌شود.", "نتیجه‌گیری کرده است")
    assert st["speaker"]["mention"] == "دولت انگلیس"
    assert statement("رهبر انقلاب دوران تبعید خود را روایت می‌کنند.", "روایت می‌کنند")["type"] == "statement"


@pytest.mark.parametrize("text, trigger", [
    pytest.param("وزیر کشور ایران گفت: دولت باید به میدان برود و آنها را به زندان بازگردانده‌اند.", "گفت",
                 id="going_into_the_field_is_no_square_and_a_perfect_verb_no_prison"),
    pytest.param("وزیر نیرو ایران هشدار داد که در ۱۲ استان «احتمال وقوع سیلاب» وجود دارد.", "هشدار داد",
                 id="a_number_before_a_province_head_makes_it_a_count_not_a_place"),
    pytest.param("وزیر خارجه عراق گفت که همکاری منطقه ای ادامه دارد.", "گفت", id="regional_is_no_district"),
])
def test_a_place_head_that_names_no_place(text, trigger):
    assert statement(text, trigger)["locations"] == []
