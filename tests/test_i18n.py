"""Bokmål by default; nynorsk and English on request; catalogues complete and compiled."""

import ast
import gettext
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def test_default_language_is_bokmal(client, db):
    content = client.get("/").content.decode()
    assert '<html lang="nb">' in content
    assert "Er du bekymret for et barn?" in content


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nn", "Er du uroa for eit barn?"),
        ("en", "Are you worried about a child?"),
        ("nb", "Er du bekymret for et barn?"),
    ],
)
def test_language_switch_changes_the_pages(client, db, language, expected):
    response = client.post("/i18n/setlang/", {"language": language, "next": "/tjenester/"})
    assert response.status_code == 302
    assert response["Location"] == "/tjenester/"
    content = client.get("/").content.decode()
    assert f'<html lang="{language}">' in content
    assert expected in content


def test_language_switch_refuses_addresses_outside_the_portal(client, db):
    response = client.post(
        "/i18n/setlang/", {"language": "nn", "next": "https://angriper.example/"}
    )
    assert response["Location"] == "/"


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_catalogue_translates_every_message(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as f:
        catalog = read_po(f)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert missing == []


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_compiled_catalogue_matches_its_source(language):
    """Fresh machines may lack GNU gettext, so the .mo files are committed: keep them in step."""
    directory = LOCALE / language / "LC_MESSAGES"
    with open(directory / "django.po", "rb") as f:
        catalog = read_po(f)
    with open(directory / "django.mo", "rb") as f:
        compiled = gettext.GNUTranslations(f)
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        msgid = message.id[0] if message.pluralizable else message.id
        key = f"{message.context}\x04{msgid}" if message.context else msgid
        if message.pluralizable:
            for index, form in enumerate(message.string):
                assert compiled._catalog.get((key, index)) == form, message.id
        else:
            assert compiled._catalog.get(key) == message.string, message.id


SKIPPED = {".venv", "tests", "migrations", "var", "node_modules", "mutants"}  # mutants: make mutate
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "pgettext", "npgettext"}
ROOT = Path(__file__).resolve().parent.parent


def test_no_translated_text_is_hidden_inside_an_f_string():
    """xgettext (makemessages) cannot see into an f-string: a message marked there is never
    extracted, and shows in English on every page (found on the proposal diff's hidden
    "added:"/"removed:" words)."""
    hidden = []
    for path in ROOT.rglob("*.py"):
        if SKIPPED.intersection(path.parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in GETTEXT_NAMES
                ):
                    hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert hidden == []
