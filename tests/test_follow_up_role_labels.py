"""The follow-up page's read list names the chosen roles by their labels, not their keys."""

import pytest
from django.urls import reverse

from oppfolging import services as follow_up

from .factories import ElementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "labels"), [("nb", "Ansatt, BTI-kontakt"), ("nn", "Tilsett, BTI-kontakt")]
)
def test_the_read_list_names_the_roles_in_the_page_language(client, people, language, labels):
    follow_up.lesekrav_create(
        by=people["users"]["coordinator"], element=ElementFactory(title="Rutine A"),
        roles=["ansatt", "bti_kontakt"], services=[],
    )  # fmt: skip
    client.force_login(people["users"]["coordinator"])
    response = client.get(reverse("statistikk:oppfolging:follow_up"), {"sprak": language})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Rutine A –\n  {labels}</li>" in html
    assert "bti_kontakt</li>" not in html
