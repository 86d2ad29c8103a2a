"""Writes on sessions: opening one with the next number, moving its status, recording attendance
and votes. Each is audited and all-or-nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from hdnd.core.audit import EDIT, audit, audited_save, audited_update
from hdnd.councils.models import Term

from .models import (
    NEXT_STATUS,
    Attendance,
    AttendanceStatus,
    Ballot,
    Choice,
    Majority,
    Session,
    SessionStatus,
    Vote,
    VoteChoice,
    outcome,
)


def next_session_number(term):
    return (Session.objects.filter(term=term).aggregate(n=Max("number"))["n"] or 0) + 1


def session_create(*, actor, council, term, planned_start, kind="regular", number=None, **fields):
    """Opens a session; without `number` it takes the next one of the term (locking the term row so
    that two secretaries never draw the same number)."""
    with transaction.atomic():
        Term.objects.select_for_update().filter(pk=term.pk).first()
        session = Session(
            council=council,
            term=term,
            kind=kind,
            planned_start=planned_start,
            number=number or next_session_number(term),
            **fields,
        )
        return audited_save(session, actor=actor, created=True)


#: What an edit may change; the number, term and status move by their own steps.
SESSION_EDITABLE = frozenset({"kind", "title", "planned_start", "planned_end", "place", "is_public"})


def session_update(*, actor, session, **values):
    """Changes the session's particulars (`SESSION_EDITABLE`), checked by the model's rules."""
    unknown = set(values) - SESSION_EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        return audited_update(session, actor=actor, values=values)


def session_advance(*, actor, session, on=None):
    """Moves the session one step forward: planned → convened → in progress → closed."""
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if session.status not in NEXT_STATUS:
            raise ValidationError(_("The session is closed: its status cannot change any more."))
        old = session.get_status_display()
        session.status = NEXT_STATUS[session.status]
        if session.status == SessionStatus.IN_PROGRESS and not session.actual_start:
            session.actual_start = on or session.planned_start
        if session.status == SessionStatus.CLOSED and not session.actual_end:
            session.actual_end = on or session.planned_end or session.actual_start
        changes = [
            {
                "field": str(Session._meta.get_field("status").verbose_name),
                "old": str(old),
                "new": str(session.get_status_display()),
            }
        ]
        return audited_save(session, actor=actor, created=False, changes=changes)


def _refuse_if_closed(session):
    if session.status == SessionStatus.CLOSED:
        raise ValidationError(_("The session is closed: its record can no longer be changed."))


def attendance_record(*, actor, session, statuses):
    """Records who attended: `statuses` maps each delegate in office to present / excused / absent.
    Every delegate in office on the session's first day must be given, and nobody else."""
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        return _attendance_record_locked(actor, session, statuses)


def _attendance_record_locked(actor, session, statuses):
    _refuse_if_closed(session)
    in_office = {d.pk: d for d in session.delegates_in_office()}
    given = {getattr(d, "pk", d): s for d, s in statuses.items()}
    strangers = set(given) - set(in_office)
    if strangers:
        raise ValidationError(_("Only delegates in office on the session's first day can be recorded."))
    missing = [in_office[pk] for pk in in_office if pk not in given]
    if missing:
        raise ValidationError(
            _("Record the attendance of every delegate; missing: %(names)s.")
            % {"names": ", ".join(map(str, missing[:5]))}
        )
    if any(status not in AttendanceStatus.values for status in given.values()):
        raise ValidationError(_("Attendance must be present, absent with leave or absent."))
    Attendance.objects.filter(session=session).delete()
    Attendance.objects.bulk_create(Attendance(session=session, delegate_id=pk, status=s) for pk, s in given.items())
    counts = {s: list(given.values()).count(s) for s in AttendanceStatus.values}
    audit(
        session,
        EDIT,
        actor=actor,
        changes=[
            {
                "field": _("attendance"),
                "old": "—",
                "new": _("%(present)s present, %(excused)s absent with leave, %(absent)s absent")
                % {"present": counts["present"], "excused": counts["excused"], "absent": counts["absent"]},
            }
        ],
    )
    return counts


def _present_delegates(session):
    return set(session.attendances.filter(status=AttendanceStatus.PRESENT).values_list("delegate_id", flat=True))


def vote_record(
    *,
    actor,
    agenda_item,
    subject,
    ballot=Ballot.OPEN,
    majority=Majority.HALF,
    choices=None,
    votes_for=None,
    votes_against=None,
    votes_abstain=None,
):
    """Records a vote. Open ballot: `choices` maps present delegates to for / against / did not vote
    (a present delegate left out did not vote). Secret ballot: the three totals. The outcome is
    computed against all delegates in office that day."""
    with transaction.atomic():
        # Lock the session: it cannot close while a vote is being recorded on it.
        session = Session.objects.select_for_update().get(pk=agenda_item.session_id)
        return _vote_record_locked(
            actor, agenda_item, session, subject, ballot, majority, choices, votes_for, votes_against, votes_abstain
        )


def _vote_record_locked(
    actor, agenda_item, session, subject, ballot, majority, choices, votes_for, votes_against, votes_abstain
):
    if session.status != SessionStatus.IN_PROGRESS:
        if session.status == SessionStatus.CLOSED:
            raise ValidationError(_("The session is closed: no vote can be recorded on it."))
        raise ValidationError(_("Votes are recorded while the session is in progress."))
    held_on = session.actual_start or session.planned_start
    total = session.delegates_in_office().count()
    present = _present_delegates(session)
    if not present:
        raise ValidationError(_("Record the attendance before the votes."))

    if ballot == Ballot.OPEN:
        given = {getattr(d, "pk", d): c for d, c in (choices or {}).items()}
        absentees = set(given) - present
        if absentees:
            raise ValidationError(_("Only delegates present at the session can vote; absent delegates cannot."))
        if any(c not in Choice.values for c in given.values()):
            raise ValidationError(_("Each choice must be for, against or did not vote."))
        votes_for = sum(1 for c in given.values() if c == Choice.FOR)
        votes_against = sum(1 for c in given.values() if c == Choice.AGAINST)
        votes_abstain = len(present) - votes_for - votes_against
    else:
        if None in (votes_for, votes_against, votes_abstain):
            raise ValidationError(_("Enter the number of votes for, against and not voting."))
        if min(votes_for, votes_against, votes_abstain) < 0:
            raise ValidationError(_("Vote counts cannot be negative."))
        if votes_for + votes_against + votes_abstain != len(present):
            raise ValidationError(
                _("The votes do not add up: %(sum)s votes for %(present)s delegates present.")
                % {"sum": votes_for + votes_against + votes_abstain, "present": len(present)}
            )
    if votes_for + votes_against + votes_abstain > total:
        raise ValidationError(_("The votes cast cannot exceed the %(total)s delegates in office.") % {"total": total})

    vote = audited_save(
        Vote(
            agenda_item=agenda_item,
            subject=subject,
            ballot=ballot,
            majority=majority,
            held_on=held_on,
            delegates_total=total,
            votes_for=votes_for,
            votes_against=votes_against,
            votes_abstain=votes_abstain,
            passed=outcome(votes_for, total, majority),
        ),
        actor=actor,
        created=True,
    )
    if ballot == Ballot.OPEN:
        VoteChoice.objects.bulk_create(
            VoteChoice(vote=vote, delegate_id=pk, choice=given.get(pk, Choice.ABSTAIN)) for pk in present
        )
    return vote


__all__ = ["attendance_record", "session_advance", "session_create", "vote_record"]
