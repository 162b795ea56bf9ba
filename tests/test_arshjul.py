"""The årshjul as a year: the twelve months of review dates and recurring events, the events'
form, and the coordinator's calendar feed (logged in, or at a secret address)."""

import datetime
import hashlib
import html
import re

import pytest
from dateutil import rrule
from django.utils import timezone, translation
from django.utils.translation import gettext
from icalendar import Calendar

from handlingsveileder import demo as handlingsveileder_demo
from handlingsveileder.models import Niva, Tegn, TemaVeileder, Trinn, Verktoy
from organisasjon import demo as organisasjon_demo
from organisasjon.models import Bruker
from samhandling import demo as samhandling_demo
from samhandling import demo_year
from samhandling.models import (
    ArshjulFeedToken,
    Arshjulhendelse,
    Begrep,
    Element,
    Gjentakelse,
    Side,
)
from tiltaksoversikt import demo as tiltaksoversikt_demo
from tiltaksoversikt.models import Moteplass, Tiltak

from .factories import BrukerFactory, ElementFactory, grant_role

pytestmark = pytest.mark.django_db

YEAR_URL = "/ansatt/arshjul/"
FEED_URL = "/ansatt/arshjul/kalender.ics"
RENEW_URL = "/ansatt/arshjul/kalender/ny-adresse/"
# Every model with a review date whose published rows the årshjul must show, named here
# rather than taken from the content registry, so that a kind the registry lost is noticed.
REVIEWED_MODELS = [
    Element,
    Side,
    Begrep,
    Niva,
    Trinn,
    Verktoy,
    Tegn,
    TemaVeileder,
    Tiltak,
    Moteplass,
]
ENTRY = re.compile(
    r'<li class="arshjul-(review|event)[^"]*">\s*<time[^>]*datetime="([0-9-]+)"[^>]*>.*?</time>'
    r'.*?<a href="[^"]*">([^<]*)</a>',
    re.DOTALL,
)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def demo_year_content(db):
    """The demo's content and its year's events, as load_demo loads them (without cases);
    returns the demo's coordinator."""
    organisasjon_demo.load()
    samhandling_demo.load()
    tiltaksoversikt_demo.load()
    handlingsveileder_demo.load()
    demo_year.load()
    return Bruker.objects.get(username="koordinator")


def expected_reviews(year: int) -> set[tuple[str, str]]:
    found = set()
    for model in REVIEWED_MODELS:
        for obj in model.objects.filter(status="published", review_due__year=year):
            found.add((obj.review_due.isoformat(), str(obj)))
    return found


def expected_event_dates(event: Arshjulhendelse, year: int) -> list[datetime.date]:
    """The event's dates in ``year``, from its fields with dateutil, not the app's rule."""
    start = datetime.datetime.combine(event.start, datetime.time())
    until = datetime.datetime.combine(event.until, datetime.time()) if event.until else None
    if event.recurrence == Gjentakelse.ONCE:
        return [event.start] if event.start.year == year else []
    if event.recurrence == Gjentakelse.YEARLY:
        rule = rrule.rrule(rrule.YEARLY, dtstart=start, until=until)
    elif event.recurrence == Gjentakelse.MONTHLY:
        rule = rrule.rrule(rrule.MONTHLY, interval=event.interval, dtstart=start, until=until)
    else:
        months = [int(m) for m in event.months.split(",") if m]
        day = rrule.weekday(event.weekday, event.week_of_month)
        rule = rrule.rrule(
            rrule.MONTHLY, bymonth=months or None, byweekday=day, dtstart=start, until=until
        )
    first = datetime.datetime(year, 1, 1)
    last = datetime.datetime(year, 12, 31)
    return [d.date() for d in rule.between(first, last, inc=True)]


def expected_events(year: int) -> set[tuple[str, str]]:
    return {
        (day.isoformat(), event.title)
        for event in Arshjulhendelse.objects.all()
        for day in expected_event_dates(event, year)
    }


