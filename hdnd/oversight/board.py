"""The follow-up board: every open recommendation and commitment of the councils a user may read —
their own and every council beneath — by responsible body and deadline, overdue first; filtered
by council, mission, topic, body and year; exported to XLSX for the people's committee.

The board reads the same rows whatever their number in a constant number of queries: the summary
by body, the count, and one page (or the whole export) with the latest progress as a subquery."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Case, Count, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce, ExtractYear
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSet

from hdnd.accounts.scoping import VIEW, scope_queryset
from hdnd.core.vntext import fold
from hdnd.councils.models import Council

from .exports import board_workbook_response
from .models import Mission, ProgressReport, Recommendation

PAGE_SIZE = 50
#: What the board shows and exports: not the long texts (reports, conclusions) of the related
#: records, which would make every sorted row kilobytes wide.
SHOWN_FIELDS = (
    "text",
    "responsible_body",
    "deadline",
    "status",
    "council__name",
    "mission__subject",
    "questioning__topic",
    "hearing__topic",
)


def open_items(user, on):
    """Open recommendations and commitments the user may read, annotated for the board."""
    latest = ProgressReport.objects.filter(recommendation=OuterRef("pk")).order_by("-reported_on", "-pk")
    return (
        scope_queryset(Recommendation.objects.still_open(), user, VIEW)
        .annotate(
            late=Case(When(deadline__lt=on, then=1), default=0),
            origin_on=Coalesce(
                "mission__decision_date", "mission__planned_start", "questioning__asked_on", "hearing__held_on"
            ),
            latest_progress=Subquery(latest.values("text")[:1]),
            latest_progress_on=Subquery(latest.values("reported_on")[:1]),
        )
        .select_related("council", "mission", "questioning", "hearing")
        .only(*SHOWN_FIELDS)
    )


class BoardFilterForm(forms.Form):
    council = forms.ModelChoiceField(label=gettext_lazy("council"), queryset=Council.objects.none(), required=False)
    mission = forms.ModelChoiceField(
        label=gettext_lazy("mission"),
        queryset=Mission.objects.none(),
        required=False,
        help_text=gettext_lazy("Choose a council first."),
    )
    topic = forms.CharField(label=gettext_lazy("topic"), required=False, max_length=200)
    body = forms.ChoiceField(label=gettext_lazy("responsible body"), required=False)
    year = forms.IntegerField(label=gettext_lazy("year"), required=False, min_value=1990, max_value=2100)

    def __init__(self, data, *, user, items):
        super().__init__(data)
        councils = scope_queryset(Council.objects.select_related("unit"), user, VIEW, council_path="")
        self.fields["council"].queryset = councils.order_by("unit__level_rank", "unit__code")
        council_id = self.data.get("council")
        if council_id and str(council_id).isdigit():
            self.fields["mission"].queryset = Mission.objects.filter(
                council_id=council_id, council__in=councils, pk__in=items.values("mission_id")
            ).distinct()
            items = items.filter(council_id=council_id)
        bodies = items.order_by("responsible_body").values_list("responsible_body", flat=True).distinct()
        self.fields["body"].choices = [("", _("All bodies")), *[(b, b) for b in bodies]]
        for field in self.fields.values():
            field.label = capfirst(field.label)

    def apply(self, items):
        """Applies the valid filters; a council outside the user's reach shows nothing."""
        if not self.is_bound:
            return items
        self.is_valid()
        if "council" in self.errors:
            return items.none()
        data = {name: self.cleaned_data.get(name) for name in self.fields}
        if data["council"]:
            items = items.filter(council=data["council"])
        if data["mission"]:
            items = items.filter(mission=data["mission"])
        if data["topic"]:
            folded = fold(data["topic"])
            items = items.filter(
                Q(mission__search_text__contains=folded)
                | Q(questioning__search_text__contains=folded)
                | Q(hearing__search_text__contains=folded)
            )
        if data["body"]:
            items = items.filter(responsible_body=data["body"])
        if data["year"]:
            items = items.annotate(origin_year=ExtractYear("origin_on")).filter(origin_year=data["year"])
        return items


def by_body(items):
    """Open and overdue counts per responsible body, the bodies with most overdue first."""
    return list(
        items.order_by()
        .values("responsible_body")
        .annotate(total=Count("pk"), overdue=Count("pk", filter=Q(late=1)))
        .order_by("-overdue", "-total", "responsible_body")
    )


def source_label(item):
    if item.mission_id:
        return _("Mission: %(subject)s") % {"subject": item.mission.subject}
    if item.questioning_id:
        return _("Questioning: %(topic)s") % {"topic": item.questioning.topic}
    return _("Accountability hearing: %(topic)s") % {"topic": item.hearing.topic}


def follow_up_board(request):
    today = timezone.localdate()
    items = open_items(request.user, today)
    form = BoardFilterForm(request.GET or None, user=request.user, items=items)
    items = form.apply(items)
    if request.GET.get("export") == "xlsx":
        rows = items.order_by("responsible_body", "-late", "deadline", "pk")
        council = form.cleaned_data.get("council") if form.is_bound else None
        return board_workbook_response(rows, on=today, council=council, source_label=source_label)
    page = Paginator(items.order_by("-late", "deadline", "responsible_body", "pk"), PAGE_SIZE).get_page(
        request.GET.get("p")
    )
    for item in page:
        item.source = source_label(item)
        item.url = reverse(f"{'recommendation' if item.mission_id else 'commitment'}:progress", args=[item.pk])
        item.days_late = (today - item.deadline).days if item.late else 0
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("export", None)
    context = {
        "form": form,
        "page": page,
        "bodies": by_body(items),
        "today": today,
        "query": query.urlencode(),
        "export_query": (query.urlencode() + "&" if query else "") + "export=xlsx",
    }
    return TemplateResponse(request, "oversight/board.html", context)


class FollowUpBoardViewSet(ViewSet):
    name = "followup"
    url_prefix = "theo-doi-kien-nghi"
    icon = "warning"
    menu_label = gettext_lazy("Follow-up board")

    def get_urlpatterns(self):
        return [path("", follow_up_board, name="index")]
