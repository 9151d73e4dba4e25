"""The personal parts of a page ("holes"), so that the rest can be shared by readers who see
the same things.

A member's page is mostly what every reader with the same groups sees; a few parts belong to
the reader alone: the header's account links (name, notification count, logout form), the
editors' userbar, a group's join/follow buttons. Templates render those parts with
`{% personal "name" %}`, which calls the fragment registered under that name and marks its
output. The member page cache (home/page_cache.py) keeps the page with the marked parts cut
out, and renders them again for each reader when it hands the page out; without the cache, the
tag simply renders them in place. One function per fragment serves both paths.

A fragment gets the request and a `ServedPage` (the Wagtail page being served, None elsewhere),
and returns HTML. It must depend on nothing else: no template context reaches it on a cache
hit, where the page itself is loaded only if a fragment asks for more than its id and path.
"""

import re

from django.contrib.auth.context_processors import PermWrapper
from django.contrib.contenttypes.models import ContentType
from django.middleware.csrf import get_token
from django.template.context_processors import csrf
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from wagtail.models import GroupPagePermission

from home.visibility import group_ids

_FRAGMENTS = {}
_MARKED = re.compile(rb"<!--personal:([a-z_]+)-->.*?<!--/personal:\1-->", re.DOTALL)


def fragment(name):
    """Register `function(request, served_page) -> html` as the personal fragment `name`."""

    def register(function):
        _FRAGMENTS[name] = function
        return function

    return register


class ServedPage:
    """The page being served: its id and tree path at once, the page itself when asked."""

    def __init__(self, pk, path, content_type_id, page=None):
        self.pk, self.path, self.content_type_id = pk, path, content_type_id
        if page is not None:
            self.__dict__["page"] = page

    @classmethod
    def of(cls, page):
        return None if page is None else cls(page.pk, page.path, page.content_type_id, page)

    def key(self):
        return (self.pk, self.path, self.content_type_id)

    @cached_property
    def page(self):
        """The page with its specific type, kept with the cached pages (under their version:
        publishing it retires both) so that a copy's fragments read no page."""
        from home.page_cache import current_version, page_cache, ttl

        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        key = f"page_cache:{current_version()}:page:{self.pk}"
        return page_cache().get_or_set(key, lambda: model.objects.get(pk=self.pk), ttl())


def render(name, request, served):
    html = _FRAGMENTS[name](request, served)
    return mark_safe(f"<!--personal:{name}-->{html}<!--/personal:{name}-->")  # noqa: S308 - the fragment's own escaped output


def cut(content):
    """The page as a list of shared byte strings and fragment names, in order."""
    parts, position = [], 0
    for match in _MARKED.finditer(content):
        parts += [content[position : match.start()], match.group(1).decode()]
        position = match.end()
    parts.append(content[position:])
    return parts


def fill(parts, request, served):
    """The page again, with each fragment rendered for this request's reader."""
    return b"".join(
        part if isinstance(part, bytes) else render(part, request, served).encode()
        for part in parts
    )


def shared_text(parts):
    return b"".join(part for part in parts if isinstance(part, bytes))


def render_personal(template_name, request, context=None):
    """A fragment's template, with what fragments use from the page's context: the reader,
    their permissions, the request and a CSRF token. Not every context processor: a fragment
    is rendered again for each copy handed out."""
    user = request.user
    base = {"request": request, "user": user, "perms": PermWrapper(user), **csrf(request)}
    return render_to_string(template_name, {**base, **(context or {})})


@fragment("account")
def account(request, served):
    """The header's account links: who is logged in, their notifications, the logout form."""
    from workgroups.context_processors import unread_notifications

    return render_personal("includes/account.html", request, unread_notifications(request))


def edited_paths(user):
    """Tree paths where the user's groups may edit pages (one query, kept on the user)."""
    if not hasattr(user, "_personal_edited_paths"):
        user._personal_edited_paths = list(
            GroupPagePermission.objects.filter(
                group__in=group_ids(user), permission__codename__in=["change_page", "add_page"]
            ).values_list("page__path", flat=True)
        )
    return user._personal_edited_paths


def render_userbar(request, page):
    get_token(request)  # the userbar's own forms
    return render_to_string("includes/userbar.html", {"page": page}, request=request)


@fragment("userbar")
def userbar(request, served):
    """Wagtail's userbar, for editors of the page being read: a slot that static/js/userbar.js
    fills from `home:userbar` once the page is shown (Wagtail's userbar costs more than the
    rest of a member's page), or the userbar itself in the admin's preview, where its
    accessibility checks run. Readers who may not edit the page get nothing."""
    user = request.user
    if served is None or not user.is_authenticated:
        return ""
    if not user.has_perm("wagtailadmin.access_admin"):
        return ""
    if getattr(request, "is_preview", False):
        return render_userbar(request, served.page)
    if not user.is_superuser and not any(served.path.startswith(p) for p in edited_paths(user)):
        return ""
    return render_personal("includes/userbar_slot.html", request, {"page_id": served.pk})
