"""Reading change proposals: the ones a user may decide on, and their own."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from . import snapshot
from .models import Endringsforslag, Forslagsstatus
from .registry import ContentKind, kind_for_model


@dataclass
class ProposalRow:
    proposal: Endringsforslag
    kind: ContentKind
    item: object
    changed: list[str]
    may_approve: bool


def waiting_proposals(user) -> tuple[list[ProposalRow], list[ProposalRow]]:
    """The waiting proposals ``user`` may approve, and those they wrote themselves, oldest
    first: one query for the proposals and one per kind of item, however many there are."""
    proposals = (
        Endringsforslag.objects.filter(state=Forslagsstatus.PENDING)
        .select_related("author", "content_type")
        .prefetch_related("item")
        .order_by("created_at", "pk")
    )
    to_decide, own = [], []
    for proposal in proposals:
        item = proposal.item
        if item is None:
            continue
        try:
            kind = kind_for_model(type(item))
        except Http404:
            continue
        model = type(item)
        row = ProposalRow(
            proposal=proposal,
            kind=kind,
            item=item,
            changed=[snapshot.label(model, name) for name in proposal.values],
            may_approve=kind.policy.may_approve(user, item, proposal.author_id),
        )
        if row.may_approve:
            to_decide.append(row)
        if proposal.author_id == user.pk:
            own.append(row)
    return to_decide, own


def decided_proposals(obj, limit: int = 20) -> list[Endringsforslag]:
    """The latest decided proposals for ``obj``, for its history page."""
    return list(
        Endringsforslag.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
        .exclude(state=Forslagsstatus.PENDING)
        .select_related("author", "decided_by")
        .order_by("-updated_at", "-pk")[:limit]
    )
