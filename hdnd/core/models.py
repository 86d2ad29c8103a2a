"""Base models shared by every domain app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .vntext import nfc


class NFCTextMixin:
    """Stores every text field in Unicode NFC, whatever the input (Word, old systems, the API)."""

    def normalize_text_fields(self):
        for field in self._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    setattr(self, field.attname, nfc(value))

    def clean_fields(self, exclude=None):
        self.normalize_text_fields()
        super().clean_fields(exclude=exclude)

    def save(self, *args, **kwargs):
        self.normalize_text_fields()
        super().save(*args, **kwargs)


class TimeStampedModel(NFCTextMixin, models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True
