"""Round 4: reporting verbs and anaphors found missing on a larger unseen sample.
Sentences written for these tests."""
from extract_helpers import by_trigger, run


def triggers(sts):
    return [s["trigger"]["text"] for s in sts]


def test_ezafe_kard_before_a_colon_is_a_reporting_verb():
    text = ("عنوان خبر\n"
            "وزیر خارجه مکزیک گفت روابط دو کشور گسترش می‌یابد.\n"
            "وی اضافه کرد: همکاری اقتصادی اولویت ماست.")
    st = by_trigger(run(text), "اضافه کرد")[0]
    assert st["type"] == "statement" and st["speaker"]["country"] == "MX"
    assert st["direct_quote"] is True


def test_ezafe_kard_as_plain_adding_is_not_a_statement():
    sts = run("وزارت بهداشت مکزیک ده تخت به این بیمارستان اضافه کرد.")
    assert "اضافه کرد" not in triggers(sts)


def test_this_figure_with_a_demonym_resolves_to_the_earlier_person():
    text = ("عنوان خبر\n"
            "حسن نصرالله دبیرکل حزب‌الله لبنان گفت مقاومت آماده است.\n"
            "این شخصیت لبنانی در بخش دیگری از سخنان خود گفت: دشمن عقب نشست.")
    sts = by_trigger(run(text), "گفت")
    assert len(sts) == 2
    assert sts[1]["speaker"]["name"] == sts[0]["speaker"]["name"]
    assert "نصرالله" in sts[1]["speaker"]["name"]


def test_condemnation_verbs_are_criticize_and_denial_is_deny():
    sts = run("وزارت خارجه مالزی این حمله را تقبیح کرد.")
    assert by_trigger(sts, "تقبیح کرد")[0]["type"] == "criticize"
    sts = run("سخنگوی دولت مالزی این سیاست را نکوهش کرد.")
    assert by_trigger(sts, "نکوهش کرد")[0]["type"] == "criticize"
    sts = run("وزیر دفاع مالزی دست داشتن در این حادثه را انکار کرد.")
    assert by_trigger(sts, "انکار کرد")[0]["type"] == "deny"


def test_moored_enteghad_gharar_dad_is_an_act_but_the_passive_only_with_its_agent():
    sts = run("نخست وزیر مالزی سیاست‌های تازه آمریکا را مورد انتقاد قرار داد.")
    st = by_trigger(sts, "مورد انتقاد قرار داد")[0]
    assert st["type"] == "criticize" and st["speaker"]["country"] == "MY"
    # the passive is an act of its agent («از سوی X»), as «رد شد از سوی X» is; without one, none
    st = by_trigger(run("سیاست‌های تازه آمریکا از سوی رسانه‌ها مورد انتقاد قرار گرفت."), "مورد انتقاد قرار گرفت")[0]
    assert st["speaker"]["mention"] == "رسانه‌ها"
    assert run("سیاست‌های تازه آمریکا مورد انتقاد قرار گرفت.") == []


def test_mozakker_shod_and_yadavar_gardid_are_reporting_verbs():
    sts = run("سفیر ژاپن در تهران متذکر شد که روابط دو کشور دیرینه است.")
    assert by_trigger(sts, "متذکر شد")[0]["speaker"]["country"] == "JP"
    sts = run("سفیر ژاپن در تهران یادآور گردید که روابط دو کشور دیرینه است.")
    assert by_trigger(sts, "یادآور گردید")[0]["type"] == "statement"


def test_threatened_with_split_by_its_object_names_the_threatened_target():
    st = by_trigger(run("وزیر دفاع هند پاکستان را تهدید به حمله کرد."), "تهدید")[0]
    assert st["type"] == "warn"
    assert [t["mention"] for t in st["targets"]] == ["پاکستان"]


def test_the_noun_threat_alone_is_not_a_split_act():
    sts = run("این تهدید جدی است و وزیر خارجه ژاپن گفت نگران است.")
    assert "تهدید" not in triggers(sts)


