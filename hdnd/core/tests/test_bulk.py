import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from hdnd.accounts.factories import UserFactory
from hdnd.core.audit import CREATE, audited_insert_many
from hdnd.core.bulk import insert_many
from hdnd.councils.factories import CouncilFactory, PersonFactory
from hdnd.councils.models import Person


@pytest.mark.django_db
def test_insert_many_saves_every_value_and_gives_each_record_its_key():
    council = CouncilFactory()
    people = [
        Person(council=council, full_name="Hoàng Văn Thái", birth_date=datetime.date(1975, 2, 28), ethnicity="Tày"),
        Person(council=council, full_name="Lương Thị Mai", birth_date=None, occupation=""),
    ]

    saved = insert_many(Person, people)

    assert [p.pk for p in saved] == [p.pk for p in people] and all(p.pk for p in people)
    assert not any(p._state.adding for p in people)
    stored = {p.pk: p for p in Person.objects.filter(council=council)}
    assert stored[people[0].pk].full_name == "Hoàng Văn Thái"
    assert stored[people[0].pk].birth_date == datetime.date(1975, 2, 28)
    assert stored[people[0].pk].ethnicity == "Tày"
    assert stored[people[1].pk].birth_date is None
    # The sequence moved past the inserted keys: the next record saved the usual way does not clash.
    later = PersonFactory(council=council)
    assert later.pk not in stored


@pytest.mark.django_db
def test_insert_many_of_nothing_runs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert insert_many(Person, []) == []


@pytest.mark.django_db
def test_audited_insert_many_writes_one_history_entry_per_record():
    council = CouncilFactory()
    actor = UserFactory()
    people = [Person(council=council, full_name=f"Đại biểu {n}") for n in range(3)]

    assert audited_insert_many(Person, people, actor=actor) == 3

    entries = ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Person))
    assert sorted(int(e.object_id) for e in entries) == sorted(p.pk for p in people)
    assert {(e.action, e.user_id, e.label) for e in entries} == {(CREATE, actor.pk, f"Đại biểu {n}") for n in range(3)}
    assert all(e.data == {"changes": []} and e.timestamp for e in entries)
