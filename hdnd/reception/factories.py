import datetime

import factory

from hdnd.councils.factories import CouncilFactory

from .models import Case, ReceptionSchedule


class ReceptionScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionSchedule

    council = factory.SubFactory(CouncilFactory)
    day = datetime.date(2024, 3, 15)
    place = "Trụ sở Hội đồng nhân dân"


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    council = factory.SubFactory(CouncilFactory)
    received_on = datetime.date(2024, 3, 15)
    citizen_name = "Hoàng Văn Khánh"
    citizen_address = "Thôn Nà Làng"
    id_document = "006080001234"
    content = "Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất"
    kind = "petition"
    handling = "guided"