def test_declining_to_comment_is_reject_but_declining_to_pay_is_not_a_statement():
    sts = run("سخنگوی وزارت خارجه آمریکا از اظهار نظر درباره این گزارش خودداری کرد.")
    st = by_trigger(sts, "خودداری کرد")[0]
    assert st["type"] == "reject" and st["speaker"]["country"] == "US"
    assert run("دولت ژاپن از پرداخت بدهی خود خودداری کرد.") == []


def test_sources_with_an_adjective_and_a_demonym_are_a_group_of_that_country():
    text = ("عنوان خبر\n"
            "منابع پزشکی فلسطینی اعلام کردند یک کودک در این حمله کشته شد.\n"
            "این منابع همچنین تاکید کردند که درگیری‌ها ادامه دارد.")
    sts = run(text)
    first = by_trigger(sts, "اعلام کردند")[0]
    assert first["speaker"]["mention"] == "منابع پزشکی فلسطینی"
    assert first["speaker"]["kind"] == "group" and first["speaker"]["country"] == "PS"
    assert by_trigger(sts, "تاکید کردند")[0]["speaker"]["name"] == first["speaker"]["name"]


def test_adverbial_eshare_with_a_clause_is_a_statement_but_with_a_topic_is_not():
    sts = run("عنوان خبر\nوزیر خارجه ژاپن با اشاره به اینکه تحریم‌ها ادامه دارد، گفت: این کار بی‌فایده است.")
    assert triggers(sts) == ["اشاره", "گفت"]
    sts = run("عنوان خبر\nوزیر خارجه ژاپن با اشاره به وضعیت عراق گفت: امیدواریم.")
    assert triggers(sts) == ["گفت"]


def test_be_tashrih_pardakht_and_ba_tarh_e_in_soal():
    sts = run("عنوان خبر\nوزیر خارجه ژاپن در این نشست به تشریح مواضع توکیو درباره کره شمالی پرداخت.")
    st = by_trigger(sts, "تشریح")[0]
    assert st["speaker"]["country"] == "JP" and st["type"] == "statement"
    assert [t["mention"] for t in st["targets"]] == ["کره شمالی"]
    sts = run("عنوان خبر\nوزیر خارجه ژاپن به انتقاد از سیاست‌های چین پرداخت.")
    assert by_trigger(sts, "انتقاد")[0]["type"] == "criticize"
    assert run("عنوان خبر\nاین طرح به بررسی مسائل مالی پرداخت.") == []
    sts = run("عنوان خبر\nوزیر خارجه ژاپن با طرح این سوال که چرا آمریکا تحریم می‌کند، گفت: این راه درست نیست.")
    assert triggers(sts) == ["طرح", "گفت"]


def test_interior_ministry_alone_in_iranian_copy_is_irans():
    sts = run("عنوان خبر\nوزارت کشور اعلام کرد نتایج انتخابات فردا منتشر می‌شود.")
    sp = by_trigger(sts, "اعلام کرد")[0]["speaker"]
    assert sp["kind"] == "government_body" and sp["country"] == "IR"


def test_an_unknown_organisation_around_a_state_is_the_speaker_not_the_state():
    sts = run("عنوان خبر\nباشگاه اسرای فلسطین فاش کرد که رژیم صهیونیستی اسرا را شکنجه می‌کند.")
    sp = by_trigger(sts, "فاش کرد")[0]["speaker"]
    assert sp["mention"] == "باشگاه اسرای فلسطین" and sp["kind"] == "organization"
    assert sp["country"] == "PS"


def test_an_official_titled_a_few_words_before_an_international_body_is_a_person():
    text = ("عنوان خبر\n"
            "رئیس گروه بازرسان تسلیحاتی سازمان ملل خواستار نابودی سلاح‌های کشتار جمعی شد.\n"
            "وی افزود: تا این کشورها سلاح‌ها را نابود نکنند امیدی نیست.")
    sts = run(text)
    sp = by_trigger(sts, "خواستار")[0]["speaker"]
    assert sp["kind"] == "person" and sp["country"] is None
    assert sp["mention"].startswith("رئیس گروه بازرسان")
    assert by_trigger(sts, "افزود")[0]["speaker"]["name"] == sp["name"]


