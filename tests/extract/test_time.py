"""Time of statements: explicit Gregorian and Jalali dates, relative days, published."""
from extract_helpers import run

PUB = "2022-08-08"  # a Monday


def t(sentence):
    return run(sentence, published=PUB)[0]["time"]


def test_published_by_default():
    assert t("وزیر خارجه کویت گفت که نشست برگزار می‌شود.") == PUB


def test_relative_days():
    assert t("وزیر خارجه کویت شنبه شب گفت که نشست برگزار می‌شود.") == "2022-08-06"
    assert t("وزیر خارجه کویت روز گذشته گفت که نشست برگزار می‌شود.") == "2022-08-07"
    assert t("وزیر خارجه کویت پنجشنبه گذشته گفت که نشست برگزار می‌شود.") == "2022-08-04"


def test_gregorian_and_jalali_dates():
    assert t("وزیر خارجه کویت در ۶ اوت ۲۰۲۲ گفت که نشست برگزار می‌شود.") == "2022-08-06"
    assert t("وزیر خارجه کویت در ۱۵ مرداد ۱۴۰۱ گفت که نشست برگزار می‌شود.") == "2022-08-06"


def test_no_published_no_date():
    st = run("وزیر خارجه کویت گفت که نشست برگزار می‌شود.", published=None)[0]
    assert st["time"] is None
