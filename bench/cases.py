"""The case page and "my work" with 5,000 cases and 100,000 entries in the database."""

from datetime import date, timedelta

from _setup import measure, peak_memory, setup_django

setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from innlogging.sessions import VERIFIED  # noqa: E402
from organisasjon.models import Bruker, Tjeneste  # noqa: E402
from organisasjon.services import membership_add  # noqa: E402
from stafettlogg.models import Deltaker, Innslag, Samtykke, Stafettlogg  # noqa: E402

CASES, ENTRIES, MINE = 5_000, 100_000, 60


def fill() -> tuple[Bruker, Stafettlogg]:
    service = Tjeneste.objects.create(name="Benk barnehage", slug="benk", sector="oppvekst")
    user = Bruker.objects.create(username="benk", first_name="Benk")
    membership_add(user=user, tjeneste=service, rolle="ansatt")
    today = timezone.localdate()
    cases = Stafettlogg.objects.bulk_create(
        Stafettlogg(child_name=f"Barn {n}", child_birth_date=date(2018, 1, 1), level=1 + n % 3,
                    stafettholder=user, tjeneste=service,
                    next_evaluation=today + timedelta(days=n % 40 - 10))
        for n in range(CASES)
    )  # fmt: skip
    consents = Samtykke.objects.bulk_create(
        Samtykke(stafettlogg=c, given_by="Forelder", method="muntlig", recorded_by=user,
                 valid_until=today + timedelta(days=300))
        for c in cases
    )  # fmt: skip
    Samtykke.services.through.objects.bulk_create(
        Samtykke.services.through(samtykke_id=s.pk, tjeneste_id=service.pk) for s in consents
    )
    Deltaker.objects.bulk_create(
        Deltaker(stafettlogg=c, user=user, tjeneste=service) for c in cases[:MINE]
    )
    now = timezone.now()
    batch = []
    for n in range(ENTRIES):
        batch.append(
            Innslag(
                stafettlogg=cases[n % CASES],
                kind="observasjon",
                author=user,
                text=f"Observasjon {n}",
                created_at=now - timedelta(minutes=n),
            )
        )
        if len(batch) == 10_000:
            Innslag.objects.bulk_create(batch)
            batch = []
    Innslag.objects.bulk_create(batch)
    return user, cases[0]


def run() -> None:
    user, case = fill()
    print(f"{Stafettlogg.objects.count()} cases, {Innslag.objects.count()} entries")
    client = Client()
    client.force_login(user)
    # As after the login's second step: without it every case page is a redirect to it.
    session = client.session
    session[VERIFIED] = "bench"
    session.save()
    for label, url in [
        ("case page (20 entries of 100,000)", f"/ansatt/stafettlogg/{case.pk}/"),
        (f"my work ({MINE} of 5,000 cases)", "/ansatt/mitt-arbeid/"),
        ("service case list (5,000 cases)", "/ansatt/tjeneste/benk/saker/"),
    ]:
        if "saker" in url:
            membership_add(user=user, tjeneste=case.tjeneste, rolle="leder")
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        measure(
            f"{label}: {status}, {len(queries)} queries", lambda u=url: client.get(u), repeat=10
        )
    memory = peak_memory(lambda: client.get(f"/ansatt/stafettlogg/{case.pk}/"))
    print(f"peak Python memory, one case page: {memory:.1f} MiB")


if __name__ == "__main__":
    run()
