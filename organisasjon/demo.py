"""Demo data for "Eksempel kommune": its services and one user for every role.

Loading is idempotent: every row is looked up by a natural key and updated in place.
"""

from django.db import transaction

from bts_portal.demo_translations import translated
from bts_portal.upsert import upsert

from . import demo_services_en, demo_services_nn
from .models import AGE_PREGNANCY, Bruker, Rolle, Sektor, Tjeneste
from .services import membership_add, role_flags_set

DEMO_PASSWORD = "bts-demo-2026"  # noqa: S105 - printed for the demo users on purpose

SERVICES = [
    {
        "slug": "solbakken-barnehage",
        "name": "Solbakken barnehage",
        "sector": Sektor.OPPVEKST,
        "age_min": 1,
        "age_max": 6,
        "phone": "77 00 10 10",
        "email": "solbakken.barnehage@eksempel.kommune.no",
        "address": "Solbakkvegen 4",
        "opening_hours": "Mandag–fredag 07.00–16.30",
        "description": (
            "Kommunal barnehage med fem avdelinger for barn fra ett år til skolestart. "
            "Barnehagen har egen BTI-kontakt og deltar i forebyggende forum."
        ),
    },
    {
        "slug": "fjellheim-barnehage",
        "name": "Fjellheim barnehage",
        "sector": Sektor.OPPVEKST,
        "age_min": 1,
        "age_max": 6,
        "phone": "77 00 10 20",
        "email": "fjellheim.barnehage@eksempel.kommune.no",
        "address": "Fjellheimveien 12",
        "opening_hours": "Mandag–fredag 07.15–16.45",
        "description": "Kommunal barnehage med tre avdelinger og vekt på språk og friluftsliv.",
    },
    {
        "slug": "sentrum-skole",
        "name": "Sentrum skole",
        "sector": Sektor.OPPVEKST,
        "age_min": 6,
        "age_max": 13,
        "phone": "77 00 20 10",
        "email": "sentrum.skole@eksempel.kommune.no",
        "address": "Skolegata 1",
        "opening_hours": "Kontoret er åpent 08.00–15.00",
        "description": (
            "Barneskole for 1.–7. trinn. Kontaktlæreren er ofte den som holder stafetten "
            "når skolen og andre tjenester samarbeider om en elev."
        ),
    },
    {
        "slug": "nordbyen-ungdomsskole",
        "name": "Nordbyen ungdomsskole",
        "sector": Sektor.OPPVEKST,
        "age_min": 12,
        "age_max": 16,
        "phone": "77 00 20 20",
        "email": "nordbyen.ungdomsskole@eksempel.kommune.no",
        "address": "Nordbyvegen 30",
        "opening_hours": "Kontoret er åpent 08.00–15.00",
        "description": "Ungdomsskole for 8.–10. trinn med sosiallærer og miljøterapeut.",
    },
    {
        "slug": "sfo-sentrum",
        "name": "SFO ved Sentrum skole",
        "sector": Sektor.OPPVEKST,
        "age_min": 6,
        "age_max": 10,
        "phone": "77 00 20 15",
        "email": "sfo.sentrum@eksempel.kommune.no",
        "address": "Skolegata 1",
        "opening_hours": "Mandag–fredag 07.00–08.30 og etter skoletid til 16.30",
        "description": "Skolefritidsordning for 1.–4. trinn.",
    },
    {
        "slug": "helsestasjon-og-skolehelsetjeneste",
        "name": "Helsestasjon og skolehelsetjeneste",
        "sector": Sektor.HELSE_OG_OMSORG,
        "age_min": AGE_PREGNANCY,
        "age_max": 20,
        "phone": "77 00 30 10",
        "email": "helsestasjon@eksempel.kommune.no",
        "address": "Helsehuset, Torget 2",
        "opening_hours": "Mandag–fredag 08.00–15.30. Helsestasjon for ungdom tirsdag 14–17",
        "description": (
            "Svangerskapsomsorg, helsestasjon for barn 0–5 år, skolehelsetjeneste og "
            "helsestasjon for ungdom. Helsesykepleier er til stede på alle skoler."
        ),
    },
    {
        "slug": "ppt",
        "name": "Pedagogisk-psykologisk tjeneste (PPT)",
        "sector": Sektor.OPPVEKST,
        "age_min": 0,
        "age_max": 20,
        "phone": "77 00 40 10",
        "email": "ppt@eksempel.kommune.no",
        "address": "Rådhuset, 2. etasje",
        "opening_hours": "Mandag–fredag 08.00–15.30",
        "description": (
            "Sakkyndig vurdering av behov for spesialpedagogisk hjelp og spesialundervisning, "
            "og veiledning til barnehager og skoler."
        ),
    },
    {
        "slug": "barneverntjenesten",
        "name": "Barneverntjenesten",
        "sector": Sektor.HELSE_OG_OMSORG,
        "age_min": AGE_PREGNANCY,
        "age_max": 25,
        "phone": "77 00 50 10",
        "email": "barnevern@eksempel.kommune.no",
        "address": "Rådhuset, 3. etasje",
        "opening_hours": "Mandag–fredag 08.00–15.30. Utenom kontortid: barnevernvakten",
        "description": (
            "Tar imot bekymringsmeldinger, gir råd og veiledning, også anonymt, og setter inn "
            "hjelpetiltak i samarbeid med familien."
        ),
    },
    {
        "slug": "nav",
        "name": "NAV Eksempel",
        "sector": Sektor.NAV,
        "age_min": 16,
        "age_max": 25,
        "phone": "55 55 33 33",
        "email": "nav.eksempel@nav.no",
        "address": "Storgata 10",
        "opening_hours": "Mandag–fredag 10.00–14.00",
        "description": (
            "Økonomisk rådgivning, sosialhjelp og oppfølging av unge som trenger hjelp til "
            "skole, arbeid eller bolig. Har egne ungdomsveiledere."
        ),
    },
    {
        "slug": "familiens-hus",
        "name": "Familiens hus",
        "sector": Sektor.HELSE_OG_OMSORG,
        "age_min": AGE_PREGNANCY,
        "age_max": 18,
        "phone": "77 00 60 10",
        "email": "familienshus@eksempel.kommune.no",
        "address": "Helsehuset, Torget 2",
        "opening_hours": "Mandag–fredag 08.00–15.30",
        "description": "Foreldreveiledning, familieterapi og samtalegrupper for barn og foreldre.",
    },
    {
        "slug": "psykisk-helse-og-rus",
        "name": "Psykisk helse og rus",
        "sector": Sektor.HELSE_OG_OMSORG,
        "age_min": 12,
        "age_max": 25,
        "phone": "77 00 70 10",
        "email": "psykiskhelse@eksempel.kommune.no",
        "address": "Helsehuset, Torget 2",
        "opening_hours": "Mandag–fredag 08.00–15.30. Drop-in for ungdom onsdag 12–15",
        "description": "Lavterskel samtaletilbud for ungdom og unge voksne, og rusforebygging.",
    },
    {
        "slug": "kultur-og-fritid",
        "name": "Kultur og fritid",
        "sector": Sektor.KULTUR,
        "age_min": 6,
        "age_max": 25,
        "phone": "77 00 80 10",
        "email": "kultur@eksempel.kommune.no",
        "address": "Kulturhuset",
        "opening_hours": "Ungdomsklubben: tirsdag og torsdag 18–22, fredag 19–23",
        "description": "Ungdomsklubb, kulturskole, fritidskortet og Ungdomsrådet.",
    },
    {
        "slug": "tannhelsetjenesten",
        "name": "Tannhelsetjenesten",
        "sector": Sektor.HELSE_OG_OMSORG,
        "age_min": 0,
        "age_max": 24,
        "phone": "77 00 90 10",
        "email": "tannhelse@eksempel.kommune.no",
        "address": "Helsehuset, Torget 2",
        "opening_hours": "Mandag–fredag 08.00–15.30",
        "description": (
            "Gratis tannhelsetilbud til barn og unge. Tannhelsepersonell har også "
            "opplysningsplikt og melder fra ved tegn på omsorgssvikt."
        ),
    },
    {
        "slug": "fysio-og-ergoterapi",
        "name": "Fysio- og ergoterapitjenesten",
        "sector": Sektor.HELSE_OG_OMSORG,
        "age_min": 0,
        "age_max": 18,
        "phone": "77 00 91 10",
        "email": "fysioterapi@eksempel.kommune.no",
        "address": "Helsehuset, Torget 2",
        "opening_hours": "Mandag–fredag 08.00–15.30",
        "description": "Motorisk utvikling, hjelpemidler og tilrettelegging for barn og unge.",
    },
    {
        "slug": "integrering-og-flyktningtjeneste",
        "name": "Integrering og flyktningtjeneste",
        "sector": Sektor.ANNET,
        "age_min": 0,
        "age_max": 25,
        "phone": "77 00 92 10",
        "email": "integrering@eksempel.kommune.no",
        "address": "Storgata 12",
        "opening_hours": "Mandag–fredag 08.00–15.30",
        "description": "Bosetting og oppfølging av flyktningfamilier og enslige mindreårige.",
    },
    {
        "slug": "fastlegene",
        "name": "Fastlegene i Eksempel",
        "sector": Sektor.HELSE_OG_OMSORG,
        "age_min": AGE_PREGNANCY,
        "age_max": 25,
        "phone": "77 00 93 00",
        "email": "legesenteret@eksempel.no",
        "address": "Legesenteret, Torget 4",
        "opening_hours": "Mandag–fredag 08.00–16.00. Legevakt: 116 117",
        "is_partner": True,
        "description": (
            "Samarbeidspartner: fastlegene deltar i samarbeid om barn når familien ønsker det."
        ),
    },
]

