"""Editing the guide uses the shared machinery: only the coordinator edits and publishes,
history and restore work, and a step's key never changes."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bts_portal.content.models import Endringsforslag
from handlingsveileder.models import Niva, Trinn, Verktoy

from .factories import TrinnFactory, VerktoyFactory

pytestmark = pytest.mark.django_db


def step_form(niva, **overrides):
    data = {
        "niva": niva.pk,
        "key": "",
        "title": "Ring foreldrene",
        "summary": "Ta kontakt.",
        "body": "",
        "responsible": "Stafettholder",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("kind", ["nivaa", "trinn", "verktoy", "tegn", "temaveileder"])
def test_leader_and_employee_get_403_on_guide_editing(client, leader, employee, kind):
    for user in (leader, employee):
        client.force_login(user)
        assert client.get(f"/ansatt/innhold/{kind}/").status_code == 403
        assert client.get(f"/ansatt/innhold/{kind}/ny/").status_code == 403


def test_leader_cannot_publish_a_step(client, leader):
    step = TrinnFactory(niva=Niva.objects.get(number=1), status="draft")
    client.force_login(leader)
    assert client.post(f"/ansatt/innhold/trinn/{step.pk}/publiser/").status_code == 403


def test_coordinator_creates_step_with_key_from_title_and_publishes(client, coordinator):
    niva = Niva.objects.get(number=1)
    client.force_login(coordinator)
    assert client.post("/ansatt/innhold/trinn/ny/", step_form(niva)).status_code == 302
    step = Trinn.objects.get()
    assert step.key == "ring-foreldrene"
    assert step.status == "draft"
    client.post(f"/ansatt/innhold/trinn/{step.pk}/publiser/")
    step.refresh_from_db()
    assert step.is_published


def test_step_key_cannot_be_changed_once_saved(client, coordinator):
    step = TrinnFactory(niva=Niva.objects.get(number=1), key="n1-plan")
    client.force_login(coordinator)
    client.post(
        f"/ansatt/innhold/trinn/{step.pk}/",
        step_form(step.niva, key="noe-annet", title="Ny tittel"),
    )
    # The published step's change waits as a proposal, without the key.
    proposal = Endringsforslag.objects.get()
    assert proposal.values["title"] == "Ny tittel"
    assert "key" not in proposal.values
    client.post(f"/ansatt/innhold/endringsforslag/{proposal.pk}/godkjenn/")
    step.refresh_from_db()
    assert step.key == "n1-plan"
    assert step.title == "Ny tittel"


def test_step_history_and_restore(client, coordinator):
    # A draft step saves and restores at once; a published one proposes (test_content_drafts).
    step = TrinnFactory(niva=Niva.objects.get(number=1), summary="Første", status="draft")
    client.force_login(coordinator)
    client.post(
        f"/ansatt/innhold/trinn/{step.pk}/", step_form(step.niva, title=step.title, summary="Andre")
    )
    first = step.history.order_by("history_date").first()
    history = client.get(f"/ansatt/innhold/trinn/{step.pk}/historikk/").content.decode()
    assert "</span>Første</del>" in history
    client.post(f"/ansatt/innhold/trinn/{step.pk}/historikk/{first.history_id}/gjenopprett/")
    step.refresh_from_db()
    assert step.summary == "Første"


def test_steps_reorder_within_their_level(client, coordinator):
    niva = Niva.objects.get(number=2)
    first = TrinnFactory(niva=niva, order=1)
    second = TrinnFactory(niva=niva, order=2)
    client.force_login(coordinator)
    client.post(f"/ansatt/innhold/trinn/{second.pk}/flytt/", {"direction": "up"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.order < first.order


def test_tool_template_upload_is_validated(client, coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    bad = SimpleUploadedFile("skjema.docx", b"not a zip")
    response = client.post(
        "/ansatt/innhold/verktoy/ny/",
        {"title": "Skjema", "slug": "", "summary": "S", "audience": "public", "file": bad},
    )
    assert response.status_code == 400
    assert not Verktoy.objects.exists()

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<x/>")
        archive.writestr("word/document.xml", "<x/>")
    good = SimpleUploadedFile("skjema.docx", buffer.getvalue())
    response = client.post(
        "/ansatt/innhold/verktoy/ny/",
        {"title": "Skjema", "slug": "", "summary": "S", "audience": "public", "file": good},
    )
    assert response.status_code == 302
    tool = Verktoy.objects.get()
    assert tool.content_type.endswith("wordprocessingml.document")
    tool.status = "published"
    tool.save()
    client.logout()
    download = client.get(f"/veileder/verktoy/{tool.slug}/fil/")
    assert download.status_code == 200


def test_staff_only_template_needs_a_staff_login(client, employee, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    tool = VerktoyFactory(
        audience="staff", slug="intern", file=SimpleUploadedFile("intern.pdf", b"%PDF-1.4\n%%EOF")
    )
    assert client.get("/veileder/verktoy/intern/fil/").status_code == 404
    client.force_login(employee)
    assert client.get(f"/veileder/verktoy/{tool.slug}/fil/").status_code == 200
