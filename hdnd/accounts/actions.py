"""Pages for back-office actions beyond a record's edit form (adopt, advance, attach, follow up),
shared by every app: a one-form page, a page listing related records with a form to add one, and
the spreadsheet import page with its template."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from hdnd.core.spreadsheets import ImportRefused, template_workbook

from .viewsets import forbidden


def _labels_capitalised(form):
    """Form labels often reuse a model's lowercase verbose names; a label starts a line."""
    if form is not None:
        for field in form.fields.values():
            field.label = capfirst(field.label)
    return form


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
        "form": _labels_capitalised(form),
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
        request,
        "core/related_records.html",
        {"object": obj, "rows": rows(), "form": _labels_capitalised(form), **context},
    )


ENCODING_CHOICES = [
    ("auto", _("Detect (UTF-8, otherwise Windows-1258)")),
    ("utf-8", "UTF-8"),
    ("cp1258", _("Windows-1258 (Vietnamese)")),
    ("cp1252", _("Windows-1252 (Western)")),
]


class ImportForm(forms.Form):
    """The file to import; apps add the record it goes into (a council, a session)."""

    file = forms.FileField(label=_("File (XLSX or CSV)"))
    encoding = forms.ChoiceField(
        label=_("Encoding of a CSV file"),
        choices=ENCODING_CHOICES,
        initial="auto",
        help_text=_("Only for CSV files saved by older tools; Excel files need no choice."),
    )


def import_page(request, form, *, run, title, explanation, template_url, back_url):
    """Checks the uploaded file and imports it all, or lists every problem and imports nothing.
    `run(cleaned_data)` calls the import service and returns (created, skipped)."""
    errors, total = [], 0
    if request.method == "POST" and form.is_valid():
        try:
            created, skipped = run(form.cleaned_data)
        except ImportRefused as refused:
            errors, total = refused.errors, refused.total
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            message = _("Imported %(created)s rows.") % {"created": created}
            if skipped:
                message += " " + _("%(skipped)s rows were already there and were skipped.") % {"skipped": skipped}
            messages.success(request, message)
            return redirect(back_url)
    context = {
        "page_title": title,
        "form": _labels_capitalised(form),
        "explanation": explanation,
        "template_url": template_url,
        "back_url": back_url,
        "errors": errors,
        "total": total,
    }
    return TemplateResponse(request, "core/import_form.html", context)


def template_response(columns, title, filename):
    response = HttpResponse(
        template_workbook(columns, title),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
