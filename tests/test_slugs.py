from bts_portal.slugs import norwegian_slugify


def test_norwegian_letters_are_transliterated_not_dropped():
    assert norwegian_slugify("Skolefravær") == "skolefravaer"
    assert norwegian_slugify("Fritid og Økonomi på Åsen") == "fritid-og-okonomi-pa-asen"


def test_length_is_limited_without_a_trailing_dash():
    assert norwegian_slugify("a b c d e f", max_length=4) == "a-b"
