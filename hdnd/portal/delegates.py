"""The portal's directory of delegates: a council's delegates in office, by constituency, delegate
group or committee, each with their positions and the days they receive citizens. Only what a
delegate's public role makes public: no date of birth, no contact details."""

import datetime
from collections import defaultdict

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from hdnd.councils.models import Body, Delegate, Membership
from hdnd.reception.models import ReceptionSchedule

from .common import portal_home
from .models import portal_context

GROUPINGS = {
    "don-vi-bau-cu": _("By constituency"),
    "to-dai-bieu": _("By delegate group"),
    "ban": _("By committee"),
}


def _day_in_office(council):
    """Today, or the last day of the council's latest term when it has ended (a council of a unit
    merged in 2025 still shows who its delegates were)."""
    today = datetime.date.today()
    term = council.terms.filter(start_date__lte=today).order_by("-start_date").first()
    return min(today, term.end_date) if term and term.end_date else today


def _memberships(delegates, on):
    current = (
        Membership.objects.filter(delegate__in=delegates, start_date__lte=on)
        .exclude(end_date__lt=on)
        .select_related("committee", "delegate_group")
    )
    by_delegate = defaultdict(list)
    for membership in current:
        by_delegate[membership.delegate_id].append(membership)
    return by_delegate


def _group_label(membership):
    if membership.body == Body.COMMITTEE and membership.committee:
        return membership.committee.name
    if membership.body == Body.DELEGATE_GROUP and membership.delegate_group:
        return membership.delegate_group.name
    return None


def delegate_list(request):
    home = portal_home(request)
    councils = list(home.portal_councils().select_related("unit").order_by("unit__level_rank", "unit__code"))
    try:
        council = next(c for c in councils if c.pk == int(request.GET.get("hdnd") or home.council_id))
    except (StopIteration, ValueError):
        council = home.council
    grouping = request.GET.get("theo") if request.GET.get("theo") in GROUPINGS else "don-vi-bau-cu"
    on = _day_in_office(council)
    delegates = list(
        Delegate.objects.in_office(council=council, on=on)
        .select_related("person", "constituency")
        .order_by("constituency__number", "person__full_name")
    )
    memberships = _memberships(delegates, on)
    groups = defaultdict(list)
    for delegate in delegates:
        delegate.current_memberships = memberships[delegate.pk]
        if grouping == "don-vi-bau-cu":
            groups[str(delegate.constituency)].append(delegate)
            continue
        body = Body.DELEGATE_GROUP if grouping == "to-dai-bieu" else Body.COMMITTEE
        labels = [_group_label(m) for m in delegate.current_memberships if m.body == body]
        for label in [label for label in labels if label] or [str(_("Not in one"))]:
            groups[label].append(delegate)
    return TemplateResponse(
        request,
        "portal/delegates/list.html",
        {
            **portal_context(home, request),
            "current": "delegates",
            "councils": councils,
            "council": council,
            "groupings": GROUPINGS,
            "grouping": grouping,
            "groups": sorted(groups.items(), key=lambda item: (item[0] == str(_("Not in one")), item[0])),
            "count": len(delegates),
            "on": on,
        },
    )


def delegate_detail(request, pk):
    home = portal_home(request)
    delegate = get_object_or_404(
        Delegate.objects.filter(council__in=home.portal_councils()).select_related(
            "person", "council", "term", "constituency"
        ),
        pk=pk,
    )
    on = _day_in_office(delegate.council)
    schedules = (
        ReceptionSchedule.objects.filter(delegates=delegate, is_published=True)
        .order_by("-day")
        .prefetch_related("delegates__person")[:12]
    )
    return TemplateResponse(
        request,
        "portal/delegates/detail.html",
        {
            **portal_context(home, request),
            "current": "delegates",
            "delegate": delegate,
            "memberships": _memberships([delegate], on)[delegate.pk],
            "schedules": schedules,
            "today": datetime.date.today(),
        },
    )
