"""Round 9: what the ninth round's articles showed. Sentences written for these tests."""
import pytest

from extract_helpers import article, by_trigger, run


def speaker_country(lines, trigger, outlet="خبرگزاری فارس"):
    st = by_trigger(run(article(*lines), outlet=outlet), trigger)[0]
    return st["speaker"]["mention"], st["speaker"]["country"]


@pytest.mark.parametrize("lines,trigger,mention", [
    # a given name and a family name, no office with a country: an Iranian in Iranian copy
    (("محمدرضا پورابراهیمی، عضو هیئت مدیره این انجمن گفت: بازار آرام است.",), "گفت", "محمدرضا پورابراهیمی"),
    # the pronoun that continues him carries the same nationality
    (("سیامک باقری در گفت‌وگو با فارس گفت: گزارش تازه نیست.", "وی افزود: این ادعا سیاسی است."),
     "افزود", "وی"),
    # «سید» glued to the given name, and a two-word «…الله» given name
    (("سیدمهران نوربخش گفت: این طرح اجرا می‌شود.",), "گفت", "سیدمهران نوربخش"),
    (("فضل الله صلواتی تاکید کرد: انتخابات آزاد است.",), "تاکید کرد", "فضل الله صلواتی"),
])
def test_a_person_named_the_iranian_way_is_iranian(lines, trigger, mention):
    assert speaker_country(lines, trigger) == (mention, "IR")


@pytest.mark.parametrize("lines,trigger", [
    # a foreign given name in Persian spelling
    (("پیتر میسک در گفت‌وگو با فارس گفت: نشست به تعویق افتاد.",), "گفت"),
    # an Arabic name («بن», the article «ال»)
    (("احمد بن حلی در نشست خبری گفت: اجلاس برگزار می‌شود.",), "گفت"),
    (("سعید الحکیم در نشست خبری گفت: اجلاس برگزار می‌شود.",), "گفت"),
])
def test_a_foreign_or_arabic_name_gets_no_country_by_default(lines, trigger):
    assert speaker_country(lines, trigger)[1] is None


def test_a_persian_name_in_a_foreign_outlets_copy_gets_no_default_country():
    lines = ("محمدرضا پورابراهیمی، عضو هیئت مدیره این انجمن گفت: بازار آرام است.",)
    assert speaker_country(lines, "گفت", outlet="رویترز")[1] is None


def test_the_default_nationality_does_not_change_the_roles():
    # the person's nationality is set after the roles: Iran stays a target of an Iranian's words
    st = by_trigger(run(article("محمدرضا پورابراهیمی گفت: تحریم‌ها علیه ایران بی‌اثر است.")), "گفت")[0]
    assert st["speaker"]["country"] == "IR"
    assert "ایران" in [t["mention"] for t in st["targets"]]


def test_a_request_from_a_long_list_of_unknown_addressees():
    # «از X و Y … خواست» with six words between «از» and the verb is still a request
    st = by_trigger(run(article("آیت‌الله مکارم از رهبران احزاب و جریان‌های سیاسی کشور خواست فهرست واحدی "
                                "ارائه کنند.")), "خواست")[0]
    assert st["type"] == "request"
    assert "مکارم" in st["speaker"]["mention"]


@pytest.mark.parametrize("sentence,trigger,mention", [
    # an unknown office before an adverbial act («با بیان اینکه») opens both acts
    ("مدیر انتشارات پارسیان با بیان اینکه کتاب‌ها آماده است، اظهار داشت: نمایشگاه برگزار می‌شود.", "بیان",
     "مدیر انتشارات پارسیان"),
    ("مدیر انتشارات پارسیان با بیان اینکه کتاب‌ها آماده است، اظهار داشت: نمایشگاه برگزار می‌شود.", "اظهار داشت",
     "مدیر انتشارات پارسیان"),
    # before a singular verb, «و» joins words of the body's name
    ("رئیس سابق صندوق پژوهش و فناوری کشور بیان کرد: این طرح مفید است.", "بیان کرد",
     "رئیس سابق صندوق پژوهش و فناوری کشور"),
    # the medium or the moment of the words ends the body's name
    ("شرکت سامسونگ در زمان معرفی گوشی تازه اعلام کرد که قیمت آن کاهش می‌یابد.", "اعلام کرد", "شرکت سامسونگ"),
    ("اتحادیه صنف نانوایان شهر با انتشار بیانیه‌ای اعلام کرد نرخ نان افزایش نمی‌یابد.", "اعلام کرد",
     "اتحادیه صنف نانوایان شهر"),
])
def test_unknown_offices_and_bodies_open_their_clause(sentence, trigger, mention):
    st = by_trigger(run(article(sentence)), trigger)[0]
    assert st["speaker"]["mention"] == mention


