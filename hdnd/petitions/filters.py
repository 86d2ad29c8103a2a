import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from hdnd.councils.filters import readable_councils

from .models import CompetentLevel, PetitionField, PetitionStatus, Timing, VoterMeeting, VoterPetition


class VoterMeetingFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    timing = django_filters.ChoiceFilter(label=_("before or after the session"), choices=Timing.choices)

    class Meta:
        model = VoterMeeting
        fields = ["council", "timing"]


class VoterPetitionFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    status = django_filters.ChoiceFilter(label=_("status"), choices=PetitionStatus.choices)
    field = django_filters.ChoiceFilter(label=_("field"), choices=PetitionField.choices)
    competent_level = django_filters.ChoiceFilter(label=_("competent level"), choices=CompetentLevel.choices)
    waiting = django_filters.BooleanFilter(label=_("carried over from an earlier session"), method="filter_waiting")

    class Meta:
        model = VoterPetition
        fields = ["council", "status", "field", "competent_level", "waiting"]

    def filter_waiting(self, queryset, name, value):
        if value is None:
            return queryset
        waiting = queryset.filter(sessions_waited__gt=0).unanswered().values("pk")
        return queryset.filter(pk__in=waiting) if value else queryset.exclude(pk__in=waiting)