def shown_entries(content: str) -> dict[str, set[tuple[str, str]]]:
    shown = {"review": set(), "event": set()}
    for month, section in enumerate(content.split('<section aria-labelledby="month-')[1:], 1):
        section = section.split("</section>")[0]
        for kind, day, title in ENTRY.findall(section):
            assert int(day[5:7]) == month, (day, title)
            shown[kind].add((day, html.unescape(title)))
    return shown


def parse_feed(body: bytes) -> list:
    return Calendar.from_ical(body).walk("VEVENT")


# --- The year -------------------------------------------------------------------------------


@pytest.mark.parametrize("offset", [0, 1])
def test_year_view_shows_every_review_date_and_event_date_of_the_demo_year(
    client, demo_year_content, today, offset
):
    year = today.year + offset
    reviews, events = expected_reviews(year), expected_events(year)
    assert reviews
    assert len(events) == 4 + 4 + 2  # the forum 4 times, four yearly dates, half-yearly
    client.force_login(demo_year_content)
    response = client.get(YEAR_URL, {"aar": year})
    assert response.status_code == 200
    shown = shown_entries(response.content.decode())
    assert shown["review"] == reviews
    assert shown["event"] == events


def test_bts_forum_meets_on_the_second_tuesday_of_four_months(client, demo_year_content, today):
    client.force_login(demo_year_content)
    content = client.get(YEAR_URL, {"aar": today.year}).content.decode()
    forum = sorted(d for d, title in shown_entries(content)["event"] if title == "Møte i BTS-forum")
    assert [int(d[5:7]) for d in forum] == [2, 4, 9, 11]
    for day in forum:
        date = datetime.date.fromisoformat(day)
        assert date.weekday() == 1
        assert 8 <= date.day <= 14


def test_overdue_reviews_are_marked_in_words(client, coordinator, today):
    last_year = today.year - 1
    ElementFactory(title="Gammel rutine", review_due=datetime.date(last_year, 6, 1))
    client.force_login(coordinator)
    content = client.get(YEAR_URL, {"aar": last_year}).content.decode()
    entry = content.split("Gammel rutine")[1].split("</li>")[0]
    with translation.override("nb"):
        assert gettext("Overdue") in entry


def test_drafts_are_not_in_the_year(client, coordinator, today):
    ElementFactory(title="Utkast", status="draft", review_due=datetime.date(today.year, 6, 1))
    client.force_login(coordinator)
    assert "Utkast" not in client.get(YEAR_URL).content.decode()


def test_entries_link_to_their_edit_pages(client, coordinator, today):
    element = ElementFactory(review_due=datetime.date(today.year + 1, 5, 2))
    event = Arshjulhendelse.objects.create(
        title="Forum", recurrence=Gjentakelse.ONCE, start=datetime.date(today.year + 1, 5, 3)
    )
    client.force_login(coordinator)
    content = client.get(YEAR_URL, {"aar": today.year + 1}).content.decode()
    assert f'href="/ansatt/innhold/element/{element.pk}/"' in content
    assert f'href="/ansatt/arshjul/hendelser/{event.pk}/"' in content


def test_this_year_also_lists_what_is_due_now_with_the_reviewed_buttons(client, coordinator, today):
    ElementFactory(title="Snart", review_due=today + datetime.timedelta(days=5))
    client.force_login(coordinator)
    content = client.get(YEAR_URL).content.decode()
    assert 'id="now-heading"' in content
    assert "/gjennomgatt/" in content
    other_year = client.get(YEAR_URL, {"aar": today.year + 2}).content.decode()
    assert 'id="now-heading"' not in other_year


def test_year_navigation_links_the_neighbouring_years(client, coordinator):
    client.force_login(coordinator)
    content = client.get(YEAR_URL, {"aar": "2027"}).content.decode()
    assert "2027</h1>" in content
    assert 'href="?aar=2026"' in content
    assert 'href="?aar=2028"' in content
    assert content.count('<section aria-labelledby="month-') == 12


@pytest.mark.parametrize("raw", ["abc", "99999", "1999", "-1", "2027.5", "²⁰²⁷", "２０２７", " "])
def test_a_bad_year_is_a_400_with_a_message_not_a_500(client, coordinator, raw, today):
    client.force_login(coordinator)
    response = client.get(YEAR_URL, {"aar": raw})
    assert response.status_code == 400
    content = response.content.decode()
    assert 'role="alert"' in content
    assert f"{today.year}</h1>" in content


