"""Fictional but plausible names of people in Bắc Kạn (Tày, Nùng, Dao, Kinh), made deterministically.

No name here belongs to a real office holder: the officials named in the seed article are excluded.
"""

import random

FAMILY = [
    "Hoàng",
    "Nông",
    "Lường",
    "Triệu",
    "Hà",
    "Lý",
    "Bế",
    "Dương",
    "Ma",
    "Lục",
    "Đàm",
    "Nguyễn",
    "Lăng",
    "Đinh",
    "Vi",
    "Lâm",
    "Hứa",
    "Sầm",
    "Trần",
    "Phùng",
]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Hữu", "Ngọc"]
MIDDLE_FEMALE = ["Thị", "Thị", "Thị", "Thu", "Hồng", "Ngọc", "Thanh"]
GIVEN_MALE = [
    "Thắng",
    "Tuấn",
    "Hùng",
    "Dũng",
    "Cường",
    "Lâm",
    "Sơn",
    "Hải",
    "Long",
    "Bình",
    "Phong",
    "Tùng",
    "Vượng",
    "Thành",
    "Kiên",
    "Hiếu",
    "Toàn",
    "Lợi",
    "Quyết",
    "Thịnh",
    "Tiến",
    "Hưng",
]
GIVEN_FEMALE = [
    "Lan",
    "Hoa",
    "Mai",
    "Huyền",
    "Thảo",
    "Nhung",
    "Yến",
    "Hạnh",
    "Loan",
    "Vân",
    "Thu",
    "Dung",
    "Phượng",
    "Liên",
    "Hằng",
    "Trang",
    "Quyên",
    "Diệp",
]
ETHNICITIES = ["Tày", "Tày", "Tày", "Nùng", "Nùng", "Dao", "Kinh", "Kinh", "Mông"]
#: Real office holders named in the seed article: never generated.
EXCLUDED = {"Nông Văn Nguyên", "Mã Thị Hường", "Nông Văn Hội", "Quốc Khánh"}


class NameMaker:
    def __init__(self, seed):
        self.random = random.Random(seed)
        self.used = set(EXCLUDED)

    def person(self):
        rnd = self.random
        while True:
            female = rnd.random() < 0.4
            middle = rnd.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
            given = rnd.choice(GIVEN_FEMALE if female else GIVEN_MALE)
            name = f"{rnd.choice(FAMILY)} {middle} {given}"
            if name not in self.used:
                self.used.add(name)
                return {
                    "full_name": name,
                    "gender": "female" if female else "male",
                    "birth_year": rnd.randint(1966, 1994),
                    "ethnicity": rnd.choice(ETHNICITIES),
                }
