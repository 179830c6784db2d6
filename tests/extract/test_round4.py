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


def test_moored_enteghad_gharar_dad_is_an_act_but_the_passive_is_not():
    sts = run("نخست وزیر مالزی سیاست‌های تازه آمریکا را مورد انتقاد قرار داد.")
    st = by_trigger(sts, "مورد انتقاد قرار داد")[0]
    assert st["type"] == "criticize" and st["speaker"]["country"] == "MY"
    sts = run("سیاست‌های تازه آمریکا از سوی رسانه‌ها مورد انتقاد قرار گرفت.")
    assert sts == []


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
