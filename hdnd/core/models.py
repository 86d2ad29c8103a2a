"""Base models shared by every domain app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .search import matching
from .vntext import fold, nfc


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


class SearchableModel(TimeStampedModel):
    """Keeps a folded copy of its `search_source_fields` so that "na ri" finds "Na Rì" and
    "hoa" finds both "hòa" and "hoà" on every database (DOMAIN.md §10)."""

    search_source_fields = ()
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True

    def normalize_text_fields(self):
        super().normalize_text_fields()
        # Folded field by field (the same text as folding them joined), so that a text just
        # folded for another purpose — an import's duplicate check — is not folded again.
        folded = (fold(str(getattr(self, name) or "")) for name in self.search_source_fields)
        self.search_text = " ".join(part for part in folded if part)


def folded_search(queryset, query, field="search_text"):
    """Rows whose folded text contains every word of `query`, with or without diacritics, and
    with abbreviations such as HĐND or UBND standing for their words (see core.search)."""
    return queryset.filter(matching(query, field))