def test_two_speakers_before_a_plural_verb_stay_apart():
    # a plural verb: «و» joins two speakers, not words of one office
    sts = run(article("رئیس اتحادیه نانوایان و دبیر انجمن صنفی کارگران اعلام کردند که اعتصاب پایان یافت."))
    assert all(s["speaker"] is None or "نانوایان و دبیر" not in s["speaker"]["mention"] for s in sts)


def test_an_outlet_that_claims_keeps_its_statement():
    # «روزنامه X در گزارشی ادعا کرد که …»: the outlet's own claim, not a relay of what follows
    sts = run(article('روزنامه "واشنگتن پست" در گزارشی ادعا کرد که تهران دستور داده است نیروها آماده باشند.'))
    st = by_trigger(sts, "ادعا کرد")[0]
    assert st["speaker"]["name"] == "واشنگتن پست"


def test_an_outlet_citing_an_actor_passes_on_the_actors_words():
    # «روزنامه X به نقل از یک کارشناس … نوشت»: the expert speaks; the paper is an outlet
    sts = run(article("روزنامه گاردین به نقل از یک کارشناس نظامی غربی نوشت، ارتش آماده است."))
    st = by_trigger(sts, "نوشت")[0]
    assert "کارشناس" in st["speaker"]["mention"]
    assert "گاردین" in [o["name"] for o in st["outlets"]]


@pytest.mark.parametrize("sentence,trigger", [
    # a report is the outlet's own act
    ("خبرگزاری رویترز به نقل از وزیر نفت عراق گزارش داد که تولید افزایش یافت.", "گزارش داد"),
    # a negated verb: the outlet gave no details, its source said nothing
    ("شبکه الجزیره به نقل از پلیس عراق به جزئیات بیشتر اشاره‌ای نکرد.", "اشاره‌ای نکرد"),
])
def test_an_outlet_keeps_its_own_acts_when_citing(sentence, trigger):
    sts = [s for s in run(article(sentence)) if s["trigger"]["text"] == trigger]
    assert all(s["speaker"]["kind"] == "media" for s in sts)


def test_a_source_phrase_leaves_the_clause_after_its_comma_its_own_subject():
    # «به گفته این منبع، X … خواستار شده است»: X asks, not the source
    sts = run(article("یک مقام عراقی گفت: نشست برگزار می‌شود.",
                      "به گفته این منبع، آیت‌الله مکارم از رهبران احزاب ارائه یک فهرست را خواستار شده است."))
    st = by_trigger(sts, "خواستار شده است")[0]
    assert "مکارم" in st["speaker"]["mention"]


@pytest.mark.parametrize("sentence,trigger,mention", [
    # a collective with a demonstrative inside and an adverb before its verb
    ("مسئولان این کارخانه همچنین گفتند که تولید افزایش می‌یابد.", "گفتند", "مسئولان این کارخانه"),
    # an unknown office with an adverb before its verb
    ("مدیرکل بنادر و دریانوردی استان نیز گفت: کشتی‌ها آماده‌اند.", "گفت", "مدیرکل بنادر و دریانوردی استان"),
])
def test_an_adverb_between_an_unknown_speaker_and_the_verb(sentence, trigger, mention):
    st = by_trigger(run(article(sentence)), trigger)[0]
    assert st["speaker"]["mention"] == mention


def test_a_place_pointed_back_to_is_the_statements_location():
    # «در این ولایت»: the province named before, with the noun it was named with
    sts = run(article("به گزارش فارس، سیل در ولایت ننگرهار افغانستان خسارت زد.",
                      "وزیر کشور افغانستان گفت: در این ولایت صدها خانه ویران شده است."))
    st = by_trigger(sts, "گفت")[0]
    locs = st["locations"]
    assert [x["mention"] for x in locs] == ["این ولایت"]
    assert "ننگرهار" in locs[0]["name"]


