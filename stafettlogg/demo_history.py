"""Three years of demo history for "Eksempel kommune", so that the dashboards, the annual
report and the disclosure control have realistic figures to work on (issue 15, part 4).

Every concern and case log is written through ``stafettlogg.services``, so the access rule
refuses here what it refuses in the portal: the consent names every guardian with parental
responsibility and the holder's service, the opener works in the service, only the holder
hands over and closes. A fixed seed makes the history the same on every machine (relative
to the day it is loaded). Everything is clearly demo: the children's names come from a fixed
list and every observation starts with "[demo]".

Each event gets its date when its rows are created: while the history is written,
``django.utils.timezone.now`` answers with the demo clock (and so does every
``timezone.localdate()``, which asks ``now``). Rows are never dated afterwards: on
PostgreSQL the database refuses UPDATE of entries, access-log rows, consents and
participants, and the append-only models refuse it everywhere.

Loaded by ``manage.py load_demo --history``; a second load finds the first and adds nothing.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from unittest import mock

from django.db import transaction
from django.utils import timezone

from bts_portal.content.models import Status
from oppfolging import services as follow_up
from oppfolging.models import Lesebekreftelse, Lesekrav, Mote, Opplaering
from organisasjon.models import Bruker, Rolle, Tjeneste
from organisasjon.services import membership_add
from samhandling.models import Element, ElementType
from tiltaksoversikt.models import Tiltak

from . import access_log, services
from .consent import latest_valid_until
from .models import AccessLog, Innslag, Samtykke, Stafettlogg

SEED = 20_150_004
MARK = "[demo]"
CASES = 240
EXTRA_CONCERNS = 170  # concerns that never became a case log

FIRST_NAMES = [
    "Aksel", "Alma", "Amir", "Astrid", "Aurora", "Benjamin", "Ella", "Elias", "Emil", "Frida",
    "Filip", "Hanna", "Henrik", "Hedda", "Isak", "Ingrid", "Jakob", "Julie", "Kasper", "Leah",
    "Liam", "Linnea", "Lucas", "Maja", "Mathias", "Mia", "Nora", "Olav", "Oskar", "Selma",
    "Sofie", "Theo", "Tiril", "Tobias", "Vilde", "Viktor", "William", "Yasmin", "Ylva", "Zara",
]  # fmt: skip
LAST_NAMES = [
    "Aasen", "Bakken", "Dahle", "Eriksen", "Fossum", "Gundersen", "Holm", "Jacobsen", "Kleven",
    "Lunde", "Myhre", "Nygård", "Pettersen", "Rønning", "Sandvik", "Thorsen", "Ulriksen",
    "Vik", "Wold", "Øien",
]  # fmt: skip
ADULT_NAMES = [
    "Anders", "Camilla", "Eirik", "Heidi", "Jørgen", "Kristin", "Lars", "Marte", "Nils",
    "Silje", "Stian", "Tone", "Vegard", "Åse", "Hassan", "Fatima",
]  # fmt: skip

# The services that open case logs (weight) and the ones that usually join them.
OPENERS = {
    "sentrum-skole": (22, ["helsestasjon-og-skolehelsetjeneste", "ppt", "sfo-sentrum",
                           "familiens-hus", "barneverntjenesten"]),
    "solbakken-barnehage": (16, ["helsestasjon-og-skolehelsetjeneste", "ppt", "familiens-hus",
                                 "fysio-og-ergoterapi"]),
    "fjellheim-barnehage": (10, ["helsestasjon-og-skolehelsetjeneste", "ppt", "familiens-hus"]),
    "nordbyen-ungdomsskole": (16, ["helsestasjon-og-skolehelsetjeneste", "psykisk-helse-og-rus",
                                   "ppt", "kultur-og-fritid", "barneverntjenesten"]),
    "helsestasjon-og-skolehelsetjeneste": (12, ["familiens-hus", "solbakken-barnehage",
                                                "fysio-og-ergoterapi", "barneverntjenesten"]),
    "familiens-hus": (6, ["helsestasjon-og-skolehelsetjeneste", "sentrum-skole",
                          "barneverntjenesten"]),
    "psykisk-helse-og-rus": (6, ["nordbyen-ungdomsskole", "helsestasjon-og-skolehelsetjeneste",
                                 "nav", "kultur-og-fritid"]),
    "nav": (4, ["psykisk-helse-og-rus", "kultur-og-fritid", "integrering-og-flyktningtjeneste"]),
    "integrering-og-flyktningtjeneste": (4, ["sentrum-skole", "helsestasjon-og-skolehelsetjeneste",
                                             "familiens-hus"]),
    "sfo-sentrum": (4, ["sentrum-skole", "helsestasjon-og-skolehelsetjeneste"]),
}  # fmt: skip
AGES = {
    "sentrum-skole": (6, 12), "solbakken-barnehage": (1, 5), "fjellheim-barnehage": (1, 5),
    "nordbyen-ungdomsskole": (13, 15), "helsestasjon-og-skolehelsetjeneste": (0, 15),
    "familiens-hus": (2, 14), "psykisk-helse-og-rus": (13, 17), "nav": (16, 17),
    "integrering-og-flyktningtjeneste": (3, 16), "sfo-sentrum": (6, 9),
}  # fmt: skip
# Two demo employees in every service besides the demo users who log in; they have no
# password and are there so that cases spread over people as they do in a municipality.
STAFF = [
    ("Berit", "Aune"), ("Erlend", "Bø"), ("Gro", "Hovde"), ("Håkon", "Kjos"), ("Janne", "Lien"),
    ("Knut", "Moe"), ("Lene", "Nes"), ("Magnus", "Rud"), ("Randi", "Skog"), ("Sindre", "Tveit"),
]  # fmt: skip

OBSERVATIONS = [
    "Virker sliten og trekker seg unna i lek og friminutt.",
    "Har hatt mye fravær de siste ukene, ofte mandager.",
    "Kommer ofte uten matpakke og riktige klær.",
    "Blir lett sint og har havnet i flere konflikter med andre barn.",
    "Sier lite og vil ikke snakke om hvordan det er hjemme.",
    "Språkutviklingen ser ut til å ha stoppet opp.",
    "Har fortalt om vonde tanker og vansker med å sove.",
    "Foreldrene har selv fortalt at de strever og ønsker hjelp.",
]
MEASURES = [
    ("Fast voksenkontakt", "Barnet skal ha en trygg voksen å gå til hver dag."),
    ("Samtalegruppe", "Barnet skal få snakke med andre i samme situasjon."),
    ("Foreldreveiledning", "Foreldrene skal få støtte i hverdagen med barnet."),
    ("Tilrettelagt undervisning", "Barnet skal mestre skoledagen og få være med i klassen."),
    ("Språkstimulering", "Barnet skal bruke flere ord i lek og samtale."),
    ("Fritidsaktivitet med følge", "Barnet skal ha en fast aktivitet sammen med andre."),
]
CLOSE_REASONS = [
    ("Målene er nådd.", "Familien og tjenestene er enige om at barnet har det bedre."),
    ("Familien har flyttet.", "Informasjon om tiltakene er gitt til familien."),
    ("Videre oppfølging i barneverntjenesten.", "Tiltakene videreføres der."),
    ("Familien ønsker ikke mer samarbeid.", "Familien vet hvor de kan ta kontakt igjen."),
]


class Clock:
    """The time the services see while the history is written: ``now()`` answers with the
    moment set, or the real time when none is."""

    def __init__(self, rng: random.Random, last_day: date):
        self.rng, self.last_day = rng, last_day
        self.moment: datetime | None = None
        self.real_now = timezone.now

    def now(self) -> datetime:
        return self.moment or self.real_now()

    def on(self, day: date) -> bool:
        """Move to a working hour on ``day``, never back in time; False if ``day`` has not
        come yet (the story of the case stops there)."""
        if day > self.last_day:
            return False
        start = datetime.combine(day, time(8, 0), timezone.get_current_timezone())
        moment = start + timedelta(minutes=self.rng.randrange(0, 420))
        if self.moment is not None and moment <= self.moment:
            moment = self.moment + timedelta(minutes=self.rng.randrange(3, 30))
        self.moment = moment
        return True

    def tick(self) -> None:
        assert self.moment is not None  # a story ticks on from a day it is on()
        self.moment += timedelta(minutes=self.rng.randrange(1, 12))

    @property
    def today(self) -> date:
        return timezone.localdate(self.moment)

    @contextmanager
    def running(self):
        # Innslag.created_at takes ``timezone.now`` itself as its default, captured when the
        # model was defined, so the patched module attribute does not reach it: its cached
        # default is replaced too (the access-log rows are given their ``at`` explicitly).
        # auto_now_add fields and localdate() call the module's now, and see the clock.
        with (
            mock.patch("django.utils.timezone.now", self.now),
            mock.patch.object(Innslag._meta.get_field("created_at"), "_get_default", self.now),
        ):
            yield self


@dataclass
class World:
    rng: random.Random
    clock: Clock
    first_day: date
    services: dict[str, Tjeneste]
    staff: dict[str, list[Bruker]]
    catalogue: dict[str, list[Tiltak]]
    names: list[str]
    counts: Counter = field(default_factory=Counter)
    access: list[AccessLog] = field(default_factory=list)

    def log(self, user, event: str, *, case=None, undring=None, tjeneste=None, obj=None):
        """The access-log row the portal's view would have written for the same request
        (as ``access_log.record`` writes it), dated now on the demo clock and stored with the
        others at the end: created once, with its date, in one statement."""
        target = case or undring
        self.access.append(AccessLog(
            at=self.clock.now(), user=user, tjeneste_id=tjeneste.pk if tjeneste else None,
            stafettlogg_id=case.pk if case else None, undring_id=undring.pk if undring else None,
            action=access_log.EVENTS[event][0], event=event, object_id=obj.pk if obj else None,
            what=target.get_absolute_url()[:200] if target else "",
        ))  # fmt: skip

    def pick_day(self, after: date, days: tuple[int, int]) -> date:
        return after + timedelta(days=self.rng.randint(*days))


def _staff(tjenester: dict[str, Tjeneste]) -> dict[str, list[Bruker]]:
    """Every service's employees: the demo users who work there and two demo employees."""
    staff: dict[str, list[Bruker]] = {slug: [] for slug in tjenester}
    for user in Bruker.objects.filter(
        memberships__rolle=Rolle.ANSATT, memberships__tjeneste__in=tjenester.values()
    ).distinct():
        for membership in user.memberships.filter(rolle=Rolle.ANSATT):
            staff.setdefault(membership.tjeneste.slug, []).append(user)
    for n, (slug, tjeneste) in enumerate(sorted(tjenester.items())):
        for k in range(2):
            first, last = STAFF[(2 * n + k) % len(STAFF)]
            user, created = Bruker.objects.get_or_create(
                username=f"demo.{slug[:20]}.{k + 1}",
                defaults={"first_name": first, "last_name": last,
                          "email": f"demo.{slug[:20]}.{k + 1}@eksempel.kommune.no"},
            )  # fmt: skip
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            membership_add(user=user, tjeneste=tjeneste, rolle=Rolle.ANSATT)
            if user not in staff[slug]:
                staff[slug].append(user)
    return staff


