"""Round 8: roles, speakers and predicates missed in the articles of the eighth round.
Sentences written for these tests."""
import pytest

from extract_helpers import article, by_trigger, run


def act(trigger, *lines):
    """The first statement with ``trigger`` in an article made of ``lines``."""
    return by_trigger(run(article(*lines)), trigger)[0]


def test_the_object_of_an_accusation_far_before_its_verb_is_the_target():
    # «X را به … متهم کرد» with a long charge between the object and the verb
    text = article("به گزارش فارس، نخست‌وزیر ایرلند در نشست خبری روز دوشنبه انگلیس را به نداشتن "
                   "برنامه‌ای «واقع‌گرایانه» برای حل مساله مرزهای جزیره متهم کرد که این تنها راه جلوگیری از "
                   "بسته شدن مرزها بود.")
    st = by_trigger(run(text), "متهم کرد")[0]
    assert "انگلیس" in [t["mention"] for t in st["targets"]]


@pytest.mark.parametrize("sentence,trigger,absent", [
    # an object inside a quote that closes before the verb belongs to the quote
    ("سفیر چین نوشت «ژاپن نفتکش‌های ترکیه را توقیف کرده است» و افزود که این ادعا دروغ است.", "افزود", "ترکیه"),
    # an object before «که» heads a relative clause of a later verb
    ("سفیر چین، یک روزنامه ژاپنی را که نوشته بود هند تحریم شده است، مخاطب قرار داد و نوشت: این دروغ است.",
     "نوشت:", "یک روزنامه ژاپنی"),
    # an object of an earlier act, behind a comma
    ("وزیر خارجه ژاپن هند را عاملی ثبات‌زدا توصیف کرد، اما گفت روابط دو کشور خوب است.", "گفت", "هند"),
])
def test_an_object_of_another_clause_is_no_target(sentence, trigger, absent):
    sts = run(article("به گزارش فارس، " + sentence))
    st = [s for s in sts if s["trigger"]["text"] == trigger.rstrip(":")][-1]
    assert absent not in [t["mention"] for t in st["targets"]]


def speaker_mention(st):
    return st["speaker"]["mention"] if st["speaker"] else None


@pytest.mark.parametrize("sentence,trigger,mention", [
    # an honorific name stops before the verb's prefix
    ("به گزارش رادیو فردا، آقای لارسن می‌گوید بازار نفت آرام می‌شود.", "می‌گوید", "آقای لارسن"),
    # «از NP خواست» with a body no lexicon knows is still a request
    ("سخنگوی کمیسیون آموزش مجلس از هیأت رئیسه خواست این طرح را بررسی کند.", "خواست", "سخنگوی کمیسیون آموزش مجلس"),
    # «پیش از این» is an adverb of time, not a preposition without its noun
    ("به گزارش فارس، یک مقام دفاعی آمریکا پیش از این گفته بود نیروها آماده‌اند.", "گفته بود",
     "یک مقام دفاعی آمریکا"),
    # a belief reported with «بر این باور است»
    ("به گزارش فارس، وزیر خارجه روسیه بر این باور است که تحریم‌ها بی‌اثر است.", "بر این باور است",
     "وزیر خارجه روسیه"),
    # an unknown office of eight words before the verb
    ("به گزارش فارس، معاون مدیر کل امور اجتماعی سازمان بهزیستی استان تهران گفت: طرح اجرا می‌شود.", "گفت",
     "معاون مدیر کل امور اجتماعی سازمان بهزیستی استان تهران"),
    # «با/ضمن اعلام|تایید» with any object, and «تشریح», are acts of the clause's subject
    ("به گزارش فارس، عربستان با اعلام انصراف از این طرح، خواستار تعویق نشست شد.", "اعلام", "عربستان"),
    ("به گزارش فارس، وزیر خارجه ایران با تایید خبر بازگشت سفیر، گفت روابط ادامه دارد.", "تایید",
     "وزیر خارجه ایران"),
    ("به گزارش فارس، وزیر خارجه ایران با تشریح مشکلات موجود بر راه اصلاحات تاکید کرد.", "تشریح",
     "وزیر خارجه ایران"),
])
def test_the_speaker_of(sentence, trigger, mention):
    st = act(trigger, sentence)
    assert speaker_mention(st) == mention


