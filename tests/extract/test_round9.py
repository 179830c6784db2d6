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