def _opening_days(world: World) -> list[date]:
    """When the cases were opened: more each year, as the model is taken into use."""
    rng = world.rng
    days: list[date] = []
    span = (world.clock.last_day - world.first_day).days - 30
    growth = {0: 0.7, 1: 1.0, 2: 1.2}
    while len(days) < CASES:
        day = world.first_day + timedelta(days=rng.randrange(span))
        if day.weekday() < 5 and rng.random() < growth[day.year - world.first_day.year] / 1.2:
            days.append(day)
    return sorted(days)


# --- Concerns -------------------------------------------------------------------------------


def _concern(world: World, holder: Bruker, tjeneste: Tjeneste, day: date, age: int):
    rng, clock = world.rng, world.clock
    clock.on(day)
    undring = services.undring_create(
        author=holder, tjeneste=tjeneste, child_age=age if rng.random() < 0.7 else None,
        child_initials="" if rng.random() < 0.3 else f"{rng.choice('ABEHIKLMNOST')}.",
        observation=f"{MARK} {rng.choice(OBSERVATIONS)}",
    )  # fmt: skip
    world.log(holder, "undring.create", undring=undring, tjeneste=tjeneste)
    world.counts["concerns"] += 1
    talk = world.pick_day(day, (2, 10))
    if clock.on(talk):
        services.undring_update(
            undring=undring, user=holder, discussed_with="Nærmeste leder", discussed_on=talk,
            conversation_on=talk if rng.random() < 0.7 else None,
            conversation_notes="Foreldrene kjente seg igjen og ville samarbeide.",
        )  # fmt: skip
        world.log(holder, "undring.edit", undring=undring, tjeneste=tjeneste)
    return undring