# username, first name, last name, municipality-wide flags, [(service slug, role)]
USERS = [
    ("ansatt.barnehage", "Kari", "Nilsen", {}, [("solbakken-barnehage", Rolle.ANSATT)]),
    ("ansatt.skole", "Ola", "Hansen", {}, [("sentrum-skole", Rolle.ANSATT)]),
    (
        "ansatt.helsestasjon",
        "Ingrid",
        "Berg",
        {},
        [("helsestasjon-og-skolehelsetjeneste", Rolle.ANSATT)],
    ),
    (
        "bti.barnehage",
        "Siri",
        "Johansen",
        {},
        [("solbakken-barnehage", Rolle.ANSATT), ("solbakken-barnehage", Rolle.BTI_KONTAKT)],
    ),
    ("ansatt.barnevern", "Nora", "Lie", {}, [("barneverntjenesten", Rolle.ANSATT)]),
    ("ansatt.nav", "Ahmed", "Karimi", {}, [("nav", Rolle.ANSATT)]),
    ("leder.skole", "Per", "Olsen", {}, [("sentrum-skole", Rolle.LEDER)]),
    ("leder.barnehage", "Hilde", "Strand", {}, [("solbakken-barnehage", Rolle.LEDER)]),
    ("lokaladmin.skole", "Eva", "Dahl", {}, [("sentrum-skole", Rolle.LOKAL_ADMINISTRATOR)]),
    ("koordinator", "Maria", "Eide", {"is_bts_coordinator": True}, []),
    ("kommunedirektor", "Tor", "Moe", {"is_municipal_leader": True}, []),
    ("sysadmin", "Jon", "Vik", {"is_staff": True}, []),
]


