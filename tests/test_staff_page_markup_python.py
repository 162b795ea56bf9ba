"""The case page's timeline entries and My work's next steps are built in Python (issue 19);
they must give the same markup the templates wrote, for every kind of entry and every
state a step's deadline can be in, with the text escaped."""

# ruff: noqa: E501 - the templates as they were, verbatim
import re
from datetime import timedelta

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from stafettlogg import timeline
from stafettlogg.checklist import ChecklistItem
from stafettlogg.due import due_html
from stafettlogg.models import Innslag
from stafettlogg.selectors import timeline as timeline_page

from .factories import TiltakFactory

pytestmark = pytest.mark.django_db

# The timeline loop as templates/stafettlogg/case_detail.html had it before issue 19.
ENTRY_TEMPLATE = """{% load i18n content_tags %}{% for entry in entries %}
<li class="entry entry-{{ entry.kind }}" id="innslag-{{ entry.pk }}">
  <p class="entry-meta"><strong>{{ entry.kind_label }}</strong> · <time datetime="{{ entry.created_iso }}">{{ entry.created_text }}</time> · {{ entry.author_label }}{% if entry.author_tjeneste %} ({% trtext entry.author_tjeneste "name" %}){% endif %}</p>
  {% if entry.corrects %}<p class="text-body-secondary">{% blocktranslate with date=entry.corrects.created_at|date:"d.m.Y H:i:s" author=entry.corrects.author|default:_("the system") %}Corrects the entry of {{ date }} by {{ author }}{% endblocktranslate %}</p>{% endif %}
  {% if entry.kind == "tiltak" %}<p><strong>{{ entry.title }}</strong>{% if entry.tiltak %} (<a href="{{ entry.tiltak.get_absolute_url }}">{% translate "from the catalogue" %}</a>{% if entry.tiltak.tjeneste %}, {% trtext entry.tiltak.tjeneste "name" %}{% endif %}){% endif %}</p>
    <dl class="step-fields"><dt>{% translate "Goal" %}</dt><dd>{{ entry.goal }}</dd><dt>{% translate "Responsible" %}</dt><dd>{{ entry.responsible }}</dd><dt>{% translate "Period" %}</dt><dd>{{ entry.starts_on|date:"d.m.Y" }} – {% translate "evaluate by" %} {{ entry.evaluate_by|date:"d.m.Y" }}</dd></dl>{% endif %}
  {% if entry.kind == "mote" %}<p><em>{% translate "Attended" %}:</em> {{ entry.attendees }}</p>{% endif %}
  {% if entry.kind == "niva" %}<p>{% blocktranslate with a=entry.from_level b=entry.to_level %}From level {{ a }} to level {{ b }}{% endblocktranslate %}</p>{% endif %}
  {% if entry.kind == "evaluering" and entry.measure %}<p><em>{% translate "Measure evaluated" %}:</em> {{ entry.measure.title }}</p>{% endif %}
  {% if entry.text %}<p>{{ entry.text|linebreaksbr }}</p>{% endif %}
  {% if entry.next_step %}<p><em>{% if entry.kind == "avslutning" %}{% translate "Final evaluation" %}{% else %}{% translate "Next step" %}{% endif %}:</em> {{ entry.next_step }}</p>{% endif %}
  {% if entry.child_view %}<p><em>{% translate "The child's view" %}:</em> {{ entry.child_view }}</p>{% endif %}
  {% if entry.guardian_view %}<p><em>{% translate "The guardians' view" %}:</em> {{ entry.guardian_view }}</p>{% endif %}
  {% if access.write and entry.author_id %}<a class="small" href="{{ entry.correct_url }}">{{ correct_label }}<span class="visually-hidden">: {{ entry.kind_label }} {{ entry.created_text }}</span></a>{% endif %}
</li>{% endfor %}"""

DUE_TEMPLATE = '{% include "stafettlogg/_due.html" %}'


def squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(html))).strip()


