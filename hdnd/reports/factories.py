import datetime

import factory

from hdnd.councils.factories import CouncilFactory

from .models import Briefing


class BriefingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Briefing

    council = factory.SubFactory(CouncilFactory)
    title = "Hội nghị giao ban Thường trực Hội đồng nhân dân quý III"
    held_on = datetime.date(2024, 10, 22)
    chairs = "Hoàng Văn An – Chủ tịch HĐND"
    period_start = datetime.date(2024, 1, 1)
    period_end = datetime.date(2024, 9, 30)