def test_an_unnamed_office_and_a_later_bare_surname_are_one_person():
    text = ("عنوان خبر\n"
            "رئیس گروه بازرسان تسلیحاتی سازمان ملل خواستار نابودی سلاح‌ها شد.\n"
            "وی گفت: امیدی به پیشرفت نیست.\n"
            "بلیکس گفت: بازرسی‌ها ادامه نمی‌یابد.")
    sts = run(text)
    names = {s["speaker"]["name"] for s in sts}
    assert names == {"بلیکس"}


def test_speaking_in_a_relative_clause_is_the_occasion_not_a_statement():
    text = "عنوان خبر\nپرویز مشرف که در مراسم رژه ارتش سخن می‌گفت، تاکید کرد: از دولت جدید حمایت می‌کنیم."
    assert triggers(run(text)) == ["تاکید کرد"]


def test_a_reporting_verb_without_ke_takes_the_clause_after_it_as_content():
    text = ("عنوان خبر\n"
            "رئیس کمیته امور بین‌الملل شورای فدراسیون روسیه نیز اعلام کرد به شرط آنکه انگلیس "
            "مواضع تروریست‌ها را هدف قرار دهد، مسکو از این اقدام استقبال می‌کند.")
    st = by_trigger(run(text), "اعلام کرد")[0]
    assert st["content"]["text"].startswith("به شرط آنکه انگلیس")
    assert "انگلیس" in [t["mention"] for t in st["targets"]]
    # an object before the verb keeps the content before it
    st = by_trigger(run("عنوان خبر\nدولت ژاپن حمایت خود را از این طرح اعلام کرد و نشست پایان یافت."), "اعلام کرد")[0]
    assert "این طرح" in st["content"]["text"]


def test_a_topic_phrase_before_the_verb_names_what_the_statement_is_about():
    text = "عنوان خبر\nرئیس سازمان بازرسی کل کشور در مورد حادثه پاکدشت گفت: این حادثه نباید فراموش شود."
    st = by_trigger(run(text), "گفت")[0]
    assert [x["mention"] for x in st["locations"]] == ["پاکدشت"]


def test_the_city_of_a_capital_is_a_place_not_the_state():
    text = "عنوان خبر\nمدیرکل هلال احمر گفت: 30 منطقه در سطح شهر تهران آماده دریافت کمک‌ها است."
    st = by_trigger(run(text), "گفت")[0]
    locs = st["locations"]
    assert [x["mention"] for x in locs] == ["تهران"] and locs[0]["country"] == "IR"
    assert all(t["kind"] != "state" for t in st["targets"])


def test_asked_not_to_be_named_is_not_a_request():
    text = ("عنوان خبر\n"
            "یک مقام نیروهای ائتلافی که خواست نامش فاش نشود گفت: قانون اساسی سازنده است.")
    assert triggers(run(text)) == ["گفت"]


def test_an_outlet_relaying_a_named_speaker_after_a_quoted_name_is_not_a_speaker():
    text = ("عنوان خبر\n"
            "سایت اینترنتی «میدل ایست آنلاین» روز گذشته نوشت: «فرانکو فراتینی» وزیر امور خارجه ایتالیا "
            "روز دوشنبه گفت که ایران تمایل به مذاکره دارد.")
    sts = run(text)
    assert triggers(sts) == ["گفت"]
    assert sts[0]["speaker"]["country"] == "IT"


def test_committed_is_agree():
    st = by_trigger(run("عنوان خبر\nدولت ژاپن متعهد شد کمک‌های خود را افزایش دهد."), "متعهد شد")[0]
    assert st["type"] == "agree"


def test_local_offices_take_a_city_and_ranks_and_officials_take_a_demonym():
    text = ("عنوان خبر\n"
            "نماینده مردم تبریز گفت: این تهاجم محکوم است.\n"
            "شهردار مشهد افزود: واحدهای مسکونی آسیب دیدند.\n"
            "یک سرگرد آمریکایی گفت: ما برای حفاظت آمده‌ایم.\n"
            "مقام ونزوئلایی اعلام کرد که همکاری ادامه دارد.")
    sts = run(text)
    got = [(s["speaker"]["mention"], s["speaker"]["kind"], s["speaker"]["country"]) for s in sts]
    assert got == [("نماینده مردم تبریز", "person", "IR"), ("شهردار مشهد", "person", "IR"),
                   ("یک سرگرد آمریکایی", "person", "US"), ("مقام ونزوئلایی", "person", "VE")]


