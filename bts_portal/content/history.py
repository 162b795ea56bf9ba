"""A readable change history: who changed what, when, with word-level diffs of texts."""

import difflib
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from . import snapshot


@dataclass
class FieldChange:
    label: str
    diff: SafeString
    # For a proposal: the published field has changed since it was proposed.
    conflict: bool = False


@dataclass
class Version:
    record: object
    changes: list[FieldChange] = field(default_factory=list)


def word_diff(old: str, new: str) -> SafeString:
    """Escaped HTML of ``new`` with removed words in <del> and added words in <ins>, each
    opened by a visually hidden word that says which it is: screen readers announce neither
    element, and colour alone tells nothing."""
    old_words, new_words = str(old or "").split(), str(new or "").split()
    removed_label, added_label = escape(_("removed:")), escape(_("added:"))
    removed = f'<span class="visually-hidden">{removed_label} </span>'
    added = f'<span class="visually-hidden">{added_label} </span>'
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(old_words[a1:a2])))
            continue
        if op in {"delete", "replace"}:
            parts.append(f"<del>{removed}{escape(' '.join(old_words[a1:a2]))}</del>")
        if op in {"insert", "replace"}:
            parts.append(f"<ins>{added}{escape(' '.join(new_words[b1:b2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 - every word escaped above


def value_changes(
    model, before: dict, after: dict, *, conflicts: tuple[str, ...] = ()
) -> list[FieldChange]:
    """Per field where ``after`` differs from ``before`` (values as in a proposal), its
    label and a word diff of the two as a reader sees them, in the form's order."""
    names = [f.name for f in model._meta.get_fields() if f.name in after]
    return [
        FieldChange(
            label=snapshot.label(model, name),
            diff=word_diff(
                snapshot.display(model, name, before.get(name)),
                snapshot.display(model, name, after[name]),
            ),
            conflict=name in conflicts,
        )
        for name in names
        if before.get(name) != after[name]
    ]


def _display(record, name: str) -> str:
    model_field = record.instance._meta.get_field(name)
    value = getattr(record, model_field.attname)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return "" if value is None else str(value)


def versions(obj, *, excluded: tuple[str, ...] = ("order",)) -> list[Version]:
    """Every version of ``obj``, newest first, each with what changed since the one before."""
    records = list(obj.history.select_related("history_user").order_by("history_date", "pk"))
    result = []
    previous = None
    for record in records:
        version = Version(record=record)
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=set(excluded))
            for change in delta.changes:
                label = str(record.instance._meta.get_field(change.field).verbose_name)
                version.changes.append(
                    FieldChange(
                        label=label.capitalize(),
                        diff=word_diff(
                            _display(previous, change.field), _display(record, change.field)
                        ),
                    )
                )
        result.append(version)
        previous = record
    return list(reversed(result))