def test_year_view_query_count_does_not_grow_with_items(
    client, coordinator, today, django_assert_max_num_queries
):
    client.force_login(coordinator)

    def add(n):
        for i in range(n):
            ElementFactory(review_due=datetime.date(today.year, 1 + i % 12, 10))
            Arshjulhendelse.objects.create(
                title=f"Møte {i}", recurrence=Gjentakelse.MONTHLY, start=today.replace(day=1)
            )

    add(1)
    with django_assert_max_num_queries(30) as one:
        assert client.get(YEAR_URL).status_code == 200
    add(9)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(YEAR_URL).status_code == 200


# --- Who may see it -------------------------------------------------------------------------


def test_staff_who_are_not_the_coordinator_get_403_on_the_year_and_the_event_pages(
    client, leader, employee
):
    event = Arshjulhendelse.objects.create(title="Forum", start=datetime.date(2027, 3, 1))
    for user in (leader, employee):
        client.force_login(user)
        for url in [
            YEAR_URL,
            "/ansatt/arshjul/hendelser/ny/",
            f"/ansatt/arshjul/hendelser/{event.pk}/",
        ]:
            assert client.get(url).status_code == 403, url
        response = client.post(f"/ansatt/arshjul/hendelser/{event.pk}/slett/")
        assert response.status_code == 403
        response = client.post(
            "/ansatt/arshjul/hendelser/ny/",
            {"title": "Nytt", "recurrence": "once", "start": "2027-01-01", "interval": 1},
        )
        assert response.status_code == 403
    assert list(Arshjulhendelse.objects.values_list("title", flat=True)) == ["Forum"]


def test_anonymous_visitor_is_sent_to_login_from_the_year(client):
    response = client.get(YEAR_URL)
    assert response.status_code == 302
    assert "/ansatt/logg-inn/" in response["Location"]


def test_feed_is_404_for_everyone_but_the_coordinator(client, leader, employee, coordinator):
    assert client.get(FEED_URL).status_code == 404
    for user in (leader, employee):
        client.force_login(user)
        assert client.get(FEED_URL).status_code == 404
    client.force_login(coordinator)
    response = client.get(FEED_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "private, no-store"


# --- The feed -------------------------------------------------------------------------------


def test_feed_parses_and_every_event_has_uid_dtstamp_and_dtstart(client, demo_year_content):
    client.force_login(demo_year_content)
    events = parse_feed(client.get(FEED_URL).content)
    reviewed = sum(
        m.objects.filter(status="published", review_due__isnull=False).count()
        for m in REVIEWED_MODELS
    )
    assert len(events) == reviewed + Arshjulhendelse.objects.count()
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART"):
            assert event.get(required), (required, event)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)


def test_feed_uids_are_stable_between_fetches(client, demo_year_content):
    client.force_login(demo_year_content)
    first = sorted(str(e["UID"]) for e in parse_feed(client.get(FEED_URL).content))
    second = sorted(str(e["UID"]) for e in parse_feed(client.get(FEED_URL).content))
    assert first == second


def test_feed_rrules_give_the_dates_the_year_view_shows(client, demo_year_content, today):
    client.force_login(demo_year_content)
    events = {str(e["SUMMARY"]): e for e in parse_feed(client.get(FEED_URL).content)}
    forum = events["Møte i BTS-forum"]
    rule = forum["RRULE"]
    assert rule["FREQ"] == ["YEARLY"]
    assert rule["BYMONTH"] == [2, 4, 9, 11]
    assert [str(d) for d in rule["BYDAY"]] == ["2TU"]
    assert events["Frist: årsrapport BTS til kommunedirektøren"]["RRULE"]["FREQ"] == ["YEARLY"]
    half_yearly = events["Tjenestene sjekker sine tiltak i tiltaksoversikten"]["RRULE"]
    assert half_yearly["FREQ"] == ["MONTHLY"]
    assert half_yearly["INTERVAL"] == [6]
    for hendelse in Arshjulhendelse.objects.all():
        event = events[hendelse.title]
        start = datetime.datetime.combine(event.decoded("DTSTART"), datetime.time())
        rule = rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
        year_start, year_end = (datetime.datetime(today.year, m, d) for m, d in [(1, 1), (12, 31)])
        in_year = [d.date() for d in rule.between(year_start, year_end, inc=True)]
        assert in_year == expected_event_dates(hendelse, today.year), hendelse.title


