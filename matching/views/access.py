"""The gate in front of every matching page but the home page."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from ..permissions import can_use_matching


def members_only(view):
    """Anonymous visitors go to the login page; accounts that are not members of the
    movement go back to the tool's home page, which explains who may use it."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_use_matching(request.user):
            messages.info(request, _("The matching tool is open to members of the movement."))
            return redirect("matching:home")
        return view(request, *args, **kwargs)

    return wrapper