def test_a_bare_title_word_without_a_complement_is_no_speaker():
    sts = run("عنوان خبر\nمقام معظم رهبری فرمودند: مردم آگاه هستند.")
    assert all(s["speaker"]["name"] not in ("مقام", "مقام ایران") for s in sts)


def test_the_lead_office_and_the_name_in_the_body_are_one_person_with_the_offices_country():
    text = ("مشرف از دولت جدید حمایت می‌کند\n"
            "خبرگزاری فارس: رئیس‌جمهور پاکستان با بیان اینکه دوران دموکراسی آغاز شده است، حمایت خود را از دولت جدید اعلام کرد.\n"
            "به گزارش فارس، \"پرویز مشرف\" در مراسم رژه ارتش گفت: دوران واقعی دموکراسی شروع شده است.")
    sts = run(text)
    st = by_trigger(sts, "گفت")[0]
    assert st["speaker"]["name"] == "پرویز مشرف" and st["speaker"]["country"] == "PK"


def test_the_people_of_a_city_are_a_group_and_the_cabinet_alone_is_irans():
    text = "عنوان خبر\nرئیس جمهور در جلسه هیئت دولت گفت: مردم یزد همیشه در صحنه بوده‌اند."
    st = by_trigger(run(text), "گفت")[0]
    tg = {(t["mention"], t["kind"], t["country"]) for t in st["targets"]}
    assert ("مردم یزد", "group", "IR") in tg
    assert st["locations"] == []


def test_turkish_and_kurdish_forces_and_a_quoted_paper_at_the_content_end_are_targets():
    st = by_trigger(run("عنوان خبر\nوزیر خارجه آمریکا گفت: حضور نیروهای ترک و نیروهای کرد در عراق مفید نیست."), "گفت")[0]
    got = {(t["mention"], t["kind"], t["country"]) for t in st["targets"]}
    assert ("نیروهای ترک", "government_body", "TR") in got and ("نیروهای کرد", "group", None) in got
    text = ("عنوان خبر\nیک عضو مجلس کویت، واکنش سخنگوی وزارت خارجه ایران را در مورد کاریکاتور "
            "روزنامه بحرینی \"الایام\"، نامناسب خواند.")
    st = by_trigger(run(text), "نامناسب خواند")[0]
    assert any(t["kind"] == "media" and "الایام" in t["mention"] for t in st["targets"])


def test_sources_police_and_officials_named_by_role_only():
    text = ("عنوان خبر\n"
            "پلیس اعلام کرد برخی از اجساد شناسایی شده است.\n"
            "یکی از منابع نزدیک به دولت اعلام کرد که جلسه برگزار می‌شود.\n"
            "یک مسوول آگاه نیز گفت: این توافقنامه امضا شد.\n"
            "این افسر سابق اطلاعاتی اظهار داشت: ما مدرکی نداریم.\n"
            "مدیر عامل بانک توسعه تعاون گفت: هدف حمایت است.\n"
            "یک افسر آمریکایی گفت: ما آماده‌ایم.")
    got = [(s["speaker"]["mention"], s["speaker"]["country"]) for s in run(text)]
    assert got[0] == ("پلیس", None) and got[1][0] == "یکی از منابع" and got[2][0] == "یک مسوول آگاه"
    assert got[3][0] == "این افسر" and got[4][0] == "مدیر عامل بانک توسعه تعاون"
    assert got[5] == ("یک افسر آمریکایی", "US")


def test_a_title_vouches_for_a_name_the_word_list_calls_a_plural():
    st = run("عنوان خبر\nآیت الله مکارم شیرازی گفت: مجلس در رأس امور است.")[0]
    assert st["speaker"]["mention"] == "مکارم شیرازی" and st["speaker"]["kind"] == "person"