def test_a_request_from_time_is_no_request():
    sts = run(article("به گزارش فارس، وزیر خارجه ایران از این طریق خواست به هدفش برسد."))
    assert [s for s in sts if s["trigger"]["text"] == "خواست"] == []


def test_a_surname_built_on_a_place_is_no_place():
    # «نجف‌نژاد» is a person, not Najaf: the headline's colon names him
    text = ("کریمی‌نجف‌نژاد: اشتغال اولویت مجلس است\n"
            "به گزارش فارس، مقداد نجف‌نژاد نماینده مردم بابلسر گفت: اشتغال اولویت مجلس است.")
    text = text.replace("کریمی‌", "")
    st = by_trigger(run(text), ":")[0]
    assert st["speaker"]["mention"] == "نجف‌نژاد"
    assert st["speaker"]["kind"] == "person"


def test_a_rubric_before_a_semicolon_is_no_headline_speaker():
    text = ("پرتاب ماهواره سپاه؛ شمخانی: غافلگیری‌های جدید در راه است\n"
            "به گزارش فارس، علی شمخانی دبیر شورای عالی امنیت ملی گفت: غافلگیری‌های جدید در راه است.")
    st = by_trigger(run(text), ":")[0]
    assert st["speaker"]["name"] == "علی شمخانی"


@pytest.mark.parametrize("sentence,trigger", [
    ("به گزارش فارس، وزیر دفاع فرانسه گفت نیروهای فرانسوی به سمت هائیتی حرکت کرده‌اند.", "گفت"),
    ("به گزارش فارس، وزیر دفاع فرانسه گفت دویست سرباز وارد هائیتی شده‌اند.", "گفت"),
    ("به گزارش فارس، فرانسه نیز با اعزام نیرو به هائیتی موافقت کرده است.", "موافقت کرده است"),
])
def test_a_state_moved_to_is_a_location(sentence, trigger):
    st = act(trigger, sentence)
    assert [x["mention"] for x in st["locations"]] == ["هائیتی"]
    assert st["addressees"] == [] and "هائیتی" not in [x["mention"] for x in st["targets"]]


def test_the_aforementioned_is_no_act():
    sts = run(article("به گزارش فارس، سخنگوی سازمان ملل تصریح کرد که سه گروه نامبرده اخلال کردند."))
    assert [s["trigger"]["text"] for s in sts] == ["تصریح کرد"]


def test_a_court_sentence_is_no_criticism():
    sts = run(article("به گزارش فارس، آقای رضوی توسط قوه قضاییه به شش سال زندان محکوم شده است."))
    assert [s for s in sts if "محکوم" in s["trigger"]["text"]] == []


def test_a_frequent_noun_after_a_name_is_no_surname():
    sts = run(article("به گزارش فارس، آیت‌الله خامنه‌ای برگزاری این کنفرانس را بی‌فایده دانستند.",
                      "رئیس جمهور برگزاری نشست را مفید دانست."))
    assert all("برگزاری" not in (s["speaker"] or {}).get("name", "") for s in sts)
    assert all("برگزاری" not in [t["mention"] for t in s["targets"]] for s in sts)


def test_an_outlet_announcing_news_is_still_no_speaker():
    sts = run(article("به گزارش فارس، روزنامه «الوطن» با اعلام این خبر نوشت: وزیر خارجه عراق گفت مذاکرات ادامه دارد."))
    assert [s for s in sts if s["trigger"]["text"] == "اعلام"] == []


@pytest.mark.parametrize("sentence,trigger,mention,kind", [
    ("به گزارش فارس، اتحادیه مردمی برای دموکراسی اعلام کرده که نخست‌وزیر باید استعفا دهد.", "اعلام کرده",
     "اتحادیه مردمی برای دموکراسی", "organization"),
    ("به گزارش فارس، فراکسیون اقلیت معتقد است تحولات مثبت است.", "معتقد است", "فراکسیون اقلیت", "organization"),
])
def test_a_body_the_gazetteer_does_not_know_speaks(sentence, trigger, mention, kind):
    st = act(trigger, sentence)
    assert (st["speaker"]["mention"], st["speaker"]["kind"]) == (mention, kind)


