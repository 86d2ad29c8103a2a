"""The report screen: choose a council, a period and whether the councils beneath count; read the
narrative and the figures by level, each a link to the records behind it; download the report."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateInput

from hdnd.accounts.scoping import CHANGE, VIEW, scope_queryset
from hdnd.core.documents import document_response
from hdnd.councils.models import Council

from . import exports
from .charts import charts
from .narrative import narrative
from .rows import LEVEL_LABELS, ROWS, table
from .statistics import FIGURES, LEVELS, Scope, figures, records

PERIODS = [
    ("custom", gettext_lazy("The dates below")),
    ("6", gettext_lazy("First 6 months")),
    ("9", gettext_lazy("First 9 months")),
    ("10", gettext_lazy("First 10 months")),
    ("12", gettext_lazy("The whole year")),
]
#: Figures with a total line above their breakdown, which is then indented under it.
HEADED = {name for name, key, _label in ROWS if key is None}
#: Records that hold personal data are listed only to those who may read them.
PERSONAL = {"cases"}


def _month_end(year, month):
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


class ReportForm(forms.Form):
    council = forms.ModelChoiceField(label=gettext_lazy("council"), queryset=Council.objects.none())
    period = forms.ChoiceField(label=gettext_lazy("period"), choices=PERIODS, initial="custom")
    year = forms.IntegerField(label=gettext_lazy("year"), min_value=1990, max_value=2100, required=False)
    start = forms.DateField(label=gettext_lazy("from"), widget=AdminDateInput, required=False)
    end = forms.DateField(label=gettext_lazy("to"), widget=AdminDateInput, required=False)
    beneath = forms.BooleanField(label=gettext_lazy("with every council beneath"), required=False, initial=True)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["council"].queryset = scope_queryset(
            Council.objects.select_related("unit"), user, VIEW, council_path=""
        ).order_by("unit__level_rank", "unit__code")
        for field in self.fields.values():
            field.label = capfirst(field.label)

    def clean(self):
        data = super().clean()
        period = data.get("period")
        if period and period != "custom":
            year = data.get("year")
            if not year:
                raise ValidationError({"year": _("Enter the year of the period.")})
            data["start"], data["end"] = datetime.date(year, 1, 1), _month_end(year, int(period))
        elif not (data.get("start") and data.get("end")):
            raise ValidationError(_("Enter both dates of the period, or choose a period and its year."))
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise ValidationError({"end": _("The end date cannot be before the start date.")})
        return data

    def scope(self):
        data = self.cleaned_data
        return Scope(data["council"], data["start"], data["end"], beneath=data["beneath"])


def _query(request):
    query = request.GET.copy()
    for key in ("figure", "level", "key", "export", "p"):
        query.pop(key, None)
    return query.urlencode()


def report(request):
    form = ReportForm(request.GET or None, user=request.user)
    context = {"form": form, "page_title": _("Reports")}
    if form.is_bound and form.is_valid():
        scope = form.scope()
        result = figures(scope)
        paragraphs = narrative(result)
        extension = request.GET.get("export")
        if extension in ("docx", "pdf"):
            document = exports.report_document(result, paragraphs)
            return document_response(document, extension, exports.file_name(result, extension))
        if extension == "xlsx":
            return exports.workbook_response(result)
        query = _query(request)
        records_url = reverse("report:records")

        def link(name, key, level, value):
            if not value:
                return (value, "")
            params = f"figure={name}&key={key or ''}&level={level or ''}"
            return (value, f"{records_url}?{query}&{params}")

        lines = [
            {
                "label": label,
                "sub": bool(key) and name in HEADED,
                "cells": [link(name, key, level, v) for level, v in zip(result.levels, values, strict=True)],
                "total": link(name, key, None, total),
            }
            for name, key, label, values, total in table(result)
        ]
        context.update(
            {
                "report": result,
                "paragraphs": paragraphs,
                "levels": [LEVEL_LABELS[level] for level in result.levels],
                "lines": lines,
                "query": query,
                "charts": charts(result),
            }
        )
    return TemplateResponse(request, "reports/report.html", context)


def _record_url(obj):
    try:
        return reverse(f"{obj._meta.model_name}:inspect", args=[obj.pk])
    except NoReverseMatch:
        return ""


def _without_page(request):
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()


def report_records(request):
    """The records behind one figure of the report."""
    form = ReportForm(request.GET or None, user=request.user)
    name, level, key = request.GET.get("figure"), request.GET.get("level") or None, request.GET.get("key") or None
    if name not in FIGURES or (level and level not in LEVELS) or not form.is_valid():
        raise Http404
    queryset = records(form.scope(), name, level, key).select_related("council")
    if name in PERSONAL:
        queryset = scope_queryset(queryset, request.user, CHANGE)
    label = next((str(lbl) for fig, k, lbl in ROWS if fig == name and k == key), name)
    page = Paginator(queryset.order_by("council__unit__level_rank", "council__unit__code", "pk"), 50).get_page(
        request.GET.get("p")
    )
    rows = [{"label": str(obj), "council": obj.council, "url": _record_url(obj)} for obj in page]
    context = {
        "page_title": capfirst(label),
        "rows": rows,
        "page": page,
        "back_url": reverse("report:index") + "?" + _query(request),
        "query": _without_page(request),
        "personal": name in PERSONAL,
        "level_label": LEVEL_LABELS.get(level, ""),
    }
    return TemplateResponse(request, "reports/records.html", context)


class ReportViewSet(ViewSet):
    name = "report"
    url_prefix = "bao-cao"
    icon = "table"
    menu_label = pgettext_lazy("menu", "Reports")  # Wagtail has a "Reports" menu of its own
    menu_order = 260
    add_to_admin_menu = True

    def get_urlpatterns(self):
        return [path("", report, name="index"), path("ho-so/", report_records, name="records")]
