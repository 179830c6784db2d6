"""Outlets: the publisher first, cited outlets with the scope rule, interviews."""
import pytest

from extract_helpers import by_trigger, run


def names(st):
    return [o["name"] for o in st["outlets"]]


def test_publisher_first_and_cited_outlet_holds_until_the_next_attribution():
    text = ("به گزارش خبرگزاری فارس به نقل از رویترز، وزیر خارجه کویت گفت که نشست برگزار می‌شود.\n"
            "وی افزود که همه کشورها دعوت شده‌اند.\n"
            "به گزارش الجزیره، وزیر خارجه قطر نیز گفت که دوحه شرکت می‌کند.")
    sts = run(text)
    assert names(sts[0]) == ["خبرگزاری فارس", "رویترز"]
    assert names(sts[1]) == ["خبرگزاری فارس", "رویترز"]
    assert names(sts[2]) == ["خبرگزاری فارس", "الجزیره"]


def test_publisher_alone_when_nothing_is_cited():
    st = run("وزیر خارجه کویت گفت که نشست برگزار می‌شود.", outlet="خبرگزاری ایرنا")[0]
    assert names(st) == ["خبرگزاری ایرنا"]


def test_short_publisher_name_resets_the_chain():
    text = ("به گزارش فارس به نقل از رویترز، وزیر خارجه کویت گفت که نشست برگزار می‌شود.\n"
            "به گزارش فارس، وزیر خارجه قطر گفت که دوحه شرکت می‌کند.")
    sts = run(text)
    assert names(sts[0]) == ["خبرگزاری فارس", "رویترز"]
    assert names(sts[1]) == ["خبرگزاری فارس"]


def test_interview_outlet_only_for_that_speaker_and_follow_on():
    text = ("به گزارش خبرگزاری فارس به نقل از رویترز، وزیر خارجه عمان در گفت‌وگو با الجزیره گفت که مسقط میانجی است.\n"
            "وی افزود که گفت‌وگوها ادامه دارد.\n"
            "وزیر خارجه کویت نیز گفت که از این تلاش حمایت می‌کند.")
    sts = run(text)
    a, b, c = sts[0], by_trigger(sts, "افزود")[0], [s for s in sts if s["speaker"]["country"] == "KW"][0]
    assert names(a) == ["خبرگزاری فارس", "رویترز", "الجزیره"]
    assert names(b) == ["خبرگزاری فارس", "رویترز", "الجزیره"]
    assert names(c) == ["خبرگزاری فارس", "رویترز"]


def test_outlet_that_relays_another_actor_is_an_attribution():
    sts = run("خبرگزاری رویترز گزارش داد که دولت لیبی از پارلمان این کشور خواسته است تشکیل جلسه دهد.")
    assert len(sts) == 1
    st = sts[0]
    assert st["speaker"]["mention"] == "دولت لیبی"
    assert names(st) == ["خبرگزاری فارس", "رویترز"]


def test_a_tweet_adds_the_platform_for_that_speaker():
    text = ("عنوان خبر\n"
            "سخنگوی وزارت خارجه روسیه در توییتی نوشت که تحریم‌ها شکست خورده است.\n"
            "وی افزود که مسکو آماده گفت‌وگوست.\n"
            "وزیر خارجه چین گفت که پکن مخالف تحریم است.")
    sts = run(text)
    assert names(by_trigger(sts, "نوشت")[0]) == ["خبرگزاری فارس", "توئیتر"]
    assert names(by_trigger(sts, "افزود")[0]) == ["خبرگزاری فارس", "توئیتر"]
    assert names(by_trigger(sts, "گفت")[0]) == ["خبرگزاری فارس"]


def test_interview_forms_with_the_outlet_after_the_noun_or_before_guft_o_gu():
    from extract_helpers import run
    text = ("عنوان\n"
            "رئیس گروه بازرسان تسلیحاتی سازمان ملل خواستار نابودی سلاح‌ها شد.\n"
            "وی که با روزنامه آساهی ژاپن گفت و گو می کرد افزود: امیدی نیست.\n"
            "وی گفت: ممکن است صدام آنها را از میان برده باشد.")
    sts = run(text)
    assert [[o["name"] for o in s["outlets"]] for s in sts[1:]] == [["خبرگزاری فارس", "آساهی"]] * 2
    text = "عنوان\nنبیل قاووق در مصاحبه شبکه خبری تلویزیونی العالم با وی گفت: دشمن عقب نشست."
    assert [o["name"] for o in run(text)[0]["outlets"]] == ["خبرگزاری فارس", "شبکه خبری العالم"]


