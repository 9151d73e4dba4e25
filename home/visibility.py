"""Who may see which page, as a queryset filter.

Wagtail checks a page's view restrictions when the page itself is served; listings, feeds and
search must apply the same rule inside their query, or a private page's title leaks. The rule
here mirrors `BaseViewRestriction.accept_request`: a login restriction admits any logged-in
user, a groups restriction admits superusers and members of one of its groups, and shared
passwords (disabled in our settings) admit nobody.
"""

from django.db.models import Q
from wagtail.models import BaseViewRestriction, PageViewRestriction


def _refused_paths(restrictions, path_field, user):
    """Tree paths under a restriction that refuses `user`, in one query: a row per restriction
    and group. A groups restriction admits superusers and members of any of its groups."""
    user_group_ids = set()
    if user.is_authenticated:
        user_group_ids = group_ids(user)
    paths, admitted = {}, set()
    for pk, path, restriction_type, group_id in restrictions.values_list(
        "pk", path_field, "restriction_type", "groups"
    ):
        paths[pk] = path
        if restriction_type == BaseViewRestriction.LOGIN:
            ok = user.is_authenticated
        elif restriction_type == BaseViewRestriction.GROUPS:
            ok = user.is_superuser or group_id in user_group_ids
        else:  # shared passwords, disabled in our settings, admit nobody
            ok = False
        if ok:
            admitted.add(pk)
    return sorted({path for pk, path in paths.items() if pk not in admitted})


def group_ids(user):
    """The ids of the user's groups, kept on the user object (which lives for one request) as
    Django keeps its permissions: the menu, the listing and the search of one page all ask."""
    if not hasattr(user, "_visibility_group_ids"):
        groups = dict(user.groups.values_list("pk", "name"))
        user._visibility_group_ids = set(groups)
        user._visibility_group_names = set(groups.values())
    return user._visibility_group_ids


def forget_groups(user):
    """Drop what `group_ids` and `hidden_paths` keep on the user (its groups changed)."""
    for name in (
        "_visibility_group_ids",
        "_visibility_group_names",
        "_visibility_hidden_paths",
        "_visibility_hidden_collections",
    ):
        user.__dict__.pop(name, None)


def group_names(user):
    """The names of the user's groups, read with their ids (one query for both)."""
    group_ids(user)
    return user._visibility_group_names


def hidden_paths(user):
    """Tree paths of the restricted subtrees this user may not see (one or two queries,
    whatever the number of pages, then none for the rest of the request: kept on the user
    object like its group ids)."""
    if not hasattr(user, "_visibility_hidden_paths"):
        user._visibility_hidden_paths = _for_anonymous(
            user,
            "hidden_paths",
            lambda: _refused_paths(PageViewRestriction.objects.all(), "page__path", user),
        )
    return user._visibility_hidden_paths


def _for_anonymous(user, name, compute):
    """`compute()`; for anonymous visitors, who all see the same, kept with the cached pages
    (under their version: any change of restrictions, collections or page moves retires it)
    like a member's own (home/page_cache.py)."""
    if user.is_authenticated:
        return compute()
    from home.page_cache import current_version, page_cache, reader_ttl

    if reader_ttl() <= 0:
        return compute()
    key = f"page_cache:{current_version()}:anonymous:{name}"
    return page_cache().get_or_set(key, compute, reader_ttl())


def visible_pages(queryset, user):
    """Restrict a page queryset to the pages `user` may read."""
    paths = hidden_paths(user)
    if not paths:
        return queryset
    hidden = Q()
    for path in paths:
        hidden |= Q(path__startswith=path)
    return queryset.exclude(hidden)


def hidden_collection_ids(user):
    """Ids of the document collections this user may not see: a restricted collection and
    every collection below it (restrictions are inherited down the collection tree). Kept on
    the user object for the request, like `hidden_paths`."""
    from wagtail.models import Collection, CollectionViewRestriction

    def hidden():
        paths = _refused_paths(CollectionViewRestriction.objects.all(), "collection__path", user)
        if not paths:
            return []
        below = Q()
        for path in paths:
            below |= Q(path__startswith=path)
        return list(Collection.objects.filter(below).values_list("pk", flat=True))

    if not hasattr(user, "_visibility_hidden_collections"):
        user._visibility_hidden_collections = _for_anonymous(user, "hidden_collections", hidden)
    return user._visibility_hidden_collections


def visible_documents(queryset, user):
    """Restrict a document queryset to the documents `user` may download."""
    hidden = hidden_collection_ids(user)
    return queryset.exclude(collection_id__in=hidden) if hidden else queryset