def test_a_single_event_has_no_rrule_and_an_until_carries_over(client, coordinator):
    Arshjulhendelse.objects.create(
        title="Kurs", recurrence=Gjentakelse.ONCE, start=datetime.date(2027, 4, 7)
    )
    Arshjulhendelse.objects.create(
        title="Prosjekt",
        recurrence=Gjentakelse.MONTHLY,
        start=datetime.date(2027, 1, 5),
        until=datetime.date(2027, 6, 30),
    )
    client.force_login(coordinator)
    events = {str(e["SUMMARY"]): e for e in parse_feed(client.get(FEED_URL).content)}
    assert "RRULE" not in events["Kurs"]
    assert events["Kurs"].decoded("DTSTART") == datetime.date(2027, 4, 7)
    assert events["Prosjekt"]["RRULE"]["UNTIL"] == [datetime.date(2027, 6, 30)]


def test_feed_review_lines_name_the_item_and_link_to_its_edit_page(client, coordinator):
    element = ElementFactory(title="Rutine for overgang", review_due=datetime.date(2027, 2, 1))
    client.force_login(coordinator)
    (event,) = parse_feed(client.get(FEED_URL).content)
    assert "Rutine for overgang" in str(event["SUMMARY"])
    assert event.decoded("DTSTART") == datetime.date(2027, 2, 1)
    assert str(event["URL"]).endswith(f"/ansatt/innhold/element/{element.pk}/")


def test_feed_query_count_does_not_grow_with_items(
    client, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)

    def add(n):
        for i in range(n):
            ElementFactory(review_due=datetime.date(2027, 1 + i % 12, 10))
            Arshjulhendelse.objects.create(title=f"Møte {i}", start=datetime.date(2027, 1, 2))

    add(1)
    with django_assert_max_num_queries(30) as one:
        assert client.get(FEED_URL).status_code == 200
    add(9)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(parse_feed(client.get(FEED_URL).content)) == 20


# --- The secret address ---------------------------------------------------------------------


def _make_address(client, coordinator) -> str:
    client.force_login(coordinator)
    response = client.post(RENEW_URL)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    match = re.search(r'value="(http[^"]+\.ics)"', response.content.decode())
    return match.group(1).removeprefix("http://testserver")


def test_secret_address_works_without_a_session(client, coordinator):
    ElementFactory(title="Plan", review_due=datetime.date(2027, 2, 1))
    path = _make_address(client, coordinator)
    client.logout()
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Plan" in str(parse_feed(response.content)[0]["SUMMARY"])


def test_the_token_is_stored_only_as_its_hash(client, coordinator):
    path = _make_address(client, coordinator)
    token = path.rsplit("/", 1)[1].removesuffix(".ics")
    stored = ArshjulFeedToken.objects.get(user=coordinator)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored.token_hash


def test_a_wrong_token_is_404(client, coordinator):
    _make_address(client, coordinator)
    client.logout()
    assert client.get("/ansatt/arshjul/kalender/feil-adresse.ics").status_code == 404


def test_a_new_address_makes_the_old_one_404(client, coordinator):
    old = _make_address(client, coordinator)
    new = _make_address(client, coordinator)
    client.logout()
    assert old != new
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert ArshjulFeedToken.objects.count() == 1


def test_the_address_stops_working_when_the_user_is_no_longer_coordinator(client, coordinator):
    path = _make_address(client, coordinator)
    coordinator.is_bts_coordinator = False
    coordinator.save()
    client.logout()
    assert client.get(path).status_code == 404