def test_a_named_party_in_an_outlets_words_speaks():
    text = article("به گزارش فارس، روزنامه نیویورک تایمز می‌نویسد: «مقام‌های اطلاعاتی آمریکا می‌گویند که تولید "
                   "سوخت ادامه دارد.»")
    st = by_trigger(run(text), "می‌گویند")[0]
    assert st["speaker"]["mention"] == "مقام‌های اطلاعاتی آمریکا"


def test_a_party_quoted_by_a_person_stays_in_the_quote():
    sts = run(article("به گزارش فارس، ترامپ گفت: «ایرانی‌ها می‌گویند رئیس‌جمهور پول داده است.»"))
    assert [s for s in sts if s["trigger"]["text"] == "می‌گویند"] == []


def test_an_expert_of_an_institute_is_one_office_without_the_institutes_country():
    text = article("به گزارش فارس، کارشناس شرق آسیا از موسسه تکنولوژی جورجیای آمریکا گفت: «نگرانی‌ها زیاد است.»")
    st = by_trigger(run(text), "گفت")[0]
    assert st["speaker"]["mention"] == "کارشناس شرق آسیا از موسسه تکنولوژی جورجیای آمریکا"
    assert st["speaker"]["country"] is None


def test_considering_with_shemord_is_a_statement_but_counting_is_not():
    sts = run(article("به گزارش فارس، وزیر کار سرمایه‌گذاری در زیربناها را امری لازم شمرد.",
                      "آرای انتخابات شمرده و تأیید شد."))
    assert [s["trigger"]["text"] for s in sts] == ["شمرد"]


def test_a_state_after_a_place_noun_is_no_speaker():
    # «در شرق اوکراین» right before the act is where, not who
    sts = run(article("به گزارش فارس، دیمیتری، روسیه را به مداخله نظامی در شرق اوکراین متهم کرد."))
    assert all((s["speaker"] or {}).get("name") != "اوکراین" for s in sts)


def test_a_variant_spelling_of_a_known_name():
    st = act("خواستار شد", "به گزارش فارس، مقتدا صدر آزادی گروگان‌ها را خواستار شد.")
    assert st["speaker"]["name"] == "مقتدی صدر"


def test_a_number_after_a_topic_phrase_opens_the_subject():
    st = act("خواستار", "به گزارش فارس، در مورد شرکت “احداث صنعت” ۵۰ نماینده مجلس خواستار توقف واگذاری شدند.")
    assert st["speaker"]["name"] == "نماینده مجلس شورای اسلامی"


def test_a_state_inside_a_topic_phrase_is_no_speaker():
    sts = run(article("به گزارش فارس، گورباچف، بانی سیاست درهای باز در شوروی، درباره مسئله هسته‌ای ایران نیز گفت: "
                      "این مساله باید حل شود."))
    assert all((s["speaker"] or {}).get("name") != "ایران" for s in sts)


@pytest.mark.parametrize("phrase,kind,country", [
    # described by kind and country
    ("یک اندیشکده آمریکایی", "organization", "US"),
    ("یک شرکت نفتی چینی", "organization", "CN"),
    ("یک روزنامه آمریکایی", "media", "US"),
    # a state's agency or broadcaster is an outlet of that state, not the state
    ("خبرگزاری قطر", "media", "QA"),
    ("خبرگزاری کویت (کونا)", "media", "KW"),
    ("تلویزیون دولتی عراق", "media", "IQ"),
])
def test_an_actor_named_by_kind_and_country_speaks(phrase, kind, country):
    st = act("اعلام کرد", f"به گزارش فارس، {phrase} اعلام کرد که قرارداد لغو شده است.")
    assert (st["speaker"]["mention"], st["speaker"]["kind"], st["speaker"]["country"]) == (phrase, kind, country)


