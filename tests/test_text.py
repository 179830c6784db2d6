"""kg.text: length-preserving fold, hazm normalization with an offset map, sentences."""
from kg.text import fold, normalize, sentences, tokens


def test_fold_preserves_length_and_offsets():
    raw = "وزير خارجه روسيه ۲۰۲۲ گفت\u00ad: كشورها"
    f = fold(raw)
    assert len(f) == len(raw)
    assert "ي" not in f and "ك" not in f
    assert f[f.index("2022"):f.index("2022") + 4] == "2022"
    assert raw[f.index("2022"):f.index("2022") + 4] == "۲۰۲۲"


def test_fold_keeps_zwnj_variants_tokenizable():
    for s in ("قرهباغ", "قره باغ", "قره\u200cباغ"):
        f = fold(s)
        assert "".join(f[a:b] for a, b in tokens(f)) == "قرهباغ"


def test_normalize_maps_back_to_raw():
    raw = "سخنگوي وزارت خارجه مي گويد  اين كشورها  ۱۲ روز پيش اعلام كردند."
    n = normalize(raw)
    assert n.text != raw  # hazm changed the text (letters, spaces, می)
    assert len(n.offsets) == len(n.text) + 1
    # offsets never go backwards and stay inside the raw text
    assert all(a <= b for a, b in zip(n.offsets, n.offsets[1:]))
    i = n.text.index("وزارت")
    s, e = n.to_raw(i, i + len("وزارت"))
    assert raw[s:e] == "وزارت"
    j = n.text.index("اعلام")
    s, e = n.to_raw(j, j + len("اعلام"))
    assert raw[s:e] == "اعلام"
    k = n.text.index("گوید")
    s, e = n.to_raw(k, k + 4)
    assert raw[s:e] == "گويد"


def test_sentences_headline_lines_and_closing_quotes():
    text = ("هشدار مسکو به ناتو درباره گسترش به شرق\n"
            "سخنگوی کرملین گفت: «ما این اقدام را تحریک‌آمیز می‌دانیم.» وی افزود که پاسخ روسیه قاطع خواهد بود. "
            "او همچنین گفت که گفت‌وگو ادامه دارد!\nپایان")
    spans = sentences(text)
    got = [text[s:e] for s, e in spans]
    assert got[0] == "هشدار مسکو به ناتو درباره گسترش به شرق"
    assert got[1] == "سخنگوی کرملین گفت: «ما این اقدام را تحریک‌آمیز می‌دانیم.»"
    assert got[2] == "وی افزود که پاسخ روسیه قاطع خواهد بود."
    assert got[3] == "او همچنین گفت که گفت‌وگو ادامه دارد!"
    assert got[4] == "پایان"


def test_sentences_do_not_split_decimals_or_inner_quotes():
    text = "وزیر اقتصاد گفت رشد اقتصادی به 2.5 درصد رسید و «برنامه ملی» موفق بود."
    assert len(sentences(text)) == 1


def test_sentences_do_not_split_after_a_quoted_name_after_a_colon():
    text = "سایت میدل ایست آنلاین نوشت: «فرانکو فراتینی» وزیر خارجه ایتالیا گفت که ایران آماده است."
    assert len(sentences(text)) == 1


def test_normalize_resynchronises_after_many_to_one_edits():
    raw = "وزیر گفت ... و سپس افزود: «نه» ... پایان"
    n = normalize(raw)
    for word in ("سپس", "افزود", "پایان"):
        i = n.text.index(word)
        s, e = n.to_raw(i, i + len(word))
        assert raw[s:e] == word


def test_period_glued_between_two_words_ends_a_sentence():
    t = "کمپین را آغاز کرد.الاشعل در این کمپین گفت. رشد ۳.۵ درصد و 3.5 درصد بود."
    assert [t[a:b] for a, b in sentences(t)] == [
        "کمپین را آغاز کرد.", "الاشعل در این کمپین گفت.", "رشد ۳.۵ درصد و 3.5 درصد بود."]


def test_a_letter_abbreviation_with_dots_is_no_sentence_end():
    from kg.text import sentences
    for t in ('ایستگاه رادیویی "آر.ان.‌ای" گفت', "شبکه سی.ان.ان گزارش داد", "شبکه بی.بی.سی گفت"):
        assert sentences(t) == [(0, len(t))]


def test_a_full_stop_glued_to_a_word_still_ends_the_sentence():
    from kg.text import sentences
    t = "آغاز کرد.الاشعل گفت"
    assert [t[a:b] for a, b in sentences(t)] == ["آغاز کرد.", "الاشعل گفت"]
