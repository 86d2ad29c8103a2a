"""The lines of the figures table, in the order a report reads them: (figure, breakdown key, label)."""

from django.utils.translation import gettext_lazy as _

from hdnd.councils.models import Level

ROWS = [
    ("sessions", None, _("Sessions")),
    ("sessions", "regular", _("regular sessions")),
    ("sessions", "thematic", _("thematic sessions")),
    ("sessions", "urgent", _("sessions for urgent matters")),
    ("resolutions", None, _("Resolutions adopted")),
    ("resolutions", "normative", _("normative resolutions")),
    ("resolutions", "individual", _("individual resolutions")),
    ("missions", "thematic", _("Thematic supervisions")),
    ("missions", "petitions", _("Supervisions of complaints and voter petitions")),
    ("missions", "survey", _("Surveys")),
    ("recommendations", None, _("Recommendations made")),
    ("recommendations", "done", _("recommendations done")),
    ("recommendations", "overdue", _("recommendations overdue")),
    ("questioning", None, _("Questions in questioning")),
    ("hearings", None, _("Accountability hearings")),
    ("voter_meetings", None, _("Voter meetings")),
    ("voters", None, _("Voters attending")),
    ("petitions", None, _("Voter petitions received")),
    ("petitions", "answered", _("petitions answered")),
    ("petitions", "overdue", _("petitions overdue")),
    ("reception_days", None, _("Citizen reception days")),
    ("cases", None, _("Cases received")),
    ("cases", "complaint", _("complaints")),
    ("cases", "denunciation", _("denunciations")),
    ("cases", "petition", _("petitions")),
    ("cases", "feedback", _("feedback")),
]

LEVEL_LABELS = {
    Level.PROVINCE: _("Province level"),
    Level.DISTRICT: _("District level"),
    Level.COMMUNE: _("Commune level"),
}


def table(report):
    """[(figure, key, label, [value per level], total)] for the report's levels."""
    lines = []
    for name, key, label in ROWS:
        values = [report.get(level, name)[key] if key else report.get(level, name).total for level in report.levels]
        lines.append((name, key, label, values, sum(values)))
    return lines
