"""The translated text fields (bts_portal.content.fields): the bokmål column takes the model's
options, the nynorsk and English columns are optional, empty by default and as long."""

from django.db import models
from django.utils import translation

from bts_portal.content.fields import TITLE, translated_char, translated_text
from oversetting.sources import translated_fields
from samhandling.models import Element
from tiltaksoversikt.models import Tema


def test_the_bokmal_column_takes_the_options_and_the_translations_are_optional():
    nb, nn, en = translated_char(TITLE, max_length=120, unique=True, help_text="Hjelp.")
    assert [type(f) for f in (nb, nn, en)] == [models.CharField] * 3
    # The translators' msgids, so the labels are translated as before.
    with translation.override("nb"):
        labels = [str(f.verbose_name) for f in (nb, nn, en)]
    assert labels == ["tittel", "tittel (nynorsk)", "tittel (engelsk)"]
    assert (nb.max_length, nb.unique, nb.blank, nb.help_text) == (120, True, False, "Hjelp.")
    for field in (nn, en):
        assert (field.max_length, field.unique, field.blank) == (120, False, True)
        assert field.default == ""
        assert field.help_text == ""


def test_a_text_without_a_length_has_none_in_any_language():
    nb, nn, en = translated_text(TITLE, blank=True)
    assert [f.max_length for f in (nb, nn, en)] == [None, None, None]
    assert nb.blank
    assert nb.default is models.NOT_PROVIDED


def test_models_built_with_them_keep_their_columns_and_are_followed_by_the_translation_app():
    names = [f.name for f in Element._meta.concrete_fields]
    assert names.index("title_nn") == names.index("title") + 1
    assert names.index("title_en") == names.index("title") + 2
    assert translated_fields(Element) == [
        "title",
        "summary",
        "body",
        "responsible_role",
        "mandate",
        "convened_by",
        "frequency",
    ]
    title = Tema._meta.get_field("title")
    assert title.unique
    assert not Tema._meta.get_field("title_nn").unique
    assert Tema._meta.get_field("title_en").max_length == title.max_length == 100