def _concern_alone(world: World, day: date) -> None:
    """A concern that stays at level 0: closed, refused by the guardians, or still open."""
    rng = world.rng
    slug = _opener(rng)
    holder, tjeneste = rng.choice(world.staff[slug]), world.services[slug]
    undring = _concern(world, holder, tjeneste, day, rng.randint(*AGES[slug]))
    outcome = rng.random()
    end = world.pick_day(day, (14, 60))
    if not world.clock.on(end) or outcome < 0.08:
        return  # still open
    if outcome < 0.2:
        parent = f"{rng.choice(ADULT_NAMES)} {rng.choice(LAST_NAMES)}"
        refusal = services.refusal_record(
            undring=undring, user=holder, given_by=parent, services=[tjeneste]
        )
        world.log(holder, "undring.refusal", undring=undring, tjeneste=tjeneste, obj=refusal)
        world.counts["refusals"] += 1
        world.clock.tick()
        reason = "Foreldrene ønsket ikke samarbeid nå. Barnet følges opp i tjenesten."
    elif outcome < 0.25:
        report = services.report_record(user=holder, sent_on=end, undring=undring)
        world.log(holder, "undring.report", undring=undring, tjeneste=tjeneste, obj=report)
        world.clock.tick()
        reason = "Melding er sendt til barneverntjenesten."
    else:
        reason = "Bekymringen ble avklart i samtalen med foreldrene."
    services.undring_close(undring=undring, user=holder, reason=reason)
    world.log(holder, "undring.close", undring=undring, tjeneste=tjeneste)


