import factory
from django.core.files.base import ContentFile
from django.utils.text import slugify

from organisasjon.models import Bruker, Sektor, Tjeneste
from organisasjon.services import membership_add
from stafettlogg.models import InsightReport


class TjenesteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tjeneste
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Tjeneste {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    sector = Sektor.OPPVEKST
    phone = "77 00 00 00"
    email = factory.LazyAttribute(lambda o: f"{o.slug}@eksempel.kommune.no")


class BrukerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bruker
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"bruker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Bruker {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@eksempel.kommune.no")
    password = factory.PostGenerationMethodCall("set_password", "riktig-passord-123")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def grant_role(user: Bruker, tjeneste: Tjeneste, rolle: str):
    return membership_add(user=user, tjeneste=tjeneste, rolle=rolle)


class ElementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "samhandling.Element"

    nivaa = "individ"
    type = "verktoy"
    title = factory.Sequence(lambda n: f"Element {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "Et kort sammendrag."
    body = "Tekst om elementet."
    status = "published"
    audience = "public"
    order = factory.Sequence(lambda n: n)


class SideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "samhandling.Side"

    title = factory.Sequence(lambda n: f"Side {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "Sammendrag av siden."
    body = "Brødtekst."
    status = "published"


class TemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tiltaksoversikt.Tema"
        django_get_or_create = ("slug",)

    title = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))


class TiltakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tiltaksoversikt.Tiltak"
        skip_postgeneration_save = True

    tjeneste = factory.SubFactory(TjenesteFactory)
    title = factory.Sequence(lambda n: f"Tiltak {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    summary = "Et tilbud til familier."
    body = "Beskrivelse."
    age_min = 0
    age_max = 18
    access = "lavterskel"
    status = "published"

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)


class NivaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "handlingsveileder.Niva"
        django_get_or_create = ("number",)

    number = 0
    title = factory.LazyAttribute(lambda o: f"Nivå {o.number}")
    summary = "Formålet med nivået."
    body = "Dette skjer for familien."
    status = "published"


class VerktoyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "handlingsveileder.Verktoy"

    title = factory.Sequence(lambda n: f"Verktøy {n}")
    slug = factory.Sequence(lambda n: f"verktoy-{n}")
    summary = "Et verktøy."
    status = "published"
    audience = "public"


class TrinnFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "handlingsveileder.Trinn"
        skip_postgeneration_save = True

    niva = factory.SubFactory(NivaFactory)
    key = factory.Sequence(lambda n: f"trinn-{n}")
    title = factory.Sequence(lambda n: f"Trinn {n}")
    summary = "Hva du gjør."
    responsible = "Ansatt"
    status = "published"
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def tools(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tools.set(extracted)


def finished_insight_report(case):
    """The baton holder's insight report of the case, done, with its PDF saved (to the
    MEDIA_ROOT the test sets)."""
    report = InsightReport.objects.create(
        stafettlogg=case, requested_by=case.stafettholder, status="done", progress=100
    )
    report.file.save("innsyn.pdf", ContentFile(b"%PDF-1.7 test"), save=True)
    return report