def test_an_unknown_website_after_be_neveshte_is_an_outlet_with_its_number():
    from extract_helpers import run
    text = "عنوان\nبه نوشته وبگاه عربی ۲۱، سخنگوی اخوان‌المسلمین مصر در بیانیه‌ای این سند را تأیید کرد."
    assert [o["name"] for o in run(text)[0]["outlets"]] == ["خبرگزاری فارس", "عربی ۲۱"]


def test_a_personal_page_on_facebook_is_where_the_words_were_posted():
    from extract_helpers import run
    text = "عنوان\nوزیر خارجه روسیه در صفحه شخصی‌اش در فیسبوک نوشت: این تصمیم خلاف اصول است."
    assert [o["name"] for o in run(text)[0]["outlets"]][1].replace("\u200c", "") == "فیسبوک"


def test_an_act_quoted_inside_the_interviewee_s_words_does_not_end_the_interview_outlet():
    from extract_helpers import run
    text = ("عنوان\n"
            "به گزارش فارس، \"داود شهاب\" سخنگوی جنبش جهاد اسلامی در گفتگو با شبکه خبری العالم گفت: "
            "دشمن صهیونیستی به آنچه وعده داده ادامه می‌دهد.\n"
            "شهاب افزود: این اقدامات به بن‌بست می‌رسد.")
    st = [s for s in run(text) if s["trigger"]["text"] == "افزود"][0]
    assert [o["name"] for o in st["outlets"]] == ["خبرگزاری فارس", "شبکه خبری العالم"]


def test_an_information_site_is_named_by_whose_it_is():
    from extract_helpers import by_trigger, run

    text = ("عنوان\n"
            "به گزارش خبرگزاری فارس به نقل از پایگاه اطلاع رسانی ریاست جمهوری، رئیس‌جمهور پرو گفت مرزها باز است.")
    st = by_trigger(run(text), "گفت")[0]
    assert [o["name"] for o in st["outlets"]] == ["خبرگزاری فارس", "پایگاه اطلاع رسانی ریاست جمهوری"]


def test_a_telephone_interview_with_ezafe_names_its_outlet():
    st = by_trigger(run("وزیر خارجه قطر در گفت وگوی تلفنی با خبرگزاری فرانسه گفت: نشست برگزار می‌شود."), "گفت")[0]
    assert names(st) == ["خبرگزاری فارس", "خبرگزاری فرانسه"]


def test_an_interview_with_a_programme_names_the_programmes_channel():
    text = ("وزیر دفاع ایران در گفت‌وگوی تلویزیونی با ویژه برنامه هفته دفاع شبکه دوم سیما، "
            "با اشاره به دستاوردها گفت: ما پیشرفت کرده‌ایم.")
    assert names(by_trigger(run(text), "گفت")[0]) == ["خبرگزاری فارس", "شبکه دوم سیما"]


def test_a_news_network_is_not_the_channel_called_khabar():
    st = by_trigger(run("به گزارش شبکه خبری العالم، وزیر خارجه لبنان گفت: نشست برگزار می‌شود."), "گفت")[0]
    assert names(st) == ["خبرگزاری فارس", "شبکه خبری العالم"]


def test_rt_arabic_is_its_own_outlet():
    st = by_trigger(run("به گزارش روسیا الیوم، وزیر خارجه روسیه گفت: نشست برگزار می‌شود."), "گفت")[0]
    assert names(st) == ["خبرگزاری فارس", "روسیا الیوم"]


def test_literal_scan_finds_what_finditer_finds():
    from kg.extract import outlets as O
    from kg.extract import resources as R
    from kg.text import fold

    text = fold("به گزارش خبرگزاری فارس به نقل از رویترز، وزیر در گفت‌وگو با الجزیره و به خبرنگار ما گفت: "
                "بنا بر گزارش ایسنا طبق گزارش ایرنا براساس گزارش مهر، او به رویترز گفت که با شبکه العالم گفت‌وگو کرد.")
    for rx, lits in ((O._REPORT, O._REPORT_STARTS), (O._INTERVIEW, O._INTERVIEW_STARTS), (O._TOLD, ("به",))):
        want = [m.span() for m in rx.finditer(text)]
        assert want and [m.span() for m in R.literal_scan(rx, text, lits)] == want


