"""Nynorsk machine drafts: Apertium as a program, Markdown kept, the draft never public
until a person approves it, and a clear message where Apertium is not installed."""

import shutil

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from oversetting import apertium
from oversetting.models import Utkast

from .factories import SideFactory

needs_apertium = pytest.mark.skipif(
    shutil.which("apertium") is None, reason="Apertium is not installed (apt-get install "
    "apertium apertium-nno-nob)",
)  # fmt: skip


def _machine_draft(side, title, *, source_hash):
    """A machine draft of the page's title in nynorsk, made from the bokmål text ``source_hash``."""
    return Utkast.objects.create(
        content_type=ContentType.objects.get_for_model(side), object_id=side.pk, language="nn",
        texts={"title": title}, is_machine=True, source_hash=source_hash,
    )  # fmt: skip


def _url(side, language="nn"):
    return reverse("oversetting:translate", args=["samhandling", "side", side.pk, language])


@needs_apertium
def test_bokmal_becomes_nynorsk():
    assert apertium.translate("Jeg har ikke hørt noe.") == "Eg har ikkje høyrt noko."


@needs_apertium
def test_markdown_structure_links_and_code_are_kept():
    source = (
        "# Hva gjør jeg?\n\n"
        "- Snakk med lederen din\n"
        "1. Les [veilederen](https://eksempel.no/hva-gjør-jeg) og `ikke dette`\n\n"
        "```\nikke oversett dette\n```\n"
        "Hei {{ barnets_navn }}, skriv til post@kommune.no."
    )
    result = apertium.translate(source)
    lines = result.split("\n")
    assert lines[0] == "# Kva gjer eg?"
    assert lines[1] == ""
    assert lines[2] == "- Snakk med leiaren din"
    assert lines[3].startswith("1. Les [")
    assert "](https://eksempel.no/hva-gjør-jeg)" in lines[3]
    assert "`ikke dette`" in lines[3]
    assert lines[5:8] == ["```", "ikke oversett dette", "```"]
    assert "{{ barnets_navn }}" in lines[8]
    assert "post@kommune.no" in lines[8]


@needs_apertium
def test_several_fields_are_translated_in_one_call_and_empty_ones_stay_empty():
    result = apertium.translate_all({"title": "Hva skjer nå?", "body": "", "summary": "Ikke nå."})
    assert result == {"title": "Kva skjer no?", "body": "", "summary": "Ikkje no."}


def test_missing_program_raises_unavailable(settings):
    settings.APERTIUM_COMMAND = "/finnes/ikke/apertium"
    assert apertium.is_available() is False
    with pytest.raises(apertium.ApertiumUnavailable):
        apertium.translate("Hei på deg.")


def test_empty_text_needs_no_program(settings):
    settings.APERTIUM_COMMAND = "/finnes/ikke/apertium"
    assert apertium.translate("") == ""


def _apertium_script(settings, tmp_path, script):
    """Make the portal call a shell ``script`` in place of Apertium."""
    program = tmp_path / "apertium"
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(0o755)
    settings.APERTIUM_COMMAND = str(program)


def test_a_failing_program_raises_an_error(settings, tmp_path):
    _apertium_script(settings, tmp_path, "echo 'noe gikk galt' >&2\nexit 3")
    with pytest.raises(apertium.ApertiumError):
        apertium.translate("Hei.")


def test_a_slow_program_is_stopped_by_the_timeout(settings, tmp_path):
    _apertium_script(settings, tmp_path, "sleep 5")
    settings.APERTIUM_TIMEOUT = 0.5
    with pytest.raises(apertium.ApertiumError):
        apertium.translate("Hei.")


# --- The draft in the translation form ------------------------------------------------------