def _opener(rng: random.Random) -> str:
    slugs = list(OPENERS)
    return rng.choices(slugs, weights=[OPENERS[s][0] for s in slugs])[0]


# --- Case logs ------------------------------------------------------------------------------


@dataclass
class Story:
    """What the case log is doing as its history is written."""

    case: Stafettlogg
    holder: Bruker
    covered: list[Tjeneste]
    consent_until: date
    participants: list[tuple[Bruker, Tjeneste]]
    measures: list[Innslag] = field(default_factory=list)
    due: date | None = None  # the next evaluation


def _guardians(rng: random.Random, last: str) -> list[dict]:
    count = 1 if rng.random() < 0.3 else 2
    adults = rng.sample(ADULT_NAMES, count + 1)
    guardians: list[dict] = [
        {"name": f"{adult} {last}", "relation": "forelder", "phone": "900 00 000"}
        for adult in adults[:count]
    ]
    if rng.random() < 0.1:
        guardians.append({"name": f"{adults[-1]} {rng.choice(LAST_NAMES)}",
                          "relation": "steforelder", "parental_responsibility": False})  # fmt: skip
    return guardians


def _consent(rng: random.Random, day: date, guardians: Sequence[Mapping[str, Any]]) -> dict:
    names = [g["name"] for g in guardians if g.get("parental_responsibility", True)]
    return {
        "given_by": " og ".join(names),
        "method": rng.choice([Samtykke.Method.ORAL, Samtykke.Method.WRITTEN]),
        "given_on": day,
        "valid_until": latest_valid_until(day) - timedelta(days=rng.randint(0, 30)),
    }


