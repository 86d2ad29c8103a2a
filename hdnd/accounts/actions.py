"""Pages for back-office actions beyond a record's edit form (adopt, advance, attach, follow up),
shared by every app: a one-form page, and a page listing related records with a form to add one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from .viewsets import forbidden


def add_errors(form, exc):
    """Shows a service's ValidationError on the form: on its fields where it names them."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def action_form_page(request, obj, form, *, title, submit_label, back_url, explanation="", icon=None):
    context = {
        "page_title": title,
        "object": obj,
        "form": form,
        "submit_label": submit_label,
        "explanation": explanation,
        "back_url": back_url,
        "icon": icon,
    }
    return TemplateResponse(request, "core/action_form.html", context)


def related_records_page(request, obj, *, form, save, success, rows, context):
    """A page listing records attached to `obj`, with a form to add one when `form` is given.
    `save(cleaned_data)` calls the service; its ValidationError is shown on the form."""
    if request.method == "POST":
        if form is None:
            return forbidden(request)
        if form.is_valid():
            try:
                save(form.cleaned_data)
            except ValidationError as exc:
                add_errors(form, exc)
            else:
                messages.success(request, success)
                return redirect(request.path)
    return TemplateResponse(
        request, "core/related_records.html", {"object": obj, "rows": rows(), "form": form, **context}
    )
