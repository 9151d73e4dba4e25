"""The matching tool's pages. Thin: rules live in `contact`, `suggestions` and `permissions`."""

from .profiles import create_profile, delete_profile, edit_profile, home, toggle_pause
from .requests import accept_request, contact, decline_request, request_detail, suggestions

__all__ = [
    "accept_request",
    "contact",
    "create_profile",
    "decline_request",
    "delete_profile",
    "edit_profile",
    "home",
    "request_detail",
    "suggestions",
    "toggle_pause",
]
