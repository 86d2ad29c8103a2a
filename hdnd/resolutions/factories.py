import factory

from hdnd.councils.factories import TermFactory

from .models import Resolution


class ResolutionFactory(factory.django.DjangoModelFactory):
    """A draft resolution; adopt it with `resolution_adopt` to give it a number."""

    class Meta:
        model = Resolution

    term = factory.SubFactory(TermFactory)
    council = factory.SelfAttribute("term.council")
    kind = "individual"
    field = "budget"
    subject = factory.Sequence(lambda n: f"Về việc phê duyệt dự toán ngân sách số {n}")
    signer_name = "Hoàng Văn An"
    legal_bases = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
    body = "Điều 1. Phê duyệt dự toán.\nĐiều 2. Giao Ủy ban nhân dân tổ chức thực hiện."
