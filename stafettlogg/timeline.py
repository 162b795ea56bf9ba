"""The timeline's entries as the case page shows them, with what each needs formatted once in
Python: the template engine spends thousands of steps per entry on a date filter, a choice
label and a URL, and a case shows up to a page of entries (issue 19)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Innslag

SHOWN = "%d.%m.%Y %H:%M:%S"


def present(entries: list[Innslag], case) -> list[Innslag]:
    """Set ``kind_label``, ``created_iso``, ``created_text``, ``author_label`` and
    ``correct_url`` on each entry."""
    labels = dict(Innslag.Kind.choices)
    system = _("the system")
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
            entry.author_label = system
        entry.correct_url = f"{prefix}{entry.pk}/"
    return entries
