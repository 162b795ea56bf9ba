"""The coordinator's synonyms for the site search (staff area)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bts_portal import permissions
from bts_portal.decorators import predicate_required

from .forms import SynonymForm
from .models import Synonym


@predicate_required(permissions.is_coordinator)
def synonym_list(request, pk=None):
    """List the synonyms; the form adds one, or edits the one named by ``pk``."""
    synonym = get_object_or_404(Synonym, pk=pk) if pk else None
    form = SynonymForm(request.POST or None, instance=synonym)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The synonym is saved; the search uses it at once."))
            return redirect("sok:synonyms")
        status = 400
    return render(
        request,
        "sok/synonyms.html",
        {"synonyms": Synonym.objects.all(), "form": form, "editing": synonym},
        status=status,
    )


@require_POST
@predicate_required(permissions.is_coordinator)
def synonym_delete(request, pk):
    synonym = get_object_or_404(Synonym, pk=pk)
    synonym.delete()
    messages.success(request, _("The synonym “%(term)s” is deleted.") % {"term": synonym.term})
    return redirect("sok:synonyms")