def test_a_second_speech_act_noun_joined_by_va_to_an_adverbial_is_an_act_too():
    text = ("عنوان خبر\nوزیر خارجه ژاپن با تبریک به ملت ایران و تشکر از آنان، "
            "خواستار گسترش روابط دو کشور شد.")
    assert triggers(run(text)) == ["تبریک", "تشکر", "خواستار"]
    assert all(s["speaker"]["country"] == "JP" for s in run(text))


def test_member_states_of_an_organisation_are_the_speaker_not_a_state_in_their_clause():
    text = "عنوان خبر\nکشورهای عضو جنبش عدم تعهد با ارجاع پرونده ایران به شورای امنیت مخالفند."
    sp = by_trigger(run(text), "مخالفند")[0]["speaker"]
    assert sp["kind"] == "group" and sp["mention"].startswith("کشورهای عضو جنبش")


def test_ba_after_a_noun_and_an_obligation_to_explain_are_not_acts():
    assert "تهدید" not in triggers(run("عنوان خبر\nوزیر دفاع ژاپن گفت: وظیفه ما مقابله با تهدید سخت است."))
    assert triggers(run("عنوان خبر\nوزیر خارجه ژاپن گفت که باید به تبیین نقش دولت پرداخت.")) == ["گفت"]
    st = by_trigger(run("عنوان خبر\nنتانیاهو با تهدید حماس به واکنشی سخت گفت: صبر ما تمام شده است."), "تهدید")[0]
    assert st["type"] == "warn"


def test_pishbini_with_an_object_is_providing_for_not_predicting():
    text = ("عنوان خبر\nاحمد وحیدی وزیر کشور تصریح کرد: مردم تدابیر لازم را اتخاذ کنند. "
            "هلال احمر قرص‌هایی را همراه با اتاق‌های سرد پیش‌بینی کرده است.")
    assert triggers(run(text)) == ["تصریح کرد"]
    text = "عنوان خبر\nعمرو موسی دبیرکل اتحادیه عرب موضوع تاخیر را عنوان کرد و پیش‌بینی کرد که نشست به تاخیر افتد."
    assert triggers(run(text)) == ["عنوان کرد", "پیش‌بینی کرد"]


def test_a_name_with_two_titles_joined_by_va_holds_the_office_after_them():
    text = "عنوان خبر\nدر اوایل اسفند، محمد سعیدی، نماینده ولی فقیه و امام جمعه قم، گفت: حرم باز می‌ماند."
    assert run(text)[0]["speaker"]["name"] == "محمد سعیدی"


def test_a_bare_government_or_cabinet_in_the_speakers_words_is_that_of_the_speakers_country():
    text = "عنوان خبر\nوزیر خارجه لبنان گفت: ما در دولت مشارکت داریم و دولت‌ها باید این را بدانند."
    tg = by_trigger(run(text), "گفت")[0]["targets"]
    assert [(t["mention"], t["kind"], t["country"]) for t in tg] == [("دولت", "government_body", "LB")]


def test_a_new_clause_after_a_finite_verb_and_va_brings_its_own_subject():
    text = "عنوان خبر\nآمریکا مسئول این بحران است و وزیر خارجه ژاپن گفت: همکاری لازم است."
    assert by_trigger(run(text), "گفت")[0]["speaker"]["country"] == "JP"
    text = "عنوان خبر\nوزیر خارجه ژاپن خواستار رسیدگی به مشکلات شد و گفت: بودجه کافی نیست."
    assert by_trigger(run(text), "گفت")[0]["speaker"]["country"] == "JP"


def test_an_official_of_an_organisation_named_with_masoul():
    text = "عنوان خبر\nنبیل قاووق مسئول حزب‌الله در جنوب لبنان گفت: مقاومت آماده است."
    assert by_trigger(run(text), "گفت")[0]["speaker"]["name"] == "نبیل قاووق"


def test_endangering_security_is_not_a_threat_statement():
    text = "عنوان خبر\nوزیر خارجه ژاپن گفت: این اقدام ثبات منطقه و امنیت تجارت جهانی را نیز تهدید کرده است."
    assert triggers(run(text)) == ["گفت"]
    st = by_trigger(run("عنوان خبر\nوزیر خارجه ژاپن کره شمالی را تهدید کرد."), "تهدید کرد")[0]
    assert st["type"] == "warn"
