"""Confidence is in [0, 1] and orders explicit speakers above resolved or continued ones."""
from extract_helpers import by_trigger, run


def test_confidence_ordering():
    text = ("وزیر خارجه اسپانیا گفت که مادرید از طرح صلح حمایت می‌کند.\n"
            "وی افزود که اروپا باید نقش فعال‌تری داشته باشد.\n"
            "همچنین تاکید کرد که گفت‌وگو تنها راه است.")
    sts = run(text)
    explicit = by_trigger(sts, "گفت")[0]["confidence"]
    pronoun = by_trigger(sts, "افزود")[0]["confidence"]
    continued = by_trigger(sts, "تاکید کرد")[0]["confidence"]
    assert 0 <= continued < pronoun < explicit <= 1


def test_bare_noun_is_less_certain_than_a_verb():
    sts = run("هشدار مسکو به واشنگتن\nوزیر خارجه روسیه به آمریکا هشدار داد.")
    noun = by_trigger(sts, "هشدار")[0]["confidence"]
    verb = by_trigger(sts, "هشدار داد")[0]["confidence"]
    assert noun < verb
