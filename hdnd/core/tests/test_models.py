import unicodedata

import pytest

from hdnd.councils.factories import PersonFactory
from hdnd.councils.models import Person


@pytest.mark.django_db
def test_text_is_stored_composed_whatever_the_input():
    person = PersonFactory(
        full_name=unicodedata.normalize("NFD", "Nguyễn Thị Hường"),
        occupation=unicodedata.normalize("NFD", "Nghị quyết"),
    )
    stored = Person.objects.get(pk=person.pk)
    assert stored.full_name == "Nguyễn Thị Hường"
    assert unicodedata.is_normalized("NFC", stored.full_name)
    assert stored.occupation == "Nghị quyết"
