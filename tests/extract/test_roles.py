"""Roles: content, direct quotes, targets, addressees, locations."""
from extract_helpers import by_trigger, run


def test_content_after_colon_is_a_direct_quote():
    st = run("وزیر خارجه نروژ گفت: «ما از هر ابتکار صلح حمایت می‌کنیم.»")[0]
    assert st["direct_quote"] is True
    assert st["content"]["text"] == "ما از هر ابتکار صلح حمایت می‌کنیم"


def test_content_after_ke_is_indirect():
    st = run("وزیر خارجه نروژ اعلام کرد که اسلو میزبان دور بعدی مذاکرات خواهد بود.")[0]
    assert st["direct_quote"] is False
    assert st["content"]["text"] == "اسلو میزبان دور بعدی مذاکرات خواهد بود"


def test_content_before_the_verb_and_targets():
    st = run("وزارت خارجه مصر حمله به کاروان امدادی در غزه را به شدت محکوم کرد.")[0]
    assert st["type"] == "criticize"
    assert "حمله به کاروان امدادی" in st["content"]["text"]
    assert [l["mention"] for l in st["locations"]] == ["غزه"]


def test_addressees_of_a_request_and_a_warning():
    st = by_trigger(run("سازمان ملل متحد از ارمنستان و آذربایجان خواست به میز مذاکره بازگردند."), "خواست")[0]
    assert {a["mention"] for a in st["addressees"]} == {"ارمنستان", "آذربایجان"}
    st = run("وزیر دفاع ترکیه به یونان درباره نظامی‌سازی جزایر هشدار داد.")[0]
    assert st["type"] == "warn"
    assert [a["mention"] for a in st["addressees"]] == ["یونان"]


def test_targets_of_an_accusation():
    st = run("وزارت خارجه عراق ترکیه را به نقض حاکمیت این کشور متهم کرد.")[0]
    assert st["type"] == "accuse"
    assert "ترکیه" in [t["mention"] for t in st["targets"]]
    assert st["speaker"]["country"] == "IQ"


def test_locations_the_statement_is_about():
    st = run("اتحادیه اروپا از تشدید درگیری‌ها در قره‌باغ ابراز نگرانی کرد.")[0]
    assert st["type"] == "concern"
    assert [l["mention"] for l in st["locations"]] == ["قره‌باغ"]
    assert st["speaker"]["country"] is None


def test_entity_dicts_have_ids_and_all_fields():
    st = run("وزیر خارجه نروژ اعلام کرد که اسلو از آتش‌بس در غزه حمایت می‌کند.")[0]
    keys = {"article", "id", "type", "trigger", "speaker", "targets", "addressees", "locations",
            "outlets", "content", "direct_quote", "negated", "time", "confidence"}
    assert keys <= set(st)
    for e in [st["speaker"]] + st["targets"] + st["locations"]:
        assert {"mention", "start", "end", "name", "name_en", "kind", "country", "qid", "id"} <= set(e)
        assert e["id"]
    for o in st["outlets"]:
        assert set(o) == {"name", "qid", "id"}


def test_coordinated_speakers_are_not_each_others_targets():
    sts = run("فرانسه و آلمان از تصمیم لهستان انتقاد کردند.")
    assert len(sts) == 2
    for st in sts:
        assert [t["mention"] for t in st["targets"]] == ["لهستان"]
        assert st["content"]["text"] == "تصمیم لهستان"


def test_the_event_reacted_to_is_what_the_statement_is_about():
    st = run("به دنبال حمله ارتش اسرائیل به غزه، وزارت خارجه مالزی به این اقدام واکنش نشان داد.")[0]
    assert st["speaker"]["country"] == "MY"
    assert [t["mention"] for t in st["targets"]] == ["ارتش اسرائیل"]
    assert [l["mention"] for l in st["locations"]] == ["غزه"]


def test_a_request_whose_addressee_stands_right_before_the_verb_takes_the_clause_after_it():
    sts = run("عربستان با اعلام انصراف از این امر از مصر خواسته بود این نشست را در شرم‌الشیخ برگزار کند.")
    st = by_trigger(sts, "خواسته بود")[0]
    assert [a["mention"] for a in st["addressees"]] == ["مصر"]
    assert [x["mention"] for x in st["locations"]] == ["شرم‌الشیخ"]
    assert st["content"]["text"] == "این نشست را در شرم‌الشیخ برگزار کند"
