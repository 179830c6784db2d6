"""Actor forms: states, demonyms, capitals, bodies built from parts, offices with a
country, names next to offices (either order), surnames, organisations, groups."""
from kg.extract import find_entities, extract_document
from kg.article import Article


def ents(text):
    return [(text[s:e], k) for s, e, k in find_entities(text)]


def doc(text, outlet="خبرگزاری فارس"):
    return extract_document(Article(id="t", text=text, outlet=outlet), ("outlets", "actors"))


def test_states_variants_and_spelling():
    got = ents("نمایندگان روسيه و آمريكا و قره باغ و قره‌باغ و قرهباغ در نشست حضور داشتند.")
    assert ("روسيه", "state") in got and ("آمريكا", "state") in got
    assert sum(1 for t, k in got if k == "place") == 3


def test_capital_is_metonym_and_demonym_plural_is_group():
    d = doc("مسکو این اقدام را محکوم کرد و روس‌ها از آن ناخشنودند.")
    m = {x.text: x for x in d.mentions}
    assert m["مسکو"].entity.country == "RU"
    assert m["روس‌ها"].entity.kind == "group" and m["روس‌ها"].entity.country == "RU"


def test_bodies_built_from_parts():
    d = doc("وزارت امور خارجه روسیه و وزارت خارجه آمریکا و ارتش آذربایجان و کاخ سفید بیانیه دادند.")
    got = {(x.text, x.entity.kind, x.entity.country) for x in d.mentions}
    assert ("وزارت امور خارجه روسیه", "government_body", "RU") in got
    assert ("وزارت خارجه آمریکا", "government_body", "US") in got
    assert ("ارتش آذربایجان", "government_body", "AZ") in got
    assert any(t == "کاخ سفید" and c == "US" for t, k, c in got)


def test_office_with_country_is_a_person():
    d = doc("سخنگوی وزارت خارجه چین و نخست وزیر عراق و سفیر ایران در باکو سخن گفتند.")
    got = {(x.text, x.entity.kind, x.entity.country) for x in d.mentions}
    assert ("سخنگوی وزارت خارجه چین", "person", "CN") in got
    assert ("نخست وزیر عراق", "person", "IQ") in got
    assert ("سفیر ایران در باکو", "person", "IR") in got


def test_name_before_and_after_office_and_surname_later():
    text = ("ژوزه مارتینز، وزیر خارجه پرتغال، در لیسبون گفت که مذاکرات ادامه دارد.\n"
            "وزیر خارجه شیلی، کارلوس پرالتا، نیز سخن گفت.\n"
            "مارتینز افزود که پرالتا را به لیسبون دعوت کرده است.")
    d = doc(text)
    names = {x.text: x.entity.name for x in d.mentions if x.entity.kind == "person"}
    assert names["وزیر خارجه پرتغال"] == "ژوزه مارتینز"
    assert names["وزیر خارجه شیلی"] == "کارلوس پرالتا"
    assert names["مارتینز"] == "ژوزه مارتینز"
    assert names["پرالتا"] == "کارلوس پرالتا"


def test_office_without_country_in_iranian_copy_is_iran():
    d = doc("سخنگوی وزارت خارجه در نشست هفتگی گفت که تهران پاسخ خواهد داد.")
    m = [x for x in d.mentions if x.text == "سخنگوی وزارت خارجه"][0]
    assert m.entity.country == "IR" and m.entity.kind == "person"


def test_international_officials_have_no_country():
    d = doc("دبیرکل سازمان ملل متحد از طرفین خواست آتش‌بس را رعایت کنند.")
    m = [x for x in d.mentions if x.text.startswith("دبیرکل")][0]
    assert m.entity.kind == "person" and m.entity.country is None


def test_organisations_and_groups():
    got = ents("ناتو و اتحادیه اروپا و آژانس بین‌المللی انرژی اتمی و جامعه بین‌المللی و طرفین")
    kinds = dict(got)
    assert kinds["ناتو"] == "organization"
    assert kinds["اتحادیه اروپا"] == "organization"
    assert kinds["جامعه بین‌المللی"] == "group"
    assert kinds["طرفین"] == "group"


def test_peacekeepers_with_demonym_are_a_group_of_that_country():
    d = doc("نیروهای حافظ صلح روسی در منطقه مستقر شدند.")
    m = [x for x in d.mentions if x.text.startswith("نیروهای")][0]
    assert m.entity.kind == "group" and m.entity.country == "RU"


def test_office_phrase_before_a_state_and_deputies():
    d = doc("معاون توسعه وزیر بهداشت کانادا گفت که وام دریافت شد. معاون وزیر دفاع ترکیه نیز سخن گفت.")
    got = {(x.text, x.entity.kind, x.entity.country) for x in d.mentions}
    assert ("معاون توسعه وزیر بهداشت کانادا", "person", "CA") in got
    assert ("معاون وزیر دفاع ترکیه", "person", "TR") in got


def test_honorific_names():
    d = doc("به گفته آقای حسینی‌نژاد، این طرح اجرا می‌شود.")
    m = [x for x in d.mentions if x.entity.kind == "person"][0]
    assert m.text == "آقای حسینی‌نژاد" and m.entity.name == "حسینی‌نژاد"


def test_quoted_outlet_unknown_to_the_gazetteer():
    d = doc("روزنامه آمریکایی «بوستون گلوب» نوشت که کاخ سفید طرح تازه‌ای دارد.")
    m = [x for x in d.mentions if x.entity.kind == "media"][0]
    assert m.entity.name == "بوستون گلوب"


def test_names_that_are_common_words_need_context():
    assert not [k for t, k in ents("مشکلات مالی این شرکت حل شد.") if k == "state"]
    assert ("مالی", "state") in ents("نیروهای فرانسوی کشور مالی را ترک کردند.")
    assert ("دولت مالی", "government_body") in ents("دولت مالی این حمله را محکوم کرد.")


def test_office_with_a_name_that_is_not_a_phrase():
    d = doc("آنها به سراغ معاون وزیر دفاع رفتند.")
    assert not [x for x in d.mentions if x.source == "name"]


def test_known_person_in_apposition_with_an_office():
    d = doc("دونالد ترامپ رئیس جمهور آمریکا گفت که مذاکره نمی‌کند.")
    m = [x for x in d.mentions if x.text == "رئیس جمهور آمریکا"][0]
    assert m.entity.name == "دونالد ترامپ"
    d = doc("وزیر خارجه آمریکا ظریف را به دروغگویی متهم کرد.")
    m = [x for x in d.mentions if x.text == "وزیر خارجه آمریکا"][0]
    assert m.entity.name != "محمدجواد ظریف" and m.entity.country == "US"


def test_offices_do_not_absorb_an_abstract_noun_suffix():
    d = doc("سرپرست دانشگاه از آغاز ثبت‌نام دوره‌های کارشناسی خبر داد و رهبری این طرح را پذیرفت.")
    assert not [x for x in d.mentions if x.entity.kind == "person"]
    d = doc("سخنگوی وزارت خارجه ژاپن گفت.")
    assert [x.text for x in d.mentions] == ["سخنگوی وزارت خارجه ژاپن"]
