from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamhandlingConfig(AppConfig):
    """The three-level collaboration model and the public site that presents it."""

    name = "samhandling"
    verbose_name = _("Collaboration model")

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from bts_portal.content.registry import ContentKind, register
        from bts_portal.content.search import SearchSource, register_source
        from bts_portal.permissions import MODEL_CONTENT

        from . import glossary, selectors
        from .forms import BegrepForm, ElementForm, LenkeForm, SideForm, VedleggForm
        from .models import Begrep, Element, Side

        register(
            ContentKind(
                key="element",
                model=Element,
                form_class=ElementForm,
                label=_("model element"),
                label_plural=_("Model elements"),
                policy=MODEL_CONTENT,
                group_by="nivaa",
                list_related=("owner_tjeneste",),
                child_sets=("links", "attachments"),
                review_label=lambda element: str(element.get_type_display()),
                edit_extra_template="samhandling/_element_edit_extra.html",
                edit_extra_context=lambda: {
                    "attachment_form": VedleggForm(),
                    "link_form": LenkeForm(),
                },
            )
        )
        register(
            ContentKind(
                key="side",
                model=Side,
                form_class=SideForm,
                label=_("page"),
                label_plural=_("Public pages"),
            )
        )
        glossary.connect_signals()
        register(
            ContentKind(
                key="begrep",
                model=Begrep,
                form_class=BegrepForm,
                label=_("glossary word"),
                label_plural=_("Glossary"),
                orderable=False,
            )
        )
        register_source(
            SearchSource(
                label=_("The model"), queryset=lambda: selectors.visible_elements(staff=False)
            )
        )
        register_source(SearchSource(label=_("Pages"), queryset=lambda: Side.objects.published()))
