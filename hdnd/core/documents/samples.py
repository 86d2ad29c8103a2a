"""A realistic sample document for tests, previews and benchmarks (fictional content).

The resolution of the Na Rì district council below runs to three A4 pages in the Decree 30
layout. Names, numbers and amounts are invented.
"""

import datetime

from .model import AdministrativeDocument, Paragraph, Signature


def _article(number: int, heading: str) -> Paragraph:
    return Paragraph(lead=f"Điều {number}.", text=heading)


def _items(*texts: str) -> list[Paragraph]:
    return [Paragraph(text=text) for text in texts]


def sample_resolution() -> AdministrativeDocument:
    """Resolution 15/NQ-HĐND of the Na Rì district council (05/01/2024) on mid-term public investment."""
    body = [
        Paragraph(text="QUYẾT NGHỊ:", style="center_bold"),
        _article(1, "Điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021–2025 của huyện Na Rì"),
        *_items(
            "1. Tổng vốn kế hoạch đầu tư công trung hạn giai đoạn 2021–2025 của huyện sau điều chỉnh là "
            "612.450 triệu đồng (Sáu trăm mười hai tỷ, bốn trăm năm mươi triệu đồng), tăng 38.720 triệu đồng "
            "so với kế hoạch đã được Hội đồng nhân dân huyện thông qua tại Nghị quyết số 42/NQ-HĐND ngày "
            "20 tháng 12 năm 2021, cụ thể như sau:",
            "a) Vốn ngân sách trung ương hỗ trợ có mục tiêu và vốn các chương trình mục tiêu quốc gia: "
            "356.800 triệu đồng;",
            "b) Vốn ngân sách tỉnh phân cấp cho huyện quản lý: 148.650 triệu đồng;",
            "c) Vốn ngân sách huyện: 107.000 triệu đồng, trong đó nguồn thu tiền sử dụng đất 62.000 triệu "
            "đồng, nguồn tăng thu và tiết kiệm chi ngân sách huyện 45.000 triệu đồng.",
            "2. Danh mục dự án và mức vốn bố trí cho từng dự án chi tiết tại các Phụ lục kèm theo Nghị quyết này.",
        ),
        _article(2, "Nguyên tắc bố trí vốn"),
        *_items(
            "1. Việc điều chỉnh kế hoạch phải tuân thủ quy định của Luật Đầu tư công, các nghị định hướng dẫn "
            "thi hành và nguyên tắc, tiêu chí, định mức phân bổ vốn đầu tư công nguồn ngân sách nhà nước giai "
            "đoạn 2021–2025 của tỉnh Bắc Kạn; bảo đảm công khai, minh bạch, công bằng và hiệu quả.",
            "2. Ưu tiên bố trí đủ vốn để thanh toán nợ đọng xây dựng cơ bản, hoàn trả các khoản vốn ứng trước; "
            "bố trí vốn cho các dự án chuyển tiếp, dự án đã hoàn thành nhưng chưa được bố trí đủ vốn, dự án "
            "có khả năng hoàn thành trong năm 2024 và năm 2025.",
            "3. Bố trí vốn đối ứng cho các chương trình mục tiêu quốc gia về xây dựng nông thôn mới, giảm nghèo "
            "bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi theo đúng tỷ lệ "
            "quy định; không bố trí vốn cho các dự án chưa đủ thủ tục đầu tư.",
            "4. Các dự án khởi công mới chỉ được bố trí vốn khi đã có quyết định chủ trương đầu tư, xác định rõ "
            "nguồn vốn và khả năng cân đối vốn, không để phát sinh nợ đọng xây dựng cơ bản mới.",
        ),
        _article(3, "Giải pháp thực hiện"),
        *_items(
            "1. Đẩy nhanh tiến độ giải phóng mặt bằng, thi công và giải ngân vốn đầu tư công; kiên quyết điều "
            "chuyển vốn từ các dự án chậm tiến độ, không có khả năng giải ngân sang các dự án có khả năng giải "
            "ngân tốt và có nhu cầu bổ sung vốn.",
            "2. Tăng cường công tác quản lý đất đai, tổ chức đấu giá quyền sử dụng đất theo kế hoạch để tạo "
            "nguồn thu cho đầu tư phát triển; huy động các nguồn lực xã hội tham gia đầu tư kết cấu hạ tầng "
            "giao thông nông thôn, thủy lợi, trường học và trạm y tế xã.",
            "3. Nâng cao chất lượng công tác chuẩn bị đầu tư, lập, thẩm định và phê duyệt dự án; siết chặt kỷ "
            "luật, kỷ cương trong quản lý đầu tư công; xử lý nghiêm tổ chức, cá nhân gây chậm trễ, thất thoát, "
            "lãng phí.",
            "4. Thực hiện nghiêm chế độ thông tin, báo cáo; công khai kế hoạch đầu tư công trên Cổng thông tin "
            "điện tử của huyện và tại trụ sở Ủy ban nhân dân các xã, thị trấn để Nhân dân biết, giám sát.",
        ),
        _article(4, "Tổ chức thực hiện"),
        *_items(
            "1. Giao Ủy ban nhân dân huyện tổ chức triển khai thực hiện Nghị quyết này; giao kế hoạch vốn chi "
            "tiết cho các chủ đầu tư; định kỳ sáu tháng, hằng năm báo cáo Hội đồng nhân dân huyện kết quả thực "
            "hiện tại các kỳ họp thường lệ.",
            "2. Trong quá trình thực hiện, trường hợp cần điều chỉnh kế hoạch giữa các dự án trong tổng mức vốn "
            "đã được phê duyệt, Ủy ban nhân dân huyện thống nhất với Thường trực Hội đồng nhân dân huyện trước "
            "khi quyết định và báo cáo Hội đồng nhân dân huyện tại kỳ họp gần nhất.",
            "3. Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu "
            "Hội đồng nhân dân huyện giám sát việc thực hiện Nghị quyết.",
            "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội tham gia giám "
            "sát, tuyên truyền, vận động Nhân dân cùng thực hiện Nghị quyết.",
        ),
        _article(5, "Hiệu lực thi hành"),
        Paragraph(
            text="Nghị quyết này đã được Hội đồng nhân dân huyện Na Rì khóa XX, kỳ họp thứ 12 thông qua ngày 05 "
            "tháng 01 năm 2024 và có hiệu lực kể từ ngày thông qua./."
        ),
    ]
    return AdministrativeDocument(
        issuing_body=["HỘI ĐỒNG NHÂN DÂN", "HUYỆN NA RÌ"],
        issuing_body_superior="",
        number="Số: 15/NQ-HĐND",
        place="Na Rì",
        date=datetime.date(2024, 1, 5),
        doc_type="NGHỊ QUYẾT",
        subject="Về việc điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021–2025",
        authority=["HỘI ĐỒNG NHÂN DÂN HUYỆN NA RÌ", "KHÓA XX, KỲ HỌP THỨ 12"],
        legal_bases=[
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số "
            "điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
            "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019",
            "Căn cứ Nghị định số 40/2020/NĐ-CP ngày 06 tháng 4 năm 2020 của Chính phủ quy định chi tiết thi "
            "hành một số điều của Luật Đầu tư công",
            "Xét Tờ trình số 02/TTr-UBND ngày 02 tháng 01 năm 2024 của Ủy ban nhân dân huyện về việc điều chỉnh "
            "kế hoạch đầu tư công trung hạn giai đoạn 2021–2025; Báo cáo thẩm tra của Ban Kinh tế - Xã hội Hội "
            "đồng nhân dân huyện; ý kiến thảo luận của đại biểu Hội đồng nhân dân huyện tại kỳ họp",
        ],
        body=body,
        signature=Signature(on_behalf="TM. HỘI ĐỒNG NHÂN DÂN", title="CHỦ TỊCH", name="Hoàng Văn An"),
        recipients=[
            "Thường trực HĐND tỉnh;",
            "UBND tỉnh;",
            "Sở Kế hoạch và Đầu tư, Sở Tài chính;",
            "Thường trực Huyện ủy;",
            "Thường trực HĐND huyện;",
            "UBND huyện;",
            "Ủy ban MTTQ Việt Nam huyện;",
            "Các Ban HĐND huyện;",
            "Đại biểu HĐND huyện;",
            "Các cơ quan, đơn vị thuộc UBND huyện;",
            "HĐND, UBND các xã, thị trấn;",
            "Lưu: VT, HĐND.",
        ],
        title="Nghị quyết số 15/NQ-HĐND về điều chỉnh kế hoạch đầu tư công trung hạn 2021–2025",
    )
