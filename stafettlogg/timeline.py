"""The timeline's entries as the case page shows them, each rendered to its markup once in
Python: the template engine spent thousands of steps per entry on a dozen conditions, date
filters, a choice label and a URL, and a case shows up to a page of entries (issue 19).

Nothing is kept across requests: the markup is built from the entries this request read,
for this viewer (only those who may write get the link to correct an entry)."""

from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from bts_portal.templatetags.content_tags import trtext

from .due import DAY
from .markup import escape as _e
from .models import Innslag

SHOWN = f"{DAY} %H:%M:%S"
Kind = Innslag.Kind


def _day(value) -> str:
    return value.strftime(DAY) if value else ""


def _safe(translated: str) -> SafeString:
    """A translation as ``{% translate %}`` puts it in the page: trusted, not escaped."""
    return mark_safe(translated)  # noqa: S308 - our own catalogue's text


class _Words:
    """The page's fixed words, translated once per page rather than once per entry."""

    def __init__(self):
        self.system = _("the system")
        self.corrects = _("Corrects the entry of %(date)s by %(author)s")
        self.catalogue = _safe(_("from the catalogue"))
        self.goal = _safe(_("Goal"))
        self.responsible = _safe(_("Responsible"))
        self.period = _safe(_("Period"))
        self.evaluate_by = _safe(_("evaluate by"))
        self.attended = _safe(_("Attended"))
        self.levels = _("From level %(a)s to level %(b)s")
        self.measure = _safe(_("Measure evaluated"))
        self.final = _safe(_("Final evaluation"))
        self.next_step = _safe(_("Next step"))
        self.child_view = _safe(_("The child's view"))
        self.guardian_view = _safe(_("The guardians' view"))
        self.correct = _("Correct this entry")


def _entry_html(entry: Innslag, words: _Words, may_correct: bool) -> SafeString:
    """One ``<li>`` of the timeline: the same markup the template's loop wrote, every value
    escaped by ``_e`` (formatting through ``format_html`` cost most of the page's time)."""
    service = entry.author_tjeneste
    in_service = f" ({_e(trtext(service, 'name'))})" if service else ""
    parts = [
        f'<li class="entry entry-{_e(entry.kind)}" id="innslag-{entry.pk}">\n'
        f'          <p class="entry-meta"><strong>{_e(entry.kind_label)}</strong> · '
        f'<time datetime="{entry.created_iso}">{entry.created_text}</time>'
        f" · {_e(entry.author_label)}{in_service}</p>"
    ]
    corrects = entry.corrects
    if corrects:
        when = timezone.localtime(corrects.created_at).strftime(SHOWN)
        author = corrects.author or words.system
        text = words.corrects % {"date": _e(when), "author": _e(str(author))}
        parts.append(f'<p class="text-body-secondary">{text}</p>')
    kind = entry.kind
    if kind == Kind.MEASURE:
        source = ""
        if tiltak := entry.tiltak:
            from_service = f", {_e(trtext(tiltak.tjeneste, 'name'))}" if tiltak.tjeneste else ""
            source = (
                f' (<a href="{_e(tiltak.get_absolute_url())}">{words.catalogue}</a>{from_service})'
            )
        parts.append(
            f"<p><strong>{_e(entry.title)}</strong>{source}</p>\n"
            f'            <dl class="step-fields"><dt>{words.goal}</dt><dd>{_e(entry.goal)}</dd>'
            f"<dt>{words.responsible}</dt><dd>{_e(entry.responsible)}</dd>"
            f"<dt>{words.period}</dt><dd>{_day(entry.starts_on)} – {words.evaluate_by} "
            f"{_day(entry.evaluate_by)}</dd></dl>"
        )
    if kind == Kind.MEETING:
        parts.append(f"<p><em>{words.attended}:</em> {_e(entry.attendees)}</p>")
    if kind == Kind.LEVEL:
        levels = words.levels % {"a": _e(entry.from_level), "b": _e(entry.to_level)}
        parts.append(f"<p>{levels}</p>")
    if kind == Kind.EVALUATION and entry.measure:
        parts.append(f"<p><em>{words.measure}:</em> {_e(entry.measure.title)}</p>")
    if entry.text:
        parts.append(f"<p>{linebreaksbr(entry.text, autoescape=True)}</p>")
    if entry.next_step:
        label = words.final if kind == Kind.CLOSURE else words.next_step
        parts.append(f"<p><em>{label}:</em> {_e(entry.next_step)}</p>")
    if entry.child_view:
        parts.append(f"<p><em>{words.child_view}:</em> {_e(entry.child_view)}</p>")
    if entry.guardian_view:
        parts.append(f"<p><em>{words.guardian_view}:</em> {_e(entry.guardian_view)}</p>")
    if may_correct and entry.author_id:
        parts.append(
            f'<a class="small" href="{entry.correct_url}">{_e(words.correct)}<span '
            f'class="visually-hidden">: {_e(entry.kind_label)} {entry.created_text}</span></a>'
        )
    parts.append("</li>")
    return mark_safe("\n          ".join(parts))  # noqa: S308 - every value above is escaped


def present(entries: list[Innslag], case, *, may_correct: bool = False) -> list[Innslag]:
    """Set ``kind_label``, ``created_iso``, ``created_text``, ``author_label``,
    ``correct_url`` and ``html`` (the entry's ``<li>``; with the link to correct it when
    ``may_correct``) on each entry."""
    labels = dict(Innslag.Kind.choices)
    words = _Words()
    # One reverse for the page: the address differs only in the entry's id.
    pattern = reverse("stafettlogg:entry_correct", kwargs={"pk": case.pk, "entry_pk": 0})
    prefix = pattern[: pattern.rindex("/0/") + 1]
    for entry in entries:
        created = timezone.localtime(entry.created_at)
        entry.kind_label = labels.get(entry.kind, entry.kind)
        entry.created_iso = created.isoformat()
        entry.created_text = created.strftime(SHOWN)
        if entry.author_id:
            entry.author_label = str(entry.author)
        elif entry.family_author:  # the family's view, written on My page
            label = _("%(name)s (guardian, on My page)")
            entry.author_label = label % {"name": entry.family_author}
        else:
            entry.author_label = words.system
        entry.correct_url = f"{prefix}{entry.pk}/"
        entry.html = _entry_html(entry, words, may_correct)
    return entries
