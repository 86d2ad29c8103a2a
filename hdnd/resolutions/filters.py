import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from hdnd.councils.filters import readable_councils, readable_terms

from .models import Field, Kind, Resolution, Status


class ResolutionFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    term = django_filters.ModelChoiceFilter(label=_("term"), queryset=readable_terms)
    year = django_filters.NumberFilter(label=_("year"), field_name="year")
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=Kind.choices)
    field = django_filters.ChoiceFilter(label=_("field"), choices=Field.choices)
    status = django_filters.ChoiceFilter(label=_("status"), choices=Status.choices)
    in_force = django_filters.ChoiceFilter(
        label=_("in force today"),
        choices=[("yes", _("In force")), ("no", _("No longer in force"))],
        method="filter_in_force",
    )

    class Meta:
        model = Resolution
        fields = ["council", "term", "year", "kind", "field", "status", "in_force"]

    def filter_in_force(self, queryset, name, value):
        today = timezone.localdate()
        if value == "yes":
            return queryset.in_force_on(today)
        if value == "no":
            return queryset.ended_on(today)
        return queryset
