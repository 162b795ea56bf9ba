"""The case page's checklist, each step's line built once in Python: the template spent
thousands of steps per step on two URL reversals, a form, yes/no filters and an include
for the deadline (issue 19). Built per request for this viewer (only those who may write
get the buttons to tick a step); nothing is kept across requests."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from bts_portal.templatetags.content_tags import trtext

from .checklist import ChecklistItem
from .due import due_html


@dataclass(frozen=True)
class ChecklistLine:
    step: object
    done: bool
    html: SafeString


def _prefix(name: str, *args) -> str:
    """The address of ``name`` with the key ``0`` cut off: one reverse for the whole list."""
    pattern = reverse(name, args=[*args, "0"])
    return pattern[: pattern.rindex("/0/") + 1]


def lines(items: list[ChecklistItem], case, *, may_tick: bool, csrf_token: str):
    """The checklist's ``<li>`` contents: the tick button (when ``may_tick``), the step with
    its tools, and its deadline."""
    tick_prefix = _prefix("stafettlogg:checklist", case.pk)
    step_prefix = _prefix("veileder_staff:step")
    done_word = _("Done")
    csrf = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token)
    result = []
    for item in items:
        step, done = item.step, item.done
        title = trtext(step, "title")
        button = ""
        if may_tick:
            button = format_html(
                '<form method="post" action="{}{}/" class="d-inline">{}<button name="done" '
                'value="{}" class="btn btn-sm {}" aria-pressed="{}">{}'
                '<span class="visually-hidden"> {}: {}</span></button></form>',
                tick_prefix, step.key, csrf, "0" if done else "1",
                "btn-success" if done else "btn-outline-secondary",
                "true" if done else "false", "✓" if done else "○", done_word, title,
            )  # fmt: skip
        tools = format_html_join(
            ", ",
            '<a class="small" href="{}">{}</a>',
            ((tool.get_absolute_url(), trtext(tool, "title")) for tool in step.tools.all()),
        )
        html = format_html(
            '{}\n        <a href="{}{}/?sak={}">{}</a>{}{}{}',
            button, step_prefix, step.key, case.pk, title, " · " if tools else "", tools,
            due_html(item),
        )  # fmt: skip
        result.append(ChecklistLine(step=step, done=done, html=html))
    return result