def test_a_theophoric_first_name_written_in_two_pieces():
    st = act("اظهار داشت", "به گزارش فارس، ماشاء‌الله عظیمی در مراسم امضای تفاهم‌نامه اظهار داشت: همکاری ادامه دارد.")
    assert st["speaker"]["mention"] == "ماشاء‌الله عظیمی"


def test_a_counted_group_speaks_through_a_statement():
    st = act("خواستار", "به گزارش فارس، هشت فیلمساز ایرانی در بیانیه‌ای خواستار آزادی زندانیان شدند.")
    assert (st["speaker"]["mention"], st["speaker"]["kind"]) == ("هشت فیلمساز ایرانی", "group")


def test_an_ethnic_plural_holds_a_stance():
    st = act("مخالفند", "به گزارش فارس، سهم‌ها برابر است اما کردها با آن مخالفند.")
    assert (st["speaker"]["mention"], st["speaker"]["kind"]) == ("کردها", "group")


def test_the_end_of_a_complement_of_ba_holds_no_stance():
    sts = run(article("به گزارش فارس، ترکمن‌ها و عرب‌ها با این خواسته کردها مخالفند."))
    assert all((s["speaker"] or {}).get("mention") != "کردها" for s in sts)


@pytest.mark.parametrize("sentence,mention", [
    ("به گزارش فارس، رئیس شورای اسلامی شهر اصفهان در مورد الحاق بهارستان اضافه کرد: طرح ادامه دارد.",
     "رئیس شورای اسلامی شهر اصفهان"),
    ("به گزارش فارس، سرمربی ملوان در خصوص حضور بانوان در ورزشگاه گفت: حضور آنها خوب است.", "سرمربی ملوان"),
])
def test_an_unknown_title_stops_before_its_topic(sentence, mention):
    sts = run(article(sentence))
    assert sts and sts[0]["speaker"]["mention"] == mention


def test_a_verb_joined_by_va_shares_the_topic_before_the_first():
    sts = run(article("به گزارش فارس، گورباچف در خصوص هر گونه حمله آمریکا به ایران هشدار داد و گفت: این فاجعه است."))
    said = by_trigger(sts, "گفت")[0]
    assert {"آمریکا", "ایران"} <= {t["mention"] for t in said["targets"]}


@pytest.mark.parametrize("sentence,trigger,mention", [
    # the verb of a relative clause hanging on an object is that object's act
    ("به گزارش فارس، آقای سلطانی، یک رسانه انگلیسی‌زبان را که نوشته «آمریکا چهار نفتکش ایران را توقیف کرده است» "
     "مخاطب قرار داد و نوشت: «این دروغ است.»", "نوشته", "یک رسانه انگلیسی‌زبان"),
    # … and the main verb after it keeps the main clause's subject, not a name inside the quote
    ("به گزارش فارس، آقای سلطانی، یک رسانه انگلیسی‌زبان را که نوشته «آمریکا چهار نفتکش ایران را توقیف کرده است» "
     "مخاطب قرار داد و نوشت: «این دروغ است.»", "نوشت", "آقای سلطانی"),
    ("به گزارش فارس، رئیس جمهور آمریکا، وزیر خارجه فرانسه را که از تحریم‌ها انتقاد کرده بود به کاخ سفید دعوت کرد.",
     "انتقاد کرده بود", "وزیر خارجه فرانسه"),
    ("به گزارش فارس، رئیس جمهور آمریکا، وزیر خارجه فرانسه را که از تحریم‌ها انتقاد کرده بود به کاخ سفید دعوت کرد.",
     "دعوت کرد", "رئیس جمهور آمریکا"),
    # a verb inside the relative clause: the trigger after it is the main clause's
    ("به گزارش فارس، رئیس جمهور اکوادور از سیاست آمریکا که در امور کشورها دخالت می‌کند انتقاد کرد.",
     "انتقاد کرد", "رئیس جمهور اکوادور"),
])
def test_relative_clauses_and_their_subjects(sentence, trigger, mention):
    st = [s for s in run(article(sentence)) if s["trigger"]["text"] == trigger][0]
    assert st["speaker"]["mention"] == mention