def _case(world: World, day: date, child_name: str) -> None:
    rng, clock = world.rng, world.clock
    slug = _opener(rng)
    tjeneste = world.services[slug]
    holder = rng.choice(world.staff[slug])
    age = rng.randint(*AGES[slug])
    born = day - timedelta(days=365 * age + rng.randrange(365))
    level = rng.choices([1, 2, 3], weights=[70, 25, 5])[0]
    undring = None
    if rng.random() < 0.55:
        noticed = max(world.first_day, world.pick_day(day, (-40, -10)))
        undring = _concern(world, holder, tjeneste, noticed, age)
    joining = [world.services[s] for s in OPENERS[slug][1]]
    wanted = {1: (0, 1), 2: (1, 3), 3: (2, 4)}[level]
    others = rng.sample(joining, min(len(joining), rng.randint(*wanted)))
    guardians = _guardians(rng, child_name.split()[-1])
    clock.on(day if clock.moment is None else max(day, clock.today))
    consent_data = _consent(rng, clock.today, guardians)
    case = services.stafettlogg_open(
        user=holder, tjeneste=tjeneste, child_name=child_name, child_birth_date=born,
        level=level, guardians=guardians, consent_data=consent_data,
        services=[tjeneste, *others], undring=undring,
    )  # fmt: skip
    world.log(holder, "case.open", case=case, tjeneste=tjeneste)
    world.counts["cases"] += 1
    story = Story(case, holder, [tjeneste, *others], consent_data["valid_until"], [])
    for other in others:
        if world.staff.get(other.slug):
            clock.tick()
            user = rng.choice(world.staff[other.slug])
            services.participant_add(case=case, by=holder, user=user, tjeneste=other)
            world.log(holder, "participant.add", case=case, tjeneste=tjeneste)
            story.participants.append((user, other))
    _work(world, story, day)


def _write(world: World, story: Story, day: date, kind: str, **fields) -> Innslag | None:
    """An entry by the baton holder on ``day`` (the consent renewed first when it runs out)."""
    if not _renewed(world, story, day) or not world.clock.on(day):
        return None
    entry = services.entry_add(case=story.case, user=story.holder, kind=kind, **fields)
    world.log(story.holder, "case.view", case=story.case, tjeneste=story.case.tjeneste)
    world.clock.tick()
    world.log(story.holder, "entry.add", case=story.case, tjeneste=story.case.tjeneste, obj=entry)
    return entry


def _renewed(world: World, story: Story, day: date) -> bool:
    """The guardians renew the consent before it runs out (a few let it expire)."""
    rng = world.rng
    while day > story.consent_until - timedelta(days=7):
        renew_on = story.consent_until - timedelta(days=rng.randint(7, 25))
        if rng.random() < 0.04 or not world.clock.on(max(renew_on, world.clock.today)):
            return False
        guardians = list(story.case.guardians.values("name", "parental_responsibility"))
        data = _consent(rng, world.clock.today, guardians)
        consent = services.consent_add(
            case=story.case, user=story.holder, consent_data=data, services=story.covered
        )
        world.log(story.holder, "consent.add", case=story.case, tjeneste=story.case.tjeneste,
             obj=consent)  # fmt: skip
        story.consent_until = data["valid_until"]
    return True


