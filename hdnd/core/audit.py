"""The audit log: who did what to which record, and what changed.

Entries are Wagtail log entries (ModelLogEntry), so they appear on each record's history screen
and in the site-wide history report. Every create, update and delete of a domain record goes
through these functions — from the back office, an import, a command or (later) the API.
"""

from django.db import models, transaction
from wagtail.log_actions import log

from .bulk import insert_many
from .dates import vn_date

CREATE, EDIT, DELETE = "hdnd.create", "hdnd.edit", "hdnd.delete"


def display_value(field, value):
    """A value as a person reads it on the history screen."""
    if value is None or value == "":
        return "—"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if hasattr(value, "strftime"):
        return vn_date(value)
    if isinstance(value, (list, tuple, set, models.QuerySet)):
        return ", ".join(str(item) for item in value) or "—"
    return str(value)


def changes_from_form(form):
    """[{"field": label, "old": text, "new": text}, …] for every field the user changed."""
    model_fields = {f.name: f for f in form._meta.model._meta.get_fields()}
    changes = []
    for name in form.changed_data:
        model_field = model_fields.get(name)
        old = form.initial.get(name)
        if model_field is not None and model_field.is_relation and old is not None:
            related = model_field.related_model._default_manager
            old = list(related.filter(pk__in=old)) if model_field.many_to_many else related.filter(pk=old).first()
        label = form.fields[name].label or name
        changes.append(
            {
                "field": str(label),
                "old": display_value(model_field, old),
                "new": display_value(model_field, form.cleaned_data.get(name)),
            }
        )
    return changes


def audit(instance, action, *, actor, changes=None):
    return log(instance=instance, action=action, user=actor, data={"changes": changes or []}, content_changed=True)


def audit_bulk(instances, action, *, actor):
    """One audit entry per record for a bulk import, written in one statement."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    now = timezone.now()
    entries = [
        ModelLogEntry(
            content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
            object_id=str(instance.pk),
            label=str(instance)[:255],
            action=action,
            timestamp=now,
            user=actor,
            data={"changes": []},
            content_changed=True,
        )
        for instance in instances
    ]
    insert_many(ModelLogEntry, entries)
    return len(entries)


def audited_insert_many(model, instances, *, actor):
    """Saves new records in bulk (an import's batch) with one audit entry each; returns how many."""
    instances = insert_many(model, instances)
    audit_bulk(instances, CREATE, actor=actor)
    return len(instances)


def audited_save(instance, *, actor, created, changes=None, save_m2m=None):
    """Validate and save one record and write its audit entry, all or nothing."""
    with transaction.atomic():
        instance.full_clean()
        instance.save()
        if save_m2m is not None:
            save_m2m()
        if created or changes is None or changes:
            # An edit that changed nothing (changes == []) leaves no entry in the history.
            audit(instance, CREATE if created else EDIT, actor=actor, changes=changes)
    return instance


def audited_delete(instance, *, actor):
    with transaction.atomic():
        audit(instance, DELETE, actor=actor)
        instance.delete()


def audited_update(instance, *, actor, values):
    """Sets `values` ({field name: new value}) on `instance`, then validates and saves it as
    `audited_save` does, the history naming each field that changed with its old and new value."""
    changes = []
    for name, new in values.items():
        field = instance._meta.get_field(name)
        old = getattr(instance, name)
        if old != new:
            changes.append(
                {"field": str(field.verbose_name), "old": display_value(field, old), "new": display_value(field, new)}
            )
            setattr(instance, name, new)
    return audited_save(instance, actor=actor, created=False, changes=changes)
