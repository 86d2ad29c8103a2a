import datetime

import factory

from hdnd.councils.factories import TermFactory

from .models import Mission


class MissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mission

    term = factory.SubFactory(TermFactory)
    council = factory.SelfAttribute("term.council")
    kind = "thematic"
    conducting_body = "standing_committee"
    subject = "Giám sát việc thực hiện chương trình mục tiêu quốc gia xây dựng nông thôn mới"
    supervised_bodies = "Ủy ban nhân dân xã\nBan quản lý dự án"
    planned_start = datetime.date(2024, 5, 6)
