"""The open-data bundle of a council and the councils beneath it, as one zip file."""

from django.core.files.storage import default_storage
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from ninja import Router

from hdnd.councils.models import Council

from .. import export, schemas
from ..common import READ_ERRORS

router = Router(tags=["Dữ liệu mở"])

ZIP = {"application/zip": {"schema": {"type": "string", "format": "binary"}}}


@router.get(
    "/export/{council_id}.zip",
    response=READ_ERRORS,
    summary="Tải dữ liệu mở của một Hội đồng",
    description=(
        "Toàn bộ hồ sơ đã công bố của Hội đồng và các Hội đồng cấp dưới: JSON theo OParl 1.1 và Popolo, "
        "bảng CSV, manifest.json và SHA256SUMS. Cập nhật hằng đêm; nếu bản lưu đã cũ thì tạo lại ngay."
    ),
    openapi_extra={"responses": {200: {"description": "Tệp zip.", "content": ZIP}}},
)
def council_export(request, council_id: schemas.PathID):
    council = get_object_or_404(Council.objects.select_related("unit"), pk=council_id)
    name = export.kept_bundle(council)
    if name is None:
        export.bundle_refresh(council)
        name = export.storage_name(council)
    response = FileResponse(
        default_storage.open(name, "rb"),
        content_type="application/zip",
        as_attachment=True,
        filename=f"du-lieu-mo-hdnd-{council.unit.code}-{council.pk}.zip",
    )
    return response
