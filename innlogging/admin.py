"""The system administrator resets a second factor here, and every reset is recorded.

django-otp's own device admin is taken away: it shows an authenticator's secret (with a QR
code), so an administrator could copy someone's second factor, and it deletes devices
without a record.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from bts_portal.admin_mixins import ActingUserFormMixin

from . import services
from .models import Kontohendelse, OidcIdentitet

for _model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_model):
        admin.site.unregister(_model)


class ResetForm(forms.ModelForm):
    acting_user = None

    class Meta:
        model = Kontohendelse
        fields = ["user"]
        help_texts = {
            "user": _(
                "Removes the account's authenticator app and recovery codes and logs it out "
                "everywhere. At the next login the person sets up the app again."
            )
        }

    def clean_user(self):
        user = self.cleaned_data["user"]
        if self.acting_user is not None and user.pk == self.acting_user.pk:
            raise ValidationError(_("Ask another administrator to reset your own second factor."))
        return user


@admin.register(Kontohendelse)
class KontohendelseAdmin(ActingUserFormMixin):
    """The record, read-only; "add" is the reset of one account's second factor."""

    form = ResetForm
    list_display = ["at", "user", "action", "changed_by", "detail"]
    list_filter = ["action"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]
    actions = None

    def get_readonly_fields(self, request, obj=None):
        return ["at", "user", "action", "changed_by", "detail"] if obj else []

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            raise PermissionDenied
        event = services.second_factor_reset(user=obj.user, changed_by=request.user)
        obj.pk, obj.at, obj.action, obj.changed_by = (
            event.pk,
            event.at,
            event.action,
            event.changed_by,
        )
        obj._state.adding = False


class IdentityForm(forms.ModelForm):
    acting_user = None

    class Meta:
        model = OidcIdentitet
        fields = ["user", "issuer", "subject"]

    def clean_user(self):
        user = self.cleaned_data["user"]
        if self.acting_user is not None and user.pk == self.acting_user.pk:
            raise ValidationError(_("Ask another administrator to link your own account."))
        # Linking an identity to an account someone already uses would let whoever holds
        # that identity (the administrator's own, say) log in as them. An account in use is
        # linked only by its own verified e-mail at its first login with the provider.
        if user.last_login is not None or user.has_usable_password():
            raise ValidationError(
                _(
                    "This account is in use: it is linked by its verified e-mail address "
                    "the first time its owner logs in with the identity provider."
                )
            )
        return user


@admin.register(OidcIdentitet)
class OidcIdentitetAdmin(ActingUserFormMixin):
    form = IdentityForm
    list_display = ["user", "subject", "issuer", "linked_at"]
    search_fields = ["user__username", "subject"]
    autocomplete_fields = ["user"]
    actions = None

    def get_changeform_initial_data(self, request):
        from . import oidc

        return {"issuer": oidc.issuer() or "", **super().get_changeform_initial_data(request)}

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = services.identity_link(
            user=obj.user,
            issuer=obj.issuer,
            subject=obj.subject,
            changed_by=request.user,
            how="administrator",
        )
        obj.pk, obj.linked_at = saved.pk, saved.linked_at
        obj._state.adding = False

    def delete_model(self, request, obj):
        services.identity_unlink(identity=obj, changed_by=request.user)