def every_kind(case, people):
    users = people["users"]
    author, clinic = users["stafettholder"], people["clinic"]
    now = timezone.now()
    today = timezone.localdate()
    make = Innslag.objects.create
    measure = make(
        stafettlogg=case, kind="tiltak", author=author, author_tjeneste=clinic,
        title="Språkgruppe <b>", goal="Mål & mening", responsible="O'Hara",
        starts_on=today, evaluate_by=today + timedelta(days=30),
        tiltak=TiltakFactory(tjeneste=clinic), created_at=now - timedelta(hours=9),
    )  # fmt: skip
    make(stafettlogg=case, kind="tiltak", author=author, title="Uten katalog",
         created_at=now - timedelta(hours=8))  # fmt: skip
    system = make(stafettlogg=case, kind="observasjon", text="Fra systemet",
                  created_at=now - timedelta(hours=7))  # fmt: skip
    make(stafettlogg=case, kind="korrigering", author=author, corrects=measure,
         text="Rettet", created_at=now - timedelta(hours=6))  # fmt: skip
    make(stafettlogg=case, kind="korrigering", author=author, corrects=system,
         text="Rettet <i>igjen</i>", created_at=now - timedelta(hours=5))  # fmt: skip
    make(stafettlogg=case, kind="mote", author=author, attendees="Mor & far",
         text="Linje 1\nLinje <2>", created_at=now - timedelta(hours=4))  # fmt: skip
    make(stafettlogg=case, kind="niva", author=author, from_level=1, to_level=2,
         created_at=now - timedelta(hours=3))  # fmt: skip
    make(stafettlogg=case, kind="evaluering", author=author, measure=measure,
         next_step="Videre <s>", child_view="Bra \"ja\"", guardian_view="Greit & fint",
         created_at=now - timedelta(hours=2))  # fmt: skip
    make(stafettlogg=case, kind="avslutning", author=author, next_step="Ferdig",
         created_at=now - timedelta(hours=1))  # fmt: skip
    make(stafettlogg=case, kind="familie", family_author="Lise <Forelder>",
         guardian_view="Vi er enige", created_at=now)  # fmt: skip


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize("write", [True, False])
def test_timeline_entries_are_the_markup_the_template_wrote(case, people, language, write):
    every_kind(case, people)
    with translation.override(language):
        entries, _more = timeline_page(case)
        kinds = {entry.kind for entry in entries}
        assert {"tiltak", "korrigering", "mote", "niva", "evaluering", "avslutning"} <= kinds
        timeline.present(entries, case, may_correct=write)
        expected = Template(ENTRY_TEMPLATE).render(Context({
            "entries": entries, "access": {"write": write},
            "correct_label": translation.gettext("Correct this entry"),
        }))  # fmt: skip
        built = "".join(entry.html for entry in entries)
    assert squeeze(built) == squeeze(expected)
    assert "Språkgruppe &lt;b&gt;" in built
    assert "Lise &lt;Forelder&gt;" in built
    assert ("visually-hidden" in built) is write


def test_a_steps_deadline_is_the_markup_the_include_wrote(people):
    from handlingsveileder.models import Trinn

    step = Trinn(key="x")
    today = timezone.localdate()
    items = [
        ChecklistItem(step=step, done=done, due=due)
        for done in (True, False)
        for due in (None, today - timedelta(days=3), today, today + timedelta(days=3))
    ]
    for language in ("nb", "nn"):
        with translation.override(language):
            for item in items:
                expected = Template(DUE_TEMPLATE).render(Context({"item": item}))
                assert squeeze(due_html(item)) == squeeze(expected), item
    with translation.override("nb"):
        assert "forfalt siden" in due_html(items[5])
        assert "frist" in due_html(items[1])


# My work's two row loops as templates/stafettlogg/my_work.html had them before they were
# built in Python (stafettlogg.work_list.case_rows / undring_rows), with one change: a concern
# with an age and no initials reads "3 years", where the template wrote ", 3 years".
CASE_ROWS_TEMPLATE = """{% load i18n %}{% translate "Level" as level_label %}{% translate "Baton holder" as holder_label %}{% translate "Next evaluation" as evaluation_label %}{% translate "Next step in the guide" as step_label %}{% translate "locked" as locked_label %}{% for case in cases %}
      <tr>
        <td><a href="{{ case.url }}">{{ case.child_name }}</a>{% if not case.readable %}
          <strong>({{ locked_label }})</strong>{% endif %}</td>
        <td data-label="{{ level_label }}">{{ case.level }}</td>
        <td data-label="{{ holder_label }}">{{ case.holder_label }}</td>
        <td data-label="{{ evaluation_label }}">
          {% if case.evaluation_overdue %}<strong class="text-danger">{{ case.evaluation_text }}
          ({{ overdue_label }})</strong>{% else %}{{ case.evaluation_text|default:"–" }}{% endif %}</td>
        <td data-label="{{ step_label }}">{{ case.next_step_html|default:"–" }}</td> </tr> {% endfor %}"""

