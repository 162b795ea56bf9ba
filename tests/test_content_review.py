"""The årshjul's list of reviews due comes from the content registry: each registered kind's
published items due by the horizon, once each, with the kind's label or its own review label
(an element's type), the owning service and the shared editor's addresses."""

import datetime

import pytest
from django.utils import translation

from bts_portal.content.review import collect_review_items

from .factories import ElementFactory, SideFactory, TiltakFactory, TjenesteFactory

pytestmark = pytest.mark.django_db

HORIZON = datetime.date(2027, 3, 1)


def test_every_kind_is_listed_once_with_its_label_owner_and_addresses():
    service = TjenesteFactory(name="Helsestasjonen")
    element = ElementFactory(
        title="Rutine for overgang",
        type="rutine",
        owner_tjeneste=service,
        review_due=datetime.date(2027, 2, 1),
    )
    measure = TiltakFactory(
        title="Foreldreveiledning", tjeneste=service, review_due=datetime.date(2027, 1, 15)
    )
    page = SideFactory(title="Er du bekymret?", review_due=datetime.date(2027, 2, 20))

    with translation.override("nb"):
        items = collect_review_items(HORIZON)

    assert [(i.key, i.title, i.kind_label, i.owner_name) for i in items] == [
        (f"tiltak-{measure.pk}", "Foreldreveiledning", "Tiltak", "Helsestasjonen"),
        (f"element-{element.pk}", "Rutine for overgang", "Rutine", "Helsestasjonen"),
        (f"side-{page.pk}", "Er du bekymret?", "Side", ""),
    ]
    assert items[0].edit_url == f"/ansatt/innhold/tiltak/{measure.pk}/"
    assert items[1].reviewed_url.startswith(f"/ansatt/innhold/element/{element.pk}/")
    assert items[0].review_due == datetime.date(2027, 1, 15)


def test_drafts_and_reviews_after_the_horizon_are_left_out():
    ElementFactory(title="Utkast", status="draft", review_due=datetime.date(2027, 1, 1))
    ElementFactory(title="Senere", review_due=HORIZON + datetime.timedelta(days=1))
    ElementFactory(title="Uten dato", review_due=None)
    due = ElementFactory(title="Frist nå", review_due=HORIZON)

    assert [i.key for i in collect_review_items(HORIZON)] == [f"element-{due.pk}"]