@needs_apertium
@pytest.mark.django_db
def test_machine_draft_is_stored_as_a_draft_and_not_published(client, coordinator):
    side = SideFactory(title="Hva skjer nå?", summary="Ikke nå.", body="Jeg vet ikke.")
    client.force_login(coordinator)
    response = client.post(_url(side), {"action": "machine"})
    assert response.status_code == 302
    draft = Utkast.objects.get(object_id=side.pk, language="nn")
    assert draft.is_machine
    assert draft.texts["title"] == "Kva skjer no?"
    side.refresh_from_db()
    assert (side.title_nn, side.summary_nn, side.body_nn) == ("", "", "")
    public = client.get(side.get_absolute_url(), {"sprak": "nn"}).content.decode()
    assert "Kva skjer no?" not in public
    form = client.get(_url(side)).content.decode()
    assert "Kva skjer no?" in form
    # In nynorsk here: the public page's ?sprak=nn is remembered in the language cookie.
    assert "ikkje godkjend" in form


@needs_apertium
@pytest.mark.django_db
def test_approving_the_reviewed_draft_publishes_it_and_ends_the_draft(client, coordinator):
    side = SideFactory(title="Hva skjer nå?", summary="Ikke nå.", body="Jeg vet ikke.")
    client.force_login(coordinator)
    client.post(_url(side), {"action": "machine"})
    response = client.post(
        _url(side),
        {"action": "approve", "title": "Kva skjer no?", "summary": "Ikkje no.", "body": "Eg veit."},
    )
    assert response.status_code == 302
    side.refresh_from_db()
    assert side.title_nn == "Kva skjer no?"
    assert not Utkast.objects.filter(object_id=side.pk, language="nn").exists()
    anonymous = client.__class__()
    public = anonymous.get(side.get_absolute_url(), {"sprak": "nn"}).content.decode()
    assert "Kva skjer no?" in public


@pytest.mark.django_db
def test_without_apertium_the_form_says_so_and_nothing_is_stored(client, coordinator, settings):
    settings.APERTIUM_COMMAND = "/finnes/ikke/apertium"
    side = SideFactory(title="Hva skjer nå?")
    client.force_login(coordinator)
    page = client.get(_url(side))
    assert page.status_code == 200
    assert "apertium-nno-nob" in page.content.decode()
    assert 'value="machine"' not in page.content.decode()
    response = client.post(_url(side), {"action": "machine"}, follow=True)
    assert response.status_code == 200
    assert "apertium-nno-nob" in response.content.decode()
    assert not Utkast.objects.exists()
    side.refresh_from_db()
    assert side.title_nn == ""


@pytest.mark.django_db
def test_the_list_warns_when_apertium_is_missing(client, coordinator, settings):
    settings.APERTIUM_COMMAND = "/finnes/ikke/apertium"
    client.force_login(coordinator)
    html = client.get(reverse("oversetting:needs_translation_in", args=["nn"])).content.decode()
    assert "Apertium" in html


@pytest.mark.django_db
def test_no_machine_draft_for_english(client, coordinator):
    side = SideFactory()
    client.force_login(coordinator)
    response = client.post(_url(side, "en"), {"action": "machine"})
    assert response.status_code == 400
    assert not Utkast.objects.exists()


@pytest.mark.django_db
def test_discarding_the_draft_leaves_the_public_text(client, coordinator):
    side = SideFactory(title_nn="Gammal tittel")
    _machine_draft(side, "Maskintittel", source_hash="x")
    client.force_login(coordinator)
    client.post(_url(side), {"action": "discard"})
    assert not Utkast.objects.exists()
    side.refresh_from_db()
    assert side.title_nn == "Gammal tittel"


@pytest.mark.django_db
def test_a_draft_older_than_the_bokmal_text_says_so(client, coordinator):
    side = SideFactory(title="Gammel tittel")
    _machine_draft(side, "Gammal tittel", source_hash="eldre")
    client.force_login(coordinator)
    response = client.get(_url(side))
    assert response.context["draft_outdated"] is True
    assert "Gammal tittel" in response.content.decode()


@pytest.mark.django_db
def test_approving_keeps_a_bokmal_edit_made_meanwhile(coordinator):
    from oversetting.drafts import translation_approve
    from samhandling.models import Side

    side = SideFactory(title="Før")
    Side.objects.filter(pk=side.pk).update(body="Endret imens.")
    translation_approve(obj=side, language="nn", texts={"title": "Før"}, user=coordinator)
    side.refresh_from_db()
    assert side.body == "Endret imens."
    assert side.title_nn == "Før"