def test_an_interviewee_quoted_again_after_other_speakers_keeps_the_interview_outlet():
    text = ("کنت کاتزمن در گفت‌وگو با شبکه خبری العالم گفت: فشارها بر ایران افزایش می‌یابد.\n"
            "حمیدرضا آصفی سخنگوی وزارت امور خارجه گفت: هر طرحی باید حقوق ایران را تضمین کند.\n"
            "علی لاریجانی نیز گفت: ما غنی‌سازی را ادامه می‌دهیم.\n"
            "کاتزمن در ادامه گفت: آمریکا در عراق با سختی روبروست.")
    sts = [s for s in run(text) if s["trigger"]["text"] == "گفت"]
    assert [names(s) for s in sts] == [["خبرگزاری فارس", "شبکه خبری العالم"], ["خبرگزاری فارس"],
                                       ["خبرگزاری فارس"], ["خبرگزاری فارس", "شبکه خبری العالم"]]


def test_a_misspelt_agency_is_still_known_and_an_unknown_one_stops_before_a_preposition():
    st = by_trigger(run("به نقل از خبرگزاری آسوشیدپرس از نیوپورت، اتحادیه اروپا اعلام کرد که ترکیه عضو می‌شود."),
                    "اعلام کرد")[0]
    assert names(st) == ["خبرگزاری فارس", "آسوشیتدپرس"]
    st = by_trigger(run("به گزارش روزنامه الحیات از بیروت، اتحادیه اروپا اعلام کرد که ترکیه عضو می‌شود."), "اعلام کرد")[0]
    assert names(st) == ["خبرگزاری فارس", "روزنامه الحیات"]


def test_a_short_report_phrase_ends_at_its_comma_and_cites_no_one_after_it():
    st = by_trigger(run("به گزارش فارس، نیویورک تایمز نوشت: مردم بحرین ناراضی هستند."), "نوشت")[0]
    assert st["speaker"]["mention"] == "نیویورک تایمز" and st["speaker"]["kind"] == "media"
    assert names(st) == ["خبرگزاری فارس", "نیویورک تایمز"]


@pytest.mark.parametrize("where,platform", [
    ("در صفحه توییتر خود", "توئیتر"),
    ("در توئیتر", "توئیتر"),
    ("در حساب کاربری خود در توییتر", "توئیتر"),
    ("در اینستاگرام", "اینستاگرام"),
    ("در کانال تلگرام خود", "تلگرام"),
])
def test_a_social_platform_where_words_were_posted_is_an_outlet(where, platform):
    from extract_helpers import statement
    st = statement(f"عنوان\nظریف {where} نوشت: آمریکا باید پاسخگو باشد.", "نوشت", outlet="رادیو فردا")
    assert [o["name"] for o in st["outlets"]] == ["رادیو فردا", platform]


@pytest.mark.parametrize("phrase,outlet", [
    ("به نقل از روزنامه تودی زمان،", "تودی زمان"),  # a word that only looks like an adjective
    ("به نقل از رادیو آزاد آسیا،", "رادیو آزاد آسیا"),  # a radio keeps its noun
    ("به نقل از روزنامه اسپانیایی زبان پرنسا لاتینا،", "پرنسا لاتینا"),  # «…‌زبان» is no name
    ("به نقل از تلویزیون دولتی سی بی سی،", "سی بی سی"),  # three short words
])
def test_unknown_outlet_names_are_read_whole(phrase, outlet):
    from extract_helpers import statement
    st = statement(f"عنوان\nبه گزارش فارس {phrase} وزیر خارجه کانادا گفت: سفیر احضار شد.", "گفت")
    assert [o["name"] for o in st["outlets"]] == ["خبرگزاری فارس", outlet]


def test_an_unknown_outlet_name_stops_before_the_verb():
    from extract_helpers import statement
    st = statement("عنوان\nسخنگوی سپاه در گفت‌وگو با روزنامه اماراتی الخلیج تاکید کرد: پاسخ شدید است.", "تاکید کرد")
    assert [o["name"] for o in st["outlets"]] == ["خبرگزاری فارس", "الخلیج"]


def test_an_article_in_a_paper_cites_the_paper():
    from extract_helpers import statement
    st = statement("عنوان\nظریف در یادداشتی در روزنامه گاردین نوشت: آمریکا باید پاسخگو باشد.", "نوشت")
    assert [o["name"] for o in st["outlets"]] == ["خبرگزاری فارس", "گاردین"]
