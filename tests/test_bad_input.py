"""Junk in forms, addresses and query strings gives a 4xx or the normal page, never a 500:
a ``next`` that is no address, ids too large for the database, numbers that are not numbers."""

import pytest
from django import forms

from bts_portal.form_fields import BoundedModelChoiceField, BoundedModelMultipleChoiceField
from organisasjon.models import Tjeneste

from .factories import ElementFactory, TemaFactory, TjenesteFactory

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
JUST_TOO_LARGE = str(2**63)
IMPOSSIBLE_IDS = [HUGE, JUST_TOO_LARGE, "-" + HUGE, "9" * 5000, "1e400", "0x10", "١٢"]


# --- A "next" address from the request ---------------------------------------------------


@pytest.fixture
def reviewed_url(client, coordinator):
    client.force_login(coordinator)
    element = ElementFactory()
    return f"/ansatt/innhold/element/{element.pk}/gjennomgatt/"


@pytest.mark.parametrize(
    "target",
    [
        "abc",
        "content:list",
        "plan.pdf",
        "javascript:alert(1)",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "http://[::1",
        "\x00/ansatt/",
        " /ansatt/",
        "/" + "a" * 3000,
    ],
)
def test_mark_reviewed_with_a_next_that_is_no_address_here_goes_back_to_the_list(
    client, reviewed_url, target
):
    response = client.post(reviewed_url, {"months": 12, "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/ansatt/innhold/element/"


def test_mark_reviewed_returns_to_a_next_page_on_the_site(client, reviewed_url):
    response = client.post(reviewed_url, {"months": 12, "next": "/ansatt/arshjul/?vis=alle"})
    assert response["Location"] == "/ansatt/arshjul/?vis=alle"


@pytest.mark.parametrize("target", ["abc", "content:list", "javascript:alert(1)"])
def test_changing_language_with_a_next_that_is_no_address_is_no_error(client, target):
    response = client.post("/i18n/setlang/", {"language": "nn", "next": target})
    assert response.status_code in {204, 302}


@pytest.mark.parametrize("target", ["abc", "content:list", "//evil.example/"])
def test_the_login_page_with_a_next_that_is_no_address_is_no_error(client, target):
    assert client.get("/ansatt/logg-inn/", {"next": target}).status_code == 200


@pytest.mark.parametrize("target", ["abc", "content:list", "//evil.example/"])
def test_logging_in_with_a_next_that_is_no_address_is_no_error(client, employee, target):
    response = client.post(
        "/ansatt/logg-inn/",
        {"username": "ansatt", "password": "riktig-passord-123", "next": target},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize("target", ["abc", "content:list", "//evil.example/"])
def test_logging_out_with_a_next_that_is_no_address_is_no_error(client, employee, target):
    client.force_login(employee)
    response = client.post("/ansatt/logg-ut/", {"next": target})
    assert response.status_code in {200, 302}
    assert "evil.example" not in response.get("Location", "")


# --- Ids the database cannot hold, in the editing forms ----------------------------------

# (kind in the address, field): every relation in the editing forms of these apps.
CHOICE_FIELDS = [
    ("element", "owner_tjeneste"),
    ("element", "participating_services"),
    ("trinn", "niva"),
    ("trinn", "tools"),
    ("verktoy", "element"),
    ("tegn", "tema"),
    ("tiltak", "tjeneste"),
    ("tiltak", "themes"),
    ("moteplass", "element"),
    ("moteplass", "participating_services"),
]


@pytest.mark.parametrize("value", [HUGE, JUST_TOO_LARGE, "-" + HUGE])
@pytest.mark.parametrize(("kind", "field"), CHOICE_FIELDS)
def test_an_id_too_large_for_the_database_is_an_invalid_choice(
    client, coordinator, kind, field, value
):
    client.force_login(coordinator)
    response = client.post(f"/ansatt/innhold/{kind}/ny/", {"title": "Tittel", field: value})
    assert response.status_code == 400
    errors = response.context["form"].errors.as_data()
    assert [error.code for error in errors[field]] == ["invalid_choice"]


def test_an_id_too_large_among_real_ones_refuses_the_whole_choice(client, coordinator):
    client.force_login(coordinator)
    real = TjenesteFactory()
    response = client.post(
        "/ansatt/innhold/element/ny/", {"participating_services": [str(real.pk), HUGE]}
    )
    assert response.status_code == 400
    assert "participating_services" in response.context["form"].errors


def _forms_with_relations():
    import handlingsveileder.forms
    import samhandling.forms
    import statistikk.views
    import tiltaksoversikt.forms
    from bts_portal.content import forms as content_forms

    for module in (samhandling.forms, handlingsveileder.forms, tiltaksoversikt.forms,
                   statistikk.views, content_forms):  # fmt: skip
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, forms.BaseForm):
                for name, field in value.base_fields.items():
                    if isinstance(field, forms.ModelChoiceField):
                        yield f"{value.__name__}.{name}", field


def test_every_choice_of_rows_in_these_apps_refuses_impossible_ids():
    unbounded = [
        name
        for name, field in _forms_with_relations()
        if not isinstance(field, BoundedModelChoiceField | BoundedModelMultipleChoiceField)
    ]
    assert unbounded == []


# --- The fields themselves ---------------------------------------------------------------


@pytest.mark.parametrize("value", IMPOSSIBLE_IDS)
def test_a_bounded_multiple_choice_refuses_an_impossible_id_before_any_query(
    django_assert_num_queries, value
):
    field = BoundedModelMultipleChoiceField(queryset=Tjeneste.objects.all())
    with django_assert_num_queries(0), pytest.raises(forms.ValidationError) as error:
        field.clean([value])
    assert error.value.code == "invalid_choice"


@pytest.mark.parametrize("value", IMPOSSIBLE_IDS)
def test_a_bounded_choice_refuses_an_impossible_id_before_any_query(
    django_assert_num_queries, value
):
    field = BoundedModelChoiceField(queryset=Tjeneste.objects.all())
    with django_assert_num_queries(0), pytest.raises(forms.ValidationError) as error:
        field.clean(value)
    assert error.value.code == "invalid_choice"


def test_a_huge_id_is_shortened_in_the_error_message():
    field = BoundedModelMultipleChoiceField(queryset=Tjeneste.objects.all())
    with pytest.raises(forms.ValidationError) as error:
        field.clean(["9" * 5000])
    assert len(error.value.messages[0]) < 200


def test_the_bounded_fields_still_find_real_rows():
    tjeneste = TjenesteFactory()
    single = BoundedModelChoiceField(queryset=Tjeneste.objects.all())
    multiple = BoundedModelMultipleChoiceField(queryset=Tjeneste.objects.all())
    assert single.clean(str(tjeneste.pk)) == tjeneste
    assert single.clean(tjeneste) == tjeneste
    assert list(multiple.clean([str(tjeneste.pk)])) == [tjeneste]
    with pytest.raises(forms.ValidationError):  # the largest id is merely not found
        single.clean(str(2**63 - 1))


def test_a_choice_keyed_by_slug_is_left_to_django():
    tjeneste = TjenesteFactory(slug="helsestasjonen")
    field = BoundedModelMultipleChoiceField(queryset=Tjeneste.objects.all(), to_field_name="slug")
    assert list(field.clean(["helsestasjonen"])) == [tjeneste]


# --- Numbers in addresses and query strings ----------------------------------------------


@pytest.mark.parametrize("side", [HUGE, "abc", "-1", "0", "9" * 5000])
@pytest.mark.parametrize("path", ["/tiltak/", "/sok/?q=plan"])
def test_a_junk_page_number_shows_a_normal_page(client, path, side):
    separator = "&" if "?" in path else "?"
    assert client.get(f"{path}{separator}side={side}").status_code == 200


@pytest.mark.parametrize(
    "query", [{"alder": HUGE}, {"alder": "abc"}, {"tema": HUGE}, {"tjeneste": HUGE}]
)
def test_junk_catalogue_filters_are_a_400_not_a_500(client, query):
    TemaFactory()
    assert client.get("/tiltak/", query).status_code == 400


@pytest.mark.parametrize("year", [HUGE, "abc", "-1", "9" * 5000])
def test_a_junk_year_on_the_dashboard_is_404(client, coordinator, year):
    client.force_login(coordinator)
    assert client.get("/ansatt/statistikk/", {"aar": year}).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        f"/ansatt/innhold/element/{HUGE}/",
        f"/ansatt/innhold/element/{HUGE}/historikk/",
        f"/ansatt/tiltak/temaer/{HUGE}/",
        f"/ansatt/statistikk/rapporter/{HUGE}/",
        f"/ansatt/statistikk/rapporter/{HUGE}/fil/",
        f"/ansatt/statistikk/arsrapport/{HUGE}/",
        f"/veileder/nivaa/{HUGE}/",
        f"/ansatt/veileder/nivaa/{HUGE}/",
    ],
)
def test_a_huge_id_in_the_address_is_404(client, coordinator, path):
    client.force_login(coordinator)
    assert client.get(path).status_code == 404