UNDRING_ROWS_TEMPLATE = """{% load i18n content_tags a11y_tags %}{% translate "Anonymous" as anonymous_label %}{% translate "Service" as service_label %}{% translate "Decide by" as decide_label %}{% for undring in undringer %}
      <tr>
        <td><a href="{{ undring.url }}">{% if undring.is_anonymous %}{{ anonymous_label }}{% else %}{{ undring.child_initials }}{% if undring.child_age is not None %}{% if undring.child_initials %},
          {% endif %}{% blocktranslate with age=undring.child_age %}{{ age }} years{% endblocktranslate %}{% endif %}{% endif %}</a>
          <small class="text-body-secondary">({{ undring.created_text }}{% if undring.author_label %},
          {{ undring.author_label }}{% endif %})</small></td>
        <td data-label="{{ service_label }}">{{ undring.tjeneste|tr:"name"|lang_marked }}</td>
        <td data-label="{{ decide_label }}">
          {% if undring.decision_overdue %}<strong
          class="text-danger">{{ undring.decision_text }}</strong>{% else %}{{ undring.decision_text }}{% endif %}</td> </tr> {% endfor %}"""


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_my_work_rows_are_the_markup_the_template_wrote(case, people, language):
    from stafettlogg import selectors, services, work_list
    from stafettlogg.models import Stafettlogg, Undring

    from .case_fixtures import open_case

    users = people["users"]
    holder, participant = users["stafettholder"], users["participant"]
    today = timezone.localdate()
    Stafettlogg.objects.filter(pk=case.pk).update(next_evaluation=today - timedelta(days=2))
    other = open_case(people, child="Ola <Nordmann> & co")
    Stafettlogg.objects.filter(pk=other.pk).update(next_evaluation=today + timedelta(days=9))
    locked = open_case(people, child="Låst Barn")
    locked.consents.update(withdrawn_at=timezone.now())
    for fields in ({}, {"child_initials": "A<B"}, {"child_initials": "KN", "child_age": 7}):
        services.undring_create(author=holder, tjeneste=people["kindergarten"], observation="x",
                                **fields)  # fmt: skip
    services.undring_create(author=users["same_service"], tjeneste=people["kindergarten"],
                            child_age=3, observation="y")  # fmt: skip
    Undring.objects.filter(child_age=3).update(created_at=timezone.now() - timedelta(days=60))
    with translation.override(language):
        for user in (holder, participant, users["leader"]):
            standings = selectors.permissions.case_standings(user)
            cases = selectors.with_next_steps(selectors.my_cases(user, standings), user=user)
            undringer = list(selectors.my_undringer(user))
            work_list.present(cases=cases, closed=[], undringer=undringer, user=user)
            overdue = translation.gettext("overdue")
            expected_cases = Template(CASE_ROWS_TEMPLATE).render(
                Context({"cases": cases, "overdue_label": overdue})
            )
            expected_undringer = Template(UNDRING_ROWS_TEMPLATE).render(
                Context({"undringer": undringer})
            )
            assert squeeze(work_list.case_rows(cases, overdue_label=overdue)) == squeeze(
                expected_cases
            )
            assert squeeze(work_list.undring_rows(undringer)) == squeeze(expected_undringer)
    with translation.override("nb"):
        cases = selectors.with_next_steps(selectors.my_cases(holder), user=holder)
        work_list.present(cases=cases, closed=[], undringer=[], user=holder)
        rows = work_list.case_rows(cases, overdue_label="forfalt")
        assert "Ola &lt;Nordmann&gt; &amp; co" in rows
        assert "(låst)" in rows
        assert "text-danger" in rows
        concerns = list(selectors.my_undringer(users["leader"]))
        work_list.present(cases=[], closed=[], undringer=concerns, user=users["leader"])
        markup = work_list.undring_rows(concerns)
        assert "A&lt;B" in markup
        assert "7 år" in markup
        assert "Anonym" in markup
        assert "3 år" in markup
        assert ", 3 år" not in markup.replace("\n", "").replace("  ", "")


@pytest.mark.parametrize(
    ("fields", "heading"),
    [({"child_age": 10}, "Undring: 10 år"),
     ({"child_initials": "KN", "child_age": 7}, "Undring: KN, 7 år"),
     ({"child_initials": "KN"}, "Undring: KN"),
     ({}, "Undring: anonym")],
)  # fmt: skip
def test_a_concerns_heading_names_the_child_without_a_stray_comma(client, people, fields, heading):
    from stafettlogg import services

    holder = people["users"]["stafettholder"]
    undring = services.undring_create(author=holder, tjeneste=people["kindergarten"],
                                      observation="x", **fields)  # fmt: skip
    client.force_login(holder)
    page = client.get(f"/ansatt/undring/{undring.pk}/").content.decode()
    h1 = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    assert " ".join(h1.split()) == heading
