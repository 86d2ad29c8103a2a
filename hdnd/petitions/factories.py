import datetime

import factory

from hdnd.meetings.factories import SessionFactory

from .models import VoterMeeting, VoterPetition


class VoterMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoterMeeting

    session = factory.SubFactory(SessionFactory)
    council = factory.SelfAttribute("session.council")
    timing = "before"
    held_on = factory.LazyAttribute(lambda o: o.session.planned_start - datetime.timedelta(days=10))
    place = "Nhà văn hóa thôn Nà Làng"
    front_representative = "Ủy ban MTTQ Việt Nam xã"
    voters_count = 85


class VoterPetitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VoterPetition

    session = factory.SubFactory(SessionFactory)
    council = factory.SelfAttribute("session.council")
    received_on = factory.LazyAttribute(lambda o: o.session.planned_start - datetime.timedelta(days=10))
    text = "Đề nghị sửa chữa đường liên thôn Nà Làng – Khuổi Khe bị sạt lở"
    area = "Thôn Nà Làng"

    class Params:
        #: Classified, forwarded to the district's People's Committee and answered.
        answered = factory.Trait(
            status="answered",
            field="infrastructure",
            competent_level="district",
            competent_body="Ủy ban nhân dân huyện",
            forwarded_on=datetime.date(2024, 7, 1),
            deadline=datetime.date(2024, 8, 1),
            answer="Đã bố trí vốn sửa chữa trong quý III năm 2024.",
            answered_on=datetime.date(2024, 7, 20),
        )
