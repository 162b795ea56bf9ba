"""Demo concerns and case logs for the demo users, so that every screen has content.
Idempotent: a case is looked up by the (made-up) child's name."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from organisasjon.models import Bruker, Tjeneste

from . import services
from .models import Innslag, Samtykke, Stafettlogg, Undring

CASES = [
    # child, born, level, holder, holder's service, other services, guardian
    (
        "Emma Solheim",
        date(2021, 3, 14),
        1,
        "ansatt.barnehage",
        "solbakken-barnehage",
        [],
        "Lise Solheim",
    ),
    (
        "Noah Berg",
        date(2020, 9, 2),
        2,
        "ansatt.barnehage",
        "solbakken-barnehage",
        ["helsestasjon-og-skolehelsetjeneste"],
        "Tom Berg",
    ),
    (
        "Sara Haugen",
        date(2015, 6, 21),
        2,
        "ansatt.skole",
        "sentrum-skole",
        ["helsestasjon-og-skolehelsetjeneste", "ppt"],
        "Anne Haugen",
    ),
    ("Jonas Lund", date(2016, 1, 8), 1, "ansatt.skole", "sentrum-skole", [], "Kari Lund"),
    (
        "Ida Moen",
        date(2014, 11, 30),
        3,
        "ansatt.skole",
        "sentrum-skole",
        ["helsestasjon-og-skolehelsetjeneste", "barneverntjenesten", "familiens-hus"],
        "Per Moen",
    ),
]

PARTICIPANTS = {
    "helsestasjon-og-skolehelsetjeneste": "ansatt.helsestasjon",
    "barneverntjenesten": "ansatt.barnevern",
}


@transaction.atomic
def load() -> int:
    today = timezone.localdate()
    users = {u.username: u for u in Bruker.objects.all()}
    tjenester = {t.slug: t for t in Tjeneste.objects.all()}
    if not Undring.objects.filter(observation__startswith="[demo]").exists():
        for author, service, initials, age, text in [
            (
                "ansatt.barnehage",
                "solbakken-barnehage",
                "ML",
                4,
                "[demo] Har vært stille og trukket seg unna lek de siste ukene.",
            ),
            (
                "ansatt.skole",
                "sentrum-skole",
                "",
                None,
                "[demo] Elev i 5. trinn kommer ofte uten matpakke og virker sliten.",
            ),
        ]:
            services.undring_create(
                author=users[author],
                tjeneste=tjenester[service],
                child_initials=initials,
                child_age=age,
                observation=text,
            )
    created = 0
    for child, born, level, holder, service, others, guardian in CASES:
        if Stafettlogg.objects.filter(child_name=child).exists():
            continue
        user, tjeneste = users[holder], tjenester[service]
        case = services.stafettlogg_open(
            user=user, tjeneste=tjeneste, child_name=child, child_birth_date=born, level=level,
            guardians=[{"name": guardian, "relation": "forelder", "phone": "900 00 000"}],
            consent_data={"given_by": guardian, "method": Samtykke.Method.ORAL,
                          "given_on": today - timedelta(days=40),
                          "valid_until": today + timedelta(days=325)},
            services=[tjeneste, *(tjenester[s] for s in others)],
        )  # fmt: skip
        for other in others:
            if other in PARTICIPANTS:
                services.participant_add(
                    case=case, by=user, user=users[PARTICIPANTS[other]], tjeneste=tjenester[other]
                )
        services.entry_add(
            case=case,
            user=user,
            kind=Innslag.Kind.OBSERVATION,
            text="Barnet virker sliten og lei seg flere dager i uka.",
        )
        services.entry_add(
            case=case,
            user=user,
            kind=Innslag.Kind.CONVERSATION,
            text="Samtale med foreldrene. De kjenner seg igjen og ønsker hjelp.",
        )
        measure = services.entry_add(
            case=case, user=user, kind=Innslag.Kind.MEASURE, title="Fast voksenkontakt",
            goal="Barnet skal ha en trygg voksen å gå til hver dag.", responsible=str(user),
            starts_on=today - timedelta(days=30),
            evaluate_by=today + timedelta(days=(created * 9) - 10),
        )  # fmt: skip
        if level >= 2:
            services.entry_add(
                case=case,
                user=user,
                kind=Innslag.Kind.MEETING,
                attendees="Foreldrene, stafettholder, helsesykepleier",
                text="Felles plan avtalt. Nytt møte om seks uker.",
            )
        if level == 3:
            services.entry_add(
                case=case,
                user=user,
                kind=Innslag.Kind.EVALUATION,
                measure=measure,
                text="Tiltaket har hjulpet noe.",
                next_step="Fortsette, og opprette ansvarsgruppe.",
                child_view="Det er fint å ha noen å snakke med.",
                guardian_view="Vi ser bedring hjemme.",
            )
        created += 1
    return Stafettlogg.objects.count()
