import datetime

import factory

from hdnd.councils.factories import CouncilFactory, DelegateFactory, TermFactory

from .models import (
    AccountabilityHearing,
    Commitment,
    Mission,
    ProgrammeTask,
    Questioning,
    Recommendation,
    WorkProgramme,
)


class WorkProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkProgramme

    council = factory.SubFactory(CouncilFactory)
    kind = "supervision_programme"
    title = "Chương trình giám sát năm 2024 của Hội đồng nhân dân"
    year = 2024
    adopted_on = datetime.date(2023, 12, 15)


class ProgrammeTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeTask

    programme = factory.SubFactory(WorkProgrammeFactory)
    title = "Giám sát việc quản lý, sử dụng đất đai trên địa bàn"
    owner = "standing_committee"
    due_date = datetime.date(2024, 6, 30)


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

    class Params:
        #: The standing committee's decision is taken.
        decided = factory.Trait(status="decided", decision_number="15/QĐ-HĐND", decision_date=datetime.date(2024, 5, 2))


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    mission = factory.SubFactory(MissionFactory)
    council = factory.SelfAttribute("mission.council")
    text = "Rà soát, hoàn thiện hồ sơ giao đất cho các hộ gia đình"
    responsible_body = "Ủy ban nhân dân xã"
    deadline = datetime.date(2024, 9, 30)


class QuestioningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Questioning

    asked_by = factory.SubFactory(DelegateFactory)
    council = factory.SelfAttribute("asked_by.council")
    asked_on = datetime.date(2024, 7, 10)
    topic = "Nước sinh hoạt nông thôn"
    question = "Vì sao công trình nước sinh hoạt thôn Nà Làng chậm đưa vào sử dụng?"
    respondent_name = "Nông Văn Bình"
    respondent_title = "Chủ tịch Ủy ban nhân dân xã"
    answering_body = "Ủy ban nhân dân xã"


class HearingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccountabilityHearing

    council = factory.SubFactory(CouncilFactory)
    held_on = datetime.date(2024, 8, 20)
    topic = "Công tác giải phóng mặt bằng các dự án giao thông"
    bodies_explaining = "Ủy ban nhân dân xã\nĐịa chính – Xây dựng"


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    questioning = factory.SubFactory(QuestioningFactory)
    council = factory.SelfAttribute("questioning.council")
    text = "Đưa công trình nước sinh hoạt vào sử dụng"
    responsible_body = "Ủy ban nhân dân xã"
    deadline = datetime.date(2024, 12, 31)
