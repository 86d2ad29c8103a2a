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
        "Every published record of the council and of the councils beneath it: OParl 1.1 JSON, CSV tables, "
        "manifest.json and SHA256SUMS. Renewed every night; built on the spot when the kept one is older."
    ),
    openapi_extra={"responses": {200: {"description": "The zip file.", "content": ZIP}}},
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