def test_a_pointed_back_place_prefers_the_place_named_with_its_noun():
    # «شهر موصل … استان نینوا … این شهر»: the city, not the province named last
    sts = run(article("به گزارش فارس، انفجاری در شهر موصل در استان نینوا رخ داد.",
                      "وزیر کشور عراق گفت: در این شهر امنیت برقرار است."))
    st = by_trigger(sts, "گفت")[0]
    assert [x["name"] for x in st["locations"] if x["mention"] == "این شهر"] == ["موصل"]


@pytest.mark.parametrize("sentence,addressee,kind", [
    # whom a request asks, named by a phrase no lexicon knows
    ("آیت‌الله مکارم از رهبران احزاب و جریان‌های سیاسی کشور خواست فهرست واحدی ارائه کنند.",
     "رهبران احزاب و جریان‌های سیاسی کشور", "group"),
    ("نخست‌وزیر از محمدرضا پهلوی خواست تا کشور را ترک کند.", "محمدرضا پهلوی", "person"),
])
def test_an_unknown_addressee_of_a_request(sentence, addressee, kind):
    st = by_trigger(run(article(sentence)), "خواست")[0]
    assert [(a["mention"], a["kind"]) for a in st["addressees"]] == [(addressee, kind)]


def test_from_a_place_is_no_addressee():
    # «از این طریق خواست»: a means, nobody asked
    sts = run(article("وزیر خارجه ایران از این طریق خواست که مردم آرام باشند."))
    assert all(not s["addressees"] for s in sts)


def test_declining_to_give_details_is_an_act_whatever_the_hamza():
    # «از ارائه توضیحات بیشتر خودداری کرد»: «ارائه» is «ارایه» in the folded text
    st = by_trigger(run(article("به گزارش فارس، سخنگوی پلیس ژاپن از ارائه توضیحات بیشتر خودداری کرد.")),
                    "خودداری کرد")[0]
    assert "پلیس ژاپن" in st["speaker"]["mention"]


def test_a_locative_head_with_a_hamza_makes_the_state_a_place():
    # «مسئله عراق»: «مسئله» is «مسیله» in the folded text, and still a locative head
    st = by_trigger(run(article("به گزارش فارس، وزیر خارجه ژاپن درباره امنیت منطقه گفت: مسئله عراق حل می‌شود.")),
                    "گفت")[0]
    assert "عراق" in [x["mention"] for x in st["locations"]]


def test_an_unnamed_official_is_named_as_described_without_yek():
    # «یک منبع آگاه عراقی … وی افزود»: both acts by «منبع آگاه عراقی», as the text describes him
    sts = run(article("یک منبع آگاه عراقی گفت: نشست برگزار می‌شود.", "وی افزود: همه آماده‌اند."))
    assert [s["speaker"]["name"] for s in sts] == ["منبع آگاه عراقی", "منبع آگاه عراقی"]
    assert sts[0]["speaker"]["country"] == "IQ"


def test_an_unnamed_official_resolved_to_a_holder_keeps_the_holders_name():
    sts = run(article("عمر رحمون، یک کارشناس سیاسی سوری گفت: نشست برگزار می‌شود.",
                      "این کارشناس سیاسی افزود: همه آماده‌اند."))
    assert "یک" not in by_trigger(sts, "افزود")[0]["speaker"]["name"].split()[:1]


@pytest.mark.parametrize("sentence,trigger,name,kind", [
    # the spokesperson of an office is not its holder
    ("سخنگوی دفتر نخست‌وزیر ژاپن گفت: سفر ادامه دارد.", "گفت", "سخنگوی دفتر نخست‌وزیر ژاپن", "person"),
    ("سخنگوی نخست‌وزیر ژاپن گفت: سفر ادامه دارد.", "گفت", "سخنگوی نخست‌وزیر ژاپن", "person"),
    # the holder's office is a body
    ("دفتر نخست‌وزیر ژاپن اعلام کرد که سفر ادامه دارد.", "اعلام کرد", "دفتر نخست‌وزیر ژاپن", "government_body"),
])
def test_the_spokesperson_or_office_of_an_office_holder(sentence, trigger, name, kind):
    st = by_trigger(run(article("جونیچیرو کویزومی، نخست‌وزیر ژاپن، به عراق سفر کرد.", sentence)), trigger)[0]
    assert (st["speaker"]["name"], st["speaker"]["kind"], st["speaker"]["country"]) == (name, kind, "JP")
