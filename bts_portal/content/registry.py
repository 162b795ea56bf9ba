"""The kinds of content edited through the shared editing views, registered by their apps."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404
from django.utils.functional import Promise

from bts_portal.permissions import COORDINATOR_CONTENT, ContentPolicy

from .models import PublishableContent


@dataclass(frozen=True)
class ContentKind:
    key: str  # the URL segment: /ansatt/innhold/<key>/
    model: type[PublishableContent]
    form_class: Callable
    label: str | Promise
    label_plural: str | Promise
    policy: ContentPolicy = COORDINATOR_CONTENT
    # Whether items have a hand-set order among their siblings (up/down buttons).
    orderable: bool = True
    # A field to group the list by (e.g. the model's level), shown as sections.
    group_by: str | None = None
    list_related: tuple[str, ...] = field(default_factory=tuple)
    # Extra template shown under the form when editing (e.g. attachments), and the
    # context it needs (blank forms); a view showing errors passes its bound forms instead.
    edit_extra_template: str | None = None
    edit_extra_context: Callable[[], dict] | None = None
    # Related sets edited on their own pages (an element's links and attachments), by their
    # related name: on a published item a change to them is part of its change proposal.
    child_sets: tuple[str, ...] = ()
    # The label of an item in the årshjul's list of reviews due (``bts_portal.content.review``),
    # e.g. an element's type; the kind's label when not given.
    review_label: Callable[[Any], str] | None = None


_KINDS: dict[str, ContentKind] = {}


def register(kind: ContentKind) -> None:
    _KINDS[kind.key] = kind


def get_kind(key: str) -> ContentKind:
    try:
        return _KINDS[key]
    except KeyError:
        raise Http404 from None


def all_kinds() -> list[ContentKind]:
    return list(_KINDS.values())


def kinds_for(user) -> list[ContentKind]:
    """The kinds ``user`` may open in the editing area."""
    return [kind for kind in _KINDS.values() if kind.policy.may_manage(user)]


def kind_for_model(model) -> ContentKind:
    """The kind that edits ``model`` (404 if none does)."""
    for kind in _KINDS.values():
        if kind.model is model:
            return kind
    raise Http404