@transaction.atomic
def load() -> list[tuple[str, str]]:
    """Create or update the demo services and users; returns (username, description) pairs."""
    for data in SERVICES:
        values = {"is_partner": False, **data}
        slug = str(values.pop("slug"))
        values |= translated(slug, nn=demo_services_nn.SERVICES, en=demo_services_en.SERVICES)
        if hours := values.get("opening_hours"):
            values["opening_hours_nn"] = demo_services_nn.OPENING_HOURS[str(hours)]
            values["opening_hours_en"] = demo_services_en.OPENING_HOURS[str(hours)]
        upsert(Tjeneste, {"slug": slug}, values)

    loaded = []
    for username, first, last, flags, roles in USERS:
        user, _changed = upsert(
            Bruker,
            {"username": username},
            {"first_name": first, "last_name": last, "email": f"{username}@eksempel.kommune.no"},
        )
        # Through the service, so that the record of role changes shows the demo's roles too.
        role_flags_set(
            user=user,
            is_bts_coordinator=flags.get("is_bts_coordinator", False),
            is_municipal_leader=flags.get("is_municipal_leader", False),
            is_staff=flags.get("is_staff", False),
            is_active=True,
        )
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if user.is_staff:
            _grant_admin_rights(user)
        for slug, role in roles:
            membership_add(user=user, tjeneste=Tjeneste.objects.get(slug=slug), rolle=role)
        loaded.append((username, _describe(flags, roles)))
    return loaded


def _grant_admin_rights(user: Bruker) -> None:
    """The system administrator manages users, services and memberships in Django admin."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name="Systemadministratorer")
    group.permissions.set(
        Permission.objects.filter(
            # innlogging: resetting a second factor and linking identities (both recorded).
            content_type__app_label__in=["organisasjon", "auth", "axes", "innlogging"],
        ).exclude(codename__in=[codename for codename, _ in Tjeneste._meta.permissions])
    )
    user.groups.add(group)


def _describe(flags: dict, roles: list) -> str:
    parts = [f"{role.label} – {slug}" for slug, role in roles]
    if flags.get("is_bts_coordinator"):
        parts.append("BTS-koordinator")
    if flags.get("is_municipal_leader"):
        parts.append("leder på kommunenivå")
    if flags.get("is_staff"):
        parts.append("systemadministrator")
    return ", ".join(str(p) for p in parts)
