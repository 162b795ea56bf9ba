"""E-mail about change proposals: the approvers hear of a new proposal, its author of the
decision. Each is sent once the transaction that made the event commits (``bts_portal.mail``,
from a task), so a rolled-back or repeated request sends nothing, and one event one e-mail.

Who approves is ``ContentPolicy.may_approve`` itself, asked of every user who could hold the
right (the coordinators, and the members of the item's owning service). The e-mail names the
item and the people, and links to the proposal page: nothing else about anyone."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from guardian.models import UserObjectPermission

from bts_portal import mail
from organisasjon.models import Bruker, Tjeneste

from .models import Endringsforslag, Forslagsstatus

logger = logging.getLogger(__name__)
_quiet = ContextVar("proposal_notices_quiet", default=False)


@contextmanager
def quiet():
    """No notices for the proposals made inside (the demo's, which nobody is to be told of)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _url(proposal: Endringsforslag) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse(
        "content:proposal", kwargs={"pk": proposal.pk}
    )


def _load(pk: int):
    """The proposal, its kind and its item; None when either is gone."""
    from .registry import all_kinds

    proposal = (
        Endringsforslag.objects.select_related("author", "decided_by", "content_type")
        .filter(pk=pk)
        .first()
    )
    if proposal is None:
        return None
    model = proposal.content_type.model_class()
    kind = next((k for k in all_kinds() if k.model is model), None)
    item = model._default_manager.filter(pk=proposal.object_id).first() if model else None
    if kind is None or item is None:
        return None
    return proposal, kind, item


def approvers(kind, item, author_id: int) -> list[Bruker]:
    """The active users with an e-mail address who may approve a proposal of ``author_id`` to
    ``item``, but not its author: ``may_approve`` decides, among those who could."""
    could = Q(is_bts_coordinator=True)
    owner_field = kind.policy.owner_field
    owner_id = getattr(item, f"{owner_field}_id", None) if owner_field else None
    if owner_id is not None:
        # Whoever holds any right in the owning service (the permission map's own source).
        could |= Q(
            pk__in=UserObjectPermission.objects.filter(
                content_type=ContentType.objects.get_for_model(Tjeneste), object_pk=str(owner_id)
            ).values("user_id")
        )
    candidates = (
        Bruker.objects.filter(could, is_active=True)
        .exclude(email="")
        .exclude(pk=author_id)
        .distinct()
        .order_by("pk")
    )
    return [user for user in candidates if kind.policy.may_approve(user, item, author_id)]


def _send_made(pk: int) -> None:
    loaded = _load(pk)
    if loaded is None:
        return
    proposal, kind, item = loaded
    to = sorted({user.email for user in approvers(kind, item, proposal.author_id)})
    if not to:
        # Normal for a coordinator's own proposal when no other coordinator has an address.
        if not kind.policy.may_approve(proposal.author, item, proposal.author_id):
            logger.warning("nobody with an e-mail address to approve proposal %s", pk)
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("A change to “%(title)s” waits for your approval") % {"title": item}
        body = "\n\n".join(
            [
                _(
                    "%(name)s has proposed a change to the %(kind)s “%(title)s”. The public "
                    "sees the published version until the change is approved."
                )
                % {"name": _name(proposal.author), "kind": kind.label, "title": item},
                _("See the change and approve or reject it:") + "\n" + _url(proposal),
            ]
        )
    mail.send_later(subject=subject, body=body + "\n", to=to)


def _send_decided(pk: int) -> None:
    loaded = _load(pk)
    if loaded is None:
        return
    proposal, _kind, item = loaded
    author = proposal.author
    if not author.email or not author.is_active:
        return
    values = {"title": item, "name": _name(proposal.decided_by) if proposal.decided_by else ""}
    with translation.override(settings.LANGUAGE_CODE):
        if proposal.state == Forslagsstatus.APPROVED:
            subject = _("Your change to “%(title)s” is approved") % values
            parts = [
                _("%(name)s has approved your change to “%(title)s”. The public now sees it.")
                % values
            ]
        elif proposal.state == Forslagsstatus.REJECTED:
            subject = _("Your change to “%(title)s” is rejected") % values
            parts = [
                _("%(name)s has rejected your change to “%(title)s”. The published version stays.")
                % values,
                _("The reason:") + "\n" + proposal.reason,
            ]
        else:
            return
        parts.append(_("The proposal:") + "\n" + _url(proposal))
    mail.send_later(subject=subject, body="\n\n".join(parts) + "\n", to=[author.email])


def _after_commit(send, pk: int) -> None:
    if _quiet.get():
        return

    def run() -> None:
        try:
            send(pk)
        except Exception:
            # The decision is made and stored; a notice that fails to build is logged only.
            logger.exception("notice about proposal %s not sent", pk)

    transaction.on_commit(run)


def proposal_made(proposal: Endringsforslag) -> None:
    """Tell the approvers, once committed, that ``proposal`` waits for them."""
    _after_commit(_send_made, proposal.pk)


def proposal_decided(pk: int) -> None:
    """Tell the author, once committed, that their proposal is approved or rejected."""
    _after_commit(_send_decided, pk)
