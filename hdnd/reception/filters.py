import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from hdnd.accounts.scoping import CHANGE, scope_queryset
from hdnd.councils.filters import readable_councils
from hdnd.councils.models import Council

from .models import Case, CaseKind, Handling, ReceptionSchedule


def editable_councils(request):
    return scope_queryset(Council.objects.select_related("unit"), request.user, CHANGE, council_path="")


class ScheduleFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    month = django_filters.CharFilter(label=_("month (mm/yyyy)"), method="filter_month")

    class Meta:
        model = ReceptionSchedule
        fields = ["council", "month", "is_published"]

    def filter_month(self, queryset, name, value):
        month, _sep, year = (value or "").strip().partition("/")
        if not (month.isdigit() and year.isdigit()):
            return queryset.none()
        return queryset.filter(day__month=int(month), day__year=int(year))


class CaseFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=editable_councils)
    kind = django_filters.ChoiceFilter(label=_("kind of case"), choices=CaseKind.choices)
    handling = django_filters.ChoiceFilter(label=_("handling"), choices=Handling.choices)
    year = django_filters.NumberFilter(label=_("year"))

    class Meta:
        model = Case
        fields = ["council", "kind", "handling", "year"]
