"""A case log with people in every relation to it, for the access tests."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from stafettlogg import services
from stafettlogg.models import Innslag, InsightReport, Samtykke

from .factories import BrukerFactory, TjenesteFactory, grant_role

CHILD = "Emma Testbarn"


@pytest.fixture
def people(db):
    kindergarten = TjenesteFactory(name="Solbakken barnehage", slug="solbakken-barnehage")
    clinic = TjenesteFactory(name="Helsestasjonen", slug="helsestasjonen")
    school = TjenesteFactory(name="Sentrum skole", slug="sentrum-skole")
    users = {}
    for name, tjeneste, role in [
        ("stafettholder", kindergarten, "ansatt"),
        ("participant", clinic, "ansatt"),
        ("same_service", kindergarten, "ansatt"),
        ("other_service", school, "ansatt"),
        ("leader", kindergarten, "leder"),
        ("local_admin", kindergarten, "lokal_administrator"),
    ]:
        users[name] = BrukerFactory(username=name, first_name=name.title())
        grant_role(users[name], tjeneste, role)
    users["coordinator"] = BrukerFactory(username="coordinator", is_bts_coordinator=True)
    users["sysadmin"] = BrukerFactory(username="sysadmin", is_staff=True, is_superuser=True)
    return {"users": users, "kindergarten": kindergarten, "clinic": clinic, "school": school}


def open_case(people, *, child=CHILD, covered=("kindergarten", "clinic"), undring=None, user=None):
    users = people["users"]
    today = timezone.localdate()
    case = services.stafettlogg_open(
        user=user or users["stafettholder"], tjeneste=people["kindergarten"], child_name=child,
        child_birth_date=today.replace(year=today.year - 4), guardians=[{"name": "Lise Forelder"}],
        consent_data={"given_by": "Lise Forelder", "method": Samtykke.Method.ORAL,
                      "given_on": today, "valid_until": today + timedelta(days=365)},
        services=[people[name] for name in covered], undring=undring,
    )  # fmt: skip
    return case


def open_undring(people):
    """The baton holder notes a concern (undring) about a child in the kindergarten."""
    return services.undring_create(
        author=people["users"]["stafettholder"],
        tjeneste=people["kindergarten"],
        observation="Stille.",
    )


def case_files(case, people) -> list[Path]:
    """The files a case holds, for the retention tests: a signed consent form and a finished
    insight PDF (their paths)."""
    holder = people["users"]["stafettholder"]
    signed = Samtykke.objects.create(
        stafettlogg=case, given_by="Lise Forelder", method=Samtykke.Method.WRITTEN,
        valid_until=timezone.localdate(), recorded_by=holder,
        document=SimpleUploadedFile("skjema.pdf", b"%PDF-1.4 signert"),
    )  # fmt: skip
    signed.services.set([people["kindergarten"]])
    report = InsightReport.objects.create(stafettlogg=case, requested_by=holder, status="done")
    report.file.save("innsyn.pdf", SimpleUploadedFile("innsyn.pdf", b"%PDF-1.4 innsyn"))
    return [Path(signed.document.path), Path(report.file.path)]


def close_case(case, people):
    """The baton holder closes the case."""
    services.case_close(
        case=case, user=people["users"]["stafettholder"], reason="r", final_evaluation="f"
    )


def evaluate_measure(case, people, *, text, next_step):
    """The baton holder evaluates the case's measure."""
    services.entry_add(
        case=case, user=people["users"]["stafettholder"], kind=Innslag.Kind.EVALUATION,
        measure=case.entries.get(kind=Innslag.Kind.MEASURE), text=text, next_step=next_step,
    )  # fmt: skip


@pytest.fixture
def case(people):
    case = open_case(people)
    users = people["users"]
    services.participant_add(
        case=case, by=users["stafettholder"], user=users["participant"], tjeneste=people["clinic"]
    )
    services.entry_add(
        case=case,
        user=users["stafettholder"],
        kind=Innslag.Kind.OBSERVATION,
        text="Sliten i barnehagen.",
    )
    services.entry_add(
        case=case,
        user=users["stafettholder"],
        kind=Innslag.Kind.MEASURE,
        title="Fast voksen",
        goal="Trygghet",
        responsible="Kari",
        starts_on=timezone.localdate(),
        evaluate_by=timezone.localdate() + timedelta(days=14),
    )
    return case
