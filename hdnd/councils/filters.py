"""List filters of the organisation screens; choice lists show only what the user may read."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from hdnd.accounts.scoping import VIEW, scope_queryset

from .models import (
    AdministrativeUnit,
    Body,
    Committee,
    CommitteeKind,
    Constituency,
    Council,
    Delegate,
    DelegateGroup,
    Level,
    Membership,
    Person,
    Position,
    Term,
    UnitKind,
)


def readable_councils(request):
    if request is None:
        return Council.objects.none()
    return scope_queryset(Council.objects.with_unit(), request.user, VIEW, council_path="")


def readable_terms(request):
    if request is None:
        return Term.objects.none()
    return scope_queryset(Term.objects.select_related("council"), request.user, VIEW)


class AdministrativeUnitFilterSet(WagtailFilterSet):
    level = django_filters.ChoiceFilter(label=_("level"), choices=Level.choices)
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=UnitKind.choices)
    valid_on = django_filters.DateFilter(label=_("valid on"), method="filter_valid_on")

    class Meta:
        model = AdministrativeUnit
        fields = ["level", "kind"]

    def filter_valid_on(self, queryset, name, value):
        return queryset.valid_on(value) if value else queryset


class CouncilFilterSet(WagtailFilterSet):
    level = django_filters.ChoiceFilter(label=_("level"), choices=Level.choices, field_name="unit__level")

    class Meta:
        model = Council
        fields = ["level"]


class CouncilOwnedFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    term = django_filters.ModelChoiceFilter(label=_("term"), queryset=readable_terms)


class TermFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)

    class Meta:
        model = Term
        fields = ["council"]


class CommitteeFilterSet(CouncilOwnedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=CommitteeKind.choices)

    class Meta:
        model = Committee
        fields = ["council", "term", "kind"]


class ConstituencyFilterSet(CouncilOwnedFilterSet):
    class Meta:
        model = Constituency
        fields = ["council", "term"]


class DelegateGroupFilterSet(CouncilOwnedFilterSet):
    class Meta:
        model = DelegateGroup
        fields = ["council", "term"]


class PersonFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)

    class Meta:
        model = Person
        fields = ["council", "gender"]


class DelegateFilterSet(CouncilOwnedFilterSet):
    in_office_on = django_filters.DateFilter(label=_("in office on"), method="filter_in_office_on")

    class Meta:
        model = Delegate
        fields = ["council", "term", "full_time"]

    def filter_in_office_on(self, queryset, name, value):
        return queryset.in_office_on(value) if value else queryset


class MembershipFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(
        label=_("council"), queryset=readable_councils, field_name="delegate__council"
    )
    body = django_filters.ChoiceFilter(label=_("body"), choices=Body.choices)
    position = django_filters.ChoiceFilter(label=_("position"), choices=Position.choices)
    current_on = django_filters.DateFilter(label=_("current on"), method="filter_current_on")

    class Meta:
        model = Membership
        fields = ["council", "body", "position"]

    def filter_current_on(self, queryset, name, value):
        return queryset.current_on(value) if value else queryset
