"""The coordinator's list of themes for the catalogue."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from bts_portal import permissions
from bts_portal.decorators import predicate_required
from bts_portal.list_page import list_with_form

from .forms import TemaForm
from .models import Tema


@predicate_required(permissions.is_coordinator)
def theme_list(request, pk=None):
    """List the themes; the form adds one, or edits the one named by ``pk``."""
    theme = get_object_or_404(Tema, pk=pk) if pk else None
    return list_with_form(
        request,
        TemaForm,
        theme,
        template="tiltaksoversikt/theme_list.html",
        context={"themes": Tema.objects.all()},
        saved=_("The theme is saved."),
        then="tiltak_staff:themes",
    )