def test_only_the_coordinator_can_make_an_address_and_only_by_post(client, coordinator, leader):
    client.force_login(leader)
    assert client.post(RENEW_URL).status_code == 403
    client.force_login(coordinator)
    assert client.get(RENEW_URL).status_code == 405
    assert not ArshjulFeedToken.objects.exists()


# --- Events ---------------------------------------------------------------------------------


def test_coordinator_adds_a_weekday_rule_event(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/ansatt/arshjul/hendelser/ny/",
        {
            "title": "BTS-forum",
            "recurrence": "weekday",
            "start": "2027-01-01",
            "interval": "1",
            "weekday": "1",
            "week_of_month": "1",
            "month_list": ["3", "9"],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/ansatt/arshjul/?aar=2027"
    event = Arshjulhendelse.objects.get()
    assert event.months == "3,9"
    content = client.get(YEAR_URL, {"aar": 2027}).content.decode()
    assert shown_entries(content)["event"] == {
        ("2027-03-02", "BTS-forum"),
        ("2027-09-07", "BTS-forum"),
    }


def test_fields_of_another_recurrence_are_not_kept(client, coordinator):
    client.force_login(coordinator)
    client.post(
        "/ansatt/arshjul/hendelser/ny/",
        {
            "title": "Frist",
            "recurrence": "yearly",
            "start": "2027-03-01",
            "interval": "4",
            "weekday": "2",
            "week_of_month": "1",
            "month_list": ["5"],
        },
    )
    event = Arshjulhendelse.objects.get()
    assert (event.interval, event.weekday, event.week_of_month, event.months) == (1, None, None, "")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"recurrence": "monthly", "start": "2027-01-31"}, "start"),
        ({"recurrence": "yearly", "start": "2028-02-29"}, "start"),
        ({"recurrence": "weekday", "start": "2027-01-01"}, "weekday"),
        ({"recurrence": "yearly", "start": "2027-05-01", "until": "2027-04-01"}, "until"),
        ({"recurrence": "monthly", "start": "2027-05-01", "interval": "13"}, "interval"),
        ({"recurrence": "sometimes", "start": "2027-05-01"}, "recurrence"),
        ({"recurrence": "yearly", "start": "1. mai"}, "start"),
    ],
)
def test_an_invalid_event_is_a_400_with_the_error_and_nothing_saved(
    client, coordinator, data, field
):
    client.force_login(coordinator)
    response = client.post(
        "/ansatt/arshjul/hendelser/ny/", {"title": "Møte", "interval": "1", **data}
    )
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert 'id="error-summary"' in response.content.decode()
    assert not Arshjulhendelse.objects.exists()


def test_coordinator_edits_and_deletes_an_event(client, coordinator):
    event = Arshjulhendelse.objects.create(title="Forum", start=datetime.date(2027, 3, 1))
    client.force_login(coordinator)
    edit_url = f"/ansatt/arshjul/hendelser/{event.pk}/"
    assert client.get(edit_url).status_code == 200
    response = client.post(
        edit_url, {"title": "BTS-forum", "recurrence": "yearly", "start": "2027-03-02"}
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.start) == ("BTS-forum", datetime.date(2027, 3, 2))
    assert client.get(f"{edit_url}slett/").status_code == 200
    assert Arshjulhendelse.objects.exists()
    assert client.post(f"{edit_url}slett/").status_code == 302
    assert not Arshjulhendelse.objects.exists()
    assert client.post(f"{edit_url}slett/").status_code == 404


def test_unknown_event_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/ansatt/arshjul/hendelser/999/").status_code == 404


def test_demo_year_loads_once_whatever_the_number_of_runs(db):
    assert demo_year.load() == 6
    stamps = list(Arshjulhendelse.objects.values_list("updated_at", flat=True))
    demo_year.load()
    assert list(Arshjulhendelse.objects.values_list("updated_at", flat=True)) == stamps


def test_a_leader_of_another_role_does_not_see_the_year_through_the_secret_address(
    client, tjeneste
):
    # A token row for someone who never was a coordinator answers like a wrong token.
    user = BrukerFactory()
    grant_role(user, tjeneste, "leder")
    ArshjulFeedToken.objects.create(
        user=user,
        token_hash=hashlib.sha256(b"kjent").hexdigest(),
        created_at=timezone.now(),
    )
    assert client.get("/ansatt/arshjul/kalender/kjent.ics").status_code == 404