def test_a_huge_attachment_id_in_the_address_is_404(client):
    element = ElementFactory()
    assert client.get(f"/modell/{element.slug}/vedlegg/{HUGE}/").status_code == 404


@pytest.mark.parametrize(
    "action", ["publiser", "avpubliser", "flytt", "gjennomgatt", "historikk/1/gjenopprett"]
)
def test_a_huge_id_in_a_content_action_is_404(client, coordinator, action):
    client.force_login(coordinator)
    response = client.post(f"/ansatt/innhold/element/{HUGE}/{action}/", {"months": 12})
    assert response.status_code == 404


def test_a_huge_history_id_to_restore_is_404(client, coordinator):
    client.force_login(coordinator)
    element = ElementFactory()
    response = client.post(f"/ansatt/innhold/element/{element.pk}/historikk/{HUGE}/gjenopprett/")
    assert response.status_code == 404


def test_a_huge_attachment_id_to_delete_is_404(client, coordinator):
    client.force_login(coordinator)
    element = ElementFactory()
    response = client.post(f"/ansatt/innhold/element/{element.pk}/vedlegg/{HUGE}/slett/")
    assert response.status_code == 404


@pytest.mark.parametrize("pk", [HUGE, JUST_TOO_LARGE, str(2**63 - 1)])
@pytest.mark.parametrize("page", ["", "samtykke/", "dokumenter/"])
def test_a_case_id_beyond_any_key_is_404(client, case, people, pk, page):
    """The case pages read the case by a prepared query (issue 19): a number no integer
    column holds never reaches the database driver, which would refuse it with an error."""
    client.force_login(people["users"]["participant"])
    assert client.get(f"/ansatt/stafettlogg/{case.pk}/{page}").status_code == 200
    assert client.get(f"/ansatt/stafettlogg/{pk}/{page}").status_code == 404
