""" "My work" as the page shows it: each row's names, dates, addresses, overdue marks and next
step worked out once in Python, where the template engine spent thousands of steps per row on
date filters, URL reversal, an include and string comparisons (issue 19)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from bts_portal.templatetags.content_tags import trtext

from .due import DAY, due_html
from .markup import escape as _e


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


def case_rows(cases, *, overdue_label: str) -> SafeString:
    """The table rows of the cases (after ``present``), the markup the template's loop
    wrote: one string for the page rather than a dozen template steps per cell."""
    level, holder = _e(_("Level")), _e(_("Baton holder"))
    evaluation, step = _e(_("Next evaluation")), _e(_("Next step in the guide"))
    locked_word = _("locked")
    locked = f"\n          <strong>({_e(locked_word)})</strong>"
    rows = []
    for case in cases:
        if case.evaluation_overdue:
            due = (
                f'<strong class="text-danger">{_e(case.evaluation_text)}\n'
                f"          ({_e(overdue_label)})</strong>"
            )
        else:
            due = _e(case.evaluation_text or "–")
        rows.append(
            f'<tr>\n        <td><a href="{_e(case.url)}">{_e(case.child_name)}</a>'
            f"{'' if case.readable else locked}</td>\n"
            f'        <td data-label="{level}">{_e(case.level)}</td>\n'
            f'        <td data-label="{holder}">{_e(case.holder_label)}</td>\n'
            f'        <td data-label="{evaluation}">\n          {due}</td>\n'
            f'        <td data-label="{step}">{_e(case.next_step_html or "–")}</td> </tr>'
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - every value above is escaped


def undring_rows(undringer) -> SafeString:
    """The table rows of the open concerns (after ``present``), as the template wrote them."""
    anonymous, service, decide = _e(_("Anonymous")), _e(_("Service")), _e(_("Decide by"))
    rows = []
    for undring in undringer:
        if undring.is_anonymous:
            who = anonymous
        else:
            # Initials, age or both ("KN, 7 years"; a concern with an age alone is "7 years",
            # not ", 7 years" as the template wrote it).
            parts = [undring.child_initials] if undring.child_initials else []
            if undring.child_age is not None:
                parts.append(_("%(age)s years") % {"age": undring.child_age})
            who = ",\n          ".join(_e(part) for part in parts)
        author = f",\n          {_e(undring.author_label)}" if undring.author_label else ""
        decision = _e(undring.decision_text)
        if undring.decision_overdue:
            decision = f'<strong\n          class="text-danger">{decision}</strong>'
        rows.append(
            f'<tr>\n        <td><a href="{_e(undring.url)}">{who}</a>\n'
            f'          <small class="text-body-secondary">({_e(undring.created_text)}{author})'
            f"</small></td>\n"
            f'        <td data-label="{service}">{_e(trtext(undring.tjeneste, "name"))}</td>\n'
            f'        <td data-label="{decide}">\n          {decision}</td> </tr>'
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - every value above is escaped
