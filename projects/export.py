"""CSV export of the projects database, in the import's format (UTF-8 with a BOM, so that
spreadsheets read the accents): an exported file imports back unchanged."""

import csv

from django.http import StreamingHttpResponse

from .csv_format import PUBLIC_COLUMNS, export_row

CHUNK = 500


class _Echo:
    def write(self, value):
        return value


def export_rows(queryset, columns=PUBLIC_COLUMNS):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(columns)
    queryset = queryset.order_by("name", "pk").prefetch_related("publics", "ecological_features")
    for project in queryset.iterator(chunk_size=CHUNK):
        yield writer.writerow(export_row(project, columns))


def csv_response(queryset, filename, columns=PUBLIC_COLUMNS):
    response = StreamingHttpResponse(
        export_rows(queryset, columns), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
