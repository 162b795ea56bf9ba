from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Bruker, Medlemskap, Tjeneste
from .services import memberships_resync


class MedlemskapInline(admin.TabularInline):
    model = Medlemskap
    extra = 1
    autocomplete_fields = ["tjeneste"]


@admin.register(Bruker)
class BrukerAdmin(UserAdmin):
    inlines = [MedlemskapInline]
    list_display = [
        "username",
        "first_name",
        "last_name",
        "email",
        "is_bts_coordinator",
        "is_municipal_leader",
        "is_staff",
        "is_active",
    ]
    list_filter = ["is_bts_coordinator", "is_municipal_leader", "is_staff", "is_active"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (_("Roles in the municipality"), {"fields": ["is_bts_coordinator", "is_municipal_leader"]}),
    ]

    def save_related(self, request, form, formsets, change):
        # Memberships edited inline change rights: recompute them from what was saved.
        super().save_related(request, form, formsets, change)
        memberships_resync(user=form.instance)


@admin.register(Tjeneste)
class TjenesteAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "phone", "email", "is_partner", "is_active"]
    list_filter = ["sector", "is_partner", "is_active"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Medlemskap)
class MedlemskapAdmin(admin.ModelAdmin):
    list_display = ["user", "tjeneste", "rolle", "created_at"]
    list_filter = ["rolle", "tjeneste"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "tjeneste__name"]
    autocomplete_fields = ["user", "tjeneste"]
    # Bulk deletion would bypass the per-row permission sync below.
    actions = None

    def save_model(self, request, obj, form, change):
        previous_user_id = form.initial.get("user") if change else None
        super().save_model(request, obj, form, change)
        memberships_resync(user=obj.user)
        if previous_user_id and previous_user_id != obj.user_id:
            memberships_resync(user=Bruker.objects.get(pk=previous_user_id))

    def delete_model(self, request, obj):
        user = obj.user
        super().delete_model(request, obj)
        memberships_resync(user=user)
