"""Retakes the README screenshots from a running demo (`make demo`), with the system Chromium.

.venv/bin/python docs/screenshots.py [http://127.0.0.1:8000]
"""

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).parent / "img"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def sign_in(page, username):
    page.goto(f"{BASE}/quan-tri/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "hdnd-demo-2024")
    page.click("button[type=submit]")
    page.wait_for_url(f"{BASE}/quan-tri/")


def main():
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="vi-VN")
        phone.goto(f"{BASE}/")
        phone.screenshot(path=OUT / "portal-phone.png")
        phone.click("text=Hoạt động HĐND >> nth=0")
        phone.click("text=Hội nghị Giao ban giữa Thường trực HĐND huyện")
        phone.click("button[data-reader=darker]")
        phone.click("button[data-reader=darker]")
        phone.screenshot(path=OUT / "portal-article-contrast.png")

        page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
        sign_in(page, "vanphong.nari")
        page.goto(f"{BASE}/quan-tri/dai-bieu/?q=hoang")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUT / "back-office-delegates.png")

        page.goto(f"{BASE}/quan-tri/nhan-su/")
        page.click("table tbody tr:first-child td a")
        page.wait_for_load_state("networkidle")
        history_link = page.url.replace("/edit/", "/history/")
        page.fill("#id_occupation", "Chủ tịch Ủy ban MTTQ Việt Nam huyện")
        page.click("main button[type=submit]")
        page.wait_for_load_state("networkidle")
        page.goto(history_link)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUT / "back-office-history.png")

        page.goto(f"{BASE}/quan-tri/nhiem-ky/new/")
        page.select_option("#id_council", label="Hội đồng nhân dân huyện Na Rì")
        page.fill("#id_number", "20")
        page.fill("#id_start_date", "01/07/2026")
        page.fill("#id_end_date", "01/01/2026")
        page.click("main button[type=submit]")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUT / "back-office-form-error.png", full_page=True)
        page.goto(f"{BASE}/quan-tri/nghi-quyet/?year=2024&kind=normative")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUT / "back-office-resolutions.png")
        pdf_url = page.eval_on_selector("a[href*='/quan-tri/nghi-quyet/edit/']", "a => a.getAttribute('href')")
        pdf = page.request.get(BASE + pdf_url.replace("/edit/", "/pdf/"))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "nghi-quyet.pdf"
            path.write_bytes(pdf.body())
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "80",
                    "-png",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(path),
                    str(OUT / "resolution-pdf"),
                ],
                check=True,
            )
        tall = browser.new_page(viewport={"width": 1280, "height": 2000}, locale="vi-VN")
        sign_in(tall, "vanphong.nari")
        na_ri = (
            tall.eval_on_selector("#id_council", "s => [...s.options].find(o => o.text.endsWith('Na Rì')).value")
            if tall.goto(f"{BASE}/quan-tri/bao-cao/")
            else None
        )
        tall.goto(f"{BASE}/quan-tri/bao-cao/?council={na_ri}&period=10&year=2024&beneath=on")
        tall.wait_for_load_state("networkidle")
        tall.screenshot(path=OUT / "report-na-ri-2024.png")
        page.goto(f"{BASE}/quan-tri/theo-doi-kien-nghi/")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUT / "follow-up-board.png")

        leader = browser.new_page(viewport={"width": 1280, "height": 800}, locale="vi-VN")
        sign_in(leader, "lanhdao.nari")
        leader.goto(f"{BASE}/quan-tri/ma-truy-cap-api/new/")
        leader.fill("#id_name", "Cổng thông tin UBND huyện")
        leader.check("#id_can_write")
        leader.click("main button[type=submit]")
        leader.wait_for_load_state("networkidle")
        leader.screenshot(path=OUT / "back-office-api-token.png")
        leader.goto(f"{BASE}/api/v1/docs")
        leader.wait_for_selector(".opblock")
        leader.screenshot(path=OUT / "api-docs.png")
        browser.close()


if __name__ == "__main__":
    main()
