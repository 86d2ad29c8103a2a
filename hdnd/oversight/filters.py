import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from hdnd.councils.filters import readable_councils

from .models import Mission, MissionKind, MissionStatus, Recommendation, RecommendationStatus


class MissionFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=MissionKind.choices)
    status = django_filters.ChoiceFilter(label=_("status"), choices=MissionStatus.choices)

    class Meta:
        model = Mission
        fields = ["council", "kind", "status"]


class RecommendationFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    status = django_filters.ChoiceFilter(label=_("status"), choices=RecommendationStatus.choices)
    overdue = django_filters.BooleanFilter(label=_("overdue"), method="filter_overdue")

    class Meta:
        model = Recommendation
        fields = ["council", "status", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Recommendation.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)
