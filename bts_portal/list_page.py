"""A staff list with its form on the same page: the form adds an item, or edits the one the
address names."""

from django.contrib import messages
from django.shortcuts import redirect, render


def list_with_form(request, form_class, instance, *, template, context, saved, then):
    """Save a valid form, say ``saved`` and go back to ``then``; otherwise show the list with
    the form (400 where a posted form was refused). ``instance`` is the item being edited,
    or None to add one."""
    form = form_class(request.POST or None, instance=instance)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, saved)
            return redirect(then)
        status = 400
    return render(request, template, {**context, "form": form, "editing": instance}, status=status)
