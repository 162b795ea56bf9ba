"""The coordinator's synonyms for the site search (staff area)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bts_portal import permissions
from bts_portal.decorators import predicate_required
from bts_portal.list_page import list_with_form

from .forms import SynonymForm
from .models import Synonym


@predicate_required(permissions.is_coordinator)
def synonym_list(request, pk=None):
    """List the synonyms; the form adds one, or edits the one named by ``pk``."""
    synonym = get_object_or_404(Synonym, pk=pk) if pk else None
    return list_with_form(
        request,
        SynonymForm,
        synonym,
        template="sok/synonyms.html",
        context={"synonyms": Synonym.objects.all()},
        saved=_("The synonym is saved; the search uses it at once."),
        then="sok:synonyms",
    )


@require_POST
@predicate_required(permissions.is_coordinator)
def synonym_delete(request, pk):
    synonym = get_object_or_404(Synonym, pk=pk)
    synonym.delete()
    messages.success(request, _("The synonym “%(term)s” is deleted.") % {"term": synonym.term})
    return redirect("sok:synonyms")
