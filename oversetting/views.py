"""The coordinator's translation pages: the list of what needs translating, per language,
and one item's translation form (with a nynorsk machine draft from Apertium)."""

from django.apps import apps
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from bts_portal import permissions
from bts_portal.content.translation import SUFFIXES
from bts_portal.decorators import predicate_required

from . import apertium, drafts, sources, state
from .forms import TranslationForm
from .models import Language, TranslationStatus

PAGE_SIZE = 50
STATUS_CHOICES = [TranslationStatus.MISSING, TranslationStatus.OUTDATED]


def _language(code: str) -> str:
    if code not in sources.LANGUAGES:
        raise Http404
    return code


@predicate_required(permissions.is_coordinator)
def needs_translation(request, language="nn"):
    language = _language(language)
    status = request.GET.get("status", "")
    status = status if status in STATUS_CHOICES else ""
    page = Paginator(state.needs_work(language, status), PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    rows = state.attach_items(list(page.object_list))
    return render(
        request,
        "oversetting/needs_translation.html",
        {
            "language": language,
            "language_label": Language(language).label,
            "languages": Language.choices,
            "status": status,
            "status_choices": [(s, TranslationStatus(s).label) for s in STATUS_CHOICES],
            "rows": rows,
            "page": page,
            "querystring": f"status={status}" if status else "",
            "apertium_available": apertium.is_available(),
        },
    )


def _load(app_label: str, model_name: str, pk: int):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        raise Http404 from None
    if not sources.is_translated(model):
        raise Http404
    return get_object_or_404(model, pk=pk)


@predicate_required(permissions.is_coordinator)
def translate(request, app_label, model_name, pk, language):
    """GET: the form; POST: approve the text, make a machine draft, discard the draft, or
    confirm that an outdated translation still holds."""
    language = _language(language)
    obj = _load(app_label, model_name, pk)
    draft = drafts.draft_for(obj, language)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "machine" and language == "nn":
            return _machine_draft(request, obj, language)
        if action == "discard":
            drafts.draft_discard(obj=obj, language=language)
            messages.success(request, _("The draft is discarded."))
            return redirect(request.path)
        if action == "confirm":
            drafts.translation_confirm(obj=obj, language=language)
            messages.success(request, _("The translation is marked as up to date."))
            return redirect(request.path)
        if action == "approve":
            form = TranslationForm(request.POST, obj=obj, language=language, initial_texts={})
            if form.is_valid():
                drafts.translation_approve(
                    obj=obj, language=language, texts=form.cleaned_data, user=request.user
                )
                messages.success(request, _("The translation is approved and saved."))
                return redirect(request.path)
            return _page(request, obj, language, draft, form=form, status=400)
        return _page(request, obj, language, draft, status=400, bad_action=True)
    return _page(request, obj, language, draft)


def _machine_draft(request, obj, language):
    try:
        drafts.machine_draft_make(obj=obj, user=request.user)
    except apertium.ApertiumUnavailable:
        messages.error(
            request,
            _(
                "Apertium is not installed on the server, so no machine draft can be made. "
                "Write the translation yourself, or ask the system administrator to install "
                "the Debian packages apertium and apertium-nno-nob."
            ),
        )
    except apertium.ApertiumError:
        messages.error(
            request, _("Apertium could not translate the text just now. Try again later.")
        )
    else:
        messages.warning(
            request,
            _("A machine draft is ready. Read and correct it, then approve it to publish it."),
        )
    return redirect(request.path)


def _page(request, obj, language, draft, *, form=None, status=200, bad_action=False):
    suffix = SUFFIXES[language]
    names = sources.translated_fields(type(obj))
    current = {name: getattr(obj, name + suffix) or "" for name in names}
    form = form or TranslationForm(
        obj=obj, language=language, initial_texts=draft.texts if draft else current
    )
    if bad_action:
        messages.error(request, _("Unknown action."))
    return render(
        request,
        "oversetting/translate.html",
        {
            "obj": obj,
            "verbose_name": obj._meta.verbose_name,
            "language": language,
            "language_label": Language(language).label,
            "form": form,
            "draft": draft,
            "draft_outdated": draft is not None
            and draft.source_hash != sources.texts(obj, language).source_hash,
            "translation_state": state.state_of(obj, language),
            "apertium_available": apertium.is_available(),
            "public_url": sources.public_url(obj, language) if sources.is_public(obj) else "",
        },
        status=status,
    )
