"""The coordinator's list of themes for the catalogue."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from bts_portal import permissions
from bts_portal.decorators import predicate_required

from .forms import TemaForm
from .models import Tema


@predicate_required(permissions.is_coordinator)
def theme_list(request, pk=None):
    """List the themes; the form adds one, or edits the one named by ``pk``."""
    theme = get_object_or_404(Tema, pk=pk) if pk else None
    form = TemaForm(request.POST or None, instance=theme)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("The theme is saved."))
            return redirect("tiltak_staff:themes")
        status = 400
    else:
        status = 200
    themes = Tema.objects.all()
    return render(
        request,
        "tiltaksoversikt/theme_list.html",
        {"themes": themes, "form": form, "editing": theme},
        status=status,
    )
