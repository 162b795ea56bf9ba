"""Django admin for the system administrator: accounts, services and memberships.

The system administrator keeps the organisation up to date but must never reach case content
(the children's case logs). So the admin enforces a separation of duties, on the server and
not only in the forms:

* rights come from memberships only: superuser status, groups and permissions are not set
  here, and the group admin is closed;
* nobody sets another person's password; the administrator sends the person the e-mail to
  set one, and cannot redirect that e-mail by changing the address of an account in use;
* nobody changes their own role flags or memberships, or deletes their own account: that
  needs another administrator.

Memberships and role flags change through ``organisasjon.services``, which keeps the object
permissions in step and records every change for the BTS coordinator.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UsernameField
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from bts_portal.admin_mixins import ActingUserFormMixin

from .models import Bruker, Medlemskap, Rolleflagg, Tjeneste
from .services import (
    OWN_ROLES_REFUSED,
    membership_add,
    membership_change,
    membership_remove,
    password_email_send,
    role_flags_set,
)

RIGHTS_FROM_MEMBERSHIPS = _(
    "Superuser status, groups and permissions cannot be set here: rights come from "
    "memberships in the services."
)
PASSWORD_BY_OWNER = _(
    "Only the person themself sets a password. Send them the e-mail to set one instead."
)
EMAIL_OF_ACCOUNT_IN_USE = _(
    "The e-mail address of an account in use cannot be changed here: the e-mail to set a "
    "password would go to the new address and hand the account over. Deactivate the account "
    "and create a new one instead."
)
OWN_ACCOUNT_DELETE_REFUSED = _(
    "You cannot delete your own account. Ask another administrator to do it."
)
OWN_ROLES_HELP = _("Only another administrator can change your own roles.")

# Posted names that would grant rights or set a password; no form here has such a field, so
# their presence is a crafted request, refused as a whole rather than silently dropped.
RIGHTS_FIELDS = ("is_superuser", "groups", "user_permissions")
PASSWORD_FIELDS = ("password", "password1", "password2", "usable_password")

# Rights come from memberships only (bts_portal.permissions): no group may carry any.
if admin.site.is_registered(Group):
    admin.site.unregister(Group)


def _is_own(request, user: Bruker | None) -> bool:
    return user is not None and user.pk is not None and user.pk == request.user.pk


def _refuse_posted_rights(form: forms.BaseForm) -> None:
    posted = {name for name in form.data if name in RIGHTS_FIELDS + PASSWORD_FIELDS}
    if posted & set(RIGHTS_FIELDS):
        raise ValidationError(RIGHTS_FROM_MEMBERSHIPS)
    if posted:
        raise ValidationError(PASSWORD_BY_OWNER)


def _membership_save(*, membership: Medlemskap, changed_by: Bruker) -> None:
    """Save a membership from an admin form through the services."""
    if membership.pk is None:
        saved = membership_add(
            user=membership.user,
            tjeneste=membership.tjeneste,
            rolle=membership.rolle,
            changed_by=changed_by,
        )
        # The admin goes on to log and link the object it believes it saved.
        membership.pk, membership.created_at = saved.pk, saved.created_at
        membership._state.adding = False
        return
    stored = Medlemskap.objects.select_related("user", "tjeneste").get(pk=membership.pk)
    membership_change(
        membership=stored,
        user=membership.user,
        tjeneste=membership.tjeneste,
        rolle=membership.rolle,
        changed_by=changed_by,
    )


class BrukerCreationForm(forms.ModelForm):
    """A new account has no password: the person sets one from the e-mail sent to them."""

    class Meta:
        model = Bruker
        fields = ["username", "first_name", "last_name", "email"]
        field_classes = {"username": UsernameField}

    def clean(self):
        cleaned_data = super().clean()
        _refuse_posted_rights(self)
        return cleaned_data

    def save(self, commit=True):
        user = super().save(commit=False)
        user.set_unusable_password()
        if commit:
            user.save()
        return user


class BrukerChangeForm(forms.ModelForm):
    # The administrator using the form; BrukerAdmin.get_form sets it for each request.
    acting_user: Bruker | None = None

    class Meta:
        model = Bruker
        fields = ["username", "first_name", "last_name", "email", *Rolleflagg.values]
        field_classes = {"username": UsernameField}
        labels = {flag.value: flag.label for flag in Rolleflagg}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_own_account:
            for name in Rolleflagg.values:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = OWN_ROLES_HELP

    @property
    def is_own_account(self) -> bool:
        return (
            self.acting_user is not None
            and self.instance.pk is not None
            and self.instance.pk == self.acting_user.pk
        )

    def clean_email(self):
        email = self.cleaned_data["email"]
        stored = self.instance
        if (
            not self.is_own_account
            and stored.pk is not None
            and stored.has_usable_password()
            and email.casefold() != stored.email.casefold()
        ):
            raise ValidationError(EMAIL_OF_ACCOUNT_IN_USE)
        return email

    def clean(self):
        cleaned_data = super().clean()
        _refuse_posted_rights(self)
        if self.is_own_account and self._own_flags_posted_changed():
            raise ValidationError(OWN_ROLES_REFUSED)
        return cleaned_data

    def _own_flags_posted_changed(self) -> bool:
        # The flags are disabled on one's own account, so Django keeps the stored values
        # whatever is posted; a posted value that differs is a crafted request.
        for name in Rolleflagg.values:
            key = self.add_prefix(name)
            if name not in self.fields or key not in self.data:
                continue
            if self.fields[name].to_python(self.data.get(key)) != self.initial.get(name):
                return True
        return False


class MedlemskapInlineFormSet(BaseInlineFormSet):
    # The administrator using the form; MedlemskapInline.get_formset sets it for each request.
    acting_user: Bruker | None = None

    def clean(self):
        super().clean()
        own = self.acting_user is not None and self.instance.pk == self.acting_user.pk
        if own and self._rows_posted():
            raise ValidationError(OWN_ROLES_REFUSED)

    def _rows_posted(self) -> bool:
        # On one's own account the rows are view-only and post no editable field.
        editable = {"tjeneste", "rolle", "DELETE"}
        return any(
            key.startswith(f"{self.prefix}-") and key.rsplit("-", 1)[-1] in editable
            for key in self.data
        )


class MedlemskapInline(admin.TabularInline):
    model = Medlemskap
    formset = MedlemskapInlineFormSet
    extra = 1
    autocomplete_fields = ["tjeneste"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.acting_user = request.user  # type: ignore[attr-defined]  # a new class for every call
        return formset

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if _is_own(request, obj) else self.extra

    # ``obj`` is the account the memberships belong to.
    def has_add_permission(self, request, obj):  # type: ignore[override]
        return not _is_own(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _is_own(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _is_own(request, obj) and super().has_delete_permission(request, obj)


@admin.register(Bruker)
class BrukerAdmin(ActingUserFormMixin, UserAdmin):
    form = BrukerChangeForm
    add_form = BrukerCreationForm
    add_form_template = "organisasjon/admin/bruker_add_form.html"
    change_form_template = "organisasjon/admin/bruker_change_form.html"
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
    filter_horizontal = ()
    readonly_fields = ["is_superuser", "last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["username"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (
            _("Roles in the municipality"),
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_bts_coordinator",
                    "is_municipal_leader",
                    "is_superuser",
                ],
                "description": _(
                    "Rights in the services come from the memberships below. Every change "
                    "to roles and memberships is recorded."
                ),
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "first_name", "last_name", "email"]}),
    ]
    actions = ["send_password_email"]

    def get_urls(self):
        # Not UserAdmin's URLs: its password page lets an administrator set anyone's password.
        name = f"{self.opts.app_label}_{self.opts.model_name}_password_email"
        view = self.admin_site.admin_view(require_POST(self.password_email_view))
        return [
            path("<path:object_id>/passord-epost/", view, name=name),
            *admin.ModelAdmin.get_urls(self),
        ]

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Bulk deletion skips the per-account check below; accounts are deleted one by one.
        actions.pop("delete_selected", None)
        return actions

    def has_delete_permission(self, request, obj=None):
        return not _is_own(request, obj) and super().has_delete_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        if str(request.user.pk) == unquote(object_id):
            messages.error(request, OWN_ACCOUNT_DELETE_REFUSED)
            return redirect(reverse("admin:organisasjon_bruker_change", args=[request.user.pk]))
        return super().delete_view(request, object_id, extra_context)

    def save_model(self, request, obj, form, change):
        if change:
            flags = {
                name: form.cleaned_data[name]
                for name in Rolleflagg.values
                if name in form.cleaned_data
            }
            role_flags_set(user=obj, changed_by=request.user, **flags)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Medlemskap:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)
        # Removals first, so a role can be taken away and given again in one save.
        for membership in formset.deleted_objects:
            membership_remove(membership=membership, changed_by=request.user)
        for membership, _changed_fields in formset.changed_objects:
            _membership_save(membership=membership, changed_by=request.user)
        for membership in formset.new_objects:
            _membership_save(membership=membership, changed_by=request.user)
        return None

    def password_email_view(self, request, object_id):
        user = self.get_object(request, unquote(object_id))
        if user is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)  # type: ignore[attr-defined]
        if not self.has_change_permission(request, user):
            raise PermissionDenied
        self._send_password_emails(request, [user])
        return redirect(reverse("admin:organisasjon_bruker_change", args=[user.pk]))

    @admin.action(description=_("Send e-mail to set a password"), permissions=["change"])
    def send_password_email(self, request, queryset):
        self._send_password_emails(request, queryset)

    def _send_password_emails(self, request, users) -> None:
        sent: list[str] = []
        not_sent: list[str] = []
        for user in users:
            (sent if password_email_send(user=user) else not_sent).append(str(user))
        if sent:
            messages.success(
                request,
                _("E-mail to set a password sent to: %(users)s.") % {"users": ", ".join(sent)},
            )
        if not_sent:
            messages.warning(
                request,
                _("No e-mail sent to %(users)s: the account is inactive or has no address.")
                % {"users": ", ".join(not_sent)},
            )


@admin.register(Tjeneste)
class TjenesteAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "phone", "email", "is_partner", "is_active"]
    list_filter = ["sector", "is_partner", "is_active"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


class MedlemskapAdminForm(forms.ModelForm):
    # The administrator using the form; MedlemskapAdmin.get_form sets it for each request.
    acting_user: Bruker | None = None

    class Meta:
        model = Medlemskap
        fields = ["user", "tjeneste", "rolle"]

    def clean(self):
        super().clean()
        cleaned_data = self.cleaned_data
        user = cleaned_data.get("user")
        if self.acting_user is not None and user is not None and user.pk == self.acting_user.pk:
            raise ValidationError(OWN_ROLES_REFUSED)
        return cleaned_data


@admin.register(Medlemskap)
class MedlemskapAdmin(ActingUserFormMixin):
    form = MedlemskapAdminForm
    list_display = ["user", "tjeneste", "rolle", "created_at"]
    list_filter = ["rolle", "tjeneste"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "tjeneste__name"]
    autocomplete_fields = ["user", "tjeneste"]
    # Bulk deletion would bypass the services, their checks and the record.
    actions = None

    def has_change_permission(self, request, obj=None):
        own = obj is not None and obj.user_id == request.user.pk
        return not own and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        own = obj is not None and obj.user_id == request.user.pk
        return not own and super().has_delete_permission(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id is not None and self._is_own(request, object_id):
            messages.error(request, OWN_ROLES_REFUSED)
            return redirect(request.path)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        if self._is_own(request, object_id):
            messages.error(request, OWN_ROLES_REFUSED)
            return redirect(reverse("admin:organisasjon_medlemskap_change", args=[object_id]))
        return super().delete_view(request, object_id, extra_context)

    def _is_own(self, request, object_id) -> bool:
        membership = self.get_object(request, unquote(object_id))
        return membership is not None and membership.user_id == request.user.pk

    def save_model(self, request, obj, form, change):
        _membership_save(membership=obj, changed_by=request.user)

    def delete_model(self, request, obj):
        membership_remove(membership=obj, changed_by=request.user)
