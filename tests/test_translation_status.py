"""The translation state per item and language (oversetting), the status command, and the
coordinator's "needs translation" list."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from oversetting import sources, state
from oversetting.models import Oversettelse, TranslationStatus, Utkast
from samhandling.models import Side

from .factories import BrukerFactory, ElementFactory, SideFactory, TjenesteFactory

pytestmark = pytest.mark.django_db


def _state(obj, language):
    return state.state_of(obj, language)


def test_new_item_without_translation_is_missing_in_both_languages():
    side = SideFactory(title="Om BTS")
    assert _state(side, "nn").status == TranslationStatus.MISSING
    assert _state(side, "en").status == TranslationStatus.MISSING


def test_item_with_all_texts_translated_is_current():
    side = SideFactory(
        title="Om BTS", title_nn="Om BTS", summary_nn="Samandrag.", body_nn="Brødtekst."
    )
    assert _state(side, "nn").status == TranslationStatus.CURRENT
    assert _state(side, "en").status == TranslationStatus.MISSING


def test_editing_the_bokmal_text_alone_makes_the_translation_outdated():
    side = SideFactory(title="Om BTS", title_nn="Om BTS", summary_nn="Samandrag.", body_nn="Tekst.")
    side.body = "Ny brødtekst."
    side.save()
    assert _state(side, "nn").status == TranslationStatus.OUTDATED


def test_updating_the_translation_after_the_bokmal_makes_it_current_again():
    side = SideFactory(title="Om BTS", title_nn="Om BTS", summary_nn="Samandrag.", body_nn="Tekst.")
    side.body = "Ny brødtekst."
    side.save()
    side.body_nn = "Ny tekst."
    side.save()
    assert _state(side, "nn").status == TranslationStatus.CURRENT


def test_a_partly_translated_item_counts_as_missing():
    side = SideFactory(title_nn="Om BTS")
    row = _state(side, "nn")
    assert row.status == TranslationStatus.MISSING
    assert (row.fields_total, row.fields_missing) == (3, 2)


def test_unpublished_items_are_not_counted_as_public():
    side = SideFactory(status="draft")
    assert _state(side, "nn").is_public is False


def test_services_are_tracked_with_name_and_description():
    service = TjenesteFactory(name="Helsestasjonen", description="For alle familier.")
    row = _state(service, "en")
    assert row.fields_total == 2
    assert row.status == TranslationStatus.MISSING
    service.name_en = "Health clinic"
    service.description_en = "For all families."
    service.save()
    assert _state(service, "en").status == TranslationStatus.CURRENT


def test_deleting_an_item_removes_its_rows():
    side = SideFactory()
    pk = side.pk
    side.delete()
    assert not Oversettelse.objects.filter(object_id=pk, content_type__model="side").exists()


def test_record_all_only_missing_fills_rows_for_content_saved_without_receivers():
    side = SideFactory()
    Oversettelse.objects.all().delete()
    assert state.record_all(only_missing=True) >= 1
    assert _state(side, "nn") is not None


def test_reviewed_record_marks_existing_translations_current():
    side = SideFactory(title_nn="Om", summary_nn="Samandrag.", body_nn="Tekst.")
    Oversettelse.objects.filter(object_id=side.pk).update(translated_from_hash="gammal")
    state.record(side, reviewed=True)
    row = _state(side, "nn")
    assert row.status == TranslationStatus.CURRENT
    assert row.reviewed_at is not None


def test_status_command_reports_counts_and_bokmal_share(capsys):
    Side.objects.all().delete()  # the standard pages the migrations make
    SideFactory(title_nn="A", summary_nn="B", body_nn="C")
    SideFactory()
    call_command("translation_status", "--language", "nn")
    out = capsys.readouterr().out
    pages = next(line for line in out.splitlines() if line.startswith("samhandling.Side "))
    assert pages.split()[1:6] == ["nn", "2", "1", "0", "0"]
    assert "50.0%" in pages
    assert "nn: 50.0 % of the public text is still in bokmål" in out


def test_status_command_fails_above_the_allowed_bokmal_share():
    Side.objects.all().delete()
    SideFactory()
    with pytest.raises(CommandError, match="still in bokmål"):
        call_command("translation_status", "--language", "nn", "--max-bokmal", "0")


def test_status_command_passes_when_everything_is_translated(capsys):
    for model in sources.models():
        model.objects.all().delete()
    SideFactory(title_nn="A", summary_nn="B", body_nn="C")
    call_command("translation_status", "--language", "nn", "--max-bokmal", "0")
    assert "nn: 0.0 %" in capsys.readouterr().out


def test_status_command_counts_machine_drafts(capsys):
    Side.objects.all().delete()
    side = SideFactory()
    row = _state(side, "nn")
    Utkast.objects.create(
        content_type=row.content_type, object_id=side.pk, language="nn", is_machine=True,
        texts={"title": "Side"}, source_hash=row.source_hash,
    )  # fmt: skip
    call_command("translation_status", "--language", "nn")
    pages = next(
        ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("samhandling.Side ")
    )
    assert pages.split()[5] == "1"


# --- The coordinator's list ----------------------------------------------------------------


def _list_url(language="nn"):
    return reverse("oversetting:needs_translation_in", args=[language])


def test_needs_translation_list_shows_missing_and_outdated_items_with_links(client, coordinator):
    missing = SideFactory(title="Side uten nynorsk")
    outdated = SideFactory(
        title="Side med gammel nynorsk", title_nn="U", summary_nn="S", body_nn="B"
    )
    outdated.body = "Endret."
    outdated.save()
    SideFactory(title="Side med ny nynorsk", title_nn="F", summary_nn="S", body_nn="B")
    client.force_login(coordinator)
    response = client.get(_list_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Side uten nynorsk" in html
    assert "Side med gammel nynorsk" in html
    assert "Side med ny nynorsk" not in html
    assert reverse("oversetting:translate", args=["samhandling", "side", missing.pk, "nn"]) in html


def test_needs_translation_list_filters_by_status(client, coordinator):
    SideFactory(title="Side uten nynorsk")
    outdated = SideFactory(
        title="Side med gammel nynorsk", title_nn="U", summary_nn="S", body_nn="B"
    )
    outdated.body = "Endret."
    outdated.save()
    client.force_login(coordinator)
    html = client.get(_list_url(), {"status": "outdated"}).content.decode()
    assert "Side med gammel nynorsk" in html
    assert "Side uten nynorsk" not in html


def test_needs_translation_list_query_count_does_not_grow_with_rows(
    client, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    for n in range(3):
        SideFactory(title=f"Side {n}")
        ElementFactory(title=f"Element {n}")
    client.get(_list_url())  # warm the session and content type caches
    with django_assert_max_num_queries(14) as few:
        client.get(_list_url())
    for n in range(3, 30):
        SideFactory(title=f"Side {n}")
        ElementFactory(title=f"Element {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(_list_url())
    assert response.content.decode().count("/oversettelse/samhandling/") >= 50


def test_needs_translation_list_is_only_for_the_coordinator(client, employee):
    client.force_login(employee)
    assert client.get(_list_url()).status_code == 403


def test_needs_translation_list_requires_login(client):
    response = client.get(_list_url())
    assert response.status_code == 302


def test_unknown_language_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/ansatt/innhold/oversettelse/de/").status_code == 404


def test_a_leader_who_edits_content_cannot_open_the_translation_form(client, leader):
    side = SideFactory()
    client.force_login(leader)
    url = reverse("oversetting:translate", args=["samhandling", "side", side.pk, "nn"])
    response = client.post(url, {"action": "approve", "title": "Inntrengjar"})
    assert response.status_code == 403
    side.refresh_from_db()
    assert side.title_nn == ""


def test_coordinator_saves_an_english_translation(client, coordinator):
    side = SideFactory(title="Om BTS", summary="Sammendrag.", body="Tekst.")
    client.force_login(coordinator)
    url = reverse("oversetting:translate", args=["samhandling", "side", side.pk, "en"])
    response = client.post(
        url, {"action": "approve", "title": "About", "summary": "Summary.", "body": "Text."}
    )
    assert response.status_code == 302
    side.refresh_from_db()
    assert (side.title_en, side.body_en) == ("About", "Text.")
    assert _state(side, "en").status == TranslationStatus.CURRENT


def test_translation_form_of_a_model_that_is_not_translated_is_404(client, coordinator):
    client.force_login(coordinator)
    url = reverse("oversetting:translate", args=["organisasjon", "bruker", coordinator.pk, "nn"])
    assert client.get(url).status_code == 404


def test_too_long_title_is_refused_with_a_message(client, coordinator):
    side = SideFactory()
    client.force_login(coordinator)
    url = reverse("oversetting:translate", args=["samhandling", "side", side.pk, "en"])
    response = client.post(url, {"action": "approve", "title": "x" * 201})
    assert response.status_code == 400
    side.refresh_from_db()
    assert side.title_en == ""


def test_confirming_an_outdated_translation_makes_it_current(client, coordinator):
    side = SideFactory(title_nn="U", summary_nn="S", body_nn="B")
    side.body = "Endret."
    side.save()
    client.force_login(coordinator)
    url = reverse("oversetting:translate", args=["samhandling", "side", side.pk, "nn"])
    client.post(url, {"action": "confirm"})
    assert _state(side, "nn").status == TranslationStatus.CURRENT


def test_other_users_cannot_be_coordinators_by_flag_alone_when_inactive(client):
    user = BrukerFactory(username="gammel", is_bts_coordinator=True, is_active=False)
    client.force_login(user)
    assert client.get(_list_url()).status_code in (302, 403)


@pytest.mark.parametrize(
    "factory_name",
    ["SideFactory", "ElementFactory", "TiltakFactory", "TemaFactory", "TjenesteFactory",
     "NivaFactory", "VerktoyFactory", "TrinnFactory"],
)  # fmt: skip
def test_translation_form_opens_for_every_kind_of_content(client, coordinator, factory_name):
    from . import factories

    obj = getattr(factories, factory_name)()
    client.force_login(coordinator)
    url = reverse(
        "oversetting:translate",
        args=[obj._meta.app_label, obj._meta.model_name, obj.pk, "en"],
    )
    response = client.get(url)
    assert response.status_code == 200
    assert f'lang="nb">{obj}' in response.content.decode()


def test_a_tool_document_text_with_unknown_fields_is_refused(client, coordinator):
    from .factories import VerktoyFactory

    tool = VerktoyFactory(document="samtykke", template="Hei {{ barnets_navn }}")
    client.force_login(coordinator)
    url = reverse("oversetting:translate", args=["handlingsveileder", "verktoy", tool.pk, "en"])
    response = client.post(url, {"action": "approve", "template": "Hi {{ ukjent_felt }}"})
    assert response.status_code == 400
    tool.refresh_from_db()
    assert tool.template_en == ""


def test_refresh_reads_content_changed_behind_the_models_back(capsys):
    from samhandling.models import Side as SideModel

    Side.objects.all().delete()
    side = SideFactory()
    SideModel.objects.filter(pk=side.pk).update(title_nn="T", summary_nn="S", body_nn="B")
    call_command("translation_status", "--language", "nn", "--refresh")
    assert _state(side, "nn").status == TranslationStatus.CURRENT
