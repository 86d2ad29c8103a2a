import pytest

from hdnd.councils.factories import CouncilFactory, PersonFactory
from hdnd.councils.models import Person


@pytest.mark.django_db
def test_any_finds_the_same_rows_as_in_on_a_relation_and_on_a_plain_field():
    first, second, third = CouncilFactory(), CouncilFactory(), CouncilFactory()
    people = [PersonFactory(council=council) for council in (first, second, second, third)]
    wanted = [first.pk, second.pk]

    by_any = set(Person.objects.filter(council_id__any=wanted).values_list("pk", flat=True))
    assert by_any == set(Person.objects.filter(council_id__in=wanted).values_list("pk", flat=True))
    assert by_any == {p.pk for p in people[:3]}
    assert set(Person.objects.filter(council__any=[third]).values_list("pk", flat=True)) == {people[3].pk}
    names = [people[0].full_name, people[3].full_name]
    assert set(Person.objects.filter(full_name__any=names).values_list("pk", flat=True)) >= {people[0].pk, people[3].pk}


@pytest.mark.django_db
def test_any_of_nothing_finds_nothing():
    PersonFactory()
    assert not Person.objects.filter(council_id__any=[]).exists()
