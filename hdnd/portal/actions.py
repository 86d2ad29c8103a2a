"""Back-office actions of the portal: drafting a news article from a briefing."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from hdnd.accounts.actions import action_form_page, add_errors
from hdnd.accounts.permissions import can_edit_council, can_view_council
from hdnd.accounts.viewsets import forbidden
from hdnd.reports.models import Briefing

from . import services


def article_from_briefing(request, pk):
    briefing = get_object_or_404(Briefing.objects.select_related("council"), pk=pk)
    if not can_view_council(request.user, briefing.council):
        return forbidden(request) if request.user.is_authenticated else redirect("wagtailadmin_login")
    if not can_edit_council(request.user, briefing.council):
        return forbidden(request)
    form = forms.Form(request.POST or None)
    if request.method == "POST":
        try:
            article = services.article_draft_from_briefing(actor=request.user, briefing=briefing)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return redirect("wagtailadmin_pages:edit", article.pk)
    return action_form_page(
        request,
        briefing,
        form,
        title=_("Draft the news article"),
        submit_label=_("Draft the article"),
        back_url=reverse("briefing:edit", args=[briefing.pk]),
        icon="doc-full",
        explanation=_(
            "The draft opens with the briefing's date, chairs and participants, gives the figures as they stood "
            "in words, and ends with the conclusions. It is not published: edit it, then a leader publishes it."
        ),
    )
