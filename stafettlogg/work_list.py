""" "My work" as the page shows it: each row's names, dates and overdue marks worked out once in
Python, where the template engine spent thousands of steps per row on date filters and string
comparisons (issue 19)."""

from django.utils import timezone

DAY = "%d.%m.%Y"


def present(*, cases, closed, undringer, user) -> None:
    today = timezone.localdate()
    for case in cases:
        holder = case.stafettholder
        case.holder_label = holder.get_full_name() or holder.username
        due = case.next_evaluation
        case.evaluation_text = due.strftime(DAY) if due else ""
        case.evaluation_overdue = bool(due and due < today)
    for case in closed:
        case.closed_text = timezone.localdate(case.closed_at).strftime(DAY)
        case.deleted_text = case.deleted_on.strftime(DAY)
    for undring in undringer:
        undring.created_text = timezone.localdate(undring.created_at).strftime(DAY)
        due = undring.decision_due
        undring.decision_text = due.strftime(DAY)
        undring.decision_overdue = due < today
        undring.author_label = "" if undring.author_id == user.pk else str(undring.author)
