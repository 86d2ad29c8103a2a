import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from hdnd.councils.filters import readable_councils, readable_terms

from .models import Session, SessionKind, SessionStatus


class SessionFilterSet(WagtailFilterSet):
    council = django_filters.ModelChoiceFilter(label=_("council"), queryset=readable_councils)
    term = django_filters.ModelChoiceFilter(label=_("term"), queryset=readable_terms)
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=SessionKind.choices)
    status = django_filters.ChoiceFilter(label=_("status"), choices=SessionStatus.choices)

    class Meta:
        model = Session
        fields = ["council", "term", "kind", "status"]