# --- Reminders of events ---------------------------------------------------------------------


def test_an_event_within_its_lead_time_reminds_the_coordinators_once(coordinator, today):
    from django.core import mail

    from samhandling.arshjul_reminders import send_year_event_reminders

    Arshjulhendelse.objects.create(
        title="BTS-forum",
        description="Møterom 2.",
        recurrence=Gjentakelse.ONCE,
        start=today + datetime.timedelta(days=5),
        remind_days_before=7,
    )
    assert send_year_event_reminders.delay().get() == 1
    assert send_year_event_reminders.delay().get() == 0
    (message,) = mail.outbox
    assert message.to == [coordinator.email]
    assert "BTS-forum" in message.subject
    assert "Møterom 2." in message.body
    assert "/ansatt/arshjul/" in message.body


def test_events_without_a_lead_time_or_beyond_it_are_not_reminded(coordinator, today):
    from django.core import mail

    from samhandling.arshjul_reminders import send_year_event_reminders

    start = today + datetime.timedelta(days=10)
    Arshjulhendelse.objects.create(
        title="Senere", recurrence="once", start=start, remind_days_before=7
    )
    Arshjulhendelse.objects.create(title="Uten", recurrence="once", start=today)
    Arshjulhendelse.objects.create(
        title="Forbi",
        recurrence="once",
        start=today - datetime.timedelta(days=1),
        remind_days_before=7,
    )
    assert send_year_event_reminders() == 0
    assert mail.outbox == []


def test_each_date_of_a_recurring_event_gets_its_own_reminder(coordinator, today):
    from django.core import mail

    from samhandling.arshjul_reminders import send_year_event_reminders
    from samhandling.models import ArshjulhendelseReminder

    event = Arshjulhendelse.objects.create(
        title="Nettverk",
        recurrence=Gjentakelse.WEEKDAY,
        start=today - datetime.timedelta(days=400),
        weekday=0,
        week_of_month=1,
        remind_days_before=70,
    )
    rule = rrule.rrule(rrule.MONTHLY, byweekday=rrule.MO(1), dtstart=datetime.datetime(2000, 1, 1))
    first = datetime.datetime.combine(today, datetime.time())
    expected = [
        d.date() for d in rule.between(first, first + datetime.timedelta(days=70), inc=True)
    ]
    assert send_year_event_reminders() == len(expected) >= 2
    assert send_year_event_reminders() == 0
    assert len(mail.outbox) == len(expected)
    reminded = ArshjulhendelseReminder.objects.filter(event=event)
    assert sorted(reminded.values_list("occurrence", flat=True)) == expected


def test_a_failed_reminder_email_is_tried_again_next_run(coordinator, today, monkeypatch):
    import samhandling.arshjul_reminders as reminders
    from samhandling.models import ArshjulhendelseReminder

    Arshjulhendelse.objects.create(
        title="Frist", recurrence="once", start=today, remind_days_before=0
    )

    def broken(*args, **kwargs):
        raise ConnectionError("smtp down")

    monkeypatch.setattr(reminders, "send_mail", broken)
    with pytest.raises(ConnectionError):
        reminders.send_year_event_reminders()
    assert not ArshjulhendelseReminder.objects.exists()
    monkeypatch.undo()
    assert reminders.send_year_event_reminders() == 1


def test_a_lead_time_over_90_days_is_refused(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/ansatt/arshjul/hendelser/ny/",
        {"title": "Møte", "recurrence": "once", "start": "2027-05-01", "remind_days_before": "91"},
    )
    assert response.status_code == 400
    assert "remind_days_before" in response.context["form"].errors
    assert not Arshjulhendelse.objects.exists()


def test_the_feed_answers_get_and_head_only(client, coordinator):
    client.force_login(coordinator)
    assert client.head(FEED_URL).status_code == 200
    assert client.post(FEED_URL).status_code == 405
