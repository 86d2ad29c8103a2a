"""The minutes (biên bản) of a session, generated from its record, as DOCX and PDF."""

from django.utils.translation import gettext as _

from hdnd.core.dates import vn_date
from hdnd.core.documents import AdministrativeDocument, Paragraph, Signature
from hdnd.councils.models import Body, Membership, Position
from hdnd.councils.services import unit_title

from .models import AttendanceStatus


def _chair(session):
    chair = (
        Membership.objects.current_on(session.start)
        .filter(delegate__council=session.council, body=Body.STANDING_COMMITTEE, position=Position.CHAIR)
        .select_related("delegate__person")
        .first()
    )
    return chair.delegate.person.full_name if chair else ""


def minutes_document(session):
    council = session.council
    unit = unit_title(council.unit).upper()
    attendance = dict.fromkeys(AttendanceStatus.values, 0)
    for status in session.attendances.values_list("status", flat=True):
        attendance[status] += 1
    total = session.delegates_in_office().count()
    body = [
        Paragraph(lead="I.", text=_("OPENING"), style="heading"),
        Paragraph(
            text=_("The session opened on %(date)s at %(place)s.")
            % {"date": vn_date(session.start), "place": session.place or "—"}
        ),
        Paragraph(lead="II.", text=_("ATTENDANCE"), style="heading"),
        Paragraph(
            text=_(
                "Delegates in office: %(total)s; present: %(present)s; absent with leave: %(excused)s; absent: %(absent)s."
            )
            % {
                "total": total,
                "present": attendance["present"],
                "excused": attendance["excused"],
                "absent": attendance["absent"],
            }
        ),
        Paragraph(lead="III.", text=_("AGENDA AND VOTES"), style="heading"),
    ]
    for item in session.agenda_items.prefetch_related("votes").order_by("order"):
        body.append(Paragraph(lead=f"{item.order}.", text=item.title))
        for vote in item.votes.all():
            verdict = _("passed") if vote.passed else _("not passed")
            body.append(
                Paragraph(
                    text=_(
                        "%(subject)s: %(for)s for, %(against)s against, %(abstain)s did not vote, out of %(total)s delegates in office (%(ballot)s) – %(verdict)s."
                    )
                    % {
                        "subject": vote.subject,
                        "for": vote.votes_for,
                        "against": vote.votes_against,
                        "abstain": vote.votes_abstain,
                        "total": vote.delegates_total,
                        "ballot": vote.get_ballot_display().lower(),
                        "verdict": verdict,
                    }
                )
            )
    body += [
        Paragraph(lead="IV.", text=_("CLOSING"), style="heading"),
        Paragraph(
            text=_("The session closed on %(date)s.") % {"date": vn_date(session.actual_end)}
            if session.actual_end
            else _("The session has not closed yet.")
        ),
    ]
    chair = _chair(session)
    return AdministrativeDocument(
        issuing_body=["HỘI ĐỒNG NHÂN DÂN", unit],
        issuing_body_superior="",
        number="Số:      /BB-HĐND",
        place=council.document_place,
        date=session.actual_end or session.start,
        doc_type="BIÊN BẢN",
        subject=f"Kỳ họp thứ {session.number}, Hội đồng nhân dân {unit_title(council.unit)} khóa {session.term.roman}",
        body=body,
        signature=Signature(on_behalf="", title="CHỦ TỌA KỲ HỌP", name=chair) if chair else None,
        title=f"Biên bản kỳ họp thứ {session.number}",
    )
