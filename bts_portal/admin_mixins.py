"""What the portal's admin classes share."""

from django.contrib import admin


class ActingUserFormMixin(admin.ModelAdmin):
    """The admin form knows who is acting (``form.acting_user``), for the services it calls and
    the records they write."""

    def get_form(self, request, obj=None, **kwargs):  # type: ignore[override]
        form = super().get_form(request, obj, **kwargs)
        form.acting_user = request.user  # type: ignore[attr-defined]  # a new class for every call
        return form
