import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from hdnd.councils.filters import readable_councils

from .models import (
    AccountabilityHearing,
    Commitment,
    Mission,
    MissionKind,
    MissionStatus,
    ProgrammeKind,
    Questioning,
    Recommendation,
    RecommendationStatus,
    WorkProgramme,
)


class ProgrammeFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=ProgrammeKind.choices)

    class Meta:
        model = WorkProgramme
        fields = ["council", "kind", "year"]


class MissionFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=MissionKind.choices)
    status = django_filters.ChoiceFilter(label=_("status"), choices=MissionStatus.choices)
    mine = django_filters.BooleanFilter(label=_("missions I am a member of"), method="filter_mine")

    class Meta:
        model = Mission
        fields = ["council", "kind", "status", "mine"]

    def filter_mine(self, queryset, name, value):
        if value is None:
            return queryset
        mine = Mission.objects.with_member(self.request.user).values("pk")
        return queryset.filter(pk__in=mine) if value else queryset.exclude(pk__in=mine)


class OverdueFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    status = django_filters.ChoiceFilter(label=_("status"), choices=RecommendationStatus.choices)
    overdue = django_filters.BooleanFilter(label=_("overdue"), method="filter_overdue")

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Recommendation.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class RecommendationFilterSet(OverdueFilterSet):
    class Meta:
        model = Recommendation
        fields = ["council", "status", "overdue"]


class CommitmentFilterSet(OverdueFilterSet):
    class Meta:
        model = Commitment
        fields = ["council", "status", "overdue"]


class QuestioningFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)

    class Meta:
        model = Questioning
        fields = ["council"]


class HearingFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)

    class Meta:
        model = AccountabilityHearing
        fields = ["council"]
