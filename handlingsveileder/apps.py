from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandlingsveilederConfig(AppConfig):
    """The BTI action guide: levels 0–3 with their steps and tools."""

    name = "handlingsveileder"
    verbose_name = _("Action guide")

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from bts_portal.content.registry import ContentKind, register
        from bts_portal.content.search import SearchSource, register_source
        from bts_portal.content.translation import localized

        from . import documents, selectors
        from .forms import NivaForm, TegnForm, TemaVeilederForm, TrinnForm, VerktoyForm
        from .models import Niva, Tegn, TemaVeileder, Trinn, Verktoy

        for kind in [
            ContentKind(
                key="nivaa",
                model=Niva,
                form_class=NivaForm,
                label=_("level"),
                label_plural=_("Guide: levels"),
                orderable=False,
            ),
            ContentKind(
                key="trinn",
                model=Trinn,
                form_class=TrinnForm,
                label=_("step"),
                label_plural=_("Guide: steps"),
                list_related=("niva",),
            ),
            ContentKind(
                key="verktoy",
                model=Verktoy,
                form_class=VerktoyForm,
                label=_("tool"),
                label_plural=_("Guide: tools"),
                orderable=False,
                edit_extra_template="handlingsveileder/_document_fields.html",
                edit_extra_context=lambda: {"document_fields": documents.FIELDS.items()},
            ),
            ContentKind(
                key="tegn",
                model=Tegn,
                form_class=TegnForm,
                label=_("sign"),
                label_plural=_("Guide: signs"),
                list_related=("tema",),
                group_by="age_group",
            ),
            ContentKind(
                key="temaveileder",
                model=TemaVeileder,
                form_class=TemaVeilederForm,
                label=_("thematic guide"),
                label_plural=_("Guide: thematic guides"),
            ),
        ]:
            register(kind)
        register_source(
            SearchSource(
                label=_("Action guide"),
                queryset=lambda: Niva.objects.published(),
                # As the public level page: its text for parents, the summary only without one.
                document=lambda n: (
                    localized(n, "title"),
                    "" if n.body else localized(n, "summary"),
                    localized(n, "body"),
                ),
            )
        )
        register_source(SearchSource(label=_("Thematic guides"), queryset=selectors.theme_guides))
        register_source(
            SearchSource(
                label=_("Tools"),
                fields=("title", "summary"),
                queryset=lambda: selectors.visible_tools(public=True),
            )
        )