def _measure(world: World, story: Story, day: date) -> None:
    rng = world.rng
    title, goal = rng.choice(MEASURES)
    providers = [t for t in story.covered if world.catalogue.get(t.slug)]
    tiltak = rng.choice(world.catalogue[rng.choice(providers).slug]) if providers else None
    if tiltak is not None and rng.random() < 0.6:
        title = tiltak.title
    else:
        tiltak = None
    entry = _write(
        world, story, day, Innslag.Kind.MEASURE, title=title, goal=goal, tiltak=tiltak,
        responsible=str(story.holder), starts_on=day,
        evaluate_by=day + timedelta(days=rng.randint(42, 70)),
    )  # fmt: skip
    if entry is not None:
        story.measures.append(entry)
        story.due = entry.evaluate_by


def _work(world: World, story: Story, day: date) -> None:
    """Observations, measures, evaluations on (or not on) their dates, level changes,
    meetings, hand-overs and at last the closure, until today."""
    rng = world.rng
    case = story.case
    lasts = int(rng.lognormvariate(5.3, 0.6))  # about 200 days, from weeks to years
    withdraws = rng.random() < 0.05
    day = world.pick_day(day, (0, 6))
    text = f"{MARK} {rng.choice(OBSERVATIONS)}"
    if not _write(world, story, day, Innslag.Kind.OBSERVATION, text=text):
        return
    day = world.pick_day(day, (3, 14))
    if not _write(world, story, day, Innslag.Kind.CONVERSATION,
                  text="Samtale med foreldrene. De ønsker hjelp og samarbeid."):  # fmt: skip
        return
    _measure(world, story, world.pick_day(day, (1, 10)))
    ended = case.opened_at.date() + timedelta(days=lasts)
    while story.measures:
        measure = story.measures[-1]
        due = story.due
        assert due is not None  # a measure sets the next evaluation
        timing = rng.random()
        if timing < 0.1:
            day = due + timedelta(days=rng.randint(20, 40))  # never evaluated: a new plan instead
            _measure(world, story, day)
            if story.measures[-1] is measure:
                return
            continue
        day = due + timedelta(days=rng.randint(-10, 0) if timing < 0.75 else rng.randint(3, 30))
        if case.level >= 2 and rng.random() < 0.5 and not _write(
            world, story, day - timedelta(days=1), Innslag.Kind.MEETING,
            attendees="Foreldrene, stafettholder og de andre tjenestene",
            text="Gjennomgang av planen i samarbeidsmøte.",
        ):  # fmt: skip
            return
        evaluation = _write(
            world, story, day, Innslag.Kind.EVALUATION, measure=measure,
            text=rng.choice(["Tiltaket har hjulpet.", "Noe bedring.", "Lite endring så langt."]),
            next_step="Fortsette og evaluere igjen.",
            child_view="Det er greit.", guardian_view="Vi ser at det hjelper litt.",
            evaluate_by=day + timedelta(days=rng.randint(56, 84)),
        )  # fmt: skip
        if evaluation is None:
            return
        story.due = evaluation.evaluate_by
        assert story.due is not None  # given just above
        if withdraws and rng.random() < 0.3:
            _withdraw(world, story, world.pick_day(day, (5, 30)))
            return
        if day >= ended:
            _close(world, story, world.pick_day(day, (1, 14)))
            return
        _turn(world, story, day)
        if rng.random() < 0.4:  # a new measure; otherwise the plan goes on as evaluated
            _measure(world, story, world.pick_day(day, (1, 7)))
            if story.measures[-1] is measure:
                return
        elif story.due > world.clock.last_day:
            return


