"""Times DOCX and PDF generation of a three-page resolution (the sample in hdnd.core.documents.samples).

No database is needed; Django is set up only for the PDF template.

.venv/bin/python bench/documents.py
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from benchtools import p95  # noqa: E402

from hdnd.core.documents import render_docx, render_pdf  # noqa: E402
from hdnd.core.documents.pdf import html_document  # noqa: E402
from hdnd.core.documents.samples import sample_resolution  # noqa: E402

RUNS = 20


def timed(render, doc):
    started = time.perf_counter()
    data = render(doc)
    return (time.perf_counter() - started) * 1000, data


def measure(render, doc):
    """The first (cold) run, then RUNS warm runs; returns (cold ms, warm ms list, bytes)."""
    cold, data = timed(render, doc)
    warm = [timed(render, doc)[0] for _ in range(RUNS)]
    return cold, warm, data


def pdfinfo_pages(data):
    """Page count as poppler's pdfinfo reads the file, or None when pdfinfo is not installed."""
    if not shutil.which("pdfinfo"):
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        output = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True, check=True).stdout
    for line in output.splitlines():
        if line.startswith("Pages:"):
            return int(line.split(":", 1)[1])
    return None


def main():
    doc = sample_resolution()
    results = {}
    for label, render in (("DOCX", render_docx), ("PDF", render_pdf)):
        results[label] = measure(render, doc)

    weasy_pages = len(html_document(doc).render().pages)
    poppler_pages = pdfinfo_pages(results["PDF"][2])

    print(f"document: {doc.title}")
    print(f"{'format':<6} {'cold ms':>9} {'median ms':>10} {'p95 ms':>8} {'size':>10}")
    for label, (cold, warm, data) in results.items():
        print(f"{label:<6} {cold:9.1f} {statistics.median(warm):10.1f} {p95(warm):8.1f} {len(data) / 1024:7.1f} KiB")
    print(f"warm runs: {RUNS} each; cold = first call in the process (PDF: WeasyPrint import, fonts, template)")
    pages = f"PDF pages: {weasy_pages} (WeasyPrint layout)"
    if poppler_pages is not None:
        pages += f", {poppler_pages} (pdfinfo)"
    print(pages)


if __name__ == "__main__":
    main()
