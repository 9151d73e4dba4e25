"""Plain French pages when the infrastructure fails, instead of a traceback or a bare 500:
the database unreachable (503, try again shortly) and a disk too full to store an upload (507,
nothing was kept). The search engine's outages are handled by the search app itself."""

import errno
import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as default_server_error

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
# No room left: the disk, the user's quota, or a file-size limit of the process.
NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
RETRY_AFTER_SECONDS = 60


def is_database_outage(exception):
    return isinstance(exception, DATABASE_ERRORS)


def is_storage_full(exception):
    return isinstance(exception, OSError) and exception.errno in NO_SPACE


def fault_response(exception):
    """The page for an infrastructure failure, or None for any other error. The templates
    need no database and no request context: nothing here may fail in turn."""
    if is_database_outage(exception):
        logger.error("Database unavailable: %s", exception)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if is_storage_full(exception):
        logger.error("No space left to store a file: %s", exception)
        return HttpResponse(render_to_string("507.html"), status=507)
    return None


class FaultPagesMiddleware:
    """Errors raised by views (most database queries happen there)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return fault_response(exception)


def server_error(request, template_name="500.html"):
    """handler500: the same pages for errors raised outside views, e.g. a session saved by its
    middleware while the database is down. Django calls it while handling the exception."""
    return fault_response(sys.exc_info()[1]) or default_server_error(request, template_name)
