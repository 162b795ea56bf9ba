"""The case page's checklist lines are built in Python (issue 19); they must give the markup
the template wrote: the tick button only for those who may write, the step, its tools and
its deadline, with the text escaped."""

# ruff: noqa: E501 - the templates as they were, verbatim
import re
from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from stafettlogg import checklist_markup
from stafettlogg.checklist import items

from .factories import NivaFactory, TrinnFactory, VerktoyFactory

pytestmark = pytest.mark.django_db

# The checklist loop as templates/stafettlogg/case_detail.html had it before issue 19.
CHECKLIST_TEMPLATE = """{% load i18n content_tags %}<ul class="checklist">{% for item in checklist %}{% with step=item.step done=item.done %}<li>
        {% if access.write %}<form method="post" action="{% url 'stafettlogg:checklist' case.pk step.key %}" class="d-inline">{% csrf_token %}<button name="done" value="{{ done|yesno:'0,1' }}" class="btn btn-sm {% if done %}btn-success{% else %}btn-outline-secondary{% endif %}" aria-pressed="{{ done|yesno:'true,false' }}">{% if done %}✓{% else %}○{% endif %}<span class="visually-hidden"> {% translate "Done" %}: {% trtext step "title" %}</span></button></form>{% endif %}
        <a href="{% url 'veileder_staff:step' step.key %}?sak={{ case.pk }}">{% trtext step "title" %}</a>{% for tool in step.tools.all %}{% if forloop.first %} · {% endif %}<a class="small" href="{{ tool.get_absolute_url }}">{% trtext tool "title" %}</a>{% if not forloop.last %}, {% endif %}{% endfor %}{% include "stafettlogg/_due.html" %}</li>{% endwith %}{% endfor %}</ul>"""
NEW_TEMPLATE = """<ul class="checklist">{% for item in checklist %}<li>
        {{ item.html }}</li>{% endfor %}</ul>"""


def squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(html))).strip()


@pytest.mark.parametrize("write", [True, False])
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_checklist_lines_are_the_markup_the_template_wrote(case, write, language):
    niva = NivaFactory(number=1)
    tools = [VerktoyFactory(title="Skjema <A>"), VerktoyFactory(title="Plan & mål")]
    steps = [
        TrinnFactory(niva=niva, title="Samtykke <b>", deadline_days=3, tools=tools),
        TrinnFactory(niva=niva, title="Plan", deadline_days=30, tools=tools[:1]),
        TrinnFactory(niva=niva, title="Evaluer"),
        TrinnFactory(niva=niva, title="Ferdig", deadline_days=1),
    ]
    done = {steps[1].key, steps[3].key}
    checklist = items(steps, done, timezone.localdate() - timedelta(days=10))
    token = "t" * 64
    with translation.override(language):
        context = {"case": case, "access": {"write": write}, "csrf_token": token}
        expected = Template(CHECKLIST_TEMPLATE).render(Context({**context, "checklist": checklist}))
        lines = checklist_markup.lines(checklist, case, may_tick=write, csrf_token=token)
        built = Template(NEW_TEMPLATE).render(Context({"checklist": lines}))
    assert squeeze(built) == squeeze(expected)
    assert "Samtykke &lt;b&gt;" in built
    assert "Plan &amp; mål" in built
    assert ("csrfmiddlewaretoken" in built) is write
