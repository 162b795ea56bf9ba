""" "My work" as the page shows it: each row's names, dates, addresses, overdue marks and next
step worked out once in Python, where the template engine spent thousands of steps per row on
date filters, URL reversal, an include and string comparisons (issue 19)."""

from django.urls import reverse
from django.utils import timezone

from bts_portal.templatetags.content_tags import trtext

from .due import DAY, due_html


def _url_prefix(name: str) -> str:
    """The address of ``name`` for pk 0 without the 0: one reverse for a whole list."""
    pattern = reverse(name, kwargs={"pk": 0})
    return pattern[: pattern.rindex("/0/") + 1]


def present(*, cases, closed, undringer, user) -> None:
    today = timezone.localdate()
    case_prefix = _url_prefix("stafettlogg:case")
    for case in cases:
        case.url = f"{case_prefix}{case.pk}/"
        holder = case.stafettholder
        case.holder_label = holder.get_full_name() or holder.username
        due = case.next_evaluation
        case.evaluation_text = due.strftime(DAY) if due else ""
        case.evaluation_overdue = bool(due and due < today)
        item = case.next_step
        case.next_step_html = trtext(item.step, "title") + due_html(item) if item else ""
    for case in closed:
        case.url = f"{case_prefix}{case.pk}/"
        case.closed_text = timezone.localdate(case.closed_at).strftime(DAY)
        case.deleted_text = case.deleted_on.strftime(DAY)
    undring_prefix = _url_prefix("stafettlogg:undring")
    for undring in undringer:
        undring.url = f"{undring_prefix}{undring.pk}/"
        undring.created_text = timezone.localdate(undring.created_at).strftime(DAY)
        due = undring.decision_due
        undring.decision_text = due.strftime(DAY)
        undring.decision_overdue = due < today
        undring.author_label = "" if undring.author_id == user.pk else str(undring.author)