def _turn(world: World, story: Story, day: date) -> None:
    """What may happen between two evaluations: a level change, a hand-over, a report."""
    rng, case, clock = world.rng, story.case, world.clock
    roll = rng.random()
    if (roll < 0.12 and case.level < 3) or (roll < 0.2 and case.level > 1):
        to_level = case.level + 1 if roll < 0.12 and case.level < 3 else case.level - 1
        if not _renewed(world, story, day) or not clock.on(day):
            return
        entry = services.level_change(
            case=case, user=story.holder, to_level=to_level,
            reason="Behovet er endret etter evalueringen.",
        )  # fmt: skip
        world.log(story.holder, "level.change", case=case, tjeneste=case.tjeneste, obj=entry)
        case.level = to_level  # the service changed its own locked copy of the row
    elif roll < 0.28 and story.participants:
        to_user, to_tjeneste = rng.choice(story.participants)
        if to_user == story.holder or not _renewed(world, story, day) or not clock.on(day):
            return
        handover = services.handover_request(
            case=case, user=story.holder, to_user=to_user, to_tjeneste=to_tjeneste
        )
        world.log(story.holder, "handover.request", case=case, tjeneste=case.tjeneste, obj=handover)
        if not clock.on(world.pick_day(day, (1, 5))):
            return
        accept = rng.random() < 0.8
        services.handover_answer(handover=handover, user=to_user, accept=accept)
        world.log(to_user, "handover.accept" if accept else "handover.decline", case=case,
             tjeneste=to_tjeneste, obj=handover)  # fmt: skip
        if accept:
            story.participants.remove((to_user, to_tjeneste))
            story.participants.append((story.holder, case.tjeneste))
            story.holder = to_user
            case.refresh_from_db()
            world.counts["handovers"] += 1
    elif roll < 0.32:
        if not _renewed(world, story, day) or not clock.on(day):
            return
        report = services.report_record(user=story.holder, sent_on=day, case=case)
        world.log(story.holder, "report.record", case=case, tjeneste=case.tjeneste, obj=report)


def _withdraw(world: World, story: Story, day: date) -> None:
    if not _renewed(world, story, day) or not world.clock.on(day):
        return
    services.consent_withdraw(
        case=story.case, user=story.holder, reason="Foreldrene ønsker ikke samarbeidet lenger."
    )
    world.log(story.holder, "consent.withdraw", case=story.case, tjeneste=story.case.tjeneste)
    world.counts["withdrawn"] += 1


def _close(world: World, story: Story, day: date) -> None:
    if not _renewed(world, story, day) or not world.clock.on(day):
        return
    reason, final = world.rng.choice(CLOSE_REASONS)
    services.case_close(case=story.case, user=story.holder, reason=reason, final_evaluation=final)
    world.log(story.holder, "case.close", case=story.case, tjeneste=story.case.tjeneste)
    world.counts["closed"] += 1


# --- The municipality's follow-up -----------------------------------------------------------


def _follow_up(world: World) -> None:
    """Resource-group and forum meetings, and orientation and training, every year."""
    rng = world.rng
    coordinator = Bruker.objects.filter(is_bts_coordinator=True).order_by("pk").first()
    if coordinator is None:
        return
    slugs = sorted(world.services)
    for year in range(world.first_day.year, world.clock.last_day.year + 1):
        for month, kind in [(2, Mote.Kind.RESOURCE_GROUP), (4, Mote.Kind.FORUM),
                            (6, Mote.Kind.RESOURCE_GROUP), (9, Mote.Kind.RESOURCE_GROUP),
                            (10, Mote.Kind.FORUM), (11, Mote.Kind.RESOURCE_GROUP)]:  # fmt: skip
            held_on = date(year, month, rng.randint(3, 26))
            if held_on > world.clock.last_day:
                continue
            attendance = {world.services[s]: rng.randint(1, 3) for s in rng.sample(slugs, 7)}
            follow_up.meeting_record(by=coordinator, kind=kind, held_on=held_on,
                                     attendance=attendance)  # fmt: skip
        for slug, users in world.staff.items():
            for user in users:
                training = Opplaering.Kind.ORIENTATION if year == world.first_day.year else (
                    Opplaering.Kind.TRAINING)  # fmt: skip
                held_on = date(year, rng.choice([1, 3, 8, 9]), rng.randint(3, 26))
                if held_on <= world.clock.last_day and rng.random() < 0.7:
                    follow_up.training_record(
                        by=coordinator, user=user, tjeneste=world.services[slug], kind=training,
                        title="BTI og stafettloggen", held_on=held_on,
                    )  # fmt: skip
    _read_lists(world, coordinator)


