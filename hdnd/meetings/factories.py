import datetime

import factory

from hdnd.councils.factories import ConstituencyFactory, DelegateFactory, TermFactory

from .models import AgendaItem, Session


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    term = factory.SubFactory(TermFactory)
    council = factory.SelfAttribute("term.council")
    number = factory.Sequence(lambda n: n + 1)
    kind = "regular"
    title = "Kỳ họp thường lệ cuối năm"
    planned_start = datetime.date(2024, 7, 10)
    place = "Hội trường Trung tâm Chính trị huyện"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    session = factory.SubFactory(SessionFactory)
    order = factory.Sequence(lambda n: n + 1)
    kind = "resolution"
    title = "Tờ trình về dự thảo nghị quyết phê duyệt kế hoạch đầu tư công"


def session_with_delegates(count=5, **session_fields):
    """A session whose council has `count` delegates in office on its first day."""
    term = TermFactory()
    constituency = ConstituencyFactory(term=term, seats=count)
    delegates = [DelegateFactory(constituency=constituency) for _ in range(count)]
    session = SessionFactory(term=term, **session_fields)
    return session, delegates