def _read_lists(world: World, coordinator: Bruker) -> None:
    """The published routines as required reading for the staff, from the first year on; most
    staff confirm within months, some not yet (dated on the demo clock afterwards: the rows
    take their default time from the real clock)."""
    rng = world.rng
    routines = Element.objects.filter(type=ElementType.RUTINE, status=Status.PUBLISHED)
    for n, element in enumerate(routines.order_by("pk")[:3]):
        set_on = datetime.combine(date(world.first_day.year + n // 2, 2, 1), time(9),
                                  timezone.get_current_timezone())  # fmt: skip
        requirement = follow_up.lesekrav_create(
            by=coordinator, element=element, roles=[Rolle.ANSATT, Rolle.BTI_KONTAKT]
        )
        Lesekrav.objects.filter(pk=requirement.pk).update(created_at=set_on)
        for users in world.staff.values():
            for user in users:
                read_on = set_on + timedelta(days=rng.randint(3, 420), hours=rng.randint(0, 8))
                if rng.random() < 0.85 and read_on.date() <= world.clock.last_day:
                    done = follow_up.reading_confirm(user=user, lesekrav=requirement)
                    Lesebekreftelse.objects.filter(pk=done.pk).update(confirmed_at=read_on)


# --- Loading --------------------------------------------------------------------------------


def _child_names(rng: random.Random) -> list[str]:
    names = [f"{first} {last}" for first in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(names)
    return names[:CASES]


def is_loaded() -> bool:
    names = _child_names(random.Random(SEED))  # noqa: S311 - a demo's fixed seed
    return Stafettlogg.objects.filter(child_name__in=names[:50]).exists()


@transaction.atomic
def load() -> Counter:
    """Write the history (about three years back from today); returns what was made. Loaded
    once: a second call finds the demo children and adds nothing."""
    if is_loaded():
        return Counter()
    rng = random.Random(SEED)  # noqa: S311 - a demo's fixed seed, not a secret
    names = _child_names(rng)
    today = timezone.localdate()
    tjenester = {t.slug: t for t in Tjeneste.objects.filter(slug__in=_service_slugs())}
    catalogue: dict[str, list[Tiltak]] = {}
    for tiltak in Tiltak.objects.filter(status=Status.PUBLISHED).select_related("tjeneste"):
        catalogue.setdefault(tiltak.tjeneste.slug, []).append(tiltak)
    world = World(
        rng=rng, clock=Clock(rng, last_day=today - timedelta(days=1)),
        first_day=date(today.year - 2, 1, 1), services=tjenester, staff=_staff(tjenester),
        catalogue=catalogue, names=names,
    )  # fmt: skip
    opening = _opening_days(world)
    span = (world.clock.last_day - world.first_day).days
    alone = sorted(
        world.first_day + timedelta(days=rng.randrange(span)) for _ in range(EXTRA_CONCERNS)
    )
    with world.clock.running():
        # One story at a time, each from its first day to its last: the clock goes back only
        # between stories, never within one.
        events = [(day, 0, n) for n, day in enumerate(opening)] + [(d, 1, 0) for d in alone]
        for day, kind, n in sorted(events):
            world.clock.moment = None
            if kind == 0:
                _case(world, day, names[n])
            else:
                _concern_alone(world, day)
        world.clock.moment = None
        _follow_up(world)
    AccessLog.objects.bulk_create(world.access, batch_size=500)
    world.counts["active"] = world.counts["cases"] - world.counts["closed"]
    return world.counts


def _service_slugs() -> set[str]:
    return set(OPENERS) | {slug for _weight, joining in OPENERS.values() for slug in joining}
